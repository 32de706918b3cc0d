from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.admin_views import search_report


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [path("reports/portal-search/", search_report, name="portal_search_report")]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return MenuItem(
        _("Search report"),
        reverse("portal_search_report"),
        name="portal-search-report",
        icon_name="search",
        order=1310,
    )

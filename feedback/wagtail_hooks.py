"""The officers' requests inbox and dashboard in Wagtail's admin, and the category settings."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from members.models import officer_scope

from . import admin_views
from .models import CategorySetting

admin_urls = [
    path("", admin_views.inbox, name="inbox"),
    path("<int:pk>/", admin_views.case_detail, name="case"),
    path("dashboard/", admin_views.dashboard_view, name="dashboard"),
]


@hooks.register("register_admin_urls")
def register_feedback_admin_urls():
    return [path("requests/", include((admin_urls, "feedback_admin")))]


class OfficerMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or officer_scope(request.user) is not None


class CategorySettingViewSet(ModelViewSet):
    """Deadlines and routing per category: set by superusers (federation-wide policy)."""

    model = CategorySetting
    icon = "cog"
    menu_label = _("Request deadlines and routing")
    list_display = ["unit", "category", "answer_days", "route_to_level"]
    list_filter = ["category"]
    form_fields = ["unit", "category", "answer_days", "route_to_level"]
    add_to_admin_menu = False


category_settings = CategorySettingViewSet("feedback_settings")


@hooks.register("register_admin_viewset")
def register_category_settings():
    return category_settings


@hooks.register("register_admin_menu_item")
def register_requests_menu():
    menu = Menu(
        items=[
            OfficerMenuItem(_("Inbox"), reverse("feedback_admin:inbox"), icon_name="mail", order=1),
            OfficerMenuItem(_("Dashboard"), reverse("feedback_admin:dashboard"), icon_name="view", order=2),
        ]
    )
    return OfficerSubmenu(_("Requests"), menu, icon_name="mail", name="requests", order=250)


class OfficerSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or officer_scope(request.user) is not None

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class LearningReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.REPORT_PERMISSION)


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("reports/assistant/", admin_views.learning_report, name="assistant_learning_report"),
        path("reports/assistant/new-scenario/", admin_views.new_scenario, name="assistant_new_scenario"),
    ]


@hooks.register("register_reports_menu_item")
def learning_report_menu_item():
    return LearningReportMenuItem(
        _("Assistant: unanswered questions"),
        reverse("assistant_learning_report"),
        name="assistant-learning-report",
        icon_name="help",
        order=810,
    )


@hooks.register("register_permissions")
def learning_report_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="assistant", codename="view_learning_report")

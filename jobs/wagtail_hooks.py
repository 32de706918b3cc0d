from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_applications import JobApplicationViewSet
from .models import Employer, Industry


class EmployerViewSet(SnippetViewSet):
    model = Employer
    icon = "site"
    list_display = ["name", "tax_code", "province", "has_union", "agreement_grade"]
    list_filter = ["has_union", "agreement_grade", "province", "locale"]
    search_fields = ["name", "tax_code"]
    search_backend_name = None
    ordering = ["name"]


class IndustryViewSet(SnippetViewSet):
    model = Industry
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    search_backend_name = None


class JobsViewSetGroup(SnippetViewSetGroup):
    items = (EmployerViewSet, IndustryViewSet)
    menu_icon = "clipboard-list"
    menu_label = _("Jobs")
    menu_name = "jobs"


register_snippet(JobsViewSetGroup)


@hooks.register("register_admin_viewset")
def register_job_applications():
    return JobApplicationViewSet("job_applications")

"""Datasets in the admin: a snippet whose editors are the staff of the dataset's unit."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import DatasetForm
from .models import Dataset
from .permissions import DatasetPermissionPolicy

dataset_policy = DatasetPermissionPolicy(Dataset)
register_permission_policy(Dataset, dataset_policy)


class DatasetViewSet(SnippetViewSet):
    model = Dataset
    icon = "table"
    menu_label = _("Datasets")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "unit", "is_public", "updated_at"]
    list_filter = ["is_public", "chart_type"]
    search_fields = ["title", "description"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("description"),
            FieldPanel("measure"),
            FieldPanel("unit"),
            FieldPanel("chart_type"),
            MultiFieldPanel([FieldPanel("source"), FieldPanel("method")], heading=_("Source and method")),
            MultiFieldPanel([FieldPanel("import_file"), FieldPanel("table")], heading=_("Figures")),
            FieldPanel("is_public"),
        ],
        base_form_class=DatasetForm,
    )

    def get_queryset(self, request):
        # Each person lists the datasets of their own units (and of the units below).
        return dataset_policy.instances_user_has_any_permission_for(
            request.user, ["view", "change"]
        ).select_related("unit", "locale")


register_snippet(DatasetViewSet)


@hooks.register("before_edit_snippet")
def refuse_editing_other_units_datasets(request, instance):
    if isinstance(instance, Dataset) and not dataset_policy.user_has_permission_for_instance(
        request.user, "change", instance
    ):
        raise PermissionDenied


@hooks.register("before_delete_snippet")
def refuse_deleting_other_units_datasets(request, instances):
    for instance in instances:
        if isinstance(instance, Dataset) and not dataset_policy.user_has_permission_for_instance(
            request.user, "delete", instance
        ):
            raise PermissionDenied

"""Admin: question banks and questions (scoped to the units a user manages), attempts with essays,
member counts, and the import/export views."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .forms import BankForm, QuestionForm
from .models import Attempt, Question, QuestionBank, UnitMemberCount
from .scoping import managed_unit_paths, manages, within


def _unit_of(obj):
    """The unit whose staff may touch `obj`."""
    if isinstance(obj, QuestionBank | UnitMemberCount):
        return obj.unit
    if isinstance(obj, Question):
        return obj.bank.unit
    return obj.entrant.unit


class ScopedObjectMixin:
    """Refuses to open an object of a unit outside the user's sections, whatever the URL says."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not manages(self.request.user, _unit_of(obj)):
            raise PermissionDenied
        return obj


class ScopedEditView(ScopedObjectMixin, EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, DeleteView):
    pass


class ScopedModelEditView(ScopedObjectMixin, generic.EditView):
    pass


class ScopedModelDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


def _import_link(bank: QuestionBank) -> str:
    return format_html(
        '<a href="{}">{}</a>', reverse("contests_import_bank", args=[bank.pk]), _("Import / export")
    )


class QuestionBankViewSet(SnippetViewSet):
    model = QuestionBank
    icon = "clipboard-list"
    menu_label = _("Question banks")
    list_display = ["name", "unit", Column("import", label=_("Import / export"), accessor=_import_link)]
    edit_handler = ObjectList([FieldPanel("name"), FieldPanel("unit")], base_form_class=BankForm)
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView

    def get_queryset(self, request):
        return QuestionBank.objects.filter(
            within(managed_unit_paths(request.user), "unit__path")
        ).select_related("unit")


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["text", "bank", "topic", "difficulty"]
    list_filter = ["bank", "topic", "difficulty", "kind"]
    edit_handler = ObjectList(
        [
            FieldPanel("bank"),
            FieldPanel("text"),
            FieldPanel("kind"),
            FieldPanel("topic"),
            FieldPanel("difficulty"),
            InlinePanel("options", label=_("Options"), min_num=2, max_num=6),
            FieldPanel("explanation"),
        ],
        base_form_class=QuestionForm,
    )
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView

    def get_queryset(self, request):
        return Question.objects.filter(
            within(managed_unit_paths(request.user), "bank__unit__path")
        ).select_related("bank")


class ContestsGroup(SnippetViewSetGroup):
    items = (QuestionBankViewSet, QuestionViewSet)
    menu_icon = "tasks"
    menu_label = _("Contests")
    menu_name = "contests"


register_snippet(ContestsGroup)


class EssayViewSet(ModelViewSet):
    """Staff score essays here; `Recompute results` on the organiser page then re-ranks."""

    model = Attempt
    icon = "edit"
    menu_label = _("Essays to score")
    add_to_admin_menu = True
    list_display = ["entrant", "round", "submitted_at", "essay_score"]
    list_filter = ["essay_score"]
    form_fields = ["essay_score"]
    panels = [FieldPanel("essay_text", read_only=True), FieldPanel("essay_score")]
    inspect_view_enabled = False
    copy_view_enabled = False
    edit_view_class = ScopedModelEditView
    delete_view_class = ScopedModelDeleteView

    def get_queryset(self, request):
        return (
            Attempt.objects.exclude(essay_text="")
            .filter(within(managed_unit_paths(request.user), "entrant__unit__path"))
            .select_related("entrant", "round")
            .order_by("essay_score", "submitted_at")
        )


class MemberCountViewSet(ModelViewSet):
    model = UnitMemberCount
    icon = "group"
    menu_label = _("Member counts")
    add_to_admin_menu = True
    list_display = ["unit", "member_count", "as_of"]
    form_fields = ["unit", "member_count", "as_of"]
    search_fields = ["unit__code"]
    copy_view_enabled = False
    edit_view_class = ScopedModelEditView
    delete_view_class = ScopedModelDeleteView

    def get_queryset(self, request):
        return UnitMemberCount.objects.filter(
            within(managed_unit_paths(request.user), "unit__path")
        ).select_related("unit")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [EssayViewSet("contest_essays"), MemberCountViewSet("contest_member_counts")]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("contests/banks/<int:pk>/import/", admin_views.import_bank, name="contests_import_bank"),
        path("contests/banks/<int:pk>/export/", admin_views.export_bank, name="contests_export_bank"),
        path("contests/member-counts/import/", admin_views.import_counts, name="contests_import_counts"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request) -> bool:
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def member_count_import_menu_item():
    return PermissionMenuItem(
        _("Import member counts"),
        reverse("contests_import_counts"),
        icon_name="upload",
        order=900,
        permission="contests.change_unitmembercount",
    )

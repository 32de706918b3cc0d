"""Members, link requests and correction requests in Wagtail's admin, limited to the
officer's own units (superusers see all)."""

from __future__ import annotations

from django import forms
from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView, ChosenView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from federations.models import Unit

from .admin_permissions import OfficerSubtreePolicy
from .models import CorrectionRequest, Member, officer_scope

register_permission_policy(Member, OfficerSubtreePolicy(Member))
register_permission_policy(CorrectionRequest, OfficerSubtreePolicy(CorrectionRequest, "member__unit__path"))


def units_for(user):
    """The units `user` may put a member in: their own units and every unit below them."""
    if user.is_superuser:
        return Unit.objects.all()
    scope = officer_scope(user, "path")
    return Unit.objects.filter(scope) if scope is not None else Unit.objects.none()


class UnitSearchForm(BaseFilterForm):
    """Search by name or code, diacritics optional ("cau giay" finds "Cầu Giấy")."""

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Unit name or code")}),
        required=False,
    )

    def filter(self, objects):
        query = self.cleaned_data.get("q", "").strip()
        if query:
            self.is_searching = True
            self.search_query = query
            objects = objects.matching(query)
        return objects


class OfficerUnitsMixin:
    """A province may hold thousands of units: the chooser searches them, within the officer's subtree."""

    filter_form_class = UnitSearchForm

    def get_object_list(self):
        return units_for(self.request.user).order_by("path")

    @property
    def columns(self):
        return [*super().columns, Column("code", label=_("code"))]


class UnitChooseView(OfficerUnitsMixin, ChooseView):
    pass


class UnitChooseResultsView(OfficerUnitsMixin, ChooseResultsView):
    pass


class UnitChosenView(ChosenView):
    def get_object(self, pk):
        return units_for(self.request.user).get(pk=pk)


class UnitChooserViewSet(ChooserViewSet):
    model = Unit
    icon = "group"
    choose_one_text = _("Choose a unit")
    choose_another_text = _("Choose another unit")
    choose_view_class = UnitChooseView
    choose_results_view_class = UnitChooseResultsView
    chosen_view_class = UnitChosenView
    per_page = 20


unit_chooser = UnitChooserViewSet("member_unit_chooser")


class MemberForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "unit" in self.fields and for_user is not None:
            # The choice is checked on the server too, whatever the chooser showed.
            self.fields["unit"].queryset = units_for(for_user)


class ScopedIndexView(IndexView):
    """Only the rows under the officer's units, whatever the URL asks for."""

    related: tuple[str, ...] = ()

    def get_base_queryset(self):
        queryset = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["view", "change"]
        )
        return queryset.select_related(*self.related)


class ScopedObjectMixin:
    """Edit, inspect and delete find the object among the officer's rows only: 404 otherwise."""

    def get_object(self, queryset=None):
        rows = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["view", "change"]
        )
        return get_object_or_404(rows, pk=unquote(str(self.kwargs[self.pk_url_kwarg])))


class ScopedEditView(ScopedObjectMixin, EditView):
    pass


class ScopedInspectView(ScopedObjectMixin, InspectView):
    pass


class ScopedDeleteView(ScopedObjectMixin, DeleteView):
    pass


class MemberIndexView(ScopedIndexView):
    related = ("unit",)


class CorrectionIndexView(ScopedIndexView):
    related = ("member",)


class MemberViewSet(ModelViewSet):
    model = Member
    icon = "user"
    menu_label = _("Members")
    index_view_class = MemberIndexView
    edit_view_class = ScopedEditView
    inspect_view_class = ScopedInspectView
    delete_view_class = ScopedDeleteView
    list_display = ["member_number", "full_name", "unit", "status", "card_expires"]
    list_filter = ["status"]
    search_fields = ["member_number", "full_name"]
    edit_handler = ObjectList(
        [
            FieldPanel(name, widget=unit_chooser.widget_class if name == "unit" else None)
            for name in (
                "full_name",
                "date_of_birth",
                "gender",
                "phone",
                "email",
                "unit",
                "date_joined",
                "status",
                "card_expires",
            )
        ],
        base_form_class=MemberForm,
    )
    inspect_view_enabled = True


class CorrectionRequestViewSet(ModelViewSet):
    model = CorrectionRequest
    icon = "edit"
    menu_label = _("Correction requests")
    index_view_class = CorrectionIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    list_display = ["member", "field", "correct_value", "status", "created_at"]
    list_filter = ["status"]
    form_fields = ["status"]


class MembersGroup(ViewSetGroup):
    menu_label = _("Members")
    menu_icon = "group"
    items = (MemberViewSet("member_records"), CorrectionRequestViewSet("member_corrections"))


@hooks.register("register_admin_viewset")
def register_members_admin():
    return MembersGroup()


@hooks.register("register_admin_viewset")
def register_unit_chooser():
    return unit_chooser

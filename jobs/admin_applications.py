"""Job applications in Wagtail's admin: the officers of the post's unit and of the units above it
see them (with the applicant's contact details) and set their status; nobody else sees them,
and nobody creates them there."""

from __future__ import annotations

import django_filters
from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from members.admin_permissions import OfficerSubtreePolicy

from .models import JobApplication, JobPostPage


class ApplicationPolicy(OfficerSubtreePolicy):
    """Officers view and change (the status) within their units; only superusers delete;
    applications come from members, never from the admin."""

    def user_has_permission(self, user, action: str) -> bool:
        return action != "add" and super().user_has_permission(user, action)


register_permission_policy(JobApplication, ApplicationPolicy(JobApplication, "unit__path"))


class ScopedObjectMixin:
    """The object is looked up among the user's applications only: 404 for any other."""

    def get_object(self, queryset=None):
        rows = self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["view"])
        return get_object_or_404(
            rows.select_related("member__account", "member__unit", "post", "unit"),
            pk=unquote(str(self.kwargs[self.pk_url_kwarg])),
        )


class ApplicationFilterSet(WagtailFilterSet):
    post = django_filters.ModelChoiceFilter(label=_("Job post"), queryset=JobPostPage.objects.none())

    class Meta:
        model = JobApplication
        fields = ["post", "status"]

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        # Only the posts the user has applications for: the list is "applications per post".
        if request is not None:
            visible = JobApplication.objects.visible_to_officer(request.user).values("post_id")
            self.filters["post"].queryset = JobPostPage.objects.filter(pk__in=visible).order_by("title")


class ApplicationIndexView(IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["view"]
        ).select_related("member", "post")


class ApplicationEditView(ScopedObjectMixin, EditView):
    pass


class ApplicationInspectView(ScopedObjectMixin, InspectView):
    labels = {
        "applicant": _("Applicant"),
        "member_number": _("Member number"),
        "member_unit": _("Member's union unit"),
        "phone": _("Phone number"),
        "email": _("E-mail"),
        "cv_link": _("CV"),
    }

    def get_field_label(self, field_name, field):
        if field_name in self.labels:
            return self.labels[field_name]
        return super().get_field_label(field_name, field)

    def get_applicant_display_value(self):
        return self.object.member.full_name

    def get_member_number_display_value(self):
        return self.object.member.member_number

    def get_member_unit_display_value(self):
        return self.object.member.unit.name

    def get_phone_display_value(self):
        account = self.object.member.account
        return self.object.member.phone or (account.phone if account else "") or "–"

    def get_email_display_value(self):
        account = self.object.member.account
        return self.object.member.email or (account.email if account else "") or "–"

    def get_cv_link_display_value(self):
        if not self.object.cv:
            return "–"
        url = reverse("jobs:application_cv", args=[self.object.pk])
        return format_html('<a href="{}">{}</a>', url, self.object.cv_name or _("Download"))


class JobApplicationViewSet(ModelViewSet):
    model = JobApplication
    icon = "user"
    menu_label = _("Applications")
    index_view_class = ApplicationIndexView
    edit_view_class = ApplicationEditView
    inspect_view_class = ApplicationInspectView
    inspect_view_enabled = True
    list_display = ["member", "post", "status", "created_at"]
    filterset_class = ApplicationFilterSet
    form_fields = ["status"]
    inspect_view_fields = [
        "post",
        "applicant",
        "member_number",
        "member_unit",
        "phone",
        "email",
        "message",
        "cv_link",
        "status",
        "created_at",
        "status_changed_at",
    ]

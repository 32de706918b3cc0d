"""Editors' forms (surveys, registrations) built with Wagtail's form builder, extended with
private file uploads, a honeypot, a rate limit and submissions tied to the signed-in member."""

from __future__ import annotations

import os

from django import forms
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from members.models import Member

from ..storage import private_storage
from ..uploads import PrivateFileField

FILE_FIELD = "file"
HONEYPOT_FIELD = "website"


class FeedbackFormField(AbstractFormField):
    field_type = models.CharField(
        verbose_name=_("field type"),
        max_length=16,
        choices=[*FORM_FIELD_CHOICES, (FILE_FIELD, _("File upload"))],
    )
    page = ParentalKey("FeedbackFormPage", on_delete=models.CASCADE, related_name="form_fields")


class HoneypotInput(forms.TextInput):
    """A field people never see (hidden by CSS, skipped by keyboard and screen readers); bots fill it."""

    def __init__(self):
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1", "class": "visually-hidden"})


class FeedbackFormBuilder(FormBuilder):
    def create_file_field(self, field, options):
        return PrivateFileField(**options)

    @property
    def formfields(self):
        fields = super().formfields
        fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"), required=False, widget=HoneypotInput()
        )
        return fields


class FeedbackFormSubmission(AbstractFormSubmission):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    member = models.ForeignKey(Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    def get_data(self):
        data = super().get_data()
        # Uploaded files are listed by their download address (permission-checked), never their storage path.
        for name, value in list(data.items()):
            if isinstance(value, dict) and value.get("stored"):
                data[name] = reverse("feedback:form_file", args=[self.pk, name])
        data["member"] = self.member.member_number if self.member_id else ""
        return data


class FeedbackFormPage(AbstractEmailForm):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=["bold", "italic", "link"])

    form_builder = FeedbackFormBuilder
    template = "feedback/feedback_form_page.html"
    landing_page_template = "feedback/feedback_form_page_landing.html"
    parent_page_types = ["home.HomePage", "federations.FederationPage"]
    subpage_types: list[str] = []

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail"),
        ),
    ]

    class Meta:
        verbose_name = _("feedback form")
        verbose_name_plural = _("feedback forms")

    def get_submission_class(self):
        return FeedbackFormSubmission

    def get_data_fields(self):
        return [*super().get_data_fields(), ("member", _("Member number"))]

    def process_form_submission(self, form):
        data = {}
        for name, value in form.cleaned_data.items():
            if name == HONEYPOT_FIELD:
                continue
            if hasattr(value, "read"):  # an upload: kept privately, the submission records where
                stored = private_storage.save(
                    f"feedback/forms/{self.pk}/{os.path.basename(value.name)}", value
                )
                value = {"stored": stored, "name": os.path.basename(value.name), "size": value.size}
            data[name] = value
        user = form.user if form.user is not None and form.user.is_authenticated else None
        submission = self.get_submission_class().objects.create(
            form_data=data,
            page=self,
            user=user,
            member=Member.objects.filter(account=user).first() if user else None,
        )
        if self.to_address:
            self.send_mail(form)
        return submission

    def render_email(self, form):
        return "\n".join(
            line
            for line in super().render_email(form).splitlines()
            if not line.startswith(f"{form[HONEYPOT_FIELD].label}:")
        )

    def serve(self, request, *args, **kwargs):
        from ..form_views import serve_feedback_form

        return serve_feedback_form(self, request, *args, **kwargs)

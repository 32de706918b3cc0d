"""The jobs search form (every filter is a GET parameter, so a search can be bookmarked, shared
and saved), the application form and the form that names a saved search."""

import os

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .models import EmploymentType, JobApplication, SavedJobSearch, industries_in_active_language
from .provinces import PROVINCE_CHOICES
from .validators import DOCX, PDF, sniff_cv_type

SORT_CHOICES = [
    ("newest", _("Newest first")),
    ("closing", _("Closing soonest")),
    ("salary", _("Highest salary")),
]
POSTED_WITHIN_CHOICES = [
    ("", _("Any time")),
    ("1", _("Last 24 hours")),
    ("7", _("Last 7 days")),
    ("30", _("Last 30 days")),
]


class JobFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    province = forms.ChoiceField(
        label=_("Province"),
        required=False,
        choices=[("", _("All provinces")), *PROVINCE_CHOICES],
        error_messages={"invalid_choice": _("“%(value)s” is not a province: pick one from the list.")},
    )
    industry = forms.ChoiceField(
        label=_("Industry"),
        required=False,
        error_messages={"invalid_choice": _("“%(value)s” is not an industry: pick one from the list.")},
    )
    type = forms.ChoiceField(
        label=_("Employment type"),
        required=False,
        choices=[("", _("All types")), *EmploymentType.choices],
        error_messages={
            "invalid_choice": _("“%(value)s” is not an employment type: pick one from the list.")
        },
    )
    salary_from = forms.IntegerField(
        label=_("Salary from (million VND a month)"),
        required=False,
        min_value=0,
        max_value=1000,
        error_messages={
            "invalid": _("Write the salary as a whole number of millions, for example 8."),
            "min_value": _("The salary cannot be negative."),
            "max_value": _("Write the salary in millions of VND, for example 8 for 8,000,000."),
        },
    )
    posted_within = forms.ChoiceField(label=_("Posted"), required=False, choices=POSTED_WITHIN_CHOICES)
    union = forms.BooleanField(label=_("Only employers with a grassroots union"), required=False)
    closed = forms.BooleanField(label=_("Include closed posts"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["industry"].choices = [
            ("", _("All industries")),
            *industries_in_active_language().values_list("slug", "name"),
        ]

    def filters(self) -> dict:
        """The valid filters (an invalid one is reported by the form and ignored)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None, False)}


# The parameters that make up a search's filters (the page number is not one).
FILTER_PARAMETERS = tuple(JobFilterForm.base_fields)
CV_EXTENSIONS = {PDF: ".pdf", DOCX: ".docx"}


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = JobApplication
        fields = ["message", "cv"]
        labels = {
            "message": _("A short message to the employer's union"),
            "cv": _("Your CV (PDF or Word .docx, optional)"),
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
            "cv": forms.FileInput(
                attrs={
                    "accept": ".pdf,.docx,application/pdf,"
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                }
            ),
        }
        error_messages = {
            "message": {"required": _("Write a few words about yourself and the job you want.")}
        }

    def clean_cv(self):
        cv = self.cleaned_data.get("cv")
        if not cv:
            return cv
        limit = settings.JOB_CV_MAX_BYTES
        if cv.size > limit:
            raise ValidationError(
                _("Your CV is %(size)s; the limit is %(limit)s. Send a smaller file."),
                params={"size": filesizeformat(cv.size), "limit": filesizeformat(limit)},
                code="too_large",
            )
        kind = sniff_cv_type(cv)
        if kind is None:
            raise ValidationError(
                _(
                    "Your CV must be a PDF or a Word (.docx) file. Save it in one of these formats and try again."
                ),
                code="wrong_type",
            )
        self.cv_name = os.path.basename(cv.name)[:200]
        # The stored name ends in what the bytes are, whatever the file was called.
        cv.name = f"cv{CV_EXTENSIONS[kind]}"
        return cv


class SavedSearchForm(forms.ModelForm):
    class Meta:
        model = SavedJobSearch
        fields = ["name"]
        labels = {"name": _("Name this search")}
        error_messages = {
            "name": {"required": _("Give the search a name, for example “Welding in Bắc Ninh”.")}
        }

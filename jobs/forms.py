"""The jobs search form: every filter is a GET parameter, so a search can be bookmarked and shared."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import EmploymentType, industries_in_active_language
from .provinces import PROVINCE_CHOICES

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

"""The member's forms: filing a request, and writing back on one."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Category
from .models.cases import CATEGORY_GUIDANCE
from .uploads import AttachmentsField


class CategoryRadioSelect(forms.RadioSelect):
    option_template_name = "feedback/widgets/category_option.html"

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["guidance"] = CATEGORY_GUIDANCE.get(value, "")
        option["attrs"]["aria-describedby"] = f"guidance-{value}"
        return option


class CaseForm(forms.Form):
    category = forms.ChoiceField(
        label=_("What is it about?"), choices=Category.choices, widget=CategoryRadioSelect
    )
    description = forms.CharField(
        label=_("Describe the problem or your request"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10_000,
        error_messages={"required": _("Describe the problem or your request: the description is empty.")},
    )
    employer = forms.CharField(label=_("Employer (company name)"), max_length=255, required=False)
    attachments = AttachmentsField(
        label=_("Attachments (optional)"),
        help_text=_("Payslips, contracts, letters, photos: PDF, DOCX, XLSX, JPG, PNG, WEBP or TXT."),
    )
    show_name_to_employer = forms.BooleanField(
        label=_("The union may tell my employer my name when it acts on this"), required=False
    )
    anonymous = forms.BooleanField(
        label=_("File anonymously"),
        required=False,
        help_text=_(
            "Your name is not kept with the request. You get a tracking code to follow it; "
            "keep it, as it is the only way back to the request."
        ),
    )

    def clean_description(self):
        description = self.cleaned_data["description"].strip()
        if not description:
            raise forms.ValidationError(_("Describe the problem or your request: the description is empty."))
        return description


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10_000,
        error_messages={"required": _("Write a message.")},
    )
    attachments = AttachmentsField(label=_("Attachments (optional)"))


class TrackForm(forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=20)

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).upper()

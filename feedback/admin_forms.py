"""The officers' forms on a case, one per action (each posts its own `action`)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from federations.models import Unit

from .models import Category, Status
from .services import OFFICER_STATUSES, colleagues
from .uploads import AttachmentsField


class InboxFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *Status.choices], required=False
    )
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", _("Any category")), *Category.choices], required=False
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Assign to"), queryset=None)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = colleagues(case)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Internal note (officers only)"), widget=forms.Textarea(attrs={"rows": 3}))


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Reply to the member"), widget=forms.Textarea(attrs={"rows": 5}))
    attachments = AttachmentsField(label=_("Attachments (optional)"))


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[(status.value, status.label) for status in OFFICER_STATUSES]
    )


class TransferForm(forms.Form):
    unit_code = forms.CharField(label=_("Code of the unit to transfer to"), max_length=40)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def clean_unit_code(self):
        unit = Unit.objects.filter(code=self.cleaned_data["unit_code"].strip()).first()
        if unit is None:
            raise forms.ValidationError(_("No unit has this code."))
        return unit


class EscalateForm(forms.Form):
    reason = forms.CharField(label=_("Reason for escalating"), widget=forms.Textarea(attrs={"rows": 2}))

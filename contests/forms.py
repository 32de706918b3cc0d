"""Forms: the contest page's admin form (publish checks) and the entry form."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from federations.models import Level, Unit

from .models.banks import QuestionKind, check_options

PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
PHONE_PATTERN = re.compile(r"^0\d{9,10}$")
UNIT_CHOICES_LIMIT = 50


def normalise_phone(raw: str) -> str:
    """'+84 912.345.678' and '0912 345 678' are the same person."""
    phone = PHONE_SEPARATORS.sub("", raw or "")
    if phone.startswith("+84"):
        phone = "0" + phone[3:]
    elif phone.startswith("84") and len(phone) == 11:
        phone = "0" + phone[2:]
    return phone


class ContestPageForm(WagtailAdminPageForm):
    """Refuses rounds that overlap or end before they start, and a bank too small or without answers."""

    def clean(self):
        cleaned = super().clean()
        self._check_rounds()
        self._check_bank(cleaned)
        return cleaned

    def _check_rounds(self) -> None:
        formset = self.formsets.get("rounds")
        if formset is None or not formset.is_valid():
            return
        spans = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            opens, closes = data.get("opens_at"), data.get("closes_at")
            if opens and closes:
                if closes <= opens:
                    form.add_error("closes_at", _("A round must close after it opens."))
                else:
                    spans.append((opens, closes, form))
        spans.sort(key=lambda span: span[0])
        for (_opens, previous_close, _form), (opens, _closes, form) in zip(spans, spans[1:], strict=False):
            if opens < previous_close:
                form.add_error(
                    "opens_at", _("This round overlaps the previous one; rounds must not overlap.")
                )

    def _check_bank(self, cleaned: dict) -> None:
        bank, draw = cleaned.get("question_bank"), cleaned.get("questions_per_attempt")
        if bank is None or not draw:
            return
        for problem in bank.publish_problems(draw):
            self.add_error("question_bank", problem)


def eligible_units(section_unit: Unit):
    """Grassroots units under the unit whose section holds the contest."""
    return section_unit.subtree().active().filter(level=Level.GRASSROOTS)


class EntryForm(forms.Form):
    """Name, phone and grassroots unit; the unit is typed (code or name) or picked from matches.

    Without JavaScript, a name that matches several units re-shows the form with
    a select of the matches: the person picks one and sends again.
    """

    full_name = forms.CharField(label=_("Full name"), max_length=120, min_length=2)
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=20,
        help_text=_("One entry per phone number. It is shown to organisers only."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    unit_query = forms.CharField(
        label=_("Your grassroots union"),
        max_length=200,
        required=False,
        help_text=_("Type its code or part of its name, with or without diacritics."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "list": "unit-suggestions"}),
    )
    unit = forms.ChoiceField(label=_("Choose your union"), required=False, choices=())
    consent = forms.BooleanField(
        label=_("I agree that the organisers keep my name, phone number and union to run this contest."),
    )

    def __init__(self, *args, units=None, ask_identity: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = units
        self.matches: list[Unit] = []
        if not ask_identity:
            del self.fields["full_name"]
            del self.fields["phone"]
        query = (self.data.get("unit_query") or "").strip() if self.is_bound else ""
        if query:
            self.matches = list(self.units.matching(query).order_by("search_name")[:UNIT_CHOICES_LIMIT])
        self.fields["unit"].choices = [("", "—")] + [(u.code, f"{u.name} ({u.code})") for u in self.matches]

    def clean_full_name(self) -> str:
        return " ".join(self.cleaned_data["full_name"].split())

    def clean_phone(self) -> str:
        phone = normalise_phone(self.cleaned_data["phone"])
        if not PHONE_PATTERN.match(phone):
            raise forms.ValidationError(
                _("Enter a Vietnamese phone number of 10 or 11 digits starting with 0, e.g. 0912 345 678.")
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("unit")
        query = (cleaned.get("unit_query") or "").strip()
        unit = None
        if chosen:
            unit = self.units.filter(code=chosen).first()
        elif query:
            unit = self.units.filter(code__iexact=query).first()
            if unit is None and len(self.matches) == 1:
                unit = self.matches[0]
        if unit is not None:
            cleaned["unit_obj"] = unit
        elif not query and not chosen:
            self.add_error("unit_query", _("Tell us your grassroots union: its code or part of its name."))
        elif not self.matches:
            self.add_error(
                "unit_query", _("No grassroots union of this contest matches “%(query)s”.") % {"query": query}
            )
        else:
            self.add_error("unit", _("Several unions match: choose yours in the list, then send again."))
        return cleaned


class AnswerForm(forms.Form):
    """The prediction and essay fields that travel with the answers."""

    prediction = forms.IntegerField(
        label=_("How many entrants will answer every question of this round correctly?"),
        min_value=0,
        max_value=100_000_000,
        required=False,
    )
    essay = forms.CharField(label=_("Your essay"), required=False, max_length=20_000, widget=forms.Textarea)


class QuestionForm(WagtailAdminModelForm):
    """A question needs 2–6 options and the right number of correct ones."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("options")
        if formset is None:
            return cleaned
        options = [
            (form.cleaned_data.get("text", ""), bool(form.cleaned_data.get("is_correct")))
            for form in formset.forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]
        try:
            check_options(cleaned.get("kind") or QuestionKind.SINGLE, options)
        except forms.ValidationError as error:
            self.add_error(None, error)
        return cleaned


class BankForm(WagtailAdminModelForm):
    """The owner unit is one the editor manages (and that publishes)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "unit" in self.fields:
            from .scoping import publishing_units

            self.fields["unit"].queryset = publishing_units(for_user).order_by("path")


class UploadForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"), help_text=_("At most 5 MB."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB; split it into several files."))
        return upload

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

from .linking import CONSENT_STATEMENT, too_many_failures
from .models import CorrectionRequest, Member

PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}


class LinkForm(forms.Form):
    member_number = forms.CharField(label=_("Member number"), max_length=20)
    date_of_birth = forms.DateField(
        label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    id_last_four = forms.RegexField(
        label=_("Last four digits of your identity card"),
        regex=r"^\d{4}$",
        error_messages={"invalid": _("Enter exactly four digits.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 4}),
    )
    message = forms.CharField(
        label=_("Message to your union officers (if the details do not match)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(label=CONSENT_STATEMENT)

    def __init__(self, *args, user, **kwargs):
        self.user = user
        self.member = None
        super().__init__(*args, **kwargs)

    def clean_member_number(self) -> str:
        number = self.cleaned_data["member_number"].strip().upper()
        if too_many_failures(self.user, number):
            raise ValidationError(
                _("Too many attempts that did not match. Try again in an hour, or ask your union.")
            )
        self.member = Member.objects.select_related("unit").filter(member_number=number).first()
        if self.member is None:
            raise ValidationError(
                _("No member has this number. Check the number on your paper card or ask your union.")
            )
        if self.member.account_id and self.member.account_id != self.user.pk:
            raise ValidationError(
                _("This membership is already linked to another account. Ask your union for help.")
            )
        return number


class CorrectionForm(forms.ModelForm):
    FIELDS = [
        ("full_name", _("Full name")),
        ("date_of_birth", _("Date of birth")),
        ("gender", _("Gender")),
        ("phone", _("Phone number")),
        ("email", _("E-mail")),
        ("unit", _("Union unit")),
        ("other", _("Something else")),
    ]
    field = forms.ChoiceField(label=_("What is wrong"), choices=FIELDS)

    class Meta:
        model = CorrectionRequest
        fields = ["field", "correct_value", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class PhotoForm(forms.Form):
    photo = forms.ImageField(label=_("Photo (JPEG, PNG or WebP)"))

    def clean_photo(self):
        photo = self.cleaned_data["photo"]
        limit = settings.MEMBER_PHOTO_MAX_BYTES
        if photo.size > limit:
            raise ValidationError(
                _("The photo is too large (%(size)s). Choose one under %(limit)s.")
                % {"size": filesizeformat(photo.size), "limit": filesizeformat(limit)}
            )
        photo.seek(0)
        try:
            with Image.open(photo) as image:
                kind = image.format
        except OSError as error:
            raise ValidationError(_("This file is not a photo. Choose a JPEG, PNG or WebP image.")) from error
        if kind not in PHOTO_FORMATS:
            raise ValidationError(_("This file is not a photo. Choose a JPEG, PNG or WebP image."))
        photo.seek(0)
        return photo

"""Sign-up by phone number or e-mail address: either one, at least one."""

from __future__ import annotations

from allauth.account.forms import SignupForm
from django import forms
from django.utils.translation import gettext_lazy as _


class PhoneOrEmailSignupForm(SignupForm):
    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("email") and not cleaned_data.get("phone") and not self.has_error("phone"):
            if not self.has_error("email"):
                raise forms.ValidationError(
                    _("Enter a phone number or an e-mail address, so that we can send you a code.")
                )
        return cleaned_data

"""Phone numbers as members type them ("0912 345 678") turned into E.164 ("+84912345678")."""

from __future__ import annotations

import re

from allauth.account.fields import PhoneField
from django.conf import settings

_SEPARATORS = re.compile(r"[\s\-.()]")


def normalize_phone(value: str) -> str:
    """E.164 form of `value`; a national number (leading 0) gets the portal's country code."""
    value = _SEPARATORS.sub("", value or "")
    if value.startswith("00"):
        value = "+" + value[2:]
    elif value.startswith("0") and len(value) > 1:
        value = settings.PHONE_COUNTRY_CODE + value[1:]
    return value


class LocalPhoneField(PhoneField):
    """allauth's E.164 field that also accepts national numbers."""

    def to_python(self, value):
        value = super().to_python(value)
        return normalize_phone(value) if value else value

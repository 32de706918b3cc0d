"""The set of federation levels an announcement or resolution is sent to.

Stored as a short string of level digits ("34" = upper-level and grassroots
unions) so that "is level 4 targeted?" is a plain `contains` lookup on
SQLite and PostgreSQL alike; editors see one checkbox per level.
"""

from __future__ import annotations

from django import forms
from django.db import models

from federations.models import Level

# The confederation is never below anyone, so it is never a target.
TARGETABLE_LEVELS = [level for level in Level if level != Level.CONFEDERATION]


def level_list(value: str) -> list[int]:
    return [int(digit) for digit in value or "" if digit.isdigit()]


class TargetLevelsFormField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        kwargs.pop("empty_value", None)
        super().__init__(choices=[(str(level.value), level.label) for level in TARGETABLE_LEVELS], **kwargs)

    def prepare_value(self, value):
        if isinstance(value, str):
            return list(value)
        return value

    def to_python(self, value):
        if isinstance(value, str):
            value = list(value)
        return super().to_python(value)

    def clean(self, value) -> str:
        return "".join(sorted(set(super().clean(value))))


class TargetLevelsField(models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 8)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return TargetLevelsFormField(
            required=not self.blank, label=self.verbose_name.capitalize(), help_text=self.help_text
        )

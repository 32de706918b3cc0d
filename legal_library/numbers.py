"""Document numbers and symbols (`45/2019/QH14`, `145/2020/NĐ-CP`, `01/NQ-TLĐ`)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from folding import fold_vietnamese

# number / optional year / issuer symbol made of letters and digits joined by hyphens.
NUMBER_PATTERN = re.compile(r"^\d{1,5}(/\d{4})?/[A-ZĐ][A-ZĐ0-9]*(-[A-ZĐ0-9]+)*$")


def normalize_number(value: str) -> str:
    """The number as it is written officially: no spaces, upper case (`45/2019/qh 14` → `45/2019/QH14`)."""
    return re.sub(r"\s+", "", value or "").upper()


def number_key(value: str) -> str:
    """Letters and digits only, folded: `45/2019/QH14` and `45 2019 qh14` both give `452019qh14`."""
    return re.sub(r"[^0-9a-z]", "", fold_vietnamese(value or ""))


def validate_number(value: str) -> None:
    if not NUMBER_PATTERN.match(normalize_number(value)):
        raise ValidationError(
            _(
                "Write the number and symbol as in the official text, for example 45/2019/QH14, "
                "145/2020/NĐ-CP or 01/NQ-TLĐ."
            ),
            code="invalid_number",
        )

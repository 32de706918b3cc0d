import re
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A Vietnamese enterprise code (mã số thuế): 10 digits, or 10 digits, a hyphen and a
# 3-digit branch number. The 10th digit is a check digit over the first nine.
TAX_CODE_RE = re.compile(r"^\d{10}(-\d{3})?$")
CHECK_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def tax_code_check_digit(first_nine: str) -> int:
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, CHECK_WEIGHTS, strict=True))
    return 10 - (total % 11)


def validate_tax_code(value: str) -> None:
    """Refuse anything that is not a well-formed Vietnamese tax code with a correct check digit."""
    if not TAX_CODE_RE.match(value):
        raise ValidationError(
            _(
                "Enter the tax code as 10 digits, or 10 digits, a hyphen and 3 digits for a branch (0101234567-001)."
            ),
            code="tax_code_format",
        )
    if tax_code_check_digit(value[:9]) != int(value[9]):
        raise ValidationError(
            _(
                "This tax code's check digit is wrong: check the ten digits against the business registration."
            ),
            code="tax_code_check_digit",
        )


# -- CVs -----------------------------------------------------------------------------------

PDF = "pdf"
DOCX = "docx"


def sniff_cv_type(upload) -> str | None:
    """ "pdf" or "docx" judged by the file's bytes, not its name; None for anything else.

    A PDF starts with "%PDF-". A DOCX is a ZIP archive holding word/document.xml (an .xlsx or
    any other ZIP renamed to .docx is not one).
    """
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        return PDF
    if head[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            upload.seek(0)
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return DOCX
    return None

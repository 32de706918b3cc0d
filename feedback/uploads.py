"""Checks on files members upload (case attachments, form uploads): type and size, with a
message that says what to fix. The type is judged by extension and by the file's first bytes,
so a renamed executable is refused."""

from __future__ import annotations

import os

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from . import conf

# What each accepted type starts with (None: plain text, checked as UTF-8 instead).
SIGNATURES = {
    "pdf": (b"%PDF",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "webp": (b"RIFF",),
    "txt": None,
}


def _accepted() -> str:
    return ", ".join(sorted(ext.upper() for ext in conf.ALLOWED_EXTENSIONS))


def validate_upload(upload) -> None:
    name = os.path.basename(upload.name or "")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in conf.ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("“%(name)s” is not an accepted file type. Attach one of: %(allowed)s.")
            % {"name": name, "allowed": _accepted()},
            code="file_type",
        )
    limit = conf.max_attachment_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; attachments may be at most %(limit)s. Attach a smaller file.")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="file_size",
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    signatures = SIGNATURES[extension]
    if signatures is None:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.start < len(head) - 4:  # a character cut at the 2 KB boundary is fine
                raise ValidationError(
                    _("“%(name)s” is not a text file. Attach one of: %(allowed)s.")
                    % {"name": name, "allowed": _accepted()},
                    code="file_type",
                ) from None
    elif not head.startswith(signatures):
        raise ValidationError(
            _("“%(name)s” does not look like a %(type)s file. Attach one of: %(allowed)s.")
            % {"name": name, "type": extension.upper(), "allowed": _accepted()},
            code="file_type",
        )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Zero or more files, each checked; the count is limited too."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > conf.max_attachments():
            raise ValidationError(
                _("Attach at most %(count)d files.") % {"count": conf.max_attachments()}, code="too_many"
            )
        errors = []
        for upload in files:
            try:
                validate_upload(upload)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return list(files)


class PrivateFileField(forms.FileField):
    """One checked file (the form builder's upload field)."""

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            validate_upload(upload)
        return upload

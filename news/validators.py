"""Checks on files attached to news items: type and size, with a message that says what to fix."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

ATTACHMENT_EXTENSIONS = frozenset({"pdf", "docx", "xlsx", "jpg", "jpeg", "png", "webp"})


def attachment_size_limit() -> int:
    """Bytes; NEWS_ATTACHMENT_MAX_SIZE if set, else the site's document upload limit."""
    return getattr(settings, "NEWS_ATTACHMENT_MAX_SIZE", None) or settings.WAGTAILDOCS_MAX_UPLOAD_SIZE


def validate_attachment(document, extensions: frozenset[str] = ATTACHMENT_EXTENSIONS) -> None:
    if document is None:
        return
    extension = (document.file_extension or "").lower()
    if extension not in extensions:
        allowed = ", ".join(sorted(ext.upper() for ext in extensions))
        raise ValidationError(
            _("“%(name)s” is not an accepted file type. Attach one of: %(allowed)s.")
            % {"name": document.title, "allowed": allowed}
        )
    size = document.get_file_size()
    limit = attachment_size_limit()
    if size and limit and size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; attachments may be at most %(limit)s. Upload a smaller file.")
            % {"name": document.title, "size": filesizeformat(size), "limit": filesizeformat(limit)}
        )

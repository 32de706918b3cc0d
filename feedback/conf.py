"""The app's settings, each overridable in Django settings (`FEEDBACK_…`) or the environment."""

from __future__ import annotations

import os

from django.conf import settings


def _setting(name: str, default):
    return getattr(settings, f"FEEDBACK_{name}", default)


def answer_days_default() -> dict[str, int]:
    """Days an officer has to answer, per category, where no unit has set its own."""
    days = int(os.environ.get("FEEDBACK_ANSWER_DAYS", "15"))
    return _setting("ANSWER_DAYS", {"safety": 3, "dismissal": 7, "wages": 10, "default": days})


def routing_default() -> dict[str, int]:
    """Category → level of the unit that handles it, where no unit has said otherwise (2 = provincial)."""
    return _setting("ROUTING", {"social_insurance": 2})


def reopen_days() -> int:
    return int(_setting("REOPEN_DAYS", os.environ.get("FEEDBACK_REOPEN_DAYS", "30")))


def cases_per_hour() -> int:
    return int(_setting("CASES_PER_HOUR", os.environ.get("FEEDBACK_CASES_PER_HOUR", "5")))


def form_submissions_per_hour() -> int:
    return int(
        _setting("FORM_SUBMISSIONS_PER_HOUR", os.environ.get("FEEDBACK_FORM_SUBMISSIONS_PER_HOUR", "20"))
    )


def max_attachment_bytes() -> int:
    return int(
        _setting(
            "MAX_ATTACHMENT_BYTES", int(os.environ.get("FEEDBACK_MAX_ATTACHMENT_MB", "10")) * 1024 * 1024
        )
    )


def max_attachments() -> int:
    return int(_setting("MAX_ATTACHMENTS", 5))


def private_root() -> str:
    return str(
        # The portal's one folder of files that no URL serves (shared with applicants' CVs).
        _setting("PRIVATE_ROOT", os.environ.get("FEEDBACK_PRIVATE_ROOT", settings.PRIVATE_MEDIA_ROOT))
    )


ALLOWED_EXTENSIONS = frozenset({"pdf", "docx", "xlsx", "jpg", "jpeg", "png", "webp", "txt"})

"""Who is entering: a member account, or an entrant remembered by a signed cookie.

A signed cookie rather than a session keeps the hot path free of session
reads and writes; it names the entrant of one contest and nothing else.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

COOKIE_MAX_AGE = 120 * 24 * 60 * 60


def cookie_name(contest_id: int) -> str:
    return f"contest{contest_id}"


def entrant_id_from(request: HttpRequest, contest_id: int) -> int | None:
    value = request.get_signed_cookie(cookie_name(contest_id), default=None, salt="contests.entrant")
    return int(value) if value and value.isdigit() else None


def remember_entrant(response: HttpResponse, contest_id: int, entrant_id: int) -> None:
    response.set_signed_cookie(
        cookie_name(contest_id),
        str(entrant_id),
        salt="contests.entrant",
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def client_ip(request: HttpRequest) -> str:
    header = getattr(settings, "TRUSTED_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")

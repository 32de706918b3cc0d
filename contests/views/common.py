"""Helpers shared by the contest views."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ..identity import entrant_id_from
from ..models import ContestPage, Eligibility, Entrant

security_log = logging.getLogger("contests.security")


def current_entrant(request: HttpRequest, contest: ContestPage) -> Entrant | None:
    """The entrant this browser (or signed-in member) is, in the canonical contest."""
    contest = contest.canonical
    if contest.eligibility == Eligibility.MEMBERS:
        if not request.user.is_authenticated:
            return None
        return Entrant.objects.filter(contest=contest, user=request.user).select_related("unit").first()
    entrant_id = entrant_id_from(request, contest.pk)
    if entrant_id is None:
        return None
    return Entrant.objects.filter(pk=entrant_id, contest=contest).select_related("unit").first()


def too_many_requests(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "contests/message.html",
        {
            "title": _("Too many requests"),
            "message": _("Many people are taking part right now. Wait a minute, then try again."),
        },
        status=429,
    )


def rejected(request: HttpRequest, reason: str, status: int = 400) -> HttpResponse:
    """A request no honest browser sends: logged with its reason, never scored."""
    security_log.warning("contest request rejected (%s): %s %s", reason, request.method, request.path)
    return render(
        request,
        "contests/message.html",
        {
            "title": _("This request cannot be accepted"),
            "message": _("Reload the contest page and try again."),
        },
        status=status,
    )


def can_organise(user, contest: ContestPage) -> bool:
    """Organisers are the editors of the contest page (its section's staff)."""
    if not user.is_authenticated:
        return False
    return contest.canonical.permissions_for_user(user).can_edit()

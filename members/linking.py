"""Linking an account to a member record, and the officers' decision on requests."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .identity import last_four_hash
from .models import ConsentRecord, LinkRequest, Member

# Failed attempts allowed per account and per member number, in this many seconds.
MAX_FAILED_ATTEMPTS = 5
FAILED_ATTEMPTS_WINDOW = 60 * 60

CONSENT_STATEMENT = _(
    "I agree that my trade union processes my membership data (name, date of birth, gender, "
    "contact details, union unit, membership dates and card) to manage my membership and "
    "issue my card. I may see, download and ask to correct this data at any time "
    "(Decree 13/2023/ND-CP on personal data protection)."
)


@dataclass(frozen=True)
class LinkOutcome:
    LINKED = "linked"
    REQUESTED = "requested"
    outcome: str
    member: Member


def _attempt_keys(user, member_number: str) -> list[str]:
    return [f"members:link-failures:user:{user.pk}", f"members:link-failures:number:{member_number}"]


def too_many_failures(user, member_number: str) -> bool:
    return any((cache.get(key) or 0) >= MAX_FAILED_ATTEMPTS for key in _attempt_keys(user, member_number))


def _count_failure(user, member_number: str) -> None:
    for key in _attempt_keys(user, member_number):
        cache.add(key, 0, FAILED_ATTEMPTS_WINDOW)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, FAILED_ATTEMPTS_WINDOW)


def _matches(member: Member, date_of_birth, last_four: str) -> bool:
    if member.date_of_birth != date_of_birth or not member.id_last_four_hash:
        return False
    return hmac.compare_digest(member.id_last_four_hash, last_four_hash(member.member_number, last_four))


@transaction.atomic
def link_account(user, member: Member) -> None:
    member.account = user
    member.save(update_fields=["account", "updated_at"])
    ConsentRecord.objects.create(member=member, user=user, statement=str(CONSENT_STATEMENT))


@transaction.atomic
def request_link(user, member: Member, date_of_birth, last_four: str, message: str = "") -> LinkOutcome:
    """Link at once on a match; otherwise leave a request for the unit's officers."""
    if _matches(member, date_of_birth, last_four):
        link_account(user, member)
        return LinkOutcome(LinkOutcome.LINKED, member)
    _count_failure(user, member.member_number)
    LinkRequest.objects.update_or_create(
        user=user,
        member=member,
        status=LinkRequest.Status.PENDING,
        defaults={"date_of_birth_given": date_of_birth, "message": message},
    )
    return LinkOutcome(LinkOutcome.REQUESTED, member)


@transaction.atomic
def decide(link_request: LinkRequest, officer, approve: bool) -> None:
    link_request = LinkRequest.objects.select_for_update().select_related("member").get(pk=link_request.pk)
    if link_request.status != LinkRequest.Status.PENDING:
        return
    link_request.status = LinkRequest.Status.APPROVED if approve else LinkRequest.Status.REJECTED
    link_request.decided_at = timezone.now()
    link_request.decided_by = officer
    link_request.save()
    if approve:
        link_account(link_request.user, link_request.member)
        # Other pending requests for the same record cannot be right any more.
        LinkRequest.objects.filter(member=link_request.member, status=LinkRequest.Status.PENDING).update(
            status=LinkRequest.Status.REJECTED, decided_at=timezone.now(), decided_by=officer
        )

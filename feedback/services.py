"""Everything that changes a case goes through here: in a transaction, with its history
event, and with notifications queued in the background once the transaction commits.

`open_case` is the interface other apps (the legal assistant) call.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from federations.models import Unit, UnitOfficer
from members.models import Member, covers_unit_path

from . import routing, tasks
from .models import Case, CaseAttachment, CaseEvent, Category, Status


def _queue(task, *args) -> None:
    transaction.on_commit(lambda: task.enqueue(*args))


def _attach(case: Case, files: Iterable, event: CaseEvent | None, now: datetime) -> None:
    for upload in files:
        CaseAttachment.objects.create(
            case=case, event=event, file=upload, name=upload.name[:255], size=upload.size, uploaded_at=now
        )


@transaction.atomic
def open_case(
    *,
    member: Member,
    category: str,
    description: str,
    employer: str = "",
    attachments=(),
    anonymous: bool = False,
    show_name_to_employer: bool = False,
    conversation: str = "",
    filed_by=None,
    now: datetime | None = None,
) -> Case:
    """File a request for `member`: routed to the member's unit (or higher for the category),
    with its answer deadline, the "filed" event, and the unit's officers told in the background.

    Attachments must already be checked (feedback.uploads.validate_upload); an anonymous case
    keeps no link to the member (only the unit it came from), and is followed by its tracking code.
    """
    if category not in Category.values:
        raise ValidationError(_("Choose a category."))
    if not description.strip():
        raise ValidationError(_("Describe the problem or your request."))
    now = now or timezone.now()
    origin = member.unit
    unit = routing.route(origin, category)
    case = Case.objects.create(
        member=None if anonymous else member,
        origin_unit=origin,
        unit=unit,
        category=category,
        description=description.strip(),
        employer=employer.strip(),
        anonymous=anonymous,
        show_name_to_employer=show_name_to_employer and not anonymous,
        conversation=conversation,
        filed_by=None if anonymous else filed_by,
        due_at=routing.due_at(unit, category, now),
        created_at=now,
    )
    event = CaseEvent.objects.create(case=case, kind=CaseEvent.Kind.FILED, to_unit=unit, created_at=now)
    _attach(case, attachments, event, now)
    _queue(tasks.notify_unit, case.pk, event.pk)
    return case


def _move(case: Case, to_unit: Unit, kind: str, by, reason: str, now: datetime) -> CaseEvent:
    from_unit = case.unit
    case.unit = to_unit
    case.assigned_to = None
    if case.status in (Status.ASSIGNED, Status.IN_PROGRESS):
        case.status = Status.NEW
    case.due_at = routing.due_at(to_unit, case.category, now)
    case.save()
    event = CaseEvent.objects.create(
        case=case, kind=kind, author=by, text=reason, from_unit=from_unit, to_unit=to_unit, created_at=now
    )
    _queue(tasks.notify_unit, case.pk, event.pk)
    return event


def _require_reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError(_("Give a reason, so the next unit knows why."))
    return reason.strip()


@transaction.atomic
def escalate(case: Case, *, by=None, reason: str = "", now: datetime | None = None) -> CaseEvent:
    """Send the case to the parent unit (an officer with a reason, or the clock past the deadline)."""
    parent = case.unit.get_parent()
    if parent is None:
        raise ValidationError(_("This unit has no unit above it."))
    if by is not None:
        reason = _require_reason(reason)
    return _move(case, parent, CaseEvent.Kind.ESCALATED, by, reason, now or timezone.now())


@transaction.atomic
def transfer(case: Case, to_unit: Unit, *, by, reason: str, now: datetime | None = None) -> CaseEvent:
    """Hand the case to another unit the officer acts for (their unit or one below it)."""
    reason = _require_reason(reason)
    if to_unit.pk == case.unit_id:
        raise ValidationError(_("The case is already with this unit."))
    if not by.is_superuser and not covers_unit_path(by, to_unit.path):
        raise PermissionDenied
    return _move(case, to_unit, CaseEvent.Kind.TRANSFERRED, by, reason, now or timezone.now())


def colleagues(case: Case):
    """Who a case may be assigned to: the officers of the unit handling it."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(unit_roles__unit_id=case.unit_id, is_active=True)
        .distinct()
        .order_by("username")
    )


@transaction.atomic
def assign(case: Case, assignee, *, by, now: datetime | None = None) -> CaseEvent:
    if not UnitOfficer.objects.filter(unit_id=case.unit_id, user=assignee).exists():
        raise ValidationError(_("Assign the case to an officer of the unit handling it."))
    case.assigned_to = assignee
    if case.status in (Status.NEW, Status.REOPENED):
        case.status = Status.ASSIGNED
    case.save()
    return CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.ASSIGNED,
        author=by,
        assignee=assignee,
        created_at=now or timezone.now(),
    )


def _require_text(text: str) -> str:
    if not text.strip():
        raise ValidationError(_("Write a message."))
    return text.strip()


@transaction.atomic
def add_note(case: Case, text: str, *, by, now: datetime | None = None) -> CaseEvent:
    """An internal note: officers only, never shown to the member."""
    return CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.NOTE,
        author=by,
        text=_require_text(text),
        created_at=now or timezone.now(),
    )


@transaction.atomic
def reply(case: Case, text: str, *, by, attachments=(), now: datetime | None = None) -> CaseEvent:
    """An answer to the member: the case is answered (its clock stops) and the member is told."""
    now = now or timezone.now()
    event = CaseEvent.objects.create(
        case=case, kind=CaseEvent.Kind.REPLY, author=by, text=_require_text(text), created_at=now
    )
    _attach(case, attachments, event, now)
    case.status = Status.ANSWERED
    case.answered_at = now
    case.first_answered_at = case.first_answered_at or now
    case.save()
    _queue(tasks.notify_member, case.pk, event.pk)
    return event


OFFICER_STATUSES = (Status.IN_PROGRESS, Status.CLOSED)


@transaction.atomic
def set_status(case: Case, status: str, *, by, now: datetime | None = None) -> CaseEvent:
    if status not in OFFICER_STATUSES:
        raise ValidationError(_("Choose “in progress” or “closed”; a reply marks a case answered."))
    now = now or timezone.now()
    case.status = status
    case.closed_at = now if status == Status.CLOSED else None
    case.save()
    return CaseEvent.objects.create(
        case=case, kind=CaseEvent.Kind.STATUS, author=by, status=status, created_at=now
    )


@transaction.atomic
def member_message(
    case: Case, text: str, *, by=None, attachments=(), now: datetime | None = None
) -> CaseEvent:
    """The member answers back. On an answered or closed case this reopens it (within the period)."""
    now = now or timezone.now()
    text = _require_text(text)
    if case.status in (Status.ANSWERED, Status.CLOSED):
        if not case.may_reopen(now):
            raise ValidationError(_("This request was closed too long ago to reopen. File a new request."))
        case.status = Status.REOPENED
        case.closed_at = None
        case.due_at = routing.due_at(case.unit, case.category, now)
        kind = CaseEvent.Kind.REOPENED
    else:
        kind = CaseEvent.Kind.MEMBER_MESSAGE
    case.save()
    event = CaseEvent.objects.create(case=case, kind=kind, author=by, text=text, created_at=now)
    _attach(case, attachments, event, now)
    return event


def escalate_overdue_cases(now: datetime | None = None) -> list[Case]:
    """Every open case past its deadline goes to the parent unit, one transaction per case
    (a failure leaves the others done). Cases at the top of the tree stay, still overdue."""
    now = now or timezone.now()
    escalated = []
    overdue = Case.objects.overdue(now).filter(unit__depth__gt=1).select_related("unit").order_by("due_at")
    for case_id in overdue.values_list("pk", flat=True):
        with transaction.atomic():
            case = Case.objects.select_for_update().select_related("unit").get(pk=case_id)
            if not case.is_overdue(now):  # answered meanwhile
                continue
            escalate(case, now=now)  # no author, no reason: the clock did it
            escalated.append(case)
    return escalated

"""Bulk load of member records from CSV: update by member number, all or nothing.

The file is read as a stream inside one transaction: rows are checked and written in
batches, and any error rolls the whole load back, so memory stays bounded by the batch
(plus the set of numbers seen, to catch duplicates) even for a million rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from federations.models import Unit

from .identity import hashes_for
from .models import Member, RevokedCard, card_expiry_from, new_card_serial

REQUIRED_COLUMNS = ["member_number", "full_name", "date_of_birth", "unit_code", "date_joined"]
OPTIONAL_COLUMNS = ["gender", "phone", "email", "status", "id_document_number", "card_expires"]
BATCH_SIZE = 5000
MAX_REPORTED_ERRORS = 200
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
GENDERS = {
    "": Member.Gender.OTHER,
    "female": Member.Gender.FEMALE,
    "f": Member.Gender.FEMALE,
    "nữ": Member.Gender.FEMALE,
    "nu": Member.Gender.FEMALE,
    "male": Member.Gender.MALE,
    "m": Member.Gender.MALE,
    "nam": Member.Gender.MALE,
    "other": Member.Gender.OTHER,
    "khác": Member.Gender.OTHER,
}
STATUSES = {"": Member.Status.ACTIVE, **{status.value: status.value for status in Member.Status}}
UPDATED_FIELDS = [
    "full_name",
    "date_of_birth",
    "gender",
    "phone",
    "email",
    "unit",
    "date_joined",
    "status",
    "card_serial",
    "card_expires",
    "id_document_hash",
    "id_last_four_hash",
    "updated_at",
]


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    revoked: int = 0


@dataclass
class MemberImportError(Exception):
    errors: list[tuple[int, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(
            _("Line %(line)d: %(message)s") % {"line": line, "message": message}
            for line, message in self.errors
        )


class _Rollback(Exception):
    pass


def _parse_date(value: str) -> date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    return None


def _rows(source) -> Iterable[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(source)
    missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise MemberImportError([(1, _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})])
    for row in reader:
        yield reader.line_num, {key: (value or "").strip() for key, value in row.items() if key}


def _check(
    line: int, row: dict[str, str], units: dict[str, int], today: date
) -> tuple[Member | None, list[str], str]:
    errors = []
    number = row["member_number"].upper()
    if not number or len(number) > 20:
        errors.append(_("the member number is missing or longer than 20 characters"))
    if not row["full_name"]:
        errors.append(_("the full name is missing"))
    unit_id = units.get(row["unit_code"])
    if unit_id is None:
        errors.append(_("unknown unit code “%(code)s”") % {"code": row["unit_code"]})
    dates = {}
    for column in ("date_of_birth", "date_joined", "card_expires"):
        value = row.get(column, "")
        if not value and column == "card_expires":
            dates[column] = None
            continue
        dates[column] = _parse_date(value)
        if dates[column] is None:
            errors.append(
                _("bad date in %(column)s: “%(value)s” (write YYYY-MM-DD or DD/MM/YYYY)")
                % {"column": column, "value": value}
            )
    gender = GENDERS.get(row.get("gender", "").lower())
    if gender is None:
        errors.append(
            _("unknown gender “%(value)s” (write female, male or other)") % {"value": row["gender"]}
        )
    status = STATUSES.get(row.get("status", "").lower())
    if status is None:
        errors.append(
            _("unknown status “%(value)s” (write active, suspended or left)") % {"value": row["status"]}
        )
    if errors:
        return None, errors, number
    document_hash, last_four_hash = hashes_for(number, row.get("id_document_number", ""))
    member = Member(
        member_number=number,
        full_name=row["full_name"][:200],
        date_of_birth=dates["date_of_birth"],
        gender=gender,
        phone=row.get("phone", "")[:20],
        email=row.get("email", "")[:254],
        unit_id=unit_id,
        date_joined=dates["date_joined"],
        status=status,
        card_serial=new_card_serial(),
        card_expires=dates["card_expires"] or card_expiry_from(today),
        id_document_hash=document_hash,
        id_last_four_hash=last_four_hash,
        updated_at=timezone.now(),
    )
    member.explicit_expiry = dates["card_expires"] is not None
    return member, [], number


def _write(batch: list[Member], result: ImportResult, today: date) -> None:
    existing = {
        row[0]: row[1:]
        for row in Member.objects.filter(member_number__in=[m.member_number for m in batch]).values_list(
            "member_number", "status", "card_serial", "card_expires", "id_document_hash", "id_last_four_hash"
        )
    }
    revoked = []
    for member in batch:
        old = existing.get(member.member_number)
        if old is None:
            result.created += 1
            continue
        result.updated += 1
        status, serial, expires, document_hash, last_four_hash = old
        member.id_document_hash = member.id_document_hash or document_hash
        member.id_last_four_hash = member.id_last_four_hash or last_four_hash
        if not member.explicit_expiry:
            member.card_expires = expires
        if status == Member.Status.ACTIVE and member.status != Member.Status.ACTIVE:
            revoked.append(RevokedCard(serial=serial, reason=member.status))
            member.card_serial = serial
        elif status != Member.Status.ACTIVE and member.status == Member.Status.ACTIVE:
            # Reinstated: a new card; the old serial stays revoked.
            member.card_expires = member.card_expires if member.explicit_expiry else card_expiry_from(today)
        else:
            member.card_serial = serial
    Member.objects.bulk_create(
        batch,
        update_conflicts=True,
        unique_fields=["member_number"],
        update_fields=UPDATED_FIELDS,
        batch_size=BATCH_SIZE,
    )
    if revoked:
        RevokedCard.objects.bulk_create(revoked, ignore_conflicts=True)
        result.revoked += len(revoked)


def import_members(
    source: str | io.TextIOBase, progress: Callable[[int], None] | None = None
) -> ImportResult:
    """Import CSV text or a text stream. Raises MemberImportError (nothing written) on any bad line."""
    if isinstance(source, str):
        source = io.StringIO(source)
    units = dict(Unit.objects.values_list("code", "id"))
    today = timezone.localdate()
    result = ImportResult()
    errors: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    batch: list[Member] = []
    try:
        with transaction.atomic():
            for line, row in _rows(source):
                member, row_errors, number = _check(line, row, units, today)
                if number and number in seen:
                    row_errors.append(
                        _("member number %(number)s is also on line %(other)d")
                        % {"number": number, "other": seen[number]}
                    )
                elif number:
                    seen[number] = line
                if row_errors:
                    if len(errors) < MAX_REPORTED_ERRORS:
                        errors.append((line, "; ".join(row_errors)))
                    continue
                if errors:
                    continue  # only checking from here on: the load will be rolled back
                batch.append(member)
                if len(batch) >= BATCH_SIZE:
                    _write(batch, result, today)
                    if progress:
                        progress(len(batch))
                    batch = []
            if not errors and batch:
                _write(batch, result, today)
                if progress:
                    progress(len(batch))
            if errors:
                raise _Rollback
    except _Rollback:
        raise MemberImportError(errors) from None
    return result

"""Bulk load of member records from CSV: update by member number, all or nothing.

The file is streamed once: every row is checked in Python and copied into a temporary
staging table (PostgreSQL's COPY, SQLite's executemany in chunks), so memory stays bounded
by one chunk whatever the file's size. Duplicate numbers are found in the staging table.
Only when the whole file is clean do three set-based statements apply it, in the same
transaction: revoke the cards of members whose status leaves "active", then one
INSERT … ON CONFLICT (member_number) DO UPDATE. Any error rolls everything back.
"""

from __future__ import annotations

import csv
import io
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from federations.models import Unit

from .identity import DocumentHasher
from .models import Member, RevokedCard, card_expiry_from

REQUIRED_COLUMNS = ["member_number", "full_name", "date_of_birth", "unit_code", "date_joined"]
OPTIONAL_COLUMNS = ["gender", "phone", "email", "status", "id_document_number", "card_expires"]
CHUNK_ROWS = 5000
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
MAX_LENGTHS = {name: Member._meta.get_field(name).max_length for name in ("full_name", "phone", "email")}

STAGING_TABLE = "members_import_staging"
# (column, SQL type): one staged row per line of the file, in this order.
STAGING_COLUMNS = [
    ("line", "integer"),
    ("member_number", "text"),
    ("full_name", "text"),
    ("date_of_birth", "date"),
    ("gender", "text"),
    ("phone", "text"),
    ("email", "text"),
    ("unit_id", "bigint"),
    ("date_joined", "date"),
    ("status", "text"),
    ("card_serial", "text"),
    ("card_expires", "date"),
    ("id_document_hash", "text"),
    ("id_last_four_hash", "text"),
]


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    revoked: int = 0
    # Seconds per phase (checking and staging the file, finding duplicates, applying,
    # committing): where the time of a large load goes.
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class MemberImportError(Exception):
    errors: list[tuple[int, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(
            _("Line %(line)d: %(message)s") % {"line": line, "message": message}
            for line, message in self.errors
        )


def _iso_date(value: str) -> str | None:
    """The date as YYYY-MM-DD, or None when it is no date in one of DATE_FORMATS."""
    # date.fromisoformat is ~25 times faster than strptime: take it for the usual
    # YYYY-MM-DD (a million rows have two dates each), strptime for everything else.
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.isascii():
        try:
            date.fromisoformat(value)
        except ValueError:
            return None
        return value
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def _serials() -> Iterator[str]:
    """Random serials like models.new_card_serial (16 hex characters), one system call per 4,096."""
    while True:
        pool = os.urandom(8 * 4096).hex()
        for start in range(0, len(pool), 16):
            yield pool[start : start + 16]


class _RowChecker:
    """Turns one CSV row into a staging row, or into the reasons it is wrong.

    Written for speed (it runs a million times): plain indexes into the row, and the
    messages are only built for bad rows.
    """

    def __init__(self, header: list[str]):
        # A missing optional column reads the empty value appended to every row.
        self.width = len(header) + 1
        self.index = {
            name: header.index(name) if name in header else len(header)
            for name in REQUIRED_COLUMNS + OPTIONAL_COLUMNS
        }
        self.units = dict(Unit.objects.values_list("code", "id"))
        self.hasher = DocumentHasher()
        self.serials = _serials()

    def check(self, line: int, values: list[str]) -> tuple[tuple, list[str]]:
        values.append("")
        if len(values) < self.width:
            values += [""] * (self.width - len(values))
        index = self.index
        number = values[index["member_number"]].strip().upper()
        full_name = values[index["full_name"]].strip()
        phone = values[index["phone"]].strip()
        email = values[index["email"]].strip()
        unit_code = values[index["unit_code"]].strip()
        unit_id = self.units.get(unit_code)
        date_of_birth = _iso_date(values[index["date_of_birth"]].strip())
        date_joined = _iso_date(values[index["date_joined"]].strip())
        card_expires = values[index["card_expires"]].strip()
        card_expires_iso = _iso_date(card_expires) if card_expires else None
        gender = GENDERS.get(values[index["gender"]].strip().lower())
        status = STATUSES.get(values[index["status"]].strip().lower())
        if (
            not number
            or len(number) > 20
            or not full_name
            or len(full_name) > MAX_LENGTHS["full_name"]
            or len(phone) > MAX_LENGTHS["phone"]
            or email
            or unit_id is None
            or date_of_birth is None
            or date_joined is None
            or (card_expires and card_expires_iso is None)
            or gender is None
            or status is None
        ):
            errors = self._errors(values, number, full_name, phone, email, unit_id, gender, status)
            if errors:
                # Still staged (number only), so that a duplicate of a bad line is reported too.
                return (line, number) + (None,) * (len(STAGING_COLUMNS) - 2), errors
        document_hash, last_four_hash = self.hasher.hashes(number, values[index["id_document_number"]])
        return (
            line,
            number,
            full_name,
            date_of_birth,
            gender,
            phone,
            email,
            unit_id,
            date_joined,
            status,
            next(self.serials),  # used for new members and reinstated ones only
            card_expires_iso,
            document_hash,
            last_four_hash,
        ), []

    def _errors(self, values, number, full_name, phone, email, unit_id, gender, status) -> list[str]:
        index = self.index
        errors = []
        if not number or len(number) > 20:
            errors.append(_("the member number is missing or longer than 20 characters"))
        if not full_name:
            errors.append(_("the full name is missing"))
        for column, value in (("full_name", full_name), ("phone", phone), ("email", email)):
            if len(value) > MAX_LENGTHS[column]:
                errors.append(
                    _("%(column)s is longer than %(limit)d characters")
                    % {"column": column, "limit": MAX_LENGTHS[column]}
                )
        if email and len(email) <= MAX_LENGTHS["email"]:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(_("“%(value)s” is not a valid e-mail address") % {"value": email})
        if unit_id is None:
            errors.append(_("unknown unit code “%(code)s”") % {"code": values[index["unit_code"]].strip()})
        for column in ("date_of_birth", "date_joined", "card_expires"):
            value = values[index[column]].strip()
            if (value or column != "card_expires") and _iso_date(value) is None:
                errors.append(
                    _("bad date in %(column)s: “%(value)s” (write YYYY-MM-DD or DD/MM/YYYY)")
                    % {"column": column, "value": value}
                )
        if gender is None:
            errors.append(
                _("unknown gender “%(value)s” (write female, male or other)")
                % {"value": values[index["gender"]].strip()}
            )
        if status is None:
            errors.append(
                _("unknown status “%(value)s” (write active, suspended or left)")
                % {"value": values[index["status"]].strip()}
            )
        return errors


class _CsvFile:
    """The file's rows as staging rows, in chunks; bad lines are added to `errors` as met.

    The header is checked and the units are read on creation, before any COPY starts:
    the connection cannot run queries while a COPY is open.
    """

    def __init__(self, source, errors: list[tuple[int, str]]):
        self.reader = csv.reader(source)
        header = [name.strip() for name in next(self.reader, [])]
        missing = [column for column in REQUIRED_COLUMNS if column not in header]
        if missing:
            raise MemberImportError(
                [(1, _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})]
            )
        self.checker = _RowChecker(header)
        self.errors = errors

    def chunks(self) -> Iterator[list[tuple]]:
        reader, check, errors = self.reader, self.checker.check, self.errors
        chunk = []
        for values in reader:
            if not values:
                continue
            row, row_errors = check(reader.line_num, values)
            if row_errors:
                errors.append((reader.line_num, "; ".join(row_errors)))
                del errors[MAX_REPORTED_ERRORS:]
            chunk.append(row)
            if len(chunk) >= CHUNK_ROWS:
                yield chunk
                chunk = []
        if chunk:
            yield chunk


class _Staging:
    """The temporary table that holds the checked file until it is applied."""

    def __init__(self, cursor):
        self.cursor = cursor
        self.postgres = connection.vendor == "postgresql"
        self.names = ", ".join(name for name, _type in STAGING_COLUMNS)

    def create(self) -> None:
        columns = ", ".join(f"{name} {sql_type}" for name, sql_type in STAGING_COLUMNS)
        self.cursor.execute(f"DROP TABLE IF EXISTS {STAGING_TABLE}")
        self.cursor.execute(f"CREATE TEMPORARY TABLE {STAGING_TABLE} ({columns})")

    def load(self, chunks: Iterator[list[tuple]], progress: Callable[[int], None] | None) -> int:
        total = 0
        if self.postgres:
            with self.cursor.copy(f"COPY {STAGING_TABLE} ({self.names}) FROM STDIN") as copy:
                for chunk in chunks:
                    for row in chunk:
                        copy.write_row(row)
                    total += len(chunk)
                    if progress:
                        progress(len(chunk))
            self.cursor.execute(f"ANALYZE {STAGING_TABLE}")
            return total
        placeholders = ", ".join(["%s"] * len(STAGING_COLUMNS))
        insert = f"INSERT INTO {STAGING_TABLE} ({self.names}) VALUES ({placeholders})"
        for chunk in chunks:
            self.cursor.executemany(insert, chunk)
            total += len(chunk)
            if progress:
                progress(len(chunk))
        return total

    def duplicates(self) -> list[tuple[int, str]]:
        self.cursor.execute(
            f"""
            SELECT s.line, s.member_number, d.first_line
            FROM {STAGING_TABLE} s
            JOIN (
                SELECT member_number, MIN(line) AS first_line FROM {STAGING_TABLE}
                WHERE member_number <> '' GROUP BY member_number HAVING COUNT(*) > 1
            ) d ON d.member_number = s.member_number
            WHERE s.line > d.first_line
            ORDER BY s.line
            LIMIT {MAX_REPORTED_ERRORS}
            """
        )
        return [
            (
                line,
                _("member number %(number)s is also on line %(other)d") % {"number": number, "other": first},
            )
            for line, number, first in self.cursor.fetchall()
        ]

    def drop(self) -> None:
        self.cursor.execute(f"DROP TABLE {STAGING_TABLE}")


def _apply(cursor, today: date) -> ImportResult:
    """Three set-based statements; the staging table holds only good, unique rows by now."""
    member = Member._meta.db_table
    revoked = RevokedCard._meta.db_table
    ops = connection.ops
    params = {
        "active": Member.Status.ACTIVE.value,
        "now": ops.adapt_datetimefield_value(timezone.now()),
        "new_expiry": ops.adapt_datefield_value(card_expiry_from(today)),
    }
    cursor.execute(
        f"SELECT COUNT(*) FROM {STAGING_TABLE} s JOIN {member} m ON m.member_number = s.member_number"
    )
    updated = cursor.fetchone()[0]
    # Before the update, while the old status is still there to compare with.
    cursor.execute(
        f"""
        INSERT INTO {revoked} (serial, reason, revoked_at)
        SELECT m.card_serial, s.status, %(now)s
        FROM {STAGING_TABLE} s JOIN {member} m ON m.member_number = s.member_number
        WHERE m.status = %(active)s AND s.status <> %(active)s
        ON CONFLICT (serial) DO NOTHING
        """,
        params,
    )
    revoked_count = cursor.rowcount
    # A new member, or one reinstated after a suspension, gets the fresh serial (the old
    # one stays revoked) and, unless the file gives one, a new validity; everyone else
    # keeps their card. An empty document number keeps the stored hashes.
    new_card = "(m.id IS NULL OR (m.status <> %(active)s AND s.status = %(active)s))"
    cursor.execute(
        f"""
        INSERT INTO {member} (
            member_number, full_name, date_of_birth, gender, phone, email, unit_id, date_joined,
            status, card_serial, card_expires, id_document_hash, id_last_four_hash, photo, updated_at
        )
        SELECT
            s.member_number, s.full_name, s.date_of_birth, s.gender, s.phone, s.email, s.unit_id,
            s.date_joined, s.status,
            CASE WHEN {new_card} THEN s.card_serial ELSE m.card_serial END,
            CASE
                WHEN s.card_expires IS NOT NULL THEN s.card_expires
                WHEN {new_card} THEN %(new_expiry)s
                ELSE m.card_expires
            END,
            CASE WHEN s.id_document_hash <> '' THEN s.id_document_hash ELSE COALESCE(m.id_document_hash, '') END,
            CASE WHEN s.id_last_four_hash <> '' THEN s.id_last_four_hash ELSE COALESCE(m.id_last_four_hash, '') END,
            '',
            %(now)s
        FROM {STAGING_TABLE} s LEFT JOIN {member} m ON m.member_number = s.member_number
        WHERE true
        ON CONFLICT (member_number) DO UPDATE SET
            full_name = excluded.full_name,
            date_of_birth = excluded.date_of_birth,
            gender = excluded.gender,
            phone = excluded.phone,
            email = excluded.email,
            unit_id = excluded.unit_id,
            date_joined = excluded.date_joined,
            status = excluded.status,
            card_serial = excluded.card_serial,
            card_expires = excluded.card_expires,
            id_document_hash = excluded.id_document_hash,
            id_last_four_hash = excluded.id_last_four_hash,
            updated_at = excluded.updated_at
        """,
        params,
    )
    total = cursor.rowcount
    return ImportResult(created=total - updated, updated=updated, revoked=revoked_count)


def import_members(
    source: str | io.TextIOBase, progress: Callable[[int], None] | None = None
) -> ImportResult:
    """Import CSV text or a text stream. Raises MemberImportError (nothing written) on any bad line.

    `progress` is called with the number of rows checked since its last call.
    """
    if isinstance(source, str):
        source = io.StringIO(source)
    errors: list[tuple[int, str]] = []
    seconds = {}
    clock = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        rows = _CsvFile(source, errors)
        staging = _Staging(cursor)
        staging.create()
        staging.load(rows.chunks(), progress)
        seconds["check and stage"], clock = time.perf_counter() - clock, time.perf_counter()
        errors = sorted(errors + staging.duplicates())[:MAX_REPORTED_ERRORS]
        seconds["duplicates"], clock = time.perf_counter() - clock, time.perf_counter()
        if errors:
            # Leaving the atomic block by an exception rolls the staging table back too.
            raise MemberImportError(errors)
        result = _apply(cursor, timezone.localdate())
        staging.drop()
        seconds["apply"], clock = time.perf_counter() - clock, time.perf_counter()
    # Deferred checks (the unit foreign key of every row) run at commit.
    seconds["commit"] = time.perf_counter() - clock
    result.seconds = seconds
    return result

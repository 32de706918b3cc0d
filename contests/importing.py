"""Question bank import/export (CSV or XLSX) and member-count import.

Imports check every line first and write nothing unless all lines are good;
errors name the line (the header is line 1) and what to fix.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from federations.models import Level, Unit

from .models import Option, Question, QuestionBank, QuestionKind, UnitMemberCount
from .models.banks import MAX_OPTIONS, Difficulty, check_options

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
QUESTION_COLUMNS = (
    ["topic", "difficulty", "type", "question"]
    + [f"option_{n}" for n in range(1, MAX_OPTIONS + 1)]
    + [
        "correct",
        "explanation",
    ]
)
LETTERS = "ABCDEF"
DIFFICULTY_NAMES = {"easy": Difficulty.EASY, "medium": Difficulty.MEDIUM, "hard": Difficulty.HARD}


@dataclass
class ImportFailed(Exception):
    errors: list[str] = field(default_factory=list)


def read_table(upload) -> list[dict[str, str]]:
    """Rows of an uploaded CSV or XLSX file as dicts keyed by lower-case header names."""
    name = (upload.name or "").lower()
    if upload.size > MAX_UPLOAD_BYTES:
        raise ImportFailed([_("The file is larger than 5 MB; split it into several files.")])
    content = upload.read()
    if name.endswith(".xlsx"):
        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
            raise ImportFailed(
                [_("This is not a readable XLSX file. Save it again from your spreadsheet program.")]
            ) from error
        rows = [
            ["" if cell is None else str(cell).strip() for cell in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    elif name.endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFailed([_("The CSV file is not UTF-8 text. Save it as “CSV UTF-8”.")]) from error
        rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    else:
        raise ImportFailed([_("Upload a .csv or .xlsx file.")])
    if not rows:
        raise ImportFailed([_("The file is empty.")])
    header = [cell.strip().lower() for cell in rows[0]]
    return [
        dict(zip(header, row + [""] * (len(header) - len(row)), strict=False)) for row in rows[1:] if any(row)
    ]


def _correct_indexes(raw: str, count: int) -> list[int]:
    indexes = []
    for token in re.split(r"[\s,;]+", raw.strip().upper()):
        if not token:
            continue
        if token in LETTERS:
            indexes.append(LETTERS.index(token))
        elif token.isdigit():
            indexes.append(int(token) - 1)
        else:
            raise ValidationError(
                _("“%(value)s” is not an option letter (A–F) or number (1–6).") % {"value": token}
            )
    for index in indexes:
        if not 0 <= index < count:
            raise ValidationError(
                _("The correct option %(n)s does not exist; the question has %(count)s options.")
                % {"n": index + 1, "count": count}
            )
    return sorted(set(indexes))


def _parse_question(row: dict[str, str]) -> dict:
    text = row.get("question", "")
    if not text:
        raise ValidationError(_("The question text is empty."))
    options = [row.get(f"option_{n}", "") for n in range(1, MAX_OPTIONS + 1)]
    options = [option for option in options if option]
    correct = _correct_indexes(row.get("correct", ""), len(options))
    kind_raw = row.get("type", "").strip().lower()
    if kind_raw and kind_raw not in QuestionKind.values:
        raise ValidationError(
            _("The type must be “single” or “multiple”, not “%(value)s”.") % {"value": kind_raw}
        )
    kind = kind_raw or (QuestionKind.MULTIPLE if len(correct) > 1 else QuestionKind.SINGLE)
    check_options(kind, [(option, index in correct) for index, option in enumerate(options)])
    difficulty_raw = row.get("difficulty", "").strip().lower()
    if not difficulty_raw:
        difficulty = Difficulty.MEDIUM
    elif difficulty_raw in DIFFICULTY_NAMES:
        difficulty = DIFFICULTY_NAMES[difficulty_raw]
    elif difficulty_raw in {"1", "2", "3"}:
        difficulty = int(difficulty_raw)
    else:
        raise ValidationError(_("The difficulty must be 1–3 or easy, medium, hard."))
    return {
        "text": text,
        "kind": kind,
        "topic": row.get("topic", "")[:120],
        "difficulty": difficulty,
        "explanation": row.get("explanation", ""),
        "options": [(option[:500], index in correct) for index, option in enumerate(options)],
    }


def import_questions(bank: QuestionBank, upload) -> int:
    """Add the file's questions to `bank` (in the bank's language); all or nothing."""
    rows = read_table(upload)
    if not rows:
        raise ImportFailed([_("The file has a header but no questions.")])
    missing = {"question", "option_1", "option_2", "correct"} - set(rows[0])
    if missing:
        raise ImportFailed(
            [_("Line 1: missing columns: %(columns)s.") % {"columns": ", ".join(sorted(missing))}]
        )
    parsed, errors = [], []
    for line, row in enumerate(rows, start=2):
        try:
            parsed.append(_parse_question(row))
        except ValidationError as error:
            errors.append(_("Line %(line)s: %(error)s") % {"line": line, "error": " ".join(error.messages)})
    if errors:
        raise ImportFailed(errors)
    with transaction.atomic():
        for item in parsed:
            question = Question(
                bank=bank,
                locale_id=bank.locale_id,
                text=item["text"],
                kind=item["kind"],
                topic=item["topic"],
                difficulty=item["difficulty"],
                explanation=item["explanation"],
            )
            question.save()
            Option.objects.bulk_create(
                [
                    Option(
                        question=question,
                        text=text,
                        is_correct=correct,
                        sort_order=order,
                        locale_id=bank.locale_id,
                    )
                    for order, (text, correct) in enumerate(item["options"])
                ]
            )
        bank.touch()
    return len(parsed)


def export_rows(bank: QuestionBank) -> list[list[str]]:
    rows = [QUESTION_COLUMNS]
    for question in bank.source_questions().prefetch_related("options"):
        options = sorted(question.options.all(), key=lambda option: (option.sort_order or 0, option.pk))
        texts = [option.text for option in options] + [""] * (MAX_OPTIONS - len(options))
        correct = ",".join(LETTERS[index] for index, option in enumerate(options) if option.is_correct)
        rows.append(
            [
                question.topic,
                str(question.difficulty),
                question.kind,
                question.text,
                *texts,
                correct,
                question.explanation,
            ]
        )
    return rows


def export_file(bank: QuestionBank, file_format: str) -> tuple[bytes, str]:
    rows = export_rows(bank)
    if file_format == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8"), "text/csv; charset=utf-8"


def import_member_counts(upload, allowed_units=None) -> int:
    """Set member counts from a file with columns code, member_count[, as_of (YYYY-MM-DD)]."""
    rows = read_table(upload)
    if rows and not {"code", "member_count"} <= set(rows[0]):
        raise ImportFailed([_("Line 1: the columns must include code and member_count.")])
    codes = {row.get("code", "") for row in rows}
    units = {unit.code: unit for unit in Unit.objects.filter(code__in=codes)}
    allowed = (
        None
        if allowed_units is None
        else set(allowed_units.filter(code__in=codes).values_list("code", flat=True))
    )
    parsed, errors = [], []
    for line, row in enumerate(rows, start=2):
        code, raw = row.get("code", ""), row.get("member_count", "").replace(".", "").replace(",", "").strip()
        unit = units.get(code)
        if unit is None:
            errors.append(_("Line %(line)s: no unit has the code “%(code)s”.") % {"line": line, "code": code})
            continue
        if allowed is not None and code not in allowed:
            errors.append(
                _("Line %(line)s: you do not manage the unit “%(code)s”.") % {"line": line, "code": code}
            )
            continue
        if unit.level != Level.GRASSROOTS:
            errors.append(
                _(
                    "Line %(line)s: “%(code)s” is not a grassroots union; give counts for grassroots unions only."
                )
                % {"line": line, "code": code}
            )
            continue
        if not raw.isdigit():
            errors.append(_("Line %(line)s: the member count must be a whole number.") % {"line": line})
            continue
        as_of = None
        if row.get("as_of"):
            try:
                as_of = date.fromisoformat(row["as_of"][:10])
            except ValueError:
                errors.append(_("Line %(line)s: write the date as YYYY-MM-DD.") % {"line": line})
                continue
        parsed.append((unit, int(raw), as_of))
    if errors:
        raise ImportFailed(errors)
    with transaction.atomic():
        for unit, count, as_of in parsed:
            UnitMemberCount.objects.update_or_create(
                unit=unit, defaults={"member_count": count, "as_of": as_of}
            )
    return len(parsed)

"""Reading a dataset's figures from a grid, a CSV file or an XLSX workbook.

Every source becomes a list of (line number, cells) and goes through one
parser, so the same mistakes get the same messages wherever they were made.
All problems are collected and reported with their line; nothing is returned
unless the whole table is right (the caller saves all of it or nothing).

Layout: a header line, then one line per period.
    period,unit,Strikes,Work stoppages
    2023,,112,37
    2023,HN,14,3
The `unit` column is optional (a unit code; empty means the dataset's own
unit). Every other column is a series of figures.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from folding import fold_vietnamese

from .tables import Number

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# A 2 MB XLSX can inflate to gigabytes; refuse workbooks that unpack beyond this.
MAX_XLSX_UNPACKED_BYTES = 40 * 1024 * 1024
MAX_ROWS = 5000
MAX_SERIES = 20
MAX_LABEL_LENGTH = 120

# Header names accepted for the period and unit columns, folded (no diacritics, lower case).
PERIOD_HEADERS = {
    "period",
    "ky",
    "nam",
    "thang",
    "quy",
    "nam hoc",
    "thoi gian",
    "ngay",
    "year",
    "month",
    "quarter",
    "school year",
    "date",
    "time",
    "期間",
    "年",
    "月",
    "年度",
    "四半期",
    "時期",
}
UNIT_HEADERS = {"unit", "unit code", "don vi", "ma don vi", "単位", "組織"}

# "12.500" is twelve thousand five hundred in Vietnamese and twelve and a half in
# English: a single separator followed by exactly three digits is refused as ambiguous.
AMBIGUOUS_NUMBER = re.compile(r"^-?\d{1,3}[.,]\d{3}$")
PLAIN_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")
GROUPED_NUMBER = re.compile(r"^-?\d{1,3}([ .,]\d{3})+([.,]\d+)?$")

Cell = str | int | float | datetime.date | None
Line = tuple[int, list[Cell]]
UnitCheck = Callable[[set[str]], set[str]]


@dataclass
class DatasetRow:
    period: str
    unit_code: str
    values: list[Number | None]


@dataclass
class ParsedTable:
    series: list[str]
    rows: list[DatasetRow]
    period_heading: str = ""

    def to_json(self) -> dict:
        return {
            "period_heading": self.period_heading,
            "series": self.series,
            "rows": [{"period": r.period, "unit": r.unit_code, "values": r.values} for r in self.rows],
        }


@dataclass
class TableImportError(Exception):
    """Every problem found, as (line, message); nothing was saved."""

    errors: list[tuple[int, str]] = field(default_factory=list)

    def messages(self) -> list[str]:
        return [
            _("Line %(line)d: %(message)s") % {"line": line, "message": message} if line else message
            for line, message in self.errors
        ]

    def __str__(self) -> str:
        return "\n".join(self.messages())


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFC", str(value)).strip()


def parse_number(value: Cell) -> Number | None:
    """A figure from a cell. Raises ValueError with the reason the person can act on."""
    if value is None or isinstance(value, bool):
        if value is None:
            return None
        raise ValueError(_("%(value)r is not a number") % {"value": value})
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else float(value)
    text = cell_text(value).replace("\u00a0", " ").replace("\u202f", " ")
    if not text:
        return None
    if AMBIGUOUS_NUMBER.match(text):
        raise ValueError(
            _("%(value)s is ambiguous: write %(whole)s for a whole number or %(decimal)s for a decimal")
            % {
                "value": text,
                "whole": re.sub(r"[.,]", "", text),
                "decimal": text.replace(",", "."),
            }
        )
    if PLAIN_NUMBER.match(text):
        normalised = text.replace(",", ".")
    elif GROUPED_NUMBER.match(text):
        # Grouped thousands: the last separator before 1-2 (or 4+) digits is the decimal one.
        match = re.match(r"^(.*?)([.,](\d{1,2}|\d{4,}))?$", text)
        whole, decimals = match.group(1), match.group(3)
        normalised = re.sub(r"[ .,]", "", whole) + (f".{decimals}" if decimals else "")
    else:
        raise ValueError(_("%(value)r is not a number") % {"value": text})
    try:
        number = Decimal(normalised)
    except InvalidOperation as error:
        raise ValueError(_("%(value)r is not a number") % {"value": text}) from error
    return int(number) if number == number.to_integral_value() else float(number)


def _without_empty_columns(lines: list[Line]) -> list[Line]:
    """Drop columns with neither a heading nor a value (spare columns of the grid or a spreadsheet)."""
    width = max((len(cells) for _n, cells in lines), default=0)
    keep = [i for i in range(width) if any(i < len(cells) and cell_text(cells[i]) for _n, cells in lines)]
    if len(keep) == width:
        return lines
    return [(n, [cells[i] if i < len(cells) else None for i in keep]) for n, cells in lines]


def _header_kind(name: str) -> str:
    folded = fold_vietnamese(name).strip()
    if folded in PERIOD_HEADERS:
        return "period"
    if folded in UNIT_HEADERS:
        return "unit"
    return "series"


def parse_lines(lines: list[Line], allowed_units: UnitCheck | None = None) -> ParsedTable:
    """Check every line; return the table, or raise TableImportError listing every problem.

    `allowed_units` receives every unit code the table uses and returns those
    the dataset may describe (its unit's subtree, one query); the others are
    reported as unknown or out of reach.
    """
    lines = _without_empty_columns([(n, cells) for n, cells in lines if any(cell_text(c) for c in cells)])
    if not lines:
        raise TableImportError(
            [(0, _("The table is empty: add a header line and at least one line of figures."))]
        )
    header_line, header_cells = lines[0]
    header = [cell_text(c) for c in header_cells]
    while header and not header[-1]:
        header.pop()
    errors: list[tuple[int, str]] = []
    kinds = [_header_kind(name) for name in header]
    if "period" not in kinds:
        errors.append(
            (header_line, _("missing column 'period' (the first column names the year, month or period)"))
        )
    for kind in ("period", "unit"):
        if kinds.count(kind) > 1:
            errors.append((header_line, _("the column %(name)r appears twice") % {"name": kind}))
    series_columns = [i for i, kind in enumerate(kinds) if kind == "series"]
    if not series_columns:
        errors.append((header_line, _("missing columns of figures: add at least one column after 'period'")))
    if len(series_columns) > MAX_SERIES:
        errors.append((header_line, _("too many columns of figures (at most %(max)d)") % {"max": MAX_SERIES}))
    seen_series: dict[str, int] = {}
    for i in series_columns:
        name = header[i]
        if not name:
            errors.append((header_line, _("column %(number)d has no name") % {"number": i + 1}))
        elif len(name) > MAX_LABEL_LENGTH:
            errors.append((header_line, _("the column name %(name)r is too long") % {"name": name[:40]}))
        elif name.casefold() in seen_series:
            errors.append((header_line, _("the column %(name)r appears twice") % {"name": name}))
        seen_series[name.casefold()] = i
    if errors:
        raise TableImportError(errors)
    if len(lines) - 1 > MAX_ROWS:
        raise TableImportError([(0, _("too many lines (at most %(max)d)") % {"max": MAX_ROWS})])

    period_index = kinds.index("period")
    unit_index = kinds.index("unit") if "unit" in kinds else None
    allowed: set[str] | None = None
    if unit_index is not None and allowed_units is not None:
        used = {cell_text(cells[unit_index]) for _n, cells in lines[1:] if len(cells) > unit_index}
        allowed = allowed_units(used - {""})
    rows: list[DatasetRow] = []
    first_line_of: dict[tuple[str, str], int] = {}
    for number, cells in lines[1:]:
        texts = [cell_text(c) for c in cells]
        while len(texts) > len(header) and not texts[-1]:
            texts.pop()
        if len(texts) > len(header):
            errors.append(
                (
                    number,
                    _("%(found)d values but the header has %(expected)d columns")
                    % {"found": len(texts), "expected": len(header)},
                )
            )
            continue
        cells = list(cells) + [None] * (len(header) - len(cells))
        texts += [""] * (len(header) - len(texts))
        period = texts[period_index]
        unit_code = texts[unit_index] if unit_index is not None else ""
        problems = []
        if not period:
            problems.append(_("the period is empty"))
        elif len(period) > MAX_LABEL_LENGTH:
            problems.append(_("the period is too long"))
        if unit_code and allowed is not None and unit_code not in allowed:
            problems.append(
                _("unknown unit %(code)s, or not under this dataset's unit") % {"code": unit_code}
            )
        key = (period, unit_code)
        if period and key in first_line_of:
            problems.append(
                _("duplicate period %(period)s (first on line %(line)d)")
                % {
                    "period": period if not unit_code else f"{period} / {unit_code}",
                    "line": first_line_of[key],
                }
            )
        elif period:
            first_line_of[key] = number
        values: list[Number | None] = []
        for i in series_columns:
            try:
                values.append(parse_number(cells[i]))
            except ValueError as error:
                problems.append(_("column %(column)s: %(reason)s") % {"column": header[i], "reason": error})
        if all(v is None for v in values) and not problems:
            problems.append(_("no figures on this line"))
        errors.extend((number, problem) for problem in problems)
        if not problems:
            rows.append(DatasetRow(period, unit_code, values))
    if errors:
        raise TableImportError(errors)
    return ParsedTable(
        series=[header[i] for i in series_columns], rows=rows, period_heading=header[period_index]
    )


def lines_from_csv(data: bytes) -> list[Line]:
    """Lines of a CSV file, comma or semicolon separated, UTF-8 (with or without BOM) or Windows-1258."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Vietnamese Excel on Windows saves "CSV" in the legacy code page.
        text = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return [(number, list(cells)) for number, cells in enumerate(reader, start=1)]


def lines_from_xlsx(data: bytes) -> list[Line]:
    """Lines of the first worksheet; line numbers are the worksheet's row numbers."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile as error:
        raise TableImportError([(0, _("This file is not a valid XLSX workbook."))]) from error
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise TableImportError([(0, _("This workbook is too large once unpacked."))])
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for damaged files
        raise TableImportError([(0, _("This file is not a valid XLSX workbook."))]) from error
    try:
        sheet = workbook.worksheets[0]
        lines = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS + 1:
                raise TableImportError([(0, _("too many lines (at most %(max)d)") % {"max": MAX_ROWS})])
            lines.append((number, list(values)))
        return lines
    finally:
        workbook.close()


def lines_from_upload(name: str, data: bytes) -> list[Line]:
    """Type- and size-checked: .csv or .xlsx, at most MAX_UPLOAD_BYTES."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise TableImportError(
            [(0, _("The file is larger than %(size)d MB.") % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)})]
        )
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension == "xlsx":
        if not data.startswith(b"PK"):
            raise TableImportError([(0, _("This file is not a valid XLSX workbook."))])
        return lines_from_xlsx(data)
    if extension == "csv":
        if b"\x00" in data[:4096]:
            raise TableImportError([(0, _("This file is not a CSV text file."))])
        return lines_from_csv(data)
    raise TableImportError([(0, _("Upload a .csv or .xlsx file."))])

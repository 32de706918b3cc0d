"""Import of the unit tree from CSV: every bad row reported, the whole file or nothing.

Columns: code,parent_code,level,name_vi,name_en,province (name_ja optional).
Parents may come later in the file than their children. Re-importing updates
units by code, moving them when their parent changed.

Rows are validated in memory and new units are written with bulk inserts and
materialised paths computed here, because treebeard's add_child() costs
several queries per node: too slow for the real tree of ~123,000 units.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from .models import ALLOWED_PARENT_LEVELS, LEVEL_SLUGS, Level, Unit

REQUIRED_COLUMNS = ["code", "parent_code", "level", "name_vi"]
OPTIONAL_COLUMNS = ["name_en", "name_ja", "province"]
CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")
BATCH_SIZE = 2000

Progress = Callable[[Iterable], Iterable]


@dataclass
class UnitRow:
    line: int
    code: str
    parent_code: str
    level: int
    name_vi: str
    name_en: str = ""
    name_ja: str = ""
    province: str = ""


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    moved: int = 0
    unchanged: int = 0


@dataclass
class UnitImportError(Exception):
    """Raised with every problem found; nothing was written."""

    errors: list[tuple[int, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(
            _("line %(line)d: %(message)s") % {"line": line, "message": message}
            for line, message in self.errors
        )


@dataclass
class _Existing:
    id: int
    path: str
    level: int
    parent_code: str
    name_vi: str
    name_en: str
    name_ja: str
    province: str


def _no_progress(iterable: Iterable, **kwargs) -> Iterable:
    return iterable


def parse_level(value: str) -> int | None:
    value = value.strip().lower()
    if value.isdigit() and int(value) in Level.values:
        return int(value)
    return LEVEL_SLUGS.get(value)


def read_rows(text: str) -> tuple[list[UnitRow], list[tuple[int, str]]]:
    """Parse and check each row on its own; cross-row checks come later."""
    errors: list[tuple[int, str]] = []
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip() for name in (reader.fieldnames or [])]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        return [], [(1, _("missing column(s): %(columns)s") % {"columns": ", ".join(missing)})]
    reader.fieldnames = header
    rows: list[UnitRow] = []
    first_line_of: dict[str, int] = {}
    for number, record in enumerate(reader, start=2):
        values = {key: (record.get(key) or "").strip() for key in REQUIRED_COLUMNS + OPTIONAL_COLUMNS}
        if not any(values.values()):
            continue
        problems = []
        code = values["code"]
        if not CODE_PATTERN.match(code):
            problems.append(_("code %(code)r must be 1-32 letters, digits, '.', '_' or '-'") % {"code": code})
        elif code in first_line_of:
            problems.append(
                _("duplicate code %(code)s (first on line %(line)d)")
                % {"code": code, "line": first_line_of[code]}
            )
        else:
            first_line_of[code] = number
        level = parse_level(values["level"])
        if level is None:
            problems.append(
                _("unknown level %(level)r (use confederation, federation, upper, grassroots or 1-4)")
                % {"level": values["level"]}
            )
        if not values["name_vi"]:
            problems.append(_("name_vi is empty"))
        if any(len(values[name]) > 255 for name in ("name_vi", "name_en", "name_ja")):
            problems.append(_("a name is longer than 255 characters"))
        if level == Level.CONFEDERATION and values["parent_code"]:
            problems.append(_("the confederation has no parent"))
        if level is not None and level != Level.CONFEDERATION and not values["parent_code"]:
            problems.append(_("parent_code is empty"))
        if values["parent_code"] and values["parent_code"] == code:
            problems.append(_("a unit cannot be its own parent"))
        errors.extend((number, problem) for problem in problems)
        if not problems:
            values["level"] = level
            rows.append(UnitRow(line=number, **values))
    return rows, errors


def _load_existing() -> dict[str, _Existing]:
    records = list(
        Unit.objects.values_list("id", "code", "path", "level", "name_vi", "name_en", "name_ja", "province")
    )
    code_by_path = {path: code for _id, code, path, *_rest in records}
    existing = {}
    for pk, code, path, level, name_vi, name_en, name_ja, province in records:
        parent_code = code_by_path.get(path[: -Unit.steplen], "")
        existing[code] = _Existing(pk, path, level, parent_code, name_vi, name_en, name_ja, province)
    return existing


def _check_tree(rows: list[UnitRow], existing: dict[str, _Existing]) -> list[tuple[int, str]]:
    """Unknown parents, cycles and levels that cannot sit under their parent's level."""
    errors: list[tuple[int, str]] = []
    in_file = {row.code: row for row in rows}

    def parent_of(code: str) -> str:
        if code in in_file:
            return in_file[code].parent_code
        return existing[code].parent_code if code in existing else ""

    def level_of(code: str) -> int | None:
        if code in in_file:
            return in_file[code].level
        return existing[code].level if code in existing else None

    in_cycle: set[str] = set()
    for row in rows:
        if row.parent_code and row.parent_code not in in_file and row.parent_code not in existing:
            errors.append((row.line, _("unknown parent %(code)s") % {"code": row.parent_code}))
            continue
        seen = {row.code}
        current = row.parent_code
        while current:
            if current in seen:
                in_cycle.add(row.code)
                errors.append(
                    (
                        row.line,
                        _("cycle: %(code)s is its own ancestor through %(via)s")
                        % {"code": row.code, "via": row.parent_code},
                    )
                )
                break
            seen.add(current)
            current = parent_of(current)
        if row.code in in_cycle or not row.parent_code:
            continue
        parent_level = level_of(row.parent_code)
        if parent_level not in ALLOWED_PARENT_LEVELS[row.level]:
            errors.append(
                (
                    row.line,
                    _("a %(level)s cannot sit under %(parent)s, a %(parent_level)s")
                    % {
                        "level": Level(row.level).label,
                        "parent": row.parent_code,
                        "parent_level": Level(parent_level).label,
                    },
                )
            )

    # A level change must not strand existing children that the file leaves in place.
    changed_level = {
        row.code: row for row in rows if row.code in existing and existing[row.code].level != row.level
    }
    if changed_level:
        for code, unit in existing.items():
            if code in in_file or unit.parent_code not in changed_level:
                continue
            parent_row = changed_level[unit.parent_code]
            if parent_row.level not in ALLOWED_PARENT_LEVELS[unit.level]:
                errors.append(
                    (
                        parent_row.line,
                        _("changing the level of %(code)s would leave its unit %(child)s under a wrong level")
                        % {"code": parent_row.code, "child": code},
                    )
                )
    return errors


def _topological(rows: list[UnitRow]) -> list[UnitRow]:
    """Parents before children (parents outside the file count as already placed)."""
    in_file = {row.code: row for row in rows}
    children: dict[str, list[UnitRow]] = defaultdict(list)
    ordered: list[UnitRow] = []
    for row in rows:
        if row.parent_code in in_file:
            children[row.parent_code].append(row)
        else:
            ordered.append(row)
    index = 0
    while index < len(ordered):
        ordered.extend(children.pop(ordered[index].code, []))
        index += 1
    return ordered


def validate(text: str) -> tuple[list[UnitRow], dict[str, _Existing]]:
    rows, errors = read_rows(text)
    existing = _load_existing()
    errors.extend(_check_tree(rows, existing))
    if errors:
        raise UnitImportError(sorted(errors))
    return _topological(rows), existing


def _apply(rows: list[UnitRow], existing: dict[str, _Existing], progress: Progress) -> ImportSummary:
    summary = ImportSummary()
    path_of = {code: unit.path for code, unit in existing.items()}
    last_step: dict[str, int] = defaultdict(int)  # parent path ("" for roots) -> highest child step
    for unit in existing.values():
        parent_path = unit.path[: -Unit.steplen]
        last_step[parent_path] = max(last_step[parent_path], Unit._str2int(unit.path[-Unit.steplen :]))

    new_units: list[Unit] = []
    new_children: dict[str, int] = defaultdict(int)  # parent path -> units added under it
    to_update: list[Unit] = []
    moves: list[UnitRow] = []
    for row in progress(rows, desc=_("Importing units"), unit=" units"):
        names = {
            "name_vi": row.name_vi,
            "name_en": row.name_en,
            "name_ja": row.name_ja,
            "province": row.province,
        }
        old = existing.get(row.code)
        if old is None:
            parent_path = path_of[row.parent_code] if row.parent_code else ""
            last_step[parent_path] += 1
            path = Unit._get_path(
                parent_path or None, len(parent_path) // Unit.steplen + 1, last_step[parent_path]
            )
            path_of[row.code] = path
            new_children[parent_path] += 1
            new_units.append(
                Unit(
                    code=row.code,
                    level=row.level,
                    path=path,
                    depth=len(path) // Unit.steplen,
                    numchild=0,
                    search_name=Unit.make_search_name(row.code, row.name_vi, row.name_en, row.name_ja),
                    **names,
                )
            )
            summary.created += 1
            continue
        if old.parent_code != row.parent_code:
            moves.append(row)
        changed = old.level != row.level or any(getattr(old, key) != value for key, value in names.items())
        if changed:
            to_update.append(
                Unit(
                    id=old.id,
                    level=row.level,
                    search_name=Unit.make_search_name(row.code, row.name_vi, row.name_en, row.name_ja),
                    **names,
                )
            )
            summary.updated += 1
        elif old.parent_code == row.parent_code:
            summary.unchanged += 1

    for unit in new_units:
        unit.numchild = new_children.pop(unit.path, 0)
    Unit.objects.bulk_create(new_units, batch_size=BATCH_SIZE)
    for parent_path, count in new_children.items():
        if parent_path:
            Unit.objects.filter(path=parent_path).update(numchild=F("numchild") + count)
    Unit.objects.bulk_update(
        to_update,
        ["level", "name_vi", "name_en", "name_ja", "province", "search_name"],
        batch_size=BATCH_SIZE,
    )
    for row in moves:
        # Rare: treebeard rewrites the moved subtree's paths, new descendants included.
        Unit.objects.get(code=row.code).move(Unit.objects.get(code=row.parent_code), "last-child")
        summary.moved += 1
    return summary


def import_units(text: str, progress: Progress = _no_progress) -> ImportSummary:
    """Validate the whole file, then apply it in one transaction. Raises UnitImportError."""
    rows, existing = validate(text)
    with transaction.atomic():
        return _apply(rows, existing, progress)

"""The one shape every chart, data table and CSV download reads: labelled rows of numbers.

A `Table` has named series (columns of figures) and rows, each a period
("2024", "2024-03") or a category ("Grassroots union", a unit's name) with
one value per series. Datasets and live indicators both produce tables, so
the SVG charts, the HTML table and the CSV never know where figures came from.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import numberformat
from django.utils.formats import get_format

Number = int | float


@dataclass
class Row:
    label: str
    values: list[Number | None]
    # Unit code of the unit this row describes, when the row can be drilled into.
    unit_code: str = ""
    # Filled by views: where this row's drill-down chart lives.
    url: str = ""


@dataclass
class Table:
    series: list[str]
    rows: list[Row] = field(default_factory=list)
    # Heading of the label column: "Period", "Level", "Unit"...
    label_heading: str = ""
    # Rows are periods in time order (line charts, period selector) rather than categories.
    periodic: bool = True

    @property
    def is_empty(self) -> bool:
        return not self.series or not any(v is not None for row in self.rows for v in row.values)

    @property
    def labels(self) -> list[str]:
        return [row.label for row in self.rows]

    def between(self, start: str = "", end: str = "") -> Table:
        """The rows from period `start` to period `end` inclusive, in table order.

        Periods are compared by their position in the table, not as text, so
        "2023–2024 school year" works as well as "2024-03". Unknown bounds are ignored.
        """
        labels = self.labels
        first = labels.index(start) if start in labels else 0
        last = labels.index(end) if end in labels else len(labels) - 1
        if first > last:
            first, last = last, first
        return Table(
            series=self.series,
            rows=self.rows[first : last + 1],
            label_heading=self.label_heading,
            periodic=self.periodic,
        )

    def total(self, series_index: int = 0) -> Number:
        return sum(row.values[series_index] or 0 for row in self.rows)

    def to_csv(self) -> str:
        """CSV for spreadsheets: UTF-8 with a byte-order mark so Excel reads Vietnamese correctly."""
        out = io.StringIO()
        out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([safe_cell(self.label_heading), *[safe_cell(name) for name in self.series]])
        for row in self.rows:
            writer.writerow(
                [safe_cell(row.label), *["" if v is None else plain_number(v) for v in row.values]]
            )
        return out.getvalue()

    def to_json(self) -> dict:
        """Plain data: lazy translations are rendered now, in the active language."""
        return {
            "series": [str(name) for name in self.series],
            "label_heading": str(self.label_heading),
            "periodic": self.periodic,
            "rows": [
                {"label": str(r.label), "values": r.values, "unit_code": r.unit_code} for r in self.rows
            ],
        }

    @classmethod
    def from_json(cls, data: dict) -> Table:
        return cls(
            series=list(data["series"]),
            label_heading=data.get("label_heading", ""),
            periodic=data.get("periodic", True),
            rows=[Row(r["label"], list(r["values"]), r.get("unit_code", "")) for r in data["rows"]],
        )


def safe_cell(text: str) -> str:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe."""
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def plain_number(value: Number) -> str:
    """A number for machines: no grouping, '.' before decimals."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return format(Decimal(str(value)).normalize(), "f") if isinstance(value, float) else str(value)


def display_number(value: Number | None) -> str:
    """A number for people, grouped the way the active language writes it (12.345 in vi, 12,345 in en).

    Grouping by thousands is forced: Django's Vietnamese formats name a
    separator but no grouping, and "11000000 members" is hard to read.
    """
    if value is None:
        return "–"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float):
        value = round(value, 2)
    return numberformat.format(
        value,
        get_format("DECIMAL_SEPARATOR"),
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )

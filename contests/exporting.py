"""Tables of results for organisers, as CSV or XLSX."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable

from django.http import FileResponse, HttpResponseBase, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from .models import ContestPage, Result, Round

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def results_table(contest: ContestPage, round_: Round | None, *, winners_only: bool = False):
    """Header and rows of a board; phone numbers in full, since only organisers export."""
    header = [
        _("Rank"),
        _("Full name"),
        _("Phone number"),
        _("Unit code"),
        _("Unit"),
        _("Score"),
        _("Prediction distance"),
        _("Submitted"),
    ]
    results = Result.objects.on_board(contest, round_).select_related("entrant__unit").order_by("rank", "pk")
    if winners_only:
        results = results.filter(rank__lte=contest.winners_count)

    def rows() -> Iterable[list]:
        for result in results.iterator(chunk_size=2000):
            yield [
                result.rank,
                result.entrant.full_name,
                result.entrant.phone,
                result.entrant.unit.code,
                result.entrant.unit.name_vi,
                result.score,
                "" if result.distance is None else result.distance,
                timezone.localtime(result.submitted_at).strftime("%Y-%m-%d %H:%M:%S.%f"),
            ]

    return header, rows()


class _Line:
    """csv.writer's file: hands back each written line instead of keeping it."""

    def write(self, line: str) -> str:
        return line


def table_response(header: list, rows: Iterable[list], name: str, file_format: str) -> HttpResponseBase:
    """The table as a download that never holds a national board (350,000 rows) in memory.

    CSV streams line by line; XLSX is written to a temporary file (openpyxl's write-only mode
    keeps one row at a time) and sent from there."""
    if file_format == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append([str(cell) for cell in header])
        for row in rows:
            sheet.append(row)
        spool = tempfile.TemporaryFile()
        workbook.save(spool)
        spool.seek(0)
        response = FileResponse(spool, as_attachment=True, filename=f"{name}.xlsx", content_type=XLSX_TYPE)
    else:
        writer = csv.writer(_Line())

        def lines():
            yield "\ufeff"  # so Excel reads the Vietnamese text as UTF-8
            yield writer.writerow([str(cell) for cell in header])
            for row in rows:
                yield writer.writerow(row)

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response

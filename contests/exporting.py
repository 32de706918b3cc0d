"""Tables of results for organisers, as CSV or XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.http import HttpResponse
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


def table_response(header: list, rows: Iterable[list], name: str, file_format: str) -> HttpResponse:
    if file_format == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append([str(cell) for cell in header])
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response.write("\ufeff")  # so Excel reads the Vietnamese text as UTF-8
    writer = csv.writer(response)
    writer.writerow([str(cell) for cell in header])
    writer.writerows(rows)
    return response

"""A figure is what readers see for one chart: title, SVG, legend, data table, method and links.

Pages, blocks and the detail views all build figures here and render them
with one template (`stats/includes/figure.html`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlencode

from django.urls import reverse

from federations.models import Unit

from .charts import Chart, render_chart
from .indicators import Indicator, registry
from .live import live_table
from .tables import Table


@dataclass
class Figure:
    id: str
    title: str
    table: Table
    chart: Chart | None
    measure: str = ""
    description: str = ""
    method: str = ""
    source: str = ""
    computed_at: datetime | None = None
    updated_at: datetime | None = None
    csv_url: str = ""
    explore_url: str = ""
    unit: Unit | None = None
    chart_types: list[tuple[str, str]] = field(default_factory=list)


def with_query(url: str, **params) -> str:
    """`url` with the non-empty `params` as its query string."""
    params = {key: value for key, value in params.items() if value}
    return f"{url}?{urlencode(params)}" if params else url


def make_chart(
    table: Table, chart_type: str, title: str, measure: str, description: str, figure_id: str
) -> Chart | None:
    if table.is_empty:
        return None
    return render_chart(table, chart_type, title, measure, description, chart_id=f"{figure_id}-svg")


def dataset_figure(
    dataset,
    unit_code: str = "",
    chart_type: str = "",
    start: str = "",
    end: str = "",
    last: int | None = None,
    figure_id: str = "",
) -> Figure:
    """`dataset`'s figures for one unit, optionally cut to a range or to the last `last` periods."""
    table = dataset.table_for(unit_code)
    if start or end:
        table = table.between(start, end)
    if last:
        table = Table(table.series, table.rows[-last:], table.label_heading, table.periodic)
    chart_type = chart_type or dataset.chart_type
    figure_id = figure_id or f"dataset-{dataset.pk}"
    detail = reverse("stats:dataset_detail", args=[dataset.pk])
    scope = {"unit": unit_code if unit_code and unit_code != dataset.unit.code else ""}
    return Figure(
        id=figure_id,
        title=dataset.title,
        table=table,
        chart=make_chart(table, chart_type, dataset.title, dataset.measure, dataset.description, figure_id),
        measure=dataset.measure,
        description=dataset.description,
        method=dataset.method,
        source=dataset.source,
        updated_at=dataset.updated_at,
        csv_url=with_query(
            reverse("stats:dataset_csv", args=[dataset.pk]), **scope, **{"from": start, "to": end}
        ),
        explore_url=with_query(detail, **scope),
    )


def indicator_figure(
    indicator: Indicator,
    unit: Unit,
    chart_type: str = "",
    figure_id: str = "",
    start: str = "",
    end: str = "",
) -> Figure:
    """`indicator` for `unit`, optionally cut to the periods from `start` to `end`.

    Rows that name a unit below link to the same chart (same type and periods) for that unit.
    """
    result = live_table(indicator, unit)
    table = result.table.between(start, end) if (start or end) and result.table.periodic else result.table
    figure_id = figure_id or f"live-{indicator.slug}"
    title = str(indicator.title)
    for row in table.rows:
        if row.unit_code:
            row.url = with_query(
                reverse("stats:indicator_detail", args=[indicator.slug, row.unit_code]), chart=chart_type
            )
    return Figure(
        id=figure_id,
        title=title,
        table=table,
        chart=make_chart(
            table, chart_type or indicator.chart_type, title, str(indicator.measure), "", figure_id
        ),
        measure=str(indicator.measure),
        method=str(indicator.method),
        computed_at=result.computed_at,
        csv_url=with_query(
            reverse("stats:indicator_csv", args=[indicator.slug, unit.code]), **{"from": start, "to": end}
        ),
        explore_url=reverse("stats:indicator_detail", args=[indicator.slug, unit.code]),
        unit=unit,
    )


def indicator_figures(unit: Unit) -> list[Figure]:
    return [indicator_figure(indicator, unit) for indicator in registry.all()]

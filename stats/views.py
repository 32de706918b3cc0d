"""Public chart pages: one dataset or one live indicator for one unit, drillable down the tree."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Locale

from federations.models import Unit

from .charts import ChartType
from .figures import dataset_figure, indicator_figure, with_query
from .indicators import registry
from .live import live_table
from .models import Dataset

MAX_DRILL_LINKS = 200
MAX_PARAM_LENGTH = 120


def _param(request: HttpRequest, name: str) -> str:
    return request.GET.get(name, "").strip()[:MAX_PARAM_LENGTH]


def _chart_type(request: HttpRequest) -> str:
    chosen = _param(request, "chart")
    return chosen if chosen in ChartType.values else ""


def _localized(dataset: Dataset) -> Dataset:
    """The dataset in the reader's language when it has been translated."""
    active = Locale.get_active()
    if dataset.locale_id == active.pk:
        return dataset
    translated = (
        Dataset.objects.public()
        .filter(translation_key=dataset.translation_key, locale=active)
        .select_related("unit")
        .first()
    )
    return translated or dataset


def _csv_response(csv_text: str, name: str) -> HttpResponse:
    response = HttpResponse(csv_text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(name) or "figures"}.csv"'
    return response


def _dataset_scope(request: HttpRequest, dataset: Dataset) -> Unit:
    code = _param(request, "unit")
    if not code or code == dataset.unit.code:
        return dataset.unit
    if code not in dataset.unit_codes():
        raise Http404("No figures for this unit")
    return get_object_or_404(Unit, code=code)


def _selection(request: HttpRequest) -> dict[str, str]:
    """What the reader chose (chart type, periods), carried along drill-down links."""
    return {"chart": _chart_type(request), "from": _param(request, "from"), "to": _param(request, "to")}


def _period_bounds(periods: list[str], start: str, end: str) -> tuple[str, str]:
    """The selector's preset: the chosen periods when they exist, else the whole range."""
    if not periods:
        return "", ""
    return (start if start in periods else periods[0], end if end in periods else periods[-1])


def dataset_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dataset = _localized(get_object_or_404(Dataset.objects.public().select_related("unit"), pk=pk))
    unit = _dataset_scope(request, dataset)
    unit_code = "" if unit.pk == dataset.unit_id else unit.code
    whole = dataset.table_for(unit_code)
    selection = _selection(request)
    figure = dataset_figure(dataset, unit_code, selection["chart"], selection["from"], selection["to"])
    # Drill down: units directly below the one shown that have lines of their own.
    codes = dataset.unit_codes()
    children = list(unit.get_children().filter(code__in=codes).order_by("path"))
    ancestors = (
        list(
            Unit.objects.filter(code__in=codes | {dataset.unit.code}, depth__lt=unit.depth).order_by("depth")
        )
        if unit.pk != dataset.unit_id
        else []
    )
    base = reverse("stats:dataset_detail", args=[dataset.pk])
    start, end = _period_bounds(whole.labels, selection["from"], selection["to"])
    return render(
        request,
        "stats/dataset_detail.html",
        {
            "dataset": dataset,
            "figure": figure,
            "unit": unit,
            "periods": whole.labels,
            "start": start,
            "end": end,
            "chart_type": selection["chart"] or dataset.chart_type,
            "chart_types": ChartType.choices,
            "drill_down": [(child, with_query(base, unit=child.code, **selection)) for child in children],
            "ancestors": [
                (a, with_query(base, unit="" if a.pk == dataset.unit_id else a.code, **selection))
                for a in ancestors
                if unit.path.startswith(a.path) and a.path.startswith(dataset.unit.path)
            ],
            "unit_param": unit_code,
        },
    )


def dataset_csv(request: HttpRequest, pk: int) -> HttpResponse:
    dataset = _localized(get_object_or_404(Dataset.objects.public().select_related("unit"), pk=pk))
    unit = _dataset_scope(request, dataset)
    table = dataset.table_for("" if unit.pk == dataset.unit_id else unit.code)
    table = table.between(_param(request, "from"), _param(request, "to"))
    return _csv_response(table.to_csv(), f"{dataset.title}-{unit.code}")


def _indicator_and_unit(slug: str, code: str):
    indicator = registry.get(slug)
    if indicator is None:
        raise Http404("No such indicator")
    unit = get_object_or_404(Unit.objects.active(), code=code)
    return indicator, unit


def indicator_detail(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    indicator, unit = _indicator_and_unit(slug, code)
    selection = _selection(request)
    figure = indicator_figure(
        indicator, unit, selection["chart"], start=selection["from"], end=selection["to"]
    )
    # The period selector offers every period the indicator has, not only those shown.
    periods = live_table(indicator, unit).table.labels if figure.table.periodic else []
    children = list(
        unit.get_children().filter(is_active=True, numchild__gt=0).order_by("path")[:MAX_DRILL_LINKS]
    )
    ancestors = list(unit.get_ancestors())
    start, end = _period_bounds(periods, selection["from"], selection["to"])

    def same_chart(other: Unit) -> str:
        return with_query(reverse("stats:indicator_detail", args=[slug, other.code]), **selection)

    return render(
        request,
        "stats/indicator_detail.html",
        {
            "indicator": indicator,
            "figure": figure,
            "unit": unit,
            "periods": periods,
            "start": start,
            "end": end,
            "chart_type": selection["chart"] or indicator.chart_type,
            "chart_types": ChartType.choices,
            "drill_down": [(child, same_chart(child)) for child in children],
            "ancestors": [(ancestor, same_chart(ancestor)) for ancestor in ancestors],
            "other_indicators": [
                (other, reverse("stats:indicator_detail", args=[other.slug, unit.code]))
                for other in registry.all()
                if other.slug != slug
            ],
        },
    )


def indicator_csv(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    indicator, unit = _indicator_and_unit(slug, code)
    figure = indicator_figure(indicator, unit, start=_param(request, "from"), end=_param(request, "to"))
    return _csv_response(figure.table.to_csv(), f"{slug}-{unit.code}")

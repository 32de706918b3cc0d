"""Figures for the officers' dashboard: a unit's subtree, by category and by the units below.

A fixed number of queries at any level (grouped over the subtree's path prefix): the
confederation's dashboard costs the same number as a grassroots union's.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.utils import timezone

from federations.models import Unit

from .models import Case, Category
from .models.cases import OPEN_STATUSES

# Medians are taken over cases filed in this window, so old history does not hide today's delays.
MEDIAN_WINDOW = timedelta(days=365)


@dataclass
class Figures:
    label: str
    total: int = 0
    open: int = 0
    overdue: int = 0
    first_answer_days: float | None = None
    close_days: float | None = None
    unit: Unit | None = None
    category: str = ""


@dataclass
class Dashboard:
    totals: Figures
    by_category: list[Figures] = field(default_factory=list)
    below: list[Figures] = field(default_factory=list)


def _counts():
    now = timezone.now()
    return {
        "total": Count("id"),
        "open": Count("id", filter=Q(status__in=OPEN_STATUSES)),
        "overdue": Count("id", filter=Q(status__in=OPEN_STATUSES, due_at__lt=now)),
    }


def _median_days(durations: list[timedelta]) -> float | None:
    if not durations:
        return None
    return round(statistics.median(d.total_seconds() for d in durations) / 86400, 1)


def for_unit(unit: Unit, now: datetime | None = None) -> Dashboard:
    now = now or timezone.now()
    subtree = Case.objects.filter(unit__path__startswith=unit.path).order_by()
    counts = {row["category"]: row for row in subtree.values("category").annotate(**_counts())}
    timings = subtree.filter(created_at__gte=now - MEDIAN_WINDOW).values_list(
        "category", "created_at", "first_answered_at", "closed_at"
    )
    first: dict[str, list[timedelta]] = {}
    closed: dict[str, list[timedelta]] = {}
    for category, created, answered, closed_at in timings:
        if answered:
            first.setdefault(category, []).append(answered - created)
        if closed_at:
            closed.setdefault(category, []).append(closed_at - created)

    totals = Figures(label="")
    rows = []
    for category in Category:
        row = counts.get(category.value, {})
        figures = Figures(
            label=category.label,
            category=category.value,
            total=row.get("total", 0),
            open=row.get("open", 0),
            overdue=row.get("overdue", 0),
            first_answer_days=_median_days(first.get(category.value, [])),
            close_days=_median_days(closed.get(category.value, [])),
        )
        rows.append(figures)
        totals.total += figures.total
        totals.open += figures.open
        totals.overdue += figures.overdue
    totals.first_answer_days = _median_days([d for values in first.values() for d in values])
    totals.close_days = _median_days([d for values in closed.values() for d in values])

    children = list(unit.get_children().order_by("path"))
    prefix = len(unit.path) + Unit.steplen
    by_child = {
        row["branch"]: row
        for row in subtree.filter(unit__depth__gt=unit.depth)
        .annotate(branch=Substr("unit__path", 1, prefix))
        .values("branch")
        .annotate(**_counts())
    }
    below = []
    for child in children:
        row = by_child.get(child.path, {})
        below.append(
            Figures(
                label=child.name,
                unit=child,
                total=row.get("total", 0),
                open=row.get("open", 0),
                overdue=row.get("overdue", 0),
            )
        )
    return Dashboard(totals=totals, by_category=rows, below=below)

"""Indicators from the member register: members by unit and by level, growth by month.

Only counts leave this module, never a person. Each figure is one grouped
query over the unit's subtree (`path LIKE 'prefix%'` on the member's unit).
"""

from __future__ import annotations

import datetime

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from federations.models import Level, Unit

from ..branches import branch_of, branch_rows
from ..charts import ChartType
from ..tables import Row, Table
from . import indicator

# Place of these figures on a statistics page (see load_indicator_modules).
ORDER = 20

MONTHS_SHOWN = 24


def _active_members(unit: Unit):
    from members.models import Member  # inside: this module loads even without the members app

    return Member.objects.active().filter(unit__path__startswith=unit.path, unit__is_active=True).order_by()


@indicator(
    "members-by-unit",
    title=gettext_lazy("Members in each unit below"),
    method=gettext_lazy(
        "Counted from the portal's member register: active members (not suspended, not left) of every "
        "union anywhere below each unit directly under this one. Refreshed every 15 minutes."
    ),
    measure=gettext_lazy("members"),
    chart_type=ChartType.BAR,
    requires=("members",),
)
def members_by_unit(unit: Unit) -> Table:
    counts = branch_of(_active_members(unit), "unit__path", unit)
    rows = branch_rows(unit, {path: [row["n"]] for path, row in counts.items()})
    return Table(series=[_("Members")], rows=rows, label_heading=_("Unit"), periodic=False)


@indicator(
    "members-by-level",
    title=gettext_lazy("Members by the level of their union"),
    method=gettext_lazy(
        "Counted from the portal's member register: active members below this unit, by the level of the "
        "union that holds their record. Refreshed every 15 minutes."
    ),
    measure=gettext_lazy("members"),
    chart_type=ChartType.BAR,
    requires=("members",),
)
def members_by_level(unit: Unit) -> Table:
    counts = dict(_active_members(unit).values_list("unit__level").annotate(n=Count("pk")))
    if not counts:
        return Table(series=[_("Members")], rows=[], label_heading=_("Level"), periodic=False)
    rows = [
        Row(Level(level).label, [counts.get(level, 0)])
        for level in Level
        if counts.get(level) or level == Level.GRASSROOTS
    ]
    return Table(series=[_("Members")], rows=rows, label_heading=_("Level"), periodic=False)


def _months(today: datetime.date, count: int) -> list[datetime.date]:
    """The first days of the last `count` months, oldest first, this month last."""
    year, month = today.year, today.month
    months = []
    for _step in range(count):
        months.append(datetime.date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def _joined_by_month(unit: Unit) -> dict[datetime.date, int]:
    rows = _active_members(unit).annotate(month=TruncMonth("date_joined")).values_list("month")
    return {
        (month.date() if isinstance(month, datetime.datetime) else month): n
        for month, n in rows.annotate(n=Count("pk"))
    }


@indicator(
    "members-by-month",
    title=gettext_lazy("Membership growth by month"),
    method=gettext_lazy(
        "From the portal's member register: active members below this unit who had joined by the end of "
        "each month of the last two years. The register records when a member joined, not when one left, "
        "so members who have left since are not counted in earlier months either. Refreshed every 15 "
        "minutes."
    ),
    measure=gettext_lazy("members"),
    chart_type=ChartType.LINE,
    requires=("members",),
)
def members_by_month(unit: Unit) -> Table:
    joined = _joined_by_month(unit)
    if not joined:
        return Table(series=[_("Members")], rows=[], label_heading=_("Month"))
    months = _months(timezone.localdate(), MONTHS_SHOWN)
    total = sum(n for month, n in joined.items() if month < months[0])
    rows = []
    for month in months:
        total += joined.get(month, 0)
        rows.append(Row(month.strftime("%Y-%m"), [total]))
    return Table(series=[_("Members")], rows=rows, label_heading=_("Month"), periodic=True)


@indicator(
    "new-members-by-month",
    title=gettext_lazy("New members by month"),
    method=gettext_lazy(
        "From the portal's member register: active members below this unit by the month they joined, over "
        "the last two years. Refreshed every 15 minutes."
    ),
    measure=gettext_lazy("members"),
    chart_type=ChartType.BAR,
    requires=("members",),
)
def new_members_by_month(unit: Unit) -> Table:
    joined = _joined_by_month(unit)
    if not joined:
        return Table(series=[_("New members")], rows=[], label_heading=_("Month"))
    months = _months(timezone.localdate(), MONTHS_SHOWN)
    rows = [Row(month.strftime("%Y-%m"), [joined.get(month, 0)]) for month in months]
    return Table(series=[_("New members")], rows=rows, label_heading=_("Month"), periodic=True)

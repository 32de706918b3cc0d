"""Indicators the unit tree allows: how many units of each kind sit where.

Every count is one grouped query over the unit's subtree (an indexed prefix
range on the materialised path), whatever the tree's size. Inactive units
are left out, as the unit browser leaves them out.
"""

from __future__ import annotations

from django.db.models import Count
from django.db.models.functions import Substr
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from federations.models import Level, Unit

from ..charts import ChartType
from ..tables import Row, Table
from . import indicator

# Place of these figures on a statistics page (see load_indicator_modules).
ORDER = 10


def _below(unit: Unit):
    # order_by() clears the manager's ordering, which would otherwise join the GROUP BY.
    return unit.get_descendants().active().order_by()


@indicator(
    "units-by-level",
    title=gettext_lazy("Union units by level"),
    method=gettext_lazy(
        "Counted from the portal's register of union units: every active unit below this one, by its level. "
        "Refreshed every 15 minutes."
    ),
    measure=gettext_lazy("units"),
    chart_type=ChartType.BAR,
)
def units_by_level(unit: Unit) -> Table:
    counts = dict(_below(unit).values_list("level").annotate(count=Count("id")))
    levels = [level for level in Level if level > unit.level]
    return Table(
        series=[_("Units")],
        rows=[Row(Level(level).label, [counts.get(level, 0)]) for level in levels],
        label_heading=_("Level"),
        periodic=False,
    )


@indicator(
    "grassroots-by-parent-level",
    title=gettext_lazy("Grassroots unions by the level above them"),
    method=gettext_lazy(
        "Counted from the portal's register of union units: active grassroots unions below this unit, "
        "by whether they report directly to a provincial federation or sector union or to an upper-level "
        "grassroots union. Refreshed every 15 minutes."
    ),
    measure=gettext_lazy("grassroots unions"),
    chart_type=ChartType.DONUT,
)
def grassroots_by_parent_level(unit: Unit) -> Table:
    by_depth = dict(
        _below(unit).filter(level=Level.GRASSROOTS).values_list("depth").annotate(count=Count("id"))
    )
    # Parents are found by depth: a unit's parent sits one step up the path, and the
    # levels above grassroots each have their own depth (confederation 1, federation 2, upper 3).
    parent_level_of_depth = {3: Level.FEDERATION, 4: Level.UPPER}
    counts: dict[int, int] = {}
    for depth, count in by_depth.items():
        level = parent_level_of_depth.get(depth, Level.FEDERATION if depth < 3 else Level.UPPER)
        counts[level] = counts.get(level, 0) + count
    rows = [
        Row(Level(level).label, [counts.get(level, 0)])
        for level in (Level.FEDERATION, Level.UPPER)
        if counts.get(level) or level >= unit.level
    ]
    return Table(
        series=[_("Grassroots unions")],
        rows=rows,
        label_heading=_("Level of the unit above"),
        periodic=False,
    )


@indicator(
    "grassroots-by-unit",
    title=gettext_lazy("Grassroots unions in each unit below"),
    method=gettext_lazy(
        "Counted from the portal's register of union units: active grassroots unions anywhere below each "
        "unit directly under this one. Refreshed every 15 minutes."
    ),
    measure=gettext_lazy("grassroots unions"),
    chart_type=ChartType.BAR,
)
def grassroots_by_unit(unit: Unit) -> Table:
    prefix_length = (unit.depth + 1) * Unit.steplen
    counts = dict(
        _below(unit)
        .filter(level=Level.GRASSROOTS)
        .annotate(branch=Substr("path", 1, prefix_length))
        .values_list("branch")
        .annotate(count=Count("id"))
    )
    children = unit.get_children().filter(is_active=True).order_by("path")
    rows = [
        Row(child.name, [counts.get(child.path, 0)], unit_code=child.code if child.numchild else "")
        for child in children
        if counts.get(child.path)
    ]
    rows.sort(key=lambda row: -row.values[0])
    return Table(series=[_("Grassroots unions")], rows=rows, label_heading=_("Unit"), periodic=False)


@indicator(
    "grassroots-by-province",
    title=gettext_lazy("Grassroots unions by province"),
    method=gettext_lazy(
        "Counted from the portal's register of union units: active grassroots unions below this unit, by "
        "the province recorded for each. Sector unions span provinces, so this differs from the count by "
        "unit. Refreshed every 15 minutes."
    ),
    measure=gettext_lazy("grassroots unions"),
    chart_type=ChartType.BAR,
)
def grassroots_by_province(unit: Unit) -> Table:
    counts = _below(unit).filter(level=Level.GRASSROOTS).values_list("province").annotate(count=Count("id"))
    rows = [Row(province or _("Province not recorded"), [count]) for province, count in counts]
    rows.sort(key=lambda row: (-row.values[0], row.label))
    return Table(series=[_("Grassroots unions")], rows=rows, label_heading=_("Province"), periodic=False)

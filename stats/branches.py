"""Figures of a unit's subtree split by the branches directly below it, in one grouped query.

A record belongs to the branch whose path prefixes its unit's path: cutting
every path to the length of a child's path groups a whole subtree of any
size with one GROUP BY. Records held by the unit itself fall in a branch of
their own (the cut leaves the unit's own, shorter, path).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.db.models.functions import Substr
from django.utils.translation import gettext as _

from federations.models import Unit

from .tables import Row

# A chart of hundreds of bars helps no one: the largest branches are shown, the rest summed.
MAX_BRANCHES = 25


@dataclass
class Branch:
    label: str
    # Path prefix of the branch: a child's path, or the unit's own path for its own records.
    path: str
    # Code to drill into, empty when there is nothing below to show.
    unit_code: str = ""


def branch_of(queryset: QuerySet, path_field: str, unit: Unit, **aggregates) -> dict[str, dict]:
    """`aggregates` (default: a count `n`) of `queryset`, keyed by branch path.

    `queryset` holds records of `unit`'s subtree; `path_field` leads to each one's unit path.
    """
    aggregates = aggregates or {"n": Count("pk")}
    length = (unit.depth + 1) * Unit.steplen
    rows = (
        queryset.order_by()
        .annotate(branch=Substr(path_field, 1, length))
        .values("branch")
        .annotate(**aggregates)
    )
    return {row.pop("branch"): row for row in rows}


def branches(unit: Unit, paths, limit: int = MAX_BRANCHES) -> list[Branch]:
    """The branches at `paths` (keys of `branch_of`), as labelled rows for a table.

    `paths` should come ordered by importance: only the first `limit` are looked up.
    """
    wanted = list(paths)[:limit]
    children = {
        child.path: child
        for child in Unit.objects.filter(path__in=[p for p in wanted if p != unit.path]).active()
    }
    found = []
    for path in wanted:
        if path == unit.path:
            found.append(Branch(_("Directly in %(unit)s") % {"unit": unit.name}, path))
        elif path in children:
            child = children[path]
            found.append(Branch(child.name, path, child.code if child.numchild else ""))
    return found


def branch_rows(
    unit: Unit,
    values: dict[str, list],
    limit: int = MAX_BRANCHES,
    size: Callable[[list], float] = lambda figures: sum(v or 0 for v in figures),
) -> list[Row]:
    """Table rows for `values` (one list of figures per branch path), largest `size` first.

    Branches beyond `limit` are summed into one "Other units" row, so the
    chart stays readable and the total stays right.
    """
    ordered = sorted(values, key=lambda path: (-size(values[path]), path))
    shown = branches(unit, ordered, limit)
    rows = [Row(branch.label, values[branch.path], unit_code=branch.unit_code) for branch in shown]
    rest = [values[path] for path in ordered if path not in {branch.path for branch in shown}]
    if rest:
        rows.append(Row(_("Other units"), [sum(v[i] or 0 for v in rest) for i in range(len(rest[0]))]))
    return rows

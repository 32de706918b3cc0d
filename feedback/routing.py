"""Where a case goes and how long the unit has to answer.

Both read `CategorySetting` rows of the unit and the units above it in one query
(the ancestors' paths are prefixes of the unit's path); the nearest setting wins,
then the defaults in `conf`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from federations.models import Unit

from . import conf
from .models import CategorySetting


def _ancestor_paths(unit: Unit) -> list[str]:
    step = Unit.steplen
    return [unit.path[: step * depth] for depth in range(1, unit.depth + 1)]


def _nearest_setting(unit: Unit, category: str, field: str):
    settings = (
        CategorySetting.objects.filter(
            unit__path__in=_ancestor_paths(unit), category=category, **{f"{field}__isnull": False}
        )
        .select_related("unit")
        .order_by("-unit__depth")
        .first()
    )
    return getattr(settings, field) if settings else None


def route(origin: Unit, category: str) -> Unit:
    """The unit that handles `category` for a member of `origin`: the member's own unit,
    or the unit above it at the level the category is routed to."""
    level = _nearest_setting(origin, category, "route_to_level")
    if level is None:
        level = conf.routing_default().get(category)
    if level is None or origin.level <= level:
        return origin
    # The nearest unit above at that level or higher (a grassroots union may sit right under a province).
    return (
        Unit.objects.filter(path__in=_ancestor_paths(origin), level__lte=level).order_by("-depth").first()
        or origin
    )


def answer_days(unit: Unit, category: str) -> int:
    days = _nearest_setting(unit, category, "answer_days")
    if days is None:
        defaults = conf.answer_days_default()
        days = defaults.get(category, defaults.get("default", 15))
    return int(days)


def due_at(unit: Unit, category: str, now: datetime) -> datetime:
    return now + timedelta(days=answer_days(unit, category))

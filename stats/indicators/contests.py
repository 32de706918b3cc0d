"""Indicators from the contests: entrants and participation rates per unit.

Series are the most recent contests (by their first round) with entrants in
the unit's subtree, oldest first, each named by its title in the reader's
language. The participation rate uses the same denominator as the contest's
own unit board (contests/boards.py): the member counts organisers import for
grassroots unions (`UnitMemberCount`), so the two pages never disagree.
"""

from __future__ import annotations

from django.db.models import Min, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from federations.models import Level, Unit

from ..branches import branch_of, branch_rows
from ..charts import ChartType
from ..tables import Table
from . import indicator

# Place of these figures on a statistics page (see load_indicator_modules).
ORDER = 30

CONTESTS_SHOWN = 3


def _entrants(unit: Unit):
    from contests.models import Entrant  # inside: this module loads even without the contests app

    return Entrant.objects.filter(unit__path__startswith=unit.path, unit__is_active=True)


def _recent_contests(unit: Unit) -> list[tuple[int, str]]:
    """(id, title in the active language) of the latest published contests with entrants below `unit`."""
    from contests.models import ContestPage

    contests = list(
        ContestPage.objects.live()
        .public()
        .filter(pk__in=_entrants(unit).values("contest_id"))
        .annotate(first_round=Min("rounds__opens_at"))
        .order_by("-first_round", "-pk")
        .values_list("pk", "translation_key", "title")[:CONTESTS_SHOWN]
    )
    translated = dict(
        ContestPage.objects.live()
        .filter(translation_key__in=[key for _pk, key, _title in contests], locale=Locale.get_active())
        .values_list("translation_key", "title")
    )
    return [(pk, translated.get(key, title)) for pk, key, title in reversed(contests)]


def _entrants_by_branch(unit: Unit, contest_ids: list[int]) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = {}
    for contest_position, contest_id in enumerate(contest_ids):
        by_branch = branch_of(_entrants(unit).filter(contest_id=contest_id), "unit__path", unit)
        for path, row in by_branch.items():
            counts.setdefault(path, [0] * len(contest_ids))[contest_position] = row["n"]
    return counts


@indicator(
    "contest-entrants-by-unit",
    title=gettext_lazy("Contest entrants in each unit below"),
    method=gettext_lazy(
        "Counted from the portal's contests: people registered for each of the latest contests with the "
        "unions below each unit directly under this one. Refreshed every 15 minutes."
    ),
    measure=gettext_lazy("entrants"),
    chart_type=ChartType.BAR,
    requires=("contests",),
)
def contest_entrants_by_unit(unit: Unit) -> Table:
    contests = _recent_contests(unit)
    counts = _entrants_by_branch(unit, [pk for pk, _title in contests])
    return Table(
        series=[title for _pk, title in contests],
        rows=branch_rows(unit, counts),
        label_heading=_("Unit"),
        periodic=False,
    )


@indicator(
    "contest-participation-rate",
    title=gettext_lazy("Contest participation rate in each unit below"),
    method=gettext_lazy(
        "Entrants of each of the latest contests per 100 members, for the unions below each unit directly "
        "under this one. Members are the counts that contest organisers record for grassroots unions, the "
        "same as on each contest's unit board; a unit without a recorded count has no rate. Refreshed "
        "every 15 minutes."
    ),
    measure=gettext_lazy("entrants per 100 members"),
    chart_type=ChartType.BAR,
    requires=("contests",),
)
def contest_participation_rate(unit: Unit) -> Table:
    from contests.models import UnitMemberCount

    contests = _recent_contests(unit)
    entrants = _entrants_by_branch(unit, [pk for pk, _title in contests])
    counted = UnitMemberCount.objects.filter(
        unit__path__startswith=unit.path,
        unit__level=Level.GRASSROOTS,
        unit__is_active=True,
        member_count__gt=0,
    )
    members = {
        path: row["members"]
        for path, row in branch_of(counted, "unit__path", unit, members=Sum("member_count")).items()
    }
    # Rows are built from entrant and member totals, so "Other units" sums totals, never rates.
    totals = {path: [*entrants[path], members[path]] for path in entrants if path in members}
    rows = branch_rows(unit, totals, size=lambda figures: sum(figures[:-1]) / figures[-1])
    for row in rows:
        *entered, member_count = row.values
        row.values = [round(100 * n / member_count, 1) for n in entered]
    return Table(
        series=[title for _pk, title in contests], rows=rows, label_heading=_("Unit"), periodic=False
    )

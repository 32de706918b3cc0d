"""Unit boards, live participation counts and per-question statistics (cached aggregates).

Unit figures cover a unit's whole subtree: entrants registered with any
grassroots union below it. Each figure is one GROUP BY over a prefix of the
unit path, so drilling from a province to its grassroots unions costs the
same few queries at every level.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Avg, Count, Q, Sum
from django.db.models.functions import Substr

from federations.models import Level, Unit

from .models import Attempt, ContestPage, Entrant, Result, UnitMemberCount

BOARD_CACHE_SECONDS = 60
LIVE_CACHE_SECONDS = 15
STATS_CACHE_SECONDS = 300


@dataclass
class UnitRow:
    unit: Unit
    entrants: int
    members: int | None
    average_score: float | None

    @property
    def rate(self) -> float | None:
        """Entrants per hundred members, or None when the member count is unknown."""
        if not self.members:
            return None
        return 100 * self.entrants / self.members


def _by_prefix(queryset, path_field: str, length: int, **aggregates) -> dict[str, dict]:
    rows = queryset.annotate(prefix=Substr(path_field, 1, length)).values("prefix").annotate(**aggregates)
    return {row["prefix"]: row for row in rows}


def unit_board(contest: ContestPage, parent: Unit) -> list[UnitRow]:
    """The units directly under `parent`, each with the figures of its subtree (cached)."""
    contest = contest.canonical
    key = f"contests:units:{contest.pk}:{parent.pk}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    children = list(
        Unit.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).active().order_by("path")
    )
    length = (parent.depth + 1) * Unit.steplen
    entrants = _by_prefix(
        Entrant.objects.filter(contest=contest, unit__path__startswith=parent.path),
        "unit__path",
        length,
        n=Count("id"),
    )
    members = _by_prefix(
        UnitMemberCount.objects.filter(
            unit__path__startswith=parent.path, unit__level=Level.GRASSROOTS, member_count__isnull=False
        ),
        "unit__path",
        length,
        n=Sum("member_count"),
    )
    scores = _by_prefix(
        Result.objects.on_board(contest, None).filter(entrant__unit__path__startswith=parent.path),
        "entrant__unit__path",
        length,
        avg=Avg("score"),
    )
    rows = [
        UnitRow(
            unit=child,
            entrants=entrants.get(child.path, {}).get("n", 0),
            members=members.get(child.path, {}).get("n"),
            average_score=scores.get(child.path, {}).get("avg"),
        )
        for child in children
    ]
    cache.set(key, rows, BOARD_CACHE_SECONDS)
    return rows


def top_grassroots(contest: ContestPage, limit: int = 10) -> dict[str, list[UnitRow]]:
    """The prize tables: grassroots unions with most entrants and with the highest participation rate."""
    contest = contest.canonical
    key = f"contests:topunits:{contest.pk}:{limit}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    counts = dict(
        Entrant.objects.filter(contest=contest)
        .values("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
    )
    members = dict(
        UnitMemberCount.objects.filter(unit_id__in=counts, member_count__gt=0).values_list(
            "unit_id", "member_count"
        )
    )
    units = Unit.objects.in_bulk(list(counts))
    rows = [UnitRow(units[pk], n, members.get(pk), None) for pk, n in counts.items() if pk in units]
    by_entrants = sorted(rows, key=lambda row: (-row.entrants, row.unit.code))[:limit]
    by_rate = sorted(
        (row for row in rows if row.rate is not None), key=lambda row: (-row.rate, row.unit.code)
    )[:limit]
    result = {"entrants": by_entrants, "rate": by_rate}
    cache.set(key, result, BOARD_CACHE_SECONDS)
    return result


def live_counts(contest: ContestPage) -> dict:
    """Entrants, and per round attempts started, submitted and in progress (cached briefly)."""
    contest = contest.canonical
    key = f"contests:live:{contest.pk}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    per_round = {
        row["round_id"]: row
        for row in Attempt.objects.filter(round__contest=contest)
        .values("round_id")
        .annotate(started=Count("id"), submitted=Count("id", filter=Q(submitted_at__isnull=False)))
    }
    counts = {
        "entrants": Entrant.objects.filter(contest=contest).count(),
        "rounds": [
            {
                "round": round_,
                "started": per_round.get(round_.pk, {}).get("started", 0),
                "submitted": per_round.get(round_.pk, {}).get("submitted", 0),
            }
            for round_ in contest.round_list
        ],
    }
    cache.set(key, counts, LIVE_CACHE_SECONDS)
    return counts


def question_statistics(contest: ContestPage, round_=None) -> dict[int, dict]:
    """Per drawn question: times drawn, share answered correctly, most chosen wrong option."""
    contest = contest.canonical
    key = f"contests:qstats:{contest.pk}:{getattr(round_, 'pk', 'all')}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    attempts = Attempt.objects.filter(round__contest=contest, submitted_at__isnull=False)
    if round_ is not None:
        attempts = attempts.filter(round=round_)
    drawn: Counter = Counter()
    right: Counter = Counter()
    wrong_choices: dict[int, Counter] = {}
    for questions, answers in attempts.values_list("questions", "answers").iterator(chunk_size=2000):
        for item in questions:
            qid = item["q"]
            chosen = set(answers.get(str(qid), ()))
            drawn[qid] += 1
            if chosen == set(item["c"]):
                right[qid] += 1
            else:
                wrong_choices.setdefault(qid, Counter()).update(chosen - set(item["c"]))
    stats = {}
    for qid, times in drawn.items():
        common = wrong_choices.get(qid, Counter()).most_common(1)
        stats[qid] = {
            "drawn": times,
            "correct_share": right[qid] / times,
            "top_wrong_option": common[0][0] if common else None,
            "top_wrong_count": common[0][1] if common else 0,
        }
    cache.set(key, stats, STATS_CACHE_SECONDS)
    return stats

"""Results: every entrant's best attempt per round, ranked, then the overall board.

Order: higher score, then a prediction closer to the number of entrants who
answered everything correctly (no prediction ranks after any prediction),
then the earlier submission. Entrants equal on all three share a rank.
Ranking runs in the database (window functions, SQLite ≥ 3.25 and PostgreSQL),
one INSERT … SELECT per board. The overall board of a contest with a single
ranked round is that round's board copied (same order, no second sort).
"""

from __future__ import annotations

from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from .attempts import close_expired_in_round
from .models import Attempt, ContestPage, Result, Round

ROUND_SQL = """
INSERT INTO contests_result (contest_id, round_id, entrant_id, attempt_id, score, distance, submitted_at, rank)
SELECT %(contest)s, %(round)s, entrant_id, id, total,
       CASE WHEN missing = 1 THEN NULL ELSE distance END, submitted_at,
       RANK() OVER (ORDER BY total DESC, missing ASC, distance ASC, submitted_at ASC)
FROM (
    SELECT scored.*,
           ROW_NUMBER() OVER (
               PARTITION BY entrant_id ORDER BY total DESC, missing ASC, distance ASC, submitted_at ASC, id ASC
           ) AS best
    FROM (
        SELECT a.id, a.entrant_id, a.submitted_at,
               a.score + COALESCE(a.essay_score, 0) AS total,
               CASE WHEN a.prediction IS NULL THEN 1 ELSE 0 END AS missing,
               CASE WHEN a.prediction IS NULL THEN 0 ELSE ABS(a.prediction - %(perfect)s) END AS distance
        FROM contests_attempt a
        WHERE a.round_id = %(round)s AND a.submitted_at IS NOT NULL AND a.score IS NOT NULL
    ) scored
) ranked
WHERE best = 1
"""

OVERALL_SQL = """
INSERT INTO contests_result (contest_id, round_id, entrant_id, attempt_id, score, distance, submitted_at, rank)
SELECT %(contest)s, NULL, entrant_id, NULL, total, distance, last_at,
       RANK() OVER (ORDER BY total DESC, missing ASC, distance ASC, last_at ASC)
FROM (
    SELECT r.entrant_id, SUM(r.score) AS total, SUM(COALESCE(r.distance, 0)) AS distance,
           MAX(CASE WHEN r.distance IS NULL THEN 1 ELSE 0 END) AS missing, MAX(r.submitted_at) AS last_at
    FROM contests_result r
    WHERE r.contest_id = %(contest)s AND r.round_id IS NOT NULL
    GROUP BY r.entrant_id
) totals
"""

# With one ranked round the overall order (sum of scores, sum of distances, any
# missing prediction, latest submission) is the round's own order row for row, so
# the ranks are copied rather than recomputed.
OVERALL_FROM_ROUND_SQL = """
INSERT INTO contests_result (contest_id, round_id, entrant_id, attempt_id, score, distance, submitted_at, rank)
SELECT %(contest)s, NULL, entrant_id, NULL, score, COALESCE(distance, 0), submitted_at, rank
FROM contests_result
WHERE round_id = %(round)s
"""

# Results are deleted with plain SQL: wagtail-localize listens to every model's
# post_delete, which turns a queryset delete() into loading and signalling each
# of a national board's 350,000 rows one by one.
DELETE_ROUND_SQL = "DELETE FROM contests_result WHERE round_id = %s"
DELETE_OVERALL_SQL = "DELETE FROM contests_result WHERE contest_id = %s AND round_id IS NULL"
# The board is two sorts over every attempt of the round; PostgreSQL's default 4 MB
# per sort would spill a national round to disk.
SORT_MEMORY_SQL = "SET LOCAL work_mem = '64MB'"
# A board is derived data that the next ranking rewrites: its commit need not wait
# for the WAL flush (a crash loses at most the last fraction of a second of it,
# never consistency; the round then simply stays unranked and is ranked again).
NO_FLUSH_WAIT_SQL = "SET LOCAL synchronous_commit = off"


def _prepare_sorts(cursor) -> None:
    if connection.vendor == "postgresql":
        cursor.execute(SORT_MEMORY_SQL)
        cursor.execute(NO_FLUSH_WAIT_SQL)


def perfect_count(round_: Round, questions: int) -> int:
    """Entrants of the round with at least one attempt where every drawn question was right."""
    return (
        Attempt.objects.filter(round=round_, submitted_at__isnull=False, score=questions)
        .values("entrant_id")
        .distinct()
        .count()
    )


@transaction.atomic
def rank_round(round_: Round, contest: ContestPage) -> int:
    """(Re)compute one closed round's board; returns the number of ranked entrants."""
    close_expired_in_round(round_)
    perfect = perfect_count(round_, contest.questions_per_attempt)
    params = {"contest": contest.pk, "round": round_.pk, "perfect": perfect}
    with connection.cursor() as cursor:
        _prepare_sorts(cursor)
        cursor.execute(DELETE_ROUND_SQL, [round_.pk])
        cursor.execute(ROUND_SQL, params)
        ranked = cursor.rowcount
    Round.objects.filter(pk=round_.pk).update(perfect_count=perfect, ranked_at=timezone.now())
    round_.perfect_count, round_.ranked_at = perfect, timezone.now()
    return ranked


@transaction.atomic
def rank_overall(contest: ContestPage) -> int:
    # Rounds that have a board (one index probe each), not every closed round:
    # the overall board adds up the boards that exist.
    with_board = list(
        contest.rounds.filter(Exists(Result.objects.filter(round=OuterRef("pk")))).values_list(
            "pk", flat=True
        )
    )
    with connection.cursor() as cursor:
        _prepare_sorts(cursor)
        cursor.execute(DELETE_OVERALL_SQL, [contest.pk])
        if len(with_board) == 1:
            cursor.execute(OVERALL_FROM_ROUND_SQL, {"contest": contest.pk, "round": with_board[0]})
        else:
            cursor.execute(OVERALL_SQL, {"contest": contest.pk})
        return cursor.rowcount


def _refresh_statistics() -> None:
    # The boards' GROUP BYs join results to entrants and units; planned with the
    # statistics of the empty table from before the ranking, they ran nested loops
    # over a national board for minutes. Autovacuum would analyse it only later.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE contests_result")


def rank_contest(contest: ContestPage, now=None) -> list[Round]:
    """Rank every closed round not ranked since it closed, then the overall board."""
    contest = contest.canonical
    now = now or timezone.now()
    stale = [
        r
        for r in contest.rounds.all()
        if r.is_closed(now) and (r.ranked_at is None or r.ranked_at < r.closes_at)
    ]
    for round_ in stale:
        rank_round(round_, contest)
    if stale:
        rank_overall(contest)
        _refresh_statistics()
    return stale


def rerank_contest(contest: ContestPage) -> None:
    """Recompute every closed round (after essays are scored or a key is corrected)."""
    contest = contest.canonical
    now = timezone.now()
    for round_ in contest.rounds.all():
        if round_.is_closed(now):
            rank_round(round_, contest)
    rank_overall(contest)
    _refresh_statistics()


def needs_ranking(contest: ContestPage, now=None) -> bool:
    now = now or timezone.now()
    return any(
        r.is_closed(now) and (r.ranked_at is None or r.ranked_at < r.closes_at) for r in contest.round_list
    )

"""Results: every entrant's best attempt per round, ranked, then the overall board.

Order: higher score, then a prediction closer to the number of entrants who
answered everything correctly (no prediction ranks after any prediction),
then the earlier submission. Entrants equal on all three share a rank.
Ranking runs in the database (window functions, SQLite ≥ 3.25 and PostgreSQL),
one INSERT … SELECT per board; `board_store` replaces the board's rows with them.
The overall board of a contest with a single ranked round is that round's board
itself (same order): it is not written again, and readers find it through
`Result.objects.on_board` (`models.entries.overall_board_key`).

A round is ranked once its close and the grace after it have passed: saves and
submits are accepted until then, so a board made earlier could miss some.
"""

from __future__ import annotations

from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone

from . import board_store
from .attempts import GRACE, close_expired_in_round
from .board_store import Board
from .models import Attempt, ContestPage, Round
from .models.entries import board_key, stored_overall_key


# Order by one BIGINT built from score, missing prediction and distance (higher score
# first), then the submission time. Sorting 350,000 rows on this key took 95 ms where the
# four columns took 390 ms (PostgreSQL compares one integer instead of walking the keys of
# the many rows that tie on score), and the overall board's sums stay integers (a SUM of
# BIGINT distances is NUMERIC, whose sort and aggregate cost 0.7 s more). The key is
# order-preserving while a total stays under 2**22 (scores and essay scores are SMALLINT,
# so for 64 rounds at least) and summed distances under 2**39 (each is under 2**31: a
# prediction is an INTEGER).
def _rank_key(total: str, missing: str, distance: str) -> str:
    return f"(-CAST({total} AS BIGINT) * 1099511627776 + {missing} * 549755813888 + {distance})"


# The values formatted into these statements are integers from the database.
# A round's attempts with the columns the order needs.
SCORED_SQL = f"""
SELECT id, entrant_id, submitted_at, total, missing, distance,
       {_rank_key("total", "missing", "distance")} AS rank_key
FROM (
    SELECT a.id, a.entrant_id, a.submitted_at,
           a.score + COALESCE(a.essay_score, 0) AS total,
           CASE WHEN a.prediction IS NULL THEN 1 ELSE 0 END AS missing,
           CASE WHEN a.prediction IS NULL THEN 0 ELSE ABS(a.prediction - {{perfect}}) END AS distance
    FROM ({{attempts}}) a
) a
"""
ATTEMPTS_SQL = """
SELECT id, entrant_id, submitted_at, score, essay_score, prediction FROM contests_attempt
WHERE round_id = {round} AND submitted_at IS NOT NULL AND score IS NOT NULL
"""
# Each entrant's best of them. PostgreSQL: DISTINCT ON, 120 ms less than ROW_NUMBER() on
# 350,000 attempts; SQLite has no DISTINCT ON.
BEST_SQL = {
    "postgresql": """
SELECT DISTINCT ON (entrant_id) * FROM ({scored}) scored ORDER BY entrant_id, rank_key, submitted_at, id
""",
    "sqlite": """
SELECT id, entrant_id, submitted_at, total, missing, distance, rank_key FROM (
    SELECT scored.*, ROW_NUMBER() OVER (PARTITION BY entrant_id ORDER BY rank_key, submitted_at, id) AS best
    FROM ({scored}) scored
) ranked WHERE best = 1
""",
}
ROUND_SQL = """
SELECT {board} AS board, {contest} AS contest_id, {round} AS round_id, entrant_id, id AS attempt_id,
       total AS score, CASE WHEN missing = 1 THEN NULL ELSE distance END AS distance, submitted_at,
       RANK() OVER (ORDER BY rank_key, submitted_at) AS rank
FROM ({best}) best
"""

# `{totals}`: each entrant's sums over the ranked rounds (`_totals`).
OVERALL_SQL = f"""
SELECT {{board}} AS board, {{contest}} AS contest_id, CAST(NULL AS BIGINT) AS round_id, entrant_id,
       CAST(NULL AS BIGINT) AS attempt_id, total AS score, distance, last_at AS submitted_at,
       RANK() OVER (ORDER BY {_rank_key("total", "missing", "COALESCE(distance, 0)")}, last_at) AS rank
FROM ({{totals}}) totals
"""


def _totals(rounds: list[str]) -> str:
    """Per entrant: the sum of scores, the sum of distances (a BIGINT: each distance fits
    an INTEGER, see above) or none if a round they took part in lacked a prediction, and
    the latest submission. A "round" may be the overall board of the rounds before: sums,
    missing predictions and latest times add up the same either way.

    Each round gives at most one row per entrant, so the rounds are FULL JOINed on the
    entrant rather than stacked and grouped: for two rounds of 350,000 entrants the
    join took 0.76 s where the GROUP BY of 700,000 rows took 1.0 s."""
    joined = f"({rounds[0]}) r0"
    for n in range(1, len(rounds)):
        joined += f" FULL JOIN ({rounds[n]}) r{n} ON r{n}.entrant_id = {_first('entrant_id', range(n))}"
    each = range(len(rounds))
    latest = "GREATEST" if connection.vendor == "postgresql" else "MAX"  # SQLite's MAX(a, b, …)
    # A round's time where the entrant took part, else another round's: absent rounds never win.
    times = ", ".join(_first("submitted_at", [n, *(m for m in each if m != n)]) for n in each)
    missing = " OR ".join(f"(r{n}.entrant_id IS NOT NULL AND r{n}.distance IS NULL)" for n in each)
    return f"""
SELECT {_first("entrant_id", each)} AS entrant_id,
       {" + ".join(f"COALESCE(r{n}.score, 0)" for n in each)} AS total,
       CASE WHEN {missing} THEN NULL
            ELSE {" + ".join(f"CAST(COALESCE(r{n}.distance, 0) AS BIGINT)" for n in each)} END AS distance,
       CASE WHEN {missing} THEN 1 ELSE 0 END AS missing,
       {f"{latest}({times})" if len(rounds) > 1 else times} AS last_at
FROM {joined}
"""


def _first(column: str, rounds) -> str:
    values = [f"r{n}.{column}" for n in rounds]
    return f"COALESCE({', '.join(values)})" if len(values) > 1 else values[0]


# One round's rows as the overall board adds them up: from its stored board (the key
# formatted in as an integer, so PostgreSQL reads that partition only), or from its best
# attempts (`best_attempts`, or a table staged from them) when its own board is built alongside.
STORED_ROWS_SQL = (
    "SELECT entrant_id, score, distance, submitted_at FROM contests_result WHERE board = {board}"
)
BEST_ROWS_SQL = """
SELECT entrant_id, total AS score, CASE WHEN missing = 1 THEN NULL ELSE distance END AS distance, submitted_at
FROM ({best}) best
"""


def best_attempts(round_: Round, perfect: int) -> str:
    scored = SCORED_SQL.format(attempts=ATTEMPTS_SQL.format(round=int(round_.pk)), perfect=int(perfect))
    return BEST_SQL[connection.vendor].format(scored=scored)


def round_board(contest: ContestPage, round_: Round, best: str) -> Board:
    """The round's board from `best`: `best_attempts` or a SELECT of a table staged from it."""
    key = board_key(contest.pk, round_.pk)
    return Board(key, ROUND_SQL.format(board=key, contest=int(contest.pk), round=int(round_.pk), best=best))


def overall_board(contest: ContestPage, stored: list[int], best: list[str] = ()) -> Board:
    """The sum over rounds: the `stored` boards, and rounds given by their `best` attempts."""
    rounds = [STORED_ROWS_SQL.format(board=int(key)) for key in stored]
    rounds += [BEST_ROWS_SQL.format(best=select) for select in best]
    key = board_key(contest.pk, None)
    return Board(key, OVERALL_SQL.format(board=key, contest=int(contest.pk), totals=_totals(rounds)))


def perfect_count(round_: Round, questions: int, count=lambda queryset: queryset.count()) -> int:
    """Entrants of the round with at least one attempt where every drawn question was right."""
    return count(
        Attempt.objects.filter(round=round_, submitted_at__isnull=False, score=questions)
        .values("entrant_id")
        .distinct()
    )


def _final_at(round_: Round) -> datetime:
    return round_.closes_at + GRACE


def _due(round_: Round, now: datetime) -> bool:
    """Closed and past its grace, and not ranked since."""
    return now >= _final_at(round_) and (round_.ranked_at is None or round_.ranked_at < _final_at(round_))


def _rank(contest: ContestPage, rounds: list[Round]) -> None:
    """(Re)compute the boards of `rounds` (closed rounds of the canonical `contest`) and
    the overall board.

    The rounds' "ranked" marks and every board they point to appear together: readers
    choose the overall board by the marks. From the second ranked round on, the overall
    board is built too; on PostgreSQL, outside a transaction, the boards are then built
    side by side (`_rank_side_by_side`)."""
    with board_store.ranking_lock(contest.pk):
        with transaction.atomic():  # committed before any other connection reads the attempts
            for round_ in rounds:
                close_expired_in_round(round_)
        ranked_before = list(
            contest.rounds.filter(ranked_at__isnull=False)
            .exclude(pk__in=[r.pk for r in rounds])
            .values_list("pk", flat=True)
        )
        if (ranked_before or len(rounds) > 1) and board_store.can_build_concurrently():
            _rank_side_by_side(contest, rounds, ranked_before)
            return
        perfect = {r: perfect_count(r, contest.questions_per_attempt) for r in rounds}
        with transaction.atomic(), connection.cursor() as cursor:
            for round_, count in perfect.items():
                board_store.write(cursor, round_board(contest, round_, best_attempts(round_, count)))
            if ranked_before or len(rounds) > 1:
                # Every round's board, not the overall board as it stands: on SQLite
                # `write` deletes a board's rows before inserting, so it cannot read itself.
                stored = ranked_before + [board_key(contest.pk, r.pk) for r in rounds]
                board_store.write(cursor, overall_board(contest, stored))
            else:
                # Readers take the round's board as the overall one (overall_board_key).
                board_store.drop(cursor, board_key(contest.pk, None))
            _mark_ranked(perfect)


def _rank_side_by_side(contest: ContestPage, rounds: list[Round], ranked_before: list[int]) -> None:
    """PostgreSQL: each round's best attempts are staged in a table once; then its board
    and the overall board, which both read them, are built at the same time on separate
    connections, and swapped in together with the rounds' marks."""
    keys = [board_key(contest.pk, r.pk) for r in rounds] + [board_key(contest.pk, None)]
    board_store.drop_orphans(keys, [r.pk for r in rounds])
    questions = contest.questions_per_attempt
    perfect = {r: perfect_count(r, questions, board_store.count_in_parallel) for r in rounds}
    stored = _overall_so_far(contest, rounds, ranked_before)
    staged, boards = {}, []
    try:
        for round_, count in perfect.items():
            staged[round_] = board_store.stage(round_.pk, best_attempts(round_, count))
        best = {r: f"SELECT * FROM {table}" for r, table in staged.items()}
        boards = [round_board(contest, r, best[r]) for r in rounds]
        boards.append(overall_board(contest, stored, list(best.values())))
        board_store.build_concurrently(boards)
        with transaction.atomic(), connection.cursor() as cursor:
            board_store.swap(cursor, boards)
            _mark_ranked(perfect)
    except BaseException:
        board_store.drop_tables([board.table for board in boards])  # built, never swapped in
        raise
    finally:
        board_store.drop_tables(staged.values())


def _overall_so_far(contest: ContestPage, rounds: list[Round], ranked_before: list[int]) -> list[int]:
    """The stored boards the overall board adds `rounds` to. A round closing for the first
    time: the overall board as it stands (the earlier rounds' sum; with one earlier round,
    that round's board), so the work stays that of two boards however many rounds came
    before (three rounds added up took 2.2 s where two took 1.8). Otherwise (re-ranking)
    every earlier round's board: the overall board already counts the rounds re-ranked."""
    if len(rounds) == 1 and rounds[0].ranked_at is None and ranked_before:
        return [stored_overall_key(contest.pk, ranked_before)]
    return ranked_before


def _mark_ranked(perfect: dict[Round, int]) -> None:
    ranked_at = timezone.now()
    for round_, count in perfect.items():
        Round.objects.filter(pk=round_.pk).update(perfect_count=count, ranked_at=ranked_at)
        round_.perfect_count, round_.ranked_at = count, ranked_at


def _forget_rounds(*pages: ContestPage) -> None:
    for page in pages:  # their rounds' ranked marks changed
        page.__dict__.pop("round_list", None)


def rank_contest(contest: ContestPage, now=None) -> list[Round]:
    """Rank every round that has closed (and its grace passed) but has no board since, then
    the overall board."""
    given, contest = contest, contest.canonical
    now = now or timezone.now()
    stale = [r for r in contest.rounds.all() if _due(r, now)]
    if stale:
        _rank(contest, stale)
        _forget_rounds(given, contest)
    return stale


def rerank_contest(contest: ContestPage) -> None:
    """Recompute every closed round (after essays are scored or a key is corrected)."""
    given, contest = contest, contest.canonical
    now = timezone.now()
    _rank(contest, [r for r in contest.rounds.all() if r.is_closed(now)])
    _forget_rounds(given, contest)


def needs_ranking(contest: ContestPage, now=None) -> bool:
    now = now or timezone.now()
    return any(_due(r, now) for r in contest.round_list)

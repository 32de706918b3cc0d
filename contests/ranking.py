"""Results: every entrant's best attempt per round, ranked, then the overall board.

Order: higher score, then a prediction closer to the number of entrants who
answered everything correctly (no prediction ranks after any prediction),
then the earlier submission. Entrants equal on all three share a rank.
Ranking runs in the database (window functions, SQLite ≥ 3.25 and PostgreSQL),
one INSERT … SELECT per board: on SQLite into the results table after deleting the
board's old rows, on PostgreSQL into a new partition that replaces the old one.
The overall board of a contest with a single ranked round is that round's board
itself (same order): it is not written again, and readers find it through
`Result.objects.on_board` (`models.entries.overall_board_key`).
"""

from __future__ import annotations

import uuid

from django.db import connection, transaction
from django.utils import timezone

from .attempts import close_expired_in_round
from .models import Attempt, ContestPage, Round
from .models.entries import board_key

# Each board is written by one statement: the columns below, filled by a SELECT.
BOARD_COLUMNS = "board, contest_id, round_id, entrant_id, attempt_id, score, distance, submitted_at, rank"


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


ROUND_SQL = f"""
SELECT %(board)s AS board, %(contest)s AS contest_id, %(round)s AS round_id, entrant_id, id AS attempt_id,
       total AS score, CASE WHEN missing = 1 THEN NULL ELSE distance END AS distance, submitted_at,
       RANK() OVER (ORDER BY rank_key, submitted_at) AS rank
FROM (
    SELECT scored.*,
           ROW_NUMBER() OVER (PARTITION BY entrant_id ORDER BY rank_key, submitted_at, id) AS best
    FROM (
        SELECT a.id, a.entrant_id, a.submitted_at, total, missing, distance,
               {_rank_key("total", "missing", "distance")} AS rank_key
        FROM (
            SELECT a.id, a.entrant_id, a.submitted_at,
                   a.score + COALESCE(a.essay_score, 0) AS total,
                   CASE WHEN a.prediction IS NULL THEN 1 ELSE 0 END AS missing,
                   CASE WHEN a.prediction IS NULL THEN 0 ELSE ABS(a.prediction - %(perfect)s) END AS distance
            FROM contests_attempt a
            WHERE a.round_id = %(round)s AND a.submitted_at IS NOT NULL AND a.score IS NOT NULL
        ) a
    ) scored
) ranked
WHERE best = 1
"""

# `{boards}`: the round boards to add up (ids from the database, formatted in as
# integers so that PostgreSQL reads only their partitions). Distances are summed as
# INTEGERs (each fits one, see above), so the sum is a BIGINT, not a NUMERIC.
OVERALL_SQL = f"""
SELECT %(board)s AS board, %(contest)s AS contest_id, CAST(NULL AS BIGINT) AS round_id, entrant_id,
       CAST(NULL AS BIGINT) AS attempt_id, total AS score, distance, last_at AS submitted_at,
       RANK() OVER (ORDER BY {_rank_key("total", "missing", "distance")}, last_at) AS rank
FROM (
    SELECT r.entrant_id, SUM(r.score) AS total, SUM(CAST(COALESCE(r.distance, 0) AS INTEGER)) AS distance,
           MAX(CASE WHEN r.distance IS NULL THEN 1 ELSE 0 END) AS missing, MAX(r.submitted_at) AS last_at
    FROM contests_result r
    WHERE r.board IN ({{boards}})
    GROUP BY r.entrant_id
) totals
"""

# SQLite: old rows are deleted with plain SQL (wagtail-localize listens to every
# model's post_delete, which turns a queryset delete() into loading and signalling
# each of a national board's 350,000 rows one by one), then the board is inserted.
DELETE_BOARD_SQL = "DELETE FROM contests_result WHERE board = %s"

# PostgreSQL: contests_result is partitioned by board (migration 0004). Inserting a
# national board row by row into an indexed table cost ~20 µs a row (the heap, four
# indexes, their WAL; and as much again to delete the old rows), so a board is built
# as a new table without indexes, its indexes are built in one sorted pass each, and
# it replaces the board's old partition. Readers see the old board until the commit.
# A row's id is derived from its board and entrant (unique together), not drawn from
# a sequence: `nextval` for each of 350,000 rows cost 0.3 s of a board's build. Ids stay
# unique across the table (Django deletes by id): entrant ids are under 2**40 and boards
# are round ids or minus contest ids, so |board| * 2**40 never meets another board's ids
# nor the small sequence ids of rows written before (SQLite still numbers its rows).
BUILD_SQL = """
INSERT INTO {table} (id, {columns})
SELECT board_rows.board * 1099511627776 + board_rows.entrant_id, board_rows.*
FROM ({select}) board_rows
"""
# The index definitions match the partitioned table's, so attaching adopts them.
INDEX_SQL = [
    "ALTER TABLE {table} ADD CONSTRAINT {table}_pkey PRIMARY KEY (id, board),"
    " ADD CONSTRAINT {table}_board_entrant UNIQUE (board, entrant_id)",
    "CREATE INDEX {table}_board_rank ON {table} (board, rank)",
    # Statistics for the boards' GROUP BYs, taken before the swap locks the table; a
    # small sample (3,000 rows) is enough for one board's few columns.
    "SET LOCAL default_statistics_target = 10",
    "ANALYZE {table}",
]
# Board swaps take turns (a transaction-level lock; no two need the parent table's
# exclusive lock at once, which could deadlock against the default partition's).
SWAP_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('contests_result'))"
SWAP_SQL = [
    "DROP TABLE IF EXISTS {partition}",
    # Rows of this board written before it had a partition (e.g. migrated ones).
    "DELETE FROM contests_result_default WHERE board = {board}",
    "ALTER TABLE {table} RENAME TO {partition}",
    "ALTER TABLE contests_result ATTACH PARTITION {partition} FOR VALUES IN ({board})",
]
# The board's sorts and index builds run in memory; PostgreSQL's default 4 MB per sort
# would spill a national round to disk.
SORT_MEMORY_SQL = "SET LOCAL work_mem = '64MB'"
INDEX_MEMORY_SQL = "SET LOCAL maintenance_work_mem = '128MB'"
# A board is derived data that the next ranking rewrites: its commit need not wait
# for the WAL flush (a crash loses at most the last fraction of a second of it,
# never consistency; the round then simply stays unranked and is ranked again).
NO_FLUSH_WAIT_SQL = "SET LOCAL synchronous_commit = off"


def _partition_name(board: int) -> str:
    return f"contests_result_r{board}" if board >= 0 else f"contests_result_c{-board}"


def _write_board(cursor, board: int, select_sql: str, params: dict) -> int:
    """Replace one board's rows with those `select_sql` gives; returns their number."""
    board = int(board)
    params = {**params, "board": board}
    if connection.vendor != "postgresql":
        cursor.execute(DELETE_BOARD_SQL, [board])
        cursor.execute(f"INSERT INTO contests_result ({BOARD_COLUMNS}) {select_sql}", params)
        return cursor.rowcount
    for statement in (SORT_MEMORY_SQL, INDEX_MEMORY_SQL, NO_FLUSH_WAIT_SQL):
        cursor.execute(statement)
    partition = _partition_name(board)
    table = f"{partition}_{uuid.uuid4().hex[:12]}"  # a new name: the old partition stays readable
    cursor.execute(f"CREATE TABLE {table} (LIKE contests_result INCLUDING DEFAULTS INCLUDING CONSTRAINTS)")
    cursor.execute(BUILD_SQL.format(table=table, columns=BOARD_COLUMNS, select=select_sql), params)
    written = cursor.rowcount
    for statement in INDEX_SQL:
        cursor.execute(statement.format(table=table))
    cursor.execute(SWAP_LOCK_SQL)
    for statement in SWAP_SQL:
        cursor.execute(statement.format(table=table, partition=partition, board=board))
    return written


def _drop_board(cursor, board: int) -> None:
    """Remove a board that readers no longer use (the overall board while one round is ranked)."""
    board = int(board)
    if connection.vendor != "postgresql":
        cursor.execute(DELETE_BOARD_SQL, [board])
        return
    cursor.execute(SWAP_LOCK_SQL)
    for statement in SWAP_SQL[:2]:  # drop the partition and any rows stored before it
        cursor.execute(statement.format(partition=_partition_name(board), board=board))


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
        ranked = _write_board(cursor, board_key(contest.pk, round_.pk), ROUND_SQL, params)
    Round.objects.filter(pk=round_.pk).update(perfect_count=perfect, ranked_at=timezone.now())
    round_.perfect_count, round_.ranked_at = perfect, timezone.now()
    return ranked


@transaction.atomic
def rank_overall(contest: ContestPage) -> int:
    # Rounds that have a board (ranked, even if nobody took them), not every closed
    # round: the overall board adds up the boards that exist. (Probing the results
    # for each round's rows was planned as a scan of every board of every contest.)
    with_board = list(contest.rounds.filter(ranked_at__isnull=False).values_list("pk", flat=True))
    board = board_key(contest.pk, None)
    with connection.cursor() as cursor:
        if len(with_board) == 1:
            # Readers take the round's board as the overall one (overall_board_key).
            _drop_board(cursor, board)
            return 0
        # No ranked round: an empty board (IN (NULL) matches nothing).
        boards = ", ".join(str(int(pk)) for pk in with_board) or "NULL"
        return _write_board(cursor, board, OVERALL_SQL.format(boards=boards), {"contest": contest.pk})


@transaction.atomic
def rank_contest(contest: ContestPage, now=None) -> list[Round]:
    """Rank every closed round not ranked since it closed, then the overall board.

    One transaction: readers choose the overall board by the rounds marked ranked, so the
    marks and every board they point to appear together."""
    given, contest = contest, contest.canonical
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
        for page in (given, contest):  # their rounds' ranked marks changed
            page.__dict__.pop("round_list", None)
    return stale


@transaction.atomic
def rerank_contest(contest: ContestPage) -> None:
    """Recompute every closed round (after essays are scored or a key is corrected)."""
    given, contest = contest, contest.canonical
    now = timezone.now()
    for round_ in contest.rounds.all():
        if round_.is_closed(now):
            rank_round(round_, contest)
    rank_overall(contest)
    for page in (given, contest):
        page.__dict__.pop("round_list", None)


def needs_ranking(contest: ContestPage, now=None) -> bool:
    now = now or timezone.now()
    return any(
        r.is_closed(now) and (r.ranked_at is None or r.ranked_at < r.closes_at) for r in contest.round_list
    )

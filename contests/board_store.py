"""Storing boards: how the rows a ranking SELECT gives replace a board's old rows.

SQLite keeps a plain table: the board's old rows are deleted with plain SQL, then the new
ones inserted, all in the caller's transaction. (A queryset `delete()` would load and
signal each of a national board's 350,000 rows: wagtail-localize listens to every
model's deletes.)

PostgreSQL partitions `contests_result` by board (migration 0004). Inserting a national
board row by row into an indexed table cost ~20 µs a row (the heap, four indexes, their
WAL; and as much again to delete the old rows), so each board is built as a new table
without indexes, its indexes are built in one sorted pass each, and it replaces the
board's old partition: under a lock that makes swaps take turns, the old partition is
dropped, the new table renamed and attached. Readers see the old board until the commit
and wait only for the swap (milliseconds; an export streaming that table at that moment
delays it).

When a later round closes, its board and the overall board are two builds of 350,000
rows each, so they run side by side, one database connection each (a machine's cores
work in parallel; one query uses one): the round's best attempts are first `stage`d in
an unlogged table that both builds read (reading the attempts twice, wide rows with the
drawn questions, cost more than it saved), then `build_concurrently` commits each board
unattached under a new name, invisible to readers (a table, then its two indexes, each
step on whichever connection is free), and the caller `swap`s them all in, in one
transaction. Tables left behind by a failure are dropped at once, or, if the
process died, by the next ranking of the same contest (`drop_orphans`).
"""

from __future__ import annotations

import itertools
import re
import uuid
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction

# Each board is written by one statement: the columns below, filled by a SELECT.
BOARD_COLUMNS = "board, contest_id, round_id, entrant_id, attempt_id, score, distance, submitted_at, rank"

DELETE_BOARD_SQL = "DELETE FROM contests_result WHERE board = %s"

# A row's id is derived from its board and entrant (`models.entries.result_id`), not
# drawn from a sequence: `nextval` for each of 350,000 rows cost 0.3 s of a board's build,
# and the primary key then also finds an entrant on a board and keeps them there once, so
# no second unique index on (board, entrant) is built (0.2–0.3 s a board). Ids stay unique
# across the table: entrant ids are under 2**40 and boards are round ids or minus contest
# ids, so |board| * 2**40 never meets another board's ids.
ID_SQL = "b.board * 1099511627776 + b.entrant_id"
# SQLite: the rows go into the results table itself.
INSERT_SQL = f"INSERT INTO contests_result (id, {BOARD_COLUMNS}) SELECT {ID_SQL}, b.* FROM ({{select}}) b"
# PostgreSQL: a board's table is made by CREATE TABLE … AS (0.1 s faster than INSERT …
# SELECT into an empty copy of the results table: it writes in bulk), then given the
# results table's column types, NOT NULLs and CHECK constraints, which a partition needs.
SHAPE_SQL = """
SELECT attname, format_type(atttypid, atttypmod), attnotnull FROM pg_attribute
WHERE attrelid = 'contests_result'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum
"""
CHECKS_SQL = """
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
WHERE conrelid = 'contests_result'::regclass AND contype = 'c'
"""
# The index definitions match the partitioned table's, so attaching adopts them.
# Proves the partition bound, so attaching does not scan the table again.
BOUND_SQL = "ADD CONSTRAINT {table}_bound CHECK (board IS NOT NULL AND board = {board})"
RANK_INDEX_SQL = "CREATE INDEX {table}_board_rank ON {table} (board, rank)"
# The primary key is made from a unique index built apart: CREATE INDEX takes a lock that
# another CREATE INDEX shares (ADD PRIMARY KEY's does not), so, side by side, a connection
# done with its own board builds this board's (board, rank) index meanwhile.
KEY_INDEX_SQL = "CREATE UNIQUE INDEX {table}_pkey ON {table} (id, board)"
KEY_FROM_INDEX_SQL = "ALTER TABLE {table} ADD CONSTRAINT {table}_pkey PRIMARY KEY USING INDEX {table}_pkey"
STATISTICS_SQL = [
    # Statistics for the boards' GROUP BYs, taken before the swap locks the table; a
    # small sample (3,000 rows) is enough for one board's few columns.
    "SET LOCAL default_statistics_target = 10",
    "ANALYZE {table}",
]
# Board swaps take turns (a transaction-level lock; no two need the parent table's
# exclusive lock at once, which could deadlock against the default partition's).
SWAP_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('contests_result'))"
DROP_SQL = [
    "DROP TABLE IF EXISTS {partition}",
    # Rows of this board written before it had a partition (e.g. migrated ones).
    "DELETE FROM contests_result_default WHERE board = {board}",
]
ATTACH_SQL = [
    "ALTER TABLE {table} RENAME TO {partition}",
    "ALTER TABLE contests_result ATTACH PARTITION {partition} FOR VALUES IN ({board})",
]
# The board's sorts and index builds run in memory; PostgreSQL's default 4 MB per sort
# would spill a national round to disk.
SESSION_SQL = [
    "SET LOCAL work_mem = '64MB'",
    "SET LOCAL maintenance_work_mem = '128MB'",
    # A board is derived data that the next ranking rewrites: its commit need not wait
    # for the WAL flush (a crash loses at most the last fraction of a second of it,
    # never consistency; the round then simply stays unranked and is ranked again).
    "SET LOCAL synchronous_commit = off",
]
# Before the builds, reading a round's attempts has the cores to itself: let PostgreSQL
# read and sort them with parallel workers, which its default costs (made for busier
# servers) never chose here; staging took 250 ms instead of 290–380.
PARALLEL_SQL = [
    "SET LOCAL parallel_setup_cost = 0",
    "SET LOCAL parallel_tuple_cost = 0.001",
]
# Boards built side by side already keep the cores busy: one process per build.
SIDE_BY_SIDE_SQL = [
    "SET LOCAL max_parallel_maintenance_workers = 0",
    "SET LOCAL max_parallel_workers_per_gather = 0",
]
# One ranking of a contest at a time (a session lock, so it spans the builds' commits
# and the swap); it also makes a table found unattached an orphan, never a table that
# another ranking of the same contest is about to attach.
RANKING_LOCK = "SELECT pg_advisory_lock(hashtext('contests_ranking'), %s)"
RANKING_UNLOCK = "SELECT pg_advisory_unlock(hashtext('contests_ranking'), %s)"
ORPHANS_SQL = """
SELECT c.relname FROM pg_class c
WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
  AND c.relname ~ %s AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid)
"""


@dataclass
class Board:
    """One board to (re)write: its key and the SELECT (columns as `BOARD_COLUMNS`) of its rows."""

    key: int
    select: str
    table: str = field(default="", init=False)

    def __post_init__(self):
        self.key = int(self.key)
        # A new name: the old partition stays readable until the swap.
        self.table = _new_name(partition_name(self.key))


def partition_name(board: int) -> str:
    return f"contests_result_r{board}" if board >= 0 else f"contests_result_c{-board}"


def can_build_concurrently() -> bool:
    """Separate connections see only committed data: not from inside a transaction
    (a test's, or a caller's that may hold uncommitted attempts)."""
    return (
        connection.vendor == "postgresql"
        and not connection.in_atomic_block
        and settings.CONTESTS_RANKING_CONNECTIONS > 1
    )


def write(cursor, board: Board) -> None:
    """Replace one board's rows, in the caller's transaction."""
    if connection.vendor != "postgresql":
        cursor.execute(DELETE_BOARD_SQL, [board.key])
        cursor.execute(INSERT_SQL.format(select=board.select))
        return
    _build(cursor, board)
    swap(cursor, [board])


def drop(cursor, key: int) -> None:
    """Remove a board that readers no longer use (the overall board while one round is ranked)."""
    key = int(key)
    if connection.vendor != "postgresql":
        cursor.execute(DELETE_BOARD_SQL, [key])
        return
    cursor.execute(SWAP_LOCK_SQL)
    for statement in DROP_SQL:
        cursor.execute(statement.format(partition=partition_name(key), board=key))


def swap(cursor, boards: list[Board]) -> None:
    """Put built tables in place of their boards' partitions (PostgreSQL)."""
    cursor.execute(SWAP_LOCK_SQL)
    for board in boards:
        for statement in DROP_SQL + ATTACH_SQL:
            cursor.execute(
                statement.format(table=board.table, partition=partition_name(board.key), board=board.key)
            )


def _build(cursor, board: Board) -> None:
    """Create the board's table from its SELECT, in the results table's shape, then its keys,
    all in the caller's transaction."""
    for statement in SESSION_SQL:
        cursor.execute(statement)
    for step in (_create_table, _key_index, _rank_index, _finish):
        step(cursor, board)


def _create_table(cursor, board: Board) -> None:
    """The board's table from its SELECT, with the results table's column types, NOT NULLs
    and checks, and the partition bound."""
    cursor.execute(SHAPE_SQL)
    columns = cursor.fetchall()
    cursor.execute(CHECKS_SQL)
    checks = cursor.fetchall()
    values = ", ".join(
        f"CAST({ID_SQL if name == 'id' else f'b.{name}'} AS {kind}) AS {name}" for name, kind, _ in columns
    )
    cursor.execute(f"CREATE TABLE {board.table} AS SELECT {values} FROM ({board.select}) b")
    # One ALTER: one pass over the rows checks every constraint.
    alter = [f"ALTER COLUMN {name} SET NOT NULL" for name, _kind, not_null in columns if not_null]
    alter += [f"ADD CONSTRAINT {name} {check}" for name, check in checks]  # attaching matches names
    alter.append(BOUND_SQL.format(table=board.table, board=board.key))
    cursor.execute(f"ALTER TABLE {board.table} {', '.join(alter)}")


def _rank_index(cursor, board: Board) -> None:
    cursor.execute(RANK_INDEX_SQL.format(table=board.table))


def _key_index(cursor, board: Board) -> None:
    cursor.execute(KEY_INDEX_SQL.format(table=board.table))


def _statistics(cursor, board: Board) -> None:
    for statement in STATISTICS_SQL:
        cursor.execute(statement.format(table=board.table))


def _finish(cursor, board: Board) -> None:
    """Once both indexes are built: the primary key from its index, then statistics."""
    cursor.execute(KEY_FROM_INDEX_SQL.format(table=board.table))
    _statistics(cursor, board)


def _new_name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


def stage(round_id: int, select: str) -> str:
    """Keep a round's best attempts (`select`) in a new unlogged table, committed so that
    other connections read it; returns its name. Drop it with `drop_tables`."""
    table = _new_name(f"contests_best_r{int(round_id)}")
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in SESSION_SQL[:1] + PARALLEL_SQL:
            cursor.execute(statement)
        cursor.execute(f"CREATE UNLOGGED TABLE {table} AS {select}")
    return table


def count_in_parallel(queryset) -> int:
    """`queryset.count()` with the parallel reading of `stage` (before the builds)."""
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in PARALLEL_SQL:
            cursor.execute(statement)
        return queryset.count()


def _committed(step, board: Board) -> None:
    """In this thread's own connection: one step of a board's build, committed."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            for statement in SESSION_SQL + SIDE_BY_SIDE_SQL:
                cursor.execute(statement)
            step(cursor, board)
    finally:
        connection.close()


def build_concurrently(boards: list[Board]) -> None:
    """Build the boards' tables at once, each step committed and the tables unattached,
    from data that no other transaction changes meanwhile (staged tables, stored boards of
    other rounds, under the contest's ranking lock); then the caller `swap`s them in, or
    `drop_tables` them if anything fails.

    Each board's steps are those of `_build`: its table, then both indexes (at the same
    time, on any free connection), then the key and statistics. Steps go to whichever
    connection is free: the round's board is built sooner than the overall board (which
    also adds the rounds up), so its connection then builds the overall board's (board,
    rank) index while the other builds the primary key."""
    pool = ThreadPoolExecutor(max_workers=settings.CONTESTS_RANKING_CONNECTIONS)
    running: dict = {}
    indexes_to_build: dict[int, int] = {}

    def start(step, board: Board) -> None:
        running[pool.submit(_committed, step, board)] = (step, board)

    try:
        for board in reversed(boards):  # the largest build (the overall board, given last) first
            start(_create_table, board)
        while running:
            done, _pending = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                step, board = running.pop(future)
                future.result()  # raises a step's error
                if step is _create_table:
                    indexes_to_build[board.key] = 2
                    start(_key_index, board)
                    start(_rank_index, board)
                elif step is not _finish:
                    indexes_to_build[board.key] -= 1
                    if not indexes_to_build[board.key]:
                        start(_finish, board)
    finally:
        pool.shutdown(cancel_futures=True)  # after an error: start nothing more, wait for the rest


def drop_tables(tables) -> None:
    """Drop tables built or staged by a ranking (committed, so this is done in a connection
    of its own, whatever state the caller's transaction is in)."""

    def run():
        try:
            with connection.cursor() as cursor:
                for table in tables:
                    cursor.execute(f'DROP TABLE IF EXISTS "{table}"')
        finally:
            connection.close()

    tables = list(tables)
    if tables:
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(run).result()


def drop_orphans(boards: list[int], rounds: list[int]) -> None:
    """Drop tables built for these boards or staged for these rounds and never attached
    (a ranking killed between its builds' commits and its swap). Call with the contest's
    ranking lock held."""
    prefixes = itertools.chain(
        (partition_name(int(key)) for key in boards), (f"contests_best_r{int(pk)}" for pk in rounds)
    )
    names = "|".join(re.escape(prefix) for prefix in prefixes)
    with connection.cursor() as cursor:
        cursor.execute(ORPHANS_SQL, [f"^({names})_[0-9a-f]{{12}}$"])
        for (table,) in cursor.fetchall():
            cursor.execute(f'DROP TABLE IF EXISTS "{table}"')


class ranking_lock:
    """Hold the contest's ranking lock (PostgreSQL; elsewhere a no-op)."""

    def __init__(self, contest_id: int):
        self.contest_id = int(contest_id)

    def __enter__(self):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(RANKING_LOCK, [self.contest_id])
        return self

    def __exit__(self, *exc):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(RANKING_UNLOCK, [self.contest_id])

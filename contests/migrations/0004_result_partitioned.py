"""On PostgreSQL, results become a table partitioned by board.

The ranking then builds each board as a new partition (rows inserted without indexes,
indexes built in one pass) and swaps it in, instead of deleting and inserting 350,000
rows through five indexes one row at a time (contests/ranking.py). Rows of a board that
has no partition of its own yet go to the default partition. Django's view of the
table is unchanged (same columns, constraint and index names); the primary key also
holds `board`, as PostgreSQL requires of a partitioned table. SQLite keeps a plain table.
"""

from django.db import migrations

COLUMNS = "id, score, distance, submitted_at, rank, attempt_id, contest_id, entrant_id, round_id, board"

INDEXES = [
    "ALTER TABLE contests_result ADD CONSTRAINT contest_result_unique_board UNIQUE (board, entrant_id)",
    "CREATE INDEX contest_result_board_rank ON contests_result (board, rank)",
]


def _move(schema_editor, partitioned: bool) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    execute = schema_editor.execute
    execute("ALTER TABLE contests_result RENAME TO contests_result_moving")
    for statement in (
        "ALTER TABLE contests_result_moving DROP CONSTRAINT contests_result_pkey",
        "ALTER TABLE contests_result_moving DROP CONSTRAINT contest_result_unique_board",
        "DROP INDEX contest_result_board_rank",
    ):
        execute(statement)
    layout = " PARTITION BY LIST (board)" if partitioned else ""
    execute(
        "CREATE TABLE contests_result (LIKE contests_result_moving"
        f" INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING IDENTITY){layout}"
    )
    if partitioned:
        execute("CREATE TABLE contests_result_default PARTITION OF contests_result DEFAULT")
    execute(f"INSERT INTO contests_result ({COLUMNS}) SELECT {COLUMNS} FROM contests_result_moving")
    execute(
        "SELECT setval(pg_get_serial_sequence('contests_result', 'id'),"
        " (SELECT COALESCE(MAX(id), 0) + 1 FROM contests_result), false)"
    )
    execute("DROP TABLE contests_result_moving")
    # A partitioned table's primary key must hold the partition key.
    key = "id, board" if partitioned else "id"
    execute(f"ALTER TABLE contests_result ADD CONSTRAINT contests_result_pkey PRIMARY KEY ({key})")
    for statement in INDEXES:
        execute(statement)


def partition(apps, schema_editor):
    _move(schema_editor, partitioned=True)


def unpartition(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # Every board's rows go back into one plain table; the partitions go with their parent.
        _move(schema_editor, partitioned=False)


class Migration(migrations.Migration):
    dependencies = [
        ("contests", "0003_result_board"),
    ]

    operations = [migrations.RunPython(partition, unpartition)]

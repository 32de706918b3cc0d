"""PostgreSQL: keep the search vectors inside the table row, not in its TOAST table.

A row holds the original and the folded text as well as the two vectors (about 3.8 kB
on the generated corpus), more than the 2 kB PostgreSQL keeps in a row by default, so
the vectors went to the TOAST table. A very common query reads its newest matches row by
row (engines/postgres.py), and each `search_vector` was then fetched through the TOAST
index: EXPLAIN ANALYZE of `cong doan` read about 7 buffers per walked row, 6 of them for
the vector. With storage MAIN the vectors stay in the row and the texts (body, body_index,
title_index, which no query reads row by row) move out instead; a vector too large for any
row (a very long document) still goes out, compressed.

The existing rows are rewritten once (an UPDATE recomputes the generated columns), so the
new storage holds at once without a `search_reindex`. Nothing happens on other databases.
"""

from django.db import migrations

TABLE = "portal_search_searchdocument"


def inline(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE MAIN, "
            f"ALTER COLUMN title_vector SET STORAGE MAIN"
        )
        schema_editor.execute(f"UPDATE {TABLE} SET body_index = body_index")


def toast(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE EXTENDED, "
            f"ALTER COLUMN title_vector SET STORAGE EXTENDED"
        )


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0004_newest_and_vectors")]

    operations = [migrations.RunPython(inline, toast, elidable=False)]

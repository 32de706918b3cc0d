"""PostgreSQL: the search vectors live on SearchDocument itself, with a GIN index; newest-first index.

The service used to join Wagtail's index table to SearchDocument through a cast of its
text object id, and every filter (language, unit, year...) sat on the other side of that
join. Generated columns keep the vectors beside the filters, computed by PostgreSQL from
the folded text the service already stores, so nothing in Python has to keep them in step:

- `search_vector`: what a query must match (body_index holds the title too). Stripped of
  positions: matching needs none, and the smaller vector is read faster row by row.
- `title_vector`: what ranks a match (a title match ranks first).

Nothing happens on other databases.
"""

from django.db import migrations, models

CREATE = """
ALTER TABLE portal_search_searchdocument
    ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (strip(to_tsvector('vi_unaccent'::regconfig, body_index))) STORED,
    ADD COLUMN title_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('vi_unaccent'::regconfig, title_index)) STORED;
CREATE INDEX search_document_vector ON portal_search_searchdocument USING gin (search_vector);
"""

DROP = """
DROP INDEX IF EXISTS search_document_vector;
ALTER TABLE portal_search_searchdocument DROP COLUMN IF EXISTS search_vector, DROP COLUMN IF EXISTS title_vector;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0003_rename_object_id")]

    operations = [
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(fields=["-date", "-id"], name="search_document_newest"),
        ),
        migrations.RunPython(create, drop, elidable=False),
    ]

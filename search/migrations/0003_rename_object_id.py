"""`object_id` clashed with Wagtail's update_index, which annotates `object_id` on every indexed model."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_vi_unaccent")]

    operations = [
        migrations.RemoveConstraint(model_name="searchdocument", name="unique_search_document"),
        migrations.RenameField(model_name="searchdocument", old_name="object_id", new_name="object_pk"),
        migrations.AddConstraint(
            model_name="searchdocument",
            constraint=models.UniqueConstraint(
                fields=("content_type", "object_pk"), name="unique_search_document"
            ),
        ),
    ]

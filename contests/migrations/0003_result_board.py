"""Results are stored and read by board (a round's, or the contest's overall)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contests", "0002_result_without_row_checks"),
    ]

    operations = [
        migrations.AlterField(
            model_name="result",
            name="entrant",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="results",
                to="contests.entrant",
            ),
        ),
        migrations.AddField(
            model_name="result",
            name="board",
            field=models.BigIntegerField(default=0, editable=False),
            preserve_default=False,
        ),
        migrations.RunSQL(
            "UPDATE contests_result SET board = COALESCE(round_id, -contest_id)",
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.RemoveConstraint(model_name="result", name="contest_result_unique_round"),
        migrations.RemoveConstraint(model_name="result", name="contest_result_unique_overall"),
        migrations.RemoveIndex(model_name="result", name="contest_result_rank"),
        migrations.AddIndex(
            model_name="result",
            index=models.Index(fields=["board", "rank"], name="contest_result_board_rank"),
        ),
        migrations.AddConstraint(
            model_name="result",
            constraint=models.UniqueConstraint(fields=("board", "entrant"), name="contest_result_unique_board"),
        ),
    ]

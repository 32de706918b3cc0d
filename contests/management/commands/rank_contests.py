"""Rank every closed round not ranked yet (for cron; boards also queue this on first visit)."""

from django.core.management.base import BaseCommand

from contests.models import ContestPage
from contests.ranking import rank_contest


class Command(BaseCommand):
    help = "Compute the results of contest rounds that have closed."

    def handle(self, *args, **options):
        for contest in ContestPage.objects.all():
            if contest.canonical.pk != contest.pk:
                continue
            ranked = rank_contest(contest)
            if ranked:
                self.stdout.write(f"{contest.title}: ranked {', '.join(str(r) for r in ranked)}")

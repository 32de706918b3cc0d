"""Run daily (cron) just after midnight: posts whose closing day has passed leave the site search.

Listings need nothing: they compare the closing date with today on every request.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from search.indexing import schedule_update

from ...models import JobPostPage


class Command(BaseCommand):
    help = "Re-index job posts that closed in the last N days, so the site search drops them."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="How far back to look (default 7).")

    def handle(self, *args, days: int, **options):
        today = timezone.localdate()
        posts = JobPostPage.objects.live().filter(
            closing_date__lt=today, closing_date__gte=today - datetime.timedelta(days=days)
        )
        count = 0
        for post in posts.iterator():
            schedule_update(post)
            count += 1
        self.stdout.write(f"{count} closed job posts scheduled for re-indexing.")

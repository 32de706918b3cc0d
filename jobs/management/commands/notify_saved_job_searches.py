"""Run every hour or so (cron): tell members about new posts that match their saved searches.

Publishing a post also queues the same work for the background worker; running both is safe,
as a post is recorded once per saved search and never notified twice.
"""

from django.core.management.base import BaseCommand

from ...notices import notify_all
from ...tasks import notify_saved_job_searches


class Command(BaseCommand):
    help = "E-mail members (and list on their saved-searches page) new posts matching their saved searches."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the work for the background worker instead."
        )

    def handle(self, *args, enqueue: bool, **options):
        if enqueue:
            result = notify_saved_job_searches.enqueue()
            self.stdout.write(f"Queued as task {result.id}.")
            return
        searches, matches = notify_all()
        self.stdout.write(f"{matches} new matches for {searches} saved searches.")

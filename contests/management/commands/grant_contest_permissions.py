"""Give every existing section's editor and moderator groups the contest permissions (idempotent)."""

from django.core.management.base import BaseCommand

from contests.signals import grant_contest_permissions
from federations.models import FederationPage


class Command(BaseCommand):
    help = "Grant contest permissions to the staff groups of every federation section."

    def handle(self, *args, **options):
        sections = FederationPage.objects.select_related("unit")
        for section in sections:
            grant_contest_permissions(section)
        self.stdout.write(f"Contest permissions granted for {sections.count()} sections.")

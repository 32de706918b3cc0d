from django.core.management.base import BaseCommand

from feedback.services import escalate_overdue_cases


class Command(BaseCommand):
    help = "Escalate every open request past its answer deadline to the unit above (run it hourly)."

    def handle(self, *args, **options):
        cases = escalate_overdue_cases()
        for case in cases:
            self.stdout.write(f"{case.tracking_code} → {case.unit.code}")
        self.stdout.write(self.style.SUCCESS(f"{len(cases)} escalated"))

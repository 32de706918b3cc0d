"""Load the demo federation. Safe to run again: what exists is left as it is."""

import importlib
import os
import pkgutil

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

import demo.steps

DEFAULT_DEMO_PASSWORD = "CongDoan-demo-2026"


class Command(BaseCommand):
    help = "Load the demo federation, its sections, accounts and content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never on a real deployment)."
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off: demo accounts would be created on a real site. "
                "Use --force if this really is a demo machine."
            )
        context = {
            "password": os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD,
            "accounts": [],
            "stdout": self.stdout,
        }
        steps = [
            importlib.import_module(f"demo.steps.{info.name}")
            for info in pkgutil.iter_modules(demo.steps.__path__)
        ]
        # No transaction around the steps: wagtail-localize publishes translations
        # on commit from a cached page, which would reset the tree's child counts
        # if the commit came at the end. Each step is idempotent instead.
        for step in sorted(steps, key=lambda module: module.ORDER):
            step.load(context)
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        self.stdout.write(f"Demo accounts (password: {context['password']}):")
        for username, role in context["accounts"]:
            self.stdout.write(f"  {username:<20} {role}")

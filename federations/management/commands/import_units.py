import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from federations.importing import UnitImportError, import_units


class Command(BaseCommand):
    help = (
        "Import or update federation units from a CSV file (code,parent_code,level,name_vi,name_en,province)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file, UTF-8")

    def handle(self, *args, **options):
        try:
            with open(options["file"], encoding="utf-8-sig") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": options["file"], "error": error}
            ) from error

        def progress(iterable, **kwargs):
            return tqdm(iterable, disable=not sys.stderr.isatty(), **kwargs)

        try:
            summary = import_units(text, progress=progress)
        except UnitImportError as error:
            self.stderr.write(str(error))
            raise CommandError(
                _("%(count)d error(s); nothing was imported.") % {"count": len(error.errors)}
            ) from None
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Units created: %(created)d, updated: %(updated)d, moved: %(moved)d, unchanged: %(unchanged)d."
                )
                % vars(summary)
            )
        )

"""`python manage.py import_members FILE.csv`: officers' bulk loads, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from members.importing import MemberImportError, import_members


def _count_rows(file: Path) -> int:
    """Lines after the header (a quoted field spanning lines makes this an estimate): the bar's end."""
    with file.open("rb") as raw:
        return max(sum(block.count(b"\n") for block in iter(lambda: raw.read(1 << 20), b"")) - 1, 0)


class Command(BaseCommand):
    help = "Create or update members from a CSV file (UTF-8); any bad line cancels the whole load."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--no-progress", action="store_true", help="Do not show the progress bar.")

    def handle(self, *args, file: Path, no_progress: bool, **options):
        if not file.exists():
            raise CommandError(f"{file}: no such file.")
        with (
            file.open(encoding="utf-8-sig", newline="") as source,
            tqdm(
                total=None if no_progress else _count_rows(file),
                unit=" members",
                disable=no_progress,
                file=self.stderr._out,
            ) as bar,
        ):
            try:
                result = import_members(source, progress=bar.update)
            except MemberImportError as error:
                raise CommandError(f"Nothing was imported.\n{error}") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.created} members created, {result.updated} updated, {result.revoked} cards revoked."
            )
        )

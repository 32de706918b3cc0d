"""Rebuild the portal's search index from every registered content type."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from search import indexing, querylog
from search.engines import get_engine
from search.spelling import forget_vocabulary


class Command(BaseCommand):
    help = "Rebuild the search index from registered content (searches keep working meanwhile)."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args, **options):
        total = indexing.count_indexable()
        show = not options["no_progress"] and options["verbosity"] > 0
        with tqdm(total=total, unit="obj", desc="Indexing", disable=not show, file=self.stderr) as bar:
            indexed = indexing.rebuild(progress=bar.update)
        forget_vocabulary()
        pruned = querylog.prune()
        if options["verbosity"] > 0:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Indexed {indexed} documents of {total} objects with the {get_engine().name} engine; "
                    f"pruned {pruned} old query statistics."
                )
            )

"""Wagtail's database search backend, with PostgreSQL's `vi_unaccent` configuration.

WAGTAILSEARCH_BACKENDS points here. On PostgreSQL both search and autocomplete use
`vi_unaccent` (unaccent + simple, created by migration 0002): no stemming, accents
folded, so even the stock page search in the admin finds "quyền" from `quyen`.
Other databases get Wagtail's own backend unchanged.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

TEXT_SEARCH_CONFIG = "vi_unaccent"


class VietnamesePostgresSearchBackend(PostgresSearchBackend):
    def __init__(self, params):
        params = {"SEARCH_CONFIG": TEXT_SEARCH_CONFIG, **params}
        super().__init__(params)
        # Wagtail hard-codes 'simple' for autocomplete; unaccent must apply there too.
        self.autocomplete_config = self.config


def SearchBackend(params):  # noqa: N802 (Wagtail looks this name up)
    if connection.vendor == "postgresql":
        return VietnamesePostgresSearchBackend(params)
    return database_backend(params)

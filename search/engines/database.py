"""Wagtail's database backend (SQLite FTS5, PostgreSQL full text) over SearchDocument rows.

The backend only ever sees folded tokens (see folding.index_text), so its own
tokenizer needs no Vietnamese or Japanese knowledge; exact-spelling tokens are
OR-ed in so that documents with the query's diacritics score higher.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Or, PlainText

from search.engines import postgres, sql
from search.engines.base import FACET_FIELDS, EngineHit, EngineResult, QueryPlan, SearchEngine
from search.models import SearchDocument


def wagtail_query(folded_terms: list[str], exact_terms: list[str]):
    """All folded terms must match; documents that also match the exact spellings rank higher."""
    # One PlainText per branch, not And([...]): Wagtail ranks And() as a product of
    # (1 + rank), which inverts the order with SQLite's negative bm25 scores.
    folded = PlainText(" ".join(folded_terms), operator="and")
    if not exact_terms:
        return folded
    return Or([PlainText(" ".join(exact_terms), operator="and"), folded])


def filtered_documents(plan: QueryPlan, without: str | None = None) -> QuerySet:
    queryset = SearchDocument.objects.all()
    for name, value in plan.filters(without=without).items():
        if name == "language":
            queryset = queryset.filter(language=value)
        elif name == "public":
            queryset = queryset.filter(is_public=True)
        elif name == "type":
            queryset = queryset.filter(kind__in=value)
        elif name == "unit":
            queryset = queryset.filter(unit_path__startswith=value)
        elif name == "level":
            queryset = queryset.filter(unit_level=value)
        elif name == "year":
            queryset = queryset.filter(year=value)
        elif name == "topic":
            queryset = queryset.filter(topic=value)
        elif name == "content_type":
            queryset = queryset.filter(content_type_id=value)
    return queryset


class _Rebuilder:
    def __init__(self, engine: DatabaseEngine):
        self.engine = engine
        self.backend = engine.backend
        self.index = self.backend.get_index_for_model(SearchDocument)
        self.index.reset() if hasattr(self.index, "reset") else None

    def add(self, rows) -> None:
        self.index.add_items(SearchDocument, rows)

    def finish(self) -> None:
        refresh = getattr(self.index, "_refresh_title_norms", None)
        if refresh is not None:
            refresh(full=True)
        if connection.vendor == "postgresql":
            # Fresh statistics tell the search which queries are very common (engines/postgres.py).
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {SearchDocument._meta.db_table}")
            postgres.forget_statistics()


class DatabaseEngine(SearchEngine):
    name = "database"

    def __init__(self, backend_name: str = "default"):
        self.backend_name = backend_name

    @property
    def backend(self):
        return get_search_backend(self.backend_name)

    def index_documents(self, rows) -> None:
        if rows:
            self.backend.add_bulk(SearchDocument, rows)

    def remove_documents(self, rows) -> None:
        for row in rows:
            self.backend.delete(row)

    def start_rebuild(self) -> _Rebuilder:
        return _Rebuilder(self)

    def search(self, plan: QueryPlan) -> EngineResult:
        if not plan.folded_terms:
            return EngineResult(total=0, hits=[])
        if sql.supported():
            return self._search_sql(plan)
        return self._search_wagtail(plan)

    def _search_sql(self, plan: QueryPlan) -> EngineResult:
        if connection.vendor == "postgresql":
            return postgres.search(plan)
        ranked = sql.RankedQuery(plan, backend=self.backend)
        total = ranked.count()
        if not total:
            return EngineResult(total=0, hits=[], facets={name: [] for name in plan.facets})
        hits = [EngineHit(document_id=pk) for pk in ranked.page_ids()]
        return EngineResult(total=total, hits=hits, facets={name: ranked.facet(name) for name in plan.facets})

    def _search_wagtail(self, plan: QueryPlan) -> EngineResult:
        """Wagtail's own compiler, for databases without a ranked SQL path (MySQL, no FTS5)."""
        query = wagtail_query(plan.folded_terms, plan.exact_terms)
        results = self.backend.search(query, filtered_documents(plan))
        total = results.count()
        page = results[plan.offset : plan.offset + plan.limit] if total else []
        hits = [EngineHit(document_id=row.pk) for row in page]
        facets = {}
        for name in plan.facets:
            if not total:
                facets[name] = []
                continue
            own_filter_off = self.backend.search(query, filtered_documents(plan, without=name))
            counts = own_filter_off.facet(FACET_FIELDS[name])
            facets[name] = [(value, count) for value, count in counts.items() if value not in (None, "")]
        return EngineResult(total=total, hits=hits, facets=facets)

    def autocomplete(self, plan: QueryPlan) -> list[int]:
        if not plan.folded_terms:
            return []
        if sql.supported():
            return sql.RankedQuery(plan, autocomplete=True, backend=self.backend).page_ids()
        results = self.backend.autocomplete(" ".join(plan.folded_terms), filtered_documents(plan))
        return [row.pk for row in results[: plan.limit]]

"""Reading Wagtail's database index with one ranked SQL statement (SQLite FTS5, PostgreSQL).

Wagtail's own query compiler ranks each match with a correlated subquery, which
re-runs the full-text match once per matching row: fine for the admin, minutes for
"cong doan" over 100,000 documents. The index it writes is good, so the service reads
it directly: one statement ranks, pages and filters; one counts; one per facet.
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from modelsearch.conf import get_app_config

from search.engines.base import FACET_FIELDS, QueryPlan
from search.models import SearchDocument

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)

# bm25 column weights for the FTS5 table (autocomplete, body, title): a title match counts thrice.
SQLITE_WEIGHTS = "0.0, 1.0, 3.0"


def supported() -> bool:
    if connection.vendor == "postgresql":
        return True
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        return fts5_available() and fts_table_exists()
    return False


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts5_expression(folded: list[str], exact: list[str], *, prefix_last: bool = False) -> str:
    def conjunction(terms: list[str]) -> str:
        quoted = [_quote(term) for term in terms]
        if prefix_last:
            quoted[-1] += "*"
        return "(" + " AND ".join(quoted) + ")"

    expression = conjunction(folded)
    if exact:
        expression = f"({conjunction(exact)} OR {expression})"
    return expression


def tsquery_text(folded: list[str], exact: list[str], *, prefix_last: bool = False) -> str:
    def conjunction(terms: list[str]) -> str:
        quoted = ["'" + term.replace("'", "''").replace("\\", "") + "'" for term in terms]
        if prefix_last:
            quoted[-1] += ":*"
        return "(" + " & ".join(quoted) + ")"

    expression = conjunction(folded)
    if exact:
        expression = f"({conjunction(exact)} | {expression})"
    return expression


def filter_clause(name: str, value: Any) -> tuple[str, list[Any]]:
    """SQL condition on SearchDocument (alias `d`) for one filter of QueryPlan.filters()."""
    if name == "language":
        return "d.language = %s", [value]
    if name == "public":
        return "d.is_public = %s", [True]
    if name == "type":
        return "d.kind IN (" + ", ".join(["%s"] * len(value)) + ")", list(value)
    if name == "unit":
        return "d.unit_path LIKE %s", [value.replace("%", "").replace("_", "") + "%"]
    if name in ("level", "year", "topic"):
        return f"d.{FACET_FIELDS[name]} = %s", [value]
    if name == "content_type":
        return "d.content_type_id = %s", [value]
    raise ValueError(f"unknown filter {name!r}")


def _where_documents(plan: QueryPlan, without: str | None = None) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for name, value in plan.filters(without=without).items():
        clause, values = filter_clause(name, value)
        clauses.append(clause)
        params.extend(values)
    return clauses, params


class RankedQuery:
    """FROM/WHERE of a match over SearchDocument, with its rank expression, for one vendor."""

    def __init__(self, plan: QueryPlan, *, autocomplete: bool = False, backend=None):
        self.plan = plan
        self.vendor = connection.vendor
        self.autocomplete = autocomplete
        self.backend = backend
        entries = IndexEntry._meta.db_table
        documents = SearchDocument._meta.db_table
        from django.contrib.contenttypes.models import ContentType

        self.content_type_id = ContentType.objects.get_for_model(SearchDocument).pk
        folded, exact = plan.folded_terms, ([] if autocomplete else plan.exact_terms)
        if self.vendor == "sqlite":
            fts = f"{entries}_fts"
            column = "{autocomplete}" if autocomplete else "{title body}"
            weights = "1.0, 0.0, 0.0" if autocomplete else SQLITE_WEIGHTS
            # CROSS JOIN fixes the join order in SQLite: the full-text match drives, then each
            # match is looked up by primary key. Left to itself the planner may start from the
            # documents' language index and run the match once per document.
            self.from_sql = (
                f"{fts} CROSS JOIN {entries} ie ON ie.id = {fts}.rowid "
                f"CROSS JOIN {documents} d ON d.id = CAST(ie.object_id AS INTEGER)"
            )
            self.match_sql = f"{fts} MATCH %s"
            self.match_params = [f"{column} : {fts5_expression(folded, exact, prefix_last=autocomplete)}"]
            # bm25 is negative, lower is better.
            self.rank_sql = f"bm25({fts}, {weights})"
            self.rank_order = "ASC"
        else:
            config = getattr(backend, "autocomplete_config" if autocomplete else "config", None) or "simple"
            vector = "ie.autocomplete" if autocomplete else "ie.body"
            self.from_sql = f"{entries} ie JOIN {documents} d ON d.id = CAST(ie.object_id AS bigint)"
            self.match_sql = f"{vector} @@ to_tsquery(%s::regconfig, %s)"
            self.match_params = [config, tsquery_text(folded, exact, prefix_last=autocomplete)]
            query = "to_tsquery(%s::regconfig, %s)"
            if autocomplete:
                self.rank_sql = f"ts_rank(ie.autocomplete, {query})"
                self.rank_params = list(self.match_params)
            else:
                # Every row here matches in the body (the WHERE). Ranking by the short title vector
                # costs a fraction of ranking the body (ts_rank reads the whole vector of each of
                # perhaps 90,000 matches); ties go to the newest document.
                self.rank_sql = f"ts_rank(ie.title, {query})"
                self.rank_params = list(self.match_params)
            self.rank_order = "DESC"

    def _where(self, without: str | None = None) -> tuple[str, list[Any]]:
        clauses, params = _where_documents(self.plan, without=without)
        sql = " AND ".join([self.match_sql, "ie.content_type_id = %s", *clauses])
        return sql, [*self.match_params, self.content_type_id, *params]

    def page_ids(self) -> list[int]:
        where, params = self._where()
        rank_params = getattr(self, "rank_params", [])
        sql = (
            f"SELECT d.id FROM {self.from_sql} WHERE {where} "
            f"ORDER BY {self.rank_sql} {self.rank_order}, d.date DESC, d.id DESC LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *rank_params, self.plan.limit, self.plan.offset])
            return [row[0] for row in cursor.fetchall()]

    def count(self) -> int:
        where, params = self._where()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {self.from_sql} WHERE {where}", params)
            return cursor.fetchone()[0]

    def facet(self, name: str) -> list[tuple[Any, int]]:
        """Counts per value of a facet, under every filter but the facet's own."""
        column = f"d.{FACET_FIELDS[name]}"
        where, params = self._where(without=name)
        sql = (
            f"SELECT {column}, COUNT(*) FROM {self.from_sql} WHERE {where} AND {column} IS NOT NULL "
            f"GROUP BY {column} ORDER BY COUNT(*) DESC"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(value, count) for value, count in cursor.fetchall() if value != ""]

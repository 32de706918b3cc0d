"""PostgreSQL search over SearchDocument's own vectors, in a time that does not grow with the matches.

Where the time went (EXPLAIN ANALYZE, 100,000 generated documents, `cong doan` matching
89,740 of them): every statement (the page, the count, each of six facets) read all
89,740 matches, detoasting each body vector to check it, then joined Wagtail's index
table to SearchDocument through a cast of its text object id; about 0.6-1.5 s each.
No index can answer "how many of 90,000" or "the best 20 of 90,000" without reading them.

So the work is bounded by what a reader can use:

- Rare queries (the statistics say the query's rarest word matches few documents) are
  answered exactly from the GIN index: the page with its total in one statement, every
  facet in one grouped statement.
- Very common queries walk SearchDocument newest first (an index on date) and stop at
  the first `CANDIDATES` matches; those are ranked (a title match first, the query's exact
  spelling first) and paged. The total and the facet counts are estimated from a sample of
  the table and say "about" (one grouped statement: a grouping set per facet and the
  total). If the walk reads every document the filters allow before finding that many,
  the result is exact after all.

Both paths read vectors row by row, so the vectors stay inside the row (storage MAIN,
migration 0005): out in the TOAST table, each walked row cost six more buffer reads
through the TOAST index, and the walk of `cong doan` took 7.5 ms instead of 1 ms.

Matching uses the folded words only; the exact-spelling alternatives only rank (a document
with "quyền" also holds "quyen"), which keeps the indexed condition a plain conjunction.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

from django.db import connection

from search.engines.base import FACET_FIELDS, EngineHit, EngineResult, FacetCounts, QueryPlan
from search.engines.sql import filter_clause, tsquery_text
from search.models import SearchDocument

TABLE = SearchDocument._meta.db_table
# A very common query is ranked among this many of its newest matches (at least one page).
CANDIDATES = 500
# The walk gives up after reading this many times the rows it expects to need (then the index answers).
WALK_MARGIN = 3
# About this many rows are sampled to estimate the total and the facet counts of a very common query.
SAMPLE_ROWS = 1000
# The vector statistics (ANALYZE, autovacuum) are read again after this many seconds.
STATISTICS_SECONDS = 300

# Columns a facet or a filter reads in Python (sampled and walked rows).
ROW_COLUMNS = ("id", "kind", "language", "unit_level", "unit_id", "unit_path", "year", "topic")
# Columns the sample's facet counts and filters read.
SAMPLE_COLUMNS = ROW_COLUMNS[1:]


@dataclass
class VectorStatistics:
    rows: float
    frequencies: dict[str, float]
    # Lexemes rarer than this are not listed by ANALYZE.
    floor: float

    def share(self, terms: list[str]) -> float:
        """Upper bound of the share of documents holding every term: that of the rarest term."""
        return min(self.frequencies.get(term, self.floor) for term in terms)


_statistics: dict[str, tuple[float, VectorStatistics | None]] = {}


def vector_statistics() -> VectorStatistics | None:
    """PostgreSQL's own statistics of the search vectors (most common lexemes), or None before ANALYZE."""
    key = connection.settings_dict["NAME"]
    cached = _statistics.get(key)
    if cached and time.monotonic() - cached[0] < STATISTICS_SECONDS:
        return cached[1]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.reltuples, s.most_common_elems::text::text[], s.most_common_elem_freqs "
            "FROM pg_class c LEFT JOIN pg_stats s ON s.tablename = c.relname "
            "AND s.schemaname = current_schema() AND s.attname = 'search_vector' "
            "WHERE c.oid = %s::regclass",
            [TABLE],
        )
        row = cursor.fetchone()
    statistics = None
    if row and row[1] and row[0] > 0:
        rows, lexemes, frequencies = row
        statistics = VectorStatistics(
            rows=float(rows),
            frequencies=dict(zip(lexemes, frequencies, strict=False)),
            floor=float(frequencies[len(lexemes)]),
        )
    _statistics[key] = (time.monotonic(), statistics)
    return statistics


def forget_statistics() -> None:
    _statistics.clear()


def _conditions(filters: dict[str, Any]) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for name, value in filters.items():
        clause, values = filter_clause(name, value)
        clauses.append(clause)
        params.extend(values)
    return clauses, params


def _and(clauses: list[str]) -> str:
    return " AND ".join(clauses) if clauses else "TRUE"


def _passes(row: dict[str, Any], name: str, value: Any) -> bool:
    """The Python twin of sql.filter_clause, for rows already fetched."""
    if name == "type":
        return row["kind"] in value
    if name == "unit":
        return (row["unit_path"] or "").startswith(value)
    return row[FACET_FIELDS[name]] == value


def _count_facets(rows: list[dict[str, Any]], plan: QueryPlan, scale: float = 1.0) -> FacetCounts:
    """Facet counts over rows that match the text and the base filters; each facet ignores its own filter."""
    active = {name: value for name, value in plan.filters().items() if name in plan.facets}
    facets: FacetCounts = {}
    for name in plan.facets:
        counts: dict[Any, int] = {}
        others = [(other, value) for other, value in active.items() if other != name]
        for row in rows:
            value = row[FACET_FIELDS[name]]
            if value in (None, "") or not all(_passes(row, other, v) for other, v in others):
                continue
            counts[value] = counts.get(value, 0) + 1
        facets[name] = [(value, _about(count * scale)) for value, count in counts.items()]
    return facets


def _about(value: float) -> int:
    """An estimate rounded to two significant digits (never below 1)."""
    if value < 1:
        return 1
    digits = max(0, int(math.floor(math.log10(value))) - 1)
    return int(round(value, -digits))


class PostgresSearch:
    """One query plan answered on PostgreSQL (see the module docstring)."""

    def __init__(self, plan: QueryPlan):
        self.plan = plan
        self.match = tsquery_text(plan.folded_terms, [])
        self.rank = tsquery_text(plan.folded_terms, plan.exact_terms)
        filters = plan.filters()
        self.base_filters = {name: value for name, value in filters.items() if name not in plan.facets}
        self.facet_filters = {name: value for name, value in filters.items() if name in plan.facets}
        self.window = max(CANDIDATES, plan.limit)

    def run(self) -> EngineResult:
        statistics = vector_statistics()
        if statistics is not None:
            share = statistics.share(self.plan.folded_terms)
            # Walking reads about window/share rows plus the sample; the index path reads every
            # match (share * rows) twice, for the page and for the facets.
            if self.window / share + min(SAMPLE_ROWS, statistics.rows) < 2 * share * statistics.rows:
                result = self.walk(statistics, share)
                if result is not None:
                    return result
        return self.exact()

    # -- exact: from the GIN index ----------------------------------------------

    def exact(self) -> EngineResult:
        where, params = _conditions(self.plan.filters())
        sql = (
            f"SELECT d.id, count(*) OVER () FROM {TABLE} d "
            f"WHERE d.search_vector @@ to_tsquery('vi_unaccent', %s) AND {_and(where)} "
            f"ORDER BY ts_rank(d.title_vector, to_tsquery('vi_unaccent', %s)) DESC, d.date DESC, d.id DESC "
            f"LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.match, *params, self.rank, self.plan.limit, self.plan.offset])
            rows = cursor.fetchall()
        if rows:
            total = rows[0][1]
        elif self.plan.offset:
            total = self._count(where, params)
        else:
            total = 0
        hits = [EngineHit(document_id=row[0]) for row in rows]
        facets = self._exact_facets() if total else {name: [] for name in self.plan.facets}
        return EngineResult(total=total, hits=hits, facets=facets)

    def _count(self, where: list[str], params: list[Any]) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM {TABLE} d "
                f"WHERE d.search_vector @@ to_tsquery('vi_unaccent', %s) AND {_and(where)}",
                [self.match, *params],
            )
            return cursor.fetchone()[0]

    def _exact_facets(self) -> FacetCounts:
        """Every facet in one grouped statement: one grouping set per facet, each counted under the other filters."""
        names = list(self.plan.facets)
        if not names:
            return {}
        columns = [f"d.{FACET_FIELDS[name]}" for name in names]
        select: list[str] = [f"GROUPING({column})" for column in columns] + columns
        params: list[Any] = []
        for name in names:
            others = {other: value for other, value in self.facet_filters.items() if other != name}
            where, values = _conditions(others)
            select.append(f"count(*) FILTER (WHERE {_and(where)})")
            params.extend(values)
        where, values = _conditions(self.base_filters)
        sql = (
            f"SELECT {', '.join(select)} FROM {TABLE} d "
            f"WHERE d.search_vector @@ to_tsquery('vi_unaccent', %s) AND {_and(where)} "
            f"GROUP BY GROUPING SETS ({', '.join(f'({column})' for column in columns)})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, self.match, *values])
            rows = cursor.fetchall()
        size = len(names)
        facets: FacetCounts = {name: [] for name in names}
        for row in rows:
            for index, name in enumerate(names):
                if row[index] == 0:  # this row is the grouping set of `name`
                    value, count = row[size + index], row[2 * size + index]
                    if value not in (None, "") and count:
                        facets[name].append((value, count))
        return facets

    # -- walk: newest first, stop at the window -----------------------------------

    def walk(self, statistics: VectorStatistics, share: float) -> EngineResult | None:
        """Rank the newest `window` matches; None when the walk ends before finding them (the index answers)."""
        limit = max(self.window + 1, math.ceil(WALK_MARGIN * (self.window + 1) / max(share, 1e-9)))
        where, params = _conditions(self.plan.filters())
        # ts_match_vq() rather than @@: a function cannot use the GIN index, so PostgreSQL keeps
        # walking the date index. The row at position `limit` comes back even if it does not match:
        # it says whether the walk stopped at its limit or ran out of documents. Dates come back as
        # seconds since the epoch: only their order matters, and a float reads faster than a datetime.
        sql = (
            f"SELECT w.id, EXTRACT(EPOCH FROM w.date)::float8, w.n, ts_match_vq(w.search_vector, to_tsquery('vi_unaccent', %s)), "
            f"ts_rank(w.title_vector, to_tsquery('vi_unaccent', %s)), "
            f"{', '.join('w.' + column for column in ROW_COLUMNS[1:])} "
            f"FROM (SELECT d.search_vector, d.title_vector, d.date, "
            f"{', '.join('d.' + column for column in ROW_COLUMNS)}, row_number() OVER (ORDER BY d.date DESC, d.id DESC) AS n "
            f"FROM {TABLE} d WHERE {_and(where)} ORDER BY d.date DESC, d.id DESC LIMIT %s) w "
            f"WHERE ts_match_vq(w.search_vector, to_tsquery('vi_unaccent', %s)) OR w.n = %s "
            f"LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.match, self.rank, *params, limit, self.match, limit, self.window + 2])
            rows = cursor.fetchall()
        matches = [row for row in rows if row[3]]
        reached_limit = any(row[2] == limit for row in rows)
        capped = len(matches) > self.window
        if not capped and reached_limit:
            return None
        candidates = sorted(matches[: self.window], key=_rank_order)
        hits = [
            EngineHit(document_id=row[0])
            for row in candidates[self.plan.offset : self.plan.offset + self.plan.limit]
        ]
        if not capped:
            # Every document the filters allow was read: the matches are all there is.
            found = [dict(zip(ROW_COLUMNS, (row[0], *row[5:]), strict=True)) for row in matches]
            if not self.facet_filters:
                return EngineResult(total=len(matches), hits=hits, facets=_count_facets(found, self.plan))
            estimate = self.sample(statistics)
            return EngineResult(
                total=len(matches), hits=hits, facets=estimate.facets, facets_are_estimates=True
            )
        estimate = self.sample(statistics)
        return EngineResult(
            total=max(estimate.total, _about(self.window)),
            hits=hits,
            facets=estimate.facets,
            total_is_estimate=True,
            facets_are_estimates=True,
            ranked=self.window,
        )

    def sample(self, statistics: VectorStatistics) -> EngineResult:
        """Total and facet counts estimated from a sample of the table's pages (the same sample every time).

        One grouped statement counts the sample: a grouping set per facet (each under the other
        facet filters) and the grand total (the rows sampled, and those in the results).
        """
        percent = min(100.0, 100.0 * SAMPLE_ROWS / max(statistics.rows, 1.0))
        names = list(self.plan.facets)
        columns = [f"d.{FACET_FIELDS[name]}" for name in names]
        select: list[str] = [f"GROUPING({column})" for column in columns] + columns + ["count(*)"]
        params: list[Any] = []
        for name in [*names, None]:
            others = {other: value for other, value in self.facet_filters.items() if other != name}
            where, values = _conditions(others)
            select.append(f"count(*) FILTER (WHERE d.matched AND {_and(where)})")
            params.extend(values)
        base, values = _conditions(self.base_filters)
        sets = [f"({column})" for column in columns] + ["()"]
        sql = (
            f"SELECT {', '.join(select)} FROM ("
            f"SELECT {', '.join('d.' + column for column in SAMPLE_COLUMNS)}, "
            f"({_and(base)}) AND d.search_vector @@ to_tsquery('vi_unaccent', %s) AS matched "
            f"FROM {TABLE} d TABLESAMPLE SYSTEM (%s) REPEATABLE (0)) d "
            f"GROUP BY GROUPING SETS ({', '.join(sets)})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *values, self.match, percent])
            rows = cursor.fetchall()
        size = len(names)
        facets: FacetCounts = {name: [] for name in names}
        sampled = in_results = 0
        grouped: list[tuple[str, Any, int]] = []
        for row in rows:
            counts = row[2 * size + 1 :]
            if all(row[:size]):  # the grand total: every column aggregated
                sampled, in_results = row[2 * size], counts[-1]
                continue
            for index, name in enumerate(names):
                if row[index] == 0:  # this row is the grouping set of `name`
                    grouped.append((name, row[size + index], counts[index]))
        if not sampled:
            return EngineResult(total=0, hits=[], facets=facets)
        scale = statistics.rows / sampled
        for name, value, count in grouped:
            if value not in (None, "") and count:
                facets[name].append((value, _about(count * scale)))
        return EngineResult(total=_about(in_results * scale) if in_results else 0, hits=[], facets=facets)


def _rank_order(row) -> tuple:
    """Best rank first, then newest (no date first, as PostgreSQL sorts NULL in DESC), then highest id."""
    document_id, seconds, _n, _matched, rank = row[:5]
    return (-rank, seconds is not None, -(seconds or 0.0), -document_id)


def search(plan: QueryPlan) -> EngineResult:
    return PostgresSearch(plan).run()

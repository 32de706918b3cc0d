"""The portal's search service: one entry point for the search page, jobs, the library, the assistant.

Content apps call `run_search(SearchRequest(...))` or `filter_queryset(queryset, text)`;
see search/README.md. Which engine answers (database or Elasticsearch) is a setting.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace
from typing import Any

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from folding import query_terms
from search.engines import QueryPlan, get_engine
from search.engines.base import FACET_FIELDS
from search.highlight import highlight, snippet
from search.models import SearchDocument
from search.registry import registered_types, type_for_kind

MAX_QUERY_LENGTH = 1000
# A query is cut to this many search terms: more only slows the engine without finding more.
MAX_TERMS = 32
DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 50
# More `type` parameters than there are types say nothing more.
MAX_KINDS = 50
FACET_NAMES = tuple(FACET_FIELDS)
# filter_queryset() keeps at most this many of the best matches.
MAX_FILTER_MATCHES = 1000


# Deeper pages are asked for only by robots; a larger number is read as this one (then the last page).
MAX_PAGE = 500
# Ids and years fit a 32-bit integer column; a larger number names nothing.
MAX_ID = 2**31 - 1
_NUMBER = re.compile(r"[0-9]{1,12}", re.ASCII)


def _as_int(value: Any, *, maximum: int = MAX_ID) -> int | None:
    """A positive whole number of at most `maximum` from a URL parameter; None for anything else."""
    text = str(value).strip() if value is not None else ""
    if not _NUMBER.fullmatch(text):
        return None
    number = int(text)
    return number if 0 < number <= maximum else None


def _page_number(value: Any) -> int:
    """The page asked for: 1 when it is not a page number, at most MAX_PAGE."""
    text = str(value).strip() if value is not None else ""
    digits = text.lstrip("0") if text.isascii() and text.isdigit() else ""
    if not digits:
        return 1
    return MAX_PAGE if len(digits) > len(str(MAX_PAGE)) else min(int(digits), MAX_PAGE)


def _clean_text(value: str | None) -> str:
    """Text as the engines can take it: no NUL characters (PostgreSQL refuses them)."""
    return (value or "").replace("\x00", "")


def _language_codes() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def active_language() -> str:
    codes = _language_codes()
    language = (get_language() or settings.LANGUAGE_CODE).lower()
    if language in codes:
        return language
    base = language.split("-")[0]
    return base if base in codes else settings.LANGUAGE_CODE


@dataclass
class SearchRequest:
    """Everything that decides a search's results; the search page keeps it all in the URL."""

    text: str = ""
    language: str | None = None
    all_languages: bool = False
    kinds: list[str] = field(default_factory=list)
    unit: int | None = None
    level: int | None = None
    year: int | None = None
    topic: str = ""
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    def __post_init__(self) -> None:
        self.text = " ".join(_clean_text(self.text).split())[:MAX_QUERY_LENGTH]
        self.topic = _clean_text(self.topic)[:100]
        self.kinds = list(dict.fromkeys(self.kinds))
        self.per_page = max(1, min(self.per_page or DEFAULT_PER_PAGE, MAX_PER_PAGE))
        self.page = max(1, min(self.page or 1, MAX_PAGE))

    @classmethod
    def from_querydict(cls, params) -> SearchRequest:
        """Read `q`, `type` (repeatable), `unit`, `level`, `year`, `topic`, `lang=all` and `page`.

        Whatever a URL carries gives a request: a value that is not what the parameter takes
        is ignored (a filter) or read as the first page; a repeated parameter counts once
        (its last value; `type` is the one that repeats).
        """
        return cls(
            text=params.get("q", ""),
            language=params.get("language") if params.get("language") in _language_codes() else None,
            all_languages=params.get("lang") == "all",
            kinds=[kind for kind in params.getlist("type")[:MAX_KINDS] if type_for_kind(kind)],
            unit=_as_int(params.get("unit")),
            level=_as_int(params.get("level")),
            year=_as_int(params.get("year"), maximum=9999),
            topic=params.get("topic", ""),
            page=_page_number(params.get("page")),
        )


@dataclass
class Hit:
    kind: str
    type_label: str
    title: str
    title_html: SafeString
    url: str
    snippet: SafeString
    date: datetime.datetime | None
    unit: Any
    language: str
    object_id: int
    content_type_id: int


@dataclass
class FacetValue:
    value: Any
    label: str
    count: int
    selected: bool


@dataclass
class SearchResponse:
    request: SearchRequest
    results: list[Hit]
    total: int
    page_obj: PaginatorPage | None
    facets: dict[str, list[FacetValue]]
    suggestion: str = ""
    promotions: list = field(default_factory=list)
    # Very common queries on PostgreSQL: "about" counts, results ranked among the newest `ranked` matches.
    total_is_estimate: bool = False
    facets_are_estimates: bool = False
    ranked: int | None = None


class _CountedResults:
    """A sequence the Paginator can count and slice without asking the engine twice."""

    def __init__(self, total: int, page_number: int, per_page: int, hits: list[Hit]):
        self.total = total
        self.start = (page_number - 1) * per_page
        self.hits = hits

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, item):
        if isinstance(item, slice):
            start = (item.start or 0) - self.start
            stop = (item.stop if item.stop is not None else self.total) - self.start
            return self.hits[max(0, start) : max(0, stop)]
        return self.hits[item - self.start]


def _unit_path(unit_id: int | None) -> str:
    if unit_id is None:
        return ""
    from federations.models import Unit

    return Unit.objects.filter(pk=unit_id).values_list("path", flat=True).first() or "-"


def build_plan(request: SearchRequest, *, facets: tuple[str, ...] = FACET_NAMES) -> QueryPlan:
    folded, exact = query_terms(request.text)
    folded, exact = folded[:MAX_TERMS], exact[:MAX_TERMS]
    return QueryPlan(
        folded_terms=folded,
        exact_terms=exact,
        text=request.text,
        language=request.language or (None if request.all_languages else active_language()),
        kinds=request.kinds,
        unit_path=_unit_path(request.unit),
        level=request.level,
        year=request.year,
        topic=request.topic,
        facets=tuple(name for name in facets if name != "language" or request.all_languages),
        offset=(request.page - 1) * request.per_page,
        limit=request.per_page,
    )


def _load_documents(ids: list[int]) -> dict[int, SearchDocument]:
    rows = SearchDocument.objects.filter(pk__in=ids).select_related("unit")
    return {row.pk: row for row in rows}


def _hit(row: SearchDocument, terms: list[str], engine_highlight: dict[str, str] | None) -> Hit:
    searchable = type_for_kind(row.kind)
    engine_highlight = engine_highlight or {}
    title_html = engine_highlight.get("title") or highlight(row.title, terms)
    body_html = engine_highlight.get("body") or snippet(row.body, terms)
    return Hit(
        kind=row.kind,
        type_label=str(searchable.label) if searchable else row.kind,
        title=row.title,
        title_html=SafeString(title_html),
        url=row.url,
        snippet=SafeString(body_html),
        date=row.date,
        unit=row.unit,
        language=row.language,
        object_id=row.object_pk,
        content_type_id=row.content_type_id,
    )


def _facet_labels(name: str, values: list[Any]) -> dict[Any, str]:
    if name == "type":
        return {value: str(getattr(type_for_kind(value), "label", value)) for value in values}
    if name == "language":
        names = dict(settings.ALL_LANGUAGES) if hasattr(settings, "ALL_LANGUAGES") else {}
        return {value: str(names.get(value, value)) for value in values}
    if name == "level":
        from federations.models import Level

        return {value: str(Level(value).label) if value in Level.values else str(value) for value in values}
    if name == "unit":
        from federations.models import Unit

        return {unit.pk: unit.name for unit in Unit.objects.filter(pk__in=values)}
    return {value: str(value) for value in values}


# The unit facet lists the units with most results; a longer list would not help on a phone.
MAX_FACET_VALUES = {"unit": 10, "topic": 15}


def _facets(plan: QueryPlan, request: SearchRequest, counts: dict[str, list]) -> dict[str, list[FacetValue]]:
    selected = {
        "type": set(request.kinds),
        "language": {request.language},
        "level": {request.level},
        "unit": {request.unit},
        "year": {request.year},
        "topic": {request.topic},
    }
    facets: dict[str, list[FacetValue]] = {}
    registered = {searchable.kind for searchable in registered_types()}
    for name in plan.facets:
        pairs = counts.get(name, [])
        if name == "type":
            pairs = [(value, count) for value, count in pairs if value in registered]
        pairs = sorted(pairs, key=lambda pair: (-pair[1], str(pair[0])))
        if name == "year":
            pairs = sorted(pairs, key=lambda pair: -int(pair[0]))
        pairs = pairs[: MAX_FACET_VALUES.get(name, 50)]
        labels = _facet_labels(name, [value for value, _count in pairs])
        facets[name] = [
            FacetValue(
                value=value,
                label=labels.get(value, str(value)),
                count=count,
                selected=value in selected[name],
            )
            for value, count in pairs
        ]
    return facets


def run_search(request: SearchRequest, *, with_facets: bool = True) -> SearchResponse:
    """Search the public index. Pages past the end show the last page."""
    if not request.text:
        return SearchResponse(request=request, results=[], total=0, page_obj=None, facets={})
    engine = get_engine()
    plan = build_plan(request, facets=FACET_NAMES if with_facets else ())
    result = engine.search(plan)
    pageable = _pageable(result)
    last_page = max(1, -(-pageable // request.per_page))
    if request.page > last_page and result.total:
        request = replace(request, page=last_page)
        plan = build_plan(request, facets=())
        first = result
        result = engine.search(plan)
        result.facets, result.facets_are_estimates = first.facets, first.facets_are_estimates
        pageable = _pageable(result)
    rows = _load_documents([hit.document_id for hit in result.hits])
    terms = plan.folded_terms
    hits = [
        _hit(rows[hit.document_id], terms, hit.highlight) for hit in result.hits if hit.document_id in rows
    ]
    paginator = Paginator(_CountedResults(pageable, request.page, request.per_page, hits), request.per_page)
    page_obj = paginator.get_page(request.page) if result.total else None
    return SearchResponse(
        request=request,
        results=hits,
        total=result.total,
        page_obj=page_obj,
        facets=_facets(plan, request, result.facets),
        total_is_estimate=result.total_is_estimate,
        facets_are_estimates=result.facets_are_estimates,
        ranked=result.ranked,
    )


def _pageable(result) -> int:
    """How many results can be paged through: all, or the ranked share of a very common query."""
    return result.total if result.ranked is None else min(result.total, result.ranked)


def autocomplete(text: str, *, language: str | None = None, limit: int = 8) -> list[Hit]:
    """Titles that start with what was typed (folded; the last word may be unfinished)."""
    request = SearchRequest(text=text, language=language, per_page=limit)
    if len(request.text) < 2:
        return []
    plan = build_plan(request, facets=())
    ids = get_engine().autocomplete(plan)
    rows = _load_documents(ids)
    return [_hit(rows[pk], plan.folded_terms, None) for pk in ids if pk in rows]


def filter_queryset(queryset: QuerySet, text: str) -> QuerySet:
    """`queryset` narrowed to the objects that match `text`, best first.

    The caller's queryset decides who may see what: documents kept out of the public
    search page (`is_public=False`) are found here. An empty query returns `queryset`.
    """
    from django.contrib.contenttypes.models import ContentType

    request = SearchRequest(text=text, all_languages=True, per_page=MAX_PER_PAGE)
    if not request.text:
        return queryset
    plan = build_plan(request, facets=())
    plan.public_only = False
    plan.limit = MAX_FILTER_MATCHES
    plan.content_type_id = ContentType.objects.get_for_model(queryset.model, for_concrete_model=True).pk
    result = get_engine().search(plan)
    document_ids = [hit.document_id for hit in result.hits]
    order = dict(SearchDocument.objects.filter(pk__in=document_ids).values_list("pk", "object_pk"))
    object_ids = [order[pk] for pk in document_ids if pk in order]
    if not object_ids:
        return queryset.none()
    ranking = Case(
        *[When(pk=object_id, then=Value(rank)) for rank, object_id in enumerate(object_ids)],
        output_field=IntegerField(),
    )
    return queryset.filter(pk__in=object_ids).order_by(ranking)

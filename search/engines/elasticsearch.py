"""Elasticsearch 8 engine: folding analyzers, multi-fields, highlighting, facets, alias swaps.

Nothing here needs an Elasticsearch plugin: folding is `lowercase` + `asciifolding`
(which maps đ to d), Japanese is split into character bigrams by `cjk_bigram`.
Every request goes through the `elasticsearch` client, whose transport is the seam
the tests use to check what is sent.
"""

from __future__ import annotations

import datetime
from typing import Any

from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import Q, Search, analyzer, token_filter

from search.engines.base import EngineHit, EngineResult, QueryPlan, SearchEngine

folded_analyzer = analyzer(
    "portal_folded",
    tokenizer="standard",
    filter=["cjk_width", "lowercase", "cjk_bigram", "asciifolding"],
)
exact_analyzer = analyzer(
    "portal_exact", tokenizer="standard", filter=["cjk_width", "lowercase", "cjk_bigram"]
)
autocomplete_analyzer = analyzer(
    "portal_autocomplete",
    tokenizer="standard",
    filter=[
        "cjk_width",
        "lowercase",
        "asciifolding",
        token_filter("portal_edge_ngram", "edge_ngram", min_gram=1, max_gram=20),
    ],
)


def _analysis() -> dict[str, Any]:
    analysis: dict[str, Any] = {}
    for item in (folded_analyzer, exact_analyzer, autocomplete_analyzer):
        definition = item.get_analysis_definition()
        for section, entries in definition.items():
            analysis.setdefault(section, {}).update(entries)
    return analysis


def _text(**extra) -> dict[str, Any]:
    """Original text (exact spelling, ranked higher) with a folded sub-field that finds it without diacritics."""
    return {
        "type": "text",
        "analyzer": "portal_exact",
        "fields": {"folded": {"type": "text", "analyzer": "portal_folded"}, **extra},
    }


MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        "title": _text(
            autocomplete={
                "type": "text",
                "analyzer": "portal_autocomplete",
                "search_analyzer": "portal_folded",
            }
        ),
        "body": _text(),
        "kind": {"type": "keyword"},
        "language": {"type": "keyword"},
        "topic": {"type": "keyword"},
        "unit_id": {"type": "integer"},
        "unit_path": {"type": "keyword"},
        "unit_level": {"type": "integer"},
        "year": {"type": "integer"},
        "date": {"type": "date"},
        "is_public": {"type": "boolean"},
        "url": {"type": "keyword", "index": False},
        "content_type_id": {"type": "integer"},
        "object_id": {"type": "long"},
    },
}

# Facet name -> indexed field; same names as the database engine.
FACET_FIELDS = {
    "type": "kind",
    "language": "language",
    "level": "unit_level",
    "unit": "unit_id",
    "year": "year",
    "topic": "topic",
}
FACET_SIZE = 50
TITLE_BOOST = 3
EXACT_BOOST = 2


def index_settings() -> dict[str, Any]:
    return {"settings": {"analysis": _analysis(), "number_of_shards": 1}, "mappings": MAPPINGS}


def document_source(row) -> dict[str, Any]:
    return {
        "title": row.title,
        "body": row.body,
        "kind": row.kind,
        "language": row.language,
        "topic": row.topic,
        "unit_id": row.unit_id,
        "unit_path": row.unit_path,
        "unit_level": row.unit_level,
        "year": row.year,
        "date": row.date.isoformat() if row.date else None,
        "is_public": row.is_public,
        "url": row.url,
        "content_type_id": row.content_type_id,
        "object_id": row.object_pk,
    }


def _filter_clauses(filters: dict[str, Any]) -> list:
    """Elasticsearch filter clauses for {filter name: value} as QueryPlan.filters() gives them."""
    clauses = []
    for name, value in filters.items():
        if name == "language":
            clauses.append(Q("term", language=value))
        elif name == "public":
            clauses.append(Q("term", is_public=True))
        elif name == "type":
            clauses.append(Q("terms", kind=list(value)))
        elif name == "unit":
            clauses.append(Q("prefix", unit_path=value))
        elif name == "level":
            clauses.append(Q("term", unit_level=value))
        elif name == "year":
            clauses.append(Q("term", year=value))
        elif name == "topic":
            clauses.append(Q("term", topic=value))
        elif name == "content_type":
            clauses.append(Q("term", content_type_id=value))
    return clauses


def text_query(text: str):
    """Every word must match, folded; the exact spelling adds to the score."""
    folded = Q(
        "multi_match",
        query=text,
        fields=[f"title.folded^{TITLE_BOOST}", "body.folded"],
        type="cross_fields",
        operator="and",
    )
    exact = Q(
        "multi_match",
        query=text,
        fields=[f"title^{TITLE_BOOST}", "body"],
        type="cross_fields",
        operator="and",
        boost=EXACT_BOOST,
    )
    return Q("bool", must=[folded], should=[exact])


class _AliasRebuilder:
    """Builds a new index beside the live one and swaps the alias when it is complete."""

    def __init__(self, engine: ElasticsearchEngine):
        self.engine = engine
        self.index_name = engine.new_index_name()
        engine.client.indices.create(index=self.index_name, **index_settings())

    def add(self, rows) -> None:
        self.engine.bulk_index(rows, index=self.index_name)

    def finish(self) -> None:
        self.engine.swap_alias(self.index_name)


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"

    def __init__(self, client: Elasticsearch, *, index_prefix: str = "portal"):
        self.client = client
        self.alias = f"{index_prefix}-documents"
        self._alias_checked = False
        # Tests against a live cluster read their writes at once; production lets ES refresh.
        self.refresh_on_write = False

    @classmethod
    def from_url(cls, url: str, *, index_prefix: str = "portal", **client_options) -> ElasticsearchEngine:
        return cls(
            Elasticsearch(hosts=[url], request_timeout=10, **client_options), index_prefix=index_prefix
        )

    # -- index management ---------------------------------------------------

    def new_index_name(self) -> str:
        return f"{self.alias}-{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"

    def ensure_index(self) -> None:
        """Create the first index behind the alias if there is none yet."""
        if self._alias_checked:
            return
        if not self.client.indices.exists_alias(name=self.alias):
            index_name = self.new_index_name()
            self.client.indices.create(index=index_name, aliases={self.alias: {}}, **index_settings())
        self._alias_checked = True

    def swap_alias(self, index_name: str) -> None:
        """Point the alias at `index_name` in one atomic step, then drop the old indexes."""
        try:
            old = list(self.client.indices.get_alias(name=self.alias).body)
        except NotFoundError:
            old = []
        actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
        actions.append({"add": {"index": index_name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for name in old:
            if name != index_name:
                self.client.indices.delete(index=name)
        self._alias_checked = True

    def bulk_index(self, rows, *, index: str | None = None) -> None:
        actions = [
            {
                "_op_type": "index",
                "_index": index or self.alias,
                "_id": str(row.pk),
                "_source": document_source(row),
            }
            for row in rows
        ]
        if actions:
            helpers.bulk(self.client, actions, **self._refresh_option())

    def _refresh_option(self) -> dict[str, Any]:
        return {"refresh": "wait_for"} if self.refresh_on_write else {}

    def index_documents(self, rows) -> None:
        self.ensure_index()
        self.bulk_index(rows)

    def remove_documents(self, rows) -> None:
        self.ensure_index()
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": str(row.pk)} for row in rows]
        if actions:
            helpers.bulk(self.client, actions, raise_on_error=False, **self._refresh_option())

    def start_rebuild(self) -> _AliasRebuilder:
        return _AliasRebuilder(self)

    def refresh(self) -> None:
        self.client.indices.refresh(index=self.alias)

    def ping(self) -> bool:
        return bool(self.client.ping())

    # -- queries ------------------------------------------------------------

    def build_search(self, plan: QueryPlan) -> Search:
        """The search request for `plan`: facets counted without their own filter (post_filter)."""
        facet_names = [name for name in plan.facets if name in FACET_FIELDS]
        base_filters = {name: value for name, value in plan.filters().items() if name not in facet_names}
        search = Search(using=self.client, index=self.alias)
        search = search.query(Q("bool", must=[text_query(plan.text)], filter=_filter_clauses(base_filters)))
        post_filters = [clause for name in facet_names for clause in _filter_clauses(_pick(plan, name))]
        if post_filters:
            search = search.post_filter(Q("bool", filter=post_filters))
        for name in facet_names:
            others = [
                clause
                for other in facet_names
                if other != name
                for clause in _filter_clauses(_pick(plan, other))
            ]
            bucket = search.aggs.bucket(name, "filter", filter=Q("bool", filter=others))
            bucket.bucket("values", "terms", field=FACET_FIELDS[name], size=FACET_SIZE)
        search = search.highlight_options(
            encoder="html",
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            fragment_size=240,
            number_of_fragments=1,
            no_match_size=240,
        )
        search = search.highlight("title.folded", number_of_fragments=0)
        search = search.highlight("body.folded")
        search = search.source(False).extra(track_total_hits=True)
        return search[plan.offset : plan.offset + plan.limit]

    def search(self, plan: QueryPlan) -> EngineResult:
        if not plan.folded_terms:
            return EngineResult(total=0, hits=[])
        response = self.build_search(plan).execute().to_dict()
        hits = []
        for hit in response["hits"]["hits"]:
            fragments = hit.get("highlight", {})
            highlight = {}
            if fragments.get("title.folded"):
                highlight["title"] = fragments["title.folded"][0]
            if fragments.get("body.folded"):
                highlight["body"] = fragments["body.folded"][0]
            hits.append(EngineHit(document_id=int(hit["_id"]), highlight=highlight or None))
        facets = {}
        aggregations = response.get("aggregations", {})
        for name in plan.facets:
            buckets = aggregations.get(name, {}).get("values", {}).get("buckets", [])
            facets[name] = [(bucket["key"], bucket["doc_count"]) for bucket in buckets if bucket["key"] != ""]
        return EngineResult(total=response["hits"]["total"]["value"], hits=hits, facets=facets)

    def build_autocomplete(self, plan: QueryPlan) -> Search:
        search = Search(using=self.client, index=self.alias)
        search = search.query(
            Q(
                "bool",
                must=[Q("match", **{"title.autocomplete": {"query": plan.text, "operator": "and"}})],
                filter=_filter_clauses(plan.filters()),
            )
        )
        return search.source(False)[: plan.limit]

    def autocomplete(self, plan: QueryPlan) -> list[int]:
        if not plan.folded_terms:
            return []
        response = self.build_autocomplete(plan).execute().to_dict()
        return [int(hit["_id"]) for hit in response["hits"]["hits"]]


def _pick(plan: QueryPlan, name: str) -> dict[str, Any]:
    value = plan.filters().get(name)
    return {name: value} if value is not None else {}

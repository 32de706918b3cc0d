"""What the Elasticsearch engine sends: mappings, analyzers, query bodies, alias swaps."""

import pytest

from folding import query_terms
from search.engines.base import QueryPlan
from search.tests.es_recorder import answer, recording_engine, sent


def plan(text, **options):
    folded, exact = query_terms(text)
    return QueryPlan(folded_terms=folded, exact_terms=exact, text=text, **options)


SEARCH_RESPONSE = {
    "took": 3,
    "timed_out": False,
    "hits": {
        "total": {"value": 2, "relation": "eq"},
        "max_score": 4.2,
        "hits": [
            {
                "_index": "portal-documents-1",
                "_id": "7",
                "_score": 4.2,
                "highlight": {
                    "title.folded": ["<mark>Quyền</mark> của đoàn viên"],
                    "body.folded": ["Đoàn viên có <mark>quyền</mark> được bảo vệ"],
                },
            },
            {"_index": "portal-documents-1", "_id": "9", "_score": 1.3},
        ],
    },
    "aggregations": {
        "type": {"doc_count": 2, "values": {"buckets": [{"key": "news.newsarticle", "doc_count": 2}]}},
        "year": {
            "doc_count": 2,
            "values": {"buckets": [{"key": 2025, "doc_count": 1}, {"key": 2024, "doc_count": 1}]},
        },
        "topic": {
            "doc_count": 2,
            "values": {"buckets": [{"key": "", "doc_count": 1}, {"key": "Quyền lợi", "doc_count": 1}]},
        },
    },
}


def test_first_index_is_created_behind_an_alias_with_folding_and_cjk_analyzers():
    engine = recording_engine("portal")
    answer("HEAD", "/_alias/portal-documents", {}, status=404)
    engine.ensure_index()
    created = [request for request in sent("PUT") if request.path.startswith("/portal-documents-")]
    assert len(created) == 1
    body = created[0].body
    assert body["aliases"] == {"portal-documents": {}}
    analyzers = body["settings"]["analysis"]["analyzer"]
    assert analyzers["portal_folded"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["cjk_width", "lowercase", "cjk_bigram", "asciifolding"],
    }
    assert analyzers["portal_exact"]["filter"] == ["cjk_width", "lowercase", "cjk_bigram"]
    assert "asciifolding" in analyzers["portal_autocomplete"]["filter"]
    assert body["settings"]["analysis"]["filter"]["portal_edge_ngram"] == {
        "type": "edge_ngram",
        "min_gram": 1,
        "max_gram": 20,
    }


def test_mapping_keeps_the_original_text_with_folded_and_autocomplete_sub_fields():
    engine = recording_engine()
    answer("HEAD", "/_alias/portal-documents", {}, status=404)
    engine.ensure_index()
    mapping = sent("PUT")[0].body["mappings"]
    title = mapping["properties"]["title"]
    assert title["analyzer"] == "portal_exact"
    assert title["fields"]["folded"] == {"type": "text", "analyzer": "portal_folded"}
    assert title["fields"]["autocomplete"] == {
        "type": "text",
        "analyzer": "portal_autocomplete",
        "search_analyzer": "portal_folded",
    }
    assert mapping["properties"]["body"]["fields"]["folded"]["analyzer"] == "portal_folded"
    for keyword in ("kind", "language", "topic", "unit_path"):
        assert mapping["properties"][keyword] == {"type": "keyword"}
    assert mapping["dynamic"] == "strict"


def test_existing_alias_is_reused_without_creating_an_index():
    engine = recording_engine()
    answer("HEAD", "/_alias/portal-documents", {})
    engine.ensure_index()
    assert sent("PUT") == []


def test_search_body_requires_folded_words_and_boosts_exact_spelling():
    engine = recording_engine()
    body = engine.build_search(plan("quyền đoàn viên", language="vi")).to_dict()
    text_query = body["query"]["bool"]["must"][0]["bool"]
    assert text_query["must"] == [
        {
            "multi_match": {
                "query": "quyền đoàn viên",
                "fields": ["title.folded^3", "body.folded"],
                "type": "cross_fields",
                "operator": "and",
            }
        }
    ]
    assert text_query["should"][0]["multi_match"]["fields"] == ["title^3", "body"]
    assert text_query["should"][0]["multi_match"]["boost"] == 2
    assert body["query"]["bool"]["filter"] == [{"term": {"language": "vi"}}, {"term": {"is_public": True}}]
    assert body["highlight"]["pre_tags"] == ["<mark>"]
    assert body["highlight"]["encoder"] == "html"
    assert set(body["highlight"]["fields"]) == {"title.folded", "body.folded"}
    assert body["track_total_hits"] is True
    assert body["from"] == 0 and body["size"] == 20


def test_facets_are_counted_without_their_own_filter_and_filters_apply_after():
    engine = recording_engine()
    query_plan = plan(
        "cong doan", language="vi", year=2025, kinds=["news.newsarticle"], facets=("type", "year")
    )
    body = engine.build_search(query_plan).to_dict()
    assert body["post_filter"] == {
        "bool": {"filter": [{"terms": {"kind": ["news.newsarticle"]}}, {"term": {"year": 2025}}]}
    }
    assert body["aggs"]["type"] == {
        "filter": {"bool": {"filter": [{"term": {"year": 2025}}]}},
        "aggs": {"values": {"terms": {"field": "kind", "size": 50}}},
    }
    assert body["aggs"]["year"]["filter"] == {"bool": {"filter": [{"terms": {"kind": ["news.newsarticle"]}}]}}
    assert body["aggs"]["year"]["aggs"]["values"]["terms"]["field"] == "year"


def test_unit_filter_is_a_prefix_on_the_unit_path():
    engine = recording_engine()
    body = engine.build_search(plan("cong doan", unit_path="00010002")).to_dict()
    assert {"prefix": {"unit_path": "00010002"}} in body["query"]["bool"]["filter"]


def test_search_reads_ids_highlights_totals_and_facets_from_the_response():
    engine = recording_engine()
    answer("POST", "/portal-documents/_search", SEARCH_RESPONSE)
    result = engine.search(plan("quyền", language="vi", facets=("type", "year", "topic")))
    assert result.total == 2
    assert [hit.document_id for hit in result.hits] == [7, 9]
    assert result.hits[0].highlight == {
        "title": "<mark>Quyền</mark> của đoàn viên",
        "body": "Đoàn viên có <mark>quyền</mark> được bảo vệ",
    }
    assert result.hits[1].highlight is None
    assert result.facets == {
        "type": [("news.newsarticle", 2)],
        "year": [(2025, 1), (2024, 1)],
        "topic": [("Quyền lợi", 1)],
    }


def test_query_syntax_characters_reach_elasticsearch_as_plain_text():
    engine = recording_engine()
    text = 'quyen" NEAR* \\ OR 1=1'
    body = engine.build_search(plan(text)).to_dict()
    assert body["query"]["bool"]["must"][0]["bool"]["must"][0]["multi_match"]["query"] == text
    assert "query_string" not in str(body)


def test_autocomplete_matches_the_edge_ngram_field():
    engine = recording_engine()
    body = engine.build_autocomplete(plan("bao hiem x", language="vi", limit=8)).to_dict()
    assert body["query"]["bool"]["must"] == [
        {"match": {"title.autocomplete": {"query": "bao hiem x", "operator": "and"}}}
    ]
    assert body["size"] == 8


@pytest.mark.django_db
def test_rebuild_fills_a_new_index_then_swaps_the_alias_and_drops_the_old_one(federation):
    from search.tests.conftest import add_document

    class NoIndexing:
        def index_documents(self, rows):
            pass

    row = add_document(NoIndexing(), "news.newsarticle", "Công đoàn", "Đoàn viên", unit=federation.hanoi)
    engine = recording_engine()
    answer("GET", "/_alias/portal-documents", {"portal-documents-old": {"aliases": {"portal-documents": {}}}})
    builder = engine.start_rebuild()
    builder.add([row])
    builder.finish()
    new_index = sent("PUT")[0].path.strip("/")
    assert new_index.startswith("portal-documents-")
    bulk = sent("PUT", "/_bulk") + sent("POST", "/_bulk")
    assert bulk[0].body[0] == {"index": {"_index": new_index, "_id": str(row.pk)}}
    assert bulk[0].body[1]["title"] == "Công đoàn"
    assert bulk[0].body[1]["unit_path"] == federation.hanoi.path
    swap = sent("POST", "/_aliases")[0].body
    assert swap == {
        "actions": [
            {"remove": {"index": "portal-documents-old", "alias": "portal-documents"}},
            {"add": {"index": new_index, "alias": "portal-documents"}},
        ]
    }
    assert [request.path for request in sent("DELETE")] == ["/portal-documents-old"]


@pytest.mark.django_db
def test_search_page_service_uses_elasticsearch_highlights_and_counts(federation, registered_kinds):
    from django.utils import translation

    from search.engines import set_engine
    from search.service import SearchRequest, run_search
    from search.tests.conftest import add_document

    class NoIndexing:
        def index_documents(self, rows):
            pass

    row = add_document(
        NoIndexing(), "test.news", "Quyền của đoàn viên", "Đoàn viên có quyền", unit=federation.hanoi
    )
    engine = recording_engine()
    response = {
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "hits": [
                {"_id": str(row.pk), "highlight": {"title.folded": ["<mark>Quyền</mark> của đoàn viên"]}}
            ],
        },
        "aggregations": {
            "type": {"doc_count": 1, "values": {"buckets": [{"key": "test.news", "doc_count": 1}]}}
        },
    }
    answer("POST", "/portal-documents/_search", response)
    set_engine(engine)
    try:
        with translation.override("vi"):
            result = run_search(SearchRequest(text="quyen"))
    finally:
        set_engine(None)
    [hit] = result.results
    assert hit.title_html == "<mark>Quyền</mark> của đoàn viên"
    assert "<mark>quyền</mark>" in hit.snippet  # no body fragment from ES: highlighted here
    assert hit.unit == federation.hanoi
    assert [(value.label, value.count) for value in result.facets["type"]] == [("News", 1)]

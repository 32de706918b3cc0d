"""PostgreSQL: a query that matches a large share of the index is answered in bounded time, and says so.

The window and the sample are made small here (10 candidates) so that a corpus of a few
dozen documents behaves as 100,000 would; PostgreSQL's own statistics (ANALYZE) decide
which queries are very common, as they do in production.
"""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from search.engines import postgres
from search.models import SearchDocument
from search.service import SearchRequest, run_search
from search.tests.conftest import add_document

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the bounded plan is PostgreSQL's (SQLite ranks every match)"
)


@pytest.fixture
def common_corpus(engine, federation, registered_kinds, monkeypatch):
    """40 documents about the union (years 2000-2039, one a year); one in four also about insurance."""
    monkeypatch.setattr(postgres, "CANDIDATES", 10)
    # The whole table is "sampled": estimates then equal the true counts and the test can name them.
    monkeypatch.setattr(postgres, "SAMPLE_ROWS", 1_000_000)
    docs = {}
    for number in range(40):
        year = 2000 + number
        title = f"Tin hoạt động số {number}"
        if number in (3, 37):
            title = f"Công đoàn cơ sở số {number}"
        body = "Công đoàn tổ chức hội nghị cho người lao động."
        if number % 4 == 0:
            body += " Tư vấn bảo hiểm xã hội."
        unit = federation.hanoi if number % 2 else federation.saigon
        docs[number] = add_document(
            engine, "test.news", title, body, unit=unit, year=year, topic="Phong trào"
        )
    add_document(
        engine, "test.law", "Điều 35. Quyền đơn phương chấm dứt hợp đồng", "Người lao động.", year=2019
    )
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {SearchDocument._meta.db_table}")
    postgres.forget_statistics()
    yield docs
    postgres.forget_statistics()


def search(text, **options):
    with translation.override("vi"):
        return run_search(SearchRequest(text=text, **options))


def test_very_common_query_ranks_the_newest_matches_and_says_its_count_is_an_estimate(common_corpus):
    response = search("cong doan", per_page=5)
    assert response.total_is_estimate and response.facets_are_estimates
    assert response.total == 40
    assert response.ranked == 10
    # The newest ten matches are 2030-2039; the one with the words in its title ranks first,
    # and the older one with them in its title (2003) is not among them.
    titles = [hit.title for hit in response.results]
    assert titles[0] == "Công đoàn cơ sở số 37"
    assert "Công đoàn cơ sở số 3" not in titles
    second_page = search("cong doan", per_page=5, page=2).results
    assert {hit.date.year for hit in response.results + second_page} == set(range(2030, 2040))
    # Only the ranked matches can be paged through; a page past them shows the last one.
    assert response.page_obj.paginator.num_pages == 2
    assert [hit.title for hit in search("cong doan", per_page=5, page=9).results] == [
        hit.title for hit in second_page
    ]


def test_estimated_facet_counts_are_the_counts_when_the_sample_is_the_whole_table(common_corpus, federation):
    response = search("cong doan")
    counts = {
        name: {value.value: value.count for value in values} for name, values in response.facets.items()
    }
    assert counts["unit"] == {federation.hanoi.pk: 20, federation.saigon.pk: 20}
    assert counts["type"] == {"test.news": 40}
    assert counts["year"] == {year: 1 for year in range(2000, 2040)}


def test_a_filter_still_narrows_a_very_common_query_and_its_other_facets(common_corpus, federation):
    response = search("cong doan", unit=federation.saigon.pk)
    assert {hit.unit for hit in response.results} == {federation.saigon}
    assert response.total == 20
    # The unit facet counts its alternatives without its own filter.
    units = {value.value: value.count for value in response.facets["unit"]}
    assert units == {federation.hanoi.pk: 20, federation.saigon.pk: 20}


def test_each_estimated_facet_counts_under_the_other_facet_filters(common_corpus, federation):
    response = search("cong doan", unit=federation.saigon.pk, year=2002)
    assert response.total == 1 and not response.total_is_estimate
    assert response.facets_are_estimates
    counts = {
        name: {value.value: value.count for value in values} for name, values in response.facets.items()
    }
    # Units under the year filter only (2002 is a Saigon year), years under the unit filter only.
    assert counts["unit"] == {federation.saigon.pk: 1}
    assert counts["year"] == {year: 1 for year in range(2000, 2040, 2)}
    assert counts["topic"] == {"Phong trào": 1}


def test_a_walk_that_reads_every_allowed_document_gives_exact_results(common_corpus):
    # Only the 2001 document is left by the year filter: the walk reads it and stops, with an exact answer.
    response = search("cong doan", year=2001)
    assert not response.total_is_estimate
    assert response.total == 1
    assert [hit.date.year for hit in response.results] == [2001]


def test_rare_query_is_answered_exactly_from_the_index(common_corpus):
    response = search("dieu 35")
    assert not response.total_is_estimate and not response.facets_are_estimates
    assert [hit.title for hit in response.results] == ["Điều 35. Quyền đơn phương chấm dứt hợp đồng"]
    # "bao hiem xa hoi" is in every fourth document: ten, fewer than the window needs to be worth walking.
    insurance = search("bao hiem xa hoi")
    assert not insurance.total_is_estimate
    assert insurance.total == 10


def test_search_page_says_about_for_estimates(client, common_corpus):
    with translation.override("en"):
        url = reverse("search:search")
    response = client.get(url, {"q": "cong doan", "language": "vi"})
    html = response.content.decode()
    assert response.context["response"].total_is_estimate
    assert "About 40 results" in html
    assert "the best of the newest 20 are shown" in html
    assert "(about 20)" in html


def test_search_vectors_are_kept_in_the_row(db):
    # A very common query reads its newest matches row by row: their vectors must not sit in the TOAST table.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = %s::regclass "
            "AND attname IN ('search_vector', 'title_vector')",
            [SearchDocument._meta.db_table],
        )
        assert dict(cursor.fetchall()) == {"search_vector": "m", "title_vector": "m"}


def test_a_document_too_long_for_a_row_is_still_stored_and_found(engine, registered_kinds):
    # Storage MAIN still moves a vector out of the row when nothing else makes the row fit.
    words = " ".join(f"từ{number} công đoàn" for number in range(4000))
    row = add_document(engine, "test.news", "Báo cáo dài", words)
    response = search("tu3999")
    assert [hit.title for hit in response.results] == [row.title]

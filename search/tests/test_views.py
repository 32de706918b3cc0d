"""The search page, the suggestion endpoint and the editors' report, as people use them."""

import pytest
from django.urls import resolve, reverse
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import QueryStat


def search_url(language="en"):
    with translation.override(language):
        return reverse("search:search")


def test_empty_query_shows_guidance_not_results(client, corpus):
    response = client.get(search_url())
    assert response.status_code == 200
    assert "Diacritics are optional" in response.content.decode()
    assert response.context["response"].total == 0


def test_results_page_shows_type_highlighted_title_snippet_date_and_unit(
    client, corpus, federation, django_assert_max_num_queries
):
    with django_assert_max_num_queries(32):
        response = client.get(search_url("vi"), {"q": "bao hiem xa hoi"})
    html = response.content.decode()
    assert "<mark>Bảo</mark> <mark>hiểm</mark> <mark>xã</mark> <mark>hội</mark>" in html
    assert 'class="badge">News<' in html
    assert corpus.insurance.url in html
    assert federation.saigon.name_vi in html
    assert 'datetime="2025-05-01' in html


def test_query_count_does_not_grow_with_the_number_of_results(
    client, engine, corpus, django_assert_max_num_queries
):
    from search.tests.conftest import add_document

    for number in range(30):
        add_document(
            engine, "test.news", f"Tin công đoàn số {number}", "Hoạt động công đoàn.", unit=corpus.rights.unit
        )
    with django_assert_max_num_queries(32):
        response = client.get(search_url("vi"), {"q": "cong doan"})
    assert len(response.context["response"].results) == 20


def test_facet_links_keep_the_query_and_combine_filters(client, corpus):
    response = client.get(search_url("vi"), {"q": "doan vien", "year": "2025"})
    links = response.context["facet_links"]
    topic_urls = [link["url"] for link in links["topic"]]
    assert all("q=doan+vien" in url and "year=2025" in url for url in topic_urls)
    selected = [link for link in links["year"] if link["value"].selected]
    assert len(selected) == 1 and "year=" not in selected[0]["url"]


def test_the_url_holds_the_whole_search_so_it_can_be_shared(client, corpus, federation):
    params = {"q": "quyen", "unit": federation.hanoi.pk, "year": "2025", "type": "test.news"}
    first = client.get(search_url("vi"), params)
    again = client.get(search_url("vi"), params)
    assert [hit.title for hit in first.context["response"].results] == [
        hit.title for hit in again.context["response"].results
    ]
    assert {hit.title for hit in first.context["response"].results} == {
        "Quyền của đoàn viên",
        "Quyển sổ tay đoàn viên",
    }


def test_language_switch_shows_results_in_all_languages(client, corpus):
    only_english = client.get(search_url("en"), {"q": "cong doan"})
    assert only_english.context["response"].total == 0
    everything = client.get(search_url("en"), {"q": "cong doan", "lang": "all"})
    assert everything.context["response"].total > 0
    assert "language" in everything.context["response"].facets


@pytest.mark.parametrize("query", ['"', "*", "NEAR", "'", "\\", "a" * 1500, "quyen\" OR '1'='1", "   "])
def test_odd_queries_never_error(client, corpus, query):
    response = client.get(search_url("vi"), {"q": query})
    assert response.status_code == 200
    assert response.context["search_query"] == " ".join(query.split())[:1000]


def test_page_past_the_end_shows_the_last_page(client, corpus):
    response = client.get(search_url("vi"), {"q": "quyen", "page": "500"})
    assert response.context["page_obj"].number == response.context["page_obj"].paginator.num_pages


def test_bad_page_numbers_show_the_first_page(client, corpus):
    response = client.get(search_url("vi"), {"q": "quyen", "page": "abc"})
    assert response.context["page_obj"].number == 1


def test_did_you_mean_offers_a_close_spelling_when_nothing_is_found(client, corpus):
    response = client.get(search_url("vi"), {"q": "bao hiem xa hoii"})
    assert response.context["response"].total == 0
    assert response.context["suggestion"] == "bao hiem xa hoi"
    assert "Có phải bạn muốn tìm:" in response.content.decode()  # "Did you mean:" in the vi catalogue


def test_no_suggestion_when_results_exist(client, corpus):
    response = client.get(search_url("vi"), {"q": "bao hiem"})
    assert response.context["suggestion"] == ""


def test_editors_promotions_show_above_results_with_or_without_diacritics(client, corpus, federation):
    query = Query.objects.create(query_string="bảo hiểm xã hội")
    SearchPromotion.objects.create(
        query=query, page=federation.hanoi_section, description="Hỏi đáp về bảo hiểm xã hội", sort_order=0
    )
    response = client.get(search_url("vi"), {"q": "bao hiem xa hoi"})
    html = response.content.decode()
    assert "Hỏi đáp về bảo hiểm xã hội" in html
    assert html.index("Hỏi đáp về bảo hiểm xã hội") < html.index("search-results__list")


def test_searches_are_counted_per_folded_query_without_personal_data(client, corpus):
    client.get(search_url("vi"), {"q": "Bảo hiểm"})
    client.get(search_url("vi"), {"q": "bao hiem"})
    client.get(search_url("vi"), {"q": "khong co gi ca"})
    client.get(search_url("vi"), {"q": "bao hiem", "page": "2"})
    stats = {row.query: (row.hits, row.zero_result_hits) for row in QueryStat.objects.all()}
    assert stats == {"bao hiem": (2, 0), "khong co gi ca": (1, 1)}
    assert [field.name for field in QueryStat._meta.get_fields()] == [
        "id",
        "query",
        "day",
        "hits",
        "zero_result_hits",
    ]


def test_suggest_endpoint_returns_titles_as_json_from_the_second_letter(client, corpus):
    with translation.override("vi"):
        url = reverse("search:suggest")
    response = client.get(url, {"q": "bao hiem x"})
    assert response.json()["suggestions"] == [
        {
            "title": "Bảo hiểm xã hội cho công nhân khu công nghiệp",
            "url": corpus.insurance.url,
            "type": "News",
        }
    ]
    assert client.get(url, {"q": "b"}).json()["suggestions"] == []


def test_editors_report_lists_top_and_zero_result_queries(client, corpus, federation):
    client.get(search_url("vi"), {"q": "bao hiem"})
    client.get(search_url("vi"), {"q": "tien luong thang 13 abcxyz"})
    client.force_login(federation.hanoi_editor)
    response = client.get(reverse("portal_search_report"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "bao hiem" in html and "tien luong thang 13 abcxyz" in html
    assert [row["query"] for row in response.context["zero_result_queries"]] == ["tien luong thang 13 abcxyz"]


def test_report_is_not_public(client, corpus):
    client.get(search_url("vi"), {"q": "bao hiem"})  # something the report would list
    response = client.get(reverse("portal_search_report"))
    assert response.status_code == 302
    # Wagtail's /admin/login/ now hands over to allauth's login (config/urls.py)
    login_path, _, query = response["Location"].partition("?")
    assert resolve(login_path).url_name == "account_login"
    assert "next=/admin/reports/portal-search/" in query
    login = client.get(response["Location"], follow=True)
    assert login.status_code == 200
    assert "zero_result_queries" not in login.context and "bao hiem" not in login.content.decode()

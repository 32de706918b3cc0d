"""The search page and the suggestion endpoint never fail on what a URL can carry.

A bad filter is ignored, a bad page number shows the first page, a page past the end the
last one; nothing is a server error, on either database.
"""

import pytest

from .test_views import search_url

HUGE = "99999999999999999999"


def search(client, query_string: str):
    response = client.get(f"{search_url('vi')}?{query_string}")
    assert response.status_code == 200
    return response


def results(response) -> int:
    return response.context["response"].total


@pytest.mark.parametrize("page", ["abc", "-1", "0", "", "1.5", "1e3", " 2", "٣", "0x10", "NaN"])
def test_a_page_that_is_not_a_page_number_shows_the_first_page(client, corpus, page):
    response = search(client, f"q=quyen&page={page}")
    assert response.context["page_obj"].number == 1


@pytest.mark.parametrize("page", ["500", "501", "99999", HUGE, "9" * 200])
def test_a_page_past_the_end_shows_the_last_page(client, corpus, page):
    response = search(client, f"q=quyen&page={page}")
    page_obj = response.context["page_obj"]
    assert page_obj.number == page_obj.paginator.num_pages
    assert response.context["response"].results


@pytest.mark.parametrize("name", ["year", "unit", "level"])
@pytest.mark.parametrize("value", ["abc", "-1", "0", HUGE, "-" + HUGE, "9" * 5000, "1e3", "%00"])
def test_a_numeric_filter_that_names_nothing_is_harmless(client, corpus, name, value):
    search(client, f"q=quyen&{name}={value}")


@pytest.mark.parametrize("value", ["abc", HUGE, "9" * 5000])
def test_a_filter_that_is_not_a_number_is_ignored(client, corpus, value):
    unfiltered = results(search(client, "q=quyen"))
    for name in ("year", "unit", "level"):
        assert results(search(client, f"q=quyen&{name}={value}")) == unfiltered


@pytest.mark.parametrize("kind", ["nonexistent", "", "test.news%00", "x" * 5000])
def test_an_unknown_type_is_ignored(client, corpus, kind):
    assert results(search(client, f"q=quyen&type={kind}")) == results(search(client, "q=quyen"))


def test_repeated_parameters_are_read_once(client, corpus):
    once = results(search(client, "q=quyen&type=test.news"))
    response = search(
        client,
        "q=quyen&q=cong+doan&type=test.news&type=test.news&type=nonexistent"
        "&page=1&page=abc&year=abc&year=2025&unit=x&unit=y&lang=all&lang=zz",
    )
    assert response.context["search_query"] == "cong doan"
    assert results(search(client, "q=quyen&type=test.news&type=test.news")) == once


@pytest.mark.parametrize("query_string", ["lang=zz", "language=zz", "lang=" + "a" * 5000, "language=%00"])
def test_an_unknown_language_is_ignored(client, corpus, query_string):
    assert results(search(client, f"q=quyen&{query_string}")) == results(search(client, "q=quyen"))


@pytest.mark.parametrize(
    "query_string",
    [
        "q=" + "quyen+" * 3000,
        "q=%00",
        "q=quyen%00loi",
        "q=quyen&topic=" + "t" * 5000,
        "q=quyen&topic=%00",
        "q=%F0%9F%98%80+quyen",
        "q=%ED%A0%80",
        "q[]=quyen",
        "q=quyen&" + "&".join(f"type=t{n}" for n in range(300)),
    ],
)
def test_odd_and_very_long_values_show_a_page(client, corpus, query_string):
    search(client, query_string)


@pytest.mark.parametrize(
    "query_string",
    [
        "q=qu&page=abc",
        "q=quy&q=cong",
        "q=" + "quyen+" * 3000,
        "q=%00",
        "q=quy%00en",
        "q=qu&lang=zz&language=zz&year=abc&unit=" + HUGE + "&type=nonexistent",
        "q=%ED%A0%80",
        "",
    ],
)
def test_the_suggestion_endpoint_answers_json_whatever_it_is_sent(client, corpus, query_string):
    from django.urls import reverse
    from django.utils import translation

    with translation.override("vi"):
        url = reverse("search:suggest")
    response = client.get(f"{url}?{query_string}")
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)

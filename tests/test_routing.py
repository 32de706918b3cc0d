"""Remembered page routes (config/routing.py): fewer queries, never a wrong or stale page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(federation, settings):
    settings.NEWS_PAGE_CACHE_SECONDS = 0  # measure routing, not the whole-page cache
    index = NewsIndexPageFactory(parent=federation.hanoi_section, slug="tin-tuc")
    return NewsArticlePageFactory(parent=index, slug="bai-viet", title="Bài viết về tiền lương")


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_a_remembered_route_serves_the_same_page_with_fewer_queries(client, article, settings):
    url = article.url
    client.get(url)  # routes through the tree and remembers the path
    remembered = queries_for(client, url)
    settings.PAGE_ROUTE_CACHE_SECONDS = 0
    walked = queries_for(client, url)

    assert remembered < walked
    assert "Bài viết về tiền lương" in client.get(url).content.decode()


def test_an_unpublished_page_is_not_served_from_a_remembered_route(client, article):
    client.get(article.url)
    client.get(article.url)
    article.unpublish()

    assert client.get(article.url).status_code == 404


def test_a_moved_page_is_served_at_its_new_address_and_redirected_from_the_old(client, article, federation):
    old_url = article.url
    client.get(old_url)
    client.get(old_url)
    new_index = NewsIndexPageFactory(parent=federation.saigon_section, slug="tin-tuc")
    article.move(new_index, pos="last-child")
    article.refresh_from_db()

    old = client.get(old_url)
    assert old.status_code == 301  # Wagtail's redirect made by the move, not the remembered page
    assert old["Location"] == article.url
    assert client.get(article.url).status_code == 200


def test_a_route_is_remembered_per_language(client, article, settings):
    english_url = article.url.replace("/vi/", "/en/", 1)
    settings.PAGE_ROUTE_CACHE_SECONDS = 0
    walked = client.get(english_url)
    settings.PAGE_ROUTE_CACHE_SECONDS = 3600
    client.get(article.url)
    client.get(article.url)

    remembered = client.get(english_url)

    # The Vietnamese route is not reused for /en/: the page answers there as Wagtail would route it.
    assert remembered.status_code == walked.status_code
    assert remembered.headers.get("Content-Language") == walked.headers.get("Content-Language")


def test_a_routable_contest_page_is_always_routed_by_wagtail(client, federation):
    from contests.factories import ContestPageFactory, QuestionBankFactory

    contest = ContestPageFactory(
        parent=federation.hanoi_section, slug="cuoc-thi", question_bank=QuestionBankFactory()
    )
    results = contest.url + "results/"
    statuses = [client.get(url).status_code for url in (contest.url, results, contest.url, results)]

    assert statuses[:2] == statuses[2:]
    assert statuses[0] == 200


def test_a_new_site_root_is_used_at_once(client, article, federation):
    from wagtail.models import Site

    client.get(article.url)
    client.get(article.url)
    site = Site.objects.get(is_default_site=True)
    site.root_page = federation.saigon_section
    site.save()

    # The Hanoi article is not under the new root: Wagtail no longer finds it at that address.
    assert client.get(article.url).status_code == 404

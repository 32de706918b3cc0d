"""What keeps uncached pages cheap (issue #3): few queries, cached fragments that never go stale
after a publish, and nothing personal inside them."""

import pytest
from django.test import override_settings
from wagtail.models import Page

from conftest import make_user
from news.factories import NewsArticlePageFactory, TopicFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def page_cache_off():
    with override_settings(NEWS_PAGE_CACHE_SECONDS=0):
        yield


def warm_queries(client, url, django_assert_max_num_queries, limit):
    for _ in range(2):  # the first request routes through Wagtail, the second loads the page
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_warm_pages_need_three_queries(client, newsroom, django_assert_max_num_queries):
    # The page's row, its ancestors' aliases and view restrictions (Wagtail's restriction check):
    # the page, its unit, menus, lists and listings come from the cache.
    wages = TopicFactory(slug="wages")
    article = NewsArticlePageFactory(parent=newsroom.hanoi_news)
    article.topics.set([wages])
    article.save_revision().publish()
    urls = [
        article.url,
        newsroom.hanoi_news.url,
        newsroom.hanoi_news.url + "?page=1&type=article",
        newsroom.hanoi_section.url,
        "/vi/",
    ]
    for url in urls:
        assert warm_queries(client, url, django_assert_max_num_queries, 3) <= 3, url


def test_a_republished_article_shows_its_new_text(client, newsroom):
    article = NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Bản cũ", lead="Tóm tắt cũ")
    for _ in range(3):
        assert "Tóm tắt cũ" in client.get(article.url).content.decode()

    article.lead = "Tóm tắt mới"
    article.save_revision().publish()

    html = client.get(article.url).content.decode()
    assert "Tóm tắt mới" in html and "Tóm tắt cũ" not in html


def test_a_draft_save_leaves_the_live_page_alone(client, newsroom):
    article = NewsArticlePageFactory(parent=newsroom.hanoi_news, lead="Bản đang đăng")
    for _ in range(3):
        client.get(article.url)

    article.lead = "Bản nháp chưa duyệt"
    article.save_revision()

    html = client.get(article.url).content.decode()
    assert "Bản đang đăng" in html and "Bản nháp chưa duyệt" not in html


def test_a_page_unpublished_elsewhere_is_not_served_from_a_remembered_route(client, newsroom):
    # Another worker's unpublish may not reach this worker's cache: the row is checked on use.
    article = NewsArticlePageFactory(parent=newsroom.hanoi_news)
    for _ in range(3):
        assert client.get(article.url).status_code == 200

    Page.objects.filter(pk=article.pk).update(live=False)  # no signal: as seen from another worker

    assert client.get(article.url).status_code == 404


def test_cached_fragments_hold_nothing_personal(client, newsroom):
    article = NewsArticlePageFactory(parent=newsroom.hanoi_news)
    client.force_login(make_user("hoivien.test"))
    signed_in = client.get(article.url).content.decode()
    assert "csrfmiddlewaretoken" in signed_in  # the sign-out form

    client.logout()
    anonymous = client.get(article.url).content.decode()

    assert "csrfmiddlewaretoken" not in anonymous
    assert "/accounts/logout/" not in anonymous


def test_a_renamed_topic_shows_at_once(client, newsroom):
    topic = TopicFactory(slug="wages", name="Tiền lương")
    article = NewsArticlePageFactory(parent=newsroom.hanoi_news)
    article.topics.set([topic])
    article.save_revision().publish()
    for url in (article.url, newsroom.hanoi_news.url):
        assert "Tiền lương" in client.get(url).content.decode()

    topic.name = "Tiền lương và thu nhập"
    topic.save()

    for url in (article.url, newsroom.hanoi_news.url):
        assert "Tiền lương và thu nhập" in client.get(url).content.decode(), url

"""What readers see: listings with items from above, filters, bounded queries, caching, most read."""

import pytest
from django.test import override_settings

from news import readership
from news.factories import (
    AnnouncementPageFactory,
    NewsArticlePageFactory,
    ResolutionPageFactory,
    TopicFactory,
)
from news.models import PageViews

pytestmark = pytest.mark.django_db


def listing(client, page, **params):
    response = client.get(page.url, params)
    assert response.status_code == 200
    return response


def test_listing_shows_own_items_and_marks_those_from_above(client, newsroom):
    NewsArticlePageFactory(parent=newsroom.cau_giay_news, title="Tin của quận")
    NewsArticlePageFactory(
        parent=newsroom.hanoi_news, title="Tin thành phố chia sẻ", show_in_units_below=True
    )
    NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Tin riêng thành phố")
    AnnouncementPageFactory(parent=newsroom.hanoi_news, target_levels="3", title="Thông báo cho quận")
    AnnouncementPageFactory(parent=newsroom.saigon_news, target_levels="3", title="Thông báo của TP.HCM")

    response = listing(client, newsroom.cau_giay_news)

    titles = [item.title for item in response.context["items"]]
    assert sorted(titles) == ["Thông báo cho quận", "Tin của quận", "Tin thành phố chia sẻ"]
    html = response.content.decode()
    assert html.count("news-card--from-above") == 2
    # page.url is the Vietnamese page: "From %(unit)s" is "Của %(unit)s" in the catalogue.
    assert "Của Liên đoàn Lao động thành phố Hà Nội" in html


def test_listing_filters_by_topic_and_type(client, newsroom):
    wages = TopicFactory(name="Tiền lương", slug="wages")
    tagged = NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Lương tối thiểu")
    tagged.topics.set([wages])
    tagged.save()
    NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Hội thao")
    ResolutionPageFactory(parent=newsroom.hanoi_news, title="Nghị quyết Đại hội")

    assert [i.title for i in listing(client, newsroom.hanoi_news, topic="wages").context["items"]] == [
        "Lương tối thiểu"
    ]
    assert [i.title for i in listing(client, newsroom.hanoi_news, type="resolution").context["items"]] == [
        "Nghị quyết Đại hội"
    ]


def count_queries(client, url, django_assert_max_num_queries, limit=50):
    client.get(url)  # first request creates the site settings row: not part of the page's cost
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@override_settings(NEWS_PAGE_CACHE_SECONDS=0)
def test_listing_and_section_queries_do_not_grow_with_items(client, newsroom, django_assert_max_num_queries):
    wages = TopicFactory(slug="wages")
    for number in range(10):
        item = NewsArticlePageFactory(parent=newsroom.hanoi_news, show_in_units_below=bool(number % 2))
        item.topics.set([wages])
        item.save()
    urls = [newsroom.hanoi_news.url, newsroom.cau_giay_news.url, newsroom.hanoi_section.url, "/vi/"]
    with_ten = [count_queries(client, url, django_assert_max_num_queries) for url in urls]

    for number in range(90):
        NewsArticlePageFactory(parent=newsroom.hanoi_news, show_in_units_below=bool(number % 2))
    with_hundred = [count_queries(client, url, django_assert_max_num_queries) for url in urls]

    assert with_hundred == with_ten


@override_settings(NEWS_PAGE_CACHE_SECONDS=0)
def test_article_queries_do_not_grow_with_content(client, newsroom, django_assert_max_num_queries):
    wages = TopicFactory(slug="wages")
    article = NewsArticlePageFactory(parent=newsroom.hanoi_news)
    article.topics.set([wages])
    article.save()
    announcement = AnnouncementPageFactory(parent=newsroom.hanoi_news)
    resolution = ResolutionPageFactory(parent=newsroom.hanoi_news)
    before = [
        count_queries(client, page.url, django_assert_max_num_queries)
        for page in (article, announcement, resolution)
    ]
    for _ in range(30):
        other = NewsArticlePageFactory(parent=newsroom.hanoi_news)
        other.topics.set([wages])
        other.save()

    after = [
        count_queries(client, page.url, django_assert_max_num_queries)
        for page in (article, announcement, resolution)
    ]

    assert after == before


def test_home_shows_confederation_news_and_highlights_from_provinces(client, newsroom):
    NewsArticlePageFactory(parent=newsroom.home_news, title="Tin Tổng Liên đoàn")
    ResolutionPageFactory(parent=newsroom.home_news, title="Nghị quyết 05")
    AnnouncementPageFactory(parent=newsroom.home_news, title="Thông báo chung", target_levels="2")
    NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Tin Hà Nội nổi bật")

    html = client.get("/vi/").content.decode()

    for title in ("Tin Tổng Liên đoàn", "Nghị quyết 05", "Thông báo chung", "Tin Hà Nội nổi bật"):
        assert title in html


def test_anonymous_pages_are_cached_per_language_until_something_is_published(client, newsroom):
    article = NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Bài đầu tiên")
    article.save_revision().publish()

    assert client.get(newsroom.hanoi_news.url)["X-Page-Cache"] == "miss"
    assert client.get(newsroom.hanoi_news.url)["X-Page-Cache"] == "hit"

    second = NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Bài thứ hai")
    second.save_revision().publish()
    response = client.get(newsroom.hanoi_news.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Bài thứ hai" in response.content.decode()


def test_signed_in_visitors_and_filtered_listings_are_never_served_from_cache(client, newsroom):
    client.get(newsroom.hanoi_news.url)
    assert "X-Page-Cache" not in client.get(newsroom.hanoi_news.url, {"type": "resolution"})
    client.force_login(newsroom.hanoi_editor)
    assert "X-Page-Cache" not in client.get(newsroom.hanoi_news.url)


@override_settings(NEWS_VIEWS_FLUSH_SECONDS=0)
def test_most_read_lists_the_most_opened_items(client, newsroom):
    popular = NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Được đọc nhiều")
    quiet = NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Ít người đọc")
    for _ in range(3):
        client.get(popular.url)
    client.get(quiet.url)
    readership.flush()

    assert PageViews.objects.get(page=popular).count == 3
    most_read = listing(client, newsroom.hanoi_news).context["most_read"]
    assert [item.title for item in most_read] == ["Được đọc nhiều", "Ít người đọc"]


def test_views_are_written_in_batches_not_per_request(client, newsroom, settings):
    settings.NEWS_VIEWS_FLUSH_SECONDS = 3600
    readership.flush()
    article = NewsArticlePageFactory(parent=newsroom.hanoi_news)

    client.get(article.url)
    client.get(article.url)

    assert not PageViews.objects.filter(page=article).exists()
    assert readership.pending_views()[article.pk] == 2
    readership.flush()
    assert PageViews.objects.get(page=article).count == 2


@pytest.mark.parametrize("cache_seconds", [0, 600])
def test_a_login_restricted_article_is_never_shown_to_anonymous_readers(client, newsroom, cache_seconds):
    from wagtail.models import PageViewRestriction

    article = NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Chỉ dành cho đoàn viên")
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)

    with override_settings(NEWS_PAGE_CACHE_SECONDS=cache_seconds):
        for _ in range(2):  # a second request would come from the page cache if it were cached
            response = client.get(article.url)
            assert response.status_code == 302
            assert "Chỉ dành cho đoàn viên" not in response.content.decode()


def test_a_listing_counts_new_items_once_they_are_published(client, newsroom):
    NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Bài một")
    first = listing(client, newsroom.hanoi_news, topic="khong co chu de")
    assert first.context["page_obj"].paginator.count == 0
    before = listing(client, newsroom.hanoi_news).context["page_obj"].paginator.count

    NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Bài hai").save_revision().publish()

    assert listing(client, newsroom.hanoi_news).context["page_obj"].paginator.count == before + 1


def test_a_stored_page_is_served_without_a_query_and_still_counts_the_view(
    client, newsroom, django_assert_num_queries
):
    article = NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Bài được lưu")
    assert client.get(article.url)["X-Page-Cache"] == "miss"
    readership.discard_pending()

    with django_assert_num_queries(0):
        response = client.get(article.url)

    assert response["X-Page-Cache"] == "hit"
    assert "Bài được lưu" in response.content.decode()
    assert readership.pending_views() == {article.pk: 1}


def test_a_restriction_added_to_a_stored_page_applies_at_once(client, newsroom):
    from wagtail.models import PageViewRestriction

    article = NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Sắp chỉ dành cho đoàn viên")
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(article.url).status_code == 302

"""Feeds, sitemap, social metadata, share links and the API for the mobile app."""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache

from demo.translation import translate
from news.factories import AnnouncementPageFactory, NewsArticlePageFactory, TopicFactory
from news.models import Receipt

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_section_rss_lists_the_sections_items_newest_first(client, newsroom):
    NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Tin cũ")
    NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Tin mới", author="Minh Anh")
    NewsArticlePageFactory(parent=newsroom.saigon_news, title="Tin TP.HCM")

    response = client.get("/vi/feeds/HN/rss.xml")

    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == newsroom.hanoi_section.title
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Tin mới", "Tin cũ"]
    assert items[0].findtext("link").startswith("http://testserver/vi/ha-noi/tin-tuc/")
    assert items[0].findtext("pubDate")


def test_topic_atom_feed_is_valid_atom(client, newsroom):
    wages = TopicFactory(name="Tiền lương", slug="wages")
    tagged = NewsArticlePageFactory(parent=newsroom.saigon_news, title="Lương tối thiểu vùng")
    tagged.topics.set([wages])
    tagged.save()
    NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Không gắn chủ đề")

    feed = ET.fromstring(client.get("/vi/feeds/topics/wages/atom.xml").content)

    assert feed.tag == f"{ATOM}feed"
    assert "Tiền lương" in feed.findtext(f"{ATOM}title")
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Lương tối thiểu vùng"]
    assert entries[0].find(f"{ATOM}updated") is not None and entries[0].find(f"{ATOM}id") is not None


def test_unknown_section_or_topic_feed_is_404(client, newsroom):
    assert client.get("/vi/feeds/NOPE/rss.xml").status_code == 404
    assert client.get("/vi/feeds/topics/nope/rss.xml").status_code == 404


def translated(capture, page, language, strings):
    # wagtail-localize publishes a translation when its transaction commits: one commit per
    # translation, as in a real request (a late commit would reset the tree's child counts).
    with capture(execute=True):
        return translate(page, language, strings)


def publish_translations(federation, capture):
    for page in (federation.home, federation.hanoi_section):
        page.save_revision().publish()
    translated(
        capture, federation.home, "en", {federation.home.title: "Vietnam General Confederation of Labour"}
    )
    translated(capture, federation.home, "ja", {federation.home.title: "ベトナム労働総同盟"})
    translated(
        capture,
        federation.hanoi_section,
        "en",
        {federation.hanoi_section.title: "Hanoi Federation of Labour"},
    )
    # Wagtail caches the site's root paths per language; new root translations need a fresh list.
    cache.clear()


def test_sitemap_lists_every_language_with_hreflang_alternates(
    client, federation, django_capture_on_commit_callbacks
):
    publish_translations(federation, django_capture_on_commit_callbacks)

    response = client.get("/sitemap.xml")

    root = ET.fromstring(response.content)
    urls = {url.findtext(f"{SITEMAP}loc"): url for url in root.findall(f"{SITEMAP}url")}
    assert (
        "http://localhost/vi/" in urls and "http://localhost/en/" in urls and "http://localhost/ja/" in urls
    )
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in urls["http://localhost/en/"].findall(f"{XHTML}link")
    }
    assert alternates == {
        "vi": "http://localhost/vi/",
        "en": "http://localhost/en/",
        "ja": "http://localhost/ja/",
        "x-default": "http://localhost/vi/",
    }


def test_pages_carry_open_graph_and_twitter_metadata(client, newsroom):
    article = NewsArticlePageFactory(
        parent=newsroom.hanoi_news, title="Hội nghị người lao động", lead="Tóm tắt."
    )

    html = client.get(article.url).content.decode()

    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Hội nghị người lao động">' in html
    assert '<meta property="og:description" content="Tóm tắt.">' in html
    assert f'<meta property="og:url" content="http://localhost{article.url}">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert '<meta property="og:locale" content="vi_VN">' in html
    home = client.get("/vi/").content.decode()
    assert '<meta property="og:type" content="website">' in home


def test_share_links_work_without_javascript(client, newsroom):
    article = NewsArticlePageFactory(parent=newsroom.hanoi_news)

    html = client.get(article.url).content.decode()

    full_url = f"http://localhost{article.url}"
    assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Flocalhost" in html
    assert "https://sp.zalo.me/plugins/share?href=http%3A%2F%2Flocalhost" in html
    assert f'value="{full_url}" readonly' in html


def test_api_serves_news_fields_filtered_by_unit_topic_and_type(client, newsroom):
    wages = TopicFactory(slug="wages")
    tagged = NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Lương Hà Nội", author="Phóng viên A")
    tagged.topics.set([wages])
    tagged.save()
    NewsArticlePageFactory(parent=newsroom.saigon_news, title="Lương TP.HCM")
    AnnouncementPageFactory(parent=newsroom.hanoi_news, title="Thông báo Hà Nội")

    by_unit = client.get("/api/v2/pages/", {"unit": "HN", "type": "news.NewsItemPage"}).json()
    assert sorted(item["title"] for item in by_unit["items"]) == ["Lương Hà Nội", "Thông báo Hà Nội"]
    by_topic = client.get("/api/v2/pages/", {"topic": "wages"}).json()
    assert [item["title"] for item in by_topic["items"]] == ["Lương Hà Nội"]
    detail = client.get(f"/api/v2/pages/{tagged.pk}/").json()
    assert detail["lead"] and detail["topic_slugs"] == ["wages"]
    assert detail["unit_summary"] == {"code": "HN", "name": "Liên đoàn Lao động thành phố Hà Nội", "level": 2}


def test_api_exposes_nothing_personal(client, newsroom):
    announcement = AnnouncementPageFactory(parent=newsroom.hanoi_news, owner=newsroom.hanoi_editor)
    Receipt.objects.create(
        translation_key=announcement.translation_key, unit=newsroom.grassroots, read_by=newsroom.officer
    )

    body = client.get(f"/api/v2/pages/{announcement.pk}/").content.decode()

    for personal in ("editor.hn", "canbo.nghiatan", "owner", "read_by", "receipt", "@example.org"):
        assert personal not in body
    assert client.get("/api/v2/pages/", {"unit": "x" * 40}).status_code == 400


def test_translated_item_is_listed_in_its_language(client, federation, django_capture_on_commit_callbacks):
    from news.factories import NewsIndexPageFactory

    capture = django_capture_on_commit_callbacks
    publish_translations(federation, capture)
    index = NewsIndexPageFactory(parent=federation.hanoi_section)
    index.save_revision().publish()
    english_index = translated(capture, index, "en", {"Tin tức": "News"})
    article = NewsArticlePageFactory(parent=index, title="Hội thao công nhân", lead="Tin ngắn.")
    article.save_revision().publish()
    NewsArticlePageFactory(parent=index, title="Chỉ có tiếng Việt").save_revision().publish()
    translated(
        capture, article, "en", {"Hội thao công nhân": "Workers' sports festival", "Tin ngắn.": "In brief."}
    )

    response = client.get(english_index.url)
    assert response.status_code == 200

    # The untranslated item appears once, in Vietnamese; the translated one in English.
    titles = [item.title for item in response.context["items"]]
    assert titles == ["Chỉ có tiếng Việt", "Workers' sports festival"]

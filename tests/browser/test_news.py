"""A grassroots officer opens an announcement from the inbox and marks it acknowledged."""

import re

import pytest

from news.factories import AnnouncementPageFactory, NewsArticlePageFactory
from news.models import Receipt
from news.tests import conftest as news_fixtures
from tests.browser.conftest import assert_accessible

# The news app's fixtures, shared with these browser tests.
newsroom = news_fixtures.newsroom
fresh_counts_and_cache = news_fixtures.fresh_counts_and_cache

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_reads_and_acknowledges_an_announcement(page, newsroom):
    announcement = AnnouncementPageFactory(
        parent=newsroom.hanoi_news,
        title="Thông báo nộp báo cáo quý III",
        target_levels="4",
        priority="urgent",
    )
    AnnouncementPageFactory(
        parent=newsroom.cau_giay_news, title="Thông báo họp Ban Chấp hành", target_levels="4"
    )

    page.goto("/en/inbox/")
    # Sent to allauth's sign-in form, in English like the page asked for.
    page.wait_for_url(re.compile(r"/en/accounts/login/\?next=/en/inbox/$"))
    page.locator("input[name=login]").fill("canbo.nghiatan")
    page.locator("input[name=password]").fill("pw")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/en/inbox/")
    assert page.get_by_role("heading", level=1).inner_text() == "Inbox"
    assert page.get_by_text("2 unread").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Unread: Thông báo nộp báo cáo quý III").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Thông báo nộp báo cáo quý III"
    assert Receipt.objects.get(translation_key=announcement.translation_key).acknowledged_at is None
    assert_accessible(page)

    page.get_by_role("button", name="Mark as acknowledged").click()
    assert page.get_by_text("Acknowledged on").is_visible()
    assert Receipt.objects.get(translation_key=announcement.translation_key).acknowledged_at is not None

    page.get_by_role("link", name="Back to the inbox").click()
    page.get_by_label("Show").select_option("unread")
    page.get_by_role("button", name="Apply").click()
    titles = page.locator(".inbox-row__title").all_inner_texts()
    assert [title.replace("Unread:", "").strip() for title in titles] == ["Thông báo họp Ban Chấp hành"]


def test_news_listing_and_article_are_accessible(page, newsroom):
    NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Hội thao công nhân Thủ đô")

    page.goto("/en/ha-noi/tin-tuc/")
    assert_accessible(page)
    page.get_by_role("link", name="Hội thao công nhân Thủ đô").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Hội thao công nhân Thủ đô"
    assert_accessible(page)


def test_share_links_and_copy_field_work_without_javascript(browser, live_server, newsroom):
    article = NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Hội thao công nhân Thủ đô")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(article.url)
        assert "facebook.com/sharer" in page.get_by_role("link", name="Facebook").get_attribute("href")
        # article.url is the Vietnamese page: "Link to this page" and "Copy link" as in the catalogue.
        assert page.get_by_label("Đường dẫn tới trang này").input_value().endswith(article.url)
        # The copy button needs JavaScript, so it stays hidden; the field can still be copied by hand.
        assert not page.get_by_role("button", name="Sao chép đường dẫn").is_visible()
    finally:
        context.close()

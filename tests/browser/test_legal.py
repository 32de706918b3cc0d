"""A worker opens a law from its table of contents and shares an article's permalink."""

import pytest

from legal_library.tests import conftest as legal_fixtures
from tests.browser.conftest import assert_accessible

library = legal_fixtures.library

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_table_of_contents_and_article_permalink(page, library):
    url = "/en" + library.code.url.removeprefix("/vi")
    page.goto(url)
    assert page.get_by_role("heading", level=1).inner_text() == "Bộ luật Lao động mẫu"
    toc = page.get_by_role("navigation", name="Table of contents")
    toc.get_by_role("link", name="Article 3. Quyền đơn phương chấm dứt hợp đồng").click()
    page.wait_for_url("**#dieu-3")
    assert page.locator("#dieu-3").is_visible()
    assert_accessible(page)

    # A permalink to a clause opens the page at that clause, highlighted as the target.
    page.goto(url + "#dieu-3-khoan-2")
    clause = page.locator("#dieu-3-khoan-2")
    assert clause.is_visible()
    assert page.evaluate("document.querySelector(':target').id") == "dieu-3-khoan-2"
    assert "Không cần báo trước" in clause.inner_text()

    # The point-in-time view shows the earlier wording of the amended article.
    page.get_by_label("Show the text in force on").fill("2022-03-01")
    page.get_by_role("button", name="Show", exact=True).click()
    assert "Ít nhất 45 ngày" in page.locator("#dieu-3").inner_text()
    assert_accessible(page)


def test_library_search_with_facets_is_accessible(page, library):
    page.goto("/en" + library.shelf.url.removeprefix("/vi"))
    page.get_by_label("Search the library").fill("452019qh14")
    page.locator("form.legal-search").get_by_role("button", name="Search", exact=True).click()
    assert page.get_by_role("link", name="Bộ luật Lao động mẫu", exact=True).is_visible()
    assert_accessible(page)

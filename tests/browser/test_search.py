"""Searching on a phone: suggestions while typing, folded results, facets, and the plain form."""

import pytest
from django.urls import reverse
from django.utils import translation

from search import registry
from search.indexing import update_object
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture
def searchable_sections(federation):
    from federations.models import FederationPage

    registry.register(FederationPage, kind="test.section", label="Union sections")
    for section in (federation.hanoi_section, federation.saigon_section):
        section.intro = "<p>Tư vấn pháp luật và bảo vệ quyền lợi người lao động.</p>"
        section.save_revision().publish()
        update_object(section)
    yield federation
    registry.unregister("test.section")


def test_suggestions_appear_from_the_second_letter_without_diacritics(page, searchable_sections):
    page.goto("/vi/")  # suggestions come in the visitor's language; the sections are Vietnamese
    box = page.locator("#site-search")
    box.press_sequentially("ho chi", delay=30)
    suggestion = page.get_by_role("option").filter(has_text="Liên đoàn Lao động Thành phố Hồ Chí Minh")
    suggestion.wait_for()
    assert_accessible(page)
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "site-search-suggestion-0"
    box.press("Enter")
    page.wait_for_url("**/tp-ho-chi-minh/")


def test_search_page_highlights_folded_matches_and_filters_by_unit(page, searchable_sections):
    with translation.override("vi"):  # the Vietnamese path is translated: /vi/tim-kiem/
        search_path = reverse("search:search")
    page.goto(f"{search_path}?q=nguoi+lao+dong&lang=all")
    results = page.locator(".search-result")
    assert results.count() == 2
    assert results.first.locator(".search-result__snippet mark").first.inner_text() == "người"
    assert_accessible(page)
    page.locator(".search-facets a", has_text="Liên đoàn Lao động thành phố Hà Nội").click()
    page.wait_for_url("**unit=*")
    assert page.locator(".search-result").count() == 1
    assert "q=nguoi+lao+dong" in page.url


def test_plain_form_works_without_javascript(browser, live_server, searchable_sections):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/en/")
    page.get_by_role("searchbox", name="Search the portal").fill("quyen loi")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url("**/en/search/?q=quyen+loi")
    assert page.get_by_role("status").inner_text().startswith("0 results")
    page.get_by_role("link", name="Show results in all languages").click()
    assert page.locator(".search-result").count() == 2
    assert page.get_by_role("option").count() == 0
    context.close()


def test_empty_search_page_gives_guidance(page, searchable_sections):
    page.goto("/en/search/")
    assert "Diacritics are optional" in page.locator("main").inner_text()
    assert_accessible(page)

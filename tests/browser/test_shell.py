"""The shell a member sees first: home in Vietnamese, language switcher, search box."""

import pytest

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


def test_home_renders_in_vietnamese_switches_to_english_and_searches(page, federation_with_translations):
    page.goto("/")
    assert page.url.endswith("/vi/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("heading", level=1).inner_text() == "Tổng Liên đoàn Lao động Việt Nam"
    assert_accessible(page)

    page.get_by_role("navigation", name="Ngôn ngữ").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Vietnam General Confederation of Labour"

    search_box = page.get_by_role("searchbox", name="Search the portal")
    search_box.fill("Hanoi")
    search_box.press("Enter")
    page.wait_for_url("**/en/search/?q=Hanoi")
    assert "Hanoi" in page.get_by_role("status").inner_text()
    assert_accessible(page)


def test_unit_browser_finds_a_unit_without_diacritics(page, federation):
    page.goto("/vi/don-vi/")
    page.get_by_label("Tìm đơn vị theo tên hoặc mã (không cần dấu)").fill("nghia tan")
    page.get_by_role("button", name="Tìm", exact=True).click()
    page.get_by_role("link", name="Công đoàn cơ sở Trường Tiểu học Nghĩa Tân").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Công đoàn cơ sở Trường Tiểu học Nghĩa Tân"
    assert_accessible(page)

"""A member asks the legal assistant on a phone: with JavaScript the answer appears in place,
with its article and the adviser button; without JavaScript the same form posts and comes back."""

import pytest

from assistant.factories import build_library
from assistant.models import Exchange
from members.factories import MemberFactory
from tests.browser.conftest import assert_accessible, log_in, member_account

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def assistant(federation_with_translations):
    library = build_library(federation_with_translations.home, english=True)
    user = member_account()
    MemberFactory(unit=federation_with_translations.grassroots, full_name="Nguyễn Thị Hằng", account=user)
    return library


def test_a_conversation_with_the_assistant(page, assistant):
    url = assistant.page_en.url
    page.goto(url)
    assert page.get_by_role("link", name="Sign in").count() >= 1  # the login prompt
    log_in(page)
    page.goto(url)
    assert_accessible(page)

    page.get_by_label("Your question").fill("hdld ko thoi han nghi viec bao truoc bao lau")
    page.get_by_role("button", name="Ask", exact=True).click()
    answer = page.locator(".assistant-exchange").first
    answer.wait_for()
    assert "40 ngày" in answer.inner_text()
    assert page.url.endswith(f"?c={Exchange.objects.get().conversation_id}")  # fetch, no reload
    assert answer.get_by_role("link", name="Ask a union legal adviser").is_visible()
    assert "This is general information, not legal advice." in answer.inner_text()
    assert answer.get_by_role("link", name="Article 3, clause 1, Bộ luật Lao động mẫu").count() == 1
    assert page.evaluate("document.activeElement.textContent") == "Assistant"

    # A second question in the same conversation, then "no, not helpful".
    page.get_by_label("Your question").fill("<b>gia vang</b> hom nay")
    page.get_by_role("button", name="Ask", exact=True).click()
    second = page.locator(".assistant-exchange").nth(1)
    second.wait_for()
    assert "I am not sure I know the answer to this." in second.inner_text()
    assert "<b>gia vang</b>" in second.inner_text()  # shown as text, not markup
    second.get_by_role("button", name="No").click()
    page.locator(".assistant-exchange").nth(1).get_by_text("You found this unhelpful").wait_for()
    assert Exchange.objects.order_by("pk").last().helpful is False
    assert_accessible(page)

    # The conversation is in the member's list and reads the same after a reload.
    page.reload()
    assert page.locator(".assistant-exchange").count() == 2
    assert page.get_by_role("navigation", name="Your conversations").get_by_role("link").count() >= 2


def test_without_javascript_the_form_posts_and_comes_back(browser, live_server, assistant):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    log_in(page)
    page.goto(assistant.page_en.url)
    page.get_by_label("Your question").fill("luong thu viec 70% co dung ko")
    page.get_by_role("button", name="Ask", exact=True).click()
    page.wait_for_load_state()
    assert "85%" in page.locator(".assistant-exchange").first.inner_text()
    assert "#answer-" in page.url
    context.close()

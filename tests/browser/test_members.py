"""The membership card on a phone: it stays on screen without a network, and the checker
verifies a card's signature in the browser when offline."""

import datetime

import pytest

from federations.factories import UnitFactory
from members import card
from members.factories import MemberFactory
from tests.browser.conftest import assert_accessible, log_in, member_account

pytestmark = pytest.mark.browser


@pytest.fixture
def linked_member(federation):
    user = member_account()
    unit = UnitFactory(parent=federation.cau_giay, code="HN-CG-02", name_vi="Công đoàn cơ sở Sao Mai")
    return MemberFactory(
        unit=unit,
        member_number="HN0000001",
        full_name="Nguyễn Thị Hằng",
        account=user,
        card_expires=datetime.date.today() + datetime.timedelta(days=400),
    )


def test_the_card_page_still_shows_the_card_offline(page, linked_member):
    log_in(page)
    page.goto("/en/members/card/")
    assert page.get_by_role("heading", level=1).inner_text() == "My membership card"
    assert_accessible(page)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now under the service worker's control: the card is kept
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.context.set_offline(True)
    page.reload()
    assert page.locator("#card-name").inner_text() == "Nguyễn Thị Hằng"
    assert page.locator(".card-status__offline").is_visible()
    assert "Last refreshed" in page.locator("#card-status").inner_text()


def test_the_checker_verifies_a_card_in_the_browser_without_a_network(page, linked_member):
    token = card.sign(card.claims_for(linked_member))
    page.goto("/card/verify/")
    assert_accessible(page)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.context.set_offline(True)
    page.goto(f"/card/verify/?t={token}")
    result = page.locator("#verify-result")
    result.locator(".verify-result__verdict").wait_for()
    page.wait_for_function("document.querySelector('#verify-result dl') !== null")
    assert "Nguyễn Thị Hằng" in result.inner_text()
    assert "HN-CG-02" in result.inner_text()
    assert_accessible(page)
    forged = token[:-6] + ("AAAAAA" if not token.endswith("AAAAAA") else "BBBBBB")
    page.goto(f"/card/verify/?t={forged}")
    page.wait_for_function("document.querySelector('#verify-result').className.includes('invalid')")

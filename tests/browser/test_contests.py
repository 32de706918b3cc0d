"""A whole contest attempt in a phone-sized Chromium: register, timer, answers saved as chosen,
resume after reload, submit; the timer running out; and the same without JavaScript."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from contests.factories import ContestPageFactory, QuestionBankFactory, QuestionFactory, add_round
from contests.models import Attempt
from demo.translation import translate
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def contest(federation_with_translations):
    fed = federation_with_translations
    bank = QuestionBankFactory(unit=fed.hanoi)
    for n in range(6):
        QuestionFactory(bank=bank, text=f"Câu hỏi {n}?")
    contest = ContestPageFactory(
        parent=fed.hanoi_section,
        question_bank=bank,
        slug="cuoc-thi",
        title="Cuộc thi",
        questions_per_attempt=3,
    )
    contest.save_revision().publish()
    add_round(contest, -timedelta(hours=1))
    translate(contest, "en", {"Cuộc thi": "The contest"})
    return contest


def register_and_start(page) -> None:
    page.goto("/en/ha-noi/cuoc-thi/")
    page.get_by_label("Full name", exact=True).fill("Phạm Thu Hà")
    page.get_by_label("Phone number", exact=True).fill("0912 000 111")
    page.get_by_label("Your grassroots union", exact=True).fill("HN-CG-01")
    page.get_by_label(re.compile("I agree")).check()
    page.get_by_role("button", name="Register").click()
    page.get_by_role("button", name="Start an attempt").click()
    page.wait_for_url("**/contests/attempts/**")


def test_a_whole_attempt_with_the_timer_autosave_and_resume(page, contest):
    page.goto("/en/ha-noi/cuoc-thi/")
    assert_accessible(page)
    register_and_start(page)

    timer = page.locator("#timer")
    page.wait_for_function("document.getElementById('timer').textContent.includes(':')")
    first_reading = timer.inner_text()
    assert re.fullmatch(r"(19|20):\d\d", first_reading)
    page.wait_for_timeout(2100)
    assert timer.inner_text() != first_reading
    assert page.locator("#timer-label").inner_text() == "Time left"
    assert_accessible(page)

    questions = page.locator("fieldset.question")
    assert questions.count() == 3
    questions.nth(0).get_by_role("radio").nth(1).check()
    page.get_by_role("status").filter(has_text="All answers saved.").wait_for()
    assert page.locator("#answered-count").inner_text() == "1"

    page.reload()  # a dropped connection: everything chosen so far is still there
    assert page.locator("fieldset.question").nth(0).get_by_role("radio").nth(1).is_checked()

    for index in range(3):
        page.locator("fieldset.question").nth(index).get_by_role("radio").nth(0).check()
    page.get_by_label(re.compile("Prediction")).fill("42")
    page.get_by_role("button", name="Submit answers").click()
    page.wait_for_url("**/result/")
    assert re.search(r"\d of 3 correct", page.locator("#score").inner_text())
    assert_accessible(page)
    attempt = Attempt.objects.get()
    assert attempt.submitted_at is not None and attempt.prediction == 42


def test_the_attempt_is_submitted_when_the_timer_runs_out(page, contest):
    register_and_start(page)
    attempt = Attempt.objects.get()
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=4))
    page.reload()
    page.locator("fieldset.question").nth(0).get_by_role("radio").nth(0).check()
    page.wait_for_url("**/result/", timeout=15_000)
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None
    assert attempt.answers  # the choice made before time ran out was scored


def test_without_javascript_the_deadline_shows_and_buttons_save_and_submit(browser, live_server, contest):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    page = context.new_page()
    try:
        register_and_start(page)
        assert page.locator("#timer-label").inner_text() == "Time is up at"
        assert re.fullmatch(r"\d\d:\d\d:\d\d", page.locator("#timer").inner_text())
        page.locator("fieldset.question").nth(1).get_by_role("radio").nth(2).check()
        page.get_by_role("button", name="Save answers").click()
        assert page.locator("fieldset.question").nth(1).get_by_role("radio").nth(2).is_checked()
        assert page.locator("#answered-count").inner_text() == "1"
        page.get_by_role("button", name="Submit answers").click()
        page.wait_for_url("**/result/")
        assert "of 3 correct" in page.locator("#score").inner_text()
    finally:
        context.close()

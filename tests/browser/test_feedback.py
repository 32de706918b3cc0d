"""A member files a request with an attachment on a phone and finds it in their list."""

import datetime

import pytest

from federations.factories import UnitFactory
from feedback.models import Case
from members.factories import MemberFactory
from tests.browser.conftest import assert_accessible, log_in, member_account

pytestmark = pytest.mark.browser


@pytest.fixture
def linked_member(federation, settings, tmp_path):
    settings.FEEDBACK_PRIVATE_ROOT = tmp_path / "private"
    user = member_account()
    unit = UnitFactory(parent=federation.cau_giay, code="HN-CG-02", name_vi="Công đoàn cơ sở Sao Mai")
    return MemberFactory(
        unit=unit,
        full_name="Nguyễn Thị Hằng",
        account=user,
        card_expires=datetime.date.today() + datetime.timedelta(days=400),
    )


def test_a_member_files_a_request_with_an_attachment_and_sees_it_in_their_list(page, linked_member, tmp_path):
    payslip = tmp_path / "bang-luong.pdf"
    payslip.write_bytes(b"%PDF-1.4 bang luong thang 3")
    log_in(page)
    page.goto("/en/members/card/")
    page.get_by_role("link", name="My requests to the union").click()
    page.get_by_role("link", name="Send a new request").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Send a request to your union"
    assert_accessible(page)

    # An empty description is refused, and what was typed stays.
    page.get_by_label("Wages and pay").check()
    page.get_by_label("Employer (company name)").fill("Công ty TNHH May Sông Hồng")
    page.get_by_role("button", name="Send the request").click()
    assert "the description is empty" in page.locator("form.stacked").inner_text()
    assert page.get_by_label("Employer (company name)").input_value() == "Công ty TNHH May Sông Hồng"
    assert_accessible(page)

    page.get_by_label("Describe the problem or your request").fill("Công ty nợ lương tháng 3 của cả tổ may.")
    page.get_by_label("Attachments (optional)").set_input_files(str(payslip))
    page.get_by_role("button", name="Send the request").click()
    page.wait_for_load_state()
    case = Case.objects.get()
    assert page.url.endswith(f"/en/feedback/cases/{case.pk}/")
    assert "Your request was sent to" in page.locator(".messages").inner_text()
    assert page.get_by_role("link", name="bang-luong.pdf").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="All my requests").click()
    item = page.locator(".case-list li")
    assert item.count() == 1
    assert case.tracking_code in item.inner_text() and "New" in item.inner_text()
    assert_accessible(page)
    assert case.attachments.get().name == "bang-luong.pdf"


def test_an_anonymous_request_is_followed_with_its_code_on_another_device(
    page, browser, live_server, linked_member
):
    from feedback import services

    case = services.open_case(
        member=linked_member, category="safety", description="Xưởng B quá nóng.", anonymous=True
    )
    page.goto("/en/feedback/track/")
    assert_accessible(page)
    page.get_by_label("Tracking code").fill(case.tracking_code.lower())
    page.get_by_role("button", name="Show the request").click()
    assert "Xưởng B quá nóng." in page.locator("main").inner_text()
    assert_accessible(page)


def test_an_editors_form_shows_no_honeypot_to_people(page, federation, settings, tmp_path):
    from wagtail.models import Page

    from feedback.models import FeedbackFormField, FeedbackFormPage

    settings.FEEDBACK_PRIVATE_ROOT = tmp_path / "private"
    survey = FeedbackFormPage(title="Khảo sát", slug="khao-sat")
    federation.hanoi_section.add_child(instance=survey)
    FeedbackFormField.objects.create(page=survey, label="Ý kiến", field_type="multiline", required=True)
    FeedbackFormField.objects.create(page=survey, label="Ảnh", field_type="file", required=False)
    survey.save_revision().publish()
    page.goto(Page.objects.get(pk=survey.pk).url)
    assert not page.locator("input[name=website]").is_visible()
    assert_accessible(page)
    page.get_by_label("Ý kiến").fill("Cần thêm quạt.")
    page.locator("form.stacked button[type=submit]").click()
    page.wait_for_load_state()
    assert survey.get_submissions().count() == 1

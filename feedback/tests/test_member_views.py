"""The member's side: filing (named and anonymous), bad input, the list, the case page, writing back."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from feedback import services
from feedback.factories import CaseFactory
from feedback.models import Case, CaseEvent, Status

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 bang luong thang 3"


def pdf(name="bang-luong.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def form_data(**extra):
    return {
        "category": "wages",
        "description": "Công ty nợ lương tháng 3 và tháng 4 của cả tổ may.",
        "employer": "Công ty TNHH May Sông Hồng",
        **extra,
    }


@pytest.fixture
def hang_client(client, tree):
    client.force_login(tree.hang.account)
    return client


def test_a_member_files_a_request_with_an_attachment_and_sees_it(hang_client, tree, english):
    response = hang_client.post("/en/feedback/new/", form_data(attachments=[pdf()]))
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/feedback/cases/{case.pk}/"
    assert case.member == tree.hang and case.unit == tree.grassroots and case.filed_by == tree.hang.account
    assert case.attachments.get().name == "bang-luong.pdf"
    page = hang_client.get(response["Location"]).content.decode()
    assert "Công ty nợ lương tháng 3" in page and "bang-luong.pdf" in page
    listing = hang_client.get("/en/feedback/").content.decode()
    assert case.tracking_code in listing and "Wages and pay" in listing


def test_the_form_shows_each_categorys_guidance(hang_client, english):
    page = hang_client.get("/en/feedback/new/").content.decode()
    assert "attach a payslip or contract" in page
    assert 'aria-describedby="guidance-safety"' in page


def test_an_anonymous_request_gives_a_tracking_code_and_is_followed_without_login(
    hang_client, client, tree, english
):
    response = hang_client.post("/en/feedback/new/", form_data(anonymous="on"))
    case = Case.objects.get()
    assert response.status_code == 200 and case.tracking_code in response.content.decode()
    assert case.member is None
    assert case.tracking_code not in hang_client.get("/en/feedback/").content.decode()

    hang_client.logout()
    stranger = client
    assert stranger.get(f"/en/feedback/track/{case.pk}/")["Location"] == "/en/feedback/track/"
    wrong = stranger.post("/en/feedback/track/", {"code": "AAAABBBBCCCC"})
    assert wrong.status_code == 404 and "No anonymous request has this code" in wrong.content.decode()
    code = case.tracking_code.lower()
    response = stranger.post("/en/feedback/track/", {"code": f"{code[:6]} {code[6:]}"})
    assert response["Location"] == f"/en/feedback/track/{case.pk}/"
    assert "Công ty nợ lương" in stranger.get(response["Location"]).content.decode()
    stranger.post(f"/en/feedback/track/{case.pk}/", {"text": "Bổ sung: công ty còn nợ tiền tăng ca."})
    assert case.events.filter(kind=CaseEvent.Kind.MEMBER_MESSAGE, author=None).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (form_data(description="   "), "the description is empty"),
        (form_data(attachments=[pdf("virus.exe", b"MZ\x90\x00")]), "is not an accepted file type"),
        (form_data(attachments=[pdf("bang-luong.pdf", b"MZ\x90\x00")]), "does not look like a PDF file"),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_the_text(hang_client, data, message, english):
    response = hang_client.post("/en/feedback/new/", data)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert "Công ty TNHH May Sông Hồng" in page
    assert not Case.objects.exists()


def test_a_file_too_large_is_refused_with_the_limit(hang_client, settings, english):
    settings.FEEDBACK_MAX_ATTACHMENT_BYTES = 1024
    response = hang_client.post("/en/feedback/new/", form_data(attachments=[pdf(content=PDF + b"x" * 2000)]))
    assert response.status_code == 400
    assert "attachments may be at most 1.0\xa0KB" in response.content.decode()
    assert "Công ty nợ lương tháng 3" in response.content.decode()


def test_too_many_requests_in_an_hour_are_refused_with_the_text_kept(hang_client, settings, english):
    settings.FEEDBACK_CASES_PER_HOUR = 2
    for _ in range(2):
        assert hang_client.post("/en/feedback/new/", form_data()).status_code == 302
    response = hang_client.post("/en/feedback/new/", form_data(description="Lần thứ ba: vẫn nợ lương."))
    assert response.status_code == 429
    assert "You have sent 2 requests in the last hour" in response.content.decode()
    assert "Lần thứ ba: vẫn nợ lương." in response.content.decode()
    assert Case.objects.count() == 2


def test_a_refused_form_does_not_use_up_the_allowance(hang_client, settings):
    settings.FEEDBACK_CASES_PER_HOUR = 1
    hang_client.post("/en/feedback/new/", form_data(description=""))
    assert hang_client.post("/en/feedback/new/", form_data()).status_code == 302


def test_someone_without_a_linked_membership_is_sent_to_link_it(client, tree):
    client.force_login(tree.grassroots_officer)
    assert client.get("/vi/feedback/new/")["Location"] == reverse("members:link")


def test_the_member_sees_replies_but_not_internal_notes_or_reasons(hang_client, tree, english):
    case = CaseFactory(member=tree.hang)
    services.add_note(case, "GHI CHÚ NỘI BỘ", by=tree.grassroots_officer)
    services.escalate(case, by=tree.grassroots_officer, reason="LÝ DO NỘI BỘ")
    services.reply(case, "Công đoàn đã làm việc với công ty.", by=tree.upper_officer)
    page = hang_client.get(f"/en/feedback/cases/{case.pk}/").content.decode()
    assert "Công đoàn đã làm việc với công ty." in page
    assert "Answered" in page
    assert "Passed on to" in page
    assert "GHI CHÚ NỘI BỘ" not in page and "LÝ DO NỘI BỘ" not in page


def test_the_member_reopens_an_answered_request(hang_client, tree, english):
    case = CaseFactory(member=tree.hang)
    services.reply(case, "Đã xong.", by=tree.grassroots_officer)
    page = hang_client.get(f"/en/feedback/cases/{case.pk}/").content.decode()
    assert "Reopen and send" in page
    hang_client.post(f"/en/feedback/cases/{case.pk}/", {"text": "Công ty vẫn chưa trả."})
    case.refresh_from_db()
    assert case.status == Status.REOPENED


def test_an_empty_message_is_refused(hang_client, tree, english):
    case = CaseFactory(member=tree.hang)
    response = hang_client.post(f"/en/feedback/cases/{case.pk}/", {"text": ""})
    assert response.status_code == 400 and "Write a message." in response.content.decode()


def _queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # the site's shell (menus, footer) is cached after the first request
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_the_list_and_case_page_cost_the_same_queries_for_10_or_100_items(hang_client, tree):
    def add(count):
        for case in CaseFactory.create_batch(count, member=tree.hang):
            services.reply(case, "Trả lời", by=tree.grassroots_officer)
        for n in range(count):
            services.add_note(first, f"note {n}", by=tree.grassroots_officer)
            services.member_message(first, f"tin nhắn {n}", attachments=[pdf()])

    first = CaseFactory(member=tree.hang)
    add(10)
    small = (_queries(hang_client, "/vi/feedback/"), _queries(hang_client, f"/vi/feedback/cases/{first.pk}/"))
    add(90)
    large = (_queries(hang_client, "/vi/feedback/"), _queries(hang_client, f"/vi/feedback/cases/{first.pk}/"))
    assert small == large
    assert max(large) <= 25
    assert hang_client.get("/vi/feedback/").content.decode().count('class="card"') == 101

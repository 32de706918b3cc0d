import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from jobs.factories import JobPostPageFactory
from jobs.forms import ApplicationForm
from jobs.models import JobApplication

from .conftest import docx_bytes, pdf_bytes

pytestmark = pytest.mark.django_db


def apply(client, post, message="Tôi có 5 năm kinh nghiệm hàn.", cv=None, **extra):
    data = {"message": message}
    if cv is not None:
        data["cv"] = cv
    return client.post(post.url, data, **extra)


def test_visitor_is_asked_to_log_in_and_cannot_apply(client, people):
    html = client.get(people.post.url).content.decode()
    assert "job-apply-form" not in html
    assert "/accounts/login/?next=" in html
    response = apply(client, people.post)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not JobApplication.objects.exists()


def test_account_without_membership_is_sent_to_link_it(client, people):
    client.force_login(people.stranger)
    response = apply(client, people.post)
    assert response.status_code == 302
    assert response["Location"] == reverse("members:link")
    assert not JobApplication.objects.exists()


def test_member_applies_with_a_pdf_kept_out_of_public_media(client, people, private_media, settings):
    client.force_login(people.applicant.account)
    assert 'class="stacked job-apply-form"' in client.get(people.post.url).content.decode()
    cv = SimpleUploadedFile("Nguyen Thi Hang CV.pdf", pdf_bytes(), content_type="application/pdf")
    response = apply(client, people.post, cv=cv)
    assert response.status_code == 302
    application = JobApplication.objects.get()
    assert (application.post_id, application.member, application.unit) == (
        people.post.pk,
        people.applicant,
        people.post.section().unit,
    )
    assert application.status == JobApplication.Status.RECEIVED
    assert application.cv_name == "Nguyen Thi Hang CV.pdf"
    stored = Path(application.cv.path)
    assert stored.is_relative_to(private_media)
    assert not stored.is_relative_to(settings.MEDIA_ROOT)
    assert stored.read_bytes() == pdf_bytes()
    # The member's name is not in the stored file name.
    assert "Hang" not in stored.name
    with pytest.raises(ValueError):
        application.cv.url  # noqa: B018 - no public URL exists
    html = client.get(people.post.url).content.decode()
    assert "job-apply-form" not in html
    assert 'class="job-applied"' in html


def test_a_docx_is_accepted_by_its_content(client, people):
    client.force_login(people.applicant.account)
    # Named .doc on the phone, but the bytes are a Word document.
    cv = SimpleUploadedFile("cv.doc", docx_bytes(), content_type="application/octet-stream")
    assert apply(client, people.post, cv=cv).status_code == 302
    assert JobApplication.objects.get().cv.name.endswith(".docx")


def test_cv_is_optional(client, people):
    client.force_login(people.applicant.account)
    assert apply(client, people.post).status_code == 302
    assert not JobApplication.objects.get().cv


def test_one_application_per_member_and_post_in_any_language(client, people):
    client.force_login(people.applicant.account)
    apply(client, people.post)
    response = apply(client, people.post, message="Lần hai", follow=True)
    assert JobApplication.objects.count() == 1
    assert JobApplication.objects.get().message != "Lần hai"
    assert response.status_code == 200


CV_NOT_A_DOCUMENT = "must be a PDF or a Word (.docx) file"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cv.pdf", b"this is just text pretending to be a PDF"),
        ("cv.docx", docx_bytes(with_document=False)),  # a ZIP, but a spreadsheet
        ("cv.exe", b"MZ\x90\x00\x03"),
    ],
)
def test_a_cv_that_is_not_pdf_or_docx_is_refused_and_the_message_kept(client, people, name, content):
    client.force_login(people.applicant.account)
    response = apply(client, people.post, message="Tôi biết hàn TIG", cv=SimpleUploadedFile(name, content))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_cv-errors"' in html
    assert "Tôi biết hàn TIG</textarea>" in html
    assert not JobApplication.objects.exists()
    with translation.override("en"):
        form = ApplicationForm({"message": "x"}, {"cv": SimpleUploadedFile(name, content)})
        assert CV_NOT_A_DOCUMENT in form.errors["cv"][0]


def test_a_cv_over_the_size_limit_is_refused_with_the_limit(client, people, settings):
    settings.JOB_CV_MAX_BYTES = 1024
    client.force_login(people.applicant.account)
    big = pdf_bytes() + b"0" * 2048
    response = apply(client, people.post, message="Xin ứng tuyển", cv=SimpleUploadedFile("cv.pdf", big))
    assert response.status_code == 400
    assert 'id="id_cv-errors"' in response.content.decode()
    assert "Xin ứng tuyển</textarea>" in response.content.decode()
    assert not JobApplication.objects.exists()
    with translation.override("en"):
        form = ApplicationForm({"message": "x"}, {"cv": SimpleUploadedFile("cv.pdf", big)})
        assert "is 2.1\xa0KB; the limit is 1.0\xa0KB" in form.errors["cv"][0]


def test_an_empty_message_is_refused(client, people):
    client.force_login(people.applicant.account)
    response = apply(client, people.post, message="")
    assert response.status_code == 400
    assert not JobApplication.objects.exists()


def test_closed_post_and_post_without_portal_applications_take_none(client, people):
    today = timezone.localdate()
    closed = JobPostPageFactory(
        parent=people.post.get_parent(),
        apply_in_portal=True,
        posted_date=today - datetime.timedelta(days=20),
        closing_date=today - datetime.timedelta(days=1),
    )
    by_phone = JobPostPageFactory(parent=people.post.get_parent(), apply_in_portal=False)
    client.force_login(people.applicant.account)
    for post in (closed, by_phone):
        assert "job-apply-form" not in client.get(post.url).content.decode()
        assert apply(client, post).status_code == 302
    assert not JobApplication.objects.exists()


def test_member_sees_own_applications_and_their_status(client, people, django_assert_max_num_queries):
    client.force_login(people.applicant.account)
    apply(client, people.post)
    apply(client, people.saigon_post)
    JobApplication.objects.filter(post=people.saigon_post).update(status=JobApplication.Status.INTERVIEW)
    url = reverse("jobs:my_applications")
    with django_assert_max_num_queries(40) as few:
        html = client.get(url).content.decode()
    few_count = len(few.captured_queries)
    assert "Thợ hàn điện tử" in html and "Công nhân may" in html
    assert "job-status--interview" in html and "job-status--received" in html
    for _n in range(8):
        post = JobPostPageFactory(parent=people.post.get_parent(), apply_in_portal=True)
        apply(client, post)
    with django_assert_max_num_queries(few_count):
        response = client.get(url)
    assert len(response.context["applications"]) == 10
    # Another member sees none of them.
    client.force_login(people.other.account)
    assert "Thợ hàn điện tử" not in client.get(url).content.decode()


def test_contact_details_are_never_on_the_public_post_page(client, people):
    client.force_login(people.applicant.account)
    apply(client, people.post)
    client.logout()
    html = client.get(people.post.url).content.decode()
    assert "0912 345 678" not in html
    assert "hang@example.org" not in html
    assert "Nguyễn Thị Hằng" not in html

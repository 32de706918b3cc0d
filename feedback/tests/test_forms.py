"""Editors' forms: private uploads, spam guards, submissions tied to the member, CSV/XLSX export."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from openpyxl import load_workbook
from wagtail.models import Page

from conftest import download_after_second_factor
from feedback.models import FeedbackFormField, FeedbackFormPage, FeedbackFormSubmission

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(tree):
    page = FeedbackFormPage(title="Khảo sát điều kiện làm việc", slug="khao-sat", to_address="")
    tree.hanoi_section.add_child(instance=page)
    FeedbackFormField.objects.create(
        page=page, label="Họ và tên", field_type="singleline", required=True, sort_order=0
    )
    FeedbackFormField.objects.create(
        page=page, label="Ảnh chụp", field_type="file", required=False, sort_order=1
    )
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def post(client, survey, **extra):
    data = {"ho_va_ten": "Nguyễn Thị Hằng", **extra}
    return client.post(survey.url, data)


def photo():
    return SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n....", content_type="image/png")


def test_the_form_builder_offers_a_file_upload_field(english):
    assert ("file", "File upload") in [
        (value, str(label)) for value, label in FeedbackFormField._meta.get_field("field_type").choices
    ]


def test_a_signed_in_members_submission_is_tied_to_them_and_the_file_kept_privately(
    client, tree, survey, private_files
):
    client.force_login(tree.hang.account)
    response = post(client, survey, anh_chup=photo())
    assert response.status_code == 200
    submission = FeedbackFormSubmission.objects.get()
    assert submission.member == tree.hang and submission.user == tree.hang.account
    stored = submission.form_data["anh_chup"]["stored"]
    assert (private_files / stored).read_bytes().startswith(b"\x89PNG")
    assert "website" not in submission.form_data
    # Listed by its permission-checked address, never a path under MEDIA_URL.
    assert submission.get_data()["anh_chup"] == f"/vi/feedback/forms/{submission.pk}/anh_chup/"


def test_only_the_forms_editors_download_uploads(client, tree, survey):
    post(client, survey, anh_chup=photo())
    url = FeedbackFormSubmission.objects.get().get_data()["anh_chup"]
    assert client.get(url).status_code == 403  # nobody signed in
    client.force_login(tree.hang.account)
    assert client.get(url).status_code == 403
    client.force_login(tree.saigon_editor)
    assert client.get(url).status_code == 403
    client.force_login(tree.hanoi_editor)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_a_disallowed_file_is_refused_with_the_answers_kept(client, survey):
    response = client.post(
        survey.url,
        {"ho_va_ten": "Nguyễn Thị Hằng", "anh_chup": SimpleUploadedFile("x.exe", b"MZ")},
    )
    assert response.status_code == 400
    assert "“x.exe”" in response.content.decode()  # the message names the file and the accepted types
    assert "PDF, PNG" in response.content.decode()
    assert "Nguyễn Thị Hằng" in response.content.decode()
    assert not FeedbackFormSubmission.objects.exists()


def test_a_bot_filling_the_honeypot_is_thanked_and_nothing_kept(client, survey):
    response = post(client, survey, website="http://spam.example")
    assert response.status_code == 200
    assert not FeedbackFormSubmission.objects.exists()


def test_too_many_submissions_from_one_address_are_refused_with_the_answers_kept(client, survey, settings):
    settings.FEEDBACK_FORM_SUBMISSIONS_PER_HOUR = 2
    for _ in range(2):
        assert post(client, survey).status_code == 200
    response = post(client, survey, ho_va_ten="Lần thứ ba")
    assert response.status_code == 429
    assert "Lần thứ ba" in response.content.decode()
    assert FeedbackFormSubmission.objects.count() == 2


def test_submissions_export_as_csv_and_xlsx(client, tree, survey):
    client.force_login(tree.hang.account)
    post(client, survey, anh_chup=photo())
    client.force_login(tree.hanoi_editor)
    url = f"/admin/forms/submissions/{survey.pk}/"
    csv = client.get(url, {"export": "csv"})
    assert csv.status_code == 200
    text = (
        b"".join(csv.streaming_content).decode("utf-8-sig")
        if csv.streaming
        else csv.content.decode("utf-8-sig")
    )
    assert "Nguyễn Thị Hằng" in text and tree.hang.member_number in text
    xlsx = client.get(url, {"export": "xlsx"})
    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    assert "Nguyễn Thị Hằng" in rows[1]
    assert tree.hang.member_number in rows[1]


def test_editors_of_another_unit_cannot_export(client, tree, survey):
    client.force_login(tree.saigon_editor)
    response = client.get(f"/admin/forms/submissions/{survey.pk}/", {"export": "csv"})
    assert response.status_code in (302, 403)


@override_settings(STAFF_REQUIRE_MFA=True)
def test_an_editor_downloads_an_upload_only_after_the_second_factor(client, tree, survey):
    post(client, survey, anh_chup=photo())
    url = FeedbackFormSubmission.objects.get().get_data()["anh_chup"]
    response = download_after_second_factor(client, tree.hanoi_editor, url)
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_an_upload_missing_from_storage_is_a_404(client, tree, survey, private_files):
    post(client, survey, anh_chup=photo())
    submission = FeedbackFormSubmission.objects.get()
    (private_files / submission.form_data["anh_chup"]["stored"]).unlink()
    client.force_login(tree.hanoi_editor)
    assert client.get(submission.get_data()["anh_chup"]).status_code == 404

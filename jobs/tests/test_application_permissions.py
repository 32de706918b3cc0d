"""Who sees an application: the applicant, the officers of the post's unit and of the units above
it, superusers. Nobody else, in any view: an officer of another unit (or of a unit below the
post's) sees nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from conftest import download_after_second_factor
from jobs.models import JobApplication

from .conftest import pdf_bytes

pytestmark = pytest.mark.django_db

# Who may see the Hanoi application (the post belongs to the Hanoi federation's section).
OFFICERS_WHO_SEE = {"hanoi_officer", "central_officer", "superuser"}
EVERYONE = [
    "anonymous",
    "applicant",
    "other",
    "stranger",
    "hanoi_officer",
    "central_officer",
    "cau_giay_officer",
    "saigon_officer",
    "superuser",
]


@pytest.fixture
def application(client, people):
    client.force_login(people.applicant.account)
    cv = SimpleUploadedFile("hang.pdf", pdf_bytes())
    client.post(people.post.url, {"message": "Xin ứng tuyển vị trí thợ hàn.", "cv": cv})
    client.logout()
    return JobApplication.objects.get()


def login_as(client, people, who: str) -> None:
    if who == "anonymous":
        return
    user = getattr(people, who)
    client.force_login(user if who not in ("applicant", "other") else user.account)


def admin_urls(pk: int) -> dict[str, str]:
    return {
        "index": reverse("job_applications:index"),
        "inspect": reverse("job_applications:inspect", args=[pk]),
        "edit": reverse("job_applications:edit", args=[pk]),
    }


@pytest.mark.parametrize("who", EVERYONE)
def test_admin_views_show_the_application_only_to_officers_of_the_unit_and_above(
    client, people, application, who
):
    login_as(client, people, who)
    sees = who in OFFICERS_WHO_SEE
    urls = admin_urls(application.pk)

    index = client.get(urls["index"])
    assert (index.status_code == 200 and "Nguyễn Thị Hằng" in index.content.decode()) is sees

    inspect = client.get(urls["inspect"])
    inspect_html = inspect.content.decode()
    # Contact details: only there, only for them.
    assert (inspect.status_code == 200 and "0912 345 678" in inspect_html) is sees
    assert (inspect.status_code == 200 and "hang@example.org" in inspect_html) is sees
    if not sees:
        assert inspect.status_code in (302, 403, 404)

    edit = client.get(urls["edit"])
    assert (edit.status_code == 200) is sees
    changed = client.post(urls["edit"], {"status": JobApplication.Status.CONTACTED})
    application.refresh_from_db()
    assert (application.status == JobApplication.Status.CONTACTED) is sees
    if sees:
        assert changed.status_code == 302
        assert application.status_changed_at is not None


@pytest.mark.parametrize("who", EVERYONE)
def test_cv_download_only_for_the_applicant_and_the_officers_of_the_unit_and_above(
    client, people, application, who
):
    login_as(client, people, who)
    response = client.get(reverse("jobs:application_cv", args=[application.pk]))
    allowed = who in OFFICERS_WHO_SEE | {"applicant"}
    if allowed:
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == pdf_bytes()
        assert response["Content-Disposition"].startswith('attachment; filename="hang.pdf"')
        assert response["Cache-Control"] == "private, no-store"
    elif who == "anonymous":
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("who", EVERYONE)
def test_my_applications_lists_only_the_members_own(client, people, application, who):
    login_as(client, people, who)
    response = client.get(reverse("jobs:my_applications"))
    shown = response.status_code == 200 and "Thợ hàn điện tử" in response.content.decode()
    assert shown is (who == "applicant")


def test_nobody_creates_applications_in_the_admin_and_only_superusers_delete(client, people, application):
    client.force_login(people.hanoi_officer)
    assert client.get("/admin/job_applications/new/").status_code in (302, 403)
    delete_url = reverse("job_applications:delete", args=[application.pk])
    client.post(delete_url)
    assert JobApplication.objects.filter(pk=application.pk).exists()
    client.force_login(people.superuser)
    client.post(delete_url)
    assert not JobApplication.objects.filter(pk=application.pk).exists()


def test_officers_filter_applications_per_post_among_their_own_posts(client, people, application):
    client.force_login(people.saigon_officer)
    html = client.get(reverse("job_applications:index")).content.decode()
    # The Hanoi post is not even offered as a filter to Saigon's officer.
    assert "Thợ hàn điện tử" not in html
    client.force_login(people.hanoi_officer)
    html = client.get(reverse("job_applications:index"), {"post": people.post.pk}).content.decode()
    assert "Nguyễn Thị Hằng" in html
    html = client.get(reverse("job_applications:index"), {"status": "hired"}).content.decode()
    assert "Nguyễn Thị Hằng" not in html


def test_admin_list_query_count_does_not_grow_with_applications(
    client, people, application, django_assert_max_num_queries
):
    from jobs.factories import JobPostPageFactory
    from members.factories import MemberFactory

    client.force_login(people.hanoi_officer)
    url = reverse("job_applications:index")
    with django_assert_max_num_queries(60) as few:
        client.get(url)
    few_count = len(few.captured_queries)
    for n in range(10):
        post = JobPostPageFactory(parent=people.post.get_parent(), apply_in_portal=True, title=f"Việc {n}")
        member = MemberFactory(unit=people.applicant.unit)
        JobApplication.objects.create(post=post, member=member, unit=application.unit, message="…")
    with django_assert_max_num_queries(few_count):
        response = client.get(url)
    assert response.content.decode().count("Việc ") >= 10


@override_settings(STAFF_REQUIRE_MFA=True)
def test_an_officer_downloads_a_cv_only_after_the_second_factor(client, people, application):
    url = reverse("jobs:application_cv", args=[application.pk])
    response = download_after_second_factor(client, people.hanoi_officer, url)
    assert b"".join(response.streaming_content) == pdf_bytes()


@override_settings(STAFF_REQUIRE_MFA=True)
def test_the_applicant_downloads_her_own_cv_without_a_second_factor(client, people, application):
    client.force_login(people.applicant.account)
    response = client.get(reverse("jobs:application_cv", args=[application.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()


def test_a_cv_missing_from_storage_is_a_404(client, people, application):
    application.cv.storage.delete(application.cv.name)
    client.force_login(people.applicant.account)
    assert client.get(reverse("jobs:application_cv", args=[application.pk])).status_code == 404

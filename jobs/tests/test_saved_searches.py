import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from jobs.factories import EmployerFactory, JobPostPageFactory
from jobs.models import SavedJobSearch, SavedSearchMatch
from search.indexing import update_object

from .conftest import make_user

pytestmark = pytest.mark.django_db


def run_notices() -> str:
    out = io.StringIO()
    call_command("notify_saved_job_searches", stdout=out)
    return out.getvalue()


def publish(post):
    """Publish as an editor would: first_published_at is set and page_published is sent."""
    post.save_revision().publish()
    post.refresh_from_db()
    update_object(post)
    return post


@pytest.fixture
def worker(jobs):
    return make_user("worker")


@pytest.fixture
def saved(jobs, worker):
    """A search for union employers' jobs in Bắc Ninh, saved in English two days ago."""
    return SavedJobSearch.objects.create(
        user=worker,
        index=jobs.home_jobs,
        name="Bac Ninh union jobs",
        query="province=bac-ninh&union=on",
        language="en",
        created_at=timezone.now() - datetime.timedelta(days=2),
    )


def union_post(jobs, title, provinces=("bac-ninh",), **extra):
    employer = EmployerFactory(has_union=True)
    return publish(
        JobPostPageFactory(
            parent=jobs.hanoi_jobs, title=title, employer=employer, provinces=list(provinces), **extra
        )
    )


def test_a_member_saves_the_filters_of_the_listing_under_a_name(client, jobs, worker):
    client.force_login(worker)
    listing = client.get(jobs.home_jobs.url, {"province": "bac-ninh", "union": "on"}).content.decode()
    assert 'action="/vi/jobs/saved-searches/new/"' in listing
    response = client.post(
        "/en/jobs/saved-searches/new/",
        {
            "index": jobs.home_jobs.pk,
            "query": "province=bac-ninh&page=3&sort=&union=on&evil=1",
            "name": "Welding in Bắc Ninh",
        },
    )
    assert response.status_code == 302
    search = SavedJobSearch.objects.get()
    assert (search.user, search.name, search.language) == (worker, "Welding in Bắc Ninh", "en")
    # Only the filters are kept: no page number, no empty or unknown parameter.
    assert search.query == "province=bac-ninh&union=on"
    assert search.url == f"{jobs.home_jobs.url}?province=bac-ninh&union=on"
    page = client.get(reverse("jobs:saved_searches")).content.decode()
    assert "Welding in Bắc Ninh" in page


def test_a_search_without_a_name_is_refused_and_its_filters_kept(client, jobs, worker):
    client.force_login(worker)
    response = client.post(
        reverse("jobs:save_search"), {"index": jobs.home_jobs.pk, "query": "province=bac-ninh", "name": "  "}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_name-errors"' in html
    assert 'name="query" value="province=bac-ninh"' in html
    assert not SavedJobSearch.objects.exists()


def test_a_search_for_an_unknown_listing_is_not_found(client, jobs, worker):
    client.force_login(worker)
    for index in ("abc", "999999", ""):
        assert client.post(reverse("jobs:save_search"), {"index": index, "name": "x"}).status_code == 404
    assert not SavedJobSearch.objects.exists()


def test_visitors_are_offered_a_login_and_cannot_save(client, jobs):
    html = client.get(jobs.home_jobs.url, {"province": "bac-ninh"}).content.decode()
    assert "/accounts/login/?next=" in html
    response = client.post(reverse("jobs:save_search"), {"index": jobs.home_jobs.pk, "name": "x"})
    assert response.status_code == 302
    assert not SavedJobSearch.objects.exists()


def test_a_member_deletes_their_own_saved_search_and_no_one_elses(client, saved, jobs):
    intruder = make_user("intruder")
    client.force_login(intruder)
    url = reverse("jobs:delete_saved_search", args=[saved.pk])
    assert client.post(url).status_code == 404
    assert client.get(reverse("jobs:saved_searches")).content.decode().count("Bac Ninh union jobs") == 0
    client.force_login(saved.user)
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    assert not SavedJobSearch.objects.exists()


def test_there_is_a_limit_to_saved_searches(client, jobs, worker, english):
    client.force_login(worker)
    for n in range(20):
        SavedJobSearch.objects.create(user=worker, index=jobs.home_jobs, name=f"s{n}", language="en")
    response = client.post(
        "/en/jobs/saved-searches/new/", {"index": jobs.home_jobs.pk, "query": "", "name": "one more"}
    )
    assert response.status_code == 400
    assert "the most there can be" in response.content.decode()
    assert SavedJobSearch.objects.count() == 20


def test_new_matching_posts_are_emailed_once_in_the_members_language(jobs, saved):
    before = union_post(jobs, "Old welding job")
    SavedJobSearch.objects.filter(pk=saved.pk).update(created_at=timezone.now())
    saved.refresh_from_db()
    assert before.first_published_at < saved.created_at
    match = union_post(jobs, "Thợ hàn Bắc Ninh")
    union_post(jobs, "Thợ hàn Hà Nội", provinces=["ha-noi"])  # another province
    publish(JobPostPageFactory(parent=jobs.hanoi_jobs, title="No union", provinces=["bac-ninh"]))

    run_notices()

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["worker@example.org"]
    assert email.subject == "1 new job for “Bac Ninh union jobs”"
    assert "Thợ hàn Bắc Ninh" in email.body
    assert f"http://127.0.0.1:8000{match.url}" in email.body
    # Links in the member's language.
    assert "http://127.0.0.1:8000/en/jobs/saved-searches/" in email.body
    assert "Old welding job" not in email.body and "Hà Nội" not in email.body and "No union" not in email.body
    assert list(SavedSearchMatch.objects.values_list("post_id", flat=True)) == [match.pk]
    saved.refresh_from_db()
    assert saved.last_notified_at is not None

    # Running again finds nothing new: nobody is told twice.
    run_notices()
    assert len(mail.outbox) == 1
    assert SavedSearchMatch.objects.count() == 1

    # A later post is the only one in the next notice.
    union_post(jobs, "Thợ điện Bắc Ninh")
    run_notices()
    assert len(mail.outbox) == 2
    assert "Thợ điện Bắc Ninh" in mail.outbox[1].body
    assert "Thợ hàn Bắc Ninh" not in mail.outbox[1].body


def test_publishing_a_post_queues_the_notices_in_the_background(
    jobs, saved, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        union_post(jobs, "Thợ hàn Bắc Ninh")
    assert callbacks, "publishing queued nothing"
    # The test settings run tasks immediately; the worker does the same in production.
    assert len(mail.outbox) == 1
    assert SavedSearchMatch.objects.filter(search=saved).count() == 1


def test_closed_posts_are_not_notified_even_if_the_search_included_them(jobs, saved):
    SavedJobSearch.objects.filter(pk=saved.pk).update(query=saved.query + "&closed=on")
    today = timezone.localdate()
    union_post(
        jobs,
        "Closed welding job",
        posted_date=today - datetime.timedelta(days=10),
        closing_date=today - datetime.timedelta(days=1),
    )
    run_notices()
    assert not mail.outbox
    assert not SavedSearchMatch.objects.exists()


def test_text_of_a_saved_search_is_folded_like_the_listing(jobs, saved):
    SavedJobSearch.objects.filter(pk=saved.pk).update(query="q=tho+han")
    union_post(jobs, "Thợ hàn kết cấu", provinces=["da-nang"])
    union_post(jobs, "Kế toán", provinces=["da-nang"])
    run_notices()
    assert len(mail.outbox) == 1
    assert "Thợ hàn kết cấu" in mail.outbox[0].body
    assert "Kế toán" not in mail.outbox[0].body


def test_a_failed_email_is_retried_without_a_second_in_site_notice(jobs, saved, settings):
    union_post(jobs, "Thợ hàn Bắc Ninh")
    # A mail server that refuses connections.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    run_notices()
    match = SavedSearchMatch.objects.get()
    assert match.emailed_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_notices()
    assert len(mail.outbox) == 1
    assert SavedSearchMatch.objects.get().pk == match.pk
    assert SavedSearchMatch.objects.get().emailed_at is not None


def test_phone_only_accounts_get_the_notice_on_the_site(client, jobs, saved):
    saved.user.email = ""
    saved.user.save()
    union_post(jobs, "Thợ hàn Bắc Ninh")
    run_notices()
    assert not mail.outbox
    client.force_login(saved.user)
    page = client.get(reverse("jobs:saved_searches"))
    assert "Thợ hàn Bắc Ninh" in page.content.decode()
    assert 'id="new-matches-heading"' in page.content.decode()
    # Seen once, then no longer new.
    again = client.get(reverse("jobs:saved_searches")).content.decode()
    assert 'id="new-matches-heading"' not in again


def test_saved_searches_page_query_count_does_not_grow(client, jobs, saved, django_assert_max_num_queries):
    client.force_login(saved.user)
    union_post(jobs, "Việc 0")
    run_notices()
    SavedSearchMatch.objects.update(seen_at=None)
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("jobs:saved_searches"))
    few_count = len(few.captured_queries)
    for n in range(1, 10):
        union_post(jobs, f"Việc {n}")
        SavedJobSearch.objects.create(
            user=saved.user, index=jobs.home_jobs, name=f"Search {n}", language="vi"
        )
    run_notices()
    SavedSearchMatch.objects.update(seen_at=None)
    with django_assert_max_num_queries(few_count):
        html = client.get(reverse("jobs:saved_searches")).content.decode()
    assert html.count("Việc ") >= 10

"""Editors write job posts in Wagtail's admin: bad input is refused with a reason, the form kept."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from jobs.factories import EmployerFactory
from jobs.models import JobPostPage

pytestmark = pytest.mark.django_db


def post_form(employer, **overrides):
    today = datetime.date.today()
    data = {
        "title": "Tuyển thợ hàn",
        "slug": "tuyen-tho-han",
        "employer": employer.pk,
        "industry": employer.industry.pk,
        "employment_type": "full_time",
        "openings": 5,
        "locations": inline_formset([{"province": "bac-ninh", "district": "KCN Quế Võ"}]),
        "salary_min": 9_000_000,
        "salary_max": 12_000_000,
        "description": rich_text("<p>Hàn kết cấu thép.</p>"),
        "requirements": rich_text(""),
        "benefits": rich_text(""),
        "working_hours": "",
        "posted_date": today.isoformat(),
        "closing_date": (today + datetime.timedelta(days=30)).isoformat(),
        "apply_in_portal": "on",
        "apply_phone": "",
        "apply_email": "",
        "apply_url": "",
        "apply_notes": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["jobs", "jobpostpage", index.pk])


def test_an_editor_writes_a_post_that_takes_applications_in_the_portal(client, jobs):
    client.force_login(jobs.hanoi_editor)
    response = client.post(add_url(jobs.hanoi_jobs), post_form(EmployerFactory()))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    post = JobPostPage.objects.get(slug="tuyen-tho-han")
    assert post.apply_in_portal
    assert [location.province for location in post.locations.all()] == ["bac-ninh"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"salary_min": 15_000_000, "salary_max": 9_000_000},
            "The maximum salary must not be below the minimum",
        ),
        (
            {"posted_date": "2026-03-10", "closing_date": "2026-03-01"},
            "The closing date must not be before the posting date",
        ),
        (
            {"locations": inline_formset([{"province": "atlantis", "district": "KCN Quế Võ"}])},
            "Select a valid choice. atlantis is not one of the available choices.",
        ),
        ({"apply_in_portal": ""}, "Give at least one way to apply"),
    ],
)
def test_bad_input_is_refused_with_the_reason_and_the_form_kept(client, jobs, overrides, message):
    client.force_login(jobs.hanoi_editor)
    response = client.post(
        add_url(jobs.hanoi_jobs), post_form(EmployerFactory(), **overrides), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    # What the editor typed is still there.
    assert 'value="Tuyển thợ hàn"' in html
    assert 'value="KCN Quế Võ"' in html
    assert not JobPostPage.objects.filter(slug="tuyen-tho-han").exists()

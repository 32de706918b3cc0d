import datetime

import pytest
from django.utils import timezone

from jobs.factories import EmployerFactory, IndustryFactory, JobIndexPageFactory, JobPostPageFactory
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture
def job_board(federation):
    today = timezone.localdate()
    index = JobIndexPageFactory(parent=federation.home, slug="viec-lam")
    union = EmployerFactory(
        name="Công ty Điện tử Sao Mai",
        industry=IndustryFactory(name="Điện tử", slug="electronics"),
        has_union=True,
        agreement_grade="A",
        agreement_year=2024,
    )
    plain = EmployerFactory(
        name="Công ty May Bình Minh", industry=IndustryFactory(name="Dệt may", slug="garments")
    )
    JobPostPageFactory(parent=index, title="Thợ hàn điện tử", employer=union, provinces=["bac-ninh"])
    JobPostPageFactory(
        parent=index, title="Công nhân may", employer=plain, provinces=["thanh-pho-ho-chi-minh"]
    )
    closed = JobPostPageFactory(
        parent=index,
        title="Bảo vệ ca đêm",
        employer=union,
        posted_date=today - datetime.timedelta(days=30),
        closing_date=today - datetime.timedelta(days=1),
    )
    return index, closed


def test_worker_filters_jobs_on_a_phone_and_the_filters_stay_in_the_url(page, job_board):
    index, _closed = job_board
    page.goto(index.url)
    cards = page.locator(".job-list .job-card")
    assert cards.count() == 2
    assert_accessible(page)

    page.locator("#id_province").select_option("bac-ninh")
    page.locator("#id_union").check()
    page.locator(".job-filters button[type=submit]").click()
    page.wait_for_url("**province=bac-ninh**")
    assert "union=on" in page.url
    assert cards.count() == 1
    assert "Thợ hàn điện tử" in cards.first.inner_text()
    # The choice is shown again, so the worker sees what is filtered.
    assert page.locator("#id_province").input_value() == "bac-ninh"
    assert page.locator("#id_union").is_checked()
    assert_accessible(page)

    # Reloading the shared URL gives the same result.
    page.goto(page.url)
    assert cards.count() == 1


def test_closed_post_shows_its_banner_and_no_way_to_apply(page, job_board):
    _index, closed = job_board
    page.goto(closed.url)
    assert page.locator(".job-closed").is_visible()
    assert page.locator("#apply-heading").count() == 0
    assert_accessible(page)

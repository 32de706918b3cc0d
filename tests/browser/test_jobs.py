"""Jobs on a cheap phone (360×740): filtering with the filters kept in the URL, saving the search,
and applying with a CV."""

import datetime

import pytest
from django.utils import timezone

from jobs.factories import EmployerFactory, IndustryFactory, JobIndexPageFactory, JobPostPageFactory
from jobs.models import JobApplication, SavedJobSearch
from members.factories import MemberFactory
from tests.browser.conftest import assert_accessible, log_in, member_account

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


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
    welder = JobPostPageFactory(
        parent=index, title="Thợ hàn điện tử", employer=union, provinces=["bac-ninh"], apply_in_portal=True
    )
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
    return index, welder, closed


@pytest.fixture
def member(federation):
    user = member_account()
    return MemberFactory(unit=federation.grassroots, full_name="Nguyễn Thị Hằng", account=user)


def test_worker_filters_jobs_on_a_phone_and_the_filters_stay_in_the_url(page, job_board):
    page.set_viewport_size(PHONE)
    index, _welder, _closed = job_board
    page.goto(index.url)
    cards = page.locator(".job-list .job-card")
    assert cards.count() == 2
    # Nothing is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
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
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)

    # Reloading the shared URL gives the same result.
    page.goto(page.url)
    assert cards.count() == 1


def test_member_saves_a_filtered_search_on_a_phone(page, job_board, member):
    page.set_viewport_size(PHONE)
    index, _welder, _closed = job_board
    log_in(page)
    page.goto(f"{index.url}?province=bac-ninh&union=on")
    page.locator(".job-save-search input[name=name]").fill("Hàn ở Bắc Ninh")
    page.locator(".job-save-search button[type=submit]").click()
    page.wait_for_url("**/jobs/saved-searches/")
    assert page.get_by_role("link", name="Hàn ở Bắc Ninh").is_visible()
    assert_accessible(page)
    assert SavedJobSearch.objects.get().query == "province=bac-ninh&union=on"
    page.get_by_role("link", name="Hàn ở Bắc Ninh").click()
    assert page.locator(".job-list .job-card").count() == 1


def test_member_applies_with_a_cv_and_sees_the_status(page, job_board, member, tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    page.set_viewport_size(PHONE)
    _index, welder, _closed = job_board
    not_a_cv = tmp_path / "cv.pdf"
    not_a_cv.write_bytes(b"just some text, not a PDF")
    cv = tmp_path / "Nguyen Thi Hang.pdf"
    cv.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    log_in(page)
    page.goto(welder.url)
    form = page.locator(".job-apply-form")
    assert_accessible(page)

    # A file that is not a PDF or a Word document is refused and the message kept.
    form.locator("textarea").fill("Tôi có 5 năm kinh nghiệm hàn TIG.")
    form.locator("input[type=file]").set_input_files(str(not_a_cv))
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#id_cv-errors").is_visible()
    assert page.locator(".job-apply-form textarea").input_value() == "Tôi có 5 năm kinh nghiệm hàn TIG."
    assert not JobApplication.objects.exists()
    assert_accessible(page)

    page.locator(".job-apply-form input[type=file]").set_input_files(str(cv))
    page.locator(".job-apply-form button[type=submit]").click()
    page.wait_for_selector(".job-applied")
    application = JobApplication.objects.get()
    assert application.cv_name == "Nguyen Thi Hang.pdf"
    assert_accessible(page)

    page.locator(".job-applied a").click()
    page.wait_for_url("**/jobs/applications/")
    assert "Thợ hàn điện tử" in page.locator("table").inner_text()
    assert_accessible(page)


def test_closed_post_shows_its_banner_and_no_way_to_apply(page, job_board):
    _index, _welder, closed = job_board
    page.goto(closed.url)
    assert page.locator(".job-closed").is_visible()
    assert page.locator("#apply-heading").count() == 0
    assert_accessible(page)

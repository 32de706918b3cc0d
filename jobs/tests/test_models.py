import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jobs.factories import EmployerFactory, JobPostPageFactory
from jobs.models import JobLocation
from jobs.validators import validate_tax_code

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["0100109106", "0100109106-001"])
def test_well_formed_tax_codes_are_accepted(code):
    validate_tax_code(code)


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("01001091", "tax_code_format"),
        ("0100109106-1", "tax_code_format"),
        ("0100109107", "tax_code_check_digit"),
    ],
)
def test_malformed_tax_codes_are_refused_with_the_reason(code, reason):
    with pytest.raises(ValidationError) as caught:
        validate_tax_code(code)
    assert caught.value.code == reason


def test_agreement_grade_needs_a_union_and_a_year(english):
    employer = EmployerFactory.build(has_union=False, agreement_grade="A", agreement_year=2024)
    employer.industry = EmployerFactory().industry
    with pytest.raises(ValidationError) as caught:
        employer.full_clean()
    assert "grassroots union" in str(caught.value.message_dict["agreement_grade"])
    employer.has_union, employer.agreement_year = True, None
    with pytest.raises(ValidationError) as caught:
        employer.full_clean()
    assert "agreement_year" in caught.value.message_dict


def test_post_refuses_salary_minimum_above_maximum_and_closing_before_posting(jobs, english):
    post = JobPostPageFactory(parent=jobs.hanoi_jobs)
    post.salary_min, post.salary_max = 15_000_000, 9_000_000
    post.closing_date = post.posted_date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        post.full_clean()
    errors = caught.value.message_dict
    assert "below the minimum" in errors["salary_max"][0]
    assert "before the posting date" in errors["closing_date"][0]


def test_post_needs_a_salary_or_negotiable_and_a_way_to_apply(jobs, english):
    post = JobPostPageFactory(parent=jobs.hanoi_jobs)
    post.salary_min = post.salary_max = None
    post.apply_phone = ""
    with pytest.raises(ValidationError) as caught:
        post.full_clean()
    assert set(caught.value.message_dict) >= {"salary_negotiable", "apply_phone"}
    post.salary_negotiable, post.apply_email = True, "tuyendung@example.vn"
    post.full_clean()


def test_unknown_province_is_refused(jobs):
    post = JobPostPageFactory(parent=jobs.hanoi_jobs)
    location = JobLocation(page=post, province="atlantis")
    with pytest.raises(ValidationError) as caught:
        location.full_clean()
    assert "province" in caught.value.message_dict


def test_post_is_open_through_its_closing_day():
    today = timezone.localdate()
    post = JobPostPageFactory.build(closing_date=today)
    assert not post.is_closed_on(today)
    assert post.is_closed_on(today + datetime.timedelta(days=1))

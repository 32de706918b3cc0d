"""Factories for employers and job posts, used by tests, the demo and the benchmark."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from .models import Employer, EmploymentType, Industry, JobIndexPage, JobLocation, JobPostPage
from .validators import tax_code_check_digit


def valid_tax_code(n: int) -> str:
    """The n-th well-formed tax code (skipping prefixes whose check digit would be 10)."""
    while True:
        first_nine = f"{100000000 + n:09d}"
        digit = tax_code_check_digit(first_nine)
        if digit < 10:
            return f"{first_nine}{digit}"
        n += 1_000_000


class IndustryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Industry

    name = factory.Sequence(lambda n: f"Ngành {n}")
    slug = factory.Sequence(lambda n: f"industry-{n}")
    locale = factory.LazyFunction(Locale.get_default)


class EmployerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employer

    name = factory.Sequence(lambda n: f"Công ty TNHH Số {n}")
    tax_code = factory.Sequence(valid_tax_code)
    industry = factory.SubFactory(IndustryFactory)
    province = "ha-noi"
    locale = factory.LazyFunction(Locale.get_default)


class JobIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = JobIndexPage

    title = "Việc làm"
    slug = "viec-lam"


class JobPostPageFactory(wagtail_factories.PageFactory):
    """`JobPostPageFactory(parent=index, provinces=["ha-noi", "bac-ninh"])`."""

    class Meta:
        model = JobPostPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Tuyển công nhân may số {n}")
    slug = factory.Sequence(lambda n: f"viec-lam-{n}")
    employer = factory.SubFactory(EmployerFactory)
    industry = factory.SelfAttribute("employer.industry")
    employment_type = EmploymentType.FULL_TIME
    salary_min = 8_000_000
    salary_max = 12_000_000
    description = "<p>Làm việc tại nhà máy, được đào tạo nghề.</p>"
    posted_date = factory.LazyFunction(timezone.localdate)
    closing_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    apply_phone = "024 3825 1234"

    @factory.post_generation
    def provinces(obj, create, extracted, **kwargs):
        for order, province in enumerate(extracted or ["ha-noi"]):
            location = JobLocation(page=obj, province=province, sort_order=order)
            if create:
                location.save()

"""Employers, industries and job posts, published by federation units."""

from __future__ import annotations

import datetime
import json

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from federations.models import FederationPage, SectionIndexPage

from ..provinces import PROVINCE_CHOICES, PROVINCES
from ..validators import validate_tax_code

TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class Industry(TranslatableMixin, models.Model):
    """An industry ("Garments", "Electronics"), one row per language; the slug is shared."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("industry")
        verbose_name_plural = _("industries")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_industry_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name


class EmployerSize(models.TextChoices):
    MICRO = "micro", _("Fewer than 10 workers")
    SMALL = "small", _("10 to 99 workers")
    MEDIUM = "medium", _("100 to 499 workers")
    LARGE = "large", _("500 workers or more")


class AgreementGrade(models.TextChoices):
    A = "A", _("A (much better than the law)")
    B = "B", _("B (better than the law)")
    C = "C", _("C (as the law requires)")
    D = "D", _("D (below the law, to be renegotiated)")


class Employer(TranslatableMixin, models.Model):
    """A company that posts jobs through a union unit.

    Whether it has a grassroots union and how its collective agreement is graded are
    recorded by the federation, never by the employer itself.
    """

    name = models.CharField(_("name"), max_length=255)
    tax_code = models.CharField(
        _("tax code"),
        max_length=14,
        validators=[validate_tax_code],
        help_text=_("10 digits, or 10 digits, a hyphen and 3 digits for a branch."),
    )
    industry = models.ForeignKey(
        Industry, on_delete=models.PROTECT, related_name="employers", verbose_name=_("industry")
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    province = models.CharField(_("province"), max_length=40, choices=PROVINCE_CHOICES)
    size = models.CharField(_("size"), max_length=10, choices=EmployerSize.choices, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    website = models.URLField(_("website"), blank=True)
    has_union = models.BooleanField(_("has a grassroots union"), default=False)
    agreement_grade = models.CharField(
        _("collective agreement grade"), max_length=1, choices=AgreementGrade.choices, blank=True
    )
    agreement_year = models.PositiveSmallIntegerField(
        _("year of the grading"), null=True, blank=True, validators=[MinValueValidator(1995)]
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("tax_code"),
        FieldPanel("industry"),
        FieldRowPanel([FieldPanel("province"), FieldPanel("size")]),
        FieldPanel("address"),
        FieldPanel("website"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("has_union"),
                FieldRowPanel([FieldPanel("agreement_grade"), FieldPanel("agreement_year")]),
            ],
            heading=_("Recorded by the federation"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("tax_code"),
        SynchronizedField("province"),
        SynchronizedField("size"),
        SynchronizedField("website"),
        SynchronizedField("agreement_grade"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["tax_code", "locale"], name="unique_employer_tax_code_per_locale")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if bool(self.agreement_grade) != bool(self.agreement_year):
            raise ValidationError(
                {"agreement_year": _("Give both the collective agreement grade and the year it was graded.")}
            )
        if self.agreement_grade and not self.has_union:
            raise ValidationError(
                {
                    "agreement_grade": _(
                        "Only an employer with a grassroots union has a graded collective agreement."
                    )
                }
            )
        if self.agreement_year and self.agreement_year > timezone.localdate().year:
            raise ValidationError({"agreement_year": _("The grading year cannot be in the future.")})

    @property
    def province_name(self) -> str:
        return PROVINCES.get(self.province, "")


class JobIndexPage(SectionIndexPage):
    """A unit's jobs: every open post of the unit and the units below it, searchable and filterable.

    Under the home page it is the federation-wide jobs search.
    """

    template = "jobs/job_index_page.html"
    subpage_types = ["jobs.JobPostPage"]

    class Meta:
        verbose_name = _("job index")
        verbose_name_plural = _("job indexes")

    def listing_context(self, request) -> dict:
        from ..listing import listing_context

        return listing_context(self, request)


class EmploymentType(models.TextChoices):
    FULL_TIME = "full_time", _("Full-time")
    PART_TIME = "part_time", _("Part-time")
    SEASONAL = "seasonal", _("Seasonal")
    INTERNSHIP = "internship", _("Internship")


# schema.org JobPosting.employmentType values.
SCHEMA_EMPLOYMENT_TYPES = {
    EmploymentType.FULL_TIME: "FULL_TIME",
    EmploymentType.PART_TIME: "PART_TIME",
    EmploymentType.SEASONAL: "TEMPORARY",
    EmploymentType.INTERNSHIP: "INTERN",
}

# Vietnam has one time zone; a post is open through the whole of its closing day.
VIETNAM_OFFSET = "+07:00"


class JobPostQuerySet(PageQuerySet):
    def open_on(self, day: datetime.date) -> JobPostQuerySet:
        return self.filter(closing_date__gte=day)

    def open(self) -> JobPostQuerySet:
        return self.open_on(timezone.localdate())

    def with_top_salary(self) -> JobPostQuerySet:
        """Annotates `top_salary`: the maximum, or the minimum when only a minimum is given."""
        return self.annotate(top_salary=Coalesce("salary_max", "salary_min"))


class JobPostPageManager(PageManager.from_queryset(JobPostQuerySet)):
    pass


class JobPostPage(Page):
    """One job: who hires, where, on what terms, until when, and how to apply."""

    employer = models.ForeignKey(
        Employer, on_delete=models.PROTECT, related_name="job_posts", verbose_name=_("employer")
    )
    industry = models.ForeignKey(
        Industry, on_delete=models.PROTECT, related_name="job_posts", verbose_name=_("industry")
    )
    employment_type = models.CharField(
        _("employment type"), max_length=12, choices=EmploymentType.choices, default=EmploymentType.FULL_TIME
    )
    salary_min = models.PositiveBigIntegerField(
        _("salary from (VND a month)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    salary_max = models.PositiveBigIntegerField(
        _("salary up to (VND a month)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    salary_negotiable = models.BooleanField(_("salary negotiable"), default=False)
    openings = models.PositiveSmallIntegerField(_("openings"), default=1, validators=[MinValueValidator(1)])
    description = RichTextField(_("description"), features=TEXT_FEATURES)
    requirements = RichTextField(_("requirements"), blank=True, features=TEXT_FEATURES)
    benefits = RichTextField(_("benefits"), blank=True, features=TEXT_FEATURES)
    working_hours = models.CharField(_("working hours"), max_length=255, blank=True)
    posted_date = models.DateField(_("posted on"), default=datetime.date.today)
    closing_date = models.DateField(_("closing date"), help_text=_("The post is open through this day."))
    apply_in_portal = models.BooleanField(
        _("apply in the portal"),
        default=False,
        help_text=_(
            "Members apply on this page with a message and an optional CV; the unit's officers see "
            "the applications in the admin."
        ),
    )
    apply_phone = models.CharField(
        _("apply by phone"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^\+?[0-9 .]{8,20}$", _("Enter a phone number of 8 to 20 digits."))],
    )
    apply_email = models.EmailField(_("apply by e-mail"), blank=True)
    apply_url = models.URLField(_("apply online (link)"), blank=True)
    apply_notes = models.CharField(
        _("how to apply"), max_length=500, blank=True, help_text=_("Documents to bring, whom to ask for.")
    )

    objects = JobPostPageManager()

    template = "jobs/job_post_page.html"
    parent_page_types = ["jobs.JobIndexPage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        FieldPanel("employer"),
        FieldPanel("industry"),
        FieldRowPanel([FieldPanel("employment_type"), FieldPanel("openings")]),
        InlinePanel("locations", label=_("Locations"), min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("salary_min"), FieldPanel("salary_max")]),
                FieldPanel("salary_negotiable"),
            ],
            heading=_("Salary"),
        ),
        FieldPanel("description"),
        FieldPanel("requirements"),
        FieldPanel("benefits"),
        FieldPanel("working_hours"),
        FieldRowPanel([FieldPanel("posted_date"), FieldPanel("closing_date")]),
        MultiFieldPanel(
            [
                FieldPanel("apply_in_portal"),
                FieldPanel("apply_phone"),
                FieldPanel("apply_email"),
                FieldPanel("apply_url"),
                FieldPanel("apply_notes"),
            ],
            heading=_("How to apply"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("requirements"),
        index.FilterField("closing_date"),
    ]
    override_translatable_fields = [
        SynchronizedField("employment_type"),
        SynchronizedField("apply_in_portal"),
        SynchronizedField("apply_phone"),
        SynchronizedField("apply_email"),
        SynchronizedField("apply_url"),
    ]

    class Meta:
        verbose_name = _("job post")
        verbose_name_plural = _("job posts")

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list] = {}
        if self.salary_min and self.salary_max and self.salary_min > self.salary_max:
            errors["salary_max"] = [_("The maximum salary must not be below the minimum salary.")]
        if not (self.salary_min or self.salary_max or self.salary_negotiable):
            errors["salary_negotiable"] = [_("Give a salary range, or tick “salary negotiable”.")]
        if self.closing_date and self.posted_date and self.closing_date < self.posted_date:
            errors["closing_date"] = [_("The closing date must not be before the posting date.")]
        if not (self.apply_in_portal or self.apply_phone or self.apply_email or self.apply_url):
            errors["apply_phone"] = [
                _("Give at least one way to apply: in the portal, a phone number, an e-mail or a link.")
            ]
        if errors:
            raise ValidationError(errors)

    # -- state -----------------------------------------------------------------------------

    def is_closed_on(self, day: datetime.date) -> bool:
        return self.closing_date < day

    @property
    def is_closed(self) -> bool:
        return self.is_closed_on(timezone.localdate())

    @cached_property
    def location_list(self) -> list[JobLocation]:
        return list(self.locations.all())

    def province_names(self) -> list[str]:
        return list(dict.fromkeys(location.province_name for location in self.location_list))

    @property
    def top_salary_value(self) -> int | None:
        return self.salary_max or self.salary_min

    # -- search ----------------------------------------------------------------------------

    def section(self) -> FederationPage | None:
        return FederationPage.objects.ancestor_of(self).select_related("unit").order_by("-depth").first()

    def search_document(self):
        from search.registry import Document

        section = self.section()
        body = "\n".join(
            strip_tags(text)
            for text in (
                self.employer.name,
                self.description,
                self.requirements,
                self.benefits,
                self.working_hours,
            )
            if text
        )
        return Document(
            title=self.title,
            body=body,
            url=self.url or "",
            date=self.posted_date,
            unit=section.unit if section else None,
            topic=self.industry.name,
            # A closed post stays readable but leaves the site search.
            is_public=not self.is_closed,
            keywords=[
                self.employer.tax_code,
                *self.province_names(),
                *(loc.district for loc in self.location_list),
            ],
        )

    # -- schema.org ------------------------------------------------------------------------

    def json_ld_data(self) -> dict:
        employer = self.employer
        organization: dict = {"@type": "Organization", "name": employer.name}
        if employer.website:
            organization["sameAs"] = employer.website
        data: dict = {
            "@context": "https://schema.org/",
            "@type": "JobPosting",
            "title": self.title,
            "description": self.description,
            "datePosted": self.posted_date.isoformat(),
            "validThrough": f"{self.closing_date.isoformat()}T23:59:59{VIETNAM_OFFSET}",
            "employmentType": SCHEMA_EMPLOYMENT_TYPES[self.employment_type],
            "hiringOrganization": organization,
            "identifier": {"@type": "PropertyValue", "name": employer.name, "value": employer.tax_code},
            "totalJobOpenings": self.openings,
            # Applying on the post's own page, without leaving for another site.
            "directApply": self.apply_in_portal,
            "jobLocation": [
                {
                    "@type": "Place",
                    "address": {
                        "@type": "PostalAddress",
                        "addressLocality": location.district or location.province_name,
                        "addressRegion": location.province_name,
                        "addressCountry": "VN",
                    },
                }
                for location in self.location_list
            ],
        }
        if self.salary_min or self.salary_max:
            value: dict = {"@type": "QuantitativeValue", "unitText": "MONTH"}
            if self.salary_min:
                value["minValue"] = self.salary_min
            if self.salary_max:
                value["maxValue"] = self.salary_max
            data["baseSalary"] = {"@type": "MonetaryAmount", "currency": "VND", "value": value}
        return data

    def json_ld(self) -> SafeString:
        """The JSON-LD, safe inside <script>: no "</script>" can end the element early."""
        text = json.dumps(self.json_ld_data(), ensure_ascii=False)
        for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
            text = text.replace(char, escape)
        return mark_safe(text)  # noqa: S308 - escaped above

    def get_context(self, request, *args, **kwargs):
        from ..applying import application_context

        context = super().get_context(request, *args, **kwargs)
        context["is_closed"] = self.is_closed
        context["section"] = self.section()
        context.update(application_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        """A POST is an application in the portal (like Wagtail's form pages, on the post's own URL)."""
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        from ..applying import submit_application

        outcome = submit_application(self, request)
        if isinstance(outcome, HttpResponse):
            return outcome
        context = self.get_context(request, *args, **kwargs)
        context["application_form"] = outcome
        return TemplateResponse(request, self.get_template(request, *args, **kwargs), context, status=400)


class JobLocation(Orderable):
    """Where the work is: a province and optionally a district; a post may have several."""

    page = ParentalKey(JobPostPage, on_delete=models.CASCADE, related_name="locations")
    province = models.CharField(_("province"), max_length=40, choices=PROVINCE_CHOICES)
    district = models.CharField(_("district, ward or industrial zone"), max_length=120, blank=True)

    panels = [FieldRowPanel([FieldPanel("province"), FieldPanel("district")])]
    override_translatable_fields = [SynchronizedField("province")]

    class Meta(Orderable.Meta):
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        indexes = [models.Index(fields=["province"])]

    def __str__(self) -> str:
        return f"{self.district}, {self.province_name}" if self.district else self.province_name

    @property
    def province_name(self) -> str:
        return PROVINCES.get(self.province, self.province)


def industries_in_active_language() -> models.QuerySet:
    return Industry.objects.filter(locale=Locale.get_active())

"""The jobs search: filters from the URL applied to one section's open posts, text through search."""

from __future__ import annotations

import datetime

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from django.http import HttpRequest, QueryDict
from django.utils import timezone
from wagtail.models import Page

from search.service import filter_queryset

from .forms import FILTER_PARAMETERS, JobFilterForm, SavedSearchForm
from .models import JobIndexPage, JobPostPage

PER_PAGE = 20
# Rich text is only shown on a post's own page.
LISTING_DEFERRED = ("description", "requirements", "benefits", "apply_notes")


def posts_within(section: Page) -> QuerySet[JobPostPage]:
    """Live, public posts below `section`, in its language, ready for a listing.

    The section's language rather than the active one: a reader of an untranslated section
    sees its posts in the language they were written in.
    """
    return (
        JobPostPage.objects.live()
        .public()
        .filter(path__startswith=section.path, locale_id=section.locale_id)
        .select_related("employer", "industry")
        .prefetch_related("locations")
        .defer(*LISTING_DEFERRED)
    )


def apply_filters(posts: QuerySet[JobPostPage], filters: dict, *, today: datetime.date | None = None):
    """Narrow `posts` by the cleaned filters of a JobFilterForm and order them."""
    today = today or timezone.localdate()
    if not filters.get("closed"):
        posts = posts.open_on(today)
    if province := filters.get("province"):
        posts = posts.filter(locations__province=province).distinct()
    if industry := filters.get("industry"):
        posts = posts.filter(industry__slug=industry)
    if employment_type := filters.get("type"):
        posts = posts.filter(employment_type=employment_type)
    posts = posts.with_top_salary()
    if (salary_from := filters.get("salary_from")) is not None:
        posts = posts.filter(top_salary__gte=salary_from * 1_000_000)
    if days := filters.get("posted_within"):
        posts = posts.filter(posted_date__gt=today - datetime.timedelta(days=int(days)))
    if filters.get("union"):
        posts = posts.filter(employer__has_union=True)
    if text := filters.get("q"):
        # Relevance order from the shared search service, unless the reader chose a sort.
        posts = filter_queryset(posts, text)
        if not filters.get("sort"):
            return posts
    return order(posts, filters.get("sort") or "newest")


def order(posts: QuerySet[JobPostPage], sort: str) -> QuerySet[JobPostPage]:
    if sort == "closing":
        return posts.order_by("closing_date", "-posted_date", "pk")
    if sort == "salary":
        return posts.order_by(F("top_salary").desc(nulls_last=True), "-posted_date", "pk")
    return posts.order_by("-posted_date", "-pk")


def filters_query(params: QueryDict) -> str:
    """Only the filter parameters that carry a value, in a stable order: what a saved search keeps."""
    kept = QueryDict(mutable=True)
    for name in FILTER_PARAMETERS:
        values = [value for value in params.getlist(name) if value.strip()]
        if values:
            kept.setlist(name, values)
    return kept.urlencode()


def query_without_page(params: QueryDict) -> str:
    """The current filters as a query string, for pagination links."""
    params = params.copy()
    params.pop("page", None)
    return params.urlencode()


def listing_context(index: JobIndexPage, request: HttpRequest) -> dict:
    section = index.section()
    form = JobFilterForm(request.GET or None)
    filters = form.filters()
    posts = apply_filters(posts_within(section), filters)
    page_obj: PaginatorPage = Paginator(posts, PER_PAGE).get_page(request.GET.get("page"))
    return {
        "section": section,
        "form": form,
        "filters": filters,
        "posts": page_obj.object_list,
        "page_obj": page_obj,
        "querystring": query_without_page(request.GET),
        "saved_query": filters_query(request.GET),
        "save_search_form": SavedSearchForm(),
        "today": timezone.localdate(),
    }

"""What readers see around an item: listings, "latest", "most read", related items.

Every function here does a fixed number of queries whatever the number of items.
"""

from __future__ import annotations

import hashlib

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db.models import Exists, OuterRef
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Locale

from federations.models import Level, Unit
from home.shell_cache import cached_fragment

from . import readership
from .models import (
    AnnouncementPage,
    NewsArticlePage,
    NewsIndexPage,
    NewsItemPage,
    PageKind,
    ResolutionPage,
    Topic,
)

LISTING_PAGE_SIZE = 12
MOST_READ_COUNT = 5
KIND_MODELS = {
    PageKind.ARTICLE: NewsArticlePage,
    PageKind.RESOLUTION: ResolutionPage,
    PageKind.ANNOUNCEMENT: AnnouncementPage,
}


def public_items():
    return NewsItemPage.objects.live().public()


def with_topic(items, slug: str):
    through = NewsItemPage.topics.through
    return items.filter(Exists(through.objects.filter(newsitempage_id=OuterRef("pk"), topic__slug=slug)))


def listing_items(unit: Unit, *, topic: str = "", kind: str = ""):
    items = public_items().in_language().for_unit_listing(unit)
    if topic:
        items = with_topic(items, topic)
    if kind in KIND_MODELS:
        items = items.exact_type(KIND_MODELS[kind])
    return items.for_cards()


def most_read(unit: Unit | None = None, limit: int = MOST_READ_COUNT) -> list[NewsItemPage]:
    # Shared by every page of a section; it changes only when view counts are written.
    return cached_fragment(
        "news-most-read",
        unit.pk if unit is not None else 0,
        get_language(),
        limit,
        readership.views_epoch(),
        compute=lambda: _most_read(unit, limit),
    )


def _most_read(unit: Unit | None, limit: int) -> list[NewsItemPage]:
    items = public_items().filter(locale=Locale.get_active(), views__count__gt=0)
    if unit is not None and unit.depth > 1:
        items = items.filter(unit__path__startswith=unit.path)
    return list(items.order_by("-views__count", "-pk").only("id", "title", "url_path")[:limit])


def latest(unit: Unit, limit: int = 6, kinds: tuple[str, ...] = ()) -> list[NewsItemPage]:
    items = public_items().in_language().for_unit_listing(unit)
    if kinds:
        items = items.exact_type(*(KIND_MODELS[kind] for kind in kinds))
    return list(items.for_cards()[:limit])


def highlights_from_below(unit: Unit, limit: int = 4) -> list[NewsItemPage]:
    """The newest articles of the provincial and sector federations (and the units below them)."""
    items = (
        public_items()
        .in_language()
        .exact_type(NewsArticlePage)
        .filter(
            unit__path__startswith=unit.path, unit__depth__gt=unit.depth, unit__level__gte=Level.FEDERATION
        )
    )
    return list(items.for_cards()[:limit])


class _CountedList:
    """Stands for a listing in the paginator: its count is known, only one page is ever read."""

    def __init__(self, count: int):
        self._count = count

    def count(self) -> int:
        return self._count


def listing_context(index: NewsIndexPage, request: HttpRequest) -> dict:
    # Everything here changes only when something is published (a new shell version) or,
    # for "most read", when view counts are written: one cache read each, no query once warm.
    language = get_language()
    section = cached_fragment("news-index-section", index.pk, language, compute=index.section)
    unit = section.unit
    topic = request.GET.get("topic", "")[:80]
    kind = request.GET.get("type", "")
    kind = kind if kind in KIND_MODELS else ""
    listing_key = (unit.pk, language, hashlib.sha1(topic.encode()).hexdigest(), kind)
    count = cached_fragment(
        "news-listing-count",
        *listing_key,
        compute=lambda: listing_items(unit, topic=topic, kind=kind).count(),
    )
    paginator = Paginator(_CountedList(count), LISTING_PAGE_SIZE)
    try:
        number = paginator.validate_number(request.GET.get("page") or 1)
    except PageNotAnInteger:
        number = 1
    except EmptyPage:
        number = paginator.num_pages
    start = (number - 1) * LISTING_PAGE_SIZE
    items = cached_fragment(
        "news-listing-page",
        *listing_key,
        number,
        compute=lambda: list(listing_items(unit, topic=topic, kind=kind)[start : start + LISTING_PAGE_SIZE]),
    )
    page_obj = PaginatorPage(items, number, paginator)
    topics = cached_fragment("news-topics", language, compute=lambda: list(Topic.in_active_language()))
    return {
        "section": section,
        "unit": unit,
        "page_obj": page_obj,
        "items": items,
        "topics": topics,
        "current_topic": next((t for t in topics if t.slug == topic), None),
        "kinds": [(value, label) for value, label in PageKind.choices],
        "current_kind": kind,
        "most_read": most_read(unit),
    }


def article_context(page: NewsItemPage) -> dict:
    # Topics and related items change only when something is published (a new shell version).
    topics, related = cached_fragment(
        "news-article-aside", page.pk, get_language(), compute=lambda: _topics_and_related(page)
    )
    return {"topics": topics, "related_items": related, "most_read": most_read(page.unit)}


def _topics_and_related(page: NewsItemPage) -> tuple[list[Topic], list[NewsItemPage]]:
    topic_slugs = {topic.slug for topic in page.topics.all()}
    if not topic_slugs:
        return [], []
    topics = list(Topic.localized_names(topic_slugs).values())
    through = NewsItemPage.topics.through
    sharing = through.objects.filter(newsitempage_id=OuterRef("pk"), topic__slug__in=topic_slugs)
    related = list(
        public_items()
        .filter(locale_id=page.locale_id)
        .exclude(translation_key=page.translation_key)
        .filter(Exists(sharing))
        .for_cards()[:3]
    )
    return topics, related

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from federations.models import SectionIndexPage


class NewsIndexPage(SectionIndexPage):
    """A unit's news: its own items and, marked as such, items from the levels above meant for it."""

    template = "news/news_index_page.html"
    subpage_types = ["news.NewsArticlePage", "news.ResolutionPage", "news.AnnouncementPage"]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def listing_context(self, request) -> dict:
        from ..reading import listing_context

        return listing_context(self, request)


class PageKind(models.TextChoices):
    """The `?type=` filter of a listing."""

    ARTICLE = "article", _("News")
    RESOLUTION = "resolution", _("Resolutions")
    ANNOUNCEMENT = "announcement", _("Announcements")

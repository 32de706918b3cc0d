from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from federations.models import FederationPage, parent_section


class NewsIndexPage(Page):
    """A unit's news: its own items and, marked as such, items from the levels above meant for it."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    template = "news/news_index_page.html"
    parent_page_types = ["federations.FederationPage", "home.HomePage"]
    subpage_types = ["news.NewsArticlePage", "news.ResolutionPage", "news.AnnouncementPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def section(self) -> FederationPage:
        """The section this index belongs to (its parent), with its unit."""
        return parent_section(self)

    def get_context(self, request, *args, **kwargs):
        from ..reading import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context


class PageKind(models.TextChoices):
    """The `?type=` filter of a listing."""

    ARTICLE = "article", _("News")
    RESOLUTION = "resolution", _("Resolutions")
    ANNOUNCEMENT = "announcement", _("Announcements")

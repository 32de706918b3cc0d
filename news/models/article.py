from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .base import NewsItemPage


class NewsArticlePage(NewsItemPage):
    """A news story of a unit."""

    kind = "article"

    template = "news/news_article_page.html"
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    content_panels = (
        NewsItemPage.header_panels
        + [FieldPanel("body")]
        + NewsItemPage.byline_panels
        + [FieldPanel("show_in_units_below")]
    )

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def get_context(self, request, *args, **kwargs):
        from ..reading import article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(self))
        return context

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..validators import validate_attachment
from .base import NewsItemPage


class ResolutionPage(NewsItemPage):
    """A resolution of a union congress or executive committee, with its official PDF."""

    kind = "resolution"

    number = models.CharField(
        _("number and symbol"), max_length=60, help_text=_("As printed on the document, e.g. 05-NQ/TLĐ.")
    )
    congress_session = models.CharField(
        _("congress or session"),
        max_length=200,
        help_text=_("e.g. 13th Congress, 2nd executive committee meeting."),
    )
    adopted_on = models.DateField(_("date adopted"))
    official_document = models.ForeignKey(
        get_document_model(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("official document (PDF)"),
    )
    key_points = StreamField(
        [("point", blocks.TextBlock(label=_("key point")))], blank=True, verbose_name=_("key points")
    )

    template = "news/resolution_page.html"
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    content_panels = (
        NewsItemPage.header_panels
        + [
            MultiFieldPanel(
                [
                    FieldPanel("number"),
                    FieldPanel("congress_session"),
                    FieldPanel("adopted_on"),
                    FieldPanel("official_document"),
                ],
                heading=_("The resolution"),
            ),
            FieldPanel("key_points"),
            FieldPanel("body"),
            InlinePanel("related_pages", heading=_("Related news and contests"), label=_("related page")),
        ]
        + NewsItemPage.byline_panels
        + NewsItemPage.targeting_panels
    )
    search_fields = NewsItemPage.search_fields + [
        index.SearchField("number"),
        index.SearchField("congress_session"),
        index.SearchField("key_points"),
    ]
    override_translatable_fields = NewsItemPage.override_translatable_fields + [
        SynchronizedField("number"),
        SynchronizedField("adopted_on"),
        SynchronizedField("official_document"),
    ]
    api_fields = NewsItemPage.api_fields + [
        APIField("number"),
        APIField("congress_session"),
        APIField("adopted_on"),
        APIField("official_document"),
        APIField("key_points"),
        APIField("target_levels"),
    ]

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        try:
            validate_attachment(self.official_document, frozenset({"pdf"}))
        except ValidationError as error:
            raise ValidationError({"official_document": error.messages}) from error

    def get_context(self, request, *args, **kwargs):
        from ..reading import article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(self))
        context["related"] = [
            link.page for link in self.related_pages.select_related("page") if link.page and link.page.live
        ]
        return context


class RelatedPage(Orderable):
    """A page related to a resolution: news about it today, contests about it later."""

    resolution = ParentalKey(ResolutionPage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")

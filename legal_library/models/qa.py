from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index


class LegalQAPage(Page):
    """A worker's situation in plain words, the question, the answer, and the articles it rests on."""

    situation = models.TextField(_("situation"))
    question = models.TextField(_("question"))
    answer = RichTextField(_("answer"), features=["bold", "italic", "link", "ol", "ul"])
    last_reviewed = models.DateField(_("last reviewed"))

    content_panels = Page.content_panels + [
        FieldPanel("situation"),
        FieldPanel("question"),
        FieldPanel("answer"),
        InlinePanel("citations", heading=_("Articles this answer rests on"), label=_("article"), min_num=1),
        FieldPanel("last_reviewed"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("situation"),
        index.SearchField("question"),
        index.SearchField("answer"),
    ]

    template = "legal_library/legal_qa_page.html"
    parent_page_types = ["legal_library.LegalTopicPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("legal Q&A scenario")
        verbose_name_plural = _("legal Q&A scenarios")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["citations"] = self.citations.select_related("document")
        return context

    def review_reasons(self) -> list[str]:
        from ..validity import review_reasons

        return review_reasons(self)

    def search_document(self):
        from ..search import document_for_qa

        return document_for_qa(self)


class QACitation(Orderable):
    """One article (optionally one clause) a scenario rests on; checked to exist when saved."""

    page = ParentalKey(LegalQAPage, on_delete=models.CASCADE, related_name="citations")
    document = models.ForeignKey(
        "legal_library.LegalDocumentPage",
        on_delete=models.CASCADE,
        related_name="citations",
        verbose_name=_("document"),
    )
    article = models.PositiveIntegerField(_("article number"))
    clause = models.PositiveIntegerField(_("clause number"), null=True, blank=True)

    panels = [FieldPanel("document"), FieldPanel("article"), FieldPanel("clause")]

    class Meta(Orderable.Meta):
        verbose_name = _("cited article")
        verbose_name_plural = _("cited articles")

    @property
    def anchor(self) -> str:
        return f"dieu-{self.article}-khoan-{self.clause}" if self.clause else f"dieu-{self.article}"

    def clean(self) -> None:
        from .structure import Provision

        if not self.document_id or not self.article:
            return
        if not Provision.objects.filter(document_id=self.document_id, anchor=self.anchor).exists():
            raise ValidationError(
                {
                    "article": _("%(title)s has no %(place)s: check the article and clause numbers.")
                    % {"title": self.document.title, "place": self.anchor}
                }
            )

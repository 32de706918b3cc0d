from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..numbers import normalize_number, number_key, validate_number

OFFICIAL_FILE_EXTENSIONS = (".pdf", ".docx")
OFFICIAL_FILE_MAX_BYTES = 20 * 1024 * 1024


class RelationKind(models.TextChoices):
    AMENDS = "amends", _("amends")
    REPLACES = "replaces", _("replaces")
    GUIDES = "guides", _("guides")
    REPEALS = "repeals", _("repeals")


# How the other side reads the same relation.
INVERSE_LABELS = {
    RelationKind.AMENDS: _("is amended by"),
    RelationKind.REPLACES: _("is replaced by"),
    RelationKind.GUIDES: _("is guided by"),
    RelationKind.REPEALS: _("is repealed by"),
}


class LegalDocumentPage(Page):
    """A legal document: its metadata, official file, structured text and relations."""

    document_type = models.ForeignKey(
        "legal_library.DocumentType",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("document type"),
    )
    number = models.CharField(
        _("number and symbol"),
        max_length=60,
        validators=[validate_number],
        help_text=_("For example 45/2019/QH14"),
    )
    number_key = models.CharField(max_length=60, editable=False, db_index=True)
    issuing_body = models.CharField(_("issuing body"), max_length=200)
    signer = models.CharField(_("signer"), max_length=200, blank=True)
    date_issued = models.DateField(_("date issued"))
    date_effective = models.DateField(_("date effective"))
    date_expired = models.DateField(_("date of expiry"), null=True, blank=True)
    fields_of_law = ParentalManyToManyField(
        "legal_library.LegalField", blank=True, verbose_name=_("fields of law")
    )
    topics = ParentalManyToManyField(
        "legal_library.LegalTopicPage", blank=True, related_name="documents", verbose_name=_("topics")
    )
    summary = models.TextField(_("summary"), blank=True)
    official_file = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("official file (PDF or DOCX)"),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("document_type"),
                FieldPanel("number"),
                FieldPanel("issuing_body"),
                FieldPanel("signer"),
                FieldRowPanel(
                    [FieldPanel("date_issued"), FieldPanel("date_effective"), FieldPanel("date_expired")]
                ),
                FieldPanel("fields_of_law"),
                FieldPanel("topics"),
            ],
            heading=_("Identification"),
        ),
        FieldPanel("summary"),
        FieldPanel("official_file"),
        InlinePanel("relations", heading=_("Relations to other documents"), label=_("relation")),
        InlinePanel(
            "amendments", heading=_("Articles this document amends or repeals"), label=_("amended article")
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("number")]
    api_fields = [
        APIField("number"),
        APIField("issuing_body"),
        APIField("date_issued"),
        APIField("date_effective"),
        APIField("date_expired"),
        APIField("summary"),
    ]

    template = "legal_library/legal_document_page.html"
    parent_page_types = ["legal_library.LegalLibraryPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")

    def clean(self) -> None:
        super().clean()
        self.number = normalize_number(self.number)
        errors = {}
        if self.date_issued and self.date_effective and self.date_effective < self.date_issued:
            errors["date_effective"] = _("The date effective cannot be before the date issued.")
        if self.date_expired and self.date_effective and self.date_expired <= self.date_effective:
            errors["date_expired"] = _("The date of expiry must be after the date effective.")
        if self.number and self.locale_id:
            clash = (
                LegalDocumentPage.objects.filter(number_key=number_key(self.number), locale_id=self.locale_id)
                .exclude(translation_key=self.translation_key)
                .first()
            )
            if clash:
                errors["number"] = _("Another document already has this number: %(title)s.") % {
                    "title": clash.title
                }
        if self.official_file_id:
            file = self.official_file
            if not file.filename.lower().endswith(OFFICIAL_FILE_EXTENSIONS):
                errors["official_file"] = _("The official file must be a PDF or DOCX file.")
            elif (file.file_size or 0) > OFFICIAL_FILE_MAX_BYTES:
                errors["official_file"] = _("The official file must be smaller than 20 MB.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.number = normalize_number(self.number)
        self.number_key = number_key(self.number)
        return super().save(*args, **kwargs)

    # --- Validity -------------------------------------------------------------------

    def status_on(self, day: datetime.date | None = None):
        from ..validity import status_on

        return status_on(self, day or timezone.localdate())

    def get_context(self, request, *args, **kwargs):
        from ..views import document_context

        context = super().get_context(request, *args, **kwargs)
        context.update(document_context(self, request))
        return context

    def search_document(self):
        from ..search import document_for_page

        return document_for_page(self)


class LegalRelation(Orderable):
    """`document` <kind> `target`, entered once on `document` and shown on both pages."""

    document = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("relation"), max_length=10, choices=RelationKind.choices)
    target = models.ForeignKey(
        LegalDocumentPage,
        on_delete=models.CASCADE,
        related_name="incoming_relations",
        verbose_name=_("document"),
    )
    whole = models.BooleanField(
        _("whole document"), default=True, help_text=_("Untick when only some articles are concerned.")
    )
    articles = models.CharField(
        _("articles"), max_length=200, blank=True, help_text=_("For example: 35, 36, 48")
    )

    panels = [FieldPanel("kind"), FieldPanel("target"), FieldPanel("whole"), FieldPanel("articles")]

    class Meta(Orderable.Meta):
        verbose_name = _("relation")
        verbose_name_plural = _("relations")

    def clean(self) -> None:
        from ..validity import replacement_cycle

        if not self.target_id:
            return
        if self.target_id == self.document_id:
            raise ValidationError({"target": _("A document cannot be related to itself.")})
        if not self.whole and not self.article_numbers():
            raise ValidationError({"articles": _("Name the articles concerned, separated by commas.")})
        if (
            self.kind == RelationKind.REPLACES
            and self.document_id
            and replacement_cycle(self.document_id, self.target_id)
        ):
            raise ValidationError(
                {
                    "target": _(
                        "%(title)s already replaces this document, directly or through others: a cycle of replacements is not possible."
                    )
                    % {"title": self.target.title}
                }
            )

    def article_numbers(self) -> list[int]:
        numbers = []
        for part in self.articles.replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            if not part.isdigit():
                raise ValidationError(
                    {"articles": _("Write article numbers only, separated by commas: “35, 36”.")}
                )
            numbers.append(int(part))
        return numbers

    @property
    def inverse_label(self) -> str:
        return INVERSE_LABELS[self.kind]


class ArticleAmendment(Orderable):
    """The new wording of one article of `target` (or its repeal) made by `document`.

    It takes effect on `document`'s date effective; the earlier wording stays on record,
    so the point-in-time view can show what the article said on any date.
    """

    document = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="amendments")
    target = models.ForeignKey(
        LegalDocumentPage,
        on_delete=models.CASCADE,
        related_name="incoming_amendments",
        verbose_name=_("amended document"),
    )
    article = models.PositiveIntegerField(_("article number"))
    repeals = models.BooleanField(_("repeals the article"), default=False)
    new_text = models.TextField(
        _("new wording"), blank=True, help_text=_("The whole article as amended, clauses on their own lines.")
    )

    panels = [FieldPanel("target"), FieldPanel("article"), FieldPanel("repeals"), FieldPanel("new_text")]

    class Meta(Orderable.Meta):
        verbose_name = _("amended article")
        verbose_name_plural = _("amended articles")

    def clean(self) -> None:
        from .structure import Provision

        if not self.target_id or not self.article:
            return
        if not Provision.objects.filter(document_id=self.target_id, anchor=f"dieu-{self.article}").exists():
            raise ValidationError(
                {
                    "article": _("%(title)s has no article %(number)s.")
                    % {"title": self.target.title, "number": self.article}
                }
            )
        if not self.repeals and not self.new_text.strip():
            raise ValidationError({"new_text": _("Give the new wording, or tick “repeals the article”.")})

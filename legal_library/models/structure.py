from django.db import models
from django.utils.translation import gettext_lazy as _


class ProvisionKind(models.TextChoices):
    PART = "part", _("part")
    CHAPTER = "chapter", _("chapter")
    SECTION = "section", _("section")
    ARTICLE = "article", _("article")
    CLAUSE = "clause", _("clause")
    POINT = "point", _("point")


class ProvisionQuerySet(models.QuerySet):
    def articles(self) -> "ProvisionQuerySet":
        return self.filter(kind=ProvisionKind.ARTICLE)


class Provision(models.Model):
    """One unit of a document's text, in document order.

    The structure is written by the importer (never by hand in a page revision), so a
    300-article code is one query to render and restoring an old page revision cannot
    drop its text. Clauses point at their article, points at their clause.
    """

    document = models.ForeignKey(
        "legal_library.LegalDocumentPage", on_delete=models.CASCADE, related_name="provisions"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ProvisionKind.choices)
    number = models.CharField(_("number"), max_length=20)
    heading = models.CharField(_("heading"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True)
    # Stable anchors: dieu-35, dieu-35-khoan-2, dieu-35-khoan-2-diem-a, chuong-ii.
    anchor = models.CharField(max_length=80)
    article_number = models.PositiveIntegerField(null=True, blank=True)
    sort_order = models.PositiveIntegerField()

    objects = ProvisionQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("provision")
        verbose_name_plural = _("provisions")
        constraints = [models.UniqueConstraint(fields=["document", "anchor"], name="unique_provision_anchor")]
        indexes = [models.Index(fields=["document", "kind", "article_number"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    @property
    def label(self) -> str:
        """“Điều 35”, “Khoản 2”, “Điểm a”, “Chương II” in Vietnamese; “Article 35”… in English."""
        labels = {
            ProvisionKind.PART: _("Part %(number)s"),
            ProvisionKind.CHAPTER: _("Chapter %(number)s"),
            ProvisionKind.SECTION: _("Section %(number)s"),
            ProvisionKind.ARTICLE: _("Article %(number)s"),
            ProvisionKind.CLAUSE: _("Clause %(number)s"),
            ProvisionKind.POINT: _("Point %(number)s"),
        }
        return labels[self.kind] % {"number": self.number}

    def url(self) -> str:
        return f"{self.document.url}#{self.anchor}"

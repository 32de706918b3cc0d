from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField


class _Term(TranslatableMixin, models.Model):
    """A named term, one row per language, sharing its slug across languages (stable facet URLs)."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("sort_order")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class DocumentType(_Term):
    """Law, code, decree, circular… (translatable list kept by editors)."""

    class Meta(_Term.Meta):
        verbose_name = _("legal document type")
        verbose_name_plural = _("legal document types")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_document_type_slug")]


class LegalField(_Term):
    """A field of law (labour, social insurance, trade unions…)."""

    class Meta(_Term.Meta):
        verbose_name = _("field of law")
        verbose_name_plural = _("fields of law")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_legal_field_slug")]

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from federations.models import Unit


class Receipt(models.Model):
    """That a unit has read (and perhaps acted on) an announcement or resolution.

    Keyed by the item's translation key, so reading the English or the Vietnamese
    version counts once for the unit. Who clicked is kept for the sender's follow-up
    only; it is never shown publicly nor served by the API.
    """

    translation_key = models.UUIDField(_("item"), db_index=True)
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="news_receipts", verbose_name=_("unit")
    )
    read_at = models.DateTimeField(_("read at"), default=timezone.now)
    read_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("read by"),
    )
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("acknowledged by"),
    )

    class Meta:
        verbose_name = _("read receipt")
        verbose_name_plural = _("read receipts")
        constraints = [
            models.UniqueConstraint(fields=["translation_key", "unit"], name="unique_receipt_per_unit")
        ]
        indexes = [models.Index(fields=["unit", "translation_key"], name="news_receipt_unit_item")]

    def __str__(self) -> str:
        return f"{self.unit} – {self.translation_key}"


class PageViews(models.Model):
    """How often a news item was opened (the "most read" block); written in batches."""

    page = models.OneToOneField(
        "news.NewsItemPage", on_delete=models.CASCADE, primary_key=True, related_name="views"
    )
    count = models.PositiveBigIntegerField(default=0, db_index=True)

    class Meta:
        verbose_name = _("page views")
        verbose_name_plural = _("page views")

    def __str__(self) -> str:
        return f"{self.page_id}: {self.count}"

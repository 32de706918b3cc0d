from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..validators import validate_attachment
from .base import NewsItemPage


class Priority(models.TextChoices):
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class AnnouncementPage(NewsItemPage):
    """A notice (thông báo) from a unit to units below it; it lands in their officers' inboxes."""

    kind = "announcement"

    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    reply_by = models.DateField(
        _("reply by"), null=True, blank=True, help_text=_("Leave empty if no reply is expected.")
    )

    template = "news/announcement_page.html"
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    content_panels = (
        NewsItemPage.header_panels
        + NewsItemPage.targeting_panels
        + [
            MultiFieldPanel([FieldPanel("priority"), FieldPanel("reply_by")], heading=_("Handling")),
            FieldPanel("body"),
            InlinePanel("attachments", heading=_("Attachments"), label=_("attachment")),
        ]
        + NewsItemPage.byline_panels
    )
    search_fields = NewsItemPage.search_fields + [
        index.FilterField("priority"),
        index.FilterField("reply_by"),
    ]
    override_translatable_fields = NewsItemPage.override_translatable_fields + [
        SynchronizedField("reply_by"),
    ]
    api_fields = NewsItemPage.api_fields + [
        APIField("priority"),
        APIField("reply_by"),
        APIField("target_levels"),
        APIField("attachment_list"),
    ]

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        indexes = [models.Index(fields=["priority"], name="news_announcement_priority")]

    def clean(self) -> None:
        super().clean()
        errors = {}
        if not self.target_levels:
            errors["target_levels"] = _(
                "Choose at least one level to send this announcement to; it cannot reach anyone otherwise."
            )
        if self.reply_by and self.reply_by < timezone.localdate() and self._reply_by_changed():
            errors["reply_by"] = _("The reply-by date %(date)s has passed: choose today or a later date.") % {
                "date": self.reply_by.strftime("%d/%m/%Y")
            }
        if errors:
            raise ValidationError(errors)

    def _reply_by_changed(self) -> bool:
        # An old announcement whose deadline has passed can still be corrected and saved.
        if not self.pk:
            return True
        stored = type(self).objects.filter(pk=self.pk).values_list("reply_by", flat=True).first()
        return stored != self.reply_by

    def attachments_with_documents(self) -> list["AnnouncementAttachment"]:
        return list(self.attachments.select_related("document"))

    @property
    def attachment_list(self) -> list[dict]:
        return [
            {"title": item.title or item.document.title, "url": item.document.url}
            for item in self.attachments_with_documents()
        ]

    @property
    def is_overdue(self) -> bool:
        return bool(self.reply_by and self.reply_by < timezone.localdate())

    def get_context(self, request, *args, **kwargs):
        from ..reading import article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(self))
        return context


class AnnouncementAttachment(Orderable):
    announcement = ParentalKey(AnnouncementPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        get_document_model(), on_delete=models.CASCADE, related_name="+", verbose_name=_("file")
    )
    title = models.CharField(
        _("link text"), max_length=200, blank=True, help_text=_("Defaults to the file's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def clean(self) -> None:
        super().clean()
        if self.document_id:
            try:
                validate_attachment(self.document)
            except ValidationError as error:
                raise ValidationError({"document": error.messages}) from error

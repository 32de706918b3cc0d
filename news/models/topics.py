from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A subject that cuts across units ("Wages", "Safety at work"); one per language.

    The slug is the same in every language, so `?topic=wages` filters the same
    set of pages whichever language the reader uses.
    """

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def in_active_language(cls) -> models.QuerySet:
        return cls.objects.filter(locale=Locale.get_active())

    @classmethod
    def localized_names(cls, slugs: set[str]) -> dict[str, "Topic"]:
        """Topics by slug in the active language, falling back to the default one (one query)."""
        active, default = Locale.get_active(), Locale.get_default()
        found: dict[str, Topic] = {}
        for topic in cls.objects.filter(slug__in=slugs, locale__in=[active, default]):
            if topic.slug not in found or topic.locale_id == active.pk:
                found[topic.slug] = topic
        return found

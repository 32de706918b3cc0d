"""What every news item shares: a concrete base table, so one query lists articles,
resolutions and announcements together, newest first, with their unit and image."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Locale, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from federations.models import FederationPage, Level, Unit
from home.blocks import BaseStreamBlock

from ..fields import TargetLevelsField, level_list
from ..forms import NewsItemPageForm
from .topics import Topic

# Rendition filters used by cards and the article header; listings prefetch exactly these.
CARD_RENDITIONS = ("fill-400x225", "fill-800x450")
HERO_RENDITIONS = ("width-400", "width-800", "width-1200")


def ancestor_paths(unit: Unit, inclusive: bool = False) -> list[str]:
    """The materialised paths of the units above `unit` (and of `unit` itself if inclusive)."""
    end = len(unit.path) + (Unit.steplen if inclusive else 0)
    return [unit.path[:i] for i in range(Unit.steplen, end, Unit.steplen)]


def _stream_text(data) -> list[str]:
    """Every string inside a StreamField's raw data (block types and ids left out)."""
    if isinstance(data, str):
        return [strip_tags(data)]
    if isinstance(data, dict):
        return [
            text for key, value in data.items() if key not in ("type", "id") for text in _stream_text(value)
        ]
    if isinstance(data, list | tuple):
        return [text for value in data for text in _stream_text(value)]
    return []


class NewsItemQuerySet(PageQuerySet):
    def targeting(self, unit: Unit) -> NewsItemQuerySet:
        """Items sent from a level above to `unit`: its level is targeted and, when the
        sender chose specific units, `unit` lies in one of their subtrees."""
        through = NewsItemPage.target_units.through
        chosen = through.objects.filter(newsitempage_id=OuterRef("pk"))
        covering = chosen.filter(unit__path__in=ancestor_paths(unit, inclusive=True))
        return self.filter(
            Q(unit__path__in=ancestor_paths(unit)),
            Q(target_levels__contains=str(unit.level)),
            ~Exists(chosen) | Exists(covering),
        )

    def for_unit_listing(self, unit: Unit) -> NewsItemQuerySet:
        """A unit's own items, and those from the levels above that are meant for it."""
        above = self.filter(unit__path__in=ancestor_paths(unit))
        shared = above.filter(show_in_units_below=True)
        return self.filter(
            Q(unit=unit) | Q(pk__in=shared.values("pk")) | Q(pk__in=self.targeting(unit).values("pk"))
        )

    def in_language(self, locale: Locale | None = None) -> NewsItemQuerySet:
        """Each item once: in `locale` when translated and live, else in the default language."""
        locale = locale or Locale.get_active()
        default = Locale.get_default()
        if locale.pk == default.pk:
            return self.filter(locale=locale)
        translated = NewsItemPage.objects.live().filter(
            translation_key=OuterRef("translation_key"), locale=locale
        )
        return self.filter(Q(locale=locale) | (Q(locale=default) & ~Exists(translated)))

    def for_cards(self) -> NewsItemQuerySet:
        """What a card shows (title, lead, date, unit, image) in a fixed number of queries."""
        images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
        return (
            self.select_related("unit", "locale")
            .prefetch_related(models.Prefetch("image", queryset=images))
            .defer_streamfields()
            .order_by("-publication_date", "-pk")
        )


NewsItemManager = PageManager.from_queryset(NewsItemQuerySet)


class NewsItemPage(Page):
    """Fields shared by articles, resolutions and announcements. Not created directly."""

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="news_items",
        editable=False,
        verbose_name=_("from the unit"),
        help_text=_("Set from the section the item is published in."),
    )
    lead = models.TextField(_("lead"), max_length=600, help_text=_("One or two sentences shown in listings."))
    image = models.ForeignKey(
        get_image_model(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("featured image"),
    )
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("image credit"), max_length=120, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    topics = ParentalManyToManyField(Topic, blank=True, related_name="+", verbose_name=_("topics"))
    author = models.CharField(_("author"), max_length=120, blank=True)
    publication_date = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        db_index=True,
        help_text=_("The date shown to readers. To publish later, use the schedule in Settings."),
    )
    show_in_units_below = models.BooleanField(
        _("show in the news of the units below"),
        default=False,
        help_text=_("Lists this item, marked as coming from this unit, in every lower unit's news."),
    )
    target_levels = TargetLevelsField(
        _("send to levels"),
        blank=True,
        help_text=_("Which levels below this unit receive it in their inbox."),
    )
    target_units = ParentalManyToManyField(
        Unit,
        blank=True,
        related_name="+",
        verbose_name=_("only these units"),
        help_text=_("Optional: limit the levels above to these units and the units below them."),
    )

    objects = NewsItemManager()
    base_form_class = NewsItemPageForm

    is_creatable = False
    template = "news/news_article_page.html"
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("unit"),
        index.FilterField("publication_date"),
        index.FilterField("target_levels"),
    ]
    override_translatable_fields = [
        SynchronizedField("author"),
        SynchronizedField("image_credit"),
        SynchronizedField("target_levels"),
        SynchronizedField("publication_date"),
    ]
    api_fields = [
        APIField("lead"),
        APIField("publication_date"),
        APIField("author"),
        APIField("image", serializer=ImageRenditionField("width-800")),
        APIField("image_caption"),
        APIField("image_credit"),
        APIField("body"),
        APIField("unit_summary"),
        APIField("topic_slugs"),
    ]

    header_panels = [
        FieldPanel("title"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_caption"), FieldPanel("image_credit")],
            heading=_("Featured image"),
        ),
    ]
    byline_panels = [
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("publication_date"), FieldPanel("topics")],
            heading=_("Byline and topics"),
        )
    ]
    targeting_panels = [
        MultiFieldPanel(
            [FieldPanel("target_levels"), FieldPanel("target_units")],
            heading=_("Recipients"),
        )
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        indexes = [models.Index(fields=["unit", "publication_date"], name="news_item_unit_date")]

    # --- derived values -------------------------------------------------

    @property
    def target_level_list(self) -> list[int]:
        return level_list(self.target_levels)

    @property
    def target_level_names(self) -> list[str]:
        return [Level(level).label for level in self.target_level_list]

    @property
    def is_targeted(self) -> bool:
        return bool(self.target_levels)

    @property
    def unit_summary(self) -> dict:
        """The publishing unit, for the API: public facts only."""
        return {"code": self.unit.code, "name": self.unit.name, "level": self.unit.level}

    @property
    def topic_slugs(self) -> list[str]:
        return [topic.slug for topic in self.topics.all()]

    @property
    def kind(self) -> str:
        """ "article", "resolution" or "announcement", from the content type (no query)."""
        return self.specific_class.kind if self.specific_class else "article"

    def search_document(self):
        """What the portal's search service indexes (see search/README.md)."""
        from search.registry import Document

        topics = list(self.topics.all())
        return Document(
            title=self.title,
            body="\n".join([self.lead, self.search_description, *_stream_text(list(self.body.raw_data))]),
            url=self.get_url() or "",
            date=self.publication_date,
            unit=self.unit,
            topic=topics[0].name if topics else "",
            keywords=[self.author, getattr(self, "number", "")],
        )

    def section(self) -> FederationPage | None:
        return FederationPage.objects.ancestor_of(self).select_related("unit").order_by("-depth").first()

    # --- validation -----------------------------------------------------

    def clean(self) -> None:
        super().clean()
        if self.unit_id and self.target_levels:
            too_high = [level for level in self.target_level_list if level <= self.unit.level]
            if too_high:
                raise ValidationError(
                    {
                        "target_levels": _(
                            "A unit can only send to the levels below it: untick the levels at or above %(unit)s."
                        )
                        % {"unit": self.unit.name}
                    }
                )

    def save(self, *args, **kwargs):
        if not self.unit_id:
            section = self.section() if self.path else None
            if section is None:
                raise ValidationError(_("News items must be published inside a unit's section."))
            self.unit = section.unit
        return super().save(*args, **kwargs)

"""Datasets (snippets with figures per period and per unit) and the statistics page."""

from __future__ import annotations

import copy
from functools import cached_property

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from federations.models import FederationPage, Unit

from .blocks import ChartBlock, LiveIndicatorBlock, StatisticsTextBlock
from .charts import ChartType
from .tables import Row, Table


def empty_table() -> dict:
    return {"period_heading": "", "series": [], "rows": []}


class DatasetTableField(models.JSONField):
    """The figures of a dataset as JSON, whose column names wagtail-localize translates.

    Figures, periods and unit codes are the same in every language and are
    copied from the source; only the headings are offered to translators.
    """

    def get_translatable_segments(self, value: dict | None) -> list:
        from wagtail_localize.segments import StringSegmentValue

        value = value or empty_table()
        segments = []
        if value.get("period_heading"):
            segments.append(StringSegmentValue("period_heading", value["period_heading"]))
        segments += [
            StringSegmentValue(f"series.{i}", name) for i, name in enumerate(value.get("series", []))
        ]
        return segments

    def restore_translated_segments(self, value: dict | None, segments: list) -> dict:
        value = copy.deepcopy(value or empty_table())
        for segment in segments:
            text = segment.render_text()
            if segment.path == "period_heading":
                value["period_heading"] = text
            elif segment.path.startswith("series."):
                index_ = int(segment.path.split(".", 1)[1])
                if index_ < len(value["series"]):
                    value["series"][index_] = text
        return value


class DatasetQuerySet(models.QuerySet):
    def public(self) -> DatasetQuerySet:
        return self.filter(is_public=True)

    def for_units(self, paths: list[str]) -> DatasetQuerySet:
        """Datasets whose unit is one of the units at `paths` or below them."""
        condition = models.Q(pk__in=[])
        for path in paths:
            condition |= models.Q(unit__path__startswith=path)
        return self.filter(condition)


class Dataset(TranslatableMixin, index.Indexed, models.Model):
    """A titled table of figures per period (and optionally per unit), with its source and method."""

    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(
        _("what the figures show"), blank=True, help_text=_("One or two sentences for readers.")
    )
    measure = models.CharField(
        _("unit of measure"), max_length=80, help_text=_("What is counted, e.g. “strikes”, “members”, “%”.")
    )
    source = models.CharField(_("source"), max_length=255, blank=True)
    method = models.TextField(
        _("method note"),
        blank=True,
        help_text=_("How the figures were collected and counted, and what they leave out."),
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("unit"),
        help_text=_("The unit whose figures these are. Lines of the table may name units below it."),
    )
    chart_type = models.CharField(_("chart"), max_length=16, choices=ChartType.choices, default=ChartType.BAR)
    table = DatasetTableField(_("figures"), default=empty_table, blank=True)
    is_public = models.BooleanField(
        _("published"), default=False, help_text=_("Only published datasets appear on the site.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = DatasetQuerySet.as_manager()

    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")
        ordering = ["title"]
        permissions = [("publish_dataset", "Can publish dataset")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stats:dataset_detail", args=[self.pk])

    @property
    def period_heading(self) -> str:
        return (self.table or {}).get("period_heading") or str(_("Period"))

    @property
    def series(self) -> list[str]:
        return list((self.table or {}).get("series", []))

    def unit_codes(self) -> set[str]:
        """Units named on lines of the table (not the dataset's own unit)."""
        return {row["unit"] for row in (self.table or {}).get("rows", []) if row.get("unit")}

    def table_for(self, unit_code: str = "") -> Table:
        """The figures of one unit: `""` (or the dataset unit's own code) for the dataset's unit."""
        if unit_code and unit_code == self.unit.code:
            unit_code = ""
        rows = [
            Row(row["period"], list(row["values"]))
            for row in (self.table or {}).get("rows", [])
            if row.get("unit", "") == unit_code
        ]
        return Table(series=self.series, rows=rows, label_heading=self.period_heading, periodic=True)


class StatisticsPage(Page):
    """A section's statistics: chosen charts of datasets and live figures of the section's unit."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(
        [
            ("chart", ChartBlock()),
            ("live_indicator", LiveIndicatorBlock()),
            ("text", StatisticsTextBlock()),
        ],
        blank=True,
        verbose_name=_("charts and text"),
    )
    show_live_indicators = models.BooleanField(
        _("show every live indicator"),
        default=True,
        help_text=_("Below the charts above, show every figure the portal computes for this unit."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("show_live_indicators"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    template = "stats/statistics_page.html"
    parent_page_types = ["federations.FederationPage", "home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("statistics page")
        verbose_name_plural = _("statistics pages")

    @cached_property
    def section(self) -> FederationPage | None:
        return (
            FederationPage.objects.ancestor_of(self)
            .select_related("unit")
            .order_by("-depth")
            .only(
                "id",
                "unit__id",
                "unit__code",
                "unit__path",
                "unit__depth",
                "unit__level",
                "unit__name_vi",
                "unit__name_en",
                "unit__name_ja",
                "unit__numchild",
            )
            .first()
        )

    @property
    def unit(self) -> Unit | None:
        return self.section.unit if self.section else None

    def get_context(self, request, *args, **kwargs):
        from .figures import indicator_figures

        context = super().get_context(request, *args, **kwargs)
        # Every indicator is listed automatically, so those without figures for this unit are left
        # out rather than repeating "no figures" (a chosen block or a chart page still says so).
        context["live_figures"] = (
            [figure for figure in indicator_figures(self.unit) if figure.chart]
            if self.show_live_indicators and self.unit
            else []
        )
        return context

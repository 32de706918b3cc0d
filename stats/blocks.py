"""StreamField blocks that show charts: usable in any app's StreamField (news articles too).

`ChartBlock` shows a published dataset; `LiveIndicatorBlock` shows a live
indicator for the unit of the section the page belongs to. Both render the
same server-side SVG figure as the statistics page, with its data table and
CSV link. No other app imports these; the lead decides where they are wired.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .charts import ChartType
from .indicators import indicator_choices

CHART_CHOICES = [("", _("As the data suggests"))] + list(ChartType.choices)


class ChartBlock(blocks.StructBlock):
    dataset = SnippetChooserBlock("stats.Dataset", label=_("dataset"))
    chart_type = blocks.ChoiceBlock(choices=CHART_CHOICES, required=False, label=_("chart"))
    last_periods = blocks.IntegerBlock(
        required=False,
        min_value=1,
        max_value=120,
        label=_("show only the last periods"),
        help_text=_("For example 10 to show the last ten years. Empty shows every period."),
    )

    class Meta:
        icon = "table"
        label = _("Chart of a dataset")
        template = "stats/blocks/chart_block.html"

    def get_context(self, value, parent_context=None):
        from .figures import dataset_figure

        context = super().get_context(value, parent_context=parent_context)
        dataset = value.get("dataset")
        figure = None
        if dataset is not None and dataset.is_public:
            figure = dataset_figure(
                dataset,
                chart_type=value.get("chart_type") or "",
                last=value.get("last_periods"),
                figure_id=f"block-{value.get('dataset').pk}-{id(value)}",
            )
        context["figure"] = figure
        return context


class LiveIndicatorBlock(blocks.StructBlock):
    indicator = blocks.ChoiceBlock(choices=indicator_choices, label=_("indicator"))
    chart_type = blocks.ChoiceBlock(choices=CHART_CHOICES, required=False, label=_("chart"))

    class Meta:
        icon = "bars"
        label = _("Live figures of this unit")
        template = "stats/blocks/chart_block.html"

    def get_context(self, value, parent_context=None):
        from federations.models import FederationPage

        from .figures import indicator_figure
        from .indicators import registry

        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        unit = getattr(page, "unit", None)
        if page is not None and unit is None:
            section = (
                FederationPage.objects.ancestor_of(page).select_related("unit").order_by("-depth").first()
            )
            unit = section.unit if section else None
        indicator = registry.get(value.get("indicator") or "")
        context["figure"] = (
            indicator_figure(
                indicator,
                unit,
                chart_type=value.get("chart_type") or "",
                figure_id=f"block-{indicator.slug}-{id(value)}",
            )
            if indicator and unit
            else None
        )
        return context


class StatisticsTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["h2", "h3", "bold", "italic", "link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")

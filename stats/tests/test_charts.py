"""The SVG charts: valid XML, named for screen readers, every value readable."""

import math

import pytest
from defusedxml import ElementTree
from django.utils import translation

from stats.charts import ChartType, nice_ticks, render_chart
from stats.tables import Row, Table

SVG = "{http://www.w3.org/2000/svg}"


def strikes() -> Table:
    return Table(
        series=["Strikes", "Work stoppages"],
        rows=[Row("2021", [120, 30]), Row("2022", [98, None]), Row("2023", [1050, 22])],
        label_heading="Year",
    )


def marks(svg) -> list:
    root = ElementTree.fromstring(str(svg))
    return [el for el in root.iter() if el.get("role") == "graphics-symbol"]


@pytest.mark.parametrize("chart_type", [ChartType.BAR, ChartType.STACKED, ChartType.LINE])
def test_every_chart_is_valid_xml_with_title_description_and_one_named_mark_per_value(chart_type):
    with translation.override("en"):
        chart = render_chart(strikes(), chart_type, "Strikes per year", "strikes", chart_id="c1")
    root = ElementTree.fromstring(str(chart.svg))
    assert root.tag == f"{SVG}svg"
    assert root.get("aria-labelledby") == "c1-title"
    assert root.find(f"{SVG}title").text == "Strikes per year"
    assert root.find(f"{SVG}desc").get("id") == root.get("aria-describedby")
    assert "Highest Strikes: 1,050 (2023)" in root.find(f"{SVG}desc").text
    labels = [mark.get("aria-label") for mark in marks(chart.svg)]
    # Five figures (one is missing): five marks, each saying where it is and its value.
    assert sorted(labels) == sorted(
        [
            "2021, Strikes: 120 strikes",
            "2022, Strikes: 98 strikes",
            "2023, Strikes: 1,050 strikes",
            "2021, Work stoppages: 30 strikes",
            "2023, Work stoppages: 22 strikes",
        ]
    )
    # Each mark carries a native tooltip with the same text (hover values without JavaScript).
    assert all(mark.find(f"{SVG}title").text == mark.get("aria-label") for mark in marks(chart.svg))


def test_values_are_written_the_way_the_reader_language_writes_them():
    with translation.override("vi"):
        chart = render_chart(strikes(), ChartType.BAR, "Đình công", "cuộc")
    assert "2023, Strikes: 1.050 cuộc" in [m.get("aria-label") for m in marks(chart.svg)]


def test_donut_shows_the_last_period_split_by_series_with_shares():
    with translation.override("en"):
        chart = render_chart(strikes(), ChartType.DONUT, "Split", "strikes")
    assert [m.get("aria-label") for m in marks(chart.svg)] == [
        "Strikes: 1,050 strikes (97.9%)",
        "Work stoppages: 22 strikes (2.1%)",
    ]
    assert [item.label for item in chart.legend] == ["Strikes", "Work stoppages"]


def test_negative_figures_are_never_drawn_as_parts_of_a_whole():
    table = Table(series=["Growth"], rows=[Row("2022", [5]), Row("2023", [-3])])
    chart = render_chart(table, ChartType.DONUT, "Growth", "")
    assert chart.chart_type == ChartType.BAR
    assert len(marks(chart.svg)) == 2


def test_long_category_labels_get_horizontal_bars_with_full_labels():
    name = "Liên đoàn Lao động Thành phố Hồ Chí Minh"
    table = Table(series=["Unions"], rows=[Row(name, [15000]), Row("Đà Nẵng", [900])], periodic=False)
    chart = render_chart(table, ChartType.BAR, "By unit", "")
    root = ElementTree.fromstring(str(chart.svg))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert name in texts  # not cut, not rotated
    assert root.get("viewBox").startswith("0 0 320 ")


def test_markup_in_labels_is_escaped_not_injected():
    table = Table(series=["<script>alert(1)</script>"], rows=[Row("2022 & 2023", [1])])
    chart = render_chart(table, ChartType.BAR, "<b>x</b>", "")
    ElementTree.fromstring(str(chart.svg))
    assert "<script>" not in str(chart.svg) and "<b>" not in str(chart.svg)


@pytest.mark.parametrize("low, high", [(0, 1050), (0, 7), (-3, 5), (0, 11_000_000), (0, 0.8)])
def test_ticks_are_few_evenly_spaced_round_numbers_covering_the_range(low, high):
    ticks = nice_ticks(low, high)
    assert ticks[0] <= low and ticks[-1] >= high
    assert 3 <= len(ticks) <= 7
    steps = {round(b - a, 9) for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1
    step = steps.pop()
    assert round(step / 10 ** math.floor(math.log10(step)), 6) in {1, 2, 2.5, 5}

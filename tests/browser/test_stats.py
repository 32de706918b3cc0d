"""Statistics on a 360 px phone: legible charts, the table beneath, drill-down, period selector, CSV."""

import pytest
from django.core.cache import cache

from stats.factories import DatasetFactory, StatisticsPageFactory
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STRIKES = {
    "period_heading": "Year",
    "series": ["Strikes", "Work stoppages"],
    "rows": [
        {"period": str(year), "unit": "", "values": [v, v // 4]}
        for year, v in zip(range(2015, 2025), [245, 242, 314, 218, 123, 125, 98, 104, 71, 66], strict=True)
    ]
    + [
        {"period": "2024", "unit": "HN", "values": [4, 2]},
        {"period": "2023", "unit": "HN", "values": [5, 1]},
    ],
}


def chart_marks(page) -> list[str]:
    """Names of the chart marks as Chromium exposes them to screen readers.

    Read from Chromium's own accessibility tree: Playwright's role selectors do
    not know the ARIA graphics roles (graphics-document, graphics-symbol).
    """
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    return [
        node["name"]["value"]
        for node in nodes
        if not node.get("ignored") and node.get("role", {}).get("value") == "graphics-symbol"
    ]


@pytest.fixture
def statistics(federation):
    cache.clear()
    dataset = DatasetFactory(
        unit=federation.confederation, title="Strikes and work stoppages", measure="stoppages", table=STRIKES
    )
    page = StatisticsPageFactory(
        parent=federation.home,
        title="Statistics",
        slug="statistics",
        body=[("chart", {"dataset": dataset, "chart_type": "bar", "last_periods": None})],
    )
    page.save_revision().publish()
    return dataset


def test_a_phone_reader_sees_reads_drills_and_downloads(page, statistics, tmp_path):
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto("/vi/statistics/")
    figure = page.locator("figure", has=page.get_by_role("heading", name="Strikes and work stoppages"))
    chart = figure.locator("svg")
    assert chart.get_attribute("role") == "graphics-document"
    box = chart.bounding_box()
    assert 300 <= box["width"] <= 360
    # Nothing sticks out sideways on a 360 px screen, and axis text is at least 10 px tall.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert min(t.bounding_box()["height"] for t in chart.locator("text").all()) >= 10
    # Every value is a named graphic for screen readers, and the same figures are in the table beneath.
    marks = [name for name in chart_marks(page) if "Strikes:" in name or "Work stoppages:" in name]
    assert len(marks) == 20 and "2017, Strikes: 314 stoppages" in marks
    assert figure.get_by_role("row", name="2017 314 78").count() == 1
    screenshot = tmp_path / "statistics-360.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000
    assert_accessible(page)

    # Hover or tap values (JavaScript is only an extra): the bubble shows the mark's value.
    figure.locator('[aria-label="2019, Strikes: 123 stoppages"]').click()
    assert page.locator(".stat-tooltip").inner_text() == "2019, Strikes: 123 stoppages"

    with page.expect_download() as download:
        figure.locator("a[download]").click()
    assert download.value.suggested_filename == "strikes-and-work-stoppages-tld.csv"
    assert "2017,314,78" in open(download.value.path(), encoding="utf-8-sig").read()

    figure.locator(".stat-figure__links a:not([download])").click()
    page.wait_for_url("**/vi/thong-ke/du-lieu/**")  # the Vietnamese address of the data page
    page.select_option("#period-from", "2020")
    page.select_option("#period-to", "2022")
    page.select_option("#chart-type", "line")
    page.locator(".stat-controls button").click()
    page.wait_for_url("**from=2020**")
    assert len(chart_marks(page)) == 6  # three years, two series
    assert page.locator("svg.chart--line").count() == 1
    assert_accessible(page)

    page.locator(".stat-drill__list a").first.click()
    page.wait_for_url("**unit=HN**")
    assert "2024, Strikes: 4 stoppages" in chart_marks(page)
    assert_accessible(page)


def test_live_indicator_drills_from_the_confederation_to_a_province(page, federation):
    cache.clear()
    page.goto("/en/statistics/live/units-by-level/TLD/")
    assert page.get_by_role("heading", level=1).inner_text() == "Union units by level"
    assert "Grassroots union: 1 units" in chart_marks(page)
    assert_accessible(page)
    page.get_by_role("region", name="The same chart for each unit below").get_by_role(
        "link", name="Hanoi Federation of Labour"
    ).click()
    page.wait_for_url("**/units-by-level/HN/")
    assert "Upper-level grassroots union: 1 units" in chart_marks(page)

"""Statistics on a 360 px phone: legible charts, the table beneath, drill-down, period selector, CSV."""

import pytest
from django.core.cache import cache

from stats.factories import DatasetFactory, StatisticsPageFactory
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}

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
    page.set_viewport_size(PHONE)
    page.goto("/vi/statistics/")
    figure = page.locator("figure", has=page.get_by_role("heading", name="Strikes and work stoppages"))
    chart = figure.locator("svg")
    assert chart.get_attribute("role") == "graphics-document"
    box = chart.bounding_box()
    # The chart uses most of the phone's width and fits inside it.
    assert 300 <= box["width"] and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
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


def fits_the_phone(page, chart) -> None:
    box = chart.bounding_box()
    assert box["width"] >= 300 and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.fixture
def phone(browser, live_server):
    """A touch screen of 360 × 740 CSS pixels, as a cheap Android phone has."""
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, has_touch=True, is_mobile=True, locale="vi-VN"
    )
    yield context.new_page()
    context.close()


def test_a_chart_in_a_news_article_on_a_phone(phone, statistics, federation, tmp_path):
    page = phone
    from news.factories import NewsArticlePageFactory, NewsIndexPageFactory

    news = NewsIndexPageFactory(parent=federation.home, slug="tin-tuc")
    article = NewsArticlePageFactory(
        parent=news,
        slug="dinh-cong-giam",
        title="Đình công giảm",
        body=[("chart", {"dataset": statistics, "chart_type": "line", "last_periods": 5})],
    )
    article.save_revision().publish()
    page.goto("/vi/tin-tuc/dinh-cong-giam/")
    figure = page.locator("figure.stat-figure")
    chart = figure.locator("svg.chart--line")
    fits_the_phone(page, chart)
    assert "2024, Strikes: 66 stoppages" in chart_marks(page)
    assert figure.get_by_role("row", name="2024 66 16").count() == 1
    screenshot = tmp_path / "article-chart-360.png"
    chart.screenshot(path=str(screenshot))
    assert screenshot.stat().st_size > 3_000
    assert_accessible(page)
    # Tap a point: the bubble shows its value, inside the screen.
    figure.locator('[aria-label="2022, Strikes: 104 stoppages"]').tap()
    bubble = page.locator(".stat-tooltip")
    assert bubble.inner_text() == "2022, Strikes: 104 stoppages"
    bubble_box = bubble.bounding_box()
    assert bubble_box["x"] >= 0 and bubble_box["x"] + bubble_box["width"] <= PHONE["width"]
    assert figure.locator("a[download]").get_attribute("href").endswith("/csv/")


def test_membership_growth_by_month_with_its_period_selector_on_a_phone(page, federation):
    import datetime

    from django.utils import timezone

    from members.factories import MemberFactory

    cache.clear()
    today = timezone.localdate()
    months = []
    for back in range(4):
        index = today.year * 12 + today.month - 1 - back
        months.append(datetime.date(index // 12, index % 12 + 1, 1))
        MemberFactory.create_batch(back + 1, unit=federation.grassroots, date_joined=months[-1])
    page.set_viewport_size(PHONE)
    page.goto("/en/statistics/live/members-by-month/HN/")
    assert page.get_by_role("heading", level=1).inner_text() == "Membership growth by month"
    fits_the_phone(page, page.locator("svg.chart--line"))
    first, last = months[3].strftime("%Y-%m"), months[1].strftime("%Y-%m")
    page.select_option("#period-from", first)
    page.select_option("#period-to", last)
    page.select_option("#chart-type", "bar")
    page.locator(".stat-controls button").click()
    page.wait_for_url(f"**from={first}**")
    # Four members joined three months ago, three the month after, two the month after that.
    assert chart_marks(page) == [f"{first}: 4 members", f"{months[2]:%Y-%m}: 7 members", f"{last}: 9 members"]
    fits_the_phone(page, page.locator("svg.chart--bar"))
    assert_accessible(page)
    # Up the tree to the confederation, keeping the chosen chart and periods.
    page.get_by_role("navigation", name="Same chart for the units above").get_by_role("link").first.click()
    page.wait_for_url(f"**/members-by-month/TLD/?chart=bar&from={first}&to={last}")
    assert len(chart_marks(page)) == 3

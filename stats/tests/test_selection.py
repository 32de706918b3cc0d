"""Period selector and drill-down for every chart type; empty states; query counts that do not grow."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from federations.factories import UnitFactory
from members.factories import MemberFactory
from stats.charts import ChartType
from stats.factories import DatasetFactory, StatisticsPageFactory

pytestmark = pytest.mark.django_db


def url(name, *args, **query):
    with translation.override("en"):
        path = reverse(f"stats:{name}", args=args)
    if query:
        path += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return path


def yearly(first, count, units=("",)):
    return {
        "period_heading": "Year",
        "series": ["Grade A", "Grade B"],
        "rows": [
            {"period": str(year), "unit": unit, "values": [year - first + 1, 2]}
            for unit in units
            for year in range(first, first + count)
        ],
    }


@pytest.mark.parametrize("chart", ChartType.values)
def test_every_chart_type_keeps_its_periods_and_type_down_and_up_the_tree(client, federation, chart):
    dataset = DatasetFactory(unit=federation.confederation, table=yearly(2015, 10, units=("", "HN", "HN-CG")))
    selection = f"chart={chart}&from=2020&to=2022"
    html = client.get(url("dataset_detail", dataset.pk) + "?" + selection).content.decode()
    assert f"chart--{chart}" in html
    assert "2019, Grade A" not in html and '<option value="2020" selected>' in html
    assert f'href="{url("dataset_detail", dataset.pk)}?unit=HN&amp;{selection.replace("&", "&amp;")}"' in html
    hanoi = client.get(url("dataset_detail", dataset.pk) + f"?unit=HN&{selection}").content.decode()
    assert f"chart--{chart}" in hanoi and '<option value="2022" selected>' in hanoi
    assert f'<a href="{url("dataset_detail", dataset.pk)}?{selection.replace("&", "&amp;")}">' in hanoi


def this_month_minus(months):
    today = timezone.localdate()
    index = today.year * 12 + today.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


@pytest.mark.parametrize("chart", ChartType.values)
def test_a_monthly_indicator_has_a_period_selector_for_every_chart_type(client, federation, chart):
    for months in (0, 1, 2, 12):
        MemberFactory(unit=federation.grassroots, date_joined=this_month_minus(months))
    first, last = this_month_minus(2).strftime("%Y-%m"), this_month_minus(1).strftime("%Y-%m")
    html = client.get(
        url("indicator_detail", "new-members-by-month", "HN", chart=chart, **{"from": first, "to": last})
    ).content.decode()
    assert f'<option value="{first}" selected>' in html and f'<option value="{last}" selected>' in html
    # Two months shown, each with one new member; the drill-down keeps the choice.
    assert html.count('role="graphics-symbol"') == 2
    assert f"chart--{chart}" in html
    assert f"?chart={chart}&amp;from={first}&amp;to={last}" in html
    csv_text = client.get(
        url("indicator_csv", "new-members-by-month", "HN", **{"from": first, "to": last})
    ).content.decode()
    assert csv_text == f"\ufeffMonth,New members\r\n{first},1\r\n{last},1\r\n"


def test_a_category_indicator_offers_the_chart_type_but_no_periods(client, tree):
    html = client.get(url("indicator_detail", "units-by-level", "TLD", chart="donut")).content.decode()
    assert 'id="chart-type"' in html and 'id="period-from"' not in html
    assert "chart--donut" in html


def test_an_indicator_without_figures_shows_a_message_not_a_broken_chart(client, federation):
    html = client.get(url("indicator_detail", "members-by-month", "HCM")).content.decode()
    assert "There are no figures to show yet." in html
    assert "<svg" not in html and "Download the figures" not in html


def test_a_statistics_page_without_anything_says_so(client, federation):
    page = StatisticsPageFactory(parent=federation.home, slug="empty-statistics", show_live_indicators=False)
    page.save_revision().publish()
    html = client.get("/en/empty-statistics/").content.decode()
    assert "No statistics have been published here yet." in html


def query_count(client, path) -> int:
    """Queries of one cold request (nothing cached), whose answer must be 200."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_dataset_page_queries_do_not_grow_with_its_periods(client, federation):
    small = DatasetFactory(unit=federation.confederation, table=yearly(2015, 10, units=("", "HN")))
    large = DatasetFactory(unit=federation.confederation, table=yearly(1925, 100, units=("", "HN")))
    assert query_count(client, url("dataset_detail", small.pk)) == query_count(
        client, url("dataset_detail", large.pk)
    )
    assert query_count(client, url("dataset_detail", small.pk, unit="HN")) == query_count(
        client, url("dataset_detail", large.pk, unit="HN")
    )


def grow(federation, units: int) -> None:
    """`units` more grassroots unions under Hanoi, each with two members, one contest entrant
    and a recorded member count."""
    from contests.factories import ContestPageFactory, EntrantFactory, add_round
    from contests.models import ContestPage, UnitMemberCount

    contest = ContestPage.objects.filter(slug="quiz").first()
    if contest is None:
        contest = ContestPageFactory(parent=federation.hanoi_section, slug="quiz", title="Quiz")
        add_round(contest, -datetime.timedelta(days=1))
    for n in range(units):
        unit = UnitFactory(parent=federation.hanoi, code=f"HN-G{units}-{n}")
        MemberFactory.create_batch(2, unit=unit, date_joined=this_month_minus(n % 30))
        EntrantFactory(contest=contest, unit=unit)
        UnitMemberCount.objects.create(unit=unit, member_count=20)


def test_every_indicator_page_costs_the_same_queries_for_10_and_100_units(client, federation):
    from stats.indicators import registry

    paths = [url("indicator_detail", i.slug, code) for i in registry.all() for code in ("TLD", "HN")]
    grow(federation, 10)
    ten = {path: query_count(client, path) for path in paths}
    grow(federation, 90)
    hundred = {path: query_count(client, path) for path in paths}
    assert hundred == ten


def test_statistics_page_queries_are_the_same_for_10_and_100_units(client, federation):
    dataset = DatasetFactory(unit=federation.confederation, table=yearly(2015, 10))
    page = StatisticsPageFactory(
        parent=federation.home,
        slug="so-lieu",
        body=[("chart", {"dataset": dataset, "chart_type": "", "last_periods": None})],
    )
    page.save_revision().publish()
    grow(federation, 10)
    cold, warm = query_count(client, "/en/so-lieu/"), None
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/so-lieu/")
    warm = len(queries)
    grow(federation, 90)
    assert query_count(client, "/en/so-lieu/") == cold
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/so-lieu/")
    assert len(queries) == warm
    assert warm < cold

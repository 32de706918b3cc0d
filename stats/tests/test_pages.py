"""The statistics page in a section, and the chart blocks."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from federations.models import FederationPage
from home.models import HomePage
from stats.blocks import ChartBlock
from stats.factories import DatasetFactory, StatisticsPageFactory
from stats.models import StatisticsPage

pytestmark = pytest.mark.django_db


def test_statistics_page_goes_in_any_federation_section_and_nowhere_else(federation):
    assert StatisticsPage.can_create_at(federation.home)
    assert StatisticsPage.can_create_at(federation.hanoi_section)
    page = StatisticsPageFactory(parent=federation.hanoi_section)
    assert not StatisticsPage.can_create_at(page)
    assert not FederationPage.can_create_at(page)
    assert StatisticsPage in HomePage.allowed_subpage_models()


def test_a_provincial_editor_creates_a_statistics_page_in_their_section(client, federation):
    dataset = DatasetFactory(unit=federation.hanoi)
    client.force_login(federation.hanoi_editor)
    add_url = reverse("wagtailadmin_pages:add", args=["stats", "statisticspage", federation.hanoi_section.pk])
    data = nested_form_data(
        {
            "title": "Thống kê",
            "slug": "thong-ke",
            "intro": rich_text(""),
            "body": streamfield(
                [
                    ("chart", {"dataset": dataset.pk, "chart_type": "line", "last_periods": ""}),
                    ("live_indicator", {"indicator": "grassroots-by-unit", "chart_type": ""}),
                ]
            ),
            "show_live_indicators": "on",
        }
    )
    response = client.post(add_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = StatisticsPage.objects.get(slug="thong-ke")
    assert page.get_parent().pk == federation.hanoi_section.pk
    # An editor of Ho Chi Minh City cannot add one in Hanoi's section.
    client.force_login(federation.saigon_editor)
    assert client.get(add_url).status_code in (302, 403)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_page_shows_chosen_charts_and_live_figures_of_its_unit(client, tree, django_assert_max_num_queries):
    dataset = DatasetFactory(unit=tree.hanoi, title="Strikes in Hanoi")
    hidden = DatasetFactory(unit=tree.hanoi, title="Draft figures", is_public=False)
    page = StatisticsPageFactory(
        parent=tree.hanoi_section,
        body=[
            ("chart", {"dataset": dataset, "chart_type": "line", "last_periods": 2}),
            ("chart", {"dataset": hidden, "chart_type": "", "last_periods": None}),
            ("live_indicator", {"indicator": "grassroots-by-province", "chart_type": ""}),
        ],
    )
    publish(page)
    client.get(f"/en{page.url_path.removeprefix('/home')}")  # warms the indicator cache
    with django_assert_max_num_queries(24):
        response = client.get(f"/en{page.url_path.removeprefix('/home')}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Strikes in Hanoi" in html and "chart--line" in html
    assert "2021, Strikes" not in html  # only the last two periods
    assert "Draft figures" not in html
    # Live figures are those of Hanoi (the section's unit), each linking to its drill-down.
    assert 'aria-label="Hà Nội: 4 grassroots unions"' in html
    assert reverse("stats:indicator_detail", args=["units-by-level", "HN"]).removeprefix("/vi") in html


def test_live_figures_do_not_add_queries_per_unit_in_the_tree(client, tree, django_assert_max_num_queries):
    from federations.factories import UnitFactory

    page = publish(StatisticsPageFactory(parent=tree.home))
    path = f"/en{page.url_path.removeprefix('/home')}"
    client.get(path)
    for n in range(25):
        UnitFactory(parent=tree.hanoi, code=f"HN-Y{n}")
    with django_assert_max_num_queries(24):
        assert client.get(path).status_code == 200


def test_chart_block_renders_the_dataset_figure_anywhere(federation):
    dataset = DatasetFactory(unit=federation.confederation, title="National strikes")
    block = ChartBlock()
    html = block.render(block.to_python({"dataset": dataset.pk, "chart_type": "donut", "last_periods": None}))
    assert "National strikes" in html and "chart--donut" in html and "<table" in html
    assert reverse("stats:dataset_csv", args=[dataset.pk]) in html


def test_live_figures_without_data_for_the_unit_are_left_out_of_the_page(client, tree):
    from members.factories import MemberFactory

    page = publish(StatisticsPageFactory(parent=tree.hanoi_section, slug="figures"))
    path = f"/en{page.url_path.removeprefix('/home')}"
    html = client.get(path).content.decode()
    assert "Union units by level" in html
    assert "Members in each unit below" not in html and "There are no figures to show yet." not in html
    MemberFactory(unit=tree.grassroots)
    cache.clear()
    assert "Members in each unit below" in client.get(path).content.decode()

"""Public chart pages: dataset and live indicator, drill-down, period selector, CSV."""

import pytest
from django.urls import reverse
from django.utils import translation

from stats.factories import DatasetFactory

pytestmark = pytest.mark.django_db


def url(name, *args, **query):
    with translation.override("en"):
        path = reverse(f"stats:{name}", args=args)
    if query:
        path += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return path


@pytest.fixture
def strikes(federation):
    """National strikes per year, with lines for Hanoi and for Cau Giay below it."""
    return DatasetFactory(
        title="Strikes and work stoppages",
        unit=federation.confederation,
        table={
            "period_heading": "Year",
            "series": ["Strikes", "Work stoppages"],
            "rows": [
                {"period": "2021", "unit": "", "values": [120, 30]},
                {"period": "2022", "unit": "", "values": [98, 41]},
                {"period": "2023", "unit": "", "values": [105, 22]},
                {"period": "2022", "unit": "HN", "values": [14, 3]},
                {"period": "2023", "unit": "HN", "values": [9, 5]},
                {"period": "2023", "unit": "HN-CG", "values": [2, 1]},
            ],
        },
    )


def test_dataset_page_shows_chart_table_method_and_csv_link(client, strikes, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        response = client.get(url("dataset_detail", strikes.pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="graphics-document"' in html
    assert 'aria-label="2021, Strikes: 120 strikes"' in html
    assert '<th scope="row">2023</th><td>105</td><td>22</td>' in html
    assert url("dataset_csv", strikes.pk) in html


def test_confederation_chart_links_to_each_province_and_down_the_tree(client, strikes):
    html = client.get(url("dataset_detail", strikes.pk)).content.decode()
    assert f'href="{url("dataset_detail", strikes.pk)}?unit=HN"' in html
    assert "unit=HN-CG" not in html  # a district is one level further down
    hanoi = client.get(url("dataset_detail", strikes.pk, unit="HN")).content.decode()
    assert 'aria-label="2022, Strikes: 14 strikes"' in hanoi
    assert f'href="{url("dataset_detail", strikes.pk)}?unit=HN-CG"' in hanoi
    # ...and back up: the national chart is in the breadcrumb.
    assert f'<a href="{url("dataset_detail", strikes.pk)}">' in hanoi


def test_period_selector_cuts_the_chart_and_the_download(client, strikes):
    html = client.get(url("dataset_detail", strikes.pk, **{"from": "2022", "to": "2023"})).content.decode()
    assert "2021, Strikes" not in html and "2022, Strikes: 98" in html
    assert '<option value="2022" selected>' in html
    csv_text = client.get(url("dataset_csv", strikes.pk, **{"from": "2022", "to": "2022"})).content.decode()
    assert csv_text == "\ufeffYear,Strikes,Work stoppages\r\n2022,98,41\r\n"


def test_csv_download_is_an_attachment_and_defuses_formulas(client, federation):
    dataset = DatasetFactory(
        unit=federation.confederation,
        title="Quality",
        table={
            "period_heading": "Year",
            "series": ["=cmd()"],
            "rows": [{"period": "2024", "unit": "", "values": [1.5]}],
        },
    )
    response = client.get(url("dataset_csv", dataset.pk))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="quality-tld.csv"'
    assert response.content.decode() == "\ufeffYear,'=cmd()\r\n2024,1.5\r\n"


def test_unpublished_datasets_and_foreign_units_are_not_found(client, strikes, federation):
    assert client.get(url("dataset_detail", strikes.pk, unit="HCM")).status_code == 404
    strikes.is_public = False
    strikes.save()
    assert client.get(url("dataset_detail", strikes.pk)).status_code == 404
    assert client.get(url("dataset_csv", strikes.pk)).status_code == 404


def test_an_empty_dataset_shows_a_message_not_a_broken_chart(client, federation):
    dataset = DatasetFactory(
        unit=federation.confederation, table={"period_heading": "", "series": [], "rows": []}
    )
    html = client.get(url("dataset_detail", dataset.pk)).content.decode()
    assert "There are no figures to show yet." in html
    assert "<svg" not in html


def test_indicator_page_drills_down_and_up_the_tree(client, tree, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        response = client.get(url("indicator_detail", "grassroots-by-unit", "TLD"))
    html = response.content.decode()
    assert 'aria-label="Hanoi Federation of Labour: 5 grassroots unions"' in html
    # The rows and the drill-down list link to the same chart one level down.
    assert f'href="{url("indicator_detail", "grassroots-by-unit", "HN")}"' in html
    hanoi = client.get(url("indicator_detail", "grassroots-by-unit", "HN")).content.decode()
    assert f'href="{url("indicator_detail", "grassroots-by-unit", "HN-CG")}"' in hanoi
    assert f'<a href="{url("indicator_detail", "grassroots-by-unit", "TLD")}">' in hanoi


def test_indicator_page_query_count_does_not_grow_with_the_tree(client, tree, django_assert_max_num_queries):
    from federations.factories import UnitFactory

    client.get(url("indicator_detail", "units-by-level", "TLD"))
    for n in range(30):
        UnitFactory(parent=tree.hanoi, code=f"HN-X{n}")
    with django_assert_max_num_queries(10):
        assert client.get(url("indicator_detail", "units-by-level", "TLD")).status_code == 200


def test_indicator_csv_and_unknown_indicator(client, tree):
    csv_text = client.get(url("indicator_csv", "units-by-level", "HN")).content.decode()
    assert csv_text.splitlines()[0] == "\ufeffLevel,Units"
    assert client.get(url("indicator_detail", "no-such-thing", "HN")).status_code == 404
    assert client.get(url("indicator_detail", "units-by-level", "NOPE")).status_code == 404


def test_chart_type_can_be_switched_and_bad_values_are_ignored(client, strikes):
    html = client.get(url("dataset_detail", strikes.pk, chart="line")).content.decode()
    assert "chart--line" in html
    html = client.get(url("dataset_detail", strikes.pk, chart="<script>")).content.decode()
    assert "chart--bar" in html


def test_translated_dataset_shows_translated_headings(client, strikes):
    from demo.translation import translate

    translate(strikes, "en", {"Strikes and work stoppages": "Strikes (EN)", "Strikes": "Strike actions"})
    html = client.get(url("dataset_detail", strikes.pk)).content.decode()
    assert "Strikes (EN)" in html and 'aria-label="2021, Strike actions: 120 strikes"' in html

"""Live indicators against a tree with known counts; caching and background refresh."""

import time

import pytest
from django.core.cache import cache
from django.utils import translation

from federations.factories import UnitFactory
from stats.indicators import Indicator, registry
from stats.live import cache_key, live_table
from stats.tables import Row, Table

pytestmark = pytest.mark.django_db


def rows(slug, unit):
    with translation.override("en"):
        result = live_table(registry.get(slug), unit)
    return [(row.label, row.values[0]) for row in result.table.rows], result.table


def test_units_by_level_counts_active_units_below(tree):
    counted, _ = rows("units-by-level", tree.confederation)
    assert counted == [
        ("Provincial federation or national sector union", 3),
        ("Upper-level grassroots union", 2),
        ("Grassroots union", 8),
    ]
    counted, _ = rows("units-by-level", tree.hanoi)
    assert counted == [("Upper-level grassroots union", 1), ("Grassroots union", 5)]


def test_grassroots_by_unit_counts_each_branch_and_links_the_ones_with_units_below(tree):
    counted, table = rows("grassroots-by-unit", tree.confederation)
    assert counted == [
        ("Hanoi Federation of Labour", 5),
        ("Vietnam Education Trade Union", 2),
        ("Ho Chi Minh City Federation of Labour", 1),
    ]
    assert [row.unit_code for row in table.rows] == ["HN", "CDGD", "HCM"]
    counted, table = rows("grassroots-by-unit", tree.hanoi)
    # Grassroots unions directly under Hanoi count as themselves and cannot be drilled into.
    assert (tree.cau_giay.name_en, 3) in counted
    assert {row.unit_code for row in table.rows if row.values[0] == 1} == {""}


def test_grassroots_by_province_uses_the_recorded_province(tree):
    counted, _ = rows("grassroots-by-province", tree.confederation)
    assert counted == [
        ("Hà Nội", 5),
        ("Province not recorded", 1),
        ("TP. Hồ Chí Minh", 1),
        ("Đà Nẵng", 1),
    ]


def test_grassroots_by_the_level_above_them(tree):
    counted, _ = rows("grassroots-by-parent-level", tree.confederation)
    assert counted == [
        ("Provincial federation or national sector union", 4),
        ("Upper-level grassroots union", 4),
    ]


def test_a_level_without_grassroots_unions_shows_zero(federation):
    counted, _ = rows("grassroots-by-parent-level", federation.confederation)
    assert counted == [
        ("Provincial federation or national sector union", 0),
        ("Upper-level grassroots union", 1),
    ]


def test_a_cached_indicator_costs_no_query(tree, django_assert_num_queries):
    indicator = registry.get("units-by-level")
    live_table(indicator, tree.confederation)
    with django_assert_num_queries(0):
        live_table(indicator, tree.confederation)


def test_a_stale_result_is_served_then_refreshed_in_the_background(tree):
    indicator = registry.get("units-by-level")
    with translation.override("en"):
        first = live_table(indicator, tree.confederation)
        UnitFactory(parent=tree.hanoi, code="HN-NEW")
        # Still fresh: the cached figure is served as it is.
        assert live_table(indicator, tree.confederation).table.rows[-1].values == [8]
        key = cache_key(indicator.slug, tree.confederation.pk, "en")
        entry = cache.get(key)
        entry["at"] = time.time() - indicator.max_age - 1
        cache.set(key, entry)
        # Stale: this reader gets the old figure while the task (immediate in tests) recomputes it.
        assert live_table(indicator, tree.confederation).table.rows[-1].values == [8]
        refreshed = live_table(indicator, tree.confederation)
    assert refreshed.table.rows[-1].values == [9]
    assert refreshed.computed_at > first.computed_at


def test_results_are_cached_per_language(tree):
    indicator = registry.get("grassroots-by-unit")
    with translation.override("en"):
        english = live_table(indicator, tree.confederation).table.rows[0].label
    with translation.override("vi"):
        vietnamese = live_table(indicator, tree.confederation).table.rows[0].label
    assert (english, vietnamese) == ("Hanoi Federation of Labour", "Liên đoàn Lao động thành phố Hà Nội")


def test_an_indicator_of_an_app_that_is_not_installed_is_hidden():
    missing = Indicator(
        slug="figures-of-a-missing-app",
        title="Members",
        method="",
        measure="members",
        compute=lambda unit: Table(series=["Members"], rows=[Row("2024-01", [1])]),
        requires=("members_app_not_installed",),
    )
    registry.register(missing)
    try:
        assert registry.get("figures-of-a-missing-app") is None
        assert "figures-of-a-missing-app" not in [i.slug for i in registry.all()]
    finally:
        registry.unregister("figures-of-a-missing-app")


def test_warming_task_fills_the_cache_for_the_top_levels_in_every_language(tree, settings):
    from stats.tasks import refresh_top_levels

    result = refresh_top_levels.enqueue()
    languages = [code for code, _name in settings.LANGUAGES]
    top_units = [tree.confederation, tree.hanoi, tree.saigon, tree.education]
    assert result.return_value == len(top_units) * len(registry.all()) * len(languages)
    for unit in top_units:
        for language in languages:
            assert cache.get(cache_key("units-by-level", unit.pk, language)) is not None
    assert cache.get(cache_key("units-by-level", tree.cau_giay.pk, "vi")) is None

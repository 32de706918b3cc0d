"""Live indicators from members and contests against known data."""

import datetime
from datetime import timedelta

import pytest
from django.utils import timezone, translation

from contests.factories import ContestPageFactory, EntrantFactory, QuestionBankFactory, add_round
from contests.models import UnitMemberCount
from members.factories import MemberFactory
from members.models import Member
from stats.indicators import registry
from stats.live import live_table

pytestmark = pytest.mark.django_db


def table(slug, unit, language="en"):
    with translation.override(language):
        return live_table(registry.get(slug), unit).table


def figures(slug, unit):
    return [(row.label, row.values) for row in table(slug, unit).rows]


def months_ago(count: int) -> datetime.date:
    """The 15th of the month `count` months before this one."""
    today = timezone.localdate()
    month = today.year * 12 + today.month - 1 - count
    return datetime.date(month // 12, month % 12 + 1, 15)


def month_label(count: int) -> str:
    return months_ago(count).strftime("%Y-%m")


@pytest.fixture
def members(tree):
    """Hanoi: 3 active under Cau Giay (one in HN-CG-10), 2 directly under Hanoi in HN-00, one suspended,
    one who left, one in an inactive union; HCM: 1 in HCM-Q1-01; the education union: 2 in CDGD-01."""
    units = {code: unit for unit in tree.hanoi.get_descendants() for code in [unit.code]}
    joined = [
        ("HN-CG-01", 30),  # two and a half years ago: before the window of 24 months
        ("HN-CG-01", 5),
        ("HN-CG-10", 5),
        ("HN-00", 3),
        ("HN-00", 0),
    ]
    for code, ago in joined:
        MemberFactory(unit=units.get(code) or tree.grassroots, date_joined=months_ago(ago))
    MemberFactory(unit=units["HN-01"], date_joined=months_ago(2), status=Member.Status.SUSPENDED)
    MemberFactory(unit=units["HN-01"], date_joined=months_ago(2), status=Member.Status.LEFT)
    MemberFactory(unit=units["HN-OLD"], date_joined=months_ago(2))
    MemberFactory(unit=tree.district1.get_children().get(), date_joined=months_ago(1))
    for unit in tree.education.get_children():
        if unit.code == "CDGD-01":
            MemberFactory.create_batch(2, unit=unit, date_joined=months_ago(1))
    return tree


def test_members_by_unit_counts_active_members_of_each_branch_and_links_branches_with_units_below(members):
    assert figures("members-by-unit", members.confederation) == [
        ("Hanoi Federation of Labour", [5]),
        ("Vietnam Education Trade Union", [2]),
        ("Ho Chi Minh City Federation of Labour", [1]),
    ]
    assert [row.unit_code for row in table("members-by-unit", members.confederation).rows] == [
        "HN",
        "CDGD",
        "HCM",
    ]
    hanoi = table("members-by-unit", members.hanoi)
    assert [(row.label, row.values, row.unit_code) for row in hanoi.rows][0] == (
        members.cau_giay.name_en,
        [3],
        "HN-CG",
    )
    # A grassroots union directly under Hanoi is a branch of its own, with nothing to drill into.
    assert [row.values for row in hanoi.rows][1:] == [[2]] and hanoi.rows[1].unit_code == ""


def test_members_held_by_the_unit_itself_get_a_row_of_their_own(members):
    MemberFactory(unit=members.cau_giay, date_joined=months_ago(1))
    assert ("Directly in " + members.cau_giay.name_en, [1]) in figures("members-by-unit", members.cau_giay)


def test_members_by_level_of_their_union(members):
    MemberFactory(unit=members.cau_giay, date_joined=months_ago(1))
    assert figures("members-by-level", members.confederation) == [
        ("Upper-level grassroots union", [1]),
        ("Grassroots union", [8]),
    ]


def test_membership_grows_by_month_from_the_join_dates(members):
    growth = table("members-by-month", members.hanoi)
    assert growth.periodic and len(growth.rows) == 24
    assert growth.rows[-1].label == month_label(0)
    by_month = {row.label: row.values[0] for row in growth.rows}
    # One Hanoi member joined before the window; two five months ago, one three months ago, one this month.
    assert by_month[month_label(23)] == 1
    assert by_month[month_label(5)] == 3
    assert by_month[month_label(4)] == 3
    assert by_month[month_label(3)] == 4
    assert by_month[month_label(0)] == 5
    new = {row.label: row.values[0] for row in table("new-members-by-month", members.hanoi).rows}
    assert (new[month_label(5)], new[month_label(4)], new[month_label(3)], new[month_label(0)]) == (
        2,
        0,
        1,
        1,
    )


def test_a_unit_without_members_has_no_figures_rather_than_a_chart_of_zeros(tree):
    for slug in ("members-by-unit", "members-by-level", "members-by-month", "new-members-by-month"):
        assert table(slug, tree.saigon).is_empty, slug


@pytest.fixture
def contests(tree):
    """Two contests of Hanoi (the older one in English too), entrants across the tree, member counts."""
    bank = QuestionBankFactory(unit=tree.hanoi)
    older = ContestPageFactory(parent=tree.hanoi_section, question_bank=bank, title="Spring quiz")
    add_round(older, -timedelta(days=90))
    newer = ContestPageFactory(parent=tree.hanoi_section, question_bank=bank, title="Autumn quiz")
    add_round(newer, -timedelta(days=3))
    draft = ContestPageFactory(parent=tree.hanoi_section, question_bank=bank, title="Unpublished", live=False)
    add_round(draft, timedelta(days=3))
    units = {unit.code: unit for unit in tree.confederation.get_descendants()}
    for contest, code, count in [
        (older, "HN-CG-01", 4),
        (older, "HN-00", 1),
        (newer, "HN-CG-01", 2),
        (newer, "HN-CG-10", 3),
        (newer, "HCM-Q1-01", 5),
        (draft, "HN-00", 7),
    ]:
        EntrantFactory.create_batch(count, contest=contest, unit=units[code])
    for code, count in [("HN-CG-01", 50), ("HN-CG-10", 50), ("HN-00", 20), ("HCM-Q1-01", 40)]:
        UnitMemberCount.objects.create(unit=units[code], member_count=count)
    return tree


def test_contest_entrants_per_unit_with_one_series_per_recent_contest(contests):
    entrants = table("contest-entrants-by-unit", contests.confederation)
    # Oldest first; the unpublished contest is not shown, whatever its entrants.
    assert entrants.series == ["Spring quiz", "Autumn quiz"]
    assert [(row.label, row.values, row.unit_code) for row in entrants.rows] == [
        ("Hanoi Federation of Labour", [5, 5], "HN"),
        ("Ho Chi Minh City Federation of Labour", [0, 5], "HCM"),
    ]
    hanoi = table("contest-entrants-by-unit", contests.hanoi)
    assert [row.values for row in hanoi.rows] == [[4, 5], [1, 0]]


def test_participation_rate_is_entrants_per_hundred_members_of_the_branch(contests):
    rates = table("contest-participation-rate", contests.confederation)
    assert rates.series == ["Spring quiz", "Autumn quiz"]
    # Hanoi: 120 members; 5 and 5 entrants. HCM: 40 members, 5 entrants in the autumn.
    assert [(row.label, row.values) for row in rates.rows] == [
        ("Ho Chi Minh City Federation of Labour", [0.0, 12.5]),
        ("Hanoi Federation of Labour", [4.2, 4.2]),
    ]
    hanoi = {row.label: row.values for row in table("contest-participation-rate", contests.hanoi).rows}
    assert hanoi[contests.cau_giay.name_en] == [4.0, 5.0]  # 4 and 5 entrants of 100 members


def test_a_unit_without_a_recorded_member_count_has_no_rate(contests):
    UnitMemberCount.objects.filter(unit__code="HCM-Q1-01").delete()
    labels = [row.label for row in table("contest-participation-rate", contests.confederation).rows]
    assert labels == ["Hanoi Federation of Labour"]


def test_contest_series_are_named_in_the_readers_language(contests):
    from demo.translation import translate

    spring = contests.hanoi_section.get_children().get(slug__startswith="cuoc-thi", title="Spring quiz")
    contests.hanoi_section.save_revision().publish()
    translate(contests.hanoi_section, "en", {contests.hanoi_section.title: "Hanoi"})
    translate(spring.specific, "en", {"Spring quiz": "Spring law quiz"})
    assert table("contest-entrants-by-unit", contests.confederation).series[0] == "Spring law quiz"
    assert table("contest-entrants-by-unit", contests.confederation, "vi").series[0] == "Spring quiz"


def test_no_contest_below_a_unit_shows_the_empty_state(tree):
    assert table("contest-entrants-by-unit", tree.saigon).is_empty
    assert table("contest-participation-rate", tree.saigon).is_empty


def test_branches_beyond_the_limit_are_summed_into_other_units(tree):
    from stats.branches import branch_rows

    children = {child.code: child.path for child in tree.hanoi.get_children()}
    values = {
        children["HN-CG"]: [5, 1],
        children["HN-00"]: [3, 0],
        children["HN-01"]: [1, 1],
        tree.hanoi.path: [2, 2],
    }
    with translation.override("en"):
        rows = branch_rows(tree.hanoi, values, limit=2)
    assert [(row.label, row.values) for row in rows] == [
        (tree.cau_giay.name_en, [5, 1]),
        ("Directly in Hanoi Federation of Labour", [2, 2]),
        ("Other units", [4, 1]),
    ]

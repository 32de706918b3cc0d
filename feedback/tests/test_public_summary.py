"""The anonymised public summary on the statistics page: counts per unit, never text or names."""

import datetime

import pytest
from django.utils import timezone, translation

from feedback import services
from feedback.factories import CaseFactory
from stats.indicators import registry
from stats.live import live_table

pytestmark = pytest.mark.django_db


def table(unit):
    with translation.override("en"):
        return live_table(registry.get("cases-answered-on-time"), unit).table


def test_cases_received_and_answered_on_time_per_unit_below(tree):
    now = timezone.now()
    on_time = CaseFactory(member=tree.hang, description="Bí mật của Hằng")
    services.reply(on_time, "OK", by=tree.grassroots_officer, now=on_time.due_at - datetime.timedelta(days=1))
    late = CaseFactory(member=tree.hang, due_at=now - datetime.timedelta(days=3))
    services.reply(late, "Muộn", by=tree.grassroots_officer, now=now)
    CaseFactory(member=tree.lan, unit=tree.sibling)
    CaseFactory(member=tree.lan, unit=tree.hanoi)

    result = table(tree.hanoi)
    assert result.series == ["Received", "Answered on time"]
    assert [(row.values, row.unit_code) for row in result.rows] == [([1, 0], ""), ([3, 1], "HN-CG")]
    assert result.rows[0].label == "Hanoi Federation of Labour itself"
    below = table(tree.cau_giay)
    with translation.override("en"):
        expected = [(tree.grassroots.name, [2, 1]), (tree.sibling.name, [1, 0])]
    assert [(row.label, row.values) for row in below.rows] == expected


def test_the_public_statistics_page_shows_counts_but_no_text_or_names(client, tree):
    CaseFactory(member=tree.hang, description="Bí mật của Hằng", employer="Công ty Bí Mật")
    response = client.get(f"/en/statistics/live/cases-answered-on-time/{tree.hanoi.code}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Members&#x27; requests received and answered on time" in page or "Members' requests" in page
    for secret in ("Bí mật của Hằng", "Công ty Bí Mật", tree.hang.full_name, tree.hang.member_number):
        assert secret not in page

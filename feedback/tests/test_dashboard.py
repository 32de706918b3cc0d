"""The officers' dashboard: open, overdue and median times by category, drillable down the tree."""

import datetime

import pytest
from django.utils import timezone

from feedback import dashboard, services
from feedback.factories import CaseFactory
from feedback.models import Status

pytestmark = pytest.mark.django_db


def test_figures_by_category_and_by_unit_below(tree):
    now = timezone.now()
    day = datetime.timedelta(days=1)
    late = CaseFactory(member=tree.hang, category="safety", due_at=now - day)
    quick = CaseFactory(member=tree.hang, created_at=now - 10 * day)
    services.reply(quick, "OK", by=tree.grassroots_officer, now=now - 8 * day)
    slow = CaseFactory(member=tree.lan, unit=tree.sibling, created_at=now - 10 * day)
    services.reply(slow, "OK", by=tree.sibling_officer, now=now - 6 * day)
    services.set_status(slow, Status.CLOSED, by=tree.sibling_officer, now=now - 5 * day)
    CaseFactory(member=tree.lan, unit=tree.sibling)

    figures = dashboard.for_unit(tree.cau_giay, now=now)
    assert (figures.totals.total, figures.totals.open, figures.totals.overdue) == (4, 2, 1)
    wages = next(row for row in figures.by_category if row.category == "wages")
    assert (wages.total, wages.open, wages.first_answer_days, wages.close_days) == (3, 1, 3.0, 5.0)
    safety = next(row for row in figures.by_category if row.category == "safety")
    assert (safety.open, safety.overdue) == (1, 1)
    below = {row.unit.code: (row.total, row.open, row.overdue) for row in figures.below}
    assert below == {"HN-CG-01": (2, 1, 1), "HN-CG-02": (2, 1, 0)}
    assert late.is_overdue()


def test_officers_drill_down_but_not_into_other_units(client, tree):
    CaseFactory(member=tree.hang)
    client.force_login(tree.upper_officer)
    page = client.get("/admin/requests/dashboard/").content.decode()
    assert "?unit=HN-CG-01" in page and "?unit=HN-CG-02" in page
    assert '?unit=HN"' not in page  # no way up past the officer's own unit
    assert client.get("/admin/requests/dashboard/?unit=HN-CG-01").status_code == 200
    client.force_login(tree.grassroots_officer)
    assert client.get("/admin/requests/dashboard/?unit=HN-CG-02").status_code in (302, 403)
    assert client.get("/admin/requests/dashboard/?unit=HN").status_code in (302, 403)
    client.force_login(tree.saigon_officer)
    assert client.get("/admin/requests/dashboard/?unit=HN-CG").status_code in (302, 403)

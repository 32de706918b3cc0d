"""A running contest in the Hanoi section: a 12-question bank in three topics, three rounds."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.cache import cache

from contests.bank_cache import forget_local
from contests.factories import ContestPageFactory, QuestionBankFactory, QuestionFactory, add_round
from contests.identity import cookie_name
from contests.models import Entrant
from contests.round_cache import forget
from federations.factories import UnitFactory
from federations.models import Level


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    forget_local()
    forget()
    yield
    cache.clear()
    forget_local()
    forget()


@pytest.fixture
def contest_setup(federation):
    bank = QuestionBankFactory(unit=federation.hanoi)
    for topic in ("luật", "điều lệ", "nghị quyết"):
        for _n in range(4):
            QuestionFactory(bank=bank, topic=topic)
    contest = ContestPageFactory(parent=federation.hanoi_section, question_bank=bank, slug="cuoc-thi")
    contest.save_revision().publish()
    current = add_round(contest, -timedelta(days=1))
    later = add_round(contest, timedelta(days=6, hours=1))
    another = UnitFactory(parent=federation.cau_giay, code="HN-CG-02", level=Level.GRASSROOTS)
    return SimpleNamespace(
        federation=federation,
        bank=bank,
        contest=contest,
        round=current,
        later_round=later,
        unit=federation.grassroots,
        other_unit=another,
    )


def enter_as(client, contest, entrant: Entrant) -> None:
    """Give the test client the signed cookie a registration would have set."""
    from django.http import HttpResponse

    from contests.identity import remember_entrant

    response = HttpResponse()
    remember_entrant(response, contest.pk, entrant.pk)
    client.cookies[cookie_name(contest.pk)] = response.cookies[cookie_name(contest.pk)].value


@pytest.fixture
def entrant(contest_setup):
    return Entrant.objects.create(
        contest=contest_setup.contest, full_name="Trần Thị Lan", phone="0912345678", unit=contest_setup.unit
    )

"""A bank's cached snapshot follows every edit: later attempts never draw what was removed.

The contest here draws every question of its bank, so what is drawn is the bank as the
snapshot holds it.
"""

import pytest
from django.urls import reverse

from contests import round_cache
from contests.factories import QuestionBankFactory
from contests.models import Attempt, ContestPage, Entrant, Option, Question

from .conftest import enter_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def whole_bank(contest_setup):
    """Every question of the 12 drawn per attempt, and the snapshot already built by a first attempt."""
    ContestPage.objects.filter(pk=contest_setup.contest.pk).update(
        questions_per_attempt=12, attempts_per_round=5
    )
    round_cache.forget()
    first = started(contest_setup, "0900000001")
    assert len(first.questions) == 12
    return contest_setup


def started(contest_setup, phone: str) -> Attempt:
    from django.test import Client

    entrant = Entrant.objects.create(
        contest=contest_setup.contest, full_name=f"Người thi {phone}", phone=phone, unit=contest_setup.unit
    )
    client = Client()
    enter_as(client, contest_setup.contest, entrant)
    assert client.post(reverse("contests:start", args=[contest_setup.round.pk])).status_code == 302
    return Attempt.objects.get(entrant=entrant)


def drawn(attempt: Attempt) -> dict[int, dict]:
    return {item["q"]: item for item in attempt.questions}


def test_a_deleted_question_is_not_drawn(whole_bank):
    question = Question.objects.filter(bank=whole_bank.bank).first()
    pk = question.pk
    question.delete()
    attempt = started(whole_bank, "0900000002")
    assert pk not in drawn(attempt)
    assert len(attempt.questions) == 11


def test_a_question_deleted_by_another_worker_is_not_drawn(whole_bank):
    # This worker still holds the round, contest and bank it read before the other worker's edit.
    held = dict(round_cache._rounds)
    question = Question.objects.filter(bank=whole_bank.bank).first()
    pk = question.pk
    question.delete()
    round_cache._rounds.update(held)
    assert pk not in drawn(started(whole_bank, "0900000002"))


def test_questions_deleted_in_bulk_are_not_drawn(whole_bank):
    gone = list(Question.objects.filter(bank=whole_bank.bank).values_list("pk", flat=True)[:3])
    Question.objects.filter(pk__in=gone).delete()
    assert not set(gone) & set(drawn(started(whole_bank, "0900000002")))


def test_a_deleted_option_is_not_offered(whole_bank):
    option = Option.objects.filter(question__bank=whole_bank.bank, is_correct=False).first()
    pk = option.pk
    option.delete()
    item = drawn(started(whole_bank, "0900000002"))[option.question_id]
    assert pk not in item["o"] and len(item["o"]) == 3


def test_a_changed_answer_key_is_scored_from_the_next_attempt(whole_bank):
    question = Question.objects.filter(bank=whole_bank.bank).first()
    right, wrong = question.options.get(is_correct=True), question.options.filter(is_correct=False).first()
    right.is_correct, wrong.is_correct = False, True
    right.save()
    wrong.save()
    assert drawn(started(whole_bank, "0900000002"))[question.pk]["c"] == [wrong.pk]


def test_a_question_without_a_correct_option_any_more_is_not_drawn(whole_bank):
    question = Question.objects.filter(bank=whole_bank.bank).first()
    question.options.get(is_correct=True).delete()
    assert question.pk not in drawn(started(whole_bank, "0900000002"))


def test_a_question_moved_to_another_bank_is_not_drawn_from_the_first(whole_bank):
    question = Question.objects.filter(bank=whole_bank.bank).first()
    question.bank = QuestionBankFactory(unit=whole_bank.bank.unit, name="Ngân hàng khác")
    question.save()
    assert question.pk not in drawn(started(whole_bank, "0900000002"))

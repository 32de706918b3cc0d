from datetime import timedelta

import pytest
from django.utils import timezone

from contests.attempts import (
    GRACE,
    NoAttemptsLeft,
    RoundNotOpen,
    close_if_expired,
    save_answers,
    start_attempt,
    submit,
)
from contests.models import Attempt


def right_answers(attempt, count=None):
    items = attempt.questions[:count] if count is not None else attempt.questions
    return {str(item["q"]): item["c"] for item in items}


def test_an_attempt_draws_the_configured_number_of_questions_with_a_fixed_deadline(contest_setup, entrant):
    now = timezone.now()
    attempt = start_attempt(contest_setup.contest, contest_setup.round, entrant, now=now)
    assert len(attempt.questions) == 5
    assert attempt.deadline == now + timedelta(minutes=20)


def test_the_deadline_never_passes_the_round_close(contest_setup, entrant):
    round_ = contest_setup.round
    now = round_.closes_at - timedelta(minutes=3)
    attempt = start_attempt(contest_setup.contest, round_, entrant, now=now)
    assert attempt.deadline == round_.closes_at


def test_starting_again_resumes_the_unfinished_attempt(contest_setup, entrant):
    first = start_attempt(contest_setup.contest, contest_setup.round, entrant)
    again = start_attempt(contest_setup.contest, contest_setup.round, entrant)
    assert again.pk == first.pk
    assert Attempt.objects.count() == 1


def test_attempts_per_round_are_enforced(contest_setup, entrant):
    for _n in range(2):
        attempt = start_attempt(contest_setup.contest, contest_setup.round, entrant)
        submit(attempt, {})
    with pytest.raises(NoAttemptsLeft):
        start_attempt(contest_setup.contest, contest_setup.round, entrant)


def test_a_round_that_is_not_open_cannot_be_started(contest_setup, entrant):
    with pytest.raises(RoundNotOpen):
        start_attempt(contest_setup.contest, contest_setup.later_round, entrant)


def test_second_attempt_prefers_new_questions(contest_setup, entrant):
    first = start_attempt(contest_setup.contest, contest_setup.round, entrant)
    submit(first, {})
    second = start_attempt(contest_setup.contest, contest_setup.round, entrant)
    assert not set(first.question_ids) & set(second.question_ids)


def test_score_counts_exactly_right_questions(contest_setup, entrant):
    attempt = start_attempt(contest_setup.contest, contest_setup.round, entrant)
    answers = right_answers(attempt, 3)
    wrong = attempt.questions[3]
    answers[str(wrong["q"])] = [o for o in wrong["o"] if o not in wrong["c"]][:1]
    submit(attempt, answers, prediction=12)
    attempt.refresh_from_db()
    assert attempt.score == 3
    assert attempt.prediction == 12


def test_a_repeated_submit_keeps_the_first_result(contest_setup, entrant):
    attempt = start_attempt(contest_setup.contest, contest_setup.round, entrant)
    submit(attempt, right_answers(attempt))
    replay = Attempt.objects.get(pk=attempt.pk)
    submit(replay, {})
    replay.refresh_from_db()
    assert replay.score == 5


def test_submit_within_grace_is_scored_with_the_posted_answers(contest_setup, entrant):
    attempt = start_attempt(contest_setup.contest, contest_setup.round, entrant)
    submit(attempt, right_answers(attempt), now=attempt.deadline + GRACE - timedelta(seconds=1))
    attempt.refresh_from_db()
    assert attempt.score == 5
    assert not attempt.auto_submitted


def test_late_submit_is_scored_with_what_was_saved_by_the_deadline(contest_setup, entrant):
    attempt = start_attempt(contest_setup.contest, contest_setup.round, entrant)
    save_answers(attempt, right_answers(attempt, 2), now=attempt.deadline - timedelta(minutes=1))
    assert not save_answers(
        attempt, right_answers(attempt), now=attempt.deadline + GRACE + timedelta(seconds=1)
    )
    submit(attempt, right_answers(attempt), now=attempt.deadline + timedelta(hours=1))
    attempt.refresh_from_db()
    assert attempt.score == 2
    assert attempt.auto_submitted
    assert attempt.submitted_at == attempt.deadline


def test_an_abandoned_attempt_is_closed_with_its_saved_answers(contest_setup, entrant):
    attempt = start_attempt(contest_setup.contest, contest_setup.round, entrant)
    save_answers(attempt, right_answers(attempt, 4))
    closed = close_if_expired(Attempt.objects.get(pk=attempt.pk), now=attempt.deadline + timedelta(minutes=5))
    assert closed.score == 4 and closed.auto_submitted

"""Starting, answering and submitting attempts: the contest's hot path.

Each step is a read of one attempt row and at most one conditional UPDATE
(or one INSERT to start). No row stays locked between requests; the
authoritative deadline lives in the row, fixed when the attempt starts.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .bank_cache import question_pool
from .drawing import draw
from .models import Attempt, ContestPage, Entrant, QuestionKind, Round

logger = logging.getLogger("contests.security")

# Requests in flight when the deadline passes still count: a phone on a slow
# network may need a few seconds to deliver the last answer.
GRACE = timedelta(seconds=getattr(settings, "CONTESTS_GRACE_SECONDS", 30))


class AttemptError(Exception):
    """Something the entrant can fix or should be told, with a translated message."""


class RoundNotOpen(AttemptError):
    pass


class NoAttemptsLeft(AttemptError):
    pass


class Tampered(Exception):
    """A request no honest browser sends: rejected with 400 and logged."""


def accepts_answers(attempt: Attempt, now: datetime) -> bool:
    return attempt.submitted_at is None and now <= attempt.deadline + GRACE


def score_answers(questions: list[dict], answers: dict[str, list[int]]) -> int:
    """One point per question whose chosen options are exactly its correct options."""
    return sum(1 for item in questions if set(answers.get(str(item["q"]), ())) == set(item["c"]))


def start_attempt(
    contest: ContestPage, round_: Round, entrant: Entrant, now: datetime | None = None
) -> Attempt:
    """The entrant's unfinished attempt in this round, or a new one if attempts are left."""
    now = now or timezone.now()
    if not round_.is_open(now):
        raise RoundNotOpen
    earlier = list(
        Attempt.objects.filter(entrant=entrant, round__contest_id=round_.contest_id).values(
            "pk", "round_id", "number", "submitted_at", "deadline", "questions"
        )
    )
    in_round = [row for row in earlier if row["round_id"] == round_.pk]
    for row in in_round:
        if row["submitted_at"] is None and now <= row["deadline"]:
            return Attempt.objects.get(pk=row["pk"])
    if len(in_round) >= contest.attempts_per_round:
        raise NoAttemptsLeft
    seen = {item["q"] for row in earlier for item in row["questions"]}
    questions = draw(question_pool(contest.question_bank), contest.questions_per_attempt, seen)
    number = max((row["number"] for row in in_round), default=0) + 1
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                round=round_,
                entrant=entrant,
                number=number,
                started_at=now,
                deadline=min(now + contest.time_limit, round_.closes_at),
                questions=questions,
            )
    except IntegrityError:
        # A double click started the same attempt twice: the first one wins.
        return Attempt.objects.get(round=round_, entrant=entrant, number=number)


def parse_answers(attempt: Attempt, data, shown: list[str] | None = None) -> dict[str, list[int]]:
    """Answers posted as q<question id>=<option id>; anything not drawn is tampering."""
    drawn = {str(item["q"]): item for item in attempt.questions}
    kinds = attempt_kinds(attempt)
    posted: dict[str, list[int]] = {}
    for name in data:
        if not name.startswith("q") or not name[1:].isdigit():
            continue
        qid = name[1:]
        item = drawn.get(qid)
        if item is None:
            raise Tampered(f"answer to question {qid} that attempt {attempt.pk} did not draw")
        try:
            chosen = sorted({int(value) for value in data.getlist(name)})
        except ValueError as error:
            raise Tampered(f"non-numeric option for question {qid}") from error
        if not set(chosen) <= set(item["o"]):
            raise Tampered(f"option not belonging to question {qid}")
        if kinds.get(item["q"]) == QuestionKind.SINGLE and len(chosen) > 1:
            raise Tampered(f"several options for one-answer question {qid}")
        posted[qid] = chosen
    for qid in shown or []:
        if qid not in drawn:
            raise Tampered(f"shown question {qid} not drawn by attempt {attempt.pk}")
    answers = dict(attempt.answers)
    # A question shown on the page but absent from the post was cleared.
    for qid in shown if shown is not None else list(posted):
        if posted.get(qid):
            answers[qid] = posted[qid]
        else:
            answers.pop(qid, None)
    return answers


def attempt_kinds(attempt: Attempt) -> dict[int, str]:
    """Single/multiple per drawn question, as the bank said when it was drawn."""
    return {
        item["q"]: QuestionKind.MULTIPLE if item.get("m") else QuestionKind.SINGLE
        for item in attempt.questions
    }


def save_answers(
    attempt: Attempt,
    answers: dict[str, list[int]],
    *,
    prediction: int | None = None,
    essay: str | None = None,
    position: int | None = None,
    now: datetime | None = None,
) -> bool:
    """Store the current answers; False if the attempt no longer accepts them."""
    now = now or timezone.now()
    if not accepts_answers(attempt, now):
        return False
    fields = {"answers": answers}
    if prediction is not None:
        fields["prediction"] = prediction
    if essay is not None:
        fields["essay_text"] = essay
    if position is not None:
        fields["position"] = position
    updated = Attempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(**fields)
    for name, value in fields.items():
        setattr(attempt, name, value)
    return bool(updated)


def submit(
    attempt: Attempt,
    answers: dict[str, list[int]] | None,
    *,
    prediction: int | None = None,
    essay: str | None = None,
    now: datetime | None = None,
) -> Attempt:
    """Score and close the attempt once; a repeated submit returns the first result unchanged.

    After the deadline and its grace, what the request carries is ignored and
    the answers saved in time are scored.
    """
    now = now or timezone.now()
    if attempt.submitted_at is not None:
        return attempt
    late = now > attempt.deadline + GRACE
    if late or answers is None:
        answers, prediction, essay = attempt.answers, attempt.prediction, attempt.essay_text
    else:
        prediction = prediction if prediction is not None else attempt.prediction
        essay = essay if essay is not None else attempt.essay_text
    submitted_at = min(now, attempt.deadline) if late else now
    score = score_answers(attempt.questions, answers)
    updated = Attempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(
        answers=answers,
        prediction=prediction,
        essay_text=essay or "",
        score=score,
        submitted_at=submitted_at,
        auto_submitted=late,
    )
    if not updated:
        # Another request submitted first (double click): report what it stored.
        return Attempt.objects.get(pk=attempt.pk)
    attempt.answers, attempt.prediction, attempt.essay_text = answers, prediction, essay or ""
    attempt.score, attempt.submitted_at, attempt.auto_submitted = score, submitted_at, late
    return attempt


def close_if_expired(attempt: Attempt, now: datetime | None = None) -> Attempt:
    """An attempt left open past its deadline is scored with what was saved."""
    now = now or timezone.now()
    if attempt.submitted_at is None and now > attempt.deadline + GRACE:
        return submit(attempt, None, now=now)
    return attempt


def close_expired_in_round(round_: Round, now: datetime | None = None) -> int:
    """Score every abandoned attempt of a round (before ranking it)."""
    now = now or timezone.now()
    closed = 0
    for attempt in Attempt.objects.filter(
        round=round_, submitted_at__isnull=True, deadline__lt=now - GRACE
    ).iterator():
        submit(attempt, None, now=now)
        closed += 1
    return closed

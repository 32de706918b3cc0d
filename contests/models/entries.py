"""Entrants, their attempts and the computed results.

Hot path design (see README): an attempt row carries everything needed to
show and score it (drawn question ids, option order, the answer key), so
saving answers and submitting touch one row and hold no lock across requests.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from federations.models import Unit

from .contest import ContestPage, Round


def new_token() -> str:
    return secrets.token_urlsafe(16)


class Entrant(models.Model):
    """One person in one contest: by member account, or by phone number for public contests.

    `user` stays empty for public entrants; a members app can link it later.
    """

    # Contest data, not content: Wagtail's reference index would add a write to every save.
    wagtail_reference_index_ignore = True

    contest = models.ForeignKey(ContestPage, on_delete=models.CASCADE, related_name="entrants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contest_entries",
        verbose_name=_("member account"),
    )
    full_name = models.CharField(_("full name"), max_length=120)
    phone = models.CharField(_("phone number"), max_length=20)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="contest_entrants", verbose_name=_("unit")
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        verbose_name = _("entrant")
        verbose_name_plural = _("entrants")
        constraints = [
            models.UniqueConstraint(fields=["contest", "phone"], name="contest_entrant_unique_phone"),
            models.UniqueConstraint(
                fields=["contest", "user"],
                condition=Q(user__isnull=False),
                name="contest_entrant_unique_user",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def masked_phone(self) -> str:
        """For public boards: enough to recognise oneself, not enough to call."""
        return "•" * max(len(self.phone) - 3, 0) + self.phone[-3:]


class Attempt(models.Model):
    wagtail_reference_index_ignore = True

    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="attempts", verbose_name=_("round")
    )
    entrant = models.ForeignKey(
        Entrant, on_delete=models.CASCADE, related_name="attempts", verbose_name=_("entrant")
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    started_at = models.DateTimeField(_("started"))
    deadline = models.DateTimeField(_("deadline"))
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    auto_submitted = models.BooleanField(_("closed by the deadline"), default=False)
    # [{"q": question id, "m": several correct allowed, "o": [option ids in the order shown], "c": [correct option ids]}]
    questions = models.JSONField(default=list, editable=False)
    # {"<question id>": [chosen option ids]}
    answers = models.JSONField(default=dict, editable=False)
    position = models.PositiveSmallIntegerField(default=0, editable=False)
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    prediction = models.PositiveIntegerField(_("prediction"), null=True, blank=True)
    essay_text = models.TextField(_("essay"), blank=True)
    essay_score = models.PositiveSmallIntegerField(_("essay score"), null=True, blank=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "entrant", "number"], name="contest_attempt_unique_number"
            )
        ]
        indexes = [models.Index(fields=["round", "submitted_at"], name="contest_attempt_round_done")]

    def __str__(self) -> str:
        return f"{self.entrant} – {self.round} #{self.number}"

    @property
    def question_ids(self) -> list[int]:
        return [item["q"] for item in self.questions]

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def time_taken(self):
        return (self.submitted_at - self.started_at) if self.submitted_at else None

    @property
    def total_score(self) -> int | None:
        if self.score is None:
            return None
        return self.score + (self.essay_score or 0)


def board_key(contest_id: int, round_id: int | None) -> int:
    """The key a board's results are stored under: the round's id, or minus the contest's id."""
    return round_id if round_id is not None else -contest_id


def overall_board_key(contest: ContestPage) -> int:
    """Where the overall board is read, by the rounds' ranked marks (`stored_overall_key`)."""
    return stored_overall_key(contest.pk, [r.pk for r in contest.round_list if r.ranked_at is not None])


def stored_overall_key(contest_id: int, ranked_rounds: list[int]) -> int:
    """Where the overall board of these ranked rounds is stored. With a single ranked round
    it is that round's own board: the overall order of one round is the round's order row
    for row (see `contests.ranking`), so it is not written a second time; otherwise the
    contest's board."""
    if len(ranked_rounds) == 1:
        return board_key(contest_id, ranked_rounds[0])
    return board_key(contest_id, None)


# Entrant ids stay under this: a result's id is board * ENTRANT_IDS + entrant id.
ENTRANT_IDS = 2**40


def result_id(board: int, entrant_id: int) -> int:
    """A result's id, derived from its board and entrant (unique together): the primary
    key both finds an entrant on a board and keeps them there once (see contests.board_store)."""
    return board * ENTRANT_IDS + entrant_id


class ResultQuerySet(models.QuerySet):
    def on_board(self, contest: ContestPage, round_: Round | None) -> ResultQuerySet:
        """A round's board, or the contest's overall board when `round_` is None."""
        return self.filter(board=self._key(contest, round_))

    def entry(self, contest: ContestPage, round_: Round | None, entrant_id: int) -> ResultQuerySet:
        """One entrant's row on that board (by primary key)."""
        key = self._key(contest, round_)
        return self.filter(board=key, pk=result_id(key, entrant_id))

    @staticmethod
    def _key(contest: ContestPage, round_: Round | None) -> int:
        return board_key(contest.pk, round_.pk) if round_ is not None else overall_board_key(contest)


class Result(models.Model):
    """An entrant's place on a board: a round's (`round` set) or the contest's overall (`round` empty).

    Rows are recomputed in one pass by `contests.ranking`; never edited by hand.
    Read a board with `Result.objects.on_board(contest, round_)`: it selects by `board`,
    the key each board is stored under (on PostgreSQL, a table partition per board).
    """

    # Contest data, not content: Wagtail's reference index would add a write to every save.
    wagtail_reference_index_ignore = True

    # A national board is 350,000 rows written at once by the ranking. They are derived
    # data, replaced wholesale, so the database checks no foreign keys per row (Django
    # still cascades deletes). Reads go by `board`: (board, rank) pages a board and the
    # primary key, derived from board and entrant (`result_id`), finds one entrant on it
    # and keeps each entrant once per board. On PostgreSQL the table is partitioned
    # by board (migration 0004) and the ranking builds each board as a new partition,
    # its indexes built in one pass, then swaps it in (see contests/ranking.py).
    contest = models.ForeignKey(
        ContestPage, on_delete=models.CASCADE, related_name="results", db_constraint=False, db_index=False
    )
    round = models.ForeignKey(
        Round,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="results",
        db_constraint=False,
        db_index=False,
    )
    # No index of its own: reads find an entrant through (board, entrant); only deleting
    # an entrant or a contest looks results up by entrant, and scans for them.
    entrant = models.ForeignKey(
        Entrant, on_delete=models.CASCADE, related_name="results", db_constraint=False, db_index=False
    )
    attempt = models.ForeignKey(
        Attempt,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    score = models.PositiveIntegerField(_("score"))
    distance = models.PositiveBigIntegerField(_("prediction distance"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"))
    rank = models.PositiveIntegerField(_("rank"))
    # The round's id on a round's board, minus the contest's id on the overall board.
    board = models.BigIntegerField(editable=False)

    objects = ResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        indexes = [models.Index(fields=["board", "rank"], name="contest_result_board_rank")]

    def __str__(self) -> str:
        return f"{self.rank}. {self.entrant}"

    def save(self, *args, **kwargs):
        if self.pk is None:
            self.pk = result_id(self.board, self.entrant_id)
            kwargs.setdefault("force_insert", True)
        super().save(*args, **kwargs)

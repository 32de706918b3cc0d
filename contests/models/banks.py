"""Question banks: translatable snippets whose questions carry 2–6 options."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from federations.models import Unit

MIN_OPTIONS = 2
MAX_OPTIONS = 6


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("One correct option")
    MULTIPLE = "multiple", _("Several correct options")


class Difficulty(models.IntegerChoices):
    EASY = 1, _("Easy")
    MEDIUM = 2, _("Medium")
    HARD = 3, _("Hard")


class QuestionBank(TranslatableMixin, models.Model):
    """A pool of questions that contests draw from; owned by the unit that wrote it."""

    name = models.CharField(_("name"), max_length=255)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="question_banks", verbose_name=_("unit")
    )
    # Bumped whenever a question changes, so caches of the bank know they are stale.
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, editable=False)

    panels = [FieldPanel("name"), FieldPanel("unit")]
    override_translatable_fields = [SynchronizedField("unit")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")

    def __str__(self) -> str:
        return self.name

    def touch(self) -> None:
        self.updated_at = touch_banks([self.pk])

    def source_questions(self) -> models.QuerySet[Question]:
        """The bank's questions in the bank's own language (the ones drawn and scored)."""
        return Question.objects.filter(bank__translation_key=self.translation_key, locale_id=self.locale_id)

    def publish_problems(self, draw_size: int) -> list[str]:
        """Why a contest drawing `draw_size` questions from this bank cannot be published."""
        problems = []
        questions = self.source_questions()
        count = questions.count()
        if count < draw_size:
            problems.append(
                _("The bank “%(bank)s” has %(count)s questions, fewer than the %(draw)s drawn per attempt.")
                % {"bank": self.name, "count": count, "draw": draw_size}
            )
        without_correct = questions.exclude(options__is_correct=True).values_list("pk", flat=True)
        if without_correct:
            problems.append(
                _("Questions without a correct option: %(ids)s.")
                % {"ids": ", ".join(f"#{pk}" for pk in without_correct[:20])}
            )
        return problems


class Question(TranslatableMixin, index.Indexed, ClusterableModel):
    bank = models.ForeignKey(
        QuestionBank, on_delete=models.CASCADE, related_name="questions", verbose_name=_("question bank")
    )
    text = models.TextField(_("question"))
    kind = models.CharField(
        _("type"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.SINGLE
    )
    topic = models.CharField(_("topic"), max_length=120, blank=True)
    difficulty = models.PositiveSmallIntegerField(
        _("difficulty"), choices=Difficulty.choices, default=Difficulty.MEDIUM
    )
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Shown to entrants after the round closes.")
    )

    panels = [
        FieldPanel("bank"),
        FieldPanel("text"),
        FieldPanel("kind"),
        FieldPanel("topic"),
        FieldPanel("difficulty"),
        InlinePanel("options", label=_("Options"), min_num=MIN_OPTIONS, max_num=MAX_OPTIONS),
        FieldPanel("explanation"),
    ]
    search_fields = [index.SearchField("text"), index.AutocompleteField("text"), index.FilterField("bank")]
    override_translatable_fields = [SynchronizedField("bank"), SynchronizedField("topic")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @classmethod
    def from_db(cls, db, field_names, values):
        question = super().from_db(db, field_names, values)
        question._saved_bank_id = question.__dict__.get("bank_id")
        return question

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # A question moved to another bank leaves the first one too.
        moved_from = getattr(self, "_saved_bank_id", None)
        now = touch_banks({self.bank_id, moved_from} - {None})
        if Question.bank.is_cached(self):
            self.bank.updated_at = now
        self._saved_bank_id = self.bank_id


class Option(TranslatableMixin, Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(_("option"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)

    panels = [FieldPanel("text"), FieldPanel("is_correct")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self) -> str:
        return self.text


def touch_banks(bank_ids) -> datetime.datetime:
    """Mark the banks (and their translations) as changed, so their cached snapshots are not used again.

    `bank_ids` may be a list or a queryset of ids. Called on every change of a question or an
    option (model saves, and signals for deletes and option saves); a queryset `update()` of
    questions or options sends no signal and must call it itself.
    """
    from ..round_cache import forget

    now = timezone.now()
    keys = QuestionBank.objects.filter(pk__in=bank_ids).values("translation_key")
    QuestionBank.objects.filter(translation_key__in=keys).update(updated_at=now)
    forget()
    return now


def check_options(kind: str, options: list[tuple[str, bool]]) -> None:
    """Raise ValidationError unless `options` (text, correct) make a well-formed question of `kind`."""
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
        raise ValidationError(
            _("A question needs between %(min)s and %(max)s options; this one has %(count)s.")
            % {"min": MIN_OPTIONS, "max": MAX_OPTIONS, "count": len(options)}
        )
    correct = sum(1 for _text, is_correct in options if is_correct)
    if correct == 0:
        raise ValidationError(_("Mark at least one option as correct."))
    if kind == QuestionKind.SINGLE and correct > 1:
        raise ValidationError(
            _("A one-answer question must have exactly one correct option; %(count)s are marked.")
            % {"count": correct}
        )

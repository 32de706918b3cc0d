"""Factories for contests, used by tests and the demo."""

from __future__ import annotations

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from federations.factories import UnitFactory

from .models import ContestPage, Entrant, Option, Question, QuestionBank, Round


def default_locale() -> Locale:
    return Locale.get_default()


class QuestionBankFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionBank

    name = factory.Sequence(lambda n: f"Ngân hàng câu hỏi {n}")
    unit = factory.SubFactory(UnitFactory)
    locale = factory.LazyFunction(default_locale)


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question with `options` (default four, the first correct)."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    bank = factory.SubFactory(QuestionBankFactory)
    text = factory.Sequence(lambda n: f"Câu hỏi số {n}?")
    topic = ""
    locale = factory.LazyAttribute(lambda question: question.bank.locale)

    @factory.post_generation
    def options(self, create, extracted, **kwargs):
        if not create:
            return
        specs = extracted or [
            ("Đáp án A", True),
            ("Đáp án B", False),
            ("Đáp án C", False),
            ("Đáp án D", False),
        ]
        Option.objects.bulk_create(
            [
                Option(
                    question=self, text=text, is_correct=correct, sort_order=order, locale_id=self.locale_id
                )
                for order, (text, correct) in enumerate(specs)
            ]
        )
        self.bank.touch()


class ContestPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContestPage

    title = factory.Sequence(lambda n: f"Cuộc thi tìm hiểu pháp luật {n}")
    slug = factory.Sequence(lambda n: f"cuoc-thi-{n}")
    rules = "<p>Mỗi tuần một vòng thi.</p>"
    question_bank = factory.SubFactory(QuestionBankFactory)
    questions_per_attempt = 5
    attempts_per_round = 2
    time_limit_minutes = 20


def add_round(contest: ContestPage, opens_in: timedelta, lasts: timedelta = timedelta(days=7)) -> Round:
    start = timezone.now() + opens_in
    order = contest.rounds.count()
    return Round.objects.create(contest=contest, opens_at=start, closes_at=start + lasts, sort_order=order)


class EntrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entrant

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    phone = factory.Sequence(lambda n: f"09{n:08d}")

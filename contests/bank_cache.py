"""Snapshots of a question bank, cached so the peak load never reads the bank row by row.

Keys carry the bank's `updated_at`, so an edit makes every worker build a fresh
snapshot on its next request without any cross-process invalidation. Because a
key never changes meaning, each worker also keeps the snapshots it used last in
its own memory: the attempt page then costs no cache round trip and no unpickling.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from typing import TypedDict

from django.core.cache import cache
from django.db.models import Prefetch

from .models import Option, Question, QuestionBank, QuestionKind

CACHE_SECONDS = 6 * 60 * 60
# Snapshots kept in each worker's memory: a few banks in a few languages.
LOCAL_ENTRIES = 32

_local: OrderedDict[str, object] = OrderedDict()


class PoolItem(TypedDict):
    q: int
    topic: str
    m: bool
    o: list[int]
    c: list[int]


class QuestionText(TypedDict):
    text: str
    kind: str
    explanation: str
    options: dict[int, str]


def _key(bank: QuestionBank, part: str) -> str:
    return f"contests:bank:{bank.translation_key}:{bank.updated_at.timestamp():.6f}:{part}"


def _cached(key: str, build):
    """The snapshot under `key`: this worker's copy, else the shared cache's, else built."""
    try:
        value = _local[key]
        _local.move_to_end(key)
        return value
    except KeyError:
        pass
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, CACHE_SECONDS)
    _local[key] = value
    while len(_local) > LOCAL_ENTRIES:
        _local.popitem(last=False)
    return value


def forget_local() -> None:
    _local.clear()


def _source_questions(bank: QuestionBank):
    options = Prefetch("options", queryset=Option.objects.order_by("sort_order", "pk"))
    return bank.source_questions().prefetch_related(options).order_by("pk")


def question_pool(bank: QuestionBank) -> list[PoolItem]:
    """Every drawable question of the bank with its options and answer key (server side only)."""

    def build() -> list[PoolItem]:
        pool = [
            {
                "q": question.pk,
                "topic": question.topic.strip().lower(),
                "m": question.kind == QuestionKind.MULTIPLE,
                "o": [option.pk for option in question.options.all()],
                "c": [option.pk for option in question.options.all() if option.is_correct],
            }
            for question in _source_questions(bank)
        ]
        return [item for item in pool if item["c"]]

    return _cached(_key(bank, "pool"), build)


def question_texts(bank: QuestionBank, language: str) -> dict[int, QuestionText]:
    """Question and option texts in `language`, keyed by the source question and option ids.

    A question not yet translated keeps its source text.
    """
    return _cached(_key(bank, f"texts:{language}"), lambda: _build_texts(bank, language))


def _build_texts(bank: QuestionBank, language: str) -> dict[int, QuestionText]:
    source = list(_source_questions(bank))
    translated = {}
    if language != bank.locale.language_code:
        options = Prefetch("options", queryset=Option.objects.order_by("sort_order", "pk"))
        rows = Question.objects.filter(
            translation_key__in=[q.translation_key for q in source], locale__language_code=language
        ).prefetch_related(options)
        translated = {row.translation_key: row for row in rows}
    texts = {}
    for question in source:
        shown = translated.get(question.translation_key, question)
        option_text = defaultdict(str, {o.translation_key: o.text for o in shown.options.all()})
        texts[question.pk] = {
            "text": shown.text,
            "kind": question.kind,
            "explanation": shown.explanation,
            "options": {o.pk: option_text[o.translation_key] or o.text for o in question.options.all()},
        }
    return texts

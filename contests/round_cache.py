"""Each worker's copy of the contest settings that attempt requests need.

Every save and submit names its attempt by token; the attempt row carries its
round id, and everything else those requests need from the contest (who may
enter, the layout, the bank) changes rarely. Joining the round, the contest
page (a Wagtail page with some fifty columns) and the bank on every request
cost more than the rest of a save together, so each worker process keeps the
round with its contest and bank in memory for a few seconds.

Edits are seen at once by the process that made them (signals and
`QuestionBank.touch` call `forget`) and by every other worker within
`ROUND_CACHE_SECONDS`. Nothing that decides time is read from here: an
attempt's deadline is in its own row and starting re-reads the round's times.
"""

from __future__ import annotations

import time

from django.db.models.signals import post_delete, post_save

ROUND_CACHE_SECONDS = 10

_rounds: dict[int, tuple[float, object]] = {}
_urls: dict[tuple[int, str], tuple[float, str]] = {}


def round_with_contest(round_id: int):
    """The round with `.contest` (and its bank and the bank's locale) loaded; None if it is gone."""
    from .models import Round

    now = time.monotonic()
    entry = _rounds.get(round_id)
    if entry is not None and entry[0] > now:
        return entry[1]
    round_ = Round.objects.select_related("contest__question_bank__locale").filter(pk=round_id).first()
    if round_ is not None:
        _rounds[round_id] = (now + ROUND_CACHE_SECONDS, round_)
    return round_


def contest_url(contest, language: str) -> str:
    """The contest page's URL in `language` (or its source language when not translated)."""
    now = time.monotonic()
    key = (contest.pk, language)
    entry = _urls.get(key)
    if entry is not None and entry[0] > now:
        return entry[1]
    url = contest.localized.url
    _urls[key] = (now + ROUND_CACHE_SECONDS, url)
    return url


def forget(*args, **kwargs) -> None:
    """Drop this process's copies (after an edit of a contest, a round or a bank)."""
    _rounds.clear()
    _urls.clear()


def connect_signals() -> None:
    from wagtail.signals import page_published, page_unpublished

    from .models import ContestPage, Question, QuestionBank, Round

    for model in (Round, ContestPage, QuestionBank, Question):
        post_save.connect(forget, sender=model, dispatch_uid=f"contests.round_cache.{model.__name__}.save")
        post_delete.connect(forget, sender=model, dispatch_uid=f"contests.round_cache.{model.__name__}.del")
    page_published.connect(forget, dispatch_uid="contests.round_cache.published")
    page_unpublished.connect(forget, dispatch_uid="contests.round_cache.unpublished")

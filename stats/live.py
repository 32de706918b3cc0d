"""Cached live indicators: served from the cache, refreshed in the background.

A result is kept for a week, but once it is older than its indicator's
`max_age` the next reader still gets it at once while a background task
(django-tasks; run immediately in tests) computes a fresh one. Only the very
first reader of a unit's indicator waits for the computation.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.cache import cache
from django.utils import translation

from federations.models import Unit

from .indicators import Indicator
from .tables import Table

KEEP_SECONDS = 7 * 24 * 3600
LOCK_SECONDS = 5 * 60
CACHE_VERSION = 1


@dataclass
class LiveResult:
    table: Table
    computed_at: datetime


def cache_key(slug: str, unit_id: int, language: str) -> str:
    return f"stats:indicator:v{CACHE_VERSION}:{slug}:{unit_id}:{language}"


def _language() -> str:
    return translation.get_language() or "vi"


def compute_and_store(indicator: Indicator, unit: Unit, language: str | None = None) -> LiveResult:
    language = language or _language()
    with translation.override(language):
        table = indicator.compute(unit)
        entry = {"at": time.time(), "table": table.to_json()}
    cache.set(cache_key(indicator.slug, unit.pk, language), entry, KEEP_SECONDS)
    return _result(entry)


def _result(entry: dict) -> LiveResult:
    return LiveResult(Table.from_json(entry["table"]), datetime.fromtimestamp(entry["at"], tz=UTC))


def live_table(indicator: Indicator, unit: Unit) -> LiveResult:
    """The indicator's table for `unit` in the active language, from the cache when there."""
    language = _language()
    key = cache_key(indicator.slug, unit.pk, language)
    entry = cache.get(key)
    if entry is None:
        return compute_and_store(indicator, unit, language)
    if time.time() - entry["at"] > indicator.max_age and cache.add(f"{key}:refreshing", 1, LOCK_SECONDS):
        from .tasks import refresh_indicator

        refresh_indicator.enqueue(indicator.slug, unit.pk, language)
    return _result(entry)

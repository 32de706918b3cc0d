"""Counting how often an item is opened, for the "most read" block.

Each worker adds views up in memory and writes them in one batch at most every
NEWS_VIEWS_FLUSH_SECONDS (30 by default) rather than one UPDATE per view: a
busy article must not turn every read into a database write. A worker that
dies loses at most that many seconds of counts, which a popularity list can bear.
"""

from __future__ import annotations

import atexit
import threading
import time
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F

_lock = threading.Lock()
_pending: Counter[int] = Counter()
_last_flush = time.monotonic()
EPOCH_KEY = "news:views:epoch"


def flush_interval() -> float:
    return float(getattr(settings, "NEWS_VIEWS_FLUSH_SECONDS", 30))


def record_view(page_id: int) -> None:
    global _last_flush
    with _lock:
        _pending[page_id] += 1
        due = time.monotonic() - _last_flush >= flush_interval()
    if due:
        flush()


def flush() -> None:
    """Write the pending counts (one UPDATE per page viewed since the last flush)."""
    global _pending, _last_flush
    from .models import NewsItemPage, PageViews

    with _lock:
        counts, _pending = _pending, Counter()
        _last_flush = time.monotonic()
    if not counts:
        return
    with transaction.atomic():
        # Pages deleted since they were viewed are left out.
        existing = set(NewsItemPage.objects.filter(pk__in=counts).values_list("pk", flat=True))
        for page_id in existing:
            views = counts[page_id]
            if PageViews.objects.filter(page_id=page_id).update(count=F("count") + views):
                continue
            _row, created = PageViews.objects.get_or_create(page_id=page_id, defaults={"count": views})
            if not created:
                PageViews.objects.filter(page_id=page_id).update(count=F("count") + views)
    _next_epoch()


def views_epoch() -> int:
    """A number that changes whenever counts are written: "most read" lists are cached under it."""
    return cache.get_or_set(EPOCH_KEY, 1, None)


def _next_epoch() -> None:
    try:
        cache.incr(EPOCH_KEY)
    except ValueError:  # evicted or never set
        cache.set(EPOCH_KEY, 2, None)


def discard_pending() -> None:
    """Forget counts not yet written (a test starting afresh)."""
    with _lock:
        _pending.clear()


def pending_views() -> dict[int, int]:
    with _lock:
        return dict(_pending)


atexit.register(lambda: _pending and _safe_flush())


def _safe_flush() -> None:
    try:
        flush()
    except Exception:  # noqa: BLE001 - the process is exiting; counts are best-effort
        pass

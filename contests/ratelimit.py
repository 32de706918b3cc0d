"""Fixed-window rate limits in the cache (shared across workers when REDIS_URL is set)."""

from __future__ import annotations

import os

from django.core.cache import cache


def _limit(name: str, default: int) -> int:
    return int(os.environ.get(f"CONTESTS_LIMIT_{name}", default))


# Requests per minute. Factory workers often share one public address, so the
# per-address limits are generous; the per-entrant ones are tight.
LIMITS = {
    "enter_ip": _limit("ENTER_IP", 60),
    "start_ip": _limit("START_IP", 120),
    "start_entrant": _limit("START_ENTRANT", 6),
    "save_attempt": _limit("SAVE_ATTEMPT", 120),
    "submit_ip": _limit("SUBMIT_IP", 240),
}
WINDOW_SECONDS = 60


def allow(kind: str, who: str) -> bool:
    """Count one request of `kind` from `who`; False once the minute's allowance is used."""
    key = f"contests:rate:{kind}:{who}"
    if cache.add(key, 1, WINDOW_SECONDS):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, WINDOW_SECONDS)
        return True
    return count <= LIMITS[kind]

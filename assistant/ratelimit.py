"""Per-member limits on questions (a minute and a day window), in the cache shared by workers."""

from __future__ import annotations

from django.core.cache import cache

from . import conf

WINDOWS = {"minute": (60, "ASSISTANT_LIMIT_PER_MINUTE"), "day": (86_400, "ASSISTANT_LIMIT_PER_DAY")}


def _key(window: str, who: str) -> str:
    return f"assistant:rate:{window}:{who}"


def allow(who: str) -> bool:
    """Count one question from `who`; False (and nothing counted) once a window's allowance is used."""
    for window, (_seconds, setting) in WINDOWS.items():
        if cache.get(_key(window, who), 0) >= int(conf.get(setting)):
            return False
    for window, (seconds, _setting) in WINDOWS.items():
        key = _key(window, who)
        if not cache.add(key, 1, seconds):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, seconds)
    return True

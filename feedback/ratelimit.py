"""Fixed-window rate limits in the cache (shared across workers when REDIS_URL is set)."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

WINDOW_SECONDS = 3600


def exceeded(kind: str, who: str, limit: int) -> bool:
    """Whether `who` has used the hour's allowance of `kind` (checked before the work)."""
    return cache.get(_key(kind, who), 0) >= limit


def count(kind: str, who: str) -> None:
    """Count one accepted request (after it succeeded: a refused form costs nothing)."""
    key = _key(kind, who)
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, WINDOW_SECONDS)


def _key(kind: str, who: str) -> str:
    return f"feedback:rate:{kind}:{who}"


def client_ip(request: HttpRequest) -> str:
    header = getattr(settings, "TRUSTED_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")

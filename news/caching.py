"""Whole-page cache for anonymous readers, keyed by page and language.

News pages, their indexes and the unit sections (whose "latest" block is news)
are rendered once per language and served from Django's cache (Redis when
REDIS_URL is set) until anything is published, unpublished, moved or deleted:
every such event starts a new cache generation, so no stale listing survives a
publish. Entries also expire after NEWS_PAGE_CACHE_SECONDS (600 by default;
0 turns the cache off) so edits that publish nothing (site settings, footer)
show within minutes.

Only requests that cannot carry anything personal are cached: GET or HEAD,
no query string, no session or messages cookie. A response that sets a cookie
is never stored. Several processes need a shared cache (Redis) to see each
other's invalidations; the in-memory default suits a single process.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

GENERATION_KEY = "news:pages:generation"
HEADER = "X-Page-Cache"


def cache_seconds() -> int:
    return int(getattr(settings, "NEWS_PAGE_CACHE_SECONDS", 600))


def new_generation() -> None:
    """Invalidate every cached page (a publish, unpublish, move or delete happened)."""
    cache.set(GENERATION_KEY, time.time_ns(), None)


def _path_key(request: HttpRequest) -> str:
    # By address, not by page: a hit is then found before Wagtail routes the request at all.
    address = f"{request.get_host()}|{get_language()}|{request.path}"
    return f"news:page:{hashlib.sha1(address.encode()).hexdigest()}"


def is_anonymous_request(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def cached_response(page, request: HttpRequest) -> tuple[HttpResponse | None, object]:
    """The cached response of `page` for this request, or None and the token to store one under."""
    key = _path_key(request)
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        cache.add(GENERATION_KEY, generation, None)
        return None, (key, cache.get(GENERATION_KEY), page)
    entry = found.get(key)
    if entry and entry[0] == generation:
        return _replay(entry), None
    return None, (key, generation, page)


def response_before_routing(request: HttpRequest) -> HttpResponse | None:
    """A stored page for an anonymous request, found by its address alone (no query at all).

    Only pages that were served to an anonymous reader through Wagtail's view-restriction check
    are stored, and a restriction added later starts a new generation (news/signals.py).
    """
    if cache_seconds() <= 0 or not is_anonymous_request(request):
        return None
    key = _path_key(request)
    found = cache.get_many([GENERATION_KEY, key])
    entry = found.get(key)
    if not entry or entry[0] != found.get(GENERATION_KEY):
        return None
    if entry[1] is not None:
        from .readership import record_view

        record_view(entry[1])
    return _replay(entry)


def _replay(entry) -> HttpResponse:
    _generation, _counted_page_id, status, content_type, content = entry
    response = HttpResponse(content, status=status, content_type=content_type)
    response[HEADER] = "hit"
    return response


def store(token, response: HttpResponse) -> HttpResponse:
    from .models import NewsItemPage

    key, generation, page = token
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    if response.status_code == 200 and not response.cookies and not response.streaming:
        counted = page.pk if isinstance(page, NewsItemPage) else None
        cache.set(
            key, (generation, counted, 200, response["Content-Type"], response.content), cache_seconds()
        )
    response[HEADER] = "miss"
    return response

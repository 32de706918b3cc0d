"""Wagtail's page view with stored anonymous pages and remembered routes in front of it.

A page stored for anonymous readers (news/caching.py) is answered by its address before any
routing, without a query. Otherwise:

Wagtail finds a page by walking the tree from the site's root: one query for each level of the
URL and another for each page's specific type, about eight for an article four levels down. The
path of a page served that way is remembered (per host and language), and the next request for
it loads the page with one query. Only plain tree routes are remembered: a page that routes
further itself (a RoutablePageMixin contest) returns arguments and is always routed by Wagtail.

A remembered route carries the page object as it was loaded, reused for at most
SHELL_CACHE_SECONDS and only while the page's row still reads the same live flag, URL path and
live revision (one primary-key lookup without the ORM, every request), so an unpublished,
moved, republished or deleted page is never served from it, whatever cache the workers share;
otherwise the page is loaded again (with its unit) in one query. Pages published or moved, and sites edited, start a new shell version,
which drops every remembered route, because a new page can take over a path that routed
elsewhere. The site that answers a host is remembered the same way.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from home.shell_cache import VERSION_KEY
from news.caching import response_before_routing


def _route_key(request: HttpRequest, path: str) -> str:
    digest = hashlib.sha1(f"{request.get_host()}|{get_language()}|{path}".encode()).hexdigest()
    return f"route:{digest}"


def _site_key(request: HttpRequest) -> str:
    return f"route-site:{request.get_host()}"


def _load_page(route):
    page_id, content_type_id, url_path = route
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    pages = model.objects.filter(pk=page_id, live=True, url_path=url_path)
    related = _related_to_load(model)
    if related:
        # Fetched with the page: the publishing unit shows in every news item and section.
        pages = pages.select_related(*related)
    return next(iter(pages[:1]), None)


_RELATED = {}


def _related_to_load(model) -> tuple[str, ...]:
    """The forward foreign keys of `model` named "unit" (an item's or section's unit), once per model."""
    if model not in _RELATED:
        field = next((f for f in model._meta.get_fields() if f.name == "unit"), None)
        _RELATED[model] = ("unit",) if field is not None and field.many_to_one else ()
    return _RELATED[model]


def _state(page) -> tuple:
    """What tells a stored page object from the live row: live, URL path and published revision."""
    return (bool(page.live), page.url_path, page.live_revision_id)


def _row_state(page_id: int) -> tuple | None:
    """The same three values read from the page's row: one primary-key lookup, no ORM."""
    meta = Page._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in ("live", "url_path", "live_revision"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {quote(meta.db_table)} WHERE {quote(meta.pk.column)} = %s", [page_id]
        )
        row = cursor.fetchone()
    return None if row is None else (bool(row[0]), row[1], row[2])


def _remembered_page(request: HttpRequest, key: str, entry, seconds: int):
    """The page of a remembered route: the stored object when its row is unchanged, else loaded."""
    version, route, *stored = entry
    if stored:
        state, page, fresh_until = stored
        if time.time() < fresh_until and _row_state(route[0]) == state:
            return page
    page = _load_page(route)
    if page is not None:
        keep = getattr(settings, "SHELL_CACHE_SECONDS", 60)
        cache.set(key, (version, route, _state(page), page, time.time() + keep), seconds)
    return page


def serve(request: HttpRequest, path: str):
    stored = response_before_routing(request)
    if stored is not None:
        return stored
    seconds = getattr(settings, "PAGE_ROUTE_CACHE_SECONDS", 3600)
    if seconds <= 0:
        return wagtail_views.serve(request, path)
    key, site_key = _route_key(request, path), _site_key(request)
    found = cache.get_many([VERSION_KEY, key, site_key])
    version, entry, site_entry = found.get(VERSION_KEY), found.get(key), found.get(site_key)
    if site_entry is not None and site_entry[0] == version:
        # Wagtail's Site.find_for_request reads this first; finding the site is a query of its own.
        request._wagtail_site = site_entry[1]
    page = None
    if entry is not None and entry[0] == version:
        page = _remembered_page(request, key, entry, seconds)
        if page is not None:
            # Wagtail's own routing reads this attribute first and walks the tree only without it.
            request._wagtail_route_for_request = RouteResult(page)
    response = wagtail_views.serve(request, path)
    if version is not None:
        if page is None:
            _remember(request, key, version, seconds)
        if site_entry is None or site_entry[0] != version:
            cache.set(site_key, (version, Site.find_for_request(request)), seconds)
    return response


def _remember(request: HttpRequest, key: str, version, seconds: int) -> None:
    result = getattr(request, "_wagtail_route_for_request", None)
    if result is None or result.args or result.kwargs:
        return
    page = result.page
    cache.set(key, (version, (page.pk, page.content_type_id, page.url_path)), seconds)

"""Searching inside an already narrowed, permission-checked queryset (the inbox).

Uses the portal's search service (search/, Vietnamese folding on every backend)
when it is installed, and Wagtail's own search otherwise. Matches are looked up
per page type and then intersected with the caller's queryset, so its filters
and permission checks stay exactly as they were.
"""

from __future__ import annotations

from django.db.models import QuerySet

MAX_MATCHES = 500


def _matching_ids(model, query: str) -> list[int]:
    try:
        from search.service import filter_queryset
    except ImportError:
        return [obj.pk for obj in model.objects.live().search(query)[:MAX_MATCHES]]
    return list(filter_queryset(model.objects.live(), query).values_list("pk", flat=True)[:MAX_MATCHES])


def search_within(queryset: QuerySet, query: str, models: list) -> QuerySet:
    ids: list[int] = []
    for model in models:
        ids.extend(_matching_ids(model, query))
    return queryset.filter(pk__in=ids)

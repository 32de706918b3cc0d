"""What people search for, for editors: counts per folded query and day, no personal data."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from search.models import QueryStat

# Old counts say little about today's needs; the report and the pruning use the same window.
REPORT_DAYS = 30
KEEP_DAYS = 90


def record(text: str, total: int) -> None:
    query = QueryStat.normalise(text)
    if not query:
        return
    today = timezone.localdate()
    zero = 1 if total == 0 else 0
    updates = {"hits": F("hits") + 1, "zero_result_hits": F("zero_result_hits") + zero}
    if QueryStat.objects.filter(query=query, day=today).update(**updates):
        return
    try:
        with transaction.atomic():
            QueryStat.objects.create(query=query, day=today, hits=1, zero_result_hits=zero)
    except IntegrityError:  # another request created today's row first
        QueryStat.objects.filter(query=query, day=today).update(**updates)


def _since(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def top_queries(days: int = REPORT_DAYS, limit: int = 50):
    return (
        QueryStat.objects.filter(day__gte=_since(days))
        .values("query")
        .annotate(searches=Sum("hits"), without_results=Sum("zero_result_hits"))
        .order_by("-searches", "query")[:limit]
    )


def zero_result_queries(days: int = REPORT_DAYS, limit: int = 50):
    return (
        QueryStat.objects.filter(day__gte=_since(days), zero_result_hits__gt=0)
        .values("query")
        .annotate(without_results=Sum("zero_result_hits"))
        .order_by("-without_results", "query")[:limit]
    )


def prune(days: int = KEEP_DAYS) -> int:
    deleted, _ = QueryStat.objects.filter(day__lt=_since(days)).delete()
    return deleted

"""Background work of the statistics: recomputing live indicators."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django_tasks import task

from federations.models import Unit

from .indicators import registry
from .live import cache_key, compute_and_store


@task()
def refresh_indicator(slug: str, unit_id: int, language: str) -> None:
    indicator = registry.get(slug)
    unit = Unit.objects.filter(pk=unit_id).first()
    try:
        if indicator and unit:
            compute_and_store(indicator, unit, language)
    finally:
        cache.delete(f"{cache_key(slug, unit_id, language)}:refreshing")


@task()
def refresh_top_levels(max_depth: int = 2) -> int:
    """Warm every indicator for the confederation and the provinces, in every language."""
    count = 0
    units = list(Unit.objects.filter(depth__lte=max_depth, is_active=True))
    for unit in units:
        for indicator in registry.all():
            for language, _name in settings.LANGUAGES:
                compute_and_store(indicator, unit, language)
                count += 1
    return count

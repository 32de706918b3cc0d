"""GET /healthz: 200 when the database and the search backend answer, 503 otherwise."""

import logging

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)


def check_database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("health check: database unreachable")
        return False


def check_search() -> bool:
    try:
        backend = get_search_backend()
        client = getattr(backend, "es", None) or getattr(backend, "client", None)
        if client is not None:
            return bool(client.ping())
        list(backend.search("healthz", Page.objects.none())[:1])
        return True
    except Exception:
        logger.exception("health check: search backend unreachable")
        return False


@never_cache
def healthz(request):
    status = {
        "database": "ok" if check_database() else "unavailable",
        "search": "ok" if check_search() else "unavailable",
    }
    healthy = all(value == "ok" for value in status.values())
    return JsonResponse(status, status=200 if healthy else 503)

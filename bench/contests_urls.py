"""The site's URLs plus the baseline: one INSERT behind the same middleware."""

from django.db import connection
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone

from config.urls import urlpatterns as site_urlpatterns


def insert_one(request):
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_ping (at) VALUES (%s)", [timezone.now().isoformat()])
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/insert/", insert_one), *site_urlpatterns]

"""Throughput of the public news pages under gunicorn, beside a minimal view (the ceiling).

    .venv/bin/python bench/pages.py                  # SQLite file in /tmp, about 3 minutes
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_news_bench .venv/bin/python bench/pages.py

Loads 10,000 news items (9,800 articles, 200 announcements) and 100,000 read receipts
into a dedicated database, starts gunicorn (2 sync workers) on a free port of
127.0.0.1, and drives it from a second process (a thread pool of plain HTTP
clients, bounded in time and request count). Each page is measured with the
anonymous page cache off (every request renders) and on, beside the minimal
view measured in the same run. Prints requests/s, p50 and p95 latency, the ratio
to the minimal view, and the queries each page does (which must not depend on
how much content there is).
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARTICLES = 9_800
ANNOUNCEMENTS = 200
GRASSROOTS_UNITS = 500  # 200 announcements x 500 units = 100,000 receipts
CONCURRENCY = 4
SECONDS_PER_URL = 6.0
MAX_REQUESTS_PER_URL = 5_000


# --------------------------------------------------------------------------- load generator


def drive(url: str, seconds: float, concurrency: int, limit: int) -> dict:
    """Hit `url` from `concurrency` threads for `seconds` (or `limit` requests)."""
    host, port, path = _split(url)
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker():
        nonlocal errors
        while time.perf_counter() < deadline:
            with lock:
                if len(latencies) + errors >= limit:
                    return
            start = time.perf_counter()
            try:
                connection = HTTPConnection(host, port, timeout=30)
                connection.request("GET", path, headers={"Host": "localhost"})
                response = connection.getresponse()
                response.read()
                connection.close()
                ok = response.status == 200
            except OSError:
                ok = False
            elapsed = time.perf_counter() - start
            with lock:
                if ok:
                    latencies.append(elapsed)
                else:
                    errors += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / wall if wall else 0.0,
        "p50_ms": 1000 * statistics.median(latencies) if latencies else 0.0,
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0.0,
    }


def _split(url: str) -> tuple[str, int, str]:
    rest = url.split("://", 1)[1]
    hostport, _, path = rest.partition("/")
    host, _, port = hostport.partition(":")
    return host, int(port), "/" + path


def client_main(argv: list[str]) -> None:
    """Second process: measure each URL in turn and print JSON lines."""
    for url in argv:
        drive(url, 1.0, CONCURRENCY, 200)  # warm-up: workers load templates, fill caches
        print(
            json.dumps({"url": url, **drive(url, SECONDS_PER_URL, CONCURRENCY, MAX_REQUESTS_PER_URL)}),
            flush=True,
        )


# --------------------------------------------------------------------------- data


def setup_django(database_url: str, cache_seconds: int) -> None:
    os.environ["BENCH_DATABASE_URL"] = database_url
    os.environ["NEWS_PAGE_CACHE_SECONDS"] = str(cache_seconds)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.pages_settings"
    import django

    django.setup()


def load_data() -> dict:
    """The federation, 10,000 items and 100,000 receipts, written in bulk (minutes, not hours)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from federations.factories import FederationPageFactory, UnitFactory, home_page_for
    from federations.models import Level, Unit
    from news.factories import NewsArticlePageFactory, NewsIndexPageFactory, TopicFactory
    from news.models import (
        AnnouncementPage,
        NewsArticlePage,
        NewsItemPage,
        PageViews,
        Receipt,
    )

    confederation = UnitFactory(code="TLD", name_vi="Tổng Liên đoàn Lao động Việt Nam")
    hanoi = UnitFactory(parent=confederation, code="HN", level=Level.FEDERATION, name_vi="LĐLĐ Hà Nội")
    district = UnitFactory(parent=hanoi, code="HN-CG", level=Level.UPPER, name_vi="LĐLĐ quận Cầu Giấy")
    units = [
        UnitFactory(parent=district, code=f"HN-CG-{n:04d}", name_vi=f"Công đoàn cơ sở số {n}")
        for n in range(GRASSROOTS_UNITS)
    ]
    home = home_page_for(confederation)
    home.save_revision().publish()
    NewsIndexPageFactory(parent=home, slug="tin-tuc").save_revision().publish()
    section = FederationPageFactory(parent=home, unit=hanoi, slug="ha-noi")
    section.save_revision().publish()
    index = NewsIndexPageFactory(parent=section, slug="tin-tuc")
    index.save_revision().publish()
    topics = [TopicFactory(slug=slug, name=slug.title()) for slug in ("wages", "safety", "welfare")]
    # One article made the ordinary way, in the middle of the listing: the one the bench reads.
    probe = NewsArticlePageFactory(parent=index, slug="bai-do", title="Bài đo hiệu năng")
    probe.topics.set(topics[:1])
    probe.save_revision().publish()

    locale = Locale.get_default()
    now = timezone.now()
    kinds = [(NewsArticlePage, ARTICLES), (AnnouncementPage, ANNOUNCEMENTS)]
    step = index.numchild
    with transaction.atomic():
        for model, count in kinds:
            content_type = ContentType.objects.get_for_model(model)
            pages = []
            for n in range(count):
                step += 1
                slug = f"{model._meta.model_name}-{n}"
                pages.append(
                    Page(
                        title=f"{model._meta.verbose_name} {n}: người lao động và công đoàn",
                        draft_title=f"{model._meta.verbose_name} {n}",
                        slug=slug,
                        content_type=content_type,
                        live=True,
                        path=Page._get_path(index.path, index.depth + 1, step),
                        depth=index.depth + 1,
                        numchild=0,
                        url_path=f"{index.url_path}{slug}/",
                        locale=locale,
                        translation_key=uuid.uuid4(),
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
            Page.objects.bulk_create(pages, batch_size=500)
            created = list(
                Page.objects.filter(
                    content_type=content_type,
                    path__startswith=index.path,
                    slug__startswith=model._meta.model_name,
                ).order_by("path")
            )
            items = [
                NewsItemPage(
                    page_ptr_id=page.pk,
                    unit=hanoi,
                    lead="Tóm tắt tin về việc làm, tiền lương và đời sống người lao động.",
                    body="[]",
                    publication_date=now - timezone.timedelta(minutes=i),
                    target_levels="4" if model is AnnouncementPage else "",
                )
                for i, page in enumerate(created)
            ]
            insert_in_batches(NewsItemPage, items)
            if model is NewsArticlePage:
                specific = [NewsArticlePage(newsitempage_ptr_id=page.pk) for page in created]
            else:
                specific = [
                    AnnouncementPage(newsitempage_ptr_id=page.pk, priority="normal") for page in created
                ]
            insert_in_batches(model, specific)
            through = NewsItemPage.topics.through
            through.objects.bulk_create(
                [
                    through(newsitempage_id=page.pk, topic_id=topics[i % 3].pk)
                    for i, page in enumerate(created)
                ],
                batch_size=1000,
            )
        Page.objects.filter(pk=index.pk).update(numchild=step)
        announcements = list(AnnouncementPage.objects.values_list("translation_key", flat=True))
        receipts = [
            Receipt(translation_key=key, unit=unit, read_at=now) for key in announcements for unit in units
        ]
        Receipt.objects.bulk_create(receipts, batch_size=2000)
        PageViews.objects.bulk_create(
            [
                PageViews(page_id=pk, count=pk % 97)
                for pk in NewsArticlePage.objects.values_list("pk", flat=True)[:2000]
            ],
            batch_size=1000,
        )
    assert Receipt.objects.count() == ANNOUNCEMENTS * GRASSROOTS_UNITS
    return {
        "items": NewsItemPage.objects.count(),
        "receipts": Receipt.objects.count(),
        "units": Unit.objects.count(),
        "home": "/vi/",
        "listing": index.url,
        "article": NewsArticlePage.objects.get(pk=probe.pk).url,
        "deep_article": NewsArticlePage.objects.filter(slug="newsarticlepage-9000").first().url,
    }


def insert_in_batches(model, objects: list, size: int = 500) -> None:
    """Rows of one table of a multi-table model (bulk_create refuses those)."""
    for start in range(0, len(objects), size):
        model._base_manager._insert(
            objects[start : start + size], fields=model._meta.local_concrete_fields, using="default"
        )


def query_counts(urls: dict[str, str]) -> dict[str, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client()
    counts = {}
    with override_settings(NEWS_PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"]):
        for name, url in urls.items():
            client.get(url)
            with CaptureQueriesContext(connection) as captured:
                status = client.get(url).status_code
            assert status == 200, (url, status)
            counts[name] = len(captured.captured_queries)
    return counts


# --------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(database_url: str, cache_seconds: int, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "BENCH_DATABASE_URL": database_url,
        "NEWS_PAGE_CACHE_SECONDS": str(cache_seconds),
        "DJANGO_SETTINGS_MODULE": "bench.pages_settings",
    }
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "config.wsgi:application",
            "--workers=2",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            connection = HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/bench/minimal/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def measure(database_url: str, cache_seconds: int, paths: dict[str, str]) -> dict[str, dict]:
    port = free_port()
    server = serve(database_url, cache_seconds, port)
    try:
        urls = [f"http://127.0.0.1:{port}{path}" for path in paths.values()]
        output = subprocess.run(
            [sys.executable, __file__, "--client", *urls],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        ).stdout
    finally:
        server.terminate()
        server.wait(timeout=30)
    rows = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    return {name: row for name, row in zip(paths, rows, strict=True)}


def main() -> None:
    database_url = os.environ.get("BENCH_DATABASE_URL", "sqlite:////tmp/portal_news_bench.sqlite3")
    if database_url.startswith("sqlite:///"):
        Path(database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    setup_django(database_url, 0)
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        _recreate_postgres_database(connection)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    data = load_data()
    # Fresh planner statistics, as PostgreSQL's autovacuum (or SQLite's PRAGMA optimize) keeps them.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"Loaded {data['items']:,} news items, {data['receipts']:,} read receipts, {data['units']:,} units "
        f"into {connection.vendor} in {time.perf_counter() - started:.0f}s; cache: {settings.CACHES['default']['BACKEND']}"
    )
    pages = {"home": data["home"], "listing": data["listing"], "article": data["article"]}
    counts = query_counts(
        {**pages, "deep article": data["deep_article"], "listing p.400": data["listing"] + "?page=400"}
    )
    print("Queries per page (cache off): " + ", ".join(f"{name} {count}" for name, count in counts.items()))

    paths = {"minimal view": "/bench/minimal/", **pages}
    print(
        f"\ngunicorn 2 sync workers; client: {CONCURRENCY} threads in a second process, {SECONDS_PER_URL:.0f}s per URL"
    )
    print(f"{'page':<14}{'cache':<7}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'x minimal':>11}{'errors':>8}")
    for cache_seconds, label in ((0, "off"), (600, "on")):
        results = measure(database_url, cache_seconds, paths)
        ceiling = results["minimal view"]["rps"]
        for name, row in results.items():
            print(
                f"{name:<14}{label:<7}{row['rps']:>8.0f}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}"
                f"{row['rps'] / ceiling:>11.2f}{row['errors']:>8}"
            )


def _recreate_postgres_database(connection) -> None:
    import psycopg

    name = connection.settings_dict["NAME"]
    connection.close()
    params = {
        k: v
        for k, v in connection.get_connection_params().items()
        if k in ("host", "port", "user", "password")
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):
        print(__doc__)
    elif len(sys.argv) > 1 and sys.argv[1] == "--client":
        client_main(sys.argv[2:])
    else:
        main()

"""Jobs search: time per request of the filtered jobs listing against the plain listing, same run.

    .venv/bin/python bench/jobs.py                # 1,000 posts, SQLite
    .venv/bin/python bench/jobs.py --posts 3000 --repeat 30
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_jobs_bench .venv/bin/python bench/jobs.py

A fresh database (SQLite: /tmp/portal_jobs_bench.sqlite3, deleted first) is migrated and
filled with a confederation, two provinces and N job posts spread over 6 provinces, 4 industries,
4 employment types and union / non-union employers, a seventh of them closed; the search index is
rebuilt. Then, in-process with Django's test client (no network), each URL is requested `repeat`
times; it prints the median and p95 milliseconds, the queries per request, the result count and
the ratio to the baseline: the same page with no filter (newest open posts, first page).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQLITE_PATH = "/tmp/portal_jobs_bench.sqlite3"


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    if "DATABASE_URL" not in os.environ:
        Path(SQLITE_PATH).unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE_PATH}"
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import setup_test_environment

    settings.DEBUG = False
    # Lets the client see each response's context (the result count); templates render as usual.
    setup_test_environment()


def fill(posts: int) -> str:
    import datetime
    import random

    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Locale

    from federations.factories import FederationPageFactory, UnitFactory, home_page_for
    from federations.models import Level
    from jobs.factories import EmployerFactory, IndustryFactory, JobIndexPageFactory, JobPostPageFactory
    from search.indexing import rebuild

    call_command("migrate", verbosity=0)
    Locale.objects.get_or_create(language_code="vi")
    rng = random.Random(7)
    root = UnitFactory(code="TLD", name_vi="Tổng Liên đoàn")
    home = home_page_for(root)
    hanoi = FederationPageFactory(
        parent=home,
        unit=UnitFactory(parent=root, code="HN", level=Level.FEDERATION, name_vi="Hà Nội"),
        slug="hn",
    )
    home_index = JobIndexPageFactory(parent=home, slug="viec-lam")
    hanoi_index = JobIndexPageFactory(parent=hanoi, slug="viec-lam")
    industries = [IndustryFactory(slug=slug) for slug in ("garments", "electronics", "logistics", "food")]
    employers = [EmployerFactory(industry=rng.choice(industries), has_union=n % 2 == 0) for n in range(30)]
    provinces = ["ha-noi", "bac-ninh", "thanh-pho-ho-chi-minh", "da-nang", "hai-phong", "dong-nai"]
    types = ["full_time", "part_time", "seasonal", "internship"]
    words = ["công nhân may", "thợ hàn", "lái xe", "kỹ thuật viên", "nhân viên kho", "đóng gói"]
    today = timezone.localdate()
    started = time.perf_counter()
    for n in range(posts):
        employer = rng.choice(employers)
        low = rng.randint(5, 20)
        closing = today + datetime.timedelta(days=rng.randint(-10, 60))
        JobPostPageFactory(
            parent=home_index if n % 3 else hanoi_index,
            title=f"Tuyển {rng.choice(words)} số {n}",
            employer=employer,
            industry=employer.industry,
            employment_type=rng.choice(types),
            salary_min=low * 1_000_000,
            salary_max=(low + rng.randint(1, 6)) * 1_000_000,
            posted_date=min(closing, today - datetime.timedelta(days=rng.randint(0, 60))),
            closing_date=closing,
            provinces=rng.sample(provinces, k=rng.choice([1, 1, 2])),
        )
    documents = rebuild()
    print(f"setup: {posts} posts in {time.perf_counter() - started:.1f} s, {documents} search documents")
    return home_index.url


def measure(client, url: str, params: dict, repeat: int) -> tuple[float, float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, params)  # warm caches and templates
    timings = []
    for _n in range(repeat):
        started = time.perf_counter()
        response = client.get(url, params)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    return statistics.median(timings), p95, len(queries), response.context["page_obj"].paginator.count


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.test import Client

    url = fill(args.posts)
    client = Client()
    cases = [
        ("baseline: no filter", {}),
        ("province", {"province": "bac-ninh"}),
        (
            "province+union+salary, by salary",
            {"province": "ha-noi", "union": "on", "salary_from": "10", "sort": "salary"},
        ),
        (
            "industry+type+posted 30 days",
            {"industry": "garments", "type": "full_time", "posted_within": "30"},
        ),
        ("text (folded) 'cong nhan may'", {"q": "cong nhan may"}),
        ("text + province + closing soon", {"q": "tho han", "province": "ha-noi", "sort": "closing"}),
        ("include closed, page 5", {"closed": "on", "page": "5"}),
    ]
    print(f"database: {connection.vendor}, {args.repeat} requests per case, in-process test client")
    print(f"{'case':<40} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'results':>8} {'x baseline':>11}")
    baseline = None
    for label, params in cases:
        median, p95, queries, count = measure(client, url, params, args.repeat)
        baseline = baseline or median
        print(f"{label:<40} {median:>10.1f} {p95:>8.1f} {queries:>8} {count:>8} {median / baseline:>11.2f}")


if __name__ == "__main__":
    main()

"""Saved-search notices: one run of `notify_saved_job_searches` over many saved searches, against
the listing queries those searches need anyway, measured in the same run.

    .venv/bin/python bench/jobs_notices.py                      # 1,000 posts, 500 searches, SQLite
    .venv/bin/python bench/jobs_notices.py --posts 2000 --searches 1000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_jobs_bench .venv/bin/python bench/jobs_notices.py

A fresh database (SQLite: /tmp/portal_jobs_notices.sqlite3, deleted first) gets N posts over 6
provinces, 4 industries and 4 employment types, and S saved searches (one in four with folded text)
saved before the posts were published. It prints:
- baseline: evaluating every search's listing query (filters + text through the search service),
  the least any notifier must do;
- first run: recording every new match and sending one e-mail per search (Django's in-memory mail
  backend: the time is the portal's, not an SMTP server's);
- second run: nothing new, so nothing recorded or sent (idempotence).
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQLITE_PATH = "/tmp/portal_jobs_notices.sqlite3"


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    if "DATABASE_URL" not in os.environ:
        Path(SQLITE_PATH).unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE_PATH}"
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def fill(posts: int, searches: int) -> None:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Locale

    from federations.factories import UnitFactory, home_page_for
    from jobs.factories import EmployerFactory, IndustryFactory, JobIndexPageFactory, JobPostPageFactory
    from jobs.models import JobPostPage, SavedJobSearch
    from search.indexing import rebuild

    call_command("migrate", verbosity=0)
    Locale.objects.get_or_create(language_code="vi")
    rng = random.Random(11)
    home = home_page_for(UnitFactory(code="TLD", name_vi="Tổng Liên đoàn"))
    index = JobIndexPageFactory(parent=home, slug="viec-lam")
    industries = [IndustryFactory(slug=slug) for slug in ("garments", "electronics", "logistics", "food")]
    employers = [EmployerFactory(industry=rng.choice(industries), has_union=n % 2 == 0) for n in range(30)]
    provinces = ["ha-noi", "bac-ninh", "thanh-pho-ho-chi-minh", "da-nang", "hai-phong", "dong-nai"]
    types = ["full_time", "part_time", "seasonal", "internship"]
    words = ["cong nhan may", "tho han", "lai xe", "ky thuat vien", "nhan vien kho", "dong goi"]
    titles = ["công nhân may", "thợ hàn", "lái xe", "kỹ thuật viên", "nhân viên kho", "đóng gói"]
    saved_at = timezone.now() - datetime.timedelta(days=1)
    users = [get_user_model().objects.create_user(f"u{n}", f"u{n}@example.org") for n in range(searches)]
    for n, user in enumerate(users):
        params = [f"province={rng.choice(provinces)}"]
        if n % 2:
            params.append("union=on")
        if n % 3 == 0:
            params.append(f"type={rng.choice(types)}")
        if n % 4 == 0:
            params.append(f"q={rng.choice(words).replace(' ', '+')}")
        SavedJobSearch.objects.create(
            user=user, index=index, name=f"s{n}", query="&".join(params), language="vi", created_at=saved_at
        )
    today = timezone.localdate()
    for n in range(posts):
        employer = rng.choice(employers)
        low = rng.randint(5, 20)
        JobPostPageFactory(
            parent=index,
            title=f"Tuyển {rng.choice(titles)} số {n}",
            employer=employer,
            industry=employer.industry,
            employment_type=rng.choice(types),
            salary_min=low * 1_000_000,
            salary_max=(low + 3) * 1_000_000,
            closing_date=today + datetime.timedelta(days=rng.randint(1, 60)),
            provinces=rng.sample(provinces, k=rng.choice([1, 1, 2])),
        )
    JobPostPage.objects.update(first_published_at=timezone.now())
    rebuild()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--searches", type=int, default=500)
    args = parser.parse_args()
    setup_django()
    from django.core import mail
    from django.db import connection

    from jobs.models import SavedJobSearch, SavedSearchMatch
    from jobs.notices import matching_new_posts, notify_all

    started = time.perf_counter()
    fill(args.posts, args.searches)
    print(
        f"setup: {args.posts} posts, {args.searches} saved searches in {time.perf_counter() - started:.1f} s"
    )
    print(f"database: {connection.vendor}")

    started = time.perf_counter()
    found = sum(len(matching_new_posts(search)) for search in SavedJobSearch.objects.select_related("index"))
    baseline = time.perf_counter() - started
    print(f"baseline: listing query of every search     {baseline:7.2f} s  {found} matches")

    started = time.perf_counter()
    notified, matches = notify_all()
    first = time.perf_counter() - started
    print(
        f"first run: record + e-mail                   {first:7.2f} s  {matches} matches, "
        f"{len(mail.outbox)} e-mails, {first / args.searches * 1000:.1f} ms a search, "
        f"x{first / baseline:.2f} baseline"
    )
    mail.outbox.clear()
    started = time.perf_counter()
    _notified, again = notify_all()
    second = time.perf_counter() - started
    print(
        f"second run: nothing new                      {second:7.2f} s  {again} matches, "
        f"{len(mail.outbox)} e-mails, x{second / baseline:.2f} baseline"
    )
    assert matches == found == SavedSearchMatch.objects.count() and again == 0 and not mail.outbox


if __name__ == "__main__":
    main()

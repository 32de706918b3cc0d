"""Legal library figures: importing a generated 300-article document, and rendering it.

Import: parse the text, then write the structure (bulk inserts, all or nothing), then index
each article on its own (a background task in production, run here at commit). Baseline:
bulk-inserting the same rows with no parsing (the least an import can cost).
Render: the document page through Django's test client, queries and median latency, against
the same page for a 3-article document (the site shell's own cost).

    .venv/bin/python bench/legal.py [--articles 300]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, statistics, sys, time
import django
django.setup()
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client

call_command("migrate", verbosity=0)
from wagtail.models import Collection, Locale, Page
if not Locale.objects.exists():
    Locale.objects.create(language_code="vi")
from federations.factories import UnitFactory, home_page_for
from legal_library.factories import LegalDocumentPageFactory, LegalLibraryPageFactory, generated_text
from legal_library.importer import parse, save_structure
from legal_library.models import Provision

articles = int(sys.argv[1])
home = home_page_for(UnitFactory(code="TLD", name_vi="Tổng Liên đoàn"))
shelf = LegalLibraryPageFactory(parent=home)
document = LegalDocumentPageFactory(parent=shelf, slug="dai")
small = LegalDocumentPageFactory(parent=shelf, slug="ngan")
text = generated_text(articles)

start = time.perf_counter()
result = parse(text)
parsed = time.perf_counter()
with transaction.atomic():
    save_structure(document, result)
    saved = time.perf_counter()
indexed = time.perf_counter()

rows = list(Provision.objects.filter(document=document).values())
Provision.objects.filter(document=document).delete()
base_start = time.perf_counter()
with transaction.atomic():
    Provision.objects.bulk_create([Provision(**{k: v for k, v in row.items() if k not in ("id", "parent_id")}) for row in rows])
baseline = time.perf_counter() - base_start
Provision.objects.filter(document=document).delete()
with transaction.atomic():
    save_structure(document, parse(text))
save_structure(small, parse(generated_text(3)))
document.save_revision().publish()
small.save_revision().publish()

client = Client()
def page(url):
    client.get(url)
    queries = []
    # execute_wrapper survives the connection being closed and reopened between requests.
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        client.get(url)
    runs = []
    for _ in range(7):
        t = time.perf_counter()
        response = client.get(url)
        runs.append(time.perf_counter() - t)
    assert response.status_code == 200
    return len(queries), statistics.median(runs), len(response.content)

big_q, big_t, big_size = page(document.url)
small_q, small_t, _ = page(small.url)
print(json.dumps({
    "articles": articles, "provisions": len(rows), "parse_s": parsed - start, "save_s": saved - parsed,
    "index_s": indexed - saved, "bulk_insert_baseline_s": baseline,
    "page_queries": big_q, "page_ms": big_t * 1000, "page_kb": big_size / 1024,
    "small_page_queries": small_q, "small_page_ms": small_t * 1000,
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="config.settings.test",
            DATABASE_URL=f"sqlite:///{folder}/bench.sqlite3",
        )
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(args.articles)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        if out.returncode:
            sys.exit(out.stderr[-3000:])
        figures = json.loads(out.stdout.strip().splitlines()[-1])
    f = figures
    import_s = f["parse_s"] + f["save_s"]
    print(f"Import of {f['articles']} articles ({f['provisions']} provisions), SQLite:")
    print(
        f"  parse {f['parse_s'] * 1000:.0f} ms + write {f['save_s'] * 1000:.0f} ms = {import_s:.2f} s (target < 5 s)"
    )
    print(f"  indexing each article for search (background task in production): {f['index_s']:.2f} s")
    print(
        f"  baseline, bare bulk insert of the same rows: {f['bulk_insert_baseline_s'] * 1000:.0f} ms "
        f"(import = {import_s / f['bulk_insert_baseline_s']:.1f}x baseline)"
    )
    print(
        f"Document page, {f['articles']} articles: {f['page_queries']} queries, {f['page_ms']:.0f} ms median, {f['page_kb']:.0f} KB"
    )
    print(
        f"  baseline, 3-article page: {f['small_page_queries']} queries, {f['small_page_ms']:.0f} ms "
        f"(latency {f['page_ms'] / f['small_page_ms']:.1f}x, queries +{f['page_queries'] - f['small_page_queries']})"
    )


if __name__ == "__main__":
    main()

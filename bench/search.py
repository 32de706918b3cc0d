"""Search benchmark: the portal's folded index against Wagtail's stock database backend.

    .venv/bin/python bench/search.py                       # 100,000 documents, SQLite and PostgreSQL
    .venv/bin/python bench/search.py --docs 20000 --databases sqlite

For each database it creates a fresh database (SQLite: a temporary file; PostgreSQL:
`portal_search_bench` on DATABASE_URL's server or 127.0.0.1), generates the same
Vietnamese documents from a fixed seed, then, in the same run:

- stock: Wagtail's database backend as shipped (SQLite FTS5 default tokenizer,
  PostgreSQL's default configuration), indexing the original title and body;
- portal: this project's service (folded copy + exact-spelling tokens, `vi_unaccent`
  on PostgreSQL), through the same engine the search page uses.

It prints indexing time, query latency p50/p95 (top 20 results and their count, then
with the six facets as the search page asks), and recall on the folding cases:
the share of documents containing the words (diacritics ignored) that the query finds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

# --- A generator of plausible Vietnamese union news, written for this project --------------

SUBJECTS = [
    "Công đoàn cơ sở",
    "Liên đoàn Lao động tỉnh",
    "Ban Chấp hành Công đoàn",
    "Người lao động",
    "Đoàn viên công đoàn",
    "Công nhân khu công nghiệp",
    "Ban Nữ công",
    "Chủ tịch Công đoàn",
    "Công đoàn ngành Giáo dục",
    "Công đoàn ngành Y tế",
    "Người sử dụng lao động",
    "Ủy ban Kiểm tra",
    "Tổ công đoàn",
    "Thanh niên công nhân",
    "Cán bộ công đoàn",
    "Hội đồng thương lượng",
]
VERBS = [
    "tổ chức",
    "phối hợp triển khai",
    "kiến nghị",
    "thăm hỏi",
    "hỗ trợ",
    "tuyên truyền về",
    "giám sát việc thực hiện",
    "ký kết",
    "tổng kết",
    "đối thoại về",
    "bảo vệ",
    "trao tặng",
    "hướng dẫn",
    "tập huấn về",
    "khảo sát",
    "đề xuất sửa đổi",
]
OBJECTS = [
    "quyền lợi hợp pháp",
    "thỏa ước lao động tập thể",
    "bảo hiểm xã hội",
    "tiền lương tối thiểu",
    "an toàn vệ sinh lao động",
    "nhà ở cho công nhân",
    "chế độ thai sản",
    "thời giờ làm việc",
    "hợp đồng lao động",
    "bữa ăn ca",
    "mái ấm công đoàn",
    "quỹ xã hội",
    "tháng công nhân",
    "kỹ năng nghề",
    "chăm sóc sức khỏe",
    "phúc lợi đoàn viên",
    "tranh chấp lao động",
    "bảo hiểm thất nghiệp",
    "văn hóa doanh nghiệp",
    "học bổng cho con công nhân",
]
COMPLEMENTS = [
    "cho người lao động",
    "tại doanh nghiệp",
    "trong khu công nghiệp",
    "năm nay",
    "tại địa phương",
    "theo quy định của pháp luật",
    "cho đoàn viên khó khăn",
    "ở các tỉnh phía Bắc",
    "trong dịp Tết",
    "nhân Tháng Công nhân",
    "với người sử dụng lao động",
    "ở cơ sở",
    "trên địa bàn thành phố",
]
LAW_SUBJECTS = [
    "Quyền đơn phương chấm dứt hợp đồng lao động",
    "Thời giờ làm thêm",
    "Nghỉ hằng năm",
    "Trách nhiệm của công đoàn",
    "Đối thoại tại nơi làm việc",
    "Tiền lương làm thêm giờ",
    "Bảo hiểm xã hội bắt buộc",
    "Kỷ luật lao động",
    "Quyền lợi của lao động nữ",
]
TOPICS = ["Quyền lợi", "Tiền lương", "Bảo hiểm", "An toàn lao động", "Phong trào", "Pháp luật"]
LANGUAGES = ["vi"] * 9 + ["en"]
ENGLISH = [
    "The union supports workers",
    "Collective bargaining agreement signed",
    "Social insurance for workers",
    "Minimum wage rises",
    "Safety training at the factory",
    "Housing for industrial zone workers",
]

# Folding cases: what members type on a phone, and the same with diacritics.
FOLDING_CASES = [
    ("cong doan", "công đoàn"),
    ("nguoi lao dong", "người lao động"),
    ("quyen loi", "quyền lợi"),
    ("dieu 35", "Điều 35"),
    ("bao hiem xa hoi", "bảo hiểm xã hội"),
    ("CONG DOAN", "CÔNG ĐOÀN"),
]
OTHER_QUERIES = ["thoa uoc lao dong tap the", "tien luong toi thieu", "an toan ve sinh", "mai am", "thai san"]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(COMPLEMENTS)}."


def generate(count: int, seed: int = 2026):
    """(title, body, language, year, topic) tuples, the same for a given count and seed."""
    rng = random.Random(seed)
    for number in range(count):
        language = rng.choice(LANGUAGES)
        if language == "en":
            title = f"{rng.choice(ENGLISH)} in province {number % 63}"
            body = " ".join(
                f"{rng.choice(ENGLISH)} {rng.choice(['today', 'this year', 'again'])}." for _ in range(4)
            )
        elif rng.random() < 0.1:
            title = f"Điều {rng.randint(1, 220)}. {rng.choice(LAW_SUBJECTS)}"
            body = " ".join(sentence(rng) for _ in range(rng.randint(3, 8)))
        else:
            title = sentence(rng).rstrip(".")
            body = " ".join(sentence(rng) for _ in range(rng.randint(4, 12)))
        yield title, body, language, rng.randint(2018, 2026), rng.choice(TOPICS)


# --- The worker: one database, one process ----------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


# A query slower than this is stopped and counted at this value (a lower bound): Wagtail's
# stock SQLite ranking re-runs the match once per matching row and would not finish otherwise.
QUERY_TIMEOUT_SECONDS = 10


class QueryTimeout(Exception):
    pass


def _with_timeout(call):
    from django.db import OperationalError, connection

    if connection.vendor == "sqlite":
        deadline = time.perf_counter() + QUERY_TIMEOUT_SECONDS
        connection.connection.set_progress_handler(lambda: int(time.perf_counter() > deadline), 10_000)
    else:
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {QUERY_TIMEOUT_SECONDS * 1000}")
    try:
        return call()
    except OperationalError as error:
        raise QueryTimeout from error
    finally:
        if connection.vendor == "sqlite":
            connection.connection.set_progress_handler(None, 0)
        else:
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")


def _timed(call, repeat: int, timeouts: list | None = None) -> list[float]:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            _with_timeout(call)
        except QueryTimeout:
            timings.append(QUERY_TIMEOUT_SECONDS * 1000.0)
            if timeouts is not None:
                timeouts.append(call)
            break  # one timeout says enough about this query
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def _explain(engine, plan, facets) -> list[str]:
    """EXPLAIN ANALYZE of every statement the engine sends for a very common and a rare query."""
    from django.db import connection

    lines: list[str] = []
    for text in ("cong doan", "Điều 35"):
        with connection.execute_wrapper(_explaining(lines, text)):
            engine.search(plan(text, facets))
    return lines


def _explaining(lines: list[str], text: str):
    def wrapper(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("SELECT") and "pg_stats" not in sql:
            cursor = context["cursor"]
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            plan = [row[0] for row in cursor.fetchall()]
            lines.extend([f"-- {text!r}: {' '.join(sql.split())[:300]}", *plan, ""])
        return execute(sql, params, many, context)

    return wrapper


def worker(database_url: str, docs: int, repeat: int, explain: bool = False) -> dict:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone
    from modelsearch.backends.database import SearchBackend as stock_backend_factory
    from wagtail.search import index

    call_command("migrate", verbosity=0, interactive=False)
    from folding import fold_vietnamese, folded_tokens
    from search.engines import QueryPlan
    from search.engines.database import DatabaseEngine
    from search.models import SearchDocument
    from search.service import FACET_NAMES

    content_type = ContentType.objects.get_for_model(SearchDocument)
    result: dict = {"database": connection.vendor, "docs": docs}

    # 1. Rows (shared by both indexes): the portal's folding is timed here.
    start = time.perf_counter()
    rows = []
    for number, (title, body, language, year, topic) in enumerate(generate(docs)):
        row = SearchDocument(
            content_type=content_type,
            object_pk=number + 1,
            kind="bench.article",
            language=language,
            title=title,
            body=body,
            url=f"/{language}/bench/{number}/",
            date=timezone.now().replace(year=year),
            year=year,
            topic=topic,
        )
        row.refresh_index_text()
        rows.append(row)
    fold_seconds = time.perf_counter() - start
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        rows = SearchDocument.objects.bulk_create(rows, batch_size=2000)
    if not rows[0].pk:
        rows = list(SearchDocument.objects.order_by("pk"))

    # Ground truth for recall: documents whose folded text holds every folded query word.
    folded_texts = {row.pk: set(folded_tokens(f"{row.title} {row.body}")) for row in rows}

    def expected(query: str) -> set[int]:
        words = set(folded_tokens(query))
        return {pk for pk, tokens in folded_texts.items() if words <= tokens}

    queries = [case for pair in FOLDING_CASES for case in pair] + OTHER_QUERIES

    # 2. Stock: Wagtail's database backend as shipped, original text, no folding.
    stock_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.FilterField("language"),
    ]
    portal_fields = SearchDocument.search_fields
    stock = stock_backend_factory({})
    SearchDocument.search_fields = stock_fields
    try:
        stock_index = stock.get_index_for_model(SearchDocument)
        stock_index.reset()
        start = time.perf_counter()
        for offset in range(0, len(rows), 1000):
            stock_index.add_items(SearchDocument, rows[offset : offset + 1000])
        result["stock_index_seconds"] = time.perf_counter() - start
        stock_queryset = SearchDocument.objects.filter(language="vi")

        def stock_query(text: str):
            results = stock.search(text, stock_queryset)
            list(results[:20])
            results.count()

        timeouts: list = []
        result["stock_latency_ms"] = [
            t for q in queries for t in _timed(lambda q=q: stock_query(q), repeat, timeouts)
        ]
        result["stock_timeouts"] = len(timeouts)
        result["stock_recall"] = {
            query: _recall(stock_matches(stock, query, content_type.pk), expected(query))
            for pair in FOLDING_CASES
            for query in pair
        }
    finally:
        SearchDocument.search_fields = portal_fields

    # 3. Portal: folded index through the engine the site uses.
    engine = DatabaseEngine()
    portal_index = engine.backend.get_index_for_model(SearchDocument)
    portal_index.reset()
    start = time.perf_counter()
    for offset in range(0, len(rows), 1000):
        engine.index_documents(rows[offset : offset + 1000])
    result["portal_index_seconds"] = time.perf_counter() - start
    result["portal_fold_seconds"] = fold_seconds
    if connection.vendor == "postgresql":
        # What autovacuum does after a bulk load and search_reindex does at its end: the
        # engine reads these statistics to tell very common queries from rare ones.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {SearchDocument._meta.db_table}")

    def plan(text: str, facets=()) -> QueryPlan:
        from folding import query_terms

        folded, exact = query_terms(text)
        return QueryPlan(folded_terms=folded, exact_terms=exact, text=text, language="vi", facets=facets)

    estimated: set[str] = set()

    def portal_query(text: str, facets=()):
        found = engine.search(plan(text, facets))
        if found.total_is_estimate:
            estimated.add(text)

    # The machine is shared: the load average beside the figures says how much to trust them.
    result["load_before"] = os.getloadavg()
    result["portal_latency_ms"] = [t for q in queries for t in _timed(lambda q=q: portal_query(q), repeat)]
    result["portal_facets_latency_ms"] = [
        t for q in queries for t in _timed(lambda q=q: portal_query(q, FACET_NAMES), max(1, repeat // 2))
    ]
    result["load_after"] = os.getloadavg()
    result["portal_estimated"] = sorted(estimated)
    if explain and connection.vendor == "postgresql":
        result["explain"] = _explain(engine, plan, FACET_NAMES)

    def portal_ids(query: str) -> set[int]:
        """Every document the portal's match condition finds (the ranked page is a subset of these)."""
        from folding import query_terms
        from search.engines.sql import RankedQuery

        folded, exact = query_terms(query)
        every = QueryPlan(folded_terms=folded, exact_terms=exact, text=query, limit=docs)
        if connection.vendor == "postgresql":
            from search.engines.postgres import PostgresSearch

            return {hit.document_id for hit in PostgresSearch(every).exact().hits}
        return set(RankedQuery(every, backend=engine.backend).page_ids())

    result["portal_recall"] = {
        query: _recall(portal_ids(query), expected(query)) for pair in FOLDING_CASES for query in pair
    }
    result["expected_matches"] = {query: len(expected(query)) for pair in FOLDING_CASES for query in pair}
    result["fold_check"] = fold_vietnamese("Đoàn")
    return result


def stock_matches(stock, query: str, content_type_id: int) -> set[int]:
    """Every document the stock backend matches for `query` (recall needs all, in no order).

    On SQLite, Wagtail's compiler filters `pk IN (match)` even unranked, which did not finish
    on 100,000 rows; the FTS5 expression below is the one it builds (each word quoted, AND).
    """
    from django.db import connection
    from modelsearch.conf import get_app_config

    from search.models import SearchDocument

    if connection.vendor != "sqlite":
        results = stock.search(query, SearchDocument.objects.all(), order_by_relevance=False)
        return set(results.get_queryset().values_list("pk", flat=True))
    entries = get_app_config().get_model("IndexEntry")._meta.db_table
    words = " AND ".join('"' + word.replace('"', '""') + '"' for word in query.split())
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT CAST(ie.object_id AS INTEGER) FROM {entries}_fts CROSS JOIN {entries} ie "
            f"ON ie.id = {entries}_fts.rowid WHERE {entries}_fts MATCH %s AND ie.content_type_id = %s",
            ["{title body} : (" + words + ")", content_type_id],
        )
        return {row[0] for row in cursor.fetchall()}


def _recall(found: set[int], expected: set[int]) -> float:
    if not expected:
        return 1.0
    return len(found & expected) / len(expected)


# --- The driver: one worker per database, then the table -------------------------------------


def _postgres_url() -> str:
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith("postgres"):
        return base.rsplit("/", 1)[0] + "/portal_search_bench"
    return "postgres://postgres@127.0.0.1:5432/portal_search_bench"


def _recreate_postgres(url: str) -> None:
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def run_worker(url: str, args) -> dict:
    command = [
        sys.executable,
        __file__,
        "--worker",
        url,
        "--docs",
        str(args.docs),
        "--repeat",
        str(args.repeat),
        *(["--explain"] if args.explain else []),
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=BASE_DIR)
    return json.loads(output.stdout.strip().splitlines()[-1])


def report(result: dict) -> None:
    def row(label, timings):
        return (
            f"  {label:<34} p50 {percentile(timings, 0.5):7.1f} ms   p95 {percentile(timings, 0.95):7.1f} ms"
        )

    print(f"\n== {result['database']}: {result['docs']:,} documents ==")
    print(f"  indexing, stock Wagtail backend     {result['stock_index_seconds']:7.1f} s")
    print(
        f"  indexing, portal (folded)          {result['portal_index_seconds']:7.1f} s"
        f"  (+ {result['portal_fold_seconds']:.1f} s folding in Python)"
        f"  ratio {result['portal_index_seconds'] / result['stock_index_seconds']:.2f}x"
    )
    print(row("query, stock (top 20 + count)", result["stock_latency_ms"]))
    if result["stock_timeouts"]:
        print(
            f"    ({result['stock_timeouts']} stock queries stopped at {QUERY_TIMEOUT_SECONDS} s, counted as such)"
        )
    print(row("query, portal (top 20 + count)", result["portal_latency_ms"]))
    if result["portal_estimated"]:
        print(
            f"    ({len(result['portal_estimated'])} of {len(result['stock_recall']) + len(OTHER_QUERIES)} queries "
            f"so common that the count is an estimate and the newest matches are ranked)"
        )
    print(row("query, portal + 6 facets", result["portal_facets_latency_ms"]))
    print(
        "    (load average 1/5/15 min: "
        + " before, ".join(
            "/".join(f"{value:.2f}" for value in result[key]) for key in ("load_before", "load_after")
        )
        + " after the portal queries)"
    )
    ratio = percentile(result["portal_latency_ms"], 0.95) / max(
        percentile(result["stock_latency_ms"], 0.95), 1e-9
    )
    print(f"  p95 ratio portal/stock             {ratio:7.2f}x")
    for line in result.get("explain", []):
        print(f"    {line}")
    print(f"  {'folding case':<22} {'matches':>8} {'stock recall':>13} {'portal recall':>14}")
    for query, portal in result["portal_recall"].items():
        stock = result["stock_recall"][query]
        print(f"  {query:<22} {result['expected_matches'][query]:>8} {stock:>12.0%} {portal:>13.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=100_000, help="documents to generate (default 100000)")
    parser.add_argument("--databases", default="sqlite,postgres", help="comma-separated: sqlite, postgres")
    parser.add_argument("--repeat", type=int, default=10, help="runs of each query (default 10)")
    parser.add_argument(
        "--explain", action="store_true", help="print EXPLAIN ANALYZE of the portal's statements (PostgreSQL)"
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.docs, args.repeat, args.explain)))
        return
    print(f"Search benchmark: {args.docs:,} generated documents, each query run {args.repeat} times")
    for database in args.databases.split(","):
        if database == "sqlite":
            with tempfile.TemporaryDirectory() as directory:
                report(run_worker(f"sqlite:///{directory}/bench.sqlite3", args))
        elif database == "postgres":
            url = _postgres_url()
            _recreate_postgres(url)
            report(run_worker(url, args))
        else:
            parser.error(f"unknown database {database!r}")


if __name__ == "__main__":
    main()

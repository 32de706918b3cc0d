"""Contest peak load under gunicorn: what entrants do, the deadline rush, and a one-INSERT baseline.

    .venv/bin/python bench/contest_load.py                                  # PostgreSQL, 20 s per phase
    .venv/bin/python bench/contest_load.py --seconds 60 --databases postgres sqlite --redis

For each database: a fresh database (PostgreSQL: portal_contests_load on 127.0.0.1;
SQLite: /tmp/portal_contests_bench.sqlite3), migrated, with one open contest (a 40-question
bank in four topics, 20 questions drawn per attempt, 2 attempts per round, prediction asked).
gunicorn serves the site with 2 workers on a free port of 127.0.0.1 (`--worker-class`, default
sync: see below). A load generator in a second process runs `--threads` simulated phones, each
on one keep-alive connection (http.client; it reconnects when a sync worker closes it).

Phases, each `--seconds` long, on the same server in the same run:

1. baseline: POST to a view behind the same middleware (CSRF included) that does one INSERT;
2. entrants: each simulated entrant opens the contest page, registers (redirected to the page
   again), then twice (two attempts per round): start, load the attempt page, save answers
   20 times as the page's script does (the whole form each time, one more answer chosen each
   time), submit with a prediction, open the result page. 51 requests per entrant;
3. deadline rush: attempts already started with answers saved (prepared in the database
   beforehand, with the entrants' signed cookies) are submitted, one request each;
4. baseline again: the ratio uses the mean of both baseline runs (the machine is shared).

It prints requests/s, submissions/s, p95 latency per kind of request and errors for each
phase; the ratios against the baseline; and, checked token by token in the database, that
every submission the generator saw accepted is stored as submitted and scored (lost must be
0; the rush posts the correct answers, so each of its attempts must score 20). Rate limits
are raised through CONTESTS_LIMIT_* for the addresses (every phone here is 127.0.0.1) and
left as they are per entrant and per attempt.

Why sync workers: the work per request is CPU-bound Python and the machine has two cores, so
two single-threaded workers keep both cores busy without GIL contention between threads; a
production server sits behind a buffering proxy (nginx), so slow phones do not hold a worker.
`--worker-class gthread` (4 threads per worker, keep-alive) is there to compare: its threads
overlap database waits but contend for the GIL, and it answers keep-alive connections that a
sync worker closes after each response (the generator then reconnects, as a proxy would not).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
SQLITE_PATH = "/tmp/portal_contests_bench.sqlite3"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_NAME = "portal_contests_load"
ATTEMPTS_PER_ENTRANT = 2  # the rule set: two attempts per round
SAVES_PER_ATTEMPT = 20  # one autosave per question chosen
QUESTIONS = 20
# Attempts prepared for the rush, per second of the phase: more than this machine submits.
RUSH_PREPARED_PER_SECOND = 700

SETUP = r"""
import json, os
from datetime import timedelta
from django.core import signing
from django.db import connection
from django.utils import timezone
from wagtail.models import Locale
from contests.bank_cache import question_pool
from contests.drawing import draw
from contests.factories import ContestPageFactory, QuestionBankFactory, QuestionFactory, add_round
from contests.identity import cookie_name
from contests.models import Attempt, Entrant
from federations.factories import FederationPageFactory, UnitFactory, home_page_for
from federations.models import Level

Locale.objects.get_or_create(language_code="vi")
root = UnitFactory(code="TLD", name_vi="Tổng Liên đoàn")
province = UnitFactory(parent=root, code="HN", level=Level.FEDERATION, name_vi="Hà Nội")
units = [UnitFactory(parent=province, code=f"HN-CS{n:02d}", level=Level.GRASSROOTS) for n in range(20)]
home = home_page_for(root)
section = FederationPageFactory(parent=home, unit=province, slug="ha-noi")
bank = QuestionBankFactory(unit=province)
for topic in ("luat", "dieu-le", "quyen-loi", "nghi-quyet"):
    for n in range(10):
        QuestionFactory(bank=bank, topic=topic)
contest = ContestPageFactory(
    parent=section, question_bank=bank, slug="cuoc-thi", questions_per_attempt=%(questions)d
)
contest.save_revision().publish()
round_ = add_round(contest, -timedelta(hours=1))
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE bench_ping (id %%s, at varchar(40))" %% (
        "INTEGER PRIMARY KEY AUTOINCREMENT" if connection.vendor == "sqlite" else "BIGSERIAL PRIMARY KEY"))

# The deadline rush: entrants who started an attempt and saved every answer (all correct).
now = timezone.now()
pool = question_pool(contest.question_bank)
entrants = Entrant.objects.bulk_create(
    Entrant(contest=contest, full_name=f"Người thi sớm {n}", phone=f"08{n:08d}", unit=units[n %% 20])
    for n in range(%(prepared)d)
)
attempts = []
for entrant in entrants:
    questions = draw(pool, contest.questions_per_attempt, set())
    attempts.append(Attempt(
        round=round_, entrant=entrant, number=1, started_at=now, deadline=now + timedelta(minutes=20),
        questions=questions, answers={str(item["q"]): item["c"] for item in questions}, prediction=7,
    ))
Attempt.objects.bulk_create(attempts, batch_size=2000)
name = cookie_name(contest.pk)
with open(os.environ["BENCH_RUSH_FILE"], "w") as rush:
    for attempt in attempts:
        cookie = signing.get_cookie_signer(salt=name + "contests.entrant").sign(str(attempt.entrant_id))
        form = [["shown", str(item["q"])] for item in attempt.questions]
        form += [[f"q{item['q']}", str(option)] for item in attempt.questions for option in item["c"]]
        rush.write(json.dumps({"token": attempt.token, "cookie": [name, cookie], "form": form}) + "\n")
print(contest.url)
"""

CHECK = r"""
import json, os
from contests.models import Attempt
from django.db import connection
with open(os.environ["BENCH_DONE_FILE"]) as done:
    seen = json.load(done)
tokens = seen["mix"] + seen["rush"]
rows = {}
for start in range(0, len(tokens), 5000):
    chunk = tokens[start:start + 5000]
    rows.update(Attempt.objects.filter(token__in=chunk).values_list("token", "score"))
lost = [t for t in seen["mix"] + seen["rush"] if rows.get(t) is None]
rush_wrong = sum(1 for t in seen["rush"] if rows.get(t) is not None and rows[t] != %(questions)d)
with connection.cursor() as cursor:
    cursor.execute("SELECT COUNT(*) FROM bench_ping")
    pings = cursor.fetchone()[0]
submitted = Attempt.objects.filter(submitted_at__isnull=False).count()
print(json.dumps({"lost": len(lost), "rush_wrong": rush_wrong, "submitted": submitted, "pings": pings}))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def django_env(database_url: str, redis: bool) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.contests_settings",
        DATABASE_URL=database_url,
        PYTHONPATH=str(ROOT),
        TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        CONTESTS_LIMIT_ENTER_IP="1000000",
        CONTESTS_LIMIT_START_IP="1000000",
        CONTESTS_LIMIT_SUBMIT_IP="1000000",
    )
    env.pop("REDIS_URL", None)
    if redis:
        env["REDIS_URL"] = "redis://127.0.0.1:6379/9"
    return env


def manage(env: dict, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, input=stdin, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def fresh_database(kind: str) -> str:
    if kind == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(SQLITE_PATH + suffix).unlink(missing_ok=True)
        return f"sqlite:///{SQLITE_PATH}"
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [PG_NAME]).fetchone():
            connection.execute(f"CREATE DATABASE {PG_NAME}")
    # A fresh schema rather than DROP DATABASE, which waits on every backend of the server.
    with psycopg.connect(f"{PG_SERVER}/{PG_NAME}", autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")
    return f"{PG_SERVER}/{PG_NAME}"


def flush_redis() -> None:
    import redis

    redis.Redis.from_url("redis://127.0.0.1:6379/9").flushdb()


# --- the load generator (its own process: `bench/contest_load.py --generate …`) ---


class Unexpected(Exception):
    """A response a phone would not expect: counted as an error."""


class Phone:
    """One phone: one keep-alive connection, a cookie jar, and the timings of its requests."""

    def __init__(self, port: int, stats: Stats):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}
        self.stats = stats

    def request(self, kind: str, method: str, path: str, form=None, headers=None, expect=200):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = "http://127.0.0.1/"
        began = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()
            self.stats.record(kind, time.perf_counter() - began, ok=False)
            raise Unexpected(f"{kind}: {error}") from error
        ok = response.status == expect
        self.stats.record(kind, time.perf_counter() - began, ok=ok)
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for key, morsel in cookie.items():
                self.cookies[key] = morsel.value
        if not ok:
            raise Unexpected(f"{kind}: {response.status}")
        return response.headers, data.decode("utf-8", "replace")

    def close(self) -> None:
        self.connection.close()


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.submitted: list[str] = []

    def record(self, kind: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            if not ok:
                self.errors[kind] += 1

    def summary(self, seconds: float) -> dict:
        return {
            "seconds": seconds,
            "requests": sum(len(v) for v in self.latencies.values()),
            "submissions": len(self.submitted),
            "p95_ms": {kind: round(1000 * p95(values)) for kind, values in self.latencies.items()},
            "errors": dict(self.errors),
            "tokens": self.submitted,
        }


def one_entrant(phone: Phone, contest_url: str, number: int, stop_at: float) -> None:
    """Register, then start, answer, submit and look at `ATTEMPTS_PER_ENTRANT` attempts."""
    phone.request("page", "GET", contest_url)
    token = phone.cookies["csrftoken"]
    enter = {
        "csrfmiddlewaretoken": token,
        "full_name": f"Người thi {number}",
        "phone": f"09{number:08d}",
        "unit_query": f"HN-CS{number % 20:02d}",
        "consent": "on",
    }
    phone.request("enter", "POST", contest_url + "enter/", enter, expect=302)
    _headers, body = phone.request("page", "GET", contest_url)
    start = re.search(r'action="(/vi/contests/rounds/\d+/start/)"', body)
    if not start:
        raise Unexpected("no start button")
    for _n in range(ATTEMPTS_PER_ENTRANT):
        if time.time() >= stop_at:
            return
        headers, _body = phone.request(
            "start", "POST", start.group(1), {"csrfmiddlewaretoken": token}, expect=302
        )
        attempt_url = headers["Location"]
        _headers, body = phone.request("attempt", "GET", attempt_url)
        shown = re.findall(r'name="shown" value="(\d+)"', body)
        options: dict[str, list[str]] = defaultdict(list)
        for question, option in re.findall(r'name="q(\d+)" value="(\d+)"', body):
            options[question].append(option)
        chosen = [(f"q{q}", random.choice(options[q])) for q in shown]
        form = [("csrfmiddlewaretoken", token)] + [("shown", q) for q in shown]
        for answered in range(1, SAVES_PER_ATTEMPT + 1):
            phone.request(
                "save",
                "POST",
                attempt_url + "save/",
                [*form, *chosen[:answered], ("prediction", "")],
                {"X-Requested-With": "fetch"},
            )
        headers, _body = phone.request(
            "submit", "POST", attempt_url + "submit/", [*form, *chosen, ("prediction", "7")], expect=302
        )
        if not headers["Location"].endswith("/result/"):
            raise Unexpected("submit did not lead to the result")
        with phone.stats.lock:
            phone.stats.submitted.append(attempt_url.rstrip("/").rsplit("/", 1)[-1])
        phone.request("result", "GET", headers["Location"])


def run_threads(threads: int, seconds: float, work) -> float:
    stop_at = time.time() + seconds
    began = time.time()
    workers = [threading.Thread(target=work, args=(stop_at,)) for _n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.time() - began


def phase_baseline(port: int, threads: int, seconds: float) -> dict:
    stats = Stats()

    def work(stop_at: float) -> None:
        phone = Phone(port, stats)
        token = "b" * 32  # a well-formed CSRF secret: cookie and form field must match
        phone.cookies["csrftoken"] = token
        while time.time() < stop_at:
            try:
                phone.request("insert", "POST", "/bench/insert/", {"csrfmiddlewaretoken": token})
            except Unexpected:
                pass
        phone.close()

    return stats.summary(run_threads(threads, seconds, work))


def phase_entrants(port: int, contest_url: str, threads: int, seconds: float) -> dict:
    stats = Stats()
    numbers = iter(range(10_000_000))
    lock = threading.Lock()

    def work(stop_at: float) -> None:
        while time.time() < stop_at:
            with lock:
                number = next(numbers)
            phone = Phone(port, stats)
            try:
                one_entrant(phone, contest_url, number, stop_at)
            except Unexpected:
                pass
            finally:
                phone.close()

    return stats.summary(run_threads(threads, seconds, work))


def phase_rush(port: int, rush_file: str, threads: int, seconds: float) -> dict:
    stats = Stats()
    with open(rush_file) as lines:
        prepared = iter([json.loads(line) for line in lines])
    lock = threading.Lock()

    def work(stop_at: float) -> None:
        phone = Phone(port, stats)
        token = "r" * 32
        while time.time() < stop_at:
            with lock:
                attempt = next(prepared, None)
            if attempt is None:
                break
            phone.cookies = {"csrftoken": token, attempt["cookie"][0]: attempt["cookie"][1]}
            form = [("csrfmiddlewaretoken", token), *map(tuple, attempt["form"]), ("prediction", "7")]
            path = f"/vi/contests/attempts/{attempt['token']}/submit/"
            try:
                headers, _body = phone.request("submit", "POST", path, form, expect=302)
            except Unexpected:
                continue
            if headers["Location"].endswith("/result/"):
                with stats.lock:
                    stats.submitted.append(attempt["token"])
        phone.close()

    summary = stats.summary(run_threads(threads, seconds, work))
    summary["ran_out"] = next(prepared, None) is None
    return summary


def generate(port: int, contest_url: str, threads: int, seconds: float, rush_file: str) -> dict:
    return {
        "baseline1": phase_baseline(port, threads, seconds),
        "entrants": phase_entrants(port, contest_url, threads, seconds),
        "rush": phase_rush(port, rush_file, threads, seconds),
        "baseline2": phase_baseline(port, threads, seconds),
    }


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=20)[-1]


# --- the driver ---


def start_server(env: dict, port: int, worker_class: str) -> subprocess.Popen:
    command = [GUNICORN, "config.wsgi:application", "--workers", "2", "--bind", f"127.0.0.1:{port}"]
    command += ["--worker-class", worker_class, "--log-level", "warning", "--backlog", "2048"]
    if worker_class == "gthread":
        command += ["--threads", "4", "--keep-alive", "30"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    for _n in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not start")


def run(kind: str, args) -> None:
    database_url = fresh_database(kind)
    env = django_env(database_url, args.redis)
    if args.redis:
        flush_redis()
    workdir = Path(tempfile.mkdtemp(prefix="contest_load_"))
    env["BENCH_RUSH_FILE"] = str(workdir / "rush.jsonl")
    env["BENCH_DONE_FILE"] = str(workdir / "done.json")
    prepared = int(args.seconds * RUSH_PREPARED_PER_SECOND)
    print(f"\n== {kind}: fresh database, {prepared} attempts prepared for the rush …", flush=True)
    manage(env, "migrate", "--noinput")
    setup = SETUP % {"questions": QUESTIONS, "prepared": prepared}
    contest_url = manage(env, "shell", stdin=setup).strip().splitlines()[-1]
    port = free_port()
    server = start_server(env, port, args.worker_class)
    try:
        warm = Phone(port, Stats())
        for _n in range(4):  # each worker loads the page tree, the bank and the templates once
            warm.request("page", "GET", contest_url)
        warm.close()
        print(
            f"   gunicorn: 2 {args.worker_class} workers on 127.0.0.1:{port}, cache: "
            f"{'Redis' if args.redis else 'local memory'}; generator: {args.threads} threads, "
            f"{args.seconds:.0f} s per phase"
        )
        generator = subprocess.run(
            [PYTHON, __file__, "--generate", str(port), contest_url, str(args.threads), str(args.seconds)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        if generator.returncode:
            sys.exit(f"load generator failed:\n{generator.stderr[-3000:]}")
        figures = json.loads(generator.stdout.strip().splitlines()[-1])
    finally:
        server.terminate()
        server.wait(timeout=30)
    done = {"mix": figures["entrants"]["tokens"], "rush": figures["rush"]["tokens"]}
    (workdir / "done.json").write_text(json.dumps(done))
    check = json.loads(manage(env, "shell", stdin=CHECK % {"questions": QUESTIONS}).strip().splitlines()[-1])
    report(figures, check)


def report(figures: dict, check: dict) -> None:
    def rate(phase: dict, what: str) -> float:
        return phase[what] / phase["seconds"]

    base = [figures["baseline1"], figures["baseline2"]]
    base_rps = statistics.mean(rate(phase, "requests") for phase in base)
    mix, rush = figures["entrants"], figures["rush"]
    for label, phase in (("baseline, before", base[0]), ("baseline, after", base[1])):
        print(
            f"   {label}: {rate(phase, 'requests'):.1f} requests/s (one INSERT each),"
            f" p95 {phase['p95_ms'].get('insert', 0)} ms, errors {sum(phase['errors'].values())}"
        )
    print(
        f"   entrants (register once, then per attempt start, page, {SAVES_PER_ATTEMPT} saves, submit, result):"
        f" {rate(mix, 'requests'):.1f} requests/s, {rate(mix, 'submissions'):.1f} submissions/s"
        f" ({mix['submissions']} in {mix['seconds']:.1f} s)"
    )
    print(
        "     p95 ms: "
        + ", ".join(f"{kind} {ms}" for kind, ms in sorted(mix["p95_ms"].items()))
        + f"; errors: {sum(mix['errors'].values())} {dict(mix['errors']) or ''}"
    )
    print(
        f"   deadline rush (submit only): {rate(rush, 'submissions'):.1f} submissions/s"
        f" ({rush['submissions']} in {rush['seconds']:.1f} s{', prepared attempts ran out' if rush['ran_out'] else ''}),"
        f" p95 {rush['p95_ms'].get('submit', 0)} ms, errors {sum(rush['errors'].values())}"
    )
    print(
        f"   database: {check['submitted']} submitted attempts; of the {mix['submissions'] + rush['submissions']}"
        f" submissions the generator saw accepted, lost: {check['lost']};"
        f" rush attempts not scored {QUESTIONS}/{QUESTIONS}: {check['rush_wrong']}; baseline rows {check['pings']}"
    )
    print(
        f"   ratio entrants requests/s : baseline requests/s = {rate(mix, 'requests') / base_rps:.3f};"
        f" rush submissions/s : baseline requests/s = {rate(rush, 'submissions') / base_rps:.3f}"
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--generate":
        port, contest_url, threads, seconds = sys.argv[2:6]
        figures = generate(
            int(port), contest_url, int(threads), float(seconds), os.environ["BENCH_RUSH_FILE"]
        )
        print(json.dumps(figures))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20, help="length of each phase")
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--databases", nargs="+", default=["postgres"], choices=["postgres", "sqlite"])
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument(
        "--redis", action="store_true", help="cache and rate limits in Redis, as in production"
    )
    args = parser.parse_args()
    print(f"Contest load on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    for kind in args.databases:
        run(kind, args)


if __name__ == "__main__":
    main()

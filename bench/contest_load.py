"""Contest peak load: attempts started and submitted per second under gunicorn, against a baseline.

    .venv/bin/python bench/contest_load.py                      # SQLite, 20 s of load
    .venv/bin/python bench/contest_load.py --seconds 60 --databases sqlite postgres

For each database: a fresh database (SQLite: /tmp/portal_contests_bench.sqlite3;
PostgreSQL: portal_contests_bench on 127.0.0.1), migrated, with one open contest
(40-question bank, 20 drawn, 2 attempts per round). gunicorn serves the site with
2 sync workers on a free port of 127.0.0.1. A load generator in a second process
(Python threads, keep-alive connections) runs simulated entrants, each doing what a
phone does: open the contest page, register, then twice (two attempts per round):
start, load the attempt page, save the answers once, submit. Then, same server, same threads, same duration: the
baseline, a view behind the same middleware that does one INSERT.

It prints flows per second (one flow = one attempt started and submitted), p95
latency of start and submit, errors, the attempts in the database against the
flows the generator completed (nothing may be lost), the baseline's requests per
second and the ratio. Rate limits are raised through CONTESTS_LIMIT_* since every
simulated entrant comes from 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
SQLITE_PATH = "/tmp/portal_contests_bench.sqlite3"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_NAME = "portal_contests_bench"
# The rule set of the issue: two attempts per round. Registration is paid once per entrant.
ATTEMPTS_PER_ENTRANT = 2

SETUP = r"""
from datetime import timedelta
from django.db import connection
from django.utils import timezone
from wagtail.models import Locale
from contests.factories import ContestPageFactory, QuestionBankFactory, QuestionFactory, add_round
from federations.factories import FederationPageFactory, UnitFactory, home_page_for
from federations.models import Level

Locale.objects.get_or_create(language_code="vi")
root = UnitFactory(code="TLD", name_vi="Tổng Liên đoàn")
province = UnitFactory(parent=root, code="HN", level=Level.FEDERATION, name_vi="Hà Nội")
for n in range(20):
    UnitFactory(parent=province, code=f"HN-CS{n:02d}", level=Level.GRASSROOTS)
home = home_page_for(root)
section = FederationPageFactory(parent=home, unit=province, slug="ha-noi")
bank = QuestionBankFactory(unit=province)
for topic in ("luat", "dieu-le", "quyen-loi", "nghi-quyet"):
    for n in range(10):
        QuestionFactory(bank=bank, topic=topic)
contest = ContestPageFactory(parent=section, question_bank=bank, slug="cuoc-thi", questions_per_attempt=20)
contest.save_revision().publish()
add_round(contest, -timedelta(hours=1))
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE bench_ping (id %s, at varchar(40))" % (
        "INTEGER PRIMARY KEY AUTOINCREMENT" if connection.vendor == "sqlite" else "BIGSERIAL PRIMARY KEY"))
print(contest.url)
"""

COUNT = r"""
from contests.models import Attempt
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("SELECT COUNT(*) FROM bench_ping")
    pings = cursor.fetchone()[0]
print(Attempt.objects.filter(submitted_at__isnull=False).count(), Attempt.objects.count(), pings)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def django_env(database_url: str) -> dict:
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
    return env


def manage(env: dict, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
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
        connection.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
        connection.execute(f"CREATE DATABASE {PG_NAME}")
    return f"{PG_SERVER}/{PG_NAME}"


# --- the load generator (runs in its own process: `bench/contest_load.py --generate ...`) ---


class Browser:
    """One phone: a keep-alive connection and a cookie jar."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | list | None = None, headers: dict | None = None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = "http://127.0.0.1/"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for key, morsel in cookie.items():
                self.cookies[key] = morsel.value
        return response.status, response.headers, data.decode("utf-8", "replace")


def one_entrant(port: int, contest_url: str, number: int, latencies: dict, attempts: int) -> tuple[int, int]:
    """Register, then start, answer and submit `attempts` attempts; returns (submitted, failed)."""
    browser = Browser(port)
    done = 0
    try:
        status, _headers, body = browser.request("GET", contest_url)
        token = browser.cookies.get("csrftoken")
        if status != 200 or not token:
            return 0, attempts
        enter = {
            "csrfmiddlewaretoken": token,
            "full_name": f"Người thi {number}",
            "phone": f"09{number:08d}",
            "unit_query": f"HN-CS{number % 20:02d}",
            "consent": "on",
        }
        status, _headers, body = browser.request("POST", contest_url + "enter/", enter)
        if status != 302:
            return 0, attempts
        status, _headers, body = browser.request("GET", contest_url)
        start = re.search(r'action="(/vi/contests/rounds/\d+/start/)"', body)
        if not start:
            return 0, attempts
        for _n in range(attempts):
            began = time.perf_counter()
            status, headers, _body = browser.request("POST", start.group(1), {"csrfmiddlewaretoken": token})
            latencies["start"].append(time.perf_counter() - began)
            if status != 302:
                break
            attempt_url = headers["Location"]
            status, _headers, body = browser.request("GET", attempt_url)
            if status != 200:
                break
            shown = re.findall(r'name="shown" value="(\d+)"', body)
            choices = dict(
                re.findall(r'name="q(\d+)" value="(\d+)"', body)
            )  # the last option of each question
            answers = [("csrfmiddlewaretoken", token)] + [("shown", q) for q in shown]
            answers += [(f"q{q}", o) for q, o in choices.items()]
            status, _headers, _body = browser.request(
                "POST", attempt_url + "save/", answers, {"X-Requested-With": "fetch"}
            )
            if status != 200:
                break
            began = time.perf_counter()
            status, headers, _body = browser.request(
                "POST", attempt_url + "submit/", [*answers, ("prediction", "7")]
            )
            latencies["submit"].append(time.perf_counter() - began)
            if status != 302 or not headers["Location"].endswith("/result/"):
                break
            done += 1
        return done, attempts - done
    except (OSError, http.client.HTTPException):
        return done, attempts - done
    finally:
        browser.connection.close()


def baseline_worker(port: int, stop_at: float, counts: dict, latencies: list) -> None:
    browser = Browser(port)
    while time.time() < stop_at:
        began = time.perf_counter()
        try:
            status, _headers, _body = browser.request("GET", "/bench/insert/")
        except (OSError, http.client.HTTPException):
            status = 0
            browser = Browser(port)
        latencies.append(time.perf_counter() - began)
        counts["ok" if status == 200 else "errors"] += 1


def generate(port: int, contest_url: str, threads: int, seconds: float) -> dict:
    lock = threading.Lock()
    counts = {"ok": 0, "errors": 0, "entrants": 0}
    latencies: dict[str, list[float]] = {"start": [], "submit": []}
    next_number = iter(range(10_000_000))
    stop_at = time.time() + seconds

    def flows():
        while time.time() < stop_at:
            with lock:
                number = next(next_number)
            done, failed = one_entrant(port, contest_url, number, latencies, ATTEMPTS_PER_ENTRANT)
            with lock:
                counts["ok"] += done
                counts["errors"] += failed
                counts["entrants"] += 1

    began = time.time()
    workers = [threading.Thread(target=flows) for _n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    flow_seconds = time.time() - began

    base_counts = {"ok": 0, "errors": 0}
    base_latencies: list[float] = []
    began = time.time()
    stop_at = began + seconds
    workers = [
        threading.Thread(target=baseline_worker, args=(port, stop_at, base_counts, base_latencies))
        for _n in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    base_seconds = time.time() - began
    return {
        "flows": counts["ok"],
        "flow_errors": counts["errors"],
        "flow_seconds": flow_seconds,
        "entrants": counts["entrants"],
        "start_p95": p95(latencies["start"]),
        "submit_p95": p95(latencies["submit"]),
        "baseline": base_counts["ok"],
        "baseline_errors": base_counts["errors"],
        "baseline_seconds": base_seconds,
        "baseline_p95": p95(base_latencies),
    }


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=20)[-1]


# --- the driver ---


def run(kind: str, seconds: float, threads: int) -> None:
    database_url = fresh_database(kind)
    env = django_env(database_url)
    print(f"\n== {kind}: migrating a fresh database …", flush=True)
    manage(env, "migrate", "--noinput")
    contest_url = manage(env, "shell", stdin=SETUP).strip().splitlines()[-1]
    port = free_port()
    server = subprocess.Popen(
        [
            GUNICORN,
            "config.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _n in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        warm = Browser(port)
        warm.request("GET", contest_url)
        print(
            f"   gunicorn (2 workers) on 127.0.0.1:{port}; load: {threads} threads × {seconds:.0f} s, then baseline"
        )
        generator = subprocess.run(
            [PYTHON, __file__, "--generate", str(port), contest_url, str(threads), str(seconds)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(generator.stdout.strip().splitlines()[-1])
    finally:
        server.terminate()
        server.wait(timeout=30)
    submitted, attempts, pings = map(int, manage(env, "shell", stdin=COUNT).split()[-3:])
    flows_per_second = figures["flows"] / figures["flow_seconds"]
    baseline_per_second = figures["baseline"] / figures["baseline_seconds"]
    requests = (3 * figures["entrants"] + 4 * figures["flows"]) / figures["flow_seconds"]
    print(
        f"   {figures['entrants']} entrants registered (page, enter, page), then each 2 x (start, attempt page,"
        f" save, submit): {figures['flows']} attempts in {figures['flow_seconds']:.1f} s"
    )
    print(f"   = {flows_per_second:.1f} attempts started+submitted/s ({requests:.0f} requests/s)")
    print(
        f"   p95 latency: start {1000 * figures['start_p95']:.0f} ms, submit {1000 * figures['submit_p95']:.0f} ms;"
        f" failed flows: {figures['flow_errors']}"
    )
    print(
        f"   database: {submitted} submitted attempts ({attempts} started) for {figures['flows']} completed flows"
        f" -> lost: {figures['flows'] - submitted}"
    )
    print(
        f"   baseline (one INSERT per request): {baseline_per_second:.1f} requests/s,"
        f" p95 {1000 * figures['baseline_p95']:.0f} ms, errors {figures['baseline_errors']}, rows {pings}"
    )
    print(
        f"   ratio submissions/s : baseline requests/s = {flows_per_second / baseline_per_second:.3f};"
        f" contest requests/s : baseline requests/s = {requests / baseline_per_second:.3f}"
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--generate":
        port, contest_url, threads, seconds = sys.argv[2:6]
        print(json.dumps(generate(int(port), contest_url, int(threads), float(seconds))))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--databases", nargs="+", default=["sqlite"], choices=["sqlite", "postgres"])
    args = parser.parse_args()
    print(f"Contest load on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    for kind in args.databases:
        run(kind, args.seconds, args.threads)


if __name__ == "__main__":
    main()

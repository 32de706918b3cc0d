"""Import 1,000,000 generated members into PostgreSQL, then time 10,000 card verifications.

    .venv/bin/python bench/members.py [--members N] [--verifications N] [--reimport]

Uses DATABASE_URL when it points at PostgreSQL, otherwise
postgres://postgres@127.0.0.1:5432/portal_members_bench (created if missing; its members
are deleted first). Prints, for the same generated file (fixed content, no randomness):

- the import (`import_members`, run in a child process so that its peak RSS is its own)
  with time, rows per second and peak memory; with --reimport, a second import of the
  same file, where every row is an update;
- the baseline: a bare COPY of the same CSV into an unlogged table with the same columns,
  i.e. what PostgreSQL alone needs to take the file in, and the import's ratio to it;
- 10,000 card verifications (signature, expiry and revocation list) against a signature
  check alone.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/portal_members_bench"
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    os.environ["DATABASE_URL"] = DEFAULT_DATABASE

HEADER = "member_number,full_name,date_of_birth,gender,unit_code,date_joined,status,id_document_number\n"
BASELINE_COLUMNS = (
    "member_number text, full_name text, date_of_birth date, gender text, unit_code text, "
    "date_joined date, status text, id_document_number text"
)


def _ensure_database() -> None:
    import psycopg

    url = os.environ["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')


def _write_file(path: str, members: int, units: list[str]) -> None:
    """The same file on every run: one member in a thousand has left."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for n in range(members):
            handle.write(
                f"M{n:09d},Nguyễn Văn Thành {n},1990-{n % 12 + 1:02d}-{n % 28 + 1:02d},nam,"
                f"{units[n % len(units)]},2015-03-01,{'left' if n % 1000 == 0 else 'active'},0010900{n:05d}\n"
            )


def _child_import(path: str) -> None:
    """Run in a child process: one import, its figures as JSON on stdout."""
    import django

    django.setup()
    from members.importing import import_members

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    with open(path, encoding="utf-8", newline="") as source:
        result = import_members(source)
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "seconds": seconds,
                "created": result.created,
                "updated": result.updated,
                "revoked": result.revoked,
                "phases": result.seconds,
                "rss_before_mb": rss_before,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


def _timed_import(path: str) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child-import", path], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _baseline_copy(connection, path: str) -> float:
    """A bare COPY of the file into an unlogged table with the same columns."""
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_members_copy")
        cursor.execute(f"CREATE UNLOGGED TABLE bench_members_copy ({BASELINE_COLUMNS})")
        started = time.perf_counter()
        with (
            open(path, "rb") as source,
            cursor.copy("COPY bench_members_copy FROM STDIN (FORMAT csv, HEADER true)") as copy,
        ):
            while block := source.read(1 << 20):
                copy.write(block)
        seconds = time.perf_counter() - started
        cursor.execute("DROP TABLE bench_members_copy")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--verifications", type=int, default=10_000)
    parser.add_argument("--reimport", action="store_true", help="import the same file again (all updates)")
    parser.add_argument("--child-import", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_import:
        _child_import(args.child_import)
        return

    _ensure_database()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from federations.importing import import_units
    from federations.models import Unit
    from members import card
    from members.models import Member, RevokedCard

    print(f"database: {connection.vendor} {settings.DATABASES['default']['NAME']}; {os.cpu_count()} CPUs")
    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:  # a clean start for every run, without 1M deletes
        cursor.execute(f"TRUNCATE {Member._meta.db_table}, {RevokedCard._meta.db_table} CASCADE")
    if not Unit.objects.filter(code="B").exists():
        lines = ["code,parent_code,level,name_vi", "B,,confederation,Tổng"]
        lines += [f"B{p},B,federation,Tỉnh {p}" for p in range(20)]
        lines += [f"B{p}-{g},B{p},grassroots,Cơ sở {p}-{g}" for p in range(20) for g in range(50)]
        import_units("\n".join(lines) + "\n")
    units = sorted(Unit.objects.filter(code__contains="-").values_list("code", flat=True))

    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as handle:
        path = handle.name
    try:
        _write_file(path, args.members, units)
        size_mb = os.path.getsize(path) / 1e6
        print(f"file: {args.members:,} rows, {size_mb:.0f} MB")
        baseline = _baseline_copy(connection, path)
        print(f"baseline: bare COPY of the file into an unlogged table: {baseline:.1f} s")
        first = _timed_import(path)
        print(
            f"import: {first['created']:,} created, {first['revoked']:,} revoked in {first['seconds']:.1f} s "
            f"({args.members / first['seconds']:,.0f} rows/s; target < 120 s for 1,000,000)"
        )
        print(
            f"peak RSS of the importing process: {first['peak_rss_mb']:.0f} MB "
            f"({first['rss_before_mb']:.0f} MB before the import)"
        )
        print(
            "import phases: " + ", ".join(f"{name} {value:.1f} s" for name, value in first["phases"].items())
        )
        print(f"ratio: import / bare COPY = {first['seconds'] / baseline:.1f}x")
        if args.reimport:
            again = _timed_import(path)
            print(
                f"re-import (all updates): {again['updated']:,} updated in {again['seconds']:.1f} s, "
                f"peak RSS {again['peak_rss_mb']:.0f} MB; ratio to bare COPY {again['seconds'] / baseline:.1f}x"
            )
    finally:
        os.unlink(path)

    revoked = list(Member.objects.filter(status="left").select_related("unit")[:50])
    for member in revoked:
        RevokedCard.objects.get_or_create(serial=member.card_serial, defaults={"reason": "left"})
    sample = list(Member.objects.select_related("unit").order_by("?")[: args.verifications])
    tokens = [card.sign(card.claims_for(member)) for member in sample]
    tokens += [card.sign(card.claims_for(member)) for member in revoked]
    started = time.perf_counter()
    verdicts = {}
    for token in tokens:
        verdict = card.verify(token).verdict
        verdicts[verdict] = verdicts.get(verdict, 0) + 1
    verify_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for token in tokens:
        card.read(token)
    signature_seconds = time.perf_counter() - started
    per_check = verify_seconds / len(tokens) * 1000
    print(
        f"verify: {len(tokens):,} tokens in {verify_seconds:.2f} s = {per_check:.3f} ms each "
        f"(target < 2 ms); verdicts {verdicts}"
    )
    print(
        f"baseline (signature only, no database): {signature_seconds / len(tokens) * 1000:.3f} ms each; "
        f"full check is {verify_seconds / signature_seconds:.1f}x the baseline"
    )


if __name__ == "__main__":
    main()

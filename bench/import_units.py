"""Benchmark: import the real-size unit tree (~123,000 units) on SQLite and PostgreSQL.

Prints, per database: import time, peak memory of the importing process, time
of a re-import of the same file (nothing changes), and, as a baseline measured in
the same run, treebeard's one-node-at-a-time add_child() on a sample, extrapolated
to the whole file.

    .venv/bin/python bench/import_units.py [--units 123000] [--sample 2000] [--no-postgres]

Targets (issue #2): under 60 s and under 500 MB.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = "postgres://postgres@127.0.0.1:5432/portal_bench_units"

PROVINCES = [
    "Hà Nội",
    "TP. Hồ Chí Minh",
    "Đà Nẵng",
    "Hải Phòng",
    "Cần Thơ",
    "Bắc Ninh",
    "Bình Dương",
    "Đồng Nai",
    "Thanh Hóa",
    "Nghệ An",
    "Quảng Ninh",
    "Thái Nguyên",
    "Khánh Hòa",
    "Long An",
]
WORKPLACES = [
    "Công ty TNHH May",
    "Công ty Cổ phần Cơ khí",
    "Trường Tiểu học",
    "Bệnh viện Đa khoa",
    "Công ty TNHH Điện tử",
    "Ủy ban nhân dân xã",
    "Công ty Cổ phần Thực phẩm",
    "Trường THCS",
]
PLACES = ["Sông Hồng", "Phú Mỹ", "Tân Thuận", "Hòa Khánh", "Quế Võ", "Yên Phong", "Đông Anh", "Nghĩa Đô"]


def generate_csv(path: Path, total: int, seed: int = 2026) -> None:
    """1 confederation, 83 federations, ~9 upper-level unions each, grassroots for the rest."""
    rng = random.Random(seed)
    rows = [
        "code,parent_code,level,name_vi,name_en,province",
        "TLD,,confederation,Tổng Liên đoàn Lao động Việt Nam,Vietnam General Confederation of Labour,",
    ]
    uppers = []
    for f in range(83):
        province = PROVINCES[f % len(PROVINCES)]
        rows.append(f"F{f:03d},TLD,federation,Liên đoàn Lao động số {f},Federation {f},{province}")
        for u in range(9):
            code = f"F{f:03d}-U{u}"
            uppers.append((code, province))
            rows.append(f"{code},F{f:03d},upper,Công đoàn cấp trên {f}-{u},,{province}")
    remaining = total - len(rows) + 1
    for g in range(remaining):
        parent, province = rng.choice(uppers)
        name = f"Công đoàn cơ sở {rng.choice(WORKPLACES)} {rng.choice(PLACES)} {g}"
        rows.append(f"G{g:06d},{parent},grassroots,{name},,{province}")
    # Children before parents for a part of the file: the importer must not care.
    rng.shuffle(rows[1:])
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


CHILD = r"""
import json, os, resource, sys, time
import django
django.setup()
from django.core.management import call_command
from federations.importing import import_units
from federations.models import Level, Unit

mode, csv_path, sample = sys.argv[1], sys.argv[2], int(sys.argv[3])
call_command("migrate", verbosity=0)
Unit.objects.all().delete()
text = open(csv_path, encoding="utf-8").read()
result = {}
if mode == "import":
    start = time.perf_counter()
    summary = import_units(text)
    result["import_s"] = time.perf_counter() - start
    result["created"] = summary.created
    start = time.perf_counter()
    again = import_units(text)
    result["reimport_s"] = time.perf_counter() - start
    result["reimport_unchanged"] = again.unchanged
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["tree_ok"] = Unit.find_problems() == ([], [], [], [], [])
else:
    # Baseline: treebeard's add_child(), one node at a time, on a sample.
    root = Unit.add_root(code="TLD", level=Level.CONFEDERATION, name_vi="Tổng")
    federation = root.add_child(code="F", level=Level.FEDERATION, name_vi="Liên đoàn")
    upper = federation.add_child(code="U", level=Level.UPPER, name_vi="Cấp trên")
    start = time.perf_counter()
    for i in range(sample):
        Unit.objects.get(pk=upper.pk).add_child(code=f"S{i}", level=Level.GRASSROOTS, name_vi=f"Cơ sở {i}")
    result["add_child_per_unit_s"] = (time.perf_counter() - start) / sample
print("RESULT " + json.dumps(result))
"""


def run_child(database_url: str, mode: str, csv_path: Path, sample: int) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "PYTHONPATH": str(ROOT),
    }
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(csv_path), str(sample)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in out.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line[len("RESULT ") :])


def ensure_postgres_database() -> bool:
    check = subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-tAc",
            "SELECT 1 FROM pg_database WHERE datname='portal_bench_units'",
        ],
        capture_output=True,
        text=True,
    )
    if check.returncode != 0:
        return False
    if check.stdout.strip() != "1":
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", "portal_bench_units"], check=True)
    return True


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--units", type=int, default=123_000)
    parser.add_argument("--sample", type=int, default=2000, help="units added one by one for the baseline")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "units.csv"
        generate_csv(csv_path, args.units)
        print(f"Generated {args.units:,} units ({csv_path.stat().st_size / 1e6:.1f} MB CSV)")
        databases = [("SQLite", f"sqlite:///{tmp}/bench.sqlite3")]
        if not args.no_postgres and ensure_postgres_database():
            databases.append(("PostgreSQL", PG_URL))
        for name, url in databases:
            measured = run_child(url, "import", csv_path, args.sample)
            baseline = run_child(url, "baseline", csv_path, args.sample)
            extrapolated = baseline["add_child_per_unit_s"] * args.units
            print(f"\n{name}")
            print(
                f"  import of {measured['created']:,} units: {measured['import_s']:.1f} s "
                f"(target < 60 s), tree consistent: {measured['tree_ok']}"
            )
            print(
                f"  re-import, nothing changed ({measured['reimport_unchanged']:,} unchanged): "
                f"{measured['reimport_s']:.1f} s"
            )
            print(
                f"  peak memory of the importing process: {measured['peak_rss_mb']:.0f} MB (target < 500 MB)"
            )
            print(
                f"  baseline, treebeard add_child() one by one: {baseline['add_child_per_unit_s'] * 1000:.2f} ms"
                f"/unit, {extrapolated:.0f} s extrapolated to {args.units:,} units"
            )
            print(
                f"  ratio import / baseline: {measured['import_s'] / extrapolated:.3f} "
                f"({extrapolated / measured['import_s']:.0f}x faster)"
            )


if __name__ == "__main__":
    main()

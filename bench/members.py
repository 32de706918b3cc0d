"""Import 1,000,000 generated members into PostgreSQL, then time 10,000 card verifications.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_members_bench \
        DJANGO_SETTINGS_MODULE=config.settings.test .venv/bin/python bench/members.py [--members N]

Prints the import time and peak memory (RSS), verifications per second and the
baseline: a signature check alone (no database), measured in the same run.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--verifications", type=int, default=10_000)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from federations.importing import import_units
    from federations.models import Unit
    from members import card
    from members.importing import import_members
    from members.models import Member, RevokedCard

    print(f"database: {connection.vendor} {settings.DATABASES['default']['NAME']}")
    call_command("migrate", verbosity=0)
    Member.objects.all().delete()
    RevokedCard.objects.all().delete()
    if not Unit.objects.filter(code="B").exists():
        lines = ["code,parent_code,level,name_vi", "B,,confederation,Tổng"]
        lines += [f"B{p},B,federation,Tỉnh {p}" for p in range(20)]
        lines += [f"B{p}-{g},B{p},grassroots,Cơ sở {p}-{g}" for p in range(20) for g in range(50)]
        import_units("\n".join(lines) + "\n")
    units = list(Unit.objects.filter(code__contains="-").values_list("code", flat=True))

    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as handle:
        handle.write(
            "member_number,full_name,date_of_birth,gender,unit_code,date_joined,status,id_document_number\n"
        )
        for n in range(args.members):
            handle.write(
                f"M{n:09d},Nguyễn Văn Thành {n},1990-{n % 12 + 1:02d}-{n % 28 + 1:02d},nam,"
                f"{units[n % len(units)]},2015-03-01,{'left' if n % 1000 == 0 else 'active'},0010900{n:05d}\n"
            )
        path = handle.name
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    with open(path, encoding="utf-8") as source:
        result = import_members(source)
    seconds = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    os.unlink(path)
    print(f"import: {result.created:,} created in {seconds:.1f} s ({result.created / seconds:,.0f} rows/s)")
    print(f"peak RSS: {rss_after:.0f} MB (before import {rss_before:.0f} MB)")

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
        f"verify: {len(tokens):,} tokens in {verify_seconds:.2f} s = {per_check:.3f} ms each; verdicts {verdicts}"
    )
    print(
        f"baseline (signature only, no database): {signature_seconds / len(tokens) * 1000:.3f} ms each; "
        f"full check is {verify_seconds / signature_seconds:.1f}x the baseline"
    )


if __name__ == "__main__":
    main()

"""Who receives an announcement or resolution, and who has read and acknowledged it.

Recipients are computed from the tree, not stored: a confederation-wide notice
to 123,000 grassroots unions costs no rows until units open it. Counts are
aggregated in the database, one query per report whatever the number of units.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Substr

from federations.models import Unit, UnitOfficer

from .models import NewsItemPage, Receipt


def recipients(item: NewsItemPage) -> QuerySet[Unit]:
    """Every active unit the item is sent to."""
    sender = item.unit
    units = sender.get_descendants().active().filter(level__in=item.target_level_list)
    chosen = list(item.target_units.values_list("path", flat=True))
    if chosen:
        units = units.filter(reduce(or_, [Q(path__startswith=path) for path in chosen]))
    return units


def _receipt_flags(item: NewsItemPage) -> dict:
    receipts = Receipt.objects.filter(translation_key=item.translation_key, unit=OuterRef("pk"))
    return {
        "is_read": Exists(receipts),
        "is_acknowledged": Exists(receipts.filter(acknowledged_at__isnull=False)),
    }


def totals(item: NewsItemPage, within: Unit | None = None) -> dict[str, int]:
    units = recipients(item)
    if within is not None:
        units = units.filter(path__startswith=within.path)
    flags = _receipt_flags(item)
    return units.aggregate(
        total=Count("pk"),
        read=Count("pk", filter=Q(flags["is_read"])),
        acknowledged=Count("pk", filter=Q(flags["is_acknowledged"])),
    )


def branches(item: NewsItemPage, node: Unit) -> QuerySet:
    """One row per child of `node` that has recipients in its subtree: totals per branch."""
    flags = _receipt_flags(item)
    return (
        recipients(item)
        .filter(path__startswith=node.path, depth__gt=node.depth)
        .annotate(branch=Substr("path", 1, len(node.path) + Unit.steplen))
        .order_by()
        .values("branch")
        .annotate(
            total=Count("pk"),
            read=Count("pk", filter=Q(flags["is_read"])),
            acknowledged=Count("pk", filter=Q(flags["is_acknowledged"])),
        )
        .order_by("branch")
    )


def describe_branches(item: NewsItemPage, rows: list[dict]) -> list[dict]:
    """Attach each branch's unit and the unit's own status (two queries for the page of rows)."""
    paths = [row["branch"] for row in rows]
    units = {unit.path: unit for unit in Unit.objects.filter(path__in=paths)}
    own = {
        unit.path: unit for unit in recipients(item).filter(path__in=paths).annotate(**_receipt_flags(item))
    }
    described = []
    for row in rows:
        unit = units.get(row["branch"])
        if unit is None:
            continue
        status = own.get(unit.path)
        described.append(
            {
                **row,
                "unit": unit,
                "is_recipient": status is not None,
                "is_read": bool(status and status.is_read),
                "is_acknowledged": bool(status and status.is_acknowledged),
                "has_more_below": row["total"] > (1 if status is not None else 0),
            }
        )
    return described


def unread_units(item: NewsItemPage, node: Unit) -> QuerySet[Unit]:
    return (
        recipients(item)
        .filter(path__startswith=node.path)
        .annotate(**_receipt_flags(item))
        .filter(is_read=False)
        .order_by("path")
    )


def can_follow_up(user, item: NewsItemPage) -> bool:
    """The sender's staff (who may edit the item) and officers of the sending unit or above."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or item.permissions_for_user(user).can_edit():
        return True
    paths = [item.unit.path[:i] for i in range(Unit.steplen, len(item.unit.path) + 1, Unit.steplen)]
    return UnitOfficer.objects.filter(user=user, unit__path__in=paths).exists()

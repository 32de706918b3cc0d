"""Which units' contest material a staff user manages: those of the sections they may edit."""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import GroupPagePermission

from federations.models import FederationPage, Unit


def managed_unit_paths(user) -> list[str] | None:
    """Unit paths whose subtrees the user manages; None means everything (superuser)."""
    if user.is_superuser:
        return None
    page_ids = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="change_page"
    ).values_list("page_id", flat=True)
    return list(
        FederationPage.objects.filter(pk__in=page_ids).values_list("unit__path", flat=True).distinct()
    )


def within(paths: list[str] | None, field: str) -> Q:
    """A filter on `field` (a unit path lookup) matching the managed subtrees."""
    if paths is None:
        return Q()
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def manages(user, unit: Unit) -> bool:
    paths = managed_unit_paths(user)
    return paths is None or any(unit.path.startswith(path) for path in paths)


def publishing_units(user):
    """Units with a section, within what the user manages: the choices for a bank's owner."""
    units = Unit.objects.filter(sections__isnull=False).distinct()
    return units.filter(within(managed_unit_paths(user), "path"))

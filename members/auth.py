"""Unit officers may open Wagtail's admin, where they see only their own units' members."""

from __future__ import annotations

from federations.models import UnitOfficer


class OfficerAdminAccessBackend:
    """Grants `wagtailadmin.access_admin` to unit officers; authenticates nobody."""

    def authenticate(self, request, **credentials):
        return None

    def get_user(self, user_id):
        return None

    def has_perm(self, user_obj, perm: str, obj=None) -> bool:
        if perm != "wagtailadmin.access_admin" or not user_obj.is_active:
            return False
        cached = getattr(user_obj, "_is_unit_officer", None)
        if cached is None:
            cached = user_obj._is_unit_officer = UnitOfficer.objects.filter(user=user_obj).exists()
        return cached

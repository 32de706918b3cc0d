"""Who manages which datasets: the staff of a unit, for that unit and the units below it.

A unit's editors prepare datasets and change unpublished ones; its moderators
also publish, change published ones and delete. Nobody touches a sibling's or
a parent's datasets. Users given Django's dataset permissions directly (a
national statistics team) and superusers manage every dataset.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from federations.models import Unit

EDITOR_SUFFIX = " editors"
MODERATOR_SUFFIX = " moderators"


@dataclass
class UnitScope:
    editor_paths: list[str] = field(default_factory=list)
    moderator_paths: list[str] = field(default_factory=list)

    @property
    def all_paths(self) -> list[str]:
        return self.editor_paths + self.moderator_paths

    @staticmethod
    def _within(path: str, paths: list[str]) -> bool:
        return any(path.startswith(p) for p in paths)

    def can_edit(self, unit_path: str) -> bool:
        return self._within(unit_path, self.all_paths)

    def can_moderate(self, unit_path: str) -> bool:
        return self._within(unit_path, self.moderator_paths)


def unit_scope(user) -> UnitScope:
    """The units whose datasets `user` manages, from the unit groups (computed once per request)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return UnitScope()
    cached = getattr(user, "_stats_unit_scope", None)
    if cached is not None:
        return cached
    roles: dict[str, str] = {}
    for name in user.groups.values_list("name", flat=True):
        if name.endswith(MODERATOR_SUFFIX):
            roles[name.removesuffix(MODERATOR_SUFFIX)] = "moderator"
        elif name.endswith(EDITOR_SUFFIX):
            roles.setdefault(name.removesuffix(EDITOR_SUFFIX), "editor")
    scope = UnitScope()
    for code, path in Unit.objects.filter(code__in=roles).values_list("code", "path"):
        (scope.moderator_paths if roles[code] == "moderator" else scope.editor_paths).append(path)
    user._stats_unit_scope = scope
    return scope


def can_publish_anywhere(user) -> bool:
    return bool(
        user.is_superuser or user.has_perm("stats.publish_dataset") or unit_scope(user).moderator_paths
    )


class DatasetPermissionPolicy(ModelPermissionPolicy):
    EDITOR_ACTIONS = {"add", "change", "view"}
    MODERATOR_ACTIONS = {"add", "change", "view", "delete", "publish"}

    def _global(self, user, action: str) -> bool:
        return super().user_has_permission(user, action)

    def user_has_permission(self, user, action: str) -> bool:
        if self._global(user, action):
            return True
        scope = unit_scope(user)
        if action in self.EDITOR_ACTIONS and scope.all_paths:
            return True
        return action in self.MODERATOR_ACTIONS and bool(scope.moderator_paths)

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        if self._global(user, action):
            return True
        scope = unit_scope(user)
        path = instance.unit.path
        if scope.can_moderate(path):
            return action in self.MODERATOR_ACTIONS
        if scope.can_edit(path):
            # Once published, figures change only with a moderator's hand.
            return action == "view" or (action == "change" and not instance.is_public)
        return False

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        queryset = self.model.objects.all()
        if any(self._global(user, action) for action in actions):
            return queryset
        scope = unit_scope(user)
        condition = Q(pk__in=[])
        for path in scope.moderator_paths:
            condition |= Q(unit__path__startswith=path)
        if set(actions) & {"view", "change"}:
            for path in scope.editor_paths:
                editor_condition = Q(unit__path__startswith=path)
                if "view" not in actions:
                    editor_condition &= Q(is_public=False)
                condition |= editor_condition
        return queryset.filter(condition)

    def instances_user_has_permission_for(self, user, action) -> QuerySet:
        return self.instances_user_has_any_permission_for(user, [action])

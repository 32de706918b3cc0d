"""Who may see and edit member records in Wagtail's admin: superusers, and unit officers
for the members of their own units (their unit and every unit below it)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy

from .models import covers_unit_path, officer_scope

OFFICER_ACTIONS = {"view", "change"}


class OfficerSubtreePolicy(BasePermissionPolicy):
    """For Member and for the requests hanging off a member (`path_field` says how to reach the unit)."""

    def __init__(self, model, path_field: str = "unit__path"):
        super().__init__(model)
        self.path_field = path_field

    def _is_officer(self, user) -> bool:
        return officer_scope(user) is not None

    def user_has_permission(self, user, action: str) -> bool:
        if not (user.is_authenticated and user.is_active):
            return False
        if user.is_superuser:
            return True
        return action in OFFICER_ACTIONS and self._is_officer(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        if user.is_superuser:
            return self.model._default_manager.all()
        return self.model._default_manager.filter(officer_scope(user, self.path_field))

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        # Checked in Python (no query per row of a listing): the instance's unit path
        # under one of the officer's unit paths.
        if not self.user_has_any_permission(user, actions):
            return False
        if user.is_superuser:
            return True
        target = instance
        for step in self.path_field.split("__"):
            target = getattr(target, step)
        return covers_unit_path(user, target)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_superuser=True, is_active=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])

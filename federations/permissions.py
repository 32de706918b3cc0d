"""Editor and moderator groups of a unit, with permissions on that unit's section only."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import FederationPage, Unit

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


def editors_group_name(unit: Unit) -> str:
    return f"{unit.code} editors"


def moderators_group_name(unit: Unit) -> str:
    return f"{unit.code} moderators"


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def unit_groups(unit: Unit) -> tuple[Group, Group]:
    editors, _ = Group.objects.get_or_create(name=editors_group_name(unit))
    moderators, _ = Group.objects.get_or_create(name=moderators_group_name(unit))
    admin_access = _permission("wagtailadmin", "access_admin")
    editors.permissions.add(admin_access)
    moderators.permissions.add(admin_access)
    return editors, moderators


def unit_collection(unit: Unit) -> Collection:
    """A media collection per unit, so one unit's images stay out of another's chooser."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=unit.name_vi).first()
    return existing or root.add_child(name=unit.name_vi)


def unit_workflow(unit: Unit, moderators: Group) -> Workflow:
    """Editor submits, the unit's moderators publish."""
    workflow, created = Workflow.objects.get_or_create(name=f"{unit.code} approval")
    if created or not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name=f"{unit.code}: moderator approval")
        task.groups.set([moderators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


@transaction.atomic
def grant_section_permissions(section: FederationPage) -> None:
    """Idempotent: safe to call on every save of a section and of its translations."""
    unit = section.unit
    editors, moderators = unit_groups(unit)
    page = Page.objects.get(pk=section.pk)
    for group, codenames in ((editors, EDITOR_PAGE_PERMISSIONS), (moderators, MODERATOR_PAGE_PERMISSIONS)):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_permission("wagtailcore", codename)
            )
    collection = unit_collection(unit)
    for group in (editors, moderators):
        for app_label, codenames in MEDIA_PERMISSIONS.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=_permission(app_label, codename)
                )
    workflow = unit_workflow(unit, moderators)
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})

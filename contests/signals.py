"""Give a unit's section staff the contest permissions when its section is saved.

Federations creates the editor and moderator groups; contests adds what its
own models need, so federations never has to know about contests.
"""

from django.contrib.auth.models import Permission
from django.db.models.signals import post_save
from django.dispatch import receiver

from federations.models import FederationPage
from federations.permissions import unit_groups

EDITOR_CODENAMES = [
    "add_questionbank",
    "change_questionbank",
    "add_question",
    "change_question",
    "delete_question",
    "change_attempt",
    "view_attempt",
    "add_unitmembercount",
    "change_unitmembercount",
    "view_unitmembercount",
]


def grant_contest_permissions(section: FederationPage) -> None:
    permissions = list(
        Permission.objects.filter(content_type__app_label="contests", codename__in=EDITOR_CODENAMES)
    )
    for group in unit_groups(section.unit):
        group.permissions.add(*permissions)


@receiver(post_save)
def on_section_saved(sender, instance, created, raw=False, **kwargs):
    # Sent for FederationPage and its subclasses (the home page); existing
    # sections get the permissions from `manage.py grant_contest_permissions`.
    if raw or not created or not isinstance(instance, FederationPage):
        return
    grant_contest_permissions(instance)

"""Give a unit's section staff the contest permissions when its section is saved; mark a
question bank changed when one of its questions or options is deleted or an option saved.

Federations creates the editor and moderator groups; contests adds what its
own models need, so federations never has to know about contests.
"""

from django.contrib.auth.models import Permission
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from federations.models import FederationPage
from federations.permissions import unit_groups

from .models import Option, Question, QuestionBank
from .models.banks import touch_banks

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


def _deleting(origin, model) -> bool:
    """Whether a deletion started from `model` (an instance or a queryset of it)."""
    origin_model = origin.model if isinstance(origin, QuerySet) else type(origin)
    return issubclass(origin_model, model)


# Question.save marks its bank itself; deletes and an option's own save come here, so a
# cached snapshot of the bank is never used again to draw a question or an option that is
# gone or an answer key that changed.


@receiver(post_delete, sender=Question, dispatch_uid="contests.question_deleted")
def on_question_deleted(sender, instance, origin=None, **kwargs):
    if not _deleting(origin, QuestionBank):  # the bank goes too: nothing to mark
        touch_banks([instance.bank_id])


@receiver(post_save, sender=Option, dispatch_uid="contests.option_saved")
@receiver(post_delete, sender=Option, dispatch_uid="contests.option_deleted")
def on_option_changed(sender, instance, raw=False, origin=None, **kwargs):
    # Deleting a question or a bank marks the bank once, not once per option.
    if raw or _deleting(origin, Question) or _deleting(origin, QuestionBank):
        return
    touch_banks(Question.objects.filter(pk=instance.question_id).values("bank_id"))

"""Requests (cases) members file with their union, routed to the unit that can act on them.

Member data is personal data: a case is seen by the member who filed it (or, when filed
anonymously, whoever holds its tracking code) and by the officers of the unit handling it
and of the units above that one. Nobody else.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from federations.models import Level, Unit
from members.models import Member, covers_unit_path, officer_scope

from ..storage import private_storage

# No 0/O, 1/I/L: codes are read aloud and typed on phones.
TRACKING_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_tracking_code() -> str:
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(12))


class Category(models.TextChoices):
    WAGES = "wages", _("Wages and pay")
    SOCIAL_INSURANCE = "social_insurance", _("Social insurance")
    WORKING_TIME = "working_time", _("Working time and overtime")
    SAFETY = "safety", _("Safety and health at work")
    DISMISSAL = "dismissal", _("Dismissal and contracts")
    DISCRIMINATION = "discrimination", _("Discrimination and harassment")
    UNION_RIGHTS = "union_rights", _("Union rights")
    OTHER = "other", _("Other questions and suggestions")


CATEGORY_GUIDANCE = {
    Category.WAGES: _(
        "Unpaid, late or short wages, overtime pay, allowances. Say which months and roughly how much, "
        "and attach a payslip or contract if you have one."
    ),
    Category.SOCIAL_INSURANCE: _(
        "The employer did not pay or under-declared social, health or unemployment insurance. "
        "Give the months concerned; your insurance book or the VssID app shows what was paid."
    ),
    Category.WORKING_TIME: _(
        "Hours beyond the legal limit, missing rest days or leave. Say how many hours and since when."
    ),
    Category.SAFETY: _(
        "Dangerous machines, chemicals, heat, missing protective equipment, accidents. "
        "If someone is in danger now, call the emergency number first."
    ),
    Category.DISMISSAL: _(
        "Dismissal, forced resignation, a contract not renewed or changed without agreement. "
        "Give the date and what you were told, and attach any letter."
    ),
    Category.DISCRIMINATION: _(
        "Unequal treatment because of sex, pregnancy, age, origin, disability or union membership; "
        "harassment at work. You may file anonymously."
    ),
    Category.UNION_RIGHTS: _(
        "Being prevented from joining or acting in the union, union dues not passed on, "
        "officers not given time for union work."
    ),
    Category.OTHER: _("Anything else you want your union to know or do, including suggestions."),
}


class Status(models.TextChoices):
    NEW = "new", _("New")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")


# Cases waiting for the union: their deadline runs and they escalate when it passes.
OPEN_STATUSES = (Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.REOPENED)


class CategorySetting(models.Model):
    """A unit's own answer deadline or routing for one category; it applies to the unit's subtree
    (the nearest setting up the tree wins), and the defaults in settings apply where none is set."""

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="feedback_settings", verbose_name=_("unit")
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    answer_days = models.PositiveSmallIntegerField(
        _("days to answer"), null=True, blank=True, help_text=_("Empty: the level above decides.")
    )
    route_to_level = models.PositiveSmallIntegerField(
        _("send to the unit at level"),
        choices=Level.choices,
        null=True,
        blank=True,
        help_text=_("Requests of this category from members below go to their unit at this level."),
    )

    class Meta:
        verbose_name = _("request category setting")
        verbose_name_plural = _("request category settings")
        constraints = [
            models.UniqueConstraint(fields=["unit", "category"], name="feedback_unique_unit_category")
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.get_category_display()}"


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user) -> CaseQuerySet:
        """Officers: cases handled by their units or any unit below them; superusers: all."""
        if user.is_authenticated and user.is_superuser:
            return self
        scope = officer_scope(user, "unit__path")
        return self.filter(scope) if scope is not None else self.none()

    def open(self) -> CaseQuerySet:
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, now=None) -> CaseQuerySet:
        return self.open().filter(due_at__lt=now or timezone.now())


class Case(models.Model):
    tracking_code = models.CharField(
        _("tracking code"), max_length=16, unique=True, default=new_tracking_code
    )
    member = models.ForeignKey(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        help_text="Empty for anonymous cases: nothing links them to the member.",
    )
    # The member's unit when filed (kept for anonymous cases too: it says where the problem is).
    origin_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("from unit")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="feedback_cases", verbose_name=_("handled by")
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    description = models.TextField(_("description"))
    employer = models.CharField(_("employer"), max_length=255, blank=True)
    show_name_to_employer = models.BooleanField(_("my name may be shown to the employer"), default=False)
    anonymous = models.BooleanField(_("anonymous"), default=False)
    conversation = models.TextField(_("conversation with the assistant"), blank=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("assigned to"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NEW)
    due_at = models.DateTimeField(_("answer due"))
    created_at = models.DateTimeField(_("filed"), default=timezone.now)
    first_answered_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "due_at"]), models.Index(fields=["unit", "status"])]

    def __str__(self) -> str:
        return f"{self.tracking_code} – {self.get_category_display()}"

    @property
    def guidance(self) -> str:
        return CATEGORY_GUIDANCE[Category(self.category)]

    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, now=None) -> bool:
        return self.is_open() and self.due_at < (now or timezone.now())

    def get_member_url(self) -> str:
        """The member's page for this case (anonymous cases: the tracking page, which asks for the code)."""
        if self.anonymous:
            return reverse("feedback:track")
        return reverse("feedback:case", args=[self.pk])

    def get_admin_url(self) -> str:
        return reverse("feedback_admin:case", args=[self.pk])

    def is_visible_to_officer(self, user) -> bool:
        if not (user.is_authenticated and user.is_active):
            return False
        if user.is_superuser:
            return True
        return covers_unit_path(user, self.unit.path)

    def belongs_to(self, user) -> bool:
        """The signed-in member who filed it (never true for anonymous cases)."""
        return bool(
            user.is_authenticated and self.member_id and self.member and self.member.account_id == user.pk
        )

    def reopen_until(self):
        from .. import conf

        since = self.closed_at or self.answered_at
        return since + timezone.timedelta(days=conf.reopen_days()) if since else None

    def may_reopen(self, now=None) -> bool:
        until = self.reopen_until()
        return (
            self.status in (Status.ANSWERED, Status.CLOSED)
            and until is not None
            and (now or timezone.now()) <= until
        )


class CaseEvent(models.Model):
    class Kind(models.TextChoices):
        FILED = "filed", _("Filed")
        TRANSFERRED = "transferred", _("Transferred")
        ESCALATED = "escalated", _("Escalated")
        ASSIGNED = "assigned", _("Assigned")
        NOTE = "note", _("Internal note")
        REPLY = "reply", _("Reply to the member")
        MEMBER_MESSAGE = "member_message", _("Message from the member")
        STATUS = "status", _("Status changed")
        REOPENED = "reopened", _("Reopened")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField(blank=True)
    from_unit = models.ForeignKey(Unit, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    to_unit = models.ForeignKey(Unit, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}"

    # What the member sees of the history: never internal notes, assignments or officers' reasons.
    MEMBER_VISIBLE = (
        Kind.FILED,
        Kind.REPLY,
        Kind.MEMBER_MESSAGE,
        Kind.STATUS,
        Kind.REOPENED,
        Kind.TRANSFERRED,
        Kind.ESCALATED,
    )
    MEMBER_TEXT = (Kind.FILED, Kind.REPLY, Kind.MEMBER_MESSAGE, Kind.REOPENED)


def member_events(case: Case):
    return case.events.filter(kind__in=CaseEvent.MEMBER_VISIBLE).filter(
        ~Q(kind=CaseEvent.Kind.STATUS) | Q(status__in=[Status.CLOSED, Status.ANSWERED])
    )


class CaseAttachment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    event = models.ForeignKey(
        CaseEvent, on_delete=models.SET_NULL, null=True, blank=True, related_name="attachments"
    )
    file = models.FileField(storage=private_storage, upload_to="feedback/cases/%Y/%m/")
    name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name

    def get_download_url(self) -> str:
        return reverse("feedback:attachment", args=[self.case_id, self.pk])

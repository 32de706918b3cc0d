"""Member records, account links, consent, corrections and revoked cards.

Member data is personal data: only the member (through their linked account)
and the officers of the member's own units (the unit or any unit above it) see it.
"""

from __future__ import annotations

import os
import secrets
import uuid
from datetime import date

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.private_storage import PrivateStorage
from federations.models import Unit, UnitOfficer


def new_card_serial() -> str:
    """A random, unguessable serial (16 hex characters): it says nothing about the member."""
    return secrets.token_hex(8)


def card_expiry_from(day: date) -> date:
    years = settings.CARD_VALIDITY_YEARS
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def officer_unit_paths(user) -> list[str]:
    """Tree paths of the units `user` is an officer of (empty for everyone else)."""
    if not user.is_authenticated:
        return []
    # Cached on the user object: asked several times per request (listings, permissions).
    if not hasattr(user, "_officer_unit_paths"):
        user._officer_unit_paths = list(
            UnitOfficer.objects.filter(user=user).values_list("unit__path", flat=True)
        )
    return user._officer_unit_paths


def covers_unit_path(user, unit_path: str) -> bool:
    """The unit at `unit_path` is one of the officer's units or below one of them."""
    return any(unit_path.startswith(path) for path in officer_unit_paths(user))


def officer_scope(user, field: str = "unit__path") -> Q | None:
    """A filter for rows under the officer's units; None when `user` is no officer."""
    paths = officer_unit_paths(user)
    if not paths:
        return None
    scope = Q()
    for path in paths:
        scope |= Q(**{f"{field}__startswith": path})
    return scope


class MemberQuerySet(models.QuerySet):
    def visible_to(self, user) -> MemberQuerySet:
        """Members whose unit is one of the officer's units or below it; all for superusers."""
        if user.is_authenticated and user.is_superuser:
            return self
        scope = officer_scope(user)
        return self.filter(scope) if scope is not None else self.none()

    def active(self) -> MemberQuerySet:
        return self.filter(status=Member.Status.ACTIVE)


def photo_path(instance: Member, filename: str) -> str:
    """A random name: the uploaded file's own name may say who is in it."""
    extension = os.path.splitext(filename)[1].lower()[:5]
    return f"{uuid.uuid4().hex}{extension}"


class Member(models.Model):
    class Gender(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Other or not stated")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        LEFT = "left", _("Left the union")

    # Uniqueness of the number and the serial is declared in Meta.constraints rather than with
    # unique=True, which on PostgreSQL adds a second, LIKE-only index per column: never used
    # here, and it halved the speed of the million-row import (see README).
    member_number = models.CharField(_("member number"), max_length=20)
    full_name = models.CharField(_("full name"), max_length=200)
    date_of_birth = models.DateField(_("date of birth"))
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, default=Gender.OTHER)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="members", verbose_name=_("union unit")
    )
    date_joined = models.DateField(_("date joined"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    card_serial = models.CharField(_("card serial"), max_length=32, default=new_card_serial)
    card_expires = models.DateField(_("card valid until"))
    # Never the number itself: see identity.py.
    id_document_hash = models.CharField(max_length=64, blank=True, editable=False)
    id_last_four_hash = models.CharField(max_length=64, blank=True, editable=False)
    # Personal data: kept out of MEDIA_ROOT, served only to the member (views.card_portrait).
    photo = models.ImageField(
        _("photo"), upload_to=photo_path, storage=PrivateStorage("member_photos"), blank=True
    )
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="member",
        verbose_name=_("linked account"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["member_number"]
        constraints = [
            models.UniqueConstraint(fields=["member_number"], name="members_member_number_unique"),
            models.UniqueConstraint(fields=["card_serial"], name="members_member_card_serial_unique"),
        ]
        indexes = [models.Index(fields=["id_document_hash"], name="members_member_id_doc_hash")]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.member_number})"

    def save(self, *args, **kwargs) -> None:
        """Suspending or ending a membership revokes the card in the same transaction;
        reinstating the member issues a new serial, as the old one stays revoked."""
        with transaction.atomic():
            previous = None
            if self.pk:
                previous = Member.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if previous == self.Status.ACTIVE and self.status != self.Status.ACTIVE:
                RevokedCard.objects.get_or_create(
                    serial=self.card_serial, defaults={"reason": RevokedCard.Reason(self.status)}
                )
            elif previous not in (None, self.Status.ACTIVE) and self.status == self.Status.ACTIVE:
                self.card_serial = new_card_serial()
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], "card_serial"}
            super().save(*args, **kwargs)

    @property
    def card_is_current(self) -> bool:
        return self.status == self.Status.ACTIVE and self.card_expires >= timezone.localdate()

    @transaction.atomic
    def reissue_card(self) -> None:
        """A new serial and validity; the old card stops verifying at once."""
        RevokedCard.objects.get_or_create(
            serial=self.card_serial, defaults={"reason": RevokedCard.Reason.REISSUED}
        )
        self.card_serial = new_card_serial()
        self.card_expires = card_expiry_from(timezone.localdate())
        self.save(update_fields=["card_serial", "card_expires", "updated_at"])

    def is_visible_to(self, user) -> bool:
        if user.is_authenticated and (user.is_superuser or self.account_id == user.pk):
            return True
        return covers_unit_path(user, self.unit.path)


class RevokedCard(models.Model):
    """The revocation list: serials that must no longer verify, whatever their signature says."""

    class Reason(models.TextChoices):
        SUSPENDED = "suspended", _("Membership suspended")
        LEFT = "left", _("Left the union")
        REISSUED = "reissued", _("Card reissued")

    serial = models.CharField(_("card serial"), max_length=32, unique=True)
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    revoked_at = models.DateTimeField(_("revoked at"), default=timezone.now)

    class Meta:
        verbose_name = _("revoked card")
        verbose_name_plural = _("revoked cards")

    def __str__(self) -> str:
        return self.serial


class LinkRequest(models.Model):
    """A member's account asked to be linked and the details did not match: officers decide."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an officer")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="link_requests")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="link_requests")
    date_of_birth_given = models.DateField(_("date of birth given"))
    message = models.TextField(_("message to the officers"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("link request")
        verbose_name_plural = _("link requests")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} → {self.member.member_number}"


class ConsentRecord(models.Model):
    """Consent to processing, recorded when an account is linked (Decree 13/2023/ND-CP)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="consents")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    statement = models.TextField(_("statement agreed to"))
    given_at = models.DateTimeField(_("given at"), default=timezone.now)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"{self.member_id} {self.given_at:%Y-%m-%d}"


class CorrectionRequest(models.Model):
    """A member asks the officers to correct data held about them."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Corrected")
        DECLINED = "declined", _("Declined")

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="correction_requests")
    field = models.CharField(_("what is wrong"), max_length=40)
    correct_value = models.CharField(_("correct value"), max_length=255)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("correction request")
        verbose_name_plural = _("correction requests")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.member.member_number}: {self.field}"

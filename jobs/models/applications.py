"""Members' applications to job posts, with an optional CV kept out of public media.

An application carries personal data: only the applicant and the officers of the unit that
owns the post (and of the units above it) see it.
"""

from __future__ import annotations

import os
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.private_storage import PrivateStorage
from federations.models import Unit
from members.models import Member, covers_unit_path, officer_scope

from .posts import JobPostPage


def cv_path(instance: JobApplication, filename: str) -> str:
    # A random name: the member's own file name (often their full name) stays in `cv_name`.
    extension = os.path.splitext(filename)[1].lower()
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class ApplicationQuerySet(models.QuerySet):
    def visible_to_officer(self, user) -> ApplicationQuerySet:
        """Applications to posts of the officer's units and the units below them; all for superusers."""
        if user.is_authenticated and user.is_superuser:
            return self
        scope = officer_scope(user)
        return self.filter(scope) if scope is not None else self.none()


class JobApplication(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        CONTACTED = "contacted", _("Contacted")
        INTERVIEW = "interview", _("Interview")
        HIRED = "hired", _("Hired")
        NOT_SELECTED = "not_selected", _("Not selected")

    # The post in its original language, whichever translation the member applied on, so that
    # officers see one list per job and a member cannot apply twice through two languages.
    post = models.ForeignKey(
        JobPostPage, on_delete=models.CASCADE, related_name="applications", verbose_name=_("job post")
    )
    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="job_applications", verbose_name=_("member")
    )
    # The unit whose section published the post, fixed when the member applies: its officers
    # (and those above it) handle the application, found with one indexed prefix filter.
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    message = models.TextField(_("message"), max_length=1000)
    cv = models.FileField(_("CV"), upload_to=cv_path, storage=PrivateStorage("job_cvs"), blank=True)
    cv_name = models.CharField(_("CV file name"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED)
    created_at = models.DateTimeField(_("applied on"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("status changed on"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("job application")
        verbose_name_plural = _("job applications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["post", "member"], name="one_application_per_member_and_post")
        ]

    def __str__(self) -> str:
        return f"{self.member.full_name} → {self.post.title}"

    def save(self, *args, **kwargs) -> None:
        if self.pk:
            previous = JobApplication.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if previous is not None and previous != self.status:
                self.status_changed_at = timezone.now()
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], "status_changed_at"}
        super().save(*args, **kwargs)

    def is_visible_to(self, user) -> bool:
        if not user.is_authenticated:
            return False
        if user.is_superuser or self.member.account_id == user.pk:
            return True
        return covers_unit_path(user, self.unit.path)

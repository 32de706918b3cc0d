"""A member's saved jobs search and the posts it has already told them about."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .posts import JobIndexPage, JobPostPage


class SavedJobSearch(models.Model):
    """The filters of a jobs search (its URL query) under a name the member chose."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_job_searches"
    )
    index = models.ForeignKey(
        JobIndexPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("jobs listing")
    )
    name = models.CharField(_("name"), max_length=100)
    query = models.CharField(_("filters"), max_length=1000, blank=True)
    # The language of the notices: the one the member used when saving.
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(default=timezone.now)
    last_notified_at = models.DateTimeField(_("last notice"), null=True, blank=True)

    class Meta:
        verbose_name = _("saved job search")
        verbose_name_plural = _("saved job searches")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def query_dict(self) -> QueryDict:
        return QueryDict(self.query)

    @property
    def url(self) -> str:
        return f"{self.index.url}?{self.query}" if self.query else self.index.url


class SavedSearchMatch(models.Model):
    """One post found for one saved search: recorded once, so it is never notified twice."""

    search = models.ForeignKey(SavedJobSearch, on_delete=models.CASCADE, related_name="matches")
    post = models.ForeignKey(JobPostPage, on_delete=models.CASCADE, related_name="+")
    found_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-found_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["search", "post"], name="one_match_per_search_and_post")
        ]

    def __str__(self) -> str:
        return f"{self.search} – {self.post_id}"

"""The assistant page, members' conversations with it, and the weekly counts behind the learning report.

Conversations are personal data: only the member who had them sees them (and deletes them);
officers see only what the member sends them as a case. The weekly counts hold numbers only.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page


class AssistantPage(RoutablePageMixin, Page):
    """The legal assistant of a legal library: members ask, it answers from the library."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    template = "assistant/assistant_page.html"
    parent_page_types = ["legal_library.LegalLibraryPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("legal assistant")
        verbose_name_plural = _("legal assistants")

    # The views live in assistant.views; the routes only bind them to the page.
    @path("")
    def conversation_route(self, request):
        from . import views

        return views.conversation(self, request)

    @path("answers/<int:exchange_id>/helpful/", name="helpful")
    def helpful_route(self, request, exchange_id: int):
        from . import views

        return views.helpful(self, request, exchange_id)

    @path("answers/<int:exchange_id>/adviser/", name="adviser")
    def adviser_route(self, request, exchange_id: int):
        from . import views

        return views.ask_adviser(self, request, exchange_id)

    @path("conversations/<int:conversation_id>/delete/", name="delete")
    def delete_route(self, request, conversation_id: int):
        from . import views

        return views.delete_conversation(self, request, conversation_id)


class ConversationQuerySet(models.QuerySet):
    def of_member(self, member) -> ConversationQuerySet:
        """The only way views reach conversations: a member's own."""
        return self.filter(member=member)


class Conversation(models.Model):
    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="assistant_conversations"
    )
    title = models.CharField(_("title"), max_length=120)
    language = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Set when the member sends the conversation to a union legal adviser (a feedback case).
    case_url = models.CharField(max_length=300, blank=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("assistant conversation")
        verbose_name_plural = _("assistant conversations")

    def __str__(self) -> str:
        return self.title


class Exchange(models.Model):
    """One question and the answer the assistant composed for it (kept as it was shown)."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="exchanges")
    question = models.TextField(_("question"))
    # Folded content words, for grouping alike questions in the learning report.
    question_words = models.CharField(max_length=500, blank=True)
    answered = models.BooleanField(_("answered"), default=False)
    confidence = models.FloatField(_("confidence"), default=0.0)
    scenario = models.ForeignKey(
        "legal_library.LegalQAPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What was shown: answer HTML built on the server, citations, related scenarios (see compose.py).
    answer = models.JSONField(default=dict)
    composer = models.CharField(max_length=40, blank=True)
    helpful = models.BooleanField(_("helpful"), null=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")
        permissions = [("view_learning_report", _("Can see the assistant's unanswered questions"))]

    def __str__(self) -> str:
        return self.question[:80]

    @property
    def needs_editors(self) -> bool:
        return not self.answered or self.helpful is False


def week_of(moment: datetime.datetime) -> datetime.date:
    day = timezone.localdate(moment)
    return day - datetime.timedelta(days=day.weekday())


class WeeklyCount(models.Model):
    """Questions asked and answered per week: numbers only, kept when conversations are deleted."""

    week = models.DateField(_("week"), unique=True)
    asked = models.PositiveIntegerField(_("asked"), default=0)
    answered = models.PositiveIntegerField(_("answered"), default=0)

    class Meta:
        ordering = ["week"]
        verbose_name = _("weekly count")
        verbose_name_plural = _("weekly counts")

    def __str__(self) -> str:
        return f"{self.week}: {self.answered}/{self.asked}"

    @classmethod
    def record(cls, *, answered: bool, moment: datetime.datetime | None = None) -> None:
        week = week_of(moment or timezone.now())
        cls.objects.get_or_create(week=week)
        cls.objects.filter(week=week).update(asked=F("asked") + 1, answered=F("answered") + int(answered))

    @property
    def share_answered(self) -> float:
        return self.answered / self.asked if self.asked else 0.0

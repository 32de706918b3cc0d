"""Legal editors' side: the learning report, and a scenario drafted from one of its groups."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from folding import fold_vietnamese
from legal_library.models import LegalDocumentPage, LegalQAPage, LegalTopicPage, QACitation

from . import learning

REPORT_PERMISSION = "assistant.view_learning_report"


def _require_report(request: HttpRequest) -> None:
    if not request.user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied


def learning_report(request: HttpRequest) -> HttpResponse:
    _require_report(request)
    weeks = learning.weekly()
    return TemplateResponse(
        request,
        "assistant/admin/learning_report.html",
        {"groups": learning.groups(), "weeks": weeks, "days": learning.REPORT_DAYS},
    )


def _topics_for(user) -> list[LegalTopicPage]:
    topics = LegalTopicPage.objects.live().order_by("locale_id", "title")
    return [t for t in topics if t.permissions_for_user(user).can_add_subpage()]


class ScenarioForm(forms.Form):
    topic = forms.ChoiceField(label=gettext_lazy("Topic"))
    title = forms.CharField(label=gettext_lazy("Title"), max_length=255)
    situation = forms.CharField(label=gettext_lazy("Situation"), widget=forms.Textarea(attrs={"rows": 3}))
    question = forms.CharField(label=gettext_lazy("Question"), widget=forms.Textarea(attrs={"rows": 3}))
    answer = forms.CharField(label=gettext_lazy("Answer"), widget=forms.Textarea(attrs={"rows": 5}))
    document = forms.ModelChoiceField(
        label=gettext_lazy("Document the answer rests on"), queryset=LegalDocumentPage.objects.none()
    )
    article = forms.IntegerField(label=gettext_lazy("Article number"), min_value=1)
    clause = forms.IntegerField(label=gettext_lazy("Clause number (optional)"), min_value=1, required=False)

    def __init__(self, *args, topics: list[LegalTopicPage], **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = {str(t.pk): t for t in topics}
        self.fields["topic"].choices = [(str(t.pk), f"{t.title} ({t.locale.language_code})") for t in topics]
        self.fields["document"].queryset = LegalDocumentPage.objects.live().order_by("title")

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        citation = QACitation(document=data["document"], article=data["article"], clause=data.get("clause"))
        citation.clean()
        return data


@transaction.atomic
def _draft_scenario(data: dict, topic: LegalTopicPage, user) -> LegalQAPage:
    base = slugify(fold_vietnamese(data["title"]))[:60] or "tinh-huong"
    slug, number = base, 1
    while Page.objects.filter(slug=slug).child_of(topic).exists():
        number += 1
        slug = f"{base}-{number}"
    paragraphs = "".join(f"<p>{escape(p.strip())}</p>" for p in data["answer"].split("\n") if p.strip())
    scenario = LegalQAPage(
        title=data["title"],
        slug=slug,
        situation=data["situation"],
        question=data["question"],
        answer=paragraphs,
        last_reviewed=timezone.localdate(),
        live=False,
        owner=user,
    )
    topic.add_child(instance=scenario)
    QACitation.objects.create(
        page=scenario, document=data["document"], article=data["article"], clause=data.get("clause")
    )
    scenario.save_revision(user=user, log_action=True)
    return scenario


def new_scenario(request: HttpRequest) -> HttpResponse:
    """A draft scenario prefilled with a group's question; the editor reviews and publishes it in Wagtail."""
    _require_report(request)
    topics = _topics_for(request.user)
    if not topics:
        raise PermissionDenied
    question = request.GET.get("question", "")[:1000]
    form = ScenarioForm(
        request.POST or None,
        topics=topics,
        initial={"question": question, "situation": question, "title": question[:120]},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            scenario = _draft_scenario(
                form.cleaned_data, form.topics[form.cleaned_data["topic"]], request.user
            )
            return redirect("wagtailadmin_pages:edit", scenario.pk)
        status = 400
    return TemplateResponse(
        request,
        "assistant/admin/new_scenario.html",
        {"form": form, "day": datetime.date.today()},
        status=status,
    )

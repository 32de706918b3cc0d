"""Sending a conversation to a union legal adviser: a case in the feedback app, with the transcript.

The feedback app owns cases, their routing to the member's unit and who may read them; the
assistant only calls its public service `feedback.services.open_case`.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from feedback.models import Category
from feedback.services import open_case

from .models import Conversation

# The library's topics map onto the request categories officers sort their work by.
TOPIC_CATEGORIES = {
    "tien-luong": Category.WAGES,
    "thoi-gio-lam-viec": Category.WORKING_TIME,
    "bao-hiem-xa-hoi": Category.SOCIAL_INSURANCE,
    "cham-dut-hop-dong": Category.DISMISSAL,
    "an-toan-lao-dong": Category.SAFETY,
    "quyen-cong-doan": Category.UNION_RIGHTS,
}


def category_choices():
    return Category.choices


def suggested_category(exchange) -> str:
    scenario = exchange.scenario
    if scenario is not None:
        parent = scenario.get_parent()
        if parent is not None and parent.slug in TOPIC_CATEGORIES:
            return TOPIC_CATEGORIES[parent.slug]
    return Category.OTHER


def transcript(conversation: Conversation) -> str:
    """The conversation as plain text, as the adviser reads it in the case."""
    lines = []
    for exchange in conversation.exchanges.all():
        answer = exchange.answer or {}
        lines.append(_("Question: %(text)s") % {"text": exchange.question})
        if exchange.answered:
            lines.append(
                _("Assistant (match %(percent)d %%): %(text)s")
                % {
                    "percent": round(exchange.confidence * 100),
                    "text": " ".join(strip_tags(answer.get("html", "")).split()),
                }
            )
            for citation in answer.get("citations", []):
                lines.append(f"  – {citation['label']} ({citation['url']})")
        else:
            lines.append(_("Assistant: not sure, no answer given."))
        if exchange.helpful is not None:
            lines.append(
                _("Member found it helpful.") if exchange.helpful else _("Member found it unhelpful.")
            )
        lines.append("")
    return "\n".join(lines).strip()


@transaction.atomic
def send_to_adviser(
    *,
    member,
    conversation: Conversation,
    category: str,
    description: str,
    employer: str,
    show_name: bool,
    user,
):
    case = open_case(
        member=member,
        category=category,
        description=description,
        employer=employer,
        show_name_to_employer=show_name,
        conversation=transcript(conversation),
        filed_by=user,
    )
    conversation.case_url = case.get_member_url()
    conversation.save(update_fields=["case_url", "updated_at"])
    return case

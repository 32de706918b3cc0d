"""Validity: a document's status on a date, its history, and each article's wording on a date.

The status is computed, never stored, from the document's own dates and what live documents
already in force do to it: a replacement or whole repeal ends it, a partial repeal or an
article repealed by amendment makes it partly expired.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _

from .models import ArticleAmendment, LegalDocumentPage, LegalRelation, RelationKind


class Status(models.TextChoices):
    NOT_YET = "not_yet", _("not yet in force")
    IN_FORCE = "in_force", _("in force")
    PARTLY_EXPIRED = "partly_expired", _("partly expired")
    EXPIRED = "expired", _("expired")


def incoming(document: LegalDocumentPage) -> tuple[list[LegalRelation], list[ArticleAmendment]]:
    """Live relations and amendments aimed at `document` in any of its languages (two queries, cached).

    A relation is entered once, on the acting document in its own language; the translations of
    the document it targets are the same law, so they share its relations. When the acting
    document is translated too, its copy in the reader's language is preferred.
    """
    cached = getattr(document, "_legal_incoming", None)
    if cached is None:
        aimed = {"target__translation_key": document.translation_key, "document__live": True}
        relations = LegalRelation.objects.filter(**aimed).select_related("document").order_by("pk")
        amendments = ArticleAmendment.objects.filter(**aimed).select_related("document").order_by("pk")
        cached = (
            _one_per_source(relations, document.locale_id, lambda r: (r.kind, r.whole, r.articles)),
            _one_per_source(amendments, document.locale_id, lambda a: (a.article,)),
        )
        document._legal_incoming = cached
    return cached


def _one_per_source(rows, locale_id: int, key) -> list:
    chosen: dict = {}
    for row in rows:
        identity = (row.document.translation_key, *key(row))
        if identity not in chosen or row.document.locale_id == locale_id:
            chosen[identity] = row
    return list(chosen.values())


def _ending(relation: LegalRelation) -> bool:
    return relation.kind == RelationKind.REPLACES or (
        relation.kind == RelationKind.REPEALS and relation.whole
    )


def status_on(document: LegalDocumentPage, day: datetime.date) -> Status:
    """Status on `day` from the document's dates and what live documents in force by then do to it."""
    if day < document.date_effective:
        return Status.NOT_YET
    if document.date_expired and day >= document.date_expired:
        return Status.EXPIRED
    relations, amendments = incoming(document)
    relations = [r for r in relations if r.document.date_effective <= day]
    if any(_ending(r) for r in relations):
        return Status.EXPIRED
    if any(r.kind == RelationKind.REPEALS for r in relations):
        return Status.PARTLY_EXPIRED
    if any(a.repeals and a.document.date_effective <= day for a in amendments):
        return Status.PARTLY_EXPIRED
    return Status.IN_FORCE


def with_status(queryset: models.QuerySet, day: datetime.date) -> models.QuerySet:
    """`queryset` annotated with `status` on `day` in SQL (same rules as `status_on`), so it can be filtered."""
    acting = {
        "document__live": True,
        "document__date_effective__lte": day,
        "target__translation_key": OuterRef("translation_key"),
    }
    ending = LegalRelation.objects.filter(
        Q(kind=RelationKind.REPLACES) | Q(kind=RelationKind.REPEALS, whole=True), **acting
    )
    partial = LegalRelation.objects.filter(kind=RelationKind.REPEALS, whole=False, **acting)
    repealed_article = ArticleAmendment.objects.filter(repeals=True, **acting)
    return queryset.annotate(
        status=Case(
            When(date_effective__gt=day, then=Value(Status.NOT_YET.value)),
            When(date_expired__lte=day, then=Value(Status.EXPIRED.value)),
            When(Exists(ending), then=Value(Status.EXPIRED.value)),
            When(Exists(partial) | Exists(repealed_article), then=Value(Status.PARTLY_EXPIRED.value)),
            default=Value(Status.IN_FORCE.value),
            output_field=models.CharField(),
        )
    )


@dataclass
class HistoryEvent:
    date: datetime.date
    label: str
    document: LegalDocumentPage | None = None


def history(document: LegalDocumentPage) -> list[HistoryEvent]:
    events = [
        HistoryEvent(document.date_issued, _("Issued")),
        HistoryEvent(document.date_effective, _("Comes into force")),
    ]
    relations, amendments = incoming(document)
    for relation in relations:
        events.append(
            HistoryEvent(relation.document.date_effective, relation.inverse_label, relation.document)
        )
    for amendment in amendments:
        label = (
            _("Article %(number)s repealed by") if amendment.repeals else _("Article %(number)s amended by")
        )
        events.append(
            HistoryEvent(
                amendment.document.date_effective, label % {"number": amendment.article}, amendment.document
            )
        )
    if document.date_expired:
        events.append(HistoryEvent(document.date_expired, _("Expires")))
    return sorted(events, key=lambda e: e.date)


@dataclass
class Wording:
    """What an article said from `since` (until the next wording)."""

    since: datetime.date
    text: str | None  # None: the original, structured text (clauses and points)
    repealed: bool = False
    by: LegalDocumentPage | None = None


def wordings_by_article(document: LegalDocumentPage) -> dict[int, list[Wording]]:
    """Every wording of each amended article, oldest first (the original first)."""
    result: dict[int, list[Wording]] = {}
    amendments = sorted(incoming(document)[1], key=lambda a: a.document.date_effective)
    for amendment in amendments:
        wordings = result.setdefault(amendment.article, [Wording(document.date_effective, None)])
        wordings.append(
            Wording(
                amendment.document.date_effective, amendment.new_text, amendment.repeals, amendment.document
            )
        )
    return result


def wording_on(wordings: list[Wording], day: datetime.date) -> tuple[Wording, list[Wording]]:
    """The wording in force on `day` and the ones before it (latest first)."""
    current = wordings[0]
    earlier: list[Wording] = []
    for wording in wordings[1:]:
        if wording.since <= day:
            earlier.insert(0, current)
            current = wording
    return current, earlier


def replacement_cycle(document_id: int, target_id: int) -> bool:
    """Would `document` replacing `target` close a loop (target already replaces document, maybe via others)?"""
    seen: set[int] = set()
    frontier = {target_id}
    while frontier:
        if document_id in frontier:
            return True
        seen |= frontier
        frontier = (
            set(
                LegalRelation.objects.filter(
                    kind=RelationKind.REPLACES, document_id__in=frontier
                ).values_list("target_id", flat=True)
            )
            - seen
        )
    return False


def review_reasons(qa) -> list[str]:
    """Why a Q&A scenario needs review: a cited article amended or repealed, or its document ended, after the last review."""
    reasons = []
    for citation in qa.citations.all():
        target = citation.document
        relations, amendments = incoming(target)
        for amendment in amendments:
            if amendment.article == citation.article and amendment.document.date_issued > qa.last_reviewed:
                reasons.append(
                    _("Article %(number)s of %(title)s was changed by %(by)s.")
                    % {"number": citation.article, "title": target.title, "by": amendment.document.title}
                )
        for relation in relations:
            if _ending(relation) and relation.document.date_issued > qa.last_reviewed:
                reasons.append(
                    _("%(title)s %(relation)s %(by)s.")
                    % {
                        "title": target.title,
                        "relation": relation.inverse_label,
                        "by": relation.document.title,
                    }
                )
        if target.date_expired and qa.last_reviewed < target.date_expired:
            reasons.append(
                _("%(title)s expires on %(date)s.") % {"title": target.title, "date": target.date_expired}
            )
    return reasons

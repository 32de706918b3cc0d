"""What the shared search service indexes: documents, each article on its own, Q&A scenarios."""

from __future__ import annotations

from django.utils import timezone
from django.utils.html import strip_tags

from search.registry import Document

from .models import LegalDocumentPage, LegalQAPage, Provision, ProvisionKind
from .numbers import number_key

# The indexed title uses the word a reader types in the document's language ("dieu 35 bo luat
# lao dong"), whatever the state of the interface catalogues.
ARTICLE_WORDS = {"vi": "Điều {n}", "en": "Article {n}", "ja": "第{n}条"}


def document_for_page(page: LegalDocumentPage) -> Document:
    return Document(
        title=page.title,
        body=f"{page.number}\n{page.issuing_body}\n{page.summary}",
        date=page.date_issued,
        topic=page.document_type.name,
        keywords=[page.number, number_key(page.number)],
    )


def articles_queryset():
    return Provision.objects.filter(kind=ProvisionKind.ARTICLE, document__live=True).select_related(
        "document", "document__locale"
    )


def document_for_article(article: Provision) -> Document | None:
    page = article.document
    if not page.live:
        return None
    lines = [article.text]
    for clause in Provision.objects.filter(parent=article).prefetch_related("children"):
        lines.append(f"{clause.number}. {clause.text}")
        lines.extend(f"{point.number}) {point.text}" for point in clause.children.all())
    label = ARTICLE_WORDS.get(page.locale.language_code, "Điều {n}").format(n=article.number)
    return Document(
        title=f"{label}. {article.heading} – {page.title}",
        body="\n".join(lines),
        url=f"{page.url}#{article.anchor}",
        date=page.date_issued,
        language=page.locale.language_code,
        keywords=[page.number, number_key(page.number)],
    )


def document_for_qa(page: LegalQAPage) -> Document:
    return Document(
        title=page.title,
        body=f"{page.situation}\n{page.question}\n{strip_tags(page.answer)}",
        date=page.last_reviewed or timezone.now(),
    )

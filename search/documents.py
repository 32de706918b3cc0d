"""Turning a registered object into a SearchDocument row (no search backend involved here)."""

from __future__ import annotations

import datetime
import html

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.search import index

from search.registry import Document

# Enough for any article; a whole law is found by its articles, which are indexed on their own.
MAX_BODY_CHARS = 50_000


def plain_text(value) -> str:
    """Visible text of an HTML fragment, with entities decoded and whitespace collapsed."""
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def _searchable_text(obj, search_field: index.SearchField) -> str:
    try:
        model_field = obj._meta.get_field(search_field.field_name)
    except FieldDoesNotExist:
        model_field = None
    value = search_field.get_value(obj)
    if not isinstance(value, list | tuple) and hasattr(model_field, "get_searchable_content"):
        value = model_field.get_searchable_content(value)
    if isinstance(value, list | tuple):
        value = " ".join(str(part) for part in value)
    return plain_text(value)


def page_document(obj) -> Document | None:
    """The default document of a page: title, description and search fields, publication date, URL."""
    texts = [getattr(obj, "search_description", "")]
    for search_field in obj.get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name not in (
            "title",
            "search_description",
        ):
            texts.append(_searchable_text(obj, search_field))
    return Document(
        title=obj.title,
        body="\n".join(text for text in texts if text),
        url=obj.get_url() or "" if hasattr(obj, "get_url") else "",
        date=getattr(obj, "first_published_at", None),
        unit=getattr(obj, "unit", None),
    )


def language_of(obj, document: Document) -> str:
    if document.language:
        return document.language
    locale = getattr(obj, "locale", None)
    if locale is not None:
        return locale.language_code
    return settings.LANGUAGE_CODE


def as_datetime(value: datetime.datetime | datetime.date | None) -> datetime.datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def document_fields(obj, document: Document, kind: str) -> dict:
    """The SearchDocument column values for `obj` described by `document`."""
    date = as_datetime(document.date)
    unit = document.unit
    body = plain_text(document.body)[:MAX_BODY_CHARS]
    keywords = " ".join(str(word) for word in document.keywords if word)
    return {
        "kind": kind,
        "language": language_of(obj, document),
        "title": plain_text(document.title)[:500],
        "body": f"{body}\n{keywords}".strip() if keywords else body,
        "url": (document.url or "")[:500],
        "date": date,
        "year": date.year if date else None,
        "unit": unit,
        "unit_path": unit.path if unit is not None else "",
        "unit_level": unit.level if unit is not None else None,
        "topic": (document.topic or "")[:100],
        "is_public": document.is_public,
    }

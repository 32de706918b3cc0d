"""What content types put in the portal's search index (the public API for content apps).

A content app registers each model it wants searchable, once, from its
`AppConfig.ready()`:

    from search.registry import Document, register

    register(NewsArticle, label=_("News"))

From then on the search service keeps one index document per object in step
with the content (publish, unpublish, save, delete), in the background.
The search view never lists models by hand: it facets on what is registered.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.functional import Promise

__all__ = ["Document", "SearchableType", "register", "registered_types", "type_for_model", "type_for_kind"]


@dataclass
class Document:
    """The searchable face of one object, as its content app describes it.

    `title` and `body` are plain text in the object's own language (HTML is
    stripped by the service anyway); the service keeps the original text and
    indexes a folded copy, so content apps never fold anything themselves.
    """

    title: str
    body: str = ""
    url: str = ""
    date: datetime.datetime | datetime.date | None = None
    # A federations.Unit (or None for site-wide content): drives the unit and level facets.
    unit: Any = None
    # A language code from settings.LANGUAGES; empty means the object's locale, else the site default.
    language: str = ""
    # A short free label for the topic facet ("Wages", "Safety"), in the document's language.
    topic: str = ""
    # False keeps the document out of the public search page; filter_queryset() still finds it
    # (for example an inbox of announcements that only a unit's officers may read).
    is_public: bool = True
    # Extra words to find the object by that are not shown (codes, numbers, synonyms).
    keywords: Iterable[str] = field(default_factory=tuple)


@dataclass(frozen=True)
class SearchableType:
    model: type[models.Model]
    kind: str
    label: str | Promise
    get_queryset: Callable[[], models.QuerySet]
    to_document: Callable[[models.Model], Document | None]

    def indexable_objects(self) -> models.QuerySet:
        return self.get_queryset()


_registry: dict[str, SearchableType] = {}


def _default_queryset(model: type[models.Model]) -> Callable[[], models.QuerySet]:
    from wagtail.models import Page

    if issubclass(model, Page):
        return lambda: model.objects.live().public()
    return lambda: model._default_manager.all()


def _default_to_document(model: type[models.Model]) -> Callable[[models.Model], Document | None]:
    if hasattr(model, "search_document"):
        return lambda obj: obj.search_document()
    from search.documents import page_document

    return page_document


def register(
    model: type[models.Model],
    *,
    label: str | Promise,
    kind: str | None = None,
    queryset: Callable[[], models.QuerySet] | None = None,
    document: Callable[[models.Model], Document | None] | None = None,
) -> SearchableType:
    """Make `model` searchable.

    - `label`: the content type's name as visitors see it in results and facets ("News").
    - `kind`: the stable key used in URLs (`?type=news.newsarticle`); default `app_label.model_name`.
    - `queryset`: a callable returning every object that may be indexed (default: live, public
      pages; every row for other models). Objects outside it are removed from the index.
    - `document`: a callable `obj -> Document | None` (None = do not index this object);
      default `obj.search_document()` when the model defines it, else the page's title,
      search description and search fields, first-publication date, locale and URL.
    """
    kind = kind or f"{model._meta.app_label}.{model._meta.model_name}"
    searchable = SearchableType(
        model=model,
        kind=kind,
        label=label,
        get_queryset=queryset or _default_queryset(model),
        to_document=document or _default_to_document(model),
    )
    _registry[kind] = searchable
    from search.signals import connect_model

    connect_model(model)
    return searchable


def unregister(kind: str) -> None:
    """Forget a content type (tests use it; its index documents stay until the next reindex)."""
    _registry.pop(kind, None)


def registered_types() -> list[SearchableType]:
    return list(_registry.values())


def type_for_kind(kind: str) -> SearchableType | None:
    return _registry.get(kind)


def type_for_model(model: type[models.Model]) -> SearchableType | None:
    """The registered type of `model`, or of its nearest registered ancestor."""
    for klass in model.__mro__:
        for searchable in _registry.values():
            if searchable.model is klass:
                return searchable
    return None

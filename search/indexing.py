"""Keeping SearchDocument rows (and the engine's index) in step with registered content."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from search.documents import document_fields
from search.engines import get_engine
from search.models import SearchDocument
from search.registry import SearchableType, registered_types, type_for_model

logger = logging.getLogger(__name__)

BATCH_SIZE = 500


def _specific(obj: models.Model) -> models.Model:
    return getattr(obj, "specific", obj)


def build_document(obj: models.Model, searchable: SearchableType) -> SearchDocument | None:
    """An unsaved SearchDocument for `obj`, or None when its type says not to index it."""
    document = searchable.to_document(obj)
    if document is None or not document.title:
        return None
    row = SearchDocument(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_pk=obj.pk,
        **document_fields(obj, document, searchable.kind),
    )
    row.refresh_index_text()
    return row


def update_object(obj: models.Model) -> SearchDocument | None:
    """Index `obj` now if it may be indexed, else remove it from the index. Returns the document."""
    obj = _specific(obj)
    searchable = type_for_model(type(obj))
    if searchable is None:
        return None
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    indexable = searchable.indexable_objects().filter(pk=obj.pk).exists()
    row = build_document(obj, searchable) if indexable else None
    if row is None:
        remove(content_type.pk, obj.pk)
        return None
    with transaction.atomic():
        existing = SearchDocument.objects.filter(content_type=content_type, object_pk=obj.pk).first()
        if existing is not None:
            row.pk = existing.pk
        row.save()
    get_engine().index_documents([row])
    return row


def remove(content_type_id: int, object_id: int) -> None:
    rows = list(SearchDocument.objects.filter(content_type_id=content_type_id, object_pk=object_id))
    if rows:
        get_engine().remove_documents(rows)
        SearchDocument.objects.filter(pk__in=[row.pk for row in rows]).delete()


def schedule_update(obj: models.Model) -> None:
    """Re-index `obj` in the background (the tasks framework), never in the caller's request."""
    from search.tasks import index_object

    obj = _specific(obj)
    index_object.enqueue(obj._meta.app_label, obj._meta.model_name, obj.pk)


def schedule_removal(obj: models.Model) -> None:
    from search.tasks import remove_object

    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    remove_object.enqueue(content_type.pk, obj.pk)


def count_indexable() -> int:
    return sum(searchable.indexable_objects().count() for searchable in registered_types())


def _iter_rows(searchable: SearchableType) -> Iterator[SearchDocument | None]:
    queryset = searchable.indexable_objects().order_by("pk")
    from wagtail.models import Page

    if issubclass(searchable.model, Page):
        queryset = queryset.select_related("locale")
    for obj in queryset.iterator(chunk_size=BATCH_SIZE):
        yield build_document(_specific(obj), searchable)


def rebuild(progress: Callable[[int], None] | None = None) -> int:
    """Rebuild every document from the registered content; returns how many were indexed.

    The rows are rebuilt in one transaction (searches keep seeing the old rows until it
    commits); the engine builds a new index and swaps it in when it supports that.
    """
    engine = get_engine()
    total = 0
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        builder = engine.start_rebuild()
        for searchable in registered_types():
            batch: list[SearchDocument] = []
            for row in _iter_rows(searchable):
                if progress:
                    progress(1)
                if row is None:
                    continue
                batch.append(row)
                if len(batch) >= BATCH_SIZE:
                    total += _flush(batch, builder)
                    batch = []
            total += _flush(batch, builder)
        builder.finish()
    return total


def _flush(batch: list[SearchDocument], builder) -> int:
    if not batch:
        return 0
    created = SearchDocument.objects.bulk_create(batch)
    if not all(row.pk for row in created):  # backends without RETURNING (none we use today)
        keys = [(row.content_type_id, row.object_pk) for row in batch]
        created = [
            row
            for row in SearchDocument.objects.filter(object_pk__in=[key[1] for key in keys])
            if (row.content_type_id, row.object_pk) in set(keys)
        ]
    builder.add(created)
    return len(created)

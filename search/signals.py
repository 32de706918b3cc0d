"""Signal wiring for registered models: every change is indexed by a background task."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

_connected: set[type] = set()


def _on_change(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    from search.indexing import schedule_update

    schedule_update(instance)


def _on_delete(sender, instance, **kwargs) -> None:
    from search.indexing import schedule_removal

    schedule_removal(instance)


def connect_model(model: type) -> None:
    """Index `model`'s objects when they are published, unpublished, saved (non-pages) or deleted."""
    if model in _connected:
        return
    _connected.add(model)
    uid = f"portal_search:{model._meta.label}"
    if issubclass(model, Page):
        # Draft saves do not change what visitors see; publishing does.
        page_published.connect(_on_change, sender=model, dispatch_uid=uid)
        page_unpublished.connect(_on_change, sender=model, dispatch_uid=uid)
    else:
        post_save.connect(_on_change, sender=model, dispatch_uid=uid)
    post_delete.connect(_on_delete, sender=model, dispatch_uid=uid)

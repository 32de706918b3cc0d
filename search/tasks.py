"""Background indexing: publishing never waits for the search index."""

from django.apps import apps
from django_tasks import task


@task()
def index_object(app_label: str, model_name: str, pk: int) -> None:
    from search.indexing import remove, update_object

    model = apps.get_model(app_label, model_name)
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        from django.contrib.contenttypes.models import ContentType

        remove(ContentType.objects.get_for_model(model, for_concrete_model=True).pk, pk)
        return
    update_object(obj)


@task()
def remove_object(content_type_id: int, pk: int) -> None:
    from search.indexing import remove

    remove(content_type_id, pk)

"""A published post may be news for someone's saved search: queue the notices."""

from django.db import transaction


def queue_saved_search_notices(sender, instance, **kwargs) -> None:
    from .models import SavedJobSearch
    from .tasks import notify_saved_job_searches

    if SavedJobSearch.objects.exists():
        transaction.on_commit(notify_saved_job_searches.enqueue)

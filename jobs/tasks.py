"""Background work of the jobs: notices of new posts for saved searches."""

from __future__ import annotations

from django_tasks import task


@task()
def notify_saved_job_searches() -> int:
    """Records and e-mails new matches of every saved search; the number of new matches."""
    from .notices import notify_all

    return notify_all()[1]

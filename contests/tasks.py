"""Background work: ranking closed rounds (triggered by the first visit to a board)."""

from django_tasks import task

from .models import ContestPage


@task()
def rank_contest_task(contest_id: int) -> int:
    from .ranking import rank_contest

    contest = ContestPage.objects.get(pk=contest_id)
    return len(rank_contest(contest))

from django import template
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ..models import JobIndexPage, JobPostPage

register = template.Library()

NEWEST_COUNT = 4


def _vnd(amount: int) -> str:
    return number_format(amount, force_grouping=True)


@register.simple_tag
def salary(post: JobPostPage) -> str:
    """ "8,000,000–12,000,000 VND a month", "from 8,000,000 VND a month", or "Negotiable"."""
    low, high = post.salary_min, post.salary_max
    if low and high:
        return _("%(low)s–%(high)s VND a month") % {"low": _vnd(low), "high": _vnd(high)}
    if low:
        return _("from %(low)s VND a month") % {"low": _vnd(low)}
    if high:
        return _("up to %(high)s VND a month") % {"high": _vnd(high)}
    return _("Negotiable")


@register.inclusion_tag("jobs/newest_jobs.html")
def newest_jobs(section) -> dict:
    """The newest open posts of `section` and the sections below it, and its jobs index."""
    from ..listing import posts_within

    posts = list(posts_within(section).open().order_by("-posted_date", "-pk")[:NEWEST_COUNT])
    index = JobIndexPage.objects.child_of(section).live().first() if posts else None
    return {"posts": posts, "index": index, "today": timezone.localdate()}

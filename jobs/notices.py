"""Notices of new posts that match members' saved searches, by e-mail and on the site.

A post counts as new for a search when it was first published after the search was saved and
has not been recorded for it yet. Each (search, post) pair is recorded once (a unique row), so a
post is never notified twice for the same search, however often this runs. The row is written
before the e-mail is sent and marked when the e-mail has gone: a failed e-mail is retried on the
next run without a second in-site notice.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .forms import JobFilterForm
from .listing import apply_filters, posts_within
from .models import SavedJobSearch, SavedSearchMatch

logger = logging.getLogger(__name__)
# Most posts listed in one e-mail; the rest are on the saved-searches page.
EMAIL_LIMIT = 20


def matching_new_posts(search: SavedJobSearch) -> list[int]:
    """Ids of open posts that match the search, published since it was saved, not yet recorded for it."""
    with translation.override(search.language):
        filters = JobFilterForm(search.query_dict()).filters()
    # Notices are about jobs one can still apply to, whatever the listing's "closed" box said.
    filters.pop("closed", None)
    posts = apply_filters(posts_within(search.index.section()), filters)
    return list(
        posts.filter(first_published_at__gt=search.created_at)
        .exclude(pk__in=SavedSearchMatch.objects.filter(search=search).values("post_id"))
        .values_list("pk", flat=True)
    )


def record_matches(search: SavedJobSearch) -> int:
    """Records the new matches in one statement; a pair another run recorded first is skipped."""
    post_ids = matching_new_posts(search)
    SavedSearchMatch.objects.bulk_create(
        [SavedSearchMatch(search=search, post_id=post_id) for post_id in post_ids], ignore_conflicts=True
    )
    return len(post_ids)


def absolute(base_url: str, url: str) -> str:
    return url if url.startswith(("http://", "https://")) else f"{base_url}{url}"


def email_pending(search: SavedJobSearch) -> bool:
    """E-mails the matches not yet e-mailed, in the member's language; True when one was sent."""
    pending = list(
        SavedSearchMatch.objects.filter(search=search, emailed_at__isnull=True)
        .select_related("post")
        .order_by("-found_at", "-pk")
    )
    if not pending:
        return False
    address = search.user.email
    if not address:
        # A phone-only account gets the in-site notice alone.
        SavedSearchMatch.objects.filter(pk__in=[m.pk for m in pending]).update(emailed_at=timezone.now())
        return False
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(search.language):
        context = {
            "search": search,
            "posts": [(match.post, absolute(base_url, match.post.url)) for match in pending[:EMAIL_LIMIT]],
            "search_url": absolute(base_url, search.url),
            "saved_searches_url": absolute(base_url, reverse("jobs:saved_searches")),
            "more": max(len(pending) - EMAIL_LIMIT, 0),
            "count": len(pending),
            "base_url": base_url,
            "user": search.user,
        }
        subject = render_to_string("jobs/email/saved_search_subject.txt", context).strip()
        body = render_to_string("jobs/email/saved_search.txt", context)
    try:
        send_mail(subject, body, None, [address])
    except OSError:
        logger.exception("Saved search %s: the notice e-mail could not be sent; retrying next run", search.pk)
        return False
    SavedSearchMatch.objects.filter(pk__in=[m.pk for m in pending]).update(emailed_at=timezone.now())
    return True


def notify(search: SavedJobSearch) -> int:
    """Records new matches of one search and sends its e-mail; the number of new matches."""
    found = record_matches(search)
    emailed = email_pending(search)
    if found or emailed:
        SavedJobSearch.objects.filter(pk=search.pk).update(last_notified_at=timezone.now())
    return found


def notify_all() -> tuple[int, int]:
    """(searches with new matches, new matches) over every saved search."""
    searches_notified = matches = 0
    for search in SavedJobSearch.objects.select_related("user", "index").iterator(chunk_size=200):
        found = notify(search)
        matches += found
        searches_notified += bool(found)
    return searches_notified, matches

"""The member's own pages: saved searches with their new matches, applications, and CV downloads."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.private_files import private_file_response
from members.views import member_required

from .forms import SavedSearchForm
from .listing import filters_query
from .models import JobApplication, JobIndexPage, SavedJobSearch, SavedSearchMatch

MAX_SAVED_SEARCHES = 20


@login_required
def saved_searches(request: HttpRequest) -> HttpResponse:
    searches = list(SavedJobSearch.objects.filter(user=request.user).select_related("index"))
    unseen = list(
        SavedSearchMatch.objects.filter(search__user=request.user, seen_at__isnull=True, post__live=True)
        .select_related("post", "search")
        .order_by("-found_at", "-pk")[:100]
    )
    response = render(request, "jobs/saved_searches.html", {"searches": searches, "unseen": unseen})
    # Shown once as new; the posts stay on the listing behind each search.
    if unseen:
        SavedSearchMatch.objects.filter(pk__in=[match.pk for match in unseen]).update(seen_at=timezone.now())
    return response


@login_required
@require_POST
def save_search(request: HttpRequest) -> HttpResponse:
    index_id = request.POST.get("index", "")
    index = JobIndexPage.objects.live().filter(pk=index_id).first() if index_id.isdigit() else None
    if index is None:
        raise Http404
    query = filters_query(QueryDict(request.POST.get("query", "")))
    form = SavedSearchForm(request.POST)
    if SavedJobSearch.objects.filter(user=request.user).count() >= MAX_SAVED_SEARCHES:
        form.add_error(
            None,
            _("You have %(count)d saved searches, the most there can be. Delete one you no longer need.")
            % {"count": MAX_SAVED_SEARCHES},
        )
    if form.is_valid():
        search = form.save(commit=False)
        search.user, search.index, search.query = request.user, index, query
        search.language = get_language() or "vi"
        search.save()
        messages.success(
            request, _("Search saved. We will tell you about new jobs that match it, by e-mail and here.")
        )
        return redirect("jobs:saved_searches")
    return render(
        request, "jobs/save_search.html", {"form": form, "index": index, "query": query}, status=400
    )


@login_required
@require_POST
def delete_saved_search(request: HttpRequest, pk: int) -> HttpResponse:
    search = get_object_or_404(SavedJobSearch, pk=pk, user=request.user)
    search.delete()
    messages.success(request, _("The saved search “%(name)s” was deleted.") % {"name": search.name})
    return redirect("jobs:saved_searches")


@member_required
def my_applications(request: HttpRequest, member) -> HttpResponse:
    applications = JobApplication.objects.filter(member=member).select_related("post")
    return render(request, "jobs/my_applications.html", {"applications": applications})


@login_required
def application_cv(request: HttpRequest, pk: int) -> HttpResponse:
    """The CV, to the applicant and to the officers of the post's unit or above; 404 to anyone else."""
    application = get_object_or_404(
        JobApplication.objects.select_related("member", "unit").exclude(cv=""), pk=pk
    )
    if not application.is_visible_to(request.user):
        raise Http404
    return private_file_response(
        request,
        lambda: application.cv.open("rb"),
        # The member's own file name, with the extension of what the bytes are.
        f"{Path(application.cv_name).stem or 'cv'}{Path(application.cv.name).suffix}",
        # Officers reach personal data only after their second factor, as in the admin.
        as_staff=application.member.account_id != request.user.pk,
    )

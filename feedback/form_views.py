"""Serving the editors' forms with the spam guards, and the private download of their uploads."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.contrib.forms.utils import get_forms_for_user

from accounts.private_files import private_file_response

from . import conf, ratelimit
from .models import FeedbackFormSubmission
from .models.forms import HONEYPOT_FIELD
from .storage import private_storage


def serve_feedback_form(page, request: HttpRequest, *args, **kwargs) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = page.get_form(request.POST, request.FILES, page=page, user=request.user)
        if request.POST.get(HONEYPOT_FIELD):
            # A bot filled the invisible field: it sees the thank-you page, nothing is kept.
            return page.render_landing_page(request, None, *args, **kwargs)
        who = ratelimit.client_ip(request)
        if ratelimit.exceeded(f"form:{page.pk}", who, conf.form_submissions_per_hour()):
            form.is_valid()
            form.add_error(
                None, _("Too many submissions from your connection in the last hour. Please try again later.")
            )
            status = 429
        elif form.is_valid():
            submission = page.process_form_submission(form)
            ratelimit.count(f"form:{page.pk}", who)
            return page.render_landing_page(request, submission, *args, **kwargs)
        else:
            status = 400
    else:
        form = page.get_form(page=page, user=request.user)
    context = page.get_context(request)
    context["form"] = form
    return TemplateResponse(request, page.get_template(request), context, status=status)


def form_file(request: HttpRequest, submission_id: int, field: str) -> HttpResponse:
    """An upload to an editor's form: for those who may see the form's submissions (its editors)."""
    if not request.user.is_authenticated:
        raise PermissionDenied
    submission = get_object_or_404(FeedbackFormSubmission, pk=submission_id)
    # The same rule as Wagtail's own submissions listing.
    if not get_forms_for_user(request.user).filter(pk=submission.page_id).exists():
        raise PermissionDenied
    value = submission.form_data.get(field)
    if not isinstance(value, dict) or not value.get("stored"):
        raise Http404
    # Only the form's editors get here: staff, so their second factor comes first.
    return private_file_response(
        request, lambda: private_storage.open(value["stored"]), value["name"], as_staff=True
    )

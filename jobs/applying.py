"""Applying to a post in the portal: who may, what the post page shows them, and the submission."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from members.models import Member

from .forms import ApplicationForm
from .models import JobApplication, JobPostPage


def original_post(post: JobPostPage) -> JobPostPage:
    """The post in the default language when it exists: applications hang off that one."""
    if post.locale_id == Locale.get_default().pk:
        return post
    return post.get_translation_or_none(Locale.get_default()) or post


def member_of(request: HttpRequest) -> Member | None:
    if not request.user.is_authenticated:
        return None
    return Member.objects.filter(account=request.user).first()


def application_context(post: JobPostPage, request: HttpRequest) -> dict:
    """What the post page shows about applying in the portal to this reader."""
    if not post.apply_in_portal or post.is_closed:
        return {}
    context: dict = {"apply_in_portal": True, "cv_limit": settings.JOB_CV_MAX_BYTES}
    if not request.user.is_authenticated:
        context["login_url"] = f"{resolve_url('account_login')}?{urlencode({'next': request.path})}"
        return context
    member = member_of(request)
    if member is None:
        context["link_url"] = reverse("members:link")
        return context
    context["application"] = JobApplication.objects.filter(post=original_post(post), member=member).first()
    if context["application"] is None:
        context["application_form"] = ApplicationForm()
    return context


def submit_application(post: JobPostPage, request: HttpRequest) -> HttpResponse | ApplicationForm:
    """A redirect when the submission is settled, or the bound form with its errors to show."""
    if not post.apply_in_portal or post.is_closed:
        messages.error(request, _("This job does not take applications in the portal."))
        return HttpResponseRedirect(post.url)
    context = application_context(post, request)
    if "login_url" in context:
        return HttpResponseRedirect(context["login_url"])
    if "link_url" in context:
        messages.info(request, _("Link your account to your union membership to apply."))
        return HttpResponseRedirect(context["link_url"])
    if context.get("application"):
        messages.info(request, _("You have already applied to this job."))
        return HttpResponseRedirect(post.url)
    form = ApplicationForm(request.POST, request.FILES)
    if not form.is_valid():
        return form
    target = original_post(post)
    application = form.save(commit=False)
    application.post = target
    application.member = member_of(request)
    application.unit = target.section().unit
    application.cv_name = getattr(form, "cv_name", "")
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        # The same member sent the form twice at once: the first one counts.
        if application.cv:
            application.cv.storage.delete(application.cv.name)
        messages.info(request, _("You have already applied to this job."))
        return HttpResponseRedirect(post.url)
    messages.success(
        request,
        _(
            "Your application was sent. The union will contact you; follow its status under “My applications”."
        ),
    )
    return HttpResponseRedirect(post.url)

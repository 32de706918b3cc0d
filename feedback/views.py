"""The member's side: file a request, follow it, write back; the anonymous tracking page;
and the permission-checked attachment download (member, tracking-code holder, officers)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.private_files import private_file_response
from members.models import Member
from members.views import member_required

from . import conf, ratelimit, services
from .forms import CaseForm, MessageForm, TrackForm
from .models import Case, CaseAttachment, CaseEvent
from .models.cases import member_events

TRACKED_SESSION_KEY = "feedback_tracked_cases"
MY_CASES_LIMIT = 200


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


@member_required
def my_cases(request: HttpRequest, member: Member) -> HttpResponse:
    cases = list(member.cases.select_related("unit").order_by("-created_at")[:MY_CASES_LIMIT])
    return _private(render(request, "feedback/my_cases.html", {"member": member, "cases": cases}))


@member_required
def new_case(request: HttpRequest, member: Member) -> HttpResponse:
    form = CaseForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        who = str(request.user.pk)
        if ratelimit.exceeded("case", who, conf.cases_per_hour()):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "You have sent %(count)d requests in the last hour. Please wait before sending another; your text is kept below."
                )
                % {"count": conf.cases_per_hour()},
            )
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            case = services.open_case(
                member=member,
                category=data["category"],
                description=data["description"],
                employer=data["employer"],
                attachments=data["attachments"],
                anonymous=data["anonymous"],
                show_name_to_employer=data["show_name_to_employer"],
                filed_by=request.user,
            )
            ratelimit.count("case", who)
            if case.anonymous:
                _remember_tracked(request, case)
                return _private(render(request, "feedback/filed_anonymous.html", {"case": case}))
            messages.success(request, _("Your request was sent to %(unit)s.") % {"unit": case.unit.name})
            return redirect(case.get_member_url())
        else:
            status = 400
    return _private(
        render(request, "feedback/new_case.html", {"form": form, "member": member}, status=status)
    )


def _case_page(request: HttpRequest, case: Case, form: MessageForm, status: int = 200) -> HttpResponse:
    events = list(
        member_events(case)
        .select_related("to_unit")
        .prefetch_related(Prefetch("attachments", queryset=CaseAttachment.objects.order_by("pk")))
    )
    return _private(
        render(
            request,
            "feedback/case.html",
            {"case": case, "events": events, "form": form, "may_write": case.is_open() or case.may_reopen()},
            status=status,
        )
    )


def _write_back(request: HttpRequest, case: Case, author) -> HttpResponse | None:
    form = MessageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            event = services.member_message(
                case, form.cleaned_data["text"], by=author, attachments=form.cleaned_data["attachments"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if event.kind == CaseEvent.Kind.REOPENED:
                messages.success(request, _("Your request is reopened; your union will answer again."))
            else:
                messages.success(request, _("Your message was added to the request."))
            return None
    return _case_page(request, case, form, status=400)


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # Only the member who filed it: anyone else gets 404, so nothing says the case exists.
    case = get_object_or_404(Case.objects.select_related("unit"), pk=pk, member__account=request.user)
    if request.method == "POST":
        response = _write_back(request, case, request.user)
        return response or redirect(case.get_member_url())
    return _case_page(request, case, MessageForm())


def _remember_tracked(request: HttpRequest, case: Case) -> None:
    tracked = request.session.get(TRACKED_SESSION_KEY, [])
    if case.pk not in tracked:
        request.session[TRACKED_SESSION_KEY] = [*tracked, case.pk][-20:]


def track(request: HttpRequest) -> HttpResponse:
    """Anonymous requests are followed with their code (posted, so it stays out of URLs and logs)."""
    form = TrackForm(request.POST or None)
    status = 200
    if request.method == "POST":
        who = ratelimit.client_ip(request)
        if ratelimit.exceeded("track", who, 30):
            form.add_error(
                None, _("Too many attempts from your connection in the last hour. Please try again later.")
            )
            status = 429
        elif form.is_valid():
            ratelimit.count("track", who)
            case = Case.objects.filter(tracking_code=form.cleaned_data["code"], anonymous=True).first()
            if case is not None:
                _remember_tracked(request, case)
                return redirect("feedback:tracked", pk=case.pk)
            form.add_error("code", _("No anonymous request has this code. Check it and try again."))
            status = 404
    return _private(render(request, "feedback/track.html", {"form": form}, status=status))


def tracked_case(request: HttpRequest, pk: int) -> HttpResponse:
    if pk not in request.session.get(TRACKED_SESSION_KEY, []):
        return redirect("feedback:track")
    case = get_object_or_404(Case.objects.select_related("unit"), pk=pk, anonymous=True)
    if request.method == "POST":
        response = _write_back(request, case, None)
        return response or redirect("feedback:tracked", pk=case.pk)
    return _case_page(request, case, MessageForm())


def download_role(request: HttpRequest, case: Case) -> str | None:
    """How the user may download the case's files: "member", "officer", or None (not at all)."""
    if case.belongs_to(request.user):
        return "member"
    if case.anonymous and case.pk in request.session.get(TRACKED_SESSION_KEY, []):
        return "member"
    if case.is_visible_to_officer(request.user):
        return "officer"
    return None


def attachment(request: HttpRequest, case_pk: int, pk: int) -> HttpResponse:
    item = get_object_or_404(
        CaseAttachment.objects.select_related("case__unit", "case__member"), pk=pk, case_id=case_pk
    )
    role = download_role(request, item.case)
    if role is None:
        raise Http404
    return private_file_response(request, lambda: item.file.open("rb"), item.name, as_staff=role == "officer")


@require_POST
def forget_tracked(request: HttpRequest) -> HttpResponse:
    request.session.pop(TRACKED_SESSION_KEY, None)
    return redirect("feedback:track")

"""The officers' side in Wagtail's admin: the inbox, a case with its actions and history,
and the dashboard. Every view finds cases through `Case.objects.visible_to(user)`, so an
officer of one unit gets a 404 for another unit's case whatever the URL says."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from federations.models import Unit
from members.models import covers_unit_path, officer_scope, officer_unit_paths

from . import dashboard, services
from .admin_forms import (
    AssignForm,
    EscalateForm,
    InboxFilterForm,
    NoteForm,
    ReplyForm,
    StatusForm,
    TransferForm,
)
from .models import Case, CaseAttachment, CaseEvent

PAGE_SIZE = 50


def _require_officer(request: HttpRequest) -> None:
    if not request.user.is_superuser and officer_scope(request.user) is None:
        raise PermissionDenied


def _render(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    context.setdefault("header_title", context["page_title"])
    context.setdefault("header_icon", "mail")
    return TemplateResponse(request, template, context, status=status)


def inbox(request: HttpRequest) -> HttpResponse:
    _require_officer(request)
    form = InboxFilterForm(request.GET or None)
    cases = Case.objects.visible_to(request.user).select_related("unit", "assigned_to", "member")
    now = timezone.now()
    if form.is_valid():
        filters = form.cleaned_data
        if filters["status"]:
            cases = cases.filter(status=filters["status"])
        if filters["category"]:
            cases = cases.filter(category=filters["category"])
        if filters["overdue"]:
            cases = cases.overdue(now)
        if filters["mine"]:
            cases = cases.filter(assigned_to=request.user)
    page = Paginator(cases.order_by("due_at", "pk"), PAGE_SIZE).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return _render(
        request,
        "feedback/admin/inbox.html",
        {
            "page_title": _("Requests from members"),
            "form": form,
            "page": page,
            "now": now,
            "query": query.urlencode(),
        },
    )


ACTIONS = {
    "assign": AssignForm,
    "note": NoteForm,
    "reply": ReplyForm,
    "status": StatusForm,
    "transfer": TransferForm,
    "escalate": EscalateForm,
}


def _forms(case: Case, bound: tuple[str, object] | None = None) -> dict:
    forms = {}
    for name, form_class in ACTIONS.items():
        kwargs = {"case": case} if form_class is AssignForm else {}
        forms[name] = bound[1] if bound and bound[0] == name else form_class(prefix=name, **kwargs)
    return forms


def _apply(action: str, form, case: Case, user) -> str:
    data = form.cleaned_data
    if action == "assign":
        services.assign(case, data["assignee"], by=user)
        return _("Assigned to %(name)s.") % {
            "name": data["assignee"].get_full_name() or data["assignee"].username
        }
    if action == "note":
        services.add_note(case, data["text"], by=user)
        return _("Note added.")
    if action == "reply":
        services.reply(case, data["text"], by=user, attachments=data["attachments"])
        return _("Reply sent; the member is notified.")
    if action == "status":
        services.set_status(case, data["status"], by=user)
        return _("Status changed.")
    if action == "transfer":
        services.transfer(case, data["unit_code"], by=user, reason=data["reason"])
        return _("Transferred to %(unit)s.") % {"unit": data["unit_code"].name}
    services.escalate(case, by=user, reason=data["reason"])
    return _("Escalated to %(unit)s.") % {"unit": case.unit.name}


def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_officer(request)
    case = get_object_or_404(
        Case.objects.visible_to(request.user).select_related(
            "unit", "origin_unit", "member", "member__unit", "assigned_to"
        ),
        pk=pk,
    )
    bound = None
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ACTIONS:
            return redirect(case.get_admin_url())
        form_class = ACTIONS[action]
        kwargs = {"case": case} if form_class is AssignForm else {}
        form = form_class(request.POST, request.FILES, prefix=action, **kwargs)
        if form.is_valid():
            try:
                message = _apply(action, form, case, request.user)
            except ValidationError as error:
                form.add_error(None, error)
            except PermissionDenied:
                form.add_error(
                    None, _("You can transfer a case only to your own units or the units below them.")
                )
            else:
                messages.success(request, message)
                # After a transfer or escalation the case may be out of this officer's sight.
                if Case.objects.visible_to(request.user).filter(pk=case.pk).exists():
                    return redirect(case.get_admin_url())
                return redirect("feedback_admin:inbox")
        bound = (action, form)
        status = 400
    events = list(
        case.events.select_related("author", "from_unit", "to_unit", "assignee").prefetch_related(
            Prefetch("attachments", queryset=CaseAttachment.objects.order_by("pk"))
        )
    )
    return _render(
        request,
        "feedback/admin/case.html",
        {
            "page_title": _("Request %(code)s") % {"code": case.tracking_code},
            "case": case,
            "events": events,
            "forms": _forms(case, bound),
            "overdue": case.is_overdue(),
            "parent": case.unit.get_parent(),
            "Kind": CaseEvent.Kind,
        },
        status=status,
    )


def dashboard_view(request: HttpRequest) -> HttpResponse:
    _require_officer(request)
    code = request.GET.get("unit", "")
    if code:
        unit = get_object_or_404(Unit, code=code)
    elif request.user.is_superuser:
        unit = Unit.get_first_root_node()
    else:
        unit = (
            Unit.objects.filter(path__in=officer_unit_paths(request.user)).order_by("depth", "path").first()
        )
    if unit is None:
        raise PermissionDenied
    if not request.user.is_superuser and not covers_unit_path(request.user, unit.path):
        raise PermissionDenied
    figures = dashboard.for_unit(unit)
    parent = unit.get_parent()
    if parent and not request.user.is_superuser and not covers_unit_path(request.user, parent.path):
        parent = None  # an officer drills up only as far as their own unit
    return _render(
        request,
        "feedback/admin/dashboard.html",
        {
            "page_title": _("Requests dashboard: %(unit)s") % {"unit": unit.name},
            "unit": unit,
            "figures": figures,
            "header_icon": "view",
            "parent": parent,
        },
    )

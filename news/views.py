"""The grassroots inbox (officers of a unit) and the sender's read-receipt report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from federations.models import Level, Unit

from . import tracking
from .models import AnnouncementPage, NewsItemPage, Priority, Receipt, ResolutionPage
from .search import search_within

INBOX_PAGE_SIZE = 20
REPORT_PAGE_SIZE = 50
MAX_QUERY_LENGTH = 200


def officer_units(user) -> list[Unit]:
    return list(Unit.objects.filter(officers__user=user, is_active=True).order_by("path"))


def _chosen_unit(request: HttpRequest, units: list[Unit]) -> Unit:
    code = request.GET.get("unit") or request.POST.get("unit")
    if code:
        for unit in units:
            if unit.code == code:
                return unit
        raise PermissionDenied(_("You are not an officer of this unit."))
    return units[0]


def inbox_items(unit: Unit):
    receipts = Receipt.objects.filter(unit=unit, translation_key=OuterRef("translation_key"))
    return (
        NewsItemPage.objects.live()
        .targeting(unit)
        .in_language()
        .select_related("unit")
        .defer_streamfields()
        .annotate(
            is_read=Exists(receipts),
            is_acknowledged=Exists(receipts.filter(acknowledged_at__isnull=False)),
            priority=F("announcementpage__priority"),
            reply_by=F("announcementpage__reply_by"),
        )
        .order_by("-publication_date", "-pk")
    )


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    units = officer_units(request.user)
    if not units:
        return render(request, "news/inbox_not_officer.html", status=403)
    unit = _chosen_unit(request, units)
    items = inbox_items(unit)
    level = request.GET.get("level", "")
    if level.isdigit() and int(level) in Level.values:
        items = items.filter(unit__level=int(level))
    priority = request.GET.get("priority", "")
    if priority in Priority.values:
        items = items.filter(announcementpage__priority=priority)
    status = request.GET.get("status", "")
    if status == "unread":
        items = items.filter(is_read=False)
    elif status == "unacknowledged":
        items = items.filter(is_acknowledged=False)
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    if query:
        items = search_within(items, query, [AnnouncementPage, ResolutionPage])
    page_obj = Paginator(items, INBOX_PAGE_SIZE).get_page(request.GET.get("page"))
    unread = inbox_items(unit).filter(is_read=False).count()
    sender_levels = [(value, label) for value, label in Level.choices if value < unit.level]
    return render(
        request,
        "news/inbox.html",
        {
            "unit": unit,
            "units": units,
            "page_obj": page_obj,
            "items": list(page_obj.object_list),
            "unread": unread,
            "query": query,
            "level": level,
            "priority": priority,
            "status": status,
            "sender_levels": sender_levels,
            "priorities": Priority.choices,
        },
    )


def _inbox_item(request: HttpRequest, page_id: int) -> tuple[Unit, NewsItemPage]:
    units = officer_units(request.user)
    if not units:
        raise PermissionDenied(_("Your account is not an officer of any unit."))
    unit = _chosen_unit(request, units)
    item = get_object_or_404(NewsItemPage.objects.live().targeting(unit).select_related("unit"), pk=page_id)
    return unit, item


@login_required
def inbox_item(request: HttpRequest, page_id: int) -> HttpResponse:
    unit, item = _inbox_item(request, page_id)
    receipt, _created = Receipt.objects.get_or_create(
        translation_key=item.translation_key, unit=unit, defaults={"read_by": request.user}
    )
    return render(
        request,
        "news/inbox_item.html",
        {"unit": unit, "item": item.specific, "receipt": receipt, "units": officer_units(request.user)},
    )


@require_POST
@login_required
def acknowledge(request: HttpRequest, page_id: int) -> HttpResponse:
    unit, item = _inbox_item(request, page_id)
    receipt, _created = Receipt.objects.get_or_create(
        translation_key=item.translation_key, unit=unit, defaults={"read_by": request.user}
    )
    if receipt.acknowledged_at is None:
        receipt.acknowledged_at = timezone.now()
        receipt.acknowledged_by = request.user
        receipt.save(update_fields=["acknowledged_at", "acknowledged_by"])
        messages.success(request, _("Marked as acknowledged for %(unit)s.") % {"unit": unit.name})
    return redirect(f"{reverse('news:inbox_item', args=[item.pk])}?unit={unit.code}")


@login_required
def receipts_report(request: HttpRequest, page_id: int) -> HttpResponse:
    item = get_object_or_404(NewsItemPage.objects.select_related("unit"), pk=page_id)
    if not tracking.can_follow_up(request.user, item):
        raise PermissionDenied(_("Only the sending unit's staff can see who has read this."))
    if not item.is_targeted:
        raise Http404(_("This item is not sent to any unit."))
    node = item.unit
    code = request.GET.get("unit")
    if code:
        node = get_object_or_404(Unit, code=code)
        if not node.is_within(item.unit):
            raise Http404(_("This unit is not among the recipients."))
    show_unread = request.GET.get("show") == "unread"
    if show_unread:
        page_obj = Paginator(tracking.unread_units(item, node), REPORT_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        rows = []
    else:
        page_obj = Paginator(tracking.branches(item, node), REPORT_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        rows = tracking.describe_branches(item, list(page_obj.object_list))
    # From the sender down to the unit being looked at, for the breadcrumb.
    trail = [unit for unit in node.get_ancestors() if unit.is_within(item.unit)] + [node]
    return render(
        request,
        "news/receipts_report.html",
        {
            "item": item,
            "node": node,
            "trail": trail,
            "overall": tracking.totals(item),
            "here": tracking.totals(item, within=node),
            "rows": rows,
            "page_obj": page_obj,
            "show_unread": show_unread,
        },
    )

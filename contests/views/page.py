"""Views behind the contest page's own URLs: rules and entry, boards, organiser tools."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.second_factor import second_factor_redirect
from folding import fold_vietnamese

from .. import ratelimit
from ..bank_cache import question_texts
from ..boards import live_counts, question_statistics, top_grassroots, unit_board
from ..certificates import certificate_pdf
from ..exporting import results_table, table_response
from ..forms import EntryForm, eligible_units
from ..identity import client_ip, remember_entrant
from ..models import Attempt, ContestPage, Eligibility, Entrant, Result
from ..ranking import needs_ranking, rerank_contest
from ..tasks import rank_contest_task
from .common import can_organise, current_entrant, too_many_requests

BOARD_PAGE_SIZE = 50


def _subpage_url(page: ContestPage, name: str, *args) -> str:
    return page.url + page.reverse_subpage(name, args=args).lstrip("/")


def _section_unit(contest: ContestPage):
    return contest.get_parent().specific_deferred.unit


def index(page: ContestPage, request, form: EntryForm | None = None):
    contest = page.canonical
    entrant = current_entrant(request, contest)
    now = timezone.now()
    attempts = []
    if entrant is not None:
        attempts = list(
            Attempt.objects.filter(entrant=entrant)
            .select_related("round")
            .order_by("round__sort_order", "number")
        )
    current = contest.current_round(now)
    used = sum(1 for a in attempts if current and a.round_id == current.pk)
    unfinished = next((a for a in attempts if a.submitted_at is None and now <= a.deadline), None)
    if entrant is None and form is None and contest.eligibility == Eligibility.PUBLIC:
        form = EntryForm(units=eligible_units(_section_unit(contest)))
    return page.render(
        request,
        context_overrides={
            "contest": contest,
            "rounds": contest.round_list,
            "current_round": current,
            "next_round": contest.next_round(now),
            "entrant": entrant,
            "attempts": attempts,
            "attempts_left": max(contest.attempts_per_round - used, 0) if current else 0,
            "unfinished": unfinished,
            "form": form,
            "needs_login": contest.eligibility == Eligibility.MEMBERS and not request.user.is_authenticated,
            "is_organiser": can_organise(request.user, contest),
            "enter_url": _subpage_url(page, "enter"),
            "results_url": _subpage_url(page, "results"),
            "units_url": _subpage_url(page, "units"),
            "seconds_to_open": int((contest.next_round(now).opens_at - now).total_seconds())
            if contest.next_round(now)
            else None,
        },
    )


def enter(page: ContestPage, request):
    if request.method != "POST":
        return redirect(page.url)
    contest = page.canonical
    if not ratelimit.allow("enter_ip", client_ip(request)):
        return too_many_requests(request)
    members_only = contest.eligibility == Eligibility.MEMBERS
    if members_only and not request.user.is_authenticated:
        raise PermissionDenied
    form = EntryForm(
        request.POST, units=eligible_units(_section_unit(contest)), ask_identity=not members_only
    )
    if not form.is_valid():
        return index(page, request, form=form)
    data = form.cleaned_data
    if members_only:
        name = request.user.get_full_name() or request.user.get_username()
        phone = f"member-{request.user.pk}"
    else:
        name, phone = data["full_name"], data["phone"]
    entrant = Entrant.objects.filter(contest=contest, phone=phone).first()
    if entrant is not None and fold_vietnamese(entrant.full_name) != fold_vietnamese(name):
        form.add_error(
            "phone", _("This phone number is already registered for this contest under another name.")
        )
        return index(page, request, form=form)
    if entrant is None:
        try:
            with transaction.atomic():
                entrant = Entrant.objects.create(
                    contest=contest,
                    user=request.user if request.user.is_authenticated else None,
                    full_name=name,
                    phone=phone,
                    unit=data["unit_obj"],
                )
        except IntegrityError:
            entrant = Entrant.objects.get(contest=contest, phone=phone)
        messages.success(request, _("You are registered. Good luck!"))
    else:
        messages.success(request, _("Welcome back: your earlier entry is restored."))
    response = redirect(page.url)
    remember_entrant(response, contest.pk, entrant.pk)
    return response


def _ensure_ranked(contest: ContestPage) -> bool:
    """Queue the ranking of newly closed rounds; True while results are not ready."""
    from django.core.cache import cache

    if not needs_ranking(contest):
        return False
    if cache.add(f"contests:ranking:{contest.pk}", 1, 120):
        rank_contest_task.enqueue(contest.pk)
        contest.__dict__.pop("round_list", None)
        return needs_ranking(contest)
    return True


def results(page: ContestPage, request, round_number: int | None = None):
    contest = page.canonical
    round_ = None
    if round_number is not None:
        round_ = next((r for r in contest.round_list if r.number == round_number), None)
        if round_ is None:
            raise Http404
    pending = _ensure_ranked(contest)
    board = Result.objects.on_board(contest, round_).select_related("entrant__unit").order_by("rank", "pk")
    page_obj = Paginator(board, BOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    entrant = current_entrant(request, contest)
    mine = Result.objects.entry(contest, round_, entrant.pk).first() if entrant else None
    return page.render(
        request,
        template="contests/results.html",
        context_overrides={
            "contest": contest,
            "rounds": contest.round_list,
            "board_round": round_,
            "page_obj": page_obj,
            "pending": pending,
            "mine": mine,
            "prize_units": top_grassroots(contest),
            "results_url": _subpage_url(page, "results"),
            "units_url": _subpage_url(page, "units"),
            "round_links": [(r, _subpage_url(page, "round_results", r.number)) for r in contest.round_list],
        },
    )


def units(page: ContestPage, request, code: str | None = None):
    contest = page.canonical
    section_unit = _section_unit(contest)
    unit = section_unit if code is None else get_object_or_404(section_unit.subtree().active(), code=code)
    ancestors = [u for u in unit.get_ancestors() if u.is_within(section_unit)]
    return page.render(
        request,
        template="contests/units.html",
        context_overrides={
            "contest": contest,
            "unit": unit,
            "ancestors": ancestors,
            "rows": unit_board(contest, unit),
            "units_url": _subpage_url(page, "units"),
        },
    )


def _organiser_gate(request, contest: ContestPage):
    """Organiser tools show entrants' personal data: staff only, after their second factor.

    Returns the redirect to the second factor, or None when the request may go on."""
    if not can_organise(request.user, contest):
        raise PermissionDenied
    return second_factor_redirect(request)


def organise(page: ContestPage, request):
    contest = page.canonical
    gate = _organiser_gate(request, contest)
    if gate is not None:
        return gate
    if request.method == "POST" and request.POST.get("action") == "rerank":
        rerank_contest(contest)
        messages.success(request, _("Results were recomputed."))
        return redirect(_subpage_url(page, "organise"))
    stats = question_statistics(contest)
    texts = question_texts(contest.question_bank, request.LANGUAGE_CODE)
    rows = []
    for qid, figures in sorted(stats.items(), key=lambda item: item[1]["correct_share"]):
        text = texts.get(qid)
        rows.append(
            {
                "id": qid,
                "text": text["text"] if text else f"#{qid}",
                "wrong": text["options"].get(figures["top_wrong_option"], "") if text else "",
                **figures,
            }
        )
    return page.render(
        request,
        template="contests/organise.html",
        context_overrides={
            "contest": contest,
            "live": live_counts(contest),
            "question_rows": rows,
            "export_url": _subpage_url(page, "export"),
            "organise_url": _subpage_url(page, "organise"),
            "winners": Result.objects.on_board(contest, None)
            .filter(rank__lte=contest.winners_count)
            .select_related("entrant__unit")
            .order_by("rank"),
            "certificate_base": page.url + "certificate/",
        },
    )


def export(page: ContestPage, request):
    contest = page.canonical
    gate = _organiser_gate(request, contest)
    if gate is not None:
        return gate
    round_number = request.GET.get("round")
    round_ = next((r for r in contest.round_list if str(r.number) == round_number), None)
    if round_number and round_ is None:
        raise Http404
    winners_only = request.GET.get("winners") == "1"
    header, rows = results_table(contest, round_, winners_only=winners_only)
    name = f"{contest.slug}-{'round-' + round_number if round_ else 'overall'}{'-winners' if winners_only else ''}"
    return table_response(header, rows, name, request.GET.get("format", "csv"))


def certificate(page: ContestPage, request, entrant_id: int, as_pdf: bool = False):
    contest = page.canonical
    result = get_object_or_404(
        Result.objects.on_board(contest, None).select_related("entrant__unit"),
        entrant_id=entrant_id,
    )
    own = current_entrant(request, contest)
    if not (own and own.pk == entrant_id):
        gate = _organiser_gate(request, contest)
        if gate is not None:
            return gate
    if result.rank > contest.winners_count:
        raise Http404
    if as_pdf:
        pdf = certificate_pdf(
            issuer=page.get_parent().title,
            contest_title=page.title,
            name=result.entrant.full_name,
            unit=result.entrant.unit.name,
            rank=result.rank,
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="{contest.slug}-certificate-{entrant_id}.pdf"'
        )
        response["Cache-Control"] = "private, no-store"
        return response
    return page.render(
        request,
        template="contests/certificate.html",
        context_overrides={
            "contest": contest,
            "result": result,
            "pdf_url": _subpage_url(page, "certificate_pdf", entrant_id),
        },
    )

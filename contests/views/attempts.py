"""The attempt: start, the question page, saving answers, submitting, the result.

These URLs are plain Django views, not page routes, so the peak-time
requests skip Wagtail's page lookup: each reads the attempt row alone (its
round, contest and bank come from the worker's round cache) and writes at
most one row.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import ratelimit
from ..attempts import (
    NoAttemptsLeft,
    RoundNotOpen,
    Tampered,
    accepts_answers,
    attempt_kinds,
    close_if_expired,
    parse_answers,
    save_answers,
    submit,
)
from ..attempts import start_attempt as start_attempt_service
from ..bank_cache import question_texts
from ..identity import client_ip, entrant_id_from
from ..models import Attempt, ContestPage, Eligibility, Entrant, Layout, QuestionKind, Result, Round
from ..round_cache import contest_url, forget, round_with_contest
from .common import rejected, security_log, too_many_requests

NUMBER_SEPARATORS = re.compile(r"[\s.,]")
ESSAY_MAX_LENGTH = 20_000


def _entrant_id(request: HttpRequest, contest: ContestPage) -> int | None:
    if contest.eligibility == Eligibility.MEMBERS:
        if not request.user.is_authenticated:
            return None
        return Entrant.objects.filter(contest=contest, user=request.user).values_list("pk", flat=True).first()
    return entrant_id_from(request, contest.pk)


def _owned_attempt(request: HttpRequest, token: str, *, fresh_round: bool = False) -> Attempt:
    """The attempt named by `token` if it belongs to whoever is asking; 404 otherwise.

    One single-table query: the round, contest and bank come from the worker's
    round cache, unless `fresh_round` asks for the round's current times too.
    """
    attempts = Attempt.objects.filter(token=token)
    if fresh_round:
        attempts = attempts.select_related("round")
    attempt = next(iter(attempts[:1]), None)
    if attempt is None:
        raise Http404
    cached = round_with_contest(attempt.round_id)
    if cached is None:
        raise Http404
    if fresh_round:
        attempt.round.contest = cached.contest
    else:
        attempt.round = cached
    if _entrant_id(request, attempt.round.contest) != attempt.entrant_id:
        security_log.warning("foreign attempt %s requested from %s", attempt.pk, client_ip(request))
        raise Http404
    return attempt


def _is_fetch(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


def _prediction(raw: str | None) -> tuple[int | None, bool]:
    """(value, ok): people write 1.500 or 1,500 for fifteen hundred."""
    if raw is None or not raw.strip():
        return None, True
    digits = NUMBER_SEPARATORS.sub("", raw)
    if not digits.isdigit() or len(digits) > 9:
        return None, False
    return int(digits), True


@require_POST
def start(request: HttpRequest, round_id: int) -> HttpResponse:
    # The round's times are read fresh (they decide whether it is open), and with them when
    # the bank last changed; the contest and bank are cached.
    round_ = get_object_or_404(
        Round.objects.annotate(bank_updated_at=F("contest__question_bank__updated_at")), pk=round_id
    )
    cached = round_with_contest(round_id)
    if cached is not None and cached.contest.question_bank.updated_at != round_.bank_updated_at:
        # Another worker changed the bank since this one cached it: draw from the bank as it is.
        forget()
        cached = round_with_contest(round_id)
    if cached is None:
        raise Http404
    round_.contest = contest = cached.contest
    back = contest_url(contest, request.LANGUAGE_CODE)
    entrant_id = _entrant_id(request, contest)
    if entrant_id is None:
        messages.error(request, _("Register for the contest first."))
        return redirect(back)
    if not (
        ratelimit.allow("start_ip", client_ip(request)) and ratelimit.allow("start_entrant", str(entrant_id))
    ):
        return too_many_requests(request)
    try:
        attempt = start_attempt_service(contest, round_, Entrant(pk=entrant_id))
    except RoundNotOpen:
        messages.error(request, _("This round is not open now."))
        return redirect(back)
    except NoAttemptsLeft:
        messages.error(request, _("You have used every attempt of this round."))
        return redirect(back)
    return redirect("contests:attempt", token=attempt.token)


def _options_html(item: dict) -> str:
    """The option list of one question. Built here rather than in the template: at the
    deadline rush this page is sent thousands of times a minute, and 80 options through
    the template engine cost more than everything else on the page together."""
    kind = "checkbox" if item["multiple"] else "radio"
    rows = format_html_join(
        "\n",
        '<li><input type="{}" name="q{}" value="{}" id="q{}-{}"{}> <label for="q{}-{}">{}</label></li>',
        (
            (
                kind,
                item["id"],
                o["id"],
                item["id"],
                o["id"],
                mark_safe(" checked") if o["checked"] else "",
                item["id"],
                o["id"],
                o["text"],
            )
            for o in item["options"]
        ),
    )
    return format_html('<ul class="plain-list options">{}</ul>', rows)


def _items(attempt: Attempt, language: str) -> list[dict]:
    texts = question_texts(attempt.round.contest.question_bank, language)
    kinds = attempt_kinds(attempt)
    items = []
    for number, drawn in enumerate(attempt.questions, start=1):
        qid = drawn["q"]
        text = texts.get(qid) or {"text": _("(question withdrawn)"), "options": {}, "explanation": ""}
        chosen = set(attempt.answers.get(str(qid), ()))
        items.append(
            {
                "number": number,
                "id": qid,
                "text": text["text"],
                "explanation": text["explanation"],
                "multiple": kinds[qid] == QuestionKind.MULTIPLE,
                "answered": bool(chosen),
                "correct": set(drawn["c"]) == chosen,
                "options": [
                    {
                        "id": oid,
                        "text": text["options"].get(oid, ""),
                        "checked": oid in chosen,
                        "is_key": oid in drawn["c"],
                    }
                    for oid in drawn["o"]
                ],
            }
        )
    return items


@require_GET
def attempt_page(request: HttpRequest, token: str) -> HttpResponse:
    attempt = close_if_expired(_owned_attempt(request, token))
    if attempt.is_submitted:
        return redirect("contests:result", token=token)
    contest = attempt.round.contest
    items = _items(attempt, request.LANGUAGE_CODE)
    one_by_one = contest.layout == Layout.ONE
    position = attempt.position
    if one_by_one and request.GET.get("q", "").isdigit():
        position = min(int(request.GET["q"]), len(items) - 1)
    shown = [items[position]] if one_by_one and items else items
    for item in shown:
        item["options_html"] = _options_html(item)
    now = timezone.now()
    return render(
        request,
        "contests/attempt.html",
        {
            "attempt": attempt,
            "contest": contest,
            "items": shown,
            "total": len(items),
            "question_numbers": range(1, len(items) + 1),
            "answered": sum(1 for item in items if item["answered"]),
            "one_by_one": one_by_one,
            "position": position,
            "is_last": not one_by_one or position == len(items) - 1,
            "remaining": max(int((attempt.deadline - now).total_seconds()), 0),
            "contest_url": contest_url(contest, request.LANGUAGE_CODE),
            "js_strings": {
                "left": _("Time left"),
                "five": _("Five minutes left."),
                "one": _("One minute left. Your answers will be submitted when time runs out."),
                "saving": _("Saving…"),
                "saved": _("All answers saved."),
                "offline": _("Not saved yet: check your connection. We will try again."),
                "prediction": _("Write the prediction as a whole number, for example 1500."),
            },
        },
    )


def _answer_fields(request: HttpRequest, attempt: Attempt):
    shown = request.POST.getlist("shown")
    answers = parse_answers(attempt, request.POST, shown=shown)
    prediction, prediction_ok = _prediction(request.POST.get("prediction"))
    essay = request.POST.get("essay")
    if essay is not None:
        essay = essay[:ESSAY_MAX_LENGTH]
    return answers, prediction, prediction_ok, essay


@require_POST
def save(request: HttpRequest, token: str) -> HttpResponse:
    attempt = _owned_attempt(request, token)
    if not ratelimit.allow("save_attempt", str(attempt.pk)):
        return (
            JsonResponse({"ok": False, "retry": True}, status=429)
            if _is_fetch(request)
            else too_many_requests(request)
        )
    now = timezone.now()
    if not accepts_answers(attempt, now):
        if _is_fetch(request):
            return JsonResponse(
                {"ok": False, "closed": True, "result": reverse("contests:result", args=[token])}, status=409
            )
        close_if_expired(attempt, now)
        return redirect("contests:result", token=token)
    try:
        answers, prediction, prediction_ok, essay = _answer_fields(request, attempt)
    except Tampered as error:
        return rejected(request, f"attempt {attempt.pk}: {error}")
    go = request.POST.get("go", "")
    position = int(go) if go.isdigit() and int(go) < len(attempt.questions) else None
    save_answers(attempt, answers, prediction=prediction, essay=essay, position=position, now=now)
    if _is_fetch(request):
        return JsonResponse(
            {
                "ok": prediction_ok,
                "answered": len(attempt.answers),
                "remaining": max(int((attempt.deadline - now).total_seconds()), 0),
            }
        )
    if not prediction_ok:
        messages.error(request, _("Write the prediction as a whole number, for example 1500."))
    else:
        messages.success(request, _("Your answers are saved."))
    url = reverse("contests:attempt", args=[token])
    return redirect(f"{url}?q={position}" if position is not None else url)


@require_POST
def submit_view(request: HttpRequest, token: str) -> HttpResponse:
    attempt = _owned_attempt(request, token)
    if attempt.is_submitted:
        return redirect("contests:result", token=token)
    if not ratelimit.allow("submit_ip", client_ip(request)):
        return too_many_requests(request)
    now = timezone.now()
    if accepts_answers(attempt, now):
        try:
            answers, prediction, prediction_ok, essay = _answer_fields(request, attempt)
        except Tampered as error:
            return rejected(request, f"attempt {attempt.pk}: {error}")
        if not prediction_ok:
            save_answers(attempt, answers, essay=essay, now=now)
            messages.error(request, _("Write the prediction as a whole number, for example 1500."))
            return redirect("contests:attempt", token=token)
        submit(attempt, answers, prediction=prediction, essay=essay, now=now)
    else:
        submit(attempt, None, now=now)
    return redirect("contests:result", token=token)


@require_GET
def result(request: HttpRequest, token: str) -> HttpResponse:
    # The round's current close time decides whether answers may be shown: read it fresh.
    attempt = close_if_expired(_owned_attempt(request, token, fresh_round=True))
    if not attempt.is_submitted:
        return redirect("contests:attempt", token=token)
    contest = attempt.round.contest
    closed = attempt.round.is_closed()
    rank = None
    if closed:
        rank = (
            Result.objects.entry(contest, attempt.round, attempt.entrant_id)
            .values_list("rank", flat=True)
            .first()
        )
    return render(
        request,
        "contests/result.html",
        {
            "attempt": attempt,
            "contest": contest,
            "round_closed": closed,
            "items": _items(attempt, request.LANGUAGE_CODE) if closed else [],
            "rank": rank,
            "max_score": len(attempt.questions),
            "contest_url": contest_url(contest, request.LANGUAGE_CODE),
        },
    )


@require_GET
def unit_suggestions(request: HttpRequest, contest_id: int) -> JsonResponse:
    """Matches for the entry form's unit field (JavaScript only; the form works without it)."""
    from ..forms import UNIT_CHOICES_LIMIT, eligible_units

    contest = get_object_or_404(ContestPage.objects.live(), pk=contest_id)
    query = request.GET.get("q", "").strip()[:200]
    if len(query) < 2:
        return JsonResponse({"units": []})
    units = (
        eligible_units(contest.get_parent().specific_deferred.unit).matching(query).order_by("search_name")
    )
    return JsonResponse(
        {"units": [{"code": u.code, "name": u.name} for u in units[:UNIT_CHOICES_LIMIT]]},
        headers={"Cache-Control": "public, max-age=300"},
    )

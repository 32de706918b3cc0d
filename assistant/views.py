"""The member's side of the assistant: ask, rate, send to an adviser, delete; bound to AssistantPage routes.

Every view finds conversations through `Conversation.objects.of_member(member)`: another member,
an officer or a superuser asking for someone else's conversation gets a 404. Without JavaScript
each form posts and redirects back (PRG); with it, assistant.js posts the same forms with
`X-Requested-With: fetch` and gets the new fragment as JSON.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from members.models import Member

from . import ratelimit
from .compose import answer_question
from .forms import AdviserForm, AskForm, HelpfulForm
from .language import content_words
from .models import AssistantPage, Conversation, Exchange, WeeklyCount
from .retrieval import retrieve

CONVERSATIONS_SHOWN = 30
TITLE_LENGTH = 80


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


def _wants_json(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


def _member(request: HttpRequest) -> Member | None:
    if not request.user.is_authenticated:
        return None
    return Member.objects.select_related("unit").filter(account=request.user).first()


def _render(page: AssistantPage, request: HttpRequest, context: dict, status: int = 200) -> HttpResponse:
    context = {**page.get_context(request), **context}
    return _private(TemplateResponse(request, page.template, context, status=status))


def _page_url(page: AssistantPage, request: HttpRequest, conversation: Conversation | None = None) -> str:
    url = page.get_url(request)
    return f"{url}?{urlencode({'c': conversation.pk})}" if conversation else url


def _exchange_html(page: AssistantPage, request: HttpRequest, exchange: Exchange) -> str:
    return render_to_string("assistant/_exchange.html", {"exchange": exchange, "page": page}, request=request)


def conversation(page: AssistantPage, request: HttpRequest) -> HttpResponse:
    member = _member(request)
    if member is None:
        # Anonymous visitors and accounts not yet linked to a member see how to get in.
        return _render(page, request, {"needs_login": not request.user.is_authenticated, "needs_link": True})
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    own = Conversation.objects.of_member(member)
    current = None
    conversation_id = request.POST.get("conversation") or request.GET.get("c")
    if conversation_id and not request.GET.get("new"):
        try:
            current = own.get(pk=int(conversation_id))
        except (ValueError, Conversation.DoesNotExist):
            raise Http404 from None
    elif request.method != "POST" and not request.GET.get("new"):
        current = own.first()

    form = AskForm(request.POST or None, initial={"conversation": current.pk if current else None})
    status = 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        elif not ratelimit.allow(f"member:{member.pk}"):
            form.add_error(
                None,
                _(
                    "You have asked many questions in a short time. Wait a little and ask again; your question is kept below."
                ),
            )
            status = 429
        else:
            exchange = _ask(member, current, form.cleaned_data["question"], request)
            if _wants_json(request):
                return _private(
                    JsonResponse(
                        {
                            "html": _exchange_html(page, request, exchange),
                            "conversation": exchange.conversation_id,
                            "url": _page_url(page, request, exchange.conversation),
                        }
                    )
                )
            return redirect(f"{_page_url(page, request, exchange.conversation)}#answer-{exchange.pk}")
        if _wants_json(request):
            errors = [str(error) for errors in form.errors.values() for error in errors]
            return _private(JsonResponse({"errors": errors}, status=status))

    exchanges = list(current.exchanges.all()) if current else []
    return _render(
        page,
        request,
        {
            "member": member,
            "conversations": list(own.only("pk", "title", "updated_at")[:CONVERSATIONS_SHOWN]),
            "current": current,
            "exchanges": exchanges,
            "form": form,
        },
        status=status,
    )


@transaction.atomic
def _ask(member: Member, current: Conversation | None, question: str, request: HttpRequest) -> Exchange:
    retrieval = retrieve(question)
    answer = answer_question(question, retrieval)
    if current is None:
        current = Conversation.objects.create(
            member=member, title=" ".join(question.split())[:TITLE_LENGTH], language=request.LANGUAGE_CODE
        )
    else:
        current.save(update_fields=["updated_at"])
    best = retrieval.best
    exchange = Exchange.objects.create(
        conversation=current,
        question=question,
        question_words=" ".join(content_words(question))[:500],
        answered=answer.answered,
        confidence=answer.confidence,
        scenario=best.obj if answer.answered and best.kind == "scenario" else None,
        answer=answer.as_json(),
        composer=answer.composer,
    )
    WeeklyCount.record(answered=answer.answered)
    return exchange


def _own_exchange(member: Member, exchange_id: int) -> Exchange:
    exchange = (
        Exchange.objects.filter(pk=exchange_id, conversation__member=member)
        .select_related("conversation", "scenario")
        .first()
    )
    if exchange is None:
        raise Http404
    return exchange


def helpful(page: AssistantPage, request: HttpRequest, exchange_id: int) -> HttpResponse:
    member = _member(request)
    if member is None:
        return redirect(page.get_url(request))
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    exchange = _own_exchange(member, exchange_id)
    form = HelpfulForm(request.POST)
    if form.is_valid():
        exchange.helpful = form.cleaned_data["helpful"] == "yes"
        exchange.save(update_fields=["helpful"])
    if _wants_json(request):
        return _private(JsonResponse({"html": _exchange_html(page, request, exchange)}))
    messages.success(request, _("Thank you: your answer helps the union's legal editors."))
    return redirect(f"{_page_url(page, request, exchange.conversation)}#answer-{exchange.pk}")


def ask_adviser(page: AssistantPage, request: HttpRequest, exchange_id: int) -> HttpResponse:
    from .escalation import send_to_adviser, suggested_category

    member = _member(request)
    if member is None:
        return redirect(page.get_url(request))
    exchange = _own_exchange(member, exchange_id)
    conversation = exchange.conversation
    form = AdviserForm(
        request.POST or None,
        initial={"category": suggested_category(exchange), "description": exchange.question},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                case = send_to_adviser(
                    member=member,
                    conversation=conversation,
                    category=data["category"],
                    description=data["description"],
                    employer=data["employer"],
                    show_name=data["show_name_to_employer"],
                    user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
                status = 400
            else:
                messages.success(
                    request,
                    _(
                        "Your question and this conversation were sent to %(unit)s. An adviser will answer you there."
                    )
                    % {"unit": case.unit.name},
                )
                return redirect(case.get_member_url())
        else:
            status = 400
    return _private(
        TemplateResponse(
            request,
            "assistant/adviser.html",
            {
                **page.get_context(request),
                "form": form,
                "exchange": exchange,
                "conversation": conversation,
                "back_url": _page_url(page, request, conversation),
            },
            status=status,
        )
    )


def delete_conversation(page: AssistantPage, request: HttpRequest, conversation_id: int) -> HttpResponse:
    member = _member(request)
    if member is None:
        return redirect(page.get_url(request))
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    deleted, _counts = Conversation.objects.of_member(member).filter(pk=conversation_id).delete()
    if not deleted:
        raise Http404
    messages.success(request, _("The conversation was deleted."))
    return redirect(f"{page.get_url(request)}?new=1")

"""The member's pages (card, linking, own data), the officers' queue, and the public verifier."""

from __future__ import annotations

import json
import os
from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.private_files import private_file_response
from accounts.second_factor import second_factor_redirect

from . import card, rendering
from .forms import CorrectionForm, LinkForm, PhotoForm
from .linking import LinkOutcome, decide, request_link
from .models import CorrectionRequest, LinkRequest, Member, RevokedCard, officer_scope

OFFICER_PAGE_SIZE = 100


def _own_member(request: HttpRequest) -> Member | None:
    return Member.objects.select_related("unit").filter(account=request.user).first()


def member_required(view):
    """Signed in and linked to a member record; otherwise off to the linking page."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        member = _own_member(request)
        if member is None:
            return redirect("members:link")
        return view(request, member, *args, **kwargs)

    return wrapper


def officer_required(view):
    """Signed in as a unit officer (or superuser) who has passed the second factor."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        redirect_response = second_factor_redirect(request)
        if redirect_response is not None:
            return redirect_response
        if not request.user.is_superuser and officer_scope(request.user) is None:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def verify_url(request: HttpRequest, member: Member) -> str:
    query = urlencode({"t": card.sign(card.claims_for(member))})
    return request.build_absolute_uri(f"/card/verify/?{query}")


@member_required
def card_page(request: HttpRequest, member: Member) -> HttpResponse:
    url = verify_url(request, member)
    response = render(
        request,
        "members/card.html",
        {
            "member": member,
            "qr_svg": rendering.qr_svg(url),
            "verify_url": url,
            "refreshed_at": timezone.now(),
            "photo_form": PhotoForm(),
        },
    )
    # The service worker keeps a copy for offline use; shared caches never do.
    response["Cache-Control"] = "private, no-cache"
    return response


@member_required
def card_download(request: HttpRequest, member: Member, kind: str) -> HttpResponse:
    url = verify_url(request, member)
    if kind == "png":
        response = HttpResponse(rendering.card_png(member, url), content_type="image/png")
    else:
        response = HttpResponse(rendering.card_pdf(member, url), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="card-{member.member_number}.{kind}"'
    response["Cache-Control"] = "private, no-store"
    return response


@member_required
@require_GET
def card_portrait(request: HttpRequest, member: Member) -> HttpResponse:
    """The member's own photo, for the card page: nobody else's, and never through a public URL."""
    if not member.photo:
        raise Http404
    return private_file_response(
        request,
        lambda: member.photo.open("rb"),
        os.path.basename(member.photo.name),
        as_staff=False,
        attachment=False,
    )


@member_required
@require_POST
def card_photo(request: HttpRequest, member: Member) -> HttpResponse:
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        old = member.photo.name if member.photo else ""
        member.photo = form.cleaned_data["photo"]
        member.save(update_fields=["photo", "updated_at"])
        if old:
            member.photo.storage.delete(old)
        messages.success(request, _("Your photo is on your card."))
        return redirect("members:card")
    url = verify_url(request, member)
    return render(
        request,
        "members/card.html",
        {
            "member": member,
            "qr_svg": rendering.qr_svg(url),
            "verify_url": url,
            "refreshed_at": timezone.now(),
            "photo_form": form,
        },
        status=400,
    )


def has_verified_contact(user) -> bool:
    """A membership is linked only to an account whose phone or e-mail was proven."""
    from allauth.account.models import EmailAddress

    return user.phone_verified or EmailAddress.objects.filter(user=user, verified=True).exists()


@login_required
def link(request: HttpRequest) -> HttpResponse:
    if _own_member(request) is not None:
        return redirect("members:card")
    if not has_verified_contact(request.user):
        return render(request, "members/verify_contact_first.html", status=403)
    form = LinkForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        outcome = request_link(
            request.user,
            form.member,
            form.cleaned_data["date_of_birth"],
            form.cleaned_data["id_last_four"],
            form.cleaned_data["message"],
        )
        if outcome.outcome == LinkOutcome.LINKED:
            messages.success(request, _("Your account is linked to your membership. Here is your card."))
            return redirect("members:card")
        messages.info(
            request,
            _(
                "The details did not match our records, so we sent your request to your union's "
                "officers. You will see your card once they approve it."
            ),
        )
        return redirect("members:link")
    pending = LinkRequest.objects.filter(user=request.user, status=LinkRequest.Status.PENDING).exists()
    return render(request, "members/link.html", {"form": form, "pending": pending})


def _member_data(member: Member) -> dict:
    return {
        "member_number": member.member_number,
        "full_name": member.full_name,
        "date_of_birth": member.date_of_birth,
        "gender": member.gender,
        "phone": member.phone,
        "email": member.email,
        "unit": {"code": member.unit.code, "name": member.unit.name_vi},
        "date_joined": member.date_joined,
        "status": member.status,
        "card": {"serial": member.card_serial, "valid_until": member.card_expires},
        "photo": bool(member.photo),
        "identity_document": "stored only as a keyed hash" if member.id_document_hash else None,
        "consents": [
            {"given_at": consent.given_at, "statement": consent.statement}
            for consent in member.consents.all()
        ],
        "correction_requests": [
            {
                "field": correction.field,
                "correct_value": correction.correct_value,
                "note": correction.note,
                "status": correction.status,
                "created_at": correction.created_at,
            }
            for correction in member.correction_requests.all()
        ],
    }


@member_required
def my_data(request: HttpRequest, member: Member) -> HttpResponse:
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        correction = form.save(commit=False)
        correction.member = member
        correction.save()
        messages.success(request, _("Your correction request was sent to your union's officers."))
        return redirect("members:my_data")
    return render(
        request,
        "members/my_data.html",
        {
            "member": member,
            "consents": list(member.consents.all()),
            "corrections": list(member.correction_requests.all()),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@member_required
def my_data_json(request: HttpRequest, member: Member) -> HttpResponse:
    body = json.dumps(_member_data(member), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="my-data-{member.member_number}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@officer_required
def officer_requests(request: HttpRequest) -> HttpResponse:
    members = Member.objects.visible_to(request.user)
    pending = (
        LinkRequest.objects.filter(status=LinkRequest.Status.PENDING, member__in=members)
        .select_related("member", "member__unit", "user")
        .order_by("created_at")[:OFFICER_PAGE_SIZE]
    )
    corrections = (
        CorrectionRequest.objects.filter(status=CorrectionRequest.Status.OPEN, member__in=members)
        .select_related("member", "member__unit")
        .order_by("created_at")[:OFFICER_PAGE_SIZE]
    )
    return render(request, "members/officer_requests.html", {"pending": pending, "corrections": corrections})


@officer_required
@require_POST
def officer_decide(request: HttpRequest, pk: int) -> HttpResponse:
    members = Member.objects.visible_to(request.user)
    # Another unit's request is as good as absent: 404, not 403, so nothing leaks.
    link_request = get_object_or_404(LinkRequest, pk=pk, member__in=members)
    decision = request.POST.get("decision")
    if decision not in ("approve", "reject"):
        # Only the two buttons of the page send this: anything else decides nothing.
        return HttpResponseBadRequest(_("Choose to approve or to reject the request."))
    approve = decision == "approve"
    decide(link_request, request.user, approve)
    messages.success(
        request, _("Request approved: the account is linked.") if approve else _("Request rejected.")
    )
    return redirect("members:officer_requests")


# Public verification (no language prefix: a phone camera opens it in the phone's language).


@require_GET
def verify(request: HttpRequest) -> HttpResponse:
    token = request.GET.get("t", "")
    result = card.verify(token) if token else None
    response = render(
        request,
        "members/verify.html",
        {
            "result": result,
            "token": token,
            "public_key": card.public_key_raw_b64url(),
        },
    )
    response["Cache-Control"] = "no-cache"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_GET
def public_key(request: HttpRequest) -> HttpResponse:
    if request.GET.get("format") == "raw":
        return JsonResponse({"alg": "Ed25519", "raw": card.public_key_raw_b64url()})
    return HttpResponse(card.public_key_pem(), content_type="application/x-pem-file")


@require_GET
def revoked(request: HttpRequest) -> JsonResponse:
    """The revocation list for offline checkers: serials only (random, not personal)."""
    serials = list(RevokedCard.objects.order_by("serial").values_list("serial", flat=True))
    return JsonResponse({"updated": timezone.now().isoformat(), "serials": serials})


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    body = render_to_string(
        "members/sw.js",
        {
            "precache": json.dumps(
                ["/card/verify/", static("css/site.css"), static("members/verify.js"), static("js/site.js")]
            )
        },
    )
    response = HttpResponse(body, content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response

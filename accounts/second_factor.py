"""Staff must have passed a second factor (allauth MFA) before they reach the admin.

Wagtail's admin and the officers' pages are the only places that show other
people's data or publish in the federation's name, so the rule is enforced on
those paths: a signed-in user without TOTP is sent to set it up; a session that
was opened without the second factor (for instance by a login path that is not
allauth's) is closed and sent to allauth's login.
"""

from __future__ import annotations

from datetime import UTC, datetime

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _


def passed_second_factor(request: HttpRequest) -> bool:
    """The code was entered at login, or TOTP was set up (code proven) during this session."""
    records = get_authentication_records(request, request.user)
    if any(record.get("method") == "mfa" for record in records):
        return True
    if not records:
        return False
    session_start = min(record.get("at", 0) for record in records)
    return Authenticator.objects.filter(
        user=request.user,
        type=Authenticator.Type.TOTP,
        created_at__gte=datetime.fromtimestamp(session_start, tz=UTC),
    ).exists()


def second_factor_redirect(request: HttpRequest) -> HttpResponseRedirect | None:
    """Where a staff request must go first, or None when it may proceed."""
    user = request.user
    if not settings.STAFF_REQUIRE_MFA or not user.is_authenticated:
        return None
    if passed_second_factor(request):
        return None
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        messages.warning(
            request, _("Staff accounts need a second factor: set up an authenticator app to continue.")
        )
        return HttpResponseRedirect(reverse("mfa_activate_totp"))
    logout(request)
    return HttpResponseRedirect(f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}")


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if request.path.startswith(settings.STAFF_MFA_PATHS):
            redirect = second_factor_redirect(request)
            if redirect is not None:
                return redirect
        return self.get_response(request)

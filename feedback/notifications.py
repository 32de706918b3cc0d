"""What members and officers are told, by e-mail (Django's mail) or SMS (accounts.sms).

Called from background tasks (tasks.py), never inside a request."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.sms import send_sms
from federations.models import UnitOfficer

from .models import Case


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def officer_addresses(unit_id: int) -> list[str]:
    emails = UnitOfficer.objects.filter(unit_id=unit_id, user__is_active=True).values_list(
        "user__email", flat=True
    )
    return sorted({email for email in emails if email})


def tell_officers(case: Case, unit_id: int, subject: str, body: str) -> int:
    addresses = officer_addresses(unit_id)
    if addresses:
        send_mail(subject, f"{body}\n\n{_absolute(case.get_admin_url())}", None, addresses)
    return len(addresses)


def tell_member(case: Case, text: str) -> str:
    """E-mail if the member has an address, else SMS; nothing for anonymous cases. Returns the channel."""
    member = case.member
    if case.anonymous or member is None:
        return ""
    account = member.account
    email = (account.email if account else "") or member.email
    phone = (getattr(account, "phone", "") if account else "") or member.phone
    with translation.override(settings.LANGUAGE_CODE):
        url = _absolute(case.get_member_url())  # reversed in the site's language: /vi/…
        if email:
            subject = _("Your request %(code)s") % {"code": case.tracking_code}
            send_mail(subject, f"{text}\n\n{url}", None, [email])
            return "email"
        if phone:
            send_sms(phone, f"{text} {url}")
            return "sms"
    return ""

"""allauth adapter: phone numbers live on `User.phone`; codes go out through `accounts.sms`."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model
from django.utils.translation import gettext

from .phones import LocalPhoneField, normalize_phone
from .sms import send_sms


class AccountAdapter(DefaultAccountAdapter):
    def phone_form_field(self, **kwargs):
        return LocalPhoneField(**kwargs)

    def clean_phone(self, phone: str) -> str:
        return normalize_phone(phone)

    def set_phone(self, user, phone: str, verified: bool) -> None:
        user.phone = normalize_phone(phone)
        user.phone_verified = verified
        user.save(update_fields=["phone", "phone_verified"])

    def get_phone(self, user) -> tuple[str, bool] | None:
        if not user.phone:
            return None
        return user.phone, user.phone_verified

    def set_phone_verified(self, user, phone: str) -> None:
        if user.phone == normalize_phone(phone):
            user.phone_verified = True
            user.save(update_fields=["phone_verified"])

    def get_user_by_phone(self, phone: str):
        return get_user_model().objects.filter(phone=normalize_phone(phone)).order_by("pk").first()

    def send_verification_code_sms(self, user, phone: str, code: str, **kwargs) -> None:
        send_sms(phone, gettext("Your Trade Union Portal code is %(code)s") % {"code": code})

    def send_unknown_account_sms(self, phone: str, **kwargs) -> None:
        send_sms(
            phone, gettext("Someone asked for a Trade Union Portal code, but no account uses this number.")
        )

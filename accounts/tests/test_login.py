"""Sign-up and login by phone or e-mail, verification, and the staff second factor."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from accounts.sms import MemorySMSBackend

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "Lao-dong-2026!"


@pytest.fixture(autouse=True)
def empty_outbox():
    MemorySMSBackend.outbox.clear()
    from django.core.cache import cache

    cache.clear()


def _signup(client, **fields):
    return client.post(reverse("account_signup"), {"password1": PASSWORD, "password2": PASSWORD, **fields})


def test_sign_up_with_a_national_phone_number_asks_for_the_sms_code_then_verifies_it(client):
    response = _signup(client, phone="0912 345 678")
    assert response.status_code == 302
    user = User.objects.get(phone="+84912345678")
    assert not user.phone_verified
    phone, text = MemorySMSBackend.outbox[-1]
    assert phone == "+84912345678"
    code = text.rsplit(" ", 1)[-1]
    response = client.post(reverse("account_verify_phone"), {"code": code})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.phone_verified


def test_a_wrong_sms_code_is_refused_and_the_number_stays_unverified(client):
    _signup(client, phone="0912345679")
    response = client.post(reverse("account_verify_phone"), {"code": "WRONG1"})
    assert response.status_code == 200
    assert not User.objects.get(phone="+84912345679").phone_verified


def test_sign_up_with_an_e_mail_sends_a_verification_link_that_verifies_it(client):
    response = _signup(client, email="lan@example.org")
    assert response.status_code == 302
    link = re.search(r"https?://\S+/confirm-email/\S+", mail.outbox[-1].body).group(0)
    client.post(link.split("testserver")[-1])
    assert EmailAddress.objects.get(email="lan@example.org").verified


def test_sign_up_without_phone_or_e_mail_says_what_is_missing_and_keeps_nothing(client, english):
    response = client.post("/en/accounts/signup/", {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 200
    assert "Enter a phone number or an e-mail address" in response.content.decode()
    assert not User.objects.exists()


def test_a_member_logs_in_with_the_phone_number_as_typed_on_a_phone(client):
    User.objects.create_user("m1", password=PASSWORD, phone="+84987654321", phone_verified=True)
    response = client.post(reverse("account_login"), {"login": "098 765 4321", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id")


def test_a_member_logs_in_with_the_e_mail_address(client):
    user = User.objects.create_user("m2", "hoa@example.org", PASSWORD)
    EmailAddress.objects.create(user=user, email="hoa@example.org", verified=True, primary=True)
    response = client.post(reverse("account_login"), {"login": "hoa@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_repeated_failed_logins_are_rate_limited(client):
    User.objects.create_user("m3", password=PASSWORD, phone="+84911111111")
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "0911111111", "password": "wrong"})
    response = client.post(reverse("account_login"), {"login": "0911111111", "password": PASSWORD})
    assert not client.session.get("_auth_user_id")
    assert response.status_code in (200, 429)


def test_wagtails_admin_login_form_redirects_to_the_portals_login():
    from django.test import Client

    response = Client().get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert "next=/admin/" in response["Location"]


def _staff(db):
    from django.contrib.auth.models import Permission

    user = User.objects.create_user("staff", "staff@example.org", PASSWORD)
    EmailAddress.objects.create(user=user, email="staff@example.org", verified=True, primary=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@override_settings(STAFF_REQUIRE_MFA=True)
def test_staff_without_a_second_factor_are_sent_to_set_one_up_before_the_admin(client, db):
    _staff(db)
    client.post(reverse("account_login"), {"login": "staff@example.org", "password": PASSWORD})
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


@override_settings(STAFF_REQUIRE_MFA=True)
def test_staff_with_totp_must_enter_the_code_and_then_reach_the_admin(client, db):
    user = _staff(db)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    response = client.post(reverse("account_login"), {"login": "staff@example.org", "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302  # not signed in yet
    import time

    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@override_settings(STAFF_REQUIRE_MFA=True)
def test_a_session_opened_without_the_second_factor_is_closed_at_the_admin(client, db):
    user = _staff(db)
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert "_auth_user_id" not in client.session


@override_settings(STAFF_REQUIRE_MFA=True)
def test_setting_up_totp_gives_recovery_codes_and_opens_the_admin(client, db):
    user = _staff(db)
    client.post(reverse("account_login"), {"login": "staff@example.org", "password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    if page.status_code == 302:  # allauth asks for the password again before security changes
        client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
        page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    import time

    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post(reverse("mfa_activate_totp"), {"code": code})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists()
    assert client.get("/admin/").status_code == 200

"""The signed card token, the public checker, the card page and its downloads."""

import base64
import datetime
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from members import card
from members.models import Member, RevokedCard


def _tamper(token: str, **changes) -> str:
    payload, signature = token.split(".")
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data.update(changes)
    encoded = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    return f"{encoded}.{signature}"


def test_a_genuine_card_verifies_with_its_claims(member):
    result = card.verify(card.sign(card.claims_for(member)))
    assert result.verdict == card.Verdict.VALID
    assert result.claims.name == "Nguyễn Thị Hằng"
    assert result.claims.unit_code == "HN-CG-01"


@pytest.mark.parametrize(
    "field,value",
    [("m", "Trần Văn Giả"), ("e", "2099-12-31"), ("u", "HCM"), ("s", "0000000000000000"), ("n", "X1")],
)
def test_changing_any_field_of_a_token_makes_it_not_a_valid_card(member, field, value):
    token = _tamper(card.sign(card.claims_for(member)), **{field: value})
    assert card.verify(token).verdict == card.Verdict.INVALID


@pytest.mark.parametrize("token", ["", "abc", "a.b", "a.b.c", "!!!.???", "x" * 5000])
def test_garbage_and_truncated_tokens_are_not_valid_cards(member, token):
    assert card.verify(token).verdict == card.Verdict.INVALID
    genuine = card.sign(card.claims_for(member))
    assert card.verify(genuine[:-10]).verdict == card.Verdict.INVALID


def test_a_token_signed_with_another_key_is_forged(member):
    other = base64.b64encode(Ed25519PrivateKey.generate().private_bytes_raw()).decode()
    with override_settings(CARD_SIGNING_KEY=other):
        forged = card.sign(card.claims_for(member))
    assert card.verify(forged).verdict == card.Verdict.INVALID


def test_an_expired_card_says_expired(member):
    member.card_expires = datetime.date(2020, 1, 1)
    member.save()
    assert card.verify(card.sign(card.claims_for(member))).verdict == card.Verdict.EXPIRED


def test_suspending_a_member_revokes_the_card_at_once(member):
    token = card.sign(card.claims_for(member))
    member.status = Member.Status.SUSPENDED
    member.save()
    assert card.verify(token).verdict == card.Verdict.REVOKED
    assert RevokedCard.objects.get(serial=member.card_serial).reason == "suspended"


def test_reissuing_gives_a_new_serial_and_the_old_card_stops_verifying(member):
    old_token = card.sign(card.claims_for(member))
    old_serial = member.card_serial
    member.reissue_card()
    assert member.card_serial != old_serial
    assert card.verify(old_token).verdict == card.Verdict.REVOKED
    assert card.verify(card.sign(card.claims_for(member))).verdict == card.Verdict.VALID


def test_the_published_public_key_checks_the_signature(client, member):
    pem = client.get("/card/public-key").content
    payload, signature = card.sign(card.claims_for(member)).split(".")
    key = load_pem_public_key(pem)
    key.verify(card._b64decode(signature), card._b64decode(payload))  # raises if wrong
    raw = client.get("/card/public-key?format=raw").json()["raw"]
    assert raw == card.public_key_raw_b64url()


def test_the_checker_page_shows_only_name_unit_and_expiry(client, member, django_assert_max_num_queries):
    token = card.sign(card.claims_for(member))
    with django_assert_max_num_queries(12):
        response = client.get("/card/verify/", {"t": token}, HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Valid membership card" in body
    assert "Nguyễn Thị Hằng" in body
    assert "HN0000001" not in body  # the member number is not shown
    assert "1990" not in body  # nor the date of birth


def test_a_forged_token_on_the_checker_page_says_not_a_valid_card_never_an_error(client, member):
    token = _tamper(card.sign(card.claims_for(member)), m="Someone Else")
    response = client.get("/card/verify/", {"t": token}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Not a valid card" in response.content.decode()
    assert "Someone Else" not in response.content.decode()


def test_the_revocation_list_lists_revoked_serials(client, member):
    member.status = Member.Status.LEFT
    member.save()
    assert member.card_serial in client.get("/card/revoked.json").json()["serials"]


def test_the_service_worker_may_control_the_whole_site(client, db):
    response = client.get("/card/sw.js")
    assert response["Service-Worker-Allowed"] == "/"
    assert "/card/verify/" in response.content.decode()


def test_the_card_page_shows_the_card_with_its_qr_code(client, linked, django_assert_max_num_queries):
    client.force_login(linked.account)
    client.get(reverse("members:card"))  # warm the site-wide caches (site, settings, footer)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("members:card"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nguyễn Thị Hằng" in body and "HN0000001" in body
    assert "<svg" in body
    assert "/card/verify/?t=" in body
    assert 'data-refreshed="' in body


def test_a_lapsed_membership_shows_no_qr_code(client, linked):
    linked.status = Member.Status.SUSPENDED
    linked.save()
    client.force_login(linked.account)
    body = client.get(reverse("members:card")).content.decode()
    assert "<svg" not in body


def test_the_card_page_asks_an_unlinked_account_to_link_and_a_visitor_to_log_in(client, units):
    from members.tests.conftest import verified_user

    response = client.get(reverse("members:card"))
    assert "/accounts/login/" in response["Location"]
    client.force_login(verified_user("newcomer"))
    assert client.get(reverse("members:card"))["Location"] == reverse("members:link")


def test_the_card_downloads_as_png_and_pdf(client, linked):
    client.force_login(linked.account)
    png = client.get(reverse("members:card_png"))
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")
    pdf = client.get(reverse("members:card_pdf"))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert "attachment" in pdf["Content-Disposition"]


def _png_bytes() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (30, 40), "red").save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_photo_goes_on_the_card(client, linked, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "public"
    client.force_login(linked.account)
    response = client.post(
        reverse("members:card_photo"),
        {"photo": SimpleUploadedFile("Nguyen Van A.png", _png_bytes(), "image/png")},
    )
    assert response.status_code == 302
    linked.refresh_from_db()
    assert linked.photo.name.endswith(".png") and "Nguyen" not in linked.photo.name
    page = client.get(reverse("members:card")).content.decode()
    assert reverse("members:card_portrait") in page
    portrait = client.get(reverse("members:card_portrait"))
    assert portrait.status_code == 200 and portrait["Content-Type"] == "image/png"
    assert b"".join(portrait.streaming_content) == _png_bytes()


def test_a_photo_is_personal_data_with_no_public_address(
    client, linked, settings, tmp_path, django_user_model
):
    """Stored outside MEDIA_ROOT (which the web server publishes), seen only by its member."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "public"
    client.force_login(linked.account)
    client.post(
        reverse("members:card_photo"), {"photo": SimpleUploadedFile("me.png", _png_bytes(), "image/png")}
    )
    linked.refresh_from_db()
    assert not list((tmp_path / "public").rglob("*.png"))
    assert len(list((tmp_path / "private").rglob("*.png"))) == 1
    with pytest.raises(ValueError):
        _ = linked.photo.url
    client.logout()
    assert client.get(reverse("members:card_portrait")).status_code == 302  # to the login page
    client.force_login(django_user_model.objects.create_user("someone", password="x"))
    assert client.get(reverse("members:card_portrait")).status_code != 200


def test_a_file_that_is_not_a_photo_is_refused(client, linked, settings, tmp_path, english):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    client.force_login(linked.account)
    response = client.post(
        "/en/members/card/photo/",
        {"photo": SimpleUploadedFile("me.png", b"%PDF-1.4 not an image", "image/png")},
    )
    assert response.status_code == 400
    linked.refresh_from_db()
    assert not linked.photo


def test_an_oversized_photo_is_refused_with_the_limit(client, linked, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    settings.MEMBER_PHOTO_MAX_BYTES = 10
    client.force_login(linked.account)
    response = client.post(
        "/en/members/card/photo/", {"photo": SimpleUploadedFile("me.png", _png_bytes(), "image/png")}
    )
    assert response.status_code == 400
    assert "too large" in response.content.decode()

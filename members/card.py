"""The card token: a compact payload signed with Ed25519, carried in the card's QR code.

Token = base64url(payload JSON) "." base64url(signature). The payload holds only what a
checker needs: card serial, member number, name, unit code and expiry. Anyone with the
published public key can check the signature, offline too (the verify page does it in
the browser); the revocation list catches suspended, ended and reissued cards.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

MAX_TOKEN_LENGTH = 600


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@lru_cache(maxsize=4)
def _private_key(encoded: str) -> Ed25519PrivateKey:
    try:
        raw = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as error:
        raise ImproperlyConfigured("CARD_SIGNING_KEY is not valid base64.") from error
    if len(raw) != 32:
        raise ImproperlyConfigured("CARD_SIGNING_KEY must decode to 32 bytes.")
    return Ed25519PrivateKey.from_private_bytes(raw)


def signing_key() -> Ed25519PrivateKey:
    if not settings.CARD_SIGNING_KEY:
        raise ImproperlyConfigured("CARD_SIGNING_KEY is not set.")
    return _private_key(settings.CARD_SIGNING_KEY)


def public_key() -> Ed25519PublicKey:
    return signing_key().public_key()


def public_key_raw_b64url() -> str:
    """The 32-byte public key, base64url: what the browser imports to verify offline."""
    return _b64encode(public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def public_key_pem() -> str:
    return public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode("ascii")


@dataclass(frozen=True)
class CardClaims:
    serial: str
    member_number: str
    name: str
    unit_code: str
    expires: date

    def payload(self) -> bytes:
        data = {
            "s": self.serial,
            "n": self.member_number,
            "m": self.name,
            "u": self.unit_code,
            "e": self.expires.isoformat(),
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def claims_for(member) -> CardClaims:
    return CardClaims(
        serial=member.card_serial,
        member_number=member.member_number,
        name=member.full_name,
        unit_code=member.unit.code,
        expires=member.card_expires,
    )


def sign(claims: CardClaims) -> str:
    payload = claims.payload()
    return f"{_b64encode(payload)}.{_b64encode(signing_key().sign(payload))}"


class InvalidToken(Exception):
    """Truncated, altered, or signed with another key."""


def read(token: str) -> CardClaims:
    """The claims of a genuine token; InvalidToken for anything else (never another error)."""
    token = (token or "").strip()
    if not token or len(token) > MAX_TOKEN_LENGTH or token.count(".") != 1:
        raise InvalidToken
    encoded_payload, encoded_signature = token.split(".")
    try:
        payload = _b64decode(encoded_payload)
        signature = _b64decode(encoded_signature)
        public_key().verify(signature, payload)
        data = json.loads(payload.decode("utf-8"))
        return CardClaims(
            serial=str(data["s"]),
            member_number=str(data["n"]),
            name=str(data["m"]),
            unit_code=str(data["u"]),
            expires=date.fromisoformat(data["e"]),
        )
    except (InvalidSignature, ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError) as error:
        raise InvalidToken from error


class Verdict:
    VALID = "valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    INVALID = "invalid"


@dataclass(frozen=True)
class Verification:
    verdict: str
    claims: CardClaims | None = None


def verify(token: str, today: date | None = None) -> Verification:
    """Signature, then revocation list, then expiry: one indexed query at most."""
    from .models import RevokedCard

    try:
        claims = read(token)
    except InvalidToken:
        return Verification(Verdict.INVALID)
    if RevokedCard.objects.filter(serial=claims.serial).exists():
        return Verification(Verdict.REVOKED, claims)
    if claims.expires < (today or timezone.localdate()):
        return Verification(Verdict.EXPIRED, claims)
    return Verification(Verdict.VALID, claims)

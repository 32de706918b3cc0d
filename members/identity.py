"""Identity document numbers are kept only as keyed hashes (HMAC-SHA256).

Two hashes per member: the whole number (to match a person across imports) and the
last four digits salted with the member number (what a member types to link an
account). Without the key neither can be reversed by trying every number.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from django.conf import settings


def _key() -> bytes:
    return (settings.MEMBER_ID_HASH_KEY or f"member-id:{settings.SECRET_KEY}").encode()


def normalize_document_number(value: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", (value or "").upper())


def document_hash(document_number: str) -> str:
    return hmac.new(_key(), normalize_document_number(document_number).encode(), hashlib.sha256).hexdigest()


def last_four_hash(member_number: str, last_four: str) -> str:
    message = f"{member_number}:{normalize_document_number(last_four)[-4:]}".encode()
    return hmac.new(_key(), message, hashlib.sha256).hexdigest()


def hashes_for(member_number: str, document_number: str) -> tuple[str, str]:
    """(whole-number hash, last-four hash) of a document number; empty when there is none."""
    number = normalize_document_number(document_number)
    if not number:
        return "", ""
    return document_hash(number), last_four_hash(member_number, number[-4:])

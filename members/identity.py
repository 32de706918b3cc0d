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

_NOT_DOCUMENT_CHARACTER = re.compile(r"[^0-9A-Z]")


def _key() -> bytes:
    return (settings.MEMBER_ID_HASH_KEY or f"member-id:{settings.SECRET_KEY}").encode()


def normalize_document_number(value: str) -> str:
    value = (value or "").upper()
    if value.isascii() and value.isalnum():  # the usual case: nothing to strip
        return value
    return _NOT_DOCUMENT_CHARACTER.sub("", value)


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


class DocumentHasher:
    """`hashes_for` for bulk loads: the same HMAC-SHA256 values, about twice as fast.

    HMAC hashes the key-padded inner and outer blocks first for every message; here they are
    hashed once and copied per message, which is what a million-row import spends its time on.
    """

    def __init__(self, key: bytes | None = None):
        key = key if key is not None else _key()
        block = hashlib.sha256().block_size
        if len(key) > block:
            key = hashlib.sha256(key).digest()
        key = key.ljust(block, b"\0")
        self._inner = hashlib.sha256(bytes(byte ^ 0x36 for byte in key))
        self._outer = hashlib.sha256(bytes(byte ^ 0x5C for byte in key))

    def _hmac(self, message: bytes) -> str:
        inner = self._inner.copy()
        inner.update(message)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()

    def hashes(self, member_number: str, document_number: str) -> tuple[str, str]:
        number = normalize_document_number(document_number)
        if not number:
            return "", ""
        return self._hmac(number.encode()), self._hmac(f"{member_number}:{number[-4:]}".encode())

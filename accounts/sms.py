"""Pluggable SMS sending. `SMS_BACKEND` names a class with `send(phone, text)`.

The default writes the text to the log (development); a deployment plugs in its
operator's gateway. `MemorySMSBackend` keeps messages in `outbox` for tests.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("accounts.sms")


class LogSMSBackend:
    def send(self, phone: str, text: str) -> None:
        logger.warning("SMS to %s: %s", phone, text)


class MemorySMSBackend:
    outbox: list[tuple[str, str]] = []

    def send(self, phone: str, text: str) -> None:
        MemorySMSBackend.outbox.append((phone, text))


def send_sms(phone: str, text: str) -> None:
    import_string(settings.SMS_BACKEND)().send(phone, text)

"""The assistant's settings: a Django setting of the same name wins, else the environment."""

from __future__ import annotations

import os

from django.conf import settings

DEFAULTS = {
    # Answers whose match scores below this (0–1) are not given: the assistant says it does not know.
    "ASSISTANT_THRESHOLD": "0.5",
    # Questions a member may ask per minute and per day.
    "ASSISTANT_LIMIT_PER_MINUTE": "6",
    "ASSISTANT_LIMIT_PER_DAY": "100",
    # An OpenAI-compatible chat-completions endpoint that rephrases answers; empty = off.
    "ASSISTANT_LLM_URL": "",
    "ASSISTANT_LLM_KEY": "",
    "ASSISTANT_LLM_MODEL": "gpt-4o-mini",
    "ASSISTANT_LLM_TIMEOUT": "8",
}


def get(name: str) -> str:
    if hasattr(settings, name):
        return str(getattr(settings, name))
    return os.environ.get(name, DEFAULTS[name])


def threshold() -> float:
    return float(get("ASSISTANT_THRESHOLD"))

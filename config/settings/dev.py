"""Local development: `make run` uses this."""

import base64
import hashlib
import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# A development-only key; production.py never accepts it.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-insecure-key-only-for-make-run"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# A development-only card key derived from the development secret; production needs its own.
CARD_SIGNING_KEY = (
    os.environ.get("CARD_SIGNING_KEY")
    or base64.b64encode(hashlib.sha256(f"card:{SECRET_KEY}".encode()).digest()).decode()
)

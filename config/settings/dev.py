"""Local development: `make run` uses this."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# A development-only key; production.py never accepts it.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-insecure-key-only-for-make-run"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405

"""Production: every security-relevant value must come from the environment."""

import base64
import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 40 or SECRET_KEY.startswith(("dev-", "test-", "change-me")):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 40 characters in production."
    )
DEBUG = False
if not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

try:
    _card_key = base64.b64decode(os.environ.get("CARD_SIGNING_KEY", ""), validate=True)
except ValueError:
    _card_key = b""
if len(_card_key) != 32:
    raise ImproperlyConfigured(
        "CARD_SIGNING_KEY must be set to the base64 of 32 random bytes in production "
        '(python -c "import os, base64; print(base64.b64encode(os.urandom(32)).decode())").'
    )
STAFF_REQUIRE_MFA = True

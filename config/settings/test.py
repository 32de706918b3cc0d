"""The test suite: fast hasher, in-memory cache, immediate tasks."""

import base64
import hashlib

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if not REDIS_URL:  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
CARD_SIGNING_KEY = base64.b64encode(hashlib.sha256(b"card:test-only-key").digest()).decode()
# Other apps' tests sign staff in with force_login; the members and accounts tests that
# prove the second factor turn this on with override_settings.
STAFF_REQUIRE_MFA = False
SMS_BACKEND = "accounts.sms.MemorySMSBackend"

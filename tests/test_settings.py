"""Deploy settings read from the environment, checked in a fresh interpreter each time."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k" * 50
GOOD_CARD_KEY = "Y2FyZC1rZXktZm9yLXRlc3RzLW9ubHktMzJieXRlcyE="


def run_with(settings_module: str, code: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"}
    }
    environment.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    script = f"import django; django.setup(); {code}"
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with("config.settings.production", "print('started')", ALLOWED_HOSTS="portal.example")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_the_development_key():
    result = run_with(
        "config.settings.production",
        "print('started')",
        SECRET_KEY="dev-insecure-key-only-for-make-run-xxxxxxxxxxxxxxxxxxxxx",
        ALLOWED_HOSTS="portal.example",
    )

    assert result.returncode != 0


def test_production_starts_with_a_real_key_and_hosts():
    result = run_with(
        "config.settings.production",
        "from django.conf import settings; print(settings.DEBUG, settings.ALLOWED_HOSTS)",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="portal.example,www.portal.example",
        CARD_SIGNING_KEY=GOOD_CARD_KEY,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['portal.example', 'www.portal.example']"


def test_production_refuses_to_start_without_the_card_signing_key():
    result = run_with(
        "config.settings.production",
        "print('started')",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="portal.example",
        CARD_SIGNING_KEY="too-short",
    )

    assert result.returncode != 0
    assert "CARD_SIGNING_KEY" in result.stderr


def test_database_url_selects_postgresql():
    result = run_with(
        "config.settings.production",
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="x",
        DATABASE_URL="postgres://u@127.0.0.1:5432/portal",
        CARD_SIGNING_KEY=GOOD_CARD_KEY,
    )

    assert result.stdout.strip() == "django.db.backends.postgresql"


def redis_is_up() -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


def test_redis_url_puts_cache_and_sessions_in_redis():
    if not redis_is_up():
        pytest.fail("Redis must run on 127.0.0.1:6379 for this suite (see README)")
    code = (
        "from django.conf import settings; from django.core.cache import cache; "
        "cache.set('settings-test', 'shared', 30); "
        "print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE, cache.get('settings-test'))"
    )

    result = run_with("config.settings.dev", code, REDIS_URL="redis://127.0.0.1:6379/15")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "django.contrib.sessions.backends.cache",
        "shared",
    ]

"""Settings for bench/contest_load.py: development settings without DEBUG, plus the baseline URL.

SQLite gets what a multi-process server needs (WAL, a busy timeout, BEGIN IMMEDIATE
so concurrent writers queue instead of failing on lock upgrades).
"""

from config.settings.dev import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bench.contests_urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {  # noqa: F405
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

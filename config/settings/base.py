"""Settings shared by every environment.

Every value that differs between deployments is read from the environment
(see `.env.example`); `production.py` refuses to start without the ones that
matter for security.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The portal's own apps (one per domain, see DESIGN.md)
    "accounts",
    "federations",
    "members",
    "home",
    "search",
    "news",
    "contests",
    "stats",
    "legal_library",
    "jobs",
    "feedback",
    "assistant",
    "demo",
    # Wagtail and friends
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.second_factor.StaffSecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite is the embedded default; DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    # Unit officers reach the admin (their members only) without a staff group.
    "members.auth.OfficerAdminAccessBackend",
]

# Accounts (django-allauth, server-rendered): members sign up with a phone number or an
# e-mail address (either, see accounts.forms); staff also keep their usernames.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.PhoneOrEmailSignupForm"}
ACCOUNT_LOGIN_METHODS = {"username", "email", "phone"}
ACCOUNT_SIGNUP_FIELDS = ["phone", "email", "password1*", "password2*"]
# E-mail is verified by link; "mandatory" would need an e-mail from everyone, and many
# members have none. A phone number is verified by SMS code during sign-up. Linking a
# membership needs a verified phone or e-mail (members.views.link).
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_PHONE_VERIFICATION_ENABLED = True
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = True
# A member who forgot the password of a phone-only account logs in by an SMS code.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "account_login"
# Sign-up fields are both optional (one of the two is required by the form), which
# allauth's cross-check cannot see.
SILENCED_SYSTEM_CHECKS = ["account.W001"]
# allauth's defaults, stated: they count in the default cache, Redis when REDIS_URL is set.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_phone": "1/m/user",
    "verify_phone": "1/30s/key",
    "request_login_code": "20/m/ip,3/m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = os.environ.get("SITE_NAME", "Cổng thông tin Công đoàn")
# Staff (anyone who reaches these paths) must have passed a second factor.
STAFF_REQUIRE_MFA = env_bool("STAFF_REQUIRE_MFA", True)
# (members' officer views check the same rule in their own decorator.)
STAFF_MFA_PATHS = ("/admin/",)
WAGTAILADMIN_LOGIN_URL = "account_login"
# SMS: the default backend writes codes to the log; plug in the operator's gateway here.
SMS_BACKEND = os.environ.get("SMS_BACKEND", "accounts.sms.LogSMSBackend")
PHONE_COUNTRY_CODE = os.environ.get("PHONE_COUNTRY_CODE", "+84")
# Contests, PostgreSQL: database connections that build a closing round's boards side by
# side (1: one after the other). See contests/README.md.
CONTESTS_RANKING_CONNECTIONS = int(os.environ.get("CONTESTS_RANKING_CONNECTIONS", "2"))

# Languages: Vietnamese first and default. The list can be narrowed or extended
# with PORTAL_LANGUAGES (codes from ALL_LANGUAGES below).
ALL_LANGUAGES = {
    "vi": _("Vietnamese"),
    "en": _("English"),
    "ja": _("Japanese"),
    "ko": _("Korean"),
    "zh-hans": _("Simplified Chinese"),
}
LANGUAGE_CODE = "vi"
LANGUAGES = [(code, ALL_LANGUAGES[code]) for code in env_list("PORTAL_LANGUAGES", "vi,en,ja")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [SITE_DIR / "locale"]
# Translated pages stay drafts until a translator finishes them.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Cache and sessions: local memory unless REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Search: Wagtail's database backend unless ELASTICSEARCH_URL is set.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX = os.environ.get("ELASTICSEARCH_INDEX", "portal")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX": ELASTICSEARCH_INDEX,
            "TIMEOUT": 10,
        }
    }
else:
    # Wagtail's database backend; on PostgreSQL with the `vi_unaccent` configuration (search/backend.py).
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
# The portal's own search index (search/) uses the same ELASTICSEARCH_URL; its index is
# "<ELASTICSEARCH_INDEX>-documents", an alias swapped to a new index on every full reindex.

# Background work: a database-backed worker (`manage.py db_worker`) by default.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# E-mail
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Cổng thông tin Công đoàn")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "csv", "odt", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("MAX_UPLOAD_MB", "20")) * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("MAX_IMAGE_UPLOAD_MB", "10")) * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Behind a reverse proxy the client address comes from this header (e.g.
# HTTP_X_FORWARDED_FOR); empty means REMOTE_ADDR is trusted as is.
TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER", "")
# allauth reads the header by its HTTP name (X-Forwarded-For), not the META key.
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = (
    TRUSTED_CLIENT_IP_HEADER.removeprefix("HTTP_").replace("_", "-").title() or None
)

# The membership card: Ed25519 private key, base64 of the raw 32 bytes. dev/test derive
# one; production refuses to start without it.
CARD_SIGNING_KEY = os.environ.get("CARD_SIGNING_KEY", "")
CARD_VALIDITY_YEARS = int(os.environ.get("CARD_VALIDITY_YEARS", "5"))
# Key of the hashes of identity document numbers (never stored in clear). Changing it
# makes every stored hash unmatched: set it once. Empty: derived from SECRET_KEY.
MEMBER_ID_HASH_KEY = os.environ.get("MEMBER_ID_HASH_KEY", "")
MEMBER_PHOTO_MAX_BYTES = int(os.environ.get("MEMBER_PHOTO_MAX_MB", "3")) * 1024 * 1024
# Files no public URL serves (job applicants' CVs): only permission-checked views read them.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
JOB_CV_MAX_BYTES = int(os.environ.get("JOB_CV_MAX_MB", "5")) * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # Wagtail logs every publish at INFO: too chatty for imports and demo loads.
        "wagtail": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django_tasks": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

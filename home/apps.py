from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_locales(**kwargs) -> None:
    """One Wagtail locale per configured language, so editors can translate at once."""
    from django.conf import settings
    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site shell")

    def ready(self) -> None:
        from . import shell_cache  # noqa: F401  (connects the cache's signal receivers)

        post_migrate.connect(ensure_locales, sender=self)

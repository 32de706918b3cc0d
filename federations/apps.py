from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FederationsConfig(AppConfig):
    name = "federations"
    verbose_name = _("Federation units")

    def ready(self) -> None:
        from . import signals  # noqa: F401

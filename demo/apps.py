from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content written for this project. It may import any app; no app imports it."""

    name = "demo"
    verbose_name = _("Demo content")

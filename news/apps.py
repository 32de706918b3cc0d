from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News, announcements and resolutions")

    def ready(self):
        from search.registry import register

        from . import signals  # noqa: F401
        from .models import AnnouncementPage, NewsArticlePage, ResolutionPage

        register(NewsArticlePage, label=_("News"))
        register(ResolutionPage, label=_("Resolutions"))
        register(AnnouncementPage, label=_("Announcements"))

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "stats"
    verbose_name = _("Statistics")
    # Read by home.blocks.BaseStreamBlock: news articles can show a dataset's chart without
    # importing this app. Live indicators are left out on purpose: an article is dated, and
    # figures that change after publication would contradict its text.
    article_body_blocks = {"chart": "stats.blocks.ChartBlock"}

    def ready(self) -> None:
        from .indicators import load_indicator_modules

        load_indicator_modules()

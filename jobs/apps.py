from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = _("Jobs")

    def ready(self):
        from wagtail.signals import page_published

        from search.registry import register

        from .models import JobPostPage
        from .signals import queue_saved_search_notices

        register(JobPostPage, label=_("Jobs"))
        page_published.connect(
            queue_saved_search_notices, sender=JobPostPage, dispatch_uid="jobs_saved_searches"
        )

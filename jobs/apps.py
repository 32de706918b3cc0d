from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = _("Jobs")

    def ready(self):
        from search.registry import register

        from .models import JobPostPage

        register(JobPostPage, label=_("Jobs"))

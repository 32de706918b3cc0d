from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalLibraryConfig(AppConfig):
    name = "legal_library"
    verbose_name = _("Legal library")

    def ready(self):
        from search.registry import register

        from .models import LegalDocumentPage, LegalQAPage, Provision
        from .search import articles_queryset, document_for_article

        register(LegalDocumentPage, label=_("Legal documents"))
        register(
            Provision,
            label=_("Articles of law"),
            kind="legal_library.article",
            queryset=articles_queryset,
            document=document_for_article,
        )
        register(LegalQAPage, label=_("Legal Q&A"))

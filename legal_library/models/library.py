from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class LegalLibraryPage(Page):
    """The legal library of a section: search with facets over its documents."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    template = "legal_library/legal_library_page.html"
    parent_page_types = ["federations.FederationPage", "home.HomePage"]
    subpage_types = [
        "legal_library.LegalDocumentPage",
        "legal_library.LegalTopicPage",
        "assistant.AssistantPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("legal library")
        verbose_name_plural = _("legal libraries")

    def route(self, request, path_components):
        # A document is fetched with its type and file in one query: Wagtail's routing would
        # load the generic page, then the specific one, and the view would fetch it again.
        if len(path_components) == 1:
            from .document import LegalDocumentPage

            document = (
                LegalDocumentPage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("document_type", "official_file")
                .first()
            )
            if document is not None:
                return document.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from ..views import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(self, request))
        return context


class LegalTopicPage(Page):
    """A topic (wages, dismissal…): its documents and the Q&A scenarios under it."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    template = "legal_library/legal_topic_page.html"
    parent_page_types = ["legal_library.LegalLibraryPage"]
    subpage_types = ["legal_library.LegalQAPage"]

    class Meta:
        verbose_name = _("legal topic")
        verbose_name_plural = _("legal topics")

    def get_context(self, request, *args, **kwargs):
        from .document import LegalDocumentPage
        from .qa import LegalQAPage

        context = super().get_context(request, *args, **kwargs)
        context["documents"] = (
            LegalDocumentPage.objects.live()
            .public()
            .filter(topics=self)
            .select_related("document_type")
            .order_by("-date_issued")
        )
        context["scenarios"] = LegalQAPage.objects.live().public().child_of(self).order_by("title")
        return context

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import DocumentType, LegalDocumentPage, LegalField


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "doc-full"
    menu_label = _("Legal document types")
    list_display = ["name", "slug", "sort_order"]


class LegalFieldViewSet(SnippetViewSet):
    model = LegalField
    icon = "tag"
    menu_label = _("Fields of law")
    list_display = ["name", "slug", "sort_order"]


register_snippet(DocumentTypeViewSet)
register_snippet(LegalFieldViewSet)


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("legal-library/import/<int:page_id>/", views.import_document, name="legal_library_import"),
        path("legal-library/review/", views.review_report, name="legal_library_review"),
    ]


@hooks.register("register_page_listing_more_buttons")
def import_button(page, user, next_url=None):
    if (
        isinstance(page.specific_deferred, LegalDocumentPage)
        and page.permissions_for_user(user).can_publish()
    ):
        yield Button(
            _("Import text"),
            url=reverse("legal_library_import", args=[page.pk]),
            icon_name="doc-full",
            priority=60,
        )


class ReviewMenuItem(MenuItem):
    """Shown to those the report is for: superusers and editors of Q&A scenarios."""

    def is_shown(self, request):
        return views.may_review(request.user)


@hooks.register("register_reports_menu_item")
def review_menu_item():
    return ReviewMenuItem(_("Q&A to review"), reverse("legal_library_review"), icon_name="warning", order=800)

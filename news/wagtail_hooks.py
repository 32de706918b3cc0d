from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from federations.models import FederationPage

from . import caching, readership
from .models import NewsIndexPage, NewsItemPage, Topic
from .tracking import can_follow_up

# Pages whose anonymous rendering is the same for every visitor.
CACHEABLE_PAGE_TYPES = (NewsItemPage, NewsIndexPage, FederationPage)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(TopicViewSet)


@hooks.register("before_serve_page")
def serve_from_cache(page, request, serve_args, serve_kwargs):
    if isinstance(page, NewsItemPage):
        readership.record_view(page.pk)
    if not isinstance(page, CACHEABLE_PAGE_TYPES):
        return None
    if caching.cache_seconds() <= 0 or not caching.is_anonymous_request(request):
        return None
    response, token = caching.cached_response(page, request)
    if response is not None:
        return response
    return caching.store(token, page.serve(request, *serve_args, **serve_kwargs))


@hooks.register("register_page_listing_more_buttons")
def receipts_button(page, user, next_url=None):
    specific = page.specific_deferred
    if isinstance(specific, NewsItemPage) and specific.is_targeted and can_follow_up(user, specific):
        yield Button(
            _("Read receipts"),
            url=reverse("news:receipts", args=[page.pk]),
            icon_name="tasks",
            priority=90,
        )

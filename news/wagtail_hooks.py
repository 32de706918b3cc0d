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


# An on_serve_page hook with a high order wraps the page's own serve *inside* Wagtail's view
# restriction check (hooks of lower order wrap it from outside), so a login- or
# password-protected page is never counted, rendered or served from cache for a reader who
# may not see it. A before_serve_page hook would run before that check.
@hooks.register("on_serve_page", order=100)
def serve_from_cache(next_serve):
    def serve(page, request, serve_args, serve_kwargs):
        if isinstance(page, NewsItemPage):
            readership.record_view(page.pk)
        if (
            not isinstance(page, CACHEABLE_PAGE_TYPES)
            or caching.cache_seconds() <= 0
            or not caching.is_anonymous_request(request)
        ):
            return next_serve(page, request, serve_args, serve_kwargs)
        response, token = caching.cached_response(page, request)
        if response is not None:
            return response
        return caching.store(token, next_serve(page, request, serve_args, serve_kwargs))

    return serve


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

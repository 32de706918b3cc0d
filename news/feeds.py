"""RSS 2.0 and Atom feeds per unit section and per topic, in the language of the URL."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.models import Locale

from federations.models import FederationPage

from .models import NewsItemPage, Topic
from .reading import listing_items, public_items, with_topic

FEED_LENGTH = 30


class NewsItemFeedMixin:
    def item_title(self, item: NewsItemPage) -> str:
        return item.title

    def item_description(self, item: NewsItemPage) -> str:
        return item.lead

    def item_link(self, item: NewsItemPage) -> str:
        return item.get_url()

    def item_guid(self, item: NewsItemPage) -> str:
        return f"urn:uuid:{item.translation_key}:{item.locale.language_code}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: NewsItemPage):
        return item.publication_date

    def item_updateddate(self, item: NewsItemPage):
        return item.last_published_at or item.publication_date

    def item_author_name(self, item: NewsItemPage) -> str:
        return item.author or item.unit.name


class SectionFeed(NewsItemFeedMixin, Feed):
    def get_object(self, request, unit_code: str) -> FederationPage:
        sections = FederationPage.objects.live().public().filter(unit__code=unit_code).select_related("unit")
        section = (
            sections.filter(locale=Locale.get_active()).first()
            or sections.filter(locale=Locale.get_default()).first()
        )
        if section is None:
            raise Http404(_("This unit has no section."))
        return section

    def title(self, section: FederationPage) -> str:
        return section.title

    def link(self, section: FederationPage) -> str:
        return section.get_url()

    def feed_url(self, section: FederationPage) -> str:
        return reverse(self.url_name, args=[section.unit.code])

    url_name = "news:section_rss"

    def description(self, section: FederationPage) -> str:
        return strip_tags(section.intro) or _("News, announcements and resolutions of %(unit)s") % {
            "unit": section.unit.name
        }

    def items(self, section: FederationPage):
        return listing_items(section.unit)[:FEED_LENGTH]


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed
    url_name = "news:section_atom"

    def subtitle(self, section: FederationPage) -> str:
        return self.description(section)


class TopicFeed(NewsItemFeedMixin, Feed):
    url_name = "news:topic_rss"

    def get_object(self, request, slug: str) -> Topic:
        topic = Topic.localized_names({slug}).get(slug)
        if topic is None:
            raise Http404(_("There is no such topic."))
        return topic

    def title(self, topic: Topic) -> str:
        return _("%(topic)s – Trade Union Portal") % {"topic": topic.name}

    def link(self, topic: Topic) -> str:
        return reverse(self.url_name, args=[topic.slug])

    def feed_url(self, topic: Topic) -> str:
        return reverse(self.url_name, args=[topic.slug])

    def description(self, topic: Topic) -> str:
        return _("The latest items on %(topic)s from every union unit.") % {"topic": topic.name}

    def items(self, topic: Topic):
        return with_topic(public_items().in_language(), topic.slug).for_cards()[:FEED_LENGTH]


class TopicAtomFeed(TopicFeed):
    feed_type = Atom1Feed
    url_name = "news:topic_atom"

    def subtitle(self, topic: Topic) -> str:
        return self.description(topic)

"""Template tags other templates use to show news: the home and section "latest" blocks,
share links, and the Open Graph / Twitter card metadata of every page."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import get_language
from wagtail.models import Page

from federations.models import FederationPage
from home.shell_cache import cached_fragment

from .. import reading
from ..models import NewsIndexPage, NewsItemPage

register = template.Library()

OG_LOCALES = {"vi": "vi_VN", "en": "en_US", "ja": "ja_JP", "ko": "ko_KR", "zh-hans": "zh_CN"}
SOCIAL_IMAGE_FILTER = "fill-1200x630"


def _news_index(section: FederationPage) -> NewsIndexPage | None:
    return NewsIndexPage.objects.child_of(section).live().only("id", "url_path").first()


@register.inclusion_tag("news/tags/section_latest.html", takes_context=True)
def section_news(context, section: FederationPage, limit: int = 6):
    """A section's latest items (its own and those from above meant for it) and its most read."""
    items, index = cached_fragment(
        "news-section-latest",
        section.pk,
        get_language(),
        limit,
        compute=lambda: (reading.latest(section.unit, limit=limit), _news_index(section)),
    )
    return {
        "request": context.get("request"),
        "section": section,
        "unit": section.unit,
        "items": items,
        "index": index,
        "most_read": reading.most_read(section.unit),
    }


@register.inclusion_tag("news/tags/home_latest.html", takes_context=True)
def home_news(context, home: FederationPage):
    """The confederation's latest news, resolutions and announcements, and highlights from below."""
    unit = home.unit
    # The lists change only when something is published (a new shell version drops them).
    blocks = cached_fragment(
        "news-home-latest",
        home.pk,
        get_language(),
        compute=lambda: {
            "news": reading.latest(unit, limit=4, kinds=("article",)),
            "resolutions": reading.latest(unit, limit=3, kinds=("resolution",)),
            "announcements": reading.latest(unit, limit=3, kinds=("announcement",)),
            "highlights": reading.highlights_from_below(unit),
            "index": _news_index(home),
        },
    )
    return {
        "request": context.get("request"),
        "unit": unit,
        **blocks,
        "most_read": reading.most_read(None),
    }


@register.inclusion_tag("news/includes/share.html", takes_context=True)
def share_links(context, page: Page):
    url = page.get_full_url(context.get("request"))
    return {
        "url": url,
        "facebook": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        "zalo": "https://sp.zalo.me/plugins/share?" + urlencode({"href": url, "layout": 1}),
    }


@register.inclusion_tag("news/tags/social_meta.html", takes_context=True)
def social_meta(context):
    """Open Graph and Twitter card tags for any page (and a plain fallback for other views)."""
    request = context.get("request")
    page = context.get("page")
    language = get_language() or settings.LANGUAGE_CODE
    meta = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "locale": OG_LOCALES.get(language, language),
        "alternate_locales": [
            OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != language
        ],
        "type": "website",
        "title": "",
        "description": "",
        "url": request.build_absolute_uri() if request else "",
        "image": None,
        "published": None,
    }
    if isinstance(page, Page):
        meta["title"] = page.seo_title or page.title
        meta["description"] = (
            page.search_description
            or getattr(page, "lead", "")
            or strip_tags(getattr(page, "intro", "") or "")
        )
        meta["url"] = page.get_full_url(request)
        image = getattr(page, "image", None)
        if image is not None:
            rendition = image.get_rendition(SOCIAL_IMAGE_FILTER)
            meta["image"] = {
                "url": request.build_absolute_uri(rendition.url) if request else rendition.url,
                "width": rendition.width,
                "height": rendition.height,
                "alt": image.default_alt_text or image.title,
            }
        if isinstance(page, NewsItemPage):
            meta["type"] = "article"
            meta["published"] = page.publication_date
    meta["description"] = " ".join(meta["description"].split())[:300]
    return {"meta": meta}

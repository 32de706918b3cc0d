"""Tags for the shell that every page shares: language switcher, breadcrumbs, section menu."""

import hashlib

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import expand_db_html

from federations.models import FederationPage
from home.models import FooterText, SiteSettings
from home.shell_cache import cached_fragment, cached_html

register = template.Library()


def _page_language_links(page: Page, current: str) -> list[dict]:
    """For each language: the translation of `page`, or failing that the nearest
    translated ancestor (the section), flagged so the template can say so."""
    ancestors = list(
        page.get_ancestors(inclusive=True).filter(depth__gt=1).values_list("translation_key", flat=True)
    )
    candidates = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=ancestors)
        .select_related("locale")
        .only("id", "url_path", "depth", "translation_key", "locale__language_code")
    )
    best: dict[str, Page] = {}
    for candidate in candidates:
        language = candidate.locale.language_code
        if language not in best or candidate.depth > best[language].depth:
            best[language] = candidate
    links = []
    for code, _name in settings.LANGUAGES:
        target = best.get(code)
        url = target.get_url() if target else f"/{code}/"
        translated = bool(target and target.translation_key == page.translation_key)
        links.append(_language_link(code, current, url, translated))
    return links


def _language_link(code: str, current: str, url: str, translated: bool) -> dict:
    # Each language is named in itself, so a reader finds their own.
    name = get_language_info(code)["name_local"]
    return {"code": code, "name": name, "current": code == current, "url": url, "translated": translated}


@register.inclusion_tag("home/tags/language_switcher.html", takes_context=True)
def language_switcher(context):
    current = get_language()
    page = context.get("page")
    request = context.get("request")
    if isinstance(page, Page):
        links = cached_fragment(
            "languages", page.pk, current, compute=lambda: _page_language_links(page, current)
        )
    else:
        path = request.get_full_path() if request else "/"
        links = [
            _language_link(code, current, translate_url(path, code), True)
            for code, _name in settings.LANGUAGES
        ]
    return {"links": links, "current": current}


def _link(page: Page) -> dict:
    return {"pk": page.pk, "title": page.title, "url": page.get_url()}


def _breadcrumbs(page: Page) -> list[dict]:
    ancestors = page.get_ancestors().filter(depth__gt=1).live().only("id", "title", "url_path")
    return [_link(ancestor) for ancestor in ancestors]


@register.inclusion_tag("home/tags/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"crumbs": []}
    crumbs = cached_fragment("breadcrumbs", page.pk, get_language(), compute=lambda: _breadcrumbs(page))
    return {"crumbs": crumbs, "page": page}


def _section_menu(page: Page | None) -> dict:
    """The menu of the section the page belongs to (its nearest FederationPage)."""
    if isinstance(page, FederationPage):
        section = page
    elif isinstance(page, Page):
        section = FederationPage.objects.ancestor_of(page).order_by("-depth").first()
    else:
        section = FederationPage.objects.filter(depth=2, locale=Locale.get_active()).first()
    if section is None:
        return {"section": None, "items": []}
    items = section.get_children().live().public().in_menu().only("id", "title", "url_path")
    return {"section": _link(section), "items": [_link(item) for item in items]}


@register.inclusion_tag("home/tags/section_menu.html", takes_context=True)
def section_menu(context):
    page = context.get("page")
    page_key = page.pk if isinstance(page, Page) else "none"
    menu = cached_fragment("menu", page_key, get_language(), compute=lambda: _section_menu(page))
    return {**menu, "page": page}


@register.simple_tag
def footer_text() -> str:
    """The footer's HTML in the active language ("" when there is none)."""

    def render() -> str:
        footer = FooterText.for_active_language()
        return expand_db_html(footer.body) if footer else ""

    return mark_safe(cached_fragment("footer", get_language(), compute=render))


@register.simple_tag(takes_context=True)
def shell_settings(context) -> dict:
    """The site settings the shell shows (logo, hotline, social links), cached like the menus."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None

    def load() -> dict:
        found = SiteSettings.objects.filter(site=site).select_related("logo").first() if site else None
        if found is None:
            return {}
        logo = found.logo.get_rendition("height-48").img_tag({"alt": ""}) if found.logo else ""
        fields = ("hotline", "contact_email", "facebook_url", "zalo_url", "youtube_url")
        return {"logo_html": logo, **{name: getattr(found, name) for name in fields}}

    return cached_fragment("settings", site.pk if site else "none", compute=load)


class ShellCacheNode(template.Node):
    """`{% shellcache "name" page %}…{% endshellcache %}`: the fragment rendered once per page state.

    The key holds the shell version (any publish, move, delete, site, settings or footer change
    starts a new one), the page's own cache key (id, URL path, last publication: a worker that
    missed a version bump still never shows an older publication of the page it just loaded),
    the language, the host and scheme (absolute URLs), the site and the date. With no page
    argument the fragment is the same for every page. When the argument is not a page (a view
    that is not a Wagtail page) or the request is a preview, the fragment is rendered every time.
    Nothing inside may depend on the user: the account links and CSRF tokens stay outside.
    """

    def __init__(self, nodelist, name: str, page_variable):
        self.nodelist = nodelist
        self.name = name
        self.page_variable = page_variable

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        parts = []
        if self.page_variable is not None:
            page = self.page_variable.resolve(context)
            if not isinstance(page, Page) or page.pk is None:
                return self.nodelist.render(context)
            parts.append(page.cache_key)
        site = Site.find_for_request(request)
        address = f"{request.scheme}://{request.get_host()}"
        parts += [
            get_language() or "",
            str(site.pk if site else 0),
            hashlib.sha1(address.encode()).hexdigest()[:16],
            timezone.localdate().isoformat(),
        ]
        return cached_html(request, self.name, parts, lambda: self.nodelist.render(context))


@register.tag("shellcache")
def do_shellcache(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3) or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('Usage: {% shellcache "name" [page] %}')
    nodelist = parser.parse(("endshellcache",))
    parser.delete_first_token()
    page_variable = parser.compile_filter(bits[2]) if len(bits) == 3 else None
    return ShellCacheNode(nodelist, bits[1][1:-1], page_variable)

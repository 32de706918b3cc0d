"""Tags for the shell that every page shares: language switcher, breadcrumbs, section menu."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from federations.models import FederationPage
from home.models import FooterText

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
    for code, name in settings.LANGUAGES:
        target = best.get(code)
        links.append(
            {
                "code": code,
                "name": name,
                "current": code == current,
                "url": target.get_url() if target else f"/{code}/",
                "translated": bool(target and target.translation_key == page.translation_key),
            }
        )
    return links


@register.inclusion_tag("home/tags/language_switcher.html", takes_context=True)
def language_switcher(context):
    current = get_language()
    page = context.get("page")
    request = context.get("request")
    if isinstance(page, Page):
        links = _page_language_links(page, current)
    else:
        path = request.get_full_path() if request else "/"
        links = [
            {
                "code": code,
                "name": name,
                "current": code == current,
                "url": translate_url(path, code),
                "translated": True,
            }
            for code, name in settings.LANGUAGES
        ]
    return {"links": links, "current": current}


@register.inclusion_tag("home/tags/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"crumbs": []}
    crumbs = list(page.get_ancestors().filter(depth__gt=1).live().only("id", "title", "url_path"))
    return {"crumbs": crumbs, "page": page}


@register.inclusion_tag("home/tags/section_menu.html", takes_context=True)
def section_menu(context):
    """The menu of the section the page belongs to (its nearest FederationPage)."""
    page = context.get("page")
    if isinstance(page, Page):
        section = (
            page
            if isinstance(page, FederationPage)
            else FederationPage.objects.ancestor_of(page).order_by("-depth").first()
        )
    else:
        section = FederationPage.objects.filter(depth=2, locale=Locale.get_active()).first()
    if section is None:
        return {"section": None, "items": []}
    items = section.get_children().live().public().in_menu().only("id", "title", "url_path")
    return {"section": section, "items": list(items), "page": page}


@register.simple_tag
def footer_text():
    return FooterText.for_active_language()

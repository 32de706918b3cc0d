"""The public unit browser: the tree of units, searchable with or without diacritics."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from wagtail.models import Locale

from .models import FederationPage, Unit

PAGE_SIZE = 50
MAX_QUERY_LENGTH = 200


def _sections_by_unit(units, locale) -> dict[int, FederationPage]:
    """The live section of each listed unit in one query."""
    sections = (
        FederationPage.objects.live()
        .public()
        .filter(unit__in=[unit.pk for unit in units], locale=locale)
        .only("id", "url_path", "unit_id")
    )
    return {section.unit_id: section for section in sections}


def _with_sections(units, locale):
    sections = _sections_by_unit(units, locale)
    return [(unit, sections.get(unit.pk)) for unit in units]


def unit_browser(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    locale = Locale.get_active()
    if query:
        units = Unit.objects.active().matching(query).order_by("path")
    else:
        units = Unit.objects.filter(depth__lte=2).order_by("path")
    page = Paginator(units, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "federations/unit_browser.html",
        {
            "query": query,
            "page_obj": page,
            "rows": _with_sections(list(page.object_list), locale),
        },
    )


def unit_detail(request, code):
    unit = get_object_or_404(Unit.objects.active(), code=code)
    locale = Locale.get_active()
    children = unit.get_children().active().order_by("path")
    page = Paginator(children, PAGE_SIZE).get_page(request.GET.get("page"))
    ancestors = list(unit.get_ancestors())
    sections = _sections_by_unit([unit, *ancestors, *page.object_list], locale)
    return render(
        request,
        "federations/unit_detail.html",
        {
            "unit": unit,
            "ancestors": ancestors,
            "section": sections.get(unit.pk),
            "page_obj": page,
            "rows": [(child, sections.get(child.pk)) for child in page.object_list],
        },
    )

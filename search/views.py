"""The site search page and the autocomplete endpoint."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from search import querylog
from search.promotions import promotions_for
from search.service import SearchRequest, autocomplete, run_search
from search.spelling import did_you_mean

# Facets as the page shows them, in this order.
FACET_TITLES = ("type", "language", "level", "unit", "year", "topic")


def _query_string(params, **changes) -> str:
    """The current URL's parameters with `changes` applied (None removes); paging starts again."""
    query = params.copy()
    query.pop("page", None)
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query[name] = str(value)
    return query.urlencode()


def _facet_links(request: HttpRequest, facets) -> dict:
    param = {
        "type": "type",
        "language": "language",
        "level": "level",
        "unit": "unit",
        "year": "year",
        "topic": "topic",
    }
    links = {}
    for name in FACET_TITLES:
        values = facets.get(name)
        if not values:
            continue
        links[name] = [
            {
                "value": value,
                "url": "?"
                + _query_string(request.GET, **{param[name]: None if value.selected else value.value}),
            }
            for value in values
        ]
    return links


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    search_request = SearchRequest.from_querydict(request.GET)
    response = run_search(search_request)
    suggestion = ""
    promotions = []
    if search_request.text:
        first_page = search_request.page == 1
        if first_page:
            querylog.record(search_request.text, response.total)
            promotions = promotions_for(search_request.text)
        if response.total == 0:
            candidate = did_you_mean(search_request.text)
            if (
                candidate
                and run_search(SearchRequest(text=candidate, all_languages=True), with_facets=False).total
            ):
                suggestion = candidate
    params = request.GET.copy()
    context = {
        "search_query": search_request.text,
        "response": response,
        "page_obj": response.page_obj,
        "facet_links": _facet_links(request, response.facets),
        "suggestion": suggestion,
        "suggestion_query": _query_string(params, q=suggestion) if suggestion else "",
        "promotions": promotions,
        "all_languages": search_request.all_languages,
        "language_toggle_query": _query_string(
            params, lang=None if search_request.all_languages else "all", language=None
        ),
        "clear_filters_query": _query_string(params.__class__(mutable=True), q=search_request.text),
        "has_filters": bool(
            search_request.kinds
            or search_request.unit
            or search_request.level
            or search_request.year
            or search_request.topic
        ),
        "page_query": _query_string(params),
    }
    return render(request, "search/search.html", context)


@require_GET
@cache_control(max_age=60, public=True)
def suggest(request: HttpRequest) -> JsonResponse:
    """Titles for the search box as one types: `?q=` with at least two letters, folding applied."""
    hits = autocomplete(request.GET.get("q", ""))
    return JsonResponse(
        {
            "query": request.GET.get("q", "")[:200],
            "suggestions": [{"title": hit.title, "url": hit.url, "type": hit.type_label} for hit in hits],
        }
    )

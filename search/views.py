"""The site search page (the full service with folding and facets comes with the search issue)."""

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 1000


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    page_obj = None
    if query:
        results = Page.objects.live().public().filter(locale=Locale.get_active()).search(query)
        paginator = Paginator(results, PAGE_SIZE)
        page_obj = paginator.get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"search_query": query, "page_obj": page_obj})

"""Editors' report: what people search for, and what finds nothing (last 30 days)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from search import querylog


def search_report(request: HttpRequest) -> HttpResponse:
    # Wagtail's admin URL wrapper already requires a logged-in user with admin access;
    # the report holds anonymous, folded queries only, so every editor may read it.
    return render(
        request,
        "portal_search/search_report.html",
        {
            "page_title": _("Search report"),
            "header_title": _("Search report"),
            "header_icon": "search",
            "days": querylog.REPORT_DAYS,
            "top_queries": list(querylog.top_queries()),
            "zero_result_queries": list(querylog.zero_result_queries()),
        },
    )

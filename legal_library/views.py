"""Public page contexts (library search, document with point-in-time view) and the editors' importer."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.defaults import permission_denied
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from folding import fold_vietnamese
from search.service import SearchRequest, filter_queryset, run_search

from . import validity
from .forms import ImportForm
from .importer import parse, save_structure
from .models import LegalDocumentPage, LegalLibraryPage, LegalQAPage, Provision, ProvisionKind


def parse_day(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


# --- Document page ------------------------------------------------------------------


@dataclass
class ArticleView:
    article: Provision
    clauses: list[Provision] = field(default_factory=list)
    wording: validity.Wording | None = None  # None: the original text is in force
    earlier: list[validity.Wording] = field(default_factory=list)
    not_in_force: bool = False


def document_context(page: LegalDocumentPage, request: HttpRequest) -> dict:
    today = timezone.localdate()
    requested = request.GET.get("on")
    day = parse_day(requested) or today
    if "document_type" in page._state.fields_cache:  # routed by LegalLibraryPage.route: already joined
        document = page
    else:
        document = LegalDocumentPage.objects.select_related("document_type", "official_file").get(pk=page.pk)
    provisions = list(
        Provision.objects.filter(document=page).only(
            "id", "parent_id", "kind", "number", "heading", "text", "anchor", "article_number", "sort_order"
        )
    )
    wordings = validity.wordings_by_article(document)
    by_id = {p.id: p for p in provisions}
    blocks: list[ArticleView | Provision] = []
    articles: dict[int, ArticleView] = {}
    for provision in provisions:
        provision.point_list = []
        if provision.kind == ProvisionKind.ARTICLE:
            view = ArticleView(provision, not_in_force=day < document.date_effective)
            if provision.article_number in wordings:
                current, earlier = validity.wording_on(wordings[provision.article_number], day)
                if current.text is not None or current.repealed:
                    view.wording = current
                view.earlier = earlier
            articles[provision.id] = view
            blocks.append(view)
        elif provision.kind == ProvisionKind.CLAUSE:
            articles[provision.parent_id].clauses.append(provision)
        elif provision.kind == ProvisionKind.POINT:
            by_id[provision.parent_id].point_list.append(provision)
        else:
            blocks.append(provision)
    outgoing = list(page.relations.select_related("target"))
    return {
        "document": document,
        "blocks": blocks,
        "toc": [
            p
            for p in provisions
            if p.kind
            in (ProvisionKind.PART, ProvisionKind.CHAPTER, ProvisionKind.SECTION, ProvisionKind.ARTICLE)
        ],
        "status": validity.status_on(document, day),
        "view_day": day,
        "is_today": day == today,
        "bad_day": bool(requested) and parse_day(requested) is None,
        "history": validity.history(document),
        "outgoing": outgoing,
        "incoming": validity.incoming(document)[0],
        "fields_of_law": list(document.fields_of_law.all()),
    }


# --- Library search -----------------------------------------------------------------

SORTS = {"issued": "-date_issued", "effective": "-date_effective"}


def library_context(library: LegalLibraryPage, request: HttpRequest) -> dict:
    params = request.GET
    text = params.get("q", "").strip()[:200]
    today = timezone.localdate()
    base = LegalDocumentPage.objects.live().public().descendant_of(library).filter(locale=library.locale)
    shelf = base
    if text:
        base = filter_queryset(base, text)
    filters = {
        "type": ("document_type__slug", params.get("type", "")),
        "body": ("issuing_body", params.get("body", "")),
        "field": ("fields_of_law__slug", params.get("field", "")),
        "year": ("date_issued__year", params.get("year", "")),
        "status": ("status", params.get("status", "")),
    }
    annotated = validity.with_status(base, today)

    def narrowed(skip: str | None = None):
        qs = annotated
        for key, (lookup, value) in filters.items():
            if value and key != skip:
                qs = qs.filter(**{lookup: value})
        return qs

    facets = {
        "type": _facet(narrowed("type"), "document_type__slug", "document_type__name", filters["type"][1]),
        "body": _facet(narrowed("body"), "issuing_body", "issuing_body", filters["body"][1]),
        "field": _facet(narrowed("field"), "fields_of_law__slug", "fields_of_law__name", filters["field"][1]),
        "year": _facet(narrowed("year"), "date_issued__year", "date_issued__year", filters["year"][1]),
        "status": _status_facet(narrowed("status"), filters["status"][1]),
    }
    results = narrowed().select_related("document_type").defer_streamfields()
    sort = params.get("sort", "")
    if sort in SORTS:
        results = results.order_by(SORTS[sort], "pk")
    elif not text:
        results = results.order_by("-date_issued", "pk")
    page_obj = Paginator(results.distinct() if filters["field"][1] else results, 20).get_page(
        params.get("page")
    )
    labels = dict(validity.Status.choices)
    for doc in page_obj:
        doc.status_label = labels[doc.status]
    for key, values in facets.items():
        for facet in values:
            facet.url = _toggle_url(params, key, facet.value)
    articles = []
    direct = None
    if text:
        direct = direct_article(text, shelf)
        articles = run_search(
            SearchRequest(
                text=text, kinds=["legal_library.article"], language=library.locale.language_code, per_page=5
            )
        ).results
        if direct is not None:
            articles = [hit for hit in articles if hit.url != direct.url()]
    return {
        "query": text,
        "facets": facets,
        "page_obj": page_obj,
        "article_hits": articles,
        "direct_article": direct,
        "sort": sort,
        "hidden_filters": [(key, value) for key, (_lookup, value) in filters.items() if value],
        "topics": library.get_children()
        .live()
        .public()
        .type(Page)
        .specific()
        .filter(content_type__model="legaltopicpage"),
    }


ARTICLE_QUERY = re.compile(r"^(?:dieu|article|d)\s*(\d+)\s+(.+)$")


def direct_article(text: str, documents) -> Provision | None:
    """“dieu 35 bo luat lao dong” → article 35 of the best-matching document that has one."""
    match = ARTICLE_QUERY.match(fold_vietnamese(text).strip())
    if not match:
        return None
    candidates = list(filter_queryset(documents, match[2]).values_list("pk", flat=True)[:5])
    found = {
        p.document_id: p
        for p in Provision.objects.filter(
            document_id__in=candidates, anchor=f"dieu-{match[1]}"
        ).select_related("document")
    }
    return next((found[pk] for pk in candidates if pk in found), None)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str = ""


def _toggle_url(params, key: str, value: str) -> str:
    """The same search with `key` set to `value`, or without it if it is already set (tap again to remove)."""
    query = params.copy()
    query.pop("page", None)
    if query.get(key) == value:
        query.pop(key)
    else:
        query[key] = value
    return "?" + query.urlencode()


def _facet(queryset, value_field: str, label_field: str, selected: str) -> list[FacetValue]:
    rows = (
        queryset.exclude(**{f"{value_field}__isnull": True})
        .values(value_field, label_field)
        .annotate(n=Count("pk", distinct=True))
        .order_by("-n", label_field)[:15]
    )
    return [
        FacetValue(str(r[value_field]), str(r[label_field]), r["n"], str(r[value_field]) == selected)
        for r in rows
    ]


def _status_facet(queryset, selected: str) -> list[FacetValue]:
    counts = dict(queryset.order_by().values_list("status").annotate(n=Count("pk", distinct=True)))
    return [
        FacetValue(status.value, str(status.label), counts[status.value], status.value == selected)
        for status in validity.Status
        if counts.get(status.value)
    ]


# --- Editors: import, review report -------------------------------------------------


def import_document(request: HttpRequest, page_id: int):
    """Paste or upload a document's text, preview its structure and problems, then save it all."""
    from django.core.exceptions import PermissionDenied

    page = get_object_or_404(LegalDocumentPage, pk=page_id)
    # The import changes the published text at once, so it needs the right to publish.
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    result = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        result = parse(form.cleaned_data["text"])
        if result.ok and request.POST.get("action") == "save":
            count = save_structure(page, result)
            from django.contrib import messages

            messages.success(
                request, _("%(count)s articles saved to “%(title)s”.") % {"count": count, "title": page.title}
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
        # Show what was read, so the editor can fix the text where it stands.
        form = ImportForm(initial={"text": form.cleaned_data["text"]})
    return TemplateResponse(
        request, "legal_library/admin/import.html", {"page": page, "form": form, "result": result}
    )


def editable_scenarios(user):
    """The Q&A scenarios `user` may edit (every one for a superuser)."""
    return PagePermissionPolicy(LegalQAPage).instances_user_has_permission_for(user, "change")


def may_review(user) -> bool:
    """Superusers, and editors who may edit at least one Q&A scenario."""
    return user.is_active and (user.is_superuser or editable_scenarios(user).exists())


def review_report(request: HttpRequest):
    """Q&A scenarios whose cited articles changed since their last review, among those the user may edit."""
    if not may_review(request.user):
        # A 403 said as such (Wagtail's admin turns a raised PermissionDenied into a redirect).
        return permission_denied(request, PermissionDenied())
    scenarios = (
        editable_scenarios(request.user).prefetch_related("citations__document").order_by("last_reviewed")
    )
    documents: dict[int, LegalDocumentPage] = {}
    for qa in scenarios:
        for citation in qa.citations.all():
            # One instance per cited document, so its relations are read once for the whole report.
            citation.document = documents.setdefault(citation.document_id, citation.document)
    flagged = [(qa, reasons) for qa in scenarios if (reasons := qa.review_reasons())]
    return TemplateResponse(request, "legal_library/admin/review_report.html", {"flagged": flagged})

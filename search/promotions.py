"""Editors' promoted results (Wagtail's search promotions), matched with folding."""

from __future__ import annotations

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from folding import folded_tokens


def _key(text: str) -> str:
    return " ".join(folded_tokens(text))


def promotions_for(text: str) -> list[SearchPromotion]:
    """Promotions whose query is `text`, with or without diacritics ("bhxh", "bảo hiểm xã hội")."""
    key = _key(text)
    if not key:
        return []
    promoted = Query.objects.filter(editors_picks__isnull=False).distinct().values_list("pk", "query_string")
    query_ids = [pk for pk, query_string in promoted if _key(query_string) == key]
    if not query_ids:
        return []
    picks = (
        SearchPromotion.objects.filter(query_id__in=query_ids).select_related("page").order_by("sort_order")
    )
    return [pick for pick in picks if pick.page is None or pick.page.live]

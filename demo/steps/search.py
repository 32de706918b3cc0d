"""Search demo: editors' promoted results for common queries, then a full index of every registered type."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from federations.models import FederationPage
from search import indexing
from search.spelling import forget_vocabulary

ORDER = 90

# (query as editors type it, unit code of the section to promote, description shown above results)
PROMOTIONS = [
    ("hà nội", "HN", "Trang của Liên đoàn Lao động thành phố Hà Nội: tin tức, thông báo, tư vấn pháp luật."),
    ("tp hồ chí minh", "HCM", "Trang của Liên đoàn Lao động Thành phố Hồ Chí Minh."),
    (
        "giáo viên",
        "CDGD",
        "Công đoàn Giáo dục Việt Nam: quyền lợi của nhà giáo và người lao động ngành giáo dục.",
    ),
    ("y tế", "CDYT", "Công đoàn Y tế Việt Nam: chế độ cho nhân viên y tế."),
]


def _promotions() -> None:
    for query_string, unit_code, description in PROMOTIONS:
        section = FederationPage.objects.filter(unit__code=unit_code, locale__language_code="vi").first()
        if section is None:
            continue
        query, _created = Query.objects.get_or_create(query_string=query_string)
        SearchPromotion.objects.get_or_create(
            query=query, page=section, defaults={"description": description, "sort_order": 0}
        )


def load(context: dict) -> None:
    _promotions()
    indexed = indexing.rebuild()
    forget_vocabulary()
    context["stdout"].write(f"Search index: {indexed} documents.")

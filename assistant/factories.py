"""A small library for the assistant's tests: a code (article 3 amended), topics and scenarios."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from legal_library.factories import (
    DocumentTypeFactory,
    LegalDocumentPageFactory,
    LegalLibraryPageFactory,
    LegalQAPageFactory,
    LegalTopicPageFactory,
    with_text,
)
from legal_library.models import ArticleAmendment, LegalRelation, QACitation, RelationKind

from .models import AssistantPage

CODE_TEXT = """Chương I
HỢP ĐỒNG LAO ĐỘNG
Điều 1. Hình thức hợp đồng lao động
Hợp đồng lao động được giao kết bằng văn bản.
Điều 2. Tiền lương thử việc
Tiền lương thử việc ít nhất bằng 85% mức lương của công việc đó.
Điều 3. Quyền đơn phương chấm dứt hợp đồng
1. Người lao động báo trước ít nhất 45 ngày với hợp đồng không xác định thời hạn.
2. Người lao động không cần báo trước khi không được trả đủ lương.
Chương II
BẢO HIỂM XÃ HỘI
Điều 4. Thời gian nghỉ thai sản
Lao động nữ sinh con được nghỉ thai sản 06 tháng.
"""

# (topic slug, title, situation, question, answer, [(article, clause)])
SCENARIOS = [
    (
        "cham-dut",
        "Nghỉ việc phải báo trước bao lâu?",
        "Tôi làm hợp đồng không xác định thời hạn, muốn nghỉ việc.",
        "Tôi phải báo trước cho công ty bao nhiêu ngày?",
        "<p>Bạn báo trước theo Điều 3 (từ 2023 là ít nhất 40 ngày).</p>",
        [(3, 1)],
    ),
    (
        "cham-dut",
        "Bị nợ lương có được nghỉ ngay?",
        "Công ty chậm trả lương ba tháng.",
        "Tôi có được nghỉ việc ngay mà không báo trước không?",
        "<p>Có. Khi không được trả đủ lương, bạn được nghỉ không cần báo trước.</p>",
        [(3, 2)],
    ),
    (
        "tien-luong",
        "Lương thử việc bao nhiêu là đúng?",
        "Công ty trả lương thử việc bằng 70% lương chính thức.",
        "Mức lương thử việc này có đúng luật không?",
        "<p>Chưa đúng. Lương thử việc ít nhất bằng 85%.</p>",
        [(2, None)],
    ),
    (
        "lao-dong-nu",
        "Nghỉ thai sản được mấy tháng?",
        "Tôi sắp sinh con đầu lòng.",
        "Lao động nữ sinh con được nghỉ thai sản bao lâu?",
        "<p>Bạn được nghỉ thai sản 6 tháng.</p>",
        [(4, None)],
    ),
]


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_library(home, *, english: bool = False) -> SimpleNamespace:
    """The library, its assistant page, and the search index rebuilt over them.

    With `english` (the home page must have an English translation) the library and the
    assistant page are translated too, so tests can ask in English at `page_en.url`.
    """
    from search import indexing

    shelf = LegalLibraryPageFactory(parent=home)
    code = with_text(
        LegalDocumentPageFactory(
            parent=shelf, title="Bộ luật Lao động mẫu", slug="bo-luat", number="45/2019/QH14"
        ),
        CODE_TEXT,
    )
    decree = LegalDocumentPageFactory(
        parent=shelf,
        title="Nghị định sửa đổi mẫu",
        slug="nghi-dinh-sua-doi",
        number="12/2023/NĐ-CP",
        document_type=DocumentTypeFactory(name="Nghị định", slug="decree"),
        date_issued=datetime.date(2023, 5, 15),
        date_effective=datetime.date(2023, 7, 1),
    )
    LegalRelation.objects.create(
        document=decree, target=code, kind=RelationKind.AMENDS, whole=False, articles="3"
    )
    ArticleAmendment.objects.create(
        document=decree, target=code, article=3, new_text="1. Người lao động báo trước ít nhất 40 ngày."
    )
    publish(code)
    publish(decree)
    topics = {}
    scenarios = {}
    for topic_slug, title, situation, question, answer, citations in SCENARIOS:
        if topic_slug not in topics:
            topics[topic_slug] = publish(
                LegalTopicPageFactory(parent=shelf, slug=topic_slug, title=topic_slug)
            )
        qa = LegalQAPageFactory(
            parent=topics[topic_slug], title=title, situation=situation, question=question, answer=answer
        )
        for article, clause in citations:
            QACitation.objects.create(page=qa, document=code, article=article, clause=clause)
        scenarios[title] = publish(qa)
    assistant = AssistantPage(title="Trợ lý pháp lý", slug="tro-ly")
    shelf.add_child(instance=assistant)
    publish(assistant)
    page_en = None
    if english:
        from demo.translation import translate

        translate(shelf, "en", {shelf.title: "Legal library"})
        page_en = translate(assistant, "en", {assistant.title: "Legal assistant"})
    indexing.rebuild()
    return SimpleNamespace(
        shelf=shelf,
        code=code,
        decree=decree,
        topics=topics,
        scenarios=scenarios,
        page=assistant,
        page_en=page_en,
    )

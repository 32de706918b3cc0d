import datetime
from types import SimpleNamespace

import pytest

from legal_library.factories import (
    DocumentTypeFactory,
    LegalDocumentPageFactory,
    LegalLibraryPageFactory,
    with_text,
)
from legal_library.models import ArticleAmendment, LegalRelation, RelationKind

CODE_TEXT = """Chương I
NHỮNG QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Bộ luật này quy định tiêu chuẩn lao động mẫu.
Điều 2. Đối tượng áp dụng
1. Người lao động.
2. Người sử dụng lao động.
Chương II
HỢP ĐỒNG LAO ĐỘNG
Điều 3. Quyền đơn phương chấm dứt hợp đồng
1. Người lao động báo trước:
a) Ít nhất 45 ngày với hợp đồng không xác định thời hạn;
b) Ít nhất 30 ngày với hợp đồng xác định thời hạn.
2. Không cần báo trước khi bị ngược đãi.
"""


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def library(federation):
    """A library with a code (3 articles) and a decree that amends article 3 from 2023-07-01."""
    shelf = LegalLibraryPageFactory(parent=federation.home)
    code = with_text(
        LegalDocumentPageFactory(
            parent=shelf, title="Bộ luật Lao động mẫu", slug="bo-luat-lao-dong", number="45/2019/QH14"
        ),
        CODE_TEXT,
    )
    decree = LegalDocumentPageFactory(
        parent=shelf,
        title="Nghị định sửa đổi mẫu",
        slug="nghi-dinh-sua-doi",
        number="12/2023/NĐ-CP",
        document_type=DocumentTypeFactory(name="Nghị định", slug="decree"),
        issuing_body="Chính phủ",
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
    return SimpleNamespace(shelf=shelf, code=code, decree=decree, federation=federation)

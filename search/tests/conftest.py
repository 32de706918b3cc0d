"""A small corpus in Vietnamese, English and Japanese, indexed on every reachable engine."""

import datetime
import itertools
import os
import uuid
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from federations.models import FederationPage
from search import registry
from search.engines import set_engine
from search.engines.database import DatabaseEngine
from search.models import SearchDocument
from search.spelling import forget_vocabulary

# The database engine always runs (SQLite, or PostgreSQL when DATABASE_URL says so);
# Elasticsearch joins when a cluster is configured (see search/README.md).
ENGINES = ["database"] + (["elasticsearch"] if os.environ.get("ELASTICSEARCH_URL") else [])

_ids = itertools.count(1000)


def _make_engine(name: str):
    if name == "database":
        # Named by path, not "default": with ELASTICSEARCH_URL set, "default" is Wagtail's
        # Elasticsearch backend, and the database engine must still write the database index.
        return DatabaseEngine("search.backend")
    from search.engines.elasticsearch import ElasticsearchEngine

    engine = ElasticsearchEngine.from_url(
        os.environ["ELASTICSEARCH_URL"], index_prefix=f"test-{uuid.uuid4().hex[:8]}"
    )
    engine.refresh_on_write = True
    return engine


@pytest.fixture(params=ENGINES)
def engine(request, db):
    engine = _make_engine(request.param)
    set_engine(engine)
    forget_vocabulary()
    yield engine
    set_engine(None)
    forget_vocabulary()
    if request.param == "elasticsearch":
        engine.client.indices.delete(index=f"{engine.alias}-*", ignore_unavailable=True)


@pytest.fixture
def registered_kinds():
    """Two content types as a news app and a legal library would register them."""
    news = registry.register(FederationPage, kind="test.news", label="News", document=lambda page: None)
    laws = registry.register(
        FederationPage, kind="test.law", label="Legal documents", document=lambda page: None
    )
    yield SimpleNamespace(news=news, laws=laws)
    registry.unregister("test.news")
    registry.unregister("test.law")


def add_document(engine, kind, title, body="", *, language="vi", unit=None, year=2024, topic="", public=True):
    row = SearchDocument(
        content_type=ContentType.objects.get_for_model(FederationPage),
        object_pk=next(_ids),
        kind=kind,
        language=language,
        title=title,
        body=body,
        url=f"/{language}/doc-{uuid.uuid4().hex[:6]}/",
        date=timezone.make_aware(datetime.datetime(year, 5, 1, 9, 0)),
        year=year,
        unit=unit,
        unit_path=unit.path if unit else "",
        unit_level=unit.level if unit else None,
        topic=topic,
        is_public=public,
    )
    row.refresh_index_text()
    row.save()
    engine.index_documents([row])
    return row


@pytest.fixture
def corpus(engine, federation, registered_kinds):
    f = federation
    docs = SimpleNamespace(
        rights=add_document(
            engine,
            "test.news",
            "Công đoàn bảo vệ quyền lợi người lao động",
            "Liên đoàn Lao động thành phố tổ chức hội nghị về quyền lợi của đoàn viên và người lao động.",
            unit=f.hanoi,
            year=2024,
            topic="Quyền lợi",
        ),
        article35=add_document(
            engine,
            "test.law",
            "Điều 35. Quyền đơn phương chấm dứt hợp đồng",
            "Người lao động có quyền đơn phương chấm dứt hợp đồng nhưng phải báo trước cho người sử dụng.",
            unit=f.confederation,
            year=2019,
            topic="Hợp đồng",
        ),
        insurance=add_document(
            engine,
            "test.news",
            "Bảo hiểm xã hội cho công nhân khu công nghiệp",
            "Công nhân được tư vấn về bảo hiểm xã hội bắt buộc và chế độ ốm đau.",
            unit=f.saigon,
            year=2025,
            topic="Bảo hiểm",
        ),
        rights_of_members=add_document(
            engine,
            "test.news",
            "Quyền của đoàn viên",
            "Đoàn viên có quyền được bảo vệ khi tranh chấp.",
            unit=f.cau_giay,
            year=2025,
            topic="Quyền lợi",
        ),
        handbook=add_document(
            engine,
            "test.news",
            "Quyển sổ tay đoàn viên",
            "Sổ tay in cho đoàn viên mới.",
            unit=f.grassroots,
            year=2025,
            topic="Xuất bản",
        ),
        english=add_document(
            engine,
            "test.news",
            "Workers' rights and the trade union",
            "The union protects the rights of every worker in the province.",
            language="en",
            unit=f.hanoi,
            year=2024,
        ),
        japanese=add_document(
            engine,
            "test.news",
            "労働組合の活動報告",
            "労働組合は労働者の権利を守るために活動しています。",
            language="ja",
            unit=f.hanoi,
            year=2024,
        ),
        private=add_document(
            engine,
            "test.news",
            "Thông báo nội bộ về quyền lợi công đoàn",
            "Chỉ cán bộ công đoàn cơ sở được đọc.",
            unit=f.hanoi,
            year=2024,
            public=False,
        ),
    )
    if hasattr(engine, "refresh"):
        engine.refresh()
    return docs

"""Registered content reaches the index in the background, and leaves it when it should."""

import pytest
from django.core.management import call_command
from django.utils import translation
from django_tasks import task_backends
from wagtail.models import PageViewRestriction

from federations.factories import FederationPageFactory, UnitFactory
from federations.models import FederationPage, Level
from search import registry
from search.models import SearchDocument
from search.service import SearchRequest, filter_queryset, run_search


@pytest.fixture
def sections_are_searchable(engine):
    registry.register(FederationPage, kind="test.section", label="Union sections")
    yield
    registry.unregister("test.section")


def found(text, active="vi"):
    with translation.override(active):
        return [hit.title for hit in run_search(SearchRequest(text=text)).results]


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_section(federation, name, intro=""):
    unit = UnitFactory(parent=federation.hanoi, level=Level.UPPER, name_vi=name)
    return FederationPageFactory(
        parent=federation.hanoi_section, unit=unit, title=name, intro=intro, live=False
    )


def test_publishing_a_page_indexes_its_folded_title_and_body(federation, sections_are_searchable):
    section = make_section(
        federation, "Công đoàn Khu công nghiệp Thăng Long", "<p>Hỗ trợ <b>người lao động</b></p>"
    )
    assert found("thang long") == []
    publish(section)
    assert found("thang long") == ["Công đoàn Khu công nghiệp Thăng Long"]
    document = SearchDocument.objects.get(object_pk=section.pk)
    assert document.body == "Hỗ trợ người lao động"
    assert document.unit == section.unit and document.unit_level == Level.UPPER
    assert document.language == "vi" and document.url == section.url


def test_publishing_only_enqueues_a_task_the_worker_runs_later(federation, sections_are_searchable, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    backend.clear()
    section = make_section(federation, "Công đoàn Giao thông Vận tải")
    publish(section)
    assert not SearchDocument.objects.filter(object_pk=section.pk).exists()
    [result] = [r for r in backend.results if r.task.name == "index_object"]
    result.task.call(*result.args, **result.kwargs)
    assert SearchDocument.objects.filter(object_pk=section.pk).exists()


def test_unpublishing_and_deleting_remove_the_page_from_results(federation, sections_are_searchable):
    section = publish(make_section(federation, "Công đoàn Dệt may"))
    assert found("det may") == ["Công đoàn Dệt may"]
    section.unpublish()
    assert found("det may") == []
    publish(section)
    section.delete()
    assert found("det may") == []
    assert not SearchDocument.objects.filter(object_pk=section.pk).exists()


def test_draft_changes_stay_out_of_the_index_until_published(federation, sections_are_searchable):
    section = publish(make_section(federation, "Công đoàn Ngân hàng"))
    section.title = "Công đoàn Bưu điện"
    section.save_revision()
    assert found("buu dien") == []
    assert found("ngan hang") == ["Công đoàn Ngân hàng"]


def test_private_pages_are_not_in_public_search(federation, sections_are_searchable):
    section = publish(make_section(federation, "Công đoàn Điện lực"))
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    publish(section)
    assert found("dien luc") == []


def test_reindex_command_rebuilds_every_registered_object(federation, sections_are_searchable, capsys):
    publish(make_section(federation, "Công đoàn Cao su"))
    SearchDocument.objects.all().delete()
    call_command("search_reindex", "--no-progress")
    assert "Indexed" in capsys.readouterr().out
    assert found("cao su") == ["Công đoàn Cao su"]


def test_filter_queryset_searches_inside_a_narrowed_queryset_best_first(federation, sections_are_searchable):
    ship = publish(make_section(federation, "Công đoàn Đóng tàu", "Đóng tàu biển"))
    publish(make_section(federation, "Công đoàn Hàng hải", "Cảng biển và đóng tàu"))
    other = publish(make_section(federation, "Công đoàn Hóa chất"))
    # bm25 needs words rarer than in half the documents to rank by them at all.
    for name in ("Công đoàn Giáo dục", "Công đoàn Y tế", "Công đoàn Xây dựng"):
        publish(make_section(federation, name))
    sections = FederationPage.objects.exclude(pk=other.pk)
    assert list(filter_queryset(sections, "dong tau").values_list("title", flat=True)) == [
        "Công đoàn Đóng tàu",
        "Công đoàn Hàng hải",
    ]
    assert list(filter_queryset(sections.filter(pk=ship.pk), "hang hai")) == []
    assert filter_queryset(sections, "   ").count() == sections.count()


def test_unregistered_models_are_never_indexed(federation, engine):
    publish(make_section(federation, "Công đoàn Than"))
    assert not SearchDocument.objects.exists()

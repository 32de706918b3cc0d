"""Editors build documents and scenarios in Wagtail's admin; bad input is refused with a message."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from legal_library.factories import LegalTopicPageFactory
from legal_library.models import LegalDocumentPage, LegalQAPage, LegalRelation

from .test_pages import english_admin

pytestmark = pytest.mark.django_db


def document_form(library, **overrides):
    data = {
        "title": "Nghị định hướng dẫn mẫu",
        "slug": "nghi-dinh-huong-dan-mau",
        "document_type": library.code.document_type.pk,
        "number": "15/2021/nđ-cp",
        "issuing_body": "Chính phủ",
        "signer": "",
        "date_issued": "2021-01-10",
        "date_effective": "2021-03-01",
        "date_expired": "",
        "summary": "",
        "relations": inline_formset(
            [{"kind": "guides", "target": library.code.pk, "whole": "on", "articles": ""}]
        ),
        "amendments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(model, parent) -> str:
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def test_editor_creates_a_document_that_guides_another(client, library, django_user_model):
    client.force_login(english_admin(django_user_model))
    response = client.post(add_url(LegalDocumentPage, library.shelf), document_form(library))
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    created = LegalDocumentPage.objects.get(slug="nghi-dinh-huong-dan-mau")
    assert created.number == "15/2021/NĐ-CP"
    assert LegalRelation.objects.get(document=created).target_id == library.code.pk


def test_effective_before_issued_is_refused_and_nothing_is_created(client, library, django_user_model):
    client.force_login(english_admin(django_user_model))
    response = client.post(
        add_url(LegalDocumentPage, library.shelf), document_form(library, date_effective="2020-01-01")
    )
    assert response.status_code == 200
    assert "The date effective cannot be before the date issued." in response.content.decode()
    assert 'value="Nghị định hướng dẫn mẫu"' in response.content.decode()  # what was typed is kept
    assert not LegalDocumentPage.objects.filter(slug="nghi-dinh-huong-dan-mau").exists()


def test_a_citation_of_a_missing_clause_is_refused(client, library, django_user_model):
    client.force_login(english_admin(django_user_model))
    topic = LegalTopicPageFactory(parent=library.shelf)
    data = nested_form_data(
        {
            "title": "Báo trước khi nghỉ việc",
            "slug": "bao-truoc",
            "situation": "Tôi muốn nghỉ việc.",
            "question": "Báo trước bao lâu?",
            "answer": rich_text("<p>Ít nhất 45 ngày.</p>"),
            "last_reviewed": "2024-01-01",
            "citations": inline_formset([{"document": library.code.pk, "article": 3, "clause": 9}]),
        }
    )
    response = client.post(add_url(LegalQAPage, topic), data)
    assert response.status_code == 200
    assert "has no dieu-3-khoan-9" in response.content.decode()
    assert not LegalQAPage.objects.filter(slug="bao-truoc").exists()

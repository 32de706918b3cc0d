import datetime

import pytest
from django.core.exceptions import ValidationError

from legal_library.factories import LegalDocumentPageFactory, LegalQAPageFactory, LegalTopicPageFactory
from legal_library.models import ArticleAmendment, LegalDocumentPage, LegalRelation, QACitation, RelationKind
from legal_library.validity import Status, with_status, wording_on, wordings_by_article

from .conftest import publish

pytestmark = pytest.mark.django_db

DAYS = [
    datetime.date(2020, 6, 1),
    datetime.date(2022, 1, 1),
    datetime.date(2024, 1, 1),
    datetime.date(2031, 1, 1),
]


def statuses(document) -> list[str]:
    fresh = LegalDocumentPage.objects.get(pk=document.pk)
    python = [fresh.status_on(day) for day in DAYS]
    sql = [with_status(LegalDocumentPage.objects.filter(pk=document.pk), day).get().status for day in DAYS]
    assert python == sql, "the page and the library facet must agree"
    return python


def test_status_follows_the_dates(library):
    assert statuses(library.code) == [Status.NOT_YET, Status.IN_FORCE, Status.IN_FORCE, Status.IN_FORCE]
    library.code.date_expired = datetime.date(2030, 1, 1)
    publish(library.code)
    assert statuses(library.code)[-1] == Status.EXPIRED


def test_replacement_expires_the_old_document_from_the_new_ones_effective_date(library):
    new = LegalDocumentPageFactory(
        parent=library.shelf, date_issued=datetime.date(2023, 6, 1), date_effective=datetime.date(2023, 9, 1)
    )
    LegalRelation.objects.create(document=new, target=library.code, kind=RelationKind.REPLACES)
    publish(new)
    assert statuses(library.code) == [Status.NOT_YET, Status.IN_FORCE, Status.EXPIRED, Status.EXPIRED]


def test_a_repealed_article_makes_the_document_partly_expired(library):
    repealer = LegalDocumentPageFactory(
        parent=library.shelf, date_issued=datetime.date(2023, 6, 1), date_effective=datetime.date(2023, 9, 1)
    )
    ArticleAmendment.objects.create(document=repealer, target=library.code, article=1, repeals=True)
    publish(repealer)
    assert statuses(library.code)[2] == Status.PARTLY_EXPIRED


def test_a_draft_amendment_changes_nothing(library):
    draft = LegalDocumentPageFactory(
        parent=library.shelf, live=False, date_effective=datetime.date(2022, 1, 1)
    )
    LegalRelation.objects.create(document=draft, target=library.code, kind=RelationKind.REPLACES)
    assert statuses(library.code)[2] == Status.IN_FORCE


def test_point_in_time_wording_before_and_after_an_amendment(library):
    fresh = LegalDocumentPage.objects.get(pk=library.code.pk)
    wordings = wordings_by_article(fresh)[3]
    before, earlier_before = wording_on(wordings, datetime.date(2023, 6, 30))
    after, earlier_after = wording_on(wordings, datetime.date(2023, 7, 1))
    assert before.text is None and earlier_before == []  # the original, structured text
    assert "40 ngày" in after.text and after.by.pk == library.decree.pk
    assert earlier_after[0].text is None


def test_effective_date_before_issue_date_is_refused(library, english):
    library.code.date_effective = datetime.date(2019, 1, 1)
    with pytest.raises(ValidationError, match="cannot be before the date issued"):
        library.code.full_clean()


def test_number_is_validated_and_unique_without_separators(library, english):
    library.decree.number = "45 2019 QH-"
    with pytest.raises(ValidationError, match="45/2019/QH14"):
        library.decree.full_clean()
    library.decree.number = "45/2019/qh14"
    with pytest.raises(ValidationError, match="already has this number"):
        library.decree.full_clean()


def test_relation_to_itself_and_replacement_cycles_are_refused(library, english):
    with pytest.raises(ValidationError, match="related to itself"):
        LegalRelation(document=library.code, target=library.code, kind=RelationKind.AMENDS).clean()
    LegalRelation.objects.create(document=library.code, target=library.decree, kind=RelationKind.REPLACES)
    with pytest.raises(ValidationError, match="cycle of replacements"):
        LegalRelation(document=library.decree, target=library.code, kind=RelationKind.REPLACES).clean()


def test_amending_a_missing_article_is_refused(library, english):
    with pytest.raises(ValidationError, match="has no article 99"):
        ArticleAmendment(document=library.decree, target=library.code, article=99, new_text="x").clean()


def test_citations_must_point_at_an_existing_article_and_clause(library, english):
    QACitation(document=library.code, article=3, clause=2).clean()
    with pytest.raises(ValidationError, match="dieu-3-khoan-7"):
        QACitation(document=library.code, article=3, clause=7).clean()


def test_scenario_is_flagged_when_a_cited_article_is_amended_after_its_review(library):
    topic = LegalTopicPageFactory(parent=library.shelf)
    reviewed_before = LegalQAPageFactory(parent=topic, last_reviewed=datetime.date(2023, 1, 1))
    reviewed_after = LegalQAPageFactory(parent=topic, last_reviewed=datetime.date(2023, 6, 1))
    other_article = LegalQAPageFactory(parent=topic, last_reviewed=datetime.date(2023, 1, 1))
    QACitation.objects.create(page=reviewed_before, document=library.code, article=3)
    QACitation.objects.create(page=reviewed_after, document=library.code, article=3)
    QACitation.objects.create(page=other_article, document=library.code, article=2)
    assert any("Article 3" in r or "Điều 3" in r for r in reviewed_before.review_reasons())
    assert reviewed_after.review_reasons() == []
    assert other_article.review_reasons() == []


def test_a_translation_shares_the_relations_of_its_source(library):
    from demo.translation import translate

    english_home = translate(library.federation.home, "en", {})
    assert english_home.live
    translate(library.shelf, "en", {})
    english_code = translate(library.code, "en", {library.code.title: "Model Labour Code"})
    repealer = LegalDocumentPageFactory(
        parent=library.shelf, date_issued=datetime.date(2023, 6, 1), date_effective=datetime.date(2023, 9, 1)
    )
    ArticleAmendment.objects.create(document=repealer, target=library.code, article=1, repeals=True)
    publish(repealer)
    assert statuses(english_code)[2] == Status.PARTLY_EXPIRED

import datetime
from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from django.urls import reverse

from legal_library.factories import (
    DocumentTypeFactory,
    LegalDocumentPageFactory,
    LegalLibraryPageFactory,
    LegalQAPageFactory,
    LegalTopicPageFactory,
    generated_text,
    with_text,
)
from legal_library.models import LegalRelation, Provision, QACitation, RelationKind
from search.indexing import rebuild

from .conftest import CODE_TEXT, publish

pytestmark = pytest.mark.django_db


def test_document_page_shows_metadata_toc_and_article_anchors(client, library, english):
    response = client.get(english_url(library.code))
    html = response.content.decode()
    assert response.status_code == 200
    assert "45/2019/QH14" in html and "Quốc hội" in html
    assert 'id="dieu-3"' in html and 'id="dieu-3-khoan-1-diem-b"' in html and 'id="chuong-ii"' in html
    assert 'href="#dieu-2"' in html  # table of contents
    assert "In force" in html or "in force" in html


def english_url(page) -> str:
    return "/en" + page.url.removeprefix("/vi")


def test_amended_article_shows_new_wording_today_and_old_wording_on_an_earlier_date(client, library):
    today = client.get(english_url(library.code)).content.decode()
    article = today.split('id="dieu-3"')[1].split("</section>")[0]
    assert "40 ngày" in article and "as amended by" in article
    assert "Earlier wording" in article and "Ít nhất 45 ngày" in article  # inside the collapsed details
    before = client.get(english_url(library.code), {"on": "2022-03-01"}).content.decode()
    article = before.split('id="dieu-3"')[1].split("</section>")[0]
    assert "Ít nhất 45 ngày" in article and "40 ngày" not in article


def test_a_bad_date_shows_todays_text_and_says_how_to_write_it(client, library, english):
    response = client.get(english_url(library.code), {"on": "31/12/2022"})
    assert response.status_code == 200
    assert "Enter a date as YYYY-MM-DD" in response.content.decode()


def test_relation_entered_once_is_shown_on_both_documents(client, library, english):
    code_html = client.get(english_url(library.code)).content.decode()
    decree_html = client.get(english_url(library.decree)).content.decode()
    assert "is amended by" in code_html and library.decree.title in code_html
    assert "amends" in decree_html and library.code.title in decree_html


def test_document_page_query_count_does_not_grow_with_length(client, library, django_assert_max_num_queries):
    short = publish(with_text(LegalDocumentPageFactory(parent=library.shelf, slug="ngan"), generated_text(2)))
    long = publish(with_text(LegalDocumentPageFactory(parent=library.shelf, slug="dai"), generated_text(120)))
    for _other in range(3):
        LegalRelation.objects.create(
            document=publish(LegalDocumentPageFactory(parent=library.shelf)),
            target=long,
            kind=RelationKind.GUIDES,
        )
    # Warm both pages first: the first request creates the site settings row, and each page's first
    # request fills its own cached shell entries (breadcrumbs, language links: ~7 queries, see
    # home/shell_cache.py). Comparing a warm short page with a cold long one measured the cache, not
    # the length. Warm, a document page does 13 queries whatever its length (the provisions come in
    # one query, relations and amendments in one each).
    client.get(short.url)
    client.get(long.url)
    with django_assert_max_num_queries(14) as few:  # the target: under 15
        client.get(short.url)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(long.url)
    assert response.content.decode().count('class="legal-article"') == 120


def test_library_finds_a_document_by_number_with_or_without_separators(client, library):
    rebuild()
    for query in ("45/2019/QH14", "45 2019 qh14", "452019QH14"):
        html = client.get(library.shelf.url, {"q": query}).content.decode()
        assert library.code.title in html, query
        assert library.decree.title not in html.split('id="legal-docs"')[1], query


def test_library_article_hit_opens_the_article(client, library):
    rebuild()
    response = client.get(library.shelf.url, {"q": "dieu 3 bo luat lao dong mau"})
    assert response.context["direct_article"].url() == f"{library.code.url}#dieu-3"
    assert f'{library.code.url}#dieu-3"' in response.content.decode()
    # the article is also found on its own by its words, through the shared search
    hits = client.get(library.shelf.url, {"q": "ngược đãi"}).context["article_hits"]
    assert [hit.url for hit in hits] == [f"{library.code.url}#dieu-3"]


def test_library_facets_filter_and_count(client, library, django_assert_max_num_queries):
    client.get(library.shelf.url)  # the site shell creates its settings row on the first request
    with django_assert_max_num_queries(30):
        response = client.get(library.shelf.url, {"type": "decree"})
    context = response.context
    assert [d.pk for d in context["page_obj"]] == [library.decree.pk]
    type_counts = {f.value: f.count for f in context["facets"]["type"]}
    assert type_counts == {"code": 1, "decree": 1}  # each facet counts its alternatives
    status = client.get(library.shelf.url, {"status": "in_force"}).context
    assert {d.pk for d in status["page_obj"]} == {library.code.pk, library.decree.pk}
    assert client.get(library.shelf.url, {"status": "expired"}).context["page_obj"].paginator.count == 0


def test_library_sorts_by_date_effective(client, library):
    DocumentTypeFactory(name="Thông tư", slug="circular")
    docs = client.get(library.shelf.url, {"sort": "effective"}).context["page_obj"]
    assert [d.pk for d in docs] == [library.decree.pk, library.code.pk]


def test_qa_page_links_to_the_article_anchor_and_topic_gathers_it(
    client, library, django_assert_max_num_queries
):
    topic = LegalTopicPageFactory(parent=library.shelf, title="Chấm dứt hợp đồng")
    library.code.topics.add(topic)
    publish(library.code)
    qa = LegalQAPageFactory(parent=topic)
    QACitation.objects.create(page=qa, document=library.code, article=3, clause=1)
    publish(qa)
    client.get(qa.url)  # the site shell creates its settings row on the first request
    with django_assert_max_num_queries(25):
        qa_html = client.get(qa.url).content.decode()
    assert f'{library.code.url}#dieu-3-khoan-1"' in qa_html
    with django_assert_max_num_queries(25):
        topic_html = client.get(topic.url).content.decode()
    assert qa.title in topic_html and library.code.title in topic_html


def english_admin(user_model):
    admin = user_model.objects.create_superuser("root", "root@example.org", "pw")
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    return admin


def test_import_view_needs_publish_rights_on_the_document(client, library):
    url = reverse("legal_library_import", args=[library.code.pk])
    client.force_login(library.federation.saigon_editor)
    assert client.get(url).status_code in (302, 403)


def test_import_view_previews_problems_then_saves_all(client, library, django_user_model, english):
    client.force_login(english_admin(django_user_model))
    url = reverse("legal_library_import", args=[library.code.pk])
    broken = client.post(url, {"text": "Điều 1. A\nĐiều 3. B", "action": "save"}).content.decode()
    assert "Line 2:" in broken and "Article 3 follows article 1" in broken
    assert "Điều 3. B" in broken  # the text is kept for fixing
    assert Provision.objects.filter(document=library.code, kind="article").count() == 3
    preview = client.post(url, {"text": generated_text(4), "action": "preview"})
    assert "4 articles" in preview.content.decode()
    assert Provision.objects.filter(document=library.code, kind="article").count() == 3
    saved = client.post(url, {"text": generated_text(4), "action": "save"})
    assert saved.status_code == 302
    assert Provision.objects.filter(document=library.code, kind="article").count() == 4


def test_import_view_refuses_other_uploads(client, library, django_user_model, english):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(english_admin(django_user_model))
    url = reverse("legal_library_import", args=[library.code.pk])
    html = client.post(
        url, {"file": SimpleUploadedFile("x.pdf", b"%PDF"), "action": "preview"}
    ).content.decode()
    assert "Upload a .txt or .docx file." in html


def test_review_report_lists_scenarios_whose_article_changed(client, library, django_user_model):
    topic = LegalTopicPageFactory(parent=library.shelf)
    qa = LegalQAPageFactory(
        parent=topic, title="Nghỉ việc báo trước", last_reviewed=datetime.date(2023, 1, 1)
    )
    QACitation.objects.create(page=qa, document=library.code, article=3)
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org", "pw"))
    assert "Nghỉ việc báo trước" in client.get(reverse("legal_library_review")).content.decode()


@pytest.fixture
def scenarios_to_review(library):
    """A scenario to review at the confederation's library and one in the Hanoi section's own library."""
    national = LegalQAPageFactory(
        parent=LegalTopicPageFactory(parent=library.shelf),
        title="Nghỉ việc báo trước",
        last_reviewed=datetime.date(2023, 1, 1),
    )
    hanoi_shelf = LegalLibraryPageFactory(parent=library.federation.hanoi_section)
    hanoi = LegalQAPageFactory(
        parent=LegalTopicPageFactory(parent=hanoi_shelf),
        title="Báo trước khi nghỉ việc ở Hà Nội",
        last_reviewed=datetime.date(2023, 1, 1),
    )
    for qa in (national, hanoi):
        QACitation.objects.create(page=qa, document=library.code, article=3)
    return SimpleNamespace(national=national, hanoi=hanoi)


def review_menu_shown(user) -> bool:
    from legal_library.wagtail_hooks import review_menu_item

    request = RequestFactory().get("/admin/")
    request.user = user
    return review_menu_item().is_shown(request)


def test_an_editor_of_another_section_may_not_open_the_review_report(client, library, scenarios_to_review):
    saigon_editor = library.federation.saigon_editor
    client.force_login(saigon_editor)
    assert client.get(reverse("legal_library_review")).status_code == 403
    assert not review_menu_shown(saigon_editor)


def test_an_editor_reviews_only_the_scenarios_of_their_section(client, library, scenarios_to_review):
    hanoi_editor = library.federation.hanoi_editor
    client.force_login(hanoi_editor)
    response = client.get(reverse("legal_library_review"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Báo trước khi nghỉ việc ở Hà Nội" in html
    assert "Nghỉ việc báo trước" not in html
    assert review_menu_shown(hanoi_editor)


def test_reimporting_the_same_text_keeps_every_anchor(library):
    before = list(Provision.objects.filter(document=library.code).values_list("anchor", flat=True))
    with_text(library.code, CODE_TEXT)
    assert list(Provision.objects.filter(document=library.code).values_list("anchor", flat=True)) == before

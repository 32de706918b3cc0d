import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from assistant import learning
from assistant.models import Exchange
from conftest import make_user
from federations.permissions import editors_group_name
from legal_library.models import LegalQAPage

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/assistant/"


def ask(client, page, question):
    return client.post(page.url, {"question": question})


@pytest.fixture
def legal_editor(federation):
    """An editor of the confederation's section who may read the report."""

    user = make_user("bientap.tw", editors_group_name(federation.confederation))
    user.user_permissions.add(Permission.objects.get(codename="view_learning_report"))
    return user


def test_unanswered_and_unhelpful_questions_are_grouped_with_counts(client, library, people):
    client.force_login(people.hang.account)
    for question in (
        "cong ty cho nghi an trua bao lau",
        "nghi an trua duoc bao lau",
        "nghi an trua may phut",
    ):
        ask(client, library.page_en, question)
    ask(client, library.page_en, "gia xang hom nay")
    ask(client, library.page_en, "nghi thai san may thang")
    helped = Exchange.objects.get(question="nghi thai san may thang")
    helped.helpful = False
    helped.save()

    groups = learning.groups()
    by_size = sorted(groups, key=lambda g: -g.count)
    assert by_size[0].count == 3
    assert by_size[0].unanswered == 3
    assert by_size[0].example == "nghi an trua may phut"  # the shortest says it most plainly
    assert sorted(g.count for g in groups) == [1, 1, 3]
    assert any(g.unhelpful == 1 and g.questions == ["nghi thai san may thang"] for g in groups)


def test_report_needs_its_permission(client, library, federation):
    plain_editor = make_user("bientap.hn2", editors_group_name(federation.hanoi))
    client.force_login(plain_editor)
    response = client.get(REPORT)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_report_shows_groups_and_the_share_answered_by_week(client, library, people, legal_editor, english):
    client.force_login(people.hang.account)
    ask(client, library.page_en, "nghi an trua duoc bao lau")
    ask(client, library.page_en, "nghi thai san may thang")
    client.force_login(legal_editor)
    html = client.get(REPORT).content.decode()
    assert "nghi an trua duoc bao lau" in html
    assert "50 %" in html  # one of two questions answered this week
    assert reverse("assistant_new_scenario") + "?question=nghi%20an%20trua%20duoc%20bao%20lau" in html
    # Who asked is never shown.
    assert people.hang.full_name not in html and people.hang.member_number not in html


def test_editor_creates_a_scenario_from_a_group_and_once_published_it_answers(
    client, library, people, legal_editor, english
):
    client.force_login(people.hang.account)
    ask(client, library.page_en, "nghi an trua duoc bao lau")
    assert not Exchange.objects.get().answered

    client.force_login(legal_editor)
    url = reverse("assistant_new_scenario") + "?question=nghi%20an%20trua%20duoc%20bao%20lau"
    form = client.get(url)
    assert form.status_code == 200
    assert "nghi an trua duoc bao lau</textarea>" in form.content.decode()
    topic = library.topics["lao-dong-nu"]
    data = {
        "topic": topic.pk,
        "title": "Nghỉ ăn trưa được bao lâu?",
        "situation": "Ca làm 8 tiếng, chỉ được nghỉ ăn trưa 15 phút.",
        "question": "Nghỉ giữa giờ, nghỉ ăn trưa được bao lâu?",
        "answer": "Làm liên tục 8 giờ được nghỉ giữa giờ ít nhất 30 phút.",
        "document": library.code.pk,
        "article": 99,
    }
    refused = client.post(url, data)
    assert refused.status_code == 400  # article 99 does not exist
    assert not LegalQAPage.objects.filter(title=data["title"]).exists()

    data["article"] = 1
    response = client.post(url, data)
    scenario = LegalQAPage.objects.get(title=data["title"])
    assert response.status_code == 302 and response["Location"] == reverse(
        "wagtailadmin_pages:edit", args=[scenario.pk]
    )
    assert not scenario.live and scenario.get_parent().pk == topic.pk
    assert scenario.citations.get().article == 1

    scenario.get_latest_revision().publish()
    from search import indexing

    indexing.update_object(LegalQAPage.objects.get(pk=scenario.pk))
    client.force_login(people.hang.account)
    ask(client, library.page_en, "nghi an trua duoc bao lau")
    latest = Exchange.objects.latest("pk")
    assert latest.answered and latest.scenario_id == scenario.pk


def test_an_editor_who_cannot_add_to_any_topic_cannot_draft(client, library, federation):
    user = make_user("no.topics")
    user.user_permissions.add(
        Permission.objects.get(codename="view_learning_report"),
        Permission.objects.get(codename="access_admin"),
    )
    client.force_login(user)
    response = client.get(reverse("assistant_new_scenario"))
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message.
    assert response.status_code == 302 and response["Location"] == "/admin/"

import pytest

from assistant.models import Conversation, Exchange
from feedback.models import Case, Category

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.FEEDBACK_PRIVATE_ROOT = tmp_path / "private"


def test_member_sends_the_conversation_to_a_union_legal_adviser(client, library, people, english):
    client.force_login(people.hang.account)
    client.post(library.page_en.url, {"question": "bi no luong co duoc nghi ngay ko"})
    client.post(
        library.page_en.url, {"question": "gia vang hom nay", "conversation": Conversation.objects.get().pk}
    )
    first, second = Exchange.objects.order_by("pk")
    url = f"{library.page_en.url}answers/{second.pk}/adviser/"

    form = client.get(url)
    assert form.status_code == 200
    html = form.content.decode()
    assert "gia vang hom nay" in html  # the description starts as the question
    assert "bi no luong co duoc nghi ngay ko" in html  # the transcript to be attached is shown

    response = client.post(
        url,
        {"category": Category.WAGES, "description": "Công ty nợ lương 3 tháng", "employer": "Công ty May A"},
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == case.get_member_url()
    assert case.member == people.hang
    assert case.unit == people.hang.unit  # routed to the member's own unit
    assert case.category == Category.WAGES
    assert "bi no luong co duoc nghi ngay ko" in case.conversation
    assert "không cần báo trước" in case.conversation  # the assistant's answer travels with it
    assert "gia vang hom nay" in case.conversation
    assert Conversation.objects.get().case_url == case.get_member_url()


def test_the_adviser_form_suggests_the_category_of_the_scenario_topic(client, library, people):
    client.force_login(people.hang.account)
    client.post(library.page_en.url, {"question": "luong thu viec 70% co dung ko"})
    exchange = Exchange.objects.get()
    html = client.get(f"{library.page_en.url}answers/{exchange.pk}/adviser/").content.decode()
    assert f'<option value="{Category.WAGES}" selected>' in html


def test_an_empty_request_is_not_sent(client, library, people, english):
    client.force_login(people.hang.account)
    client.post(library.page_en.url, {"question": "nghi thai san may thang"})
    exchange = Exchange.objects.get()
    response = client.post(
        f"{library.page_en.url}answers/{exchange.pk}/adviser/", {"category": "other", "description": ""}
    )
    assert response.status_code == 400
    assert "Tell the adviser what you need." in response.content.decode()
    assert not Case.objects.exists()

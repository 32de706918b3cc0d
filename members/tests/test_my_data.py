"""A member sees, downloads and asks to correct the data held about them."""

import json

from django.urls import reverse

from members.models import CorrectionRequest


def test_the_member_downloads_their_data_as_json(client, linked):
    from members.linking import link_account

    link_account(linked.account, linked)  # records consent
    client.force_login(linked.account)
    response = client.get(reverse("members:my_data_json"))
    data = json.loads(response.content)
    assert data["member_number"] == "HN0000001"
    assert data["full_name"] == "Nguyễn Thị Hằng"
    assert data["consents"] and "13/2023" in data["consents"][0]["statement"]
    assert "4321" not in response.content.decode()
    assert "attachment" in response["Content-Disposition"]


def test_the_data_page_shows_the_record_with_bounded_queries(client, linked, django_assert_max_num_queries):
    client.force_login(linked.account)
    client.get(reverse("members:my_data"))
    with django_assert_max_num_queries(18):
        response = client.get(reverse("members:my_data"))
    assert "Nguyễn Thị Hằng" in response.content.decode()


def test_a_correction_request_reaches_the_officers(client, linked, hanoi_officer):
    client.force_login(linked.account)
    response = client.post(
        reverse("members:my_data"), {"field": "full_name", "correct_value": "Nguyễn Thị Thu Hằng", "note": ""}
    )
    assert response.status_code == 302
    assert CorrectionRequest.objects.get(member=linked).correct_value == "Nguyễn Thị Thu Hằng"
    client.force_login(hanoi_officer)
    assert "Nguyễn Thị Thu Hằng" in client.get("/en/members/officer/").content.decode()


def test_an_empty_correction_says_what_is_missing_and_keeps_the_choice(client, linked):
    client.force_login(linked.account)
    response = client.post("/en/members/my-data/", {"field": "phone", "correct_value": ""})
    assert response.status_code == 400
    assert 'value="phone" selected' in response.content.decode()
    assert not CorrectionRequest.objects.exists()


def test_someone_else_has_no_way_to_the_members_data(client, linked):
    from .conftest import verified_user

    client.force_login(verified_user("stranger"))
    assert client.get(reverse("members:my_data_json"))["Location"] == reverse("members:link")

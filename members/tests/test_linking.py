"""Linking an account to a member record, officers' approval, and failed-attempt limits."""

import datetime

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from members.models import ConsentRecord, LinkRequest, Member

from .conftest import verified_user


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()


def _link(client, **changes):
    data = {
        "member_number": "hn0000001",
        "date_of_birth": "1990-05-17",
        "id_last_four": "4321",
        "consent": "on",
        **changes,
    }
    return client.post("/en/members/link/", data)


def test_matching_details_link_at_once_and_record_consent(client, member):
    user = verified_user("hang")
    client.force_login(user)
    response = _link(client)
    assert response["Location"] == "/en/members/card/"
    member.refresh_from_db()
    assert member.account == user
    assert "13/2023" in ConsentRecord.objects.get(member=member, user=user).statement


def test_consent_is_required_and_the_form_keeps_what_was_typed(client, member):
    client.force_login(verified_user("hang"))
    response = _link(client, consent="")
    assert response.status_code == 200
    assert 'value="hn0000001"' in response.content.decode()
    member.refresh_from_db()
    assert member.account is None


def test_details_that_do_not_match_go_to_the_units_officers(client, member, hanoi_officer):
    user = verified_user("hang")
    client.force_login(user)
    _link(client, id_last_four="9999", message="Tôi đổi CCCD mới")
    member.refresh_from_db()
    assert member.account is None
    request = LinkRequest.objects.get(user=user, member=member)
    assert request.status == LinkRequest.Status.PENDING
    client.force_login(hanoi_officer)
    page = client.get("/en/members/officer/")
    assert "Tôi đổi CCCD mới" in page.content.decode()
    client.post(f"/en/members/officer/requests/{request.pk}/", {"decision": "approve"})
    member.refresh_from_db()
    assert member.account == user
    assert ConsentRecord.objects.filter(member=member, user=user).exists()


def test_an_officer_of_another_province_can_neither_see_nor_decide_a_request(client, member, saigon_officer):
    user = verified_user("hang")
    client.force_login(user)
    _link(client, date_of_birth="1991-01-01")
    request = LinkRequest.objects.get(user=user)
    client.force_login(saigon_officer)
    assert "Nguyễn Thị Hằng" not in client.get("/en/members/officer/").content.decode()
    response = client.post(f"/en/members/officer/requests/{request.pk}/", {"decision": "approve"})
    assert response.status_code == 404
    member.refresh_from_db()
    assert member.account is None


def test_an_officer_rejects_a_request(client, member, hanoi_officer):
    user = verified_user("hang")
    client.force_login(user)
    _link(client, id_last_four="0000")
    request = LinkRequest.objects.get(user=user)
    client.force_login(hanoi_officer)
    client.post(f"/en/members/officer/requests/{request.pk}/", {"decision": "reject"})
    request.refresh_from_db()
    assert request.status == LinkRequest.Status.REJECTED
    assert Member.objects.get(pk=member.pk).account is None


@pytest.mark.parametrize("decision", [None, "", "REJECT", "approved", "maybe"])
def test_a_forged_decision_decides_nothing(client, member, hanoi_officer, decision):
    user = verified_user("hang")
    client.force_login(user)
    _link(client, id_last_four="0000")
    request = LinkRequest.objects.get(user=user)
    client.force_login(hanoi_officer)
    data = {} if decision is None else {"decision": decision}
    response = client.post(f"/en/members/officer/requests/{request.pk}/", data)
    assert response.status_code == 400
    request.refresh_from_db()
    assert request.status == LinkRequest.Status.PENDING
    assert request.decided_by is None
    assert Member.objects.get(pk=member.pk).account is None


def test_a_member_without_an_officer_role_cannot_open_the_officers_page(client, member):
    client.force_login(verified_user("hang"))
    assert client.get("/en/members/officer/").status_code == 403


@override_settings(STAFF_REQUIRE_MFA=True)
def test_officers_need_a_second_factor_for_their_page(client, hanoi_officer):
    client.force_login(hanoi_officer)
    assert client.get("/en/members/officer/")["Location"] == reverse("mfa_activate_totp")


def test_repeated_failures_are_stopped_even_with_the_right_details(client, member):
    client.force_login(verified_user("hang"))
    for _ in range(5):
        _link(client, id_last_four="1111")
    response = _link(client)
    assert response.status_code == 200
    assert "Too many attempts" in response.content.decode()
    member.refresh_from_db()
    assert member.account is None


def test_an_unknown_member_number_says_what_to_check(client, units):
    client.force_login(verified_user("hang"))
    response = _link(client, member_number="XX999")
    assert "No member has this number" in response.content.decode()


def test_a_membership_linked_to_someone_else_is_not_taken_over(client, linked):
    client.force_login(verified_user("intruder"))
    response = _link(client)
    assert "already linked to another account" in response.content.decode()
    linked.refresh_from_db()
    assert linked.account.username == "hang"


def test_an_account_with_nothing_verified_must_confirm_first(client, member):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_user("unverified", "u@example.org", "pw"))
    assert _link(client).status_code == 403
    member.refresh_from_db()
    assert member.account is None


def test_the_date_of_birth_must_be_a_date(client, member):
    client.force_login(verified_user("hang"))
    response = _link(client, date_of_birth="17/13/1990")
    assert response.status_code == 200
    assert 'name="date_of_birth"' in response.content.decode()
    assert member.date_of_birth == datetime.date(1990, 5, 17)

"""Officers see and edit the members of their own units, and only those, in the admin."""

import pytest

from members.factories import MemberFactory
from members.models import Member


@pytest.fixture
def two_provinces(units):
    hanoi_members = [MemberFactory(unit=units.grassroots) for _ in range(3)]
    saigon_members = [
        MemberFactory(unit=units.saigon_grassroots, full_name="Lê Văn Sài Gòn") for _ in range(2)
    ]
    return hanoi_members, saigon_members


def test_an_officer_sees_members_of_units_below_and_not_of_other_provinces(two_provinces, hanoi_officer):
    hanoi_members, saigon_members = two_provinces
    visible = set(Member.objects.visible_to(hanoi_officer))
    assert visible == set(hanoi_members)


def test_an_officer_of_a_grassroots_union_does_not_see_the_levels_above(units, hanoi_officer):
    from federations.models import UnitOfficer

    from .conftest import verified_user

    upper_member = MemberFactory(unit=units.cau_giay)
    grassroots_officer = verified_user("officer.cs")
    UnitOfficer.objects.create(user=grassroots_officer, unit=units.grassroots)
    assert upper_member not in Member.objects.visible_to(grassroots_officer)
    assert upper_member in Member.objects.visible_to(hanoi_officer)


def test_admin_listing_shows_only_the_officers_members(
    client, two_provinces, hanoi_officer, django_assert_max_num_queries
):
    client.force_login(hanoi_officer)
    with django_assert_max_num_queries(40):
        response = client.get("/admin/member_records/")
    body = response.content.decode()
    assert response.status_code == 200
    assert all(m.member_number in body for m in two_provinces[0])
    assert "Lê Văn Sài Gòn" not in body


def test_the_admin_listing_query_count_does_not_grow_with_members(
    client, units, hanoi_officer, django_assert_max_num_queries
):
    MemberFactory.create_batch(25, unit=units.grassroots)
    client.force_login(hanoi_officer)
    client.get("/admin/member_records/")
    with django_assert_max_num_queries(40):
        client.get("/admin/member_records/")


def test_an_officer_cannot_open_or_edit_a_member_of_another_province(client, two_provinces, hanoi_officer):
    other = two_provinces[1][0]
    client.force_login(hanoi_officer)
    assert client.get(f"/admin/member_records/edit/{other.pk}/", follow=True).status_code == 404
    assert client.get(f"/admin/member_records/inspect/{other.pk}/", follow=True).status_code == 404
    response = client.post(f"/admin/member_records/edit/{other.pk}/", {"full_name": "Hacked"})
    assert response.status_code in (302, 403, 404)
    other.refresh_from_db()
    assert other.full_name == "Lê Văn Sài Gòn"


def test_an_officer_edits_their_own_member_but_cannot_move_them_to_another_province(
    client, two_provinces, units, hanoi_officer
):
    mine = two_provinces[0][0]
    client.force_login(hanoi_officer)
    assert client.get(f"/admin/member_records/edit/{mine.pk}/").status_code == 200
    data = {
        "full_name": "Nguyễn Văn Mới",
        "date_of_birth": "1990-05-17",
        "gender": "male",
        "phone": "",
        "email": "",
        "unit": units.saigon_grassroots.pk,
        "date_joined": "2015-03-01",
        "status": "active",
        "card_expires": "2030-01-01",
    }
    client.post(f"/admin/member_records/edit/{mine.pk}/", data)
    mine.refresh_from_db()
    assert mine.unit == units.grassroots
    data["unit"] = units.grassroots.pk
    response = client.post(f"/admin/member_records/edit/{mine.pk}/", data)
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.full_name == "Nguyễn Văn Mới"


def test_someone_who_is_no_officer_cannot_reach_the_members_admin(client, two_provinces):
    from .conftest import verified_user

    client.force_login(verified_user("nobody"))
    response = client.get("/admin/member_records/")
    assert response.status_code in (302, 403)


def test_the_member_form_picks_the_unit_with_a_chooser_not_a_list_of_every_unit(
    client, two_provinces, hanoi_officer
):
    client.force_login(hanoi_officer)
    body = client.get(f"/admin/member_records/edit/{two_provinces[0][0].pk}/").content.decode()
    assert "/admin/member_unit_chooser/" in body
    assert "<option" not in body.split('name="unit"')[1].split("</div>")[0]


def test_the_unit_chooser_offers_only_units_in_the_officers_subtree(client, units, hanoi_officer):
    client.force_login(hanoi_officer)
    body = client.get("/admin/member_unit_chooser/results/").content.decode()
    assert "HN-CG-01" in body and "HN-CG" in body
    assert "HCM-01" not in body and "Bến Nghé" not in body
    found = client.get("/admin/member_unit_chooser/results/", {"q": "nghia tan"}).content.decode()
    assert "HN-CG-01" in found and "quận Cầu Giấy" not in found
    other = client.get("/admin/member_unit_chooser/results/", {"q": "ben nghe"}).content.decode()
    assert "HCM-01" not in other


def test_choosing_a_unit_outside_the_subtree_is_refused(client, units, hanoi_officer):
    client.force_login(hanoi_officer)
    assert client.get(f"/admin/member_unit_chooser/chosen/{units.grassroots.pk}/").status_code == 200
    assert (
        client.get(
            f"/admin/member_unit_chooser/chosen/{units.saigon_grassroots.pk}/", follow=True
        ).status_code
        == 404
    )
    assert (
        client.get(f"/admin/member_unit_chooser/chosen/{units.confederation.pk}/", follow=True).status_code
        == 404
    )


def test_a_grassroots_officer_can_only_choose_their_own_unit(client, units):
    from federations.models import UnitOfficer

    from .conftest import verified_user

    officer = verified_user("officer.grassroots")
    UnitOfficer.objects.create(user=officer, unit=units.grassroots)
    client.force_login(officer)
    body = client.get("/admin/member_unit_chooser/results/").content.decode()
    assert "HN-CG-01" in body and "quận Cầu Giấy" not in body


def test_an_officer_suspending_then_reinstating_a_member_revokes_the_old_card_and_issues_a_new_one(
    client, two_provinces, units, hanoi_officer
):
    from members import card

    mine = Member.objects.select_related("unit").get(pk=two_provinces[0][0].pk)
    old_token = card.sign(card.claims_for(mine))
    client.force_login(hanoi_officer)
    data = {
        "full_name": mine.full_name,
        "date_of_birth": "1990-05-17",
        "gender": "male",
        "phone": "",
        "email": "",
        "unit": units.grassroots.pk,
        "date_joined": "2015-03-01",
        "status": "suspended",
        "card_expires": "2035-01-01",
    }
    assert client.post(f"/admin/member_records/edit/{mine.pk}/", data).status_code == 302
    assert card.verify(old_token).verdict == card.Verdict.REVOKED
    data["status"] = "active"
    assert client.post(f"/admin/member_records/edit/{mine.pk}/", data).status_code == 302
    reinstated = Member.objects.select_related("unit").get(pk=mine.pk)
    assert reinstated.card_serial != mine.card_serial
    assert card.verify(old_token).verdict == card.Verdict.REVOKED
    assert card.verify(card.sign(card.claims_for(reinstated))).verdict == card.Verdict.VALID

"""`import_members`: update by number, all or nothing, line-level errors."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from members import card
from members.identity import DocumentHasher, hashes_for, last_four_hash
from members.importing import CHUNK_ROWS, MAX_REPORTED_ERRORS, MemberImportError, import_members
from members.models import Member, RevokedCard

HEADER = "member_number,full_name,date_of_birth,gender,unit_code,date_joined,status,id_document_number\n"


def test_new_members_are_created_and_existing_ones_updated_by_number(units, member):
    result = import_members(
        HEADER
        + "HN0000001,Nguyễn Thị Hằng Mới,17/05/1990,nữ,HN-CG-01,2015-03-01,,\n"
        + "HN0000002,Trần Văn Bình,1985-01-02,nam,HN-CG-01,2020-01-01,active,079085001111\n"
    )
    assert (result.created, result.updated) == (1, 1)
    member.refresh_from_db()
    assert member.full_name == "Nguyễn Thị Hằng Mới"
    assert member.id_last_four_hash  # an empty document number keeps the stored hash
    new = Member.objects.get(member_number="HN0000002")
    assert new.gender == Member.Gender.MALE and new.id_document_hash and "1111" not in new.id_document_hash


def test_any_bad_line_imports_nothing_and_every_error_names_its_line(units, english):
    text = (
        HEADER
        + "HN1,Good Row,1990-01-01,,HN-CG-01,2020-01-01,,\n"
        + "HN2,Unknown Unit,1990-01-01,,NOWHERE,2020-01-01,,\n"
        + "HN3,Bad Date,31/02/1990,,HN-CG-01,2020-01-01,,\n"
        + "HN1,Duplicate,1990-01-01,,HN-CG-01,2020-01-01,,\n"
    )
    with pytest.raises(MemberImportError) as raised:
        import_members(text)
    errors = dict(raised.value.errors)
    assert "NOWHERE" in errors[3]
    assert "date_of_birth" in errors[4]
    assert "line 2" in errors[5]
    assert not Member.objects.exists()


def test_missing_columns_are_reported_before_anything(units, english):
    with pytest.raises(MemberImportError) as raised:
        import_members("member_number,full_name\nX,Y\n")
    assert "unit_code" in str(raised.value)


def test_ending_a_membership_by_import_revokes_the_card(units, member):
    token = card.sign(card.claims_for(member))
    result = import_members(HEADER + "HN0000001,Nguyễn Thị Hằng,1990-05-17,,HN-CG-01,2015-03-01,left,\n")
    assert result.revoked == 1
    assert card.verify(token).verdict == card.Verdict.REVOKED


def test_the_command_reports_counts_and_refuses_a_bad_file_whole(units, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(HEADER + "HN9,Phạm Thu,1990-01-01,,HN-CG-01,2020-01-01,,\n", encoding="utf-8")
    call_command("import_members", str(good), "--no-progress")
    assert Member.objects.filter(member_number="HN9").exists()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER + "HN10,Ok,1990-01-01,,HN-CG-01,2020-01-01,,\nHN11,Bad,1990-01-01,,XX,2020-01-01,,\n"
    )
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_members", str(bad), "--no-progress")
    assert not Member.objects.filter(member_number="HN10").exists()


def test_reinstating_a_member_gives_a_new_card_and_the_old_one_stays_revoked(units, member):
    old_token = card.sign(card.claims_for(member))
    import_members(HEADER + "HN0000001,Nguyễn Thị Hằng,1990-05-17,,HN-CG-01,2015-03-01,suspended,\n")
    result = import_members(HEADER + "HN0000001,Nguyễn Thị Hằng,1990-05-17,,HN-CG-01,2015-03-01,active,\n")
    assert result.revoked == 0
    member_before = member
    member = Member.objects.select_related("unit").get(pk=member_before.pk)
    assert member.card_serial != member_before.card_serial
    assert card.verify(old_token).verdict == card.Verdict.REVOKED
    assert card.verify(card.sign(card.claims_for(member))).verdict == card.Verdict.VALID


def test_a_suspended_member_who_leaves_keeps_one_revocation_and_the_same_serial(units, member):
    import_members(HEADER + "HN0000001,Nguyễn Thị Hằng,1990-05-17,,HN-CG-01,2015-03-01,suspended,\n")
    result = import_members(HEADER + "HN0000001,Nguyễn Thị Hằng,1990-05-17,,HN-CG-01,2015-03-01,left,\n")
    assert result.revoked == 0
    assert Member.objects.get(pk=member.pk).card_serial == member.card_serial
    assert RevokedCard.objects.filter(serial=member.card_serial).count() == 1


def test_an_update_keeps_the_card_unless_the_file_gives_a_new_validity(units, member):
    line = "HN0000001,Nguyễn Thị Hằng,1990-05-17,,HN-CG-01,2015-03-01,,,{}\n"
    import_members(HEADER.rstrip("\n") + ",card_expires\n" + line.format(""))
    kept = Member.objects.get(pk=member.pk)
    assert (kept.card_serial, kept.card_expires) == (member.card_serial, member.card_expires)
    import_members(HEADER.rstrip("\n") + ",card_expires\n" + line.format("31/12/2031"))
    assert Member.objects.get(pk=member.pk).card_expires == datetime.date(2031, 12, 31)


def test_new_members_get_distinct_serials_a_card_that_verifies_and_matching_document_hashes(units):
    rows = "".join(
        f"HN{n},Người {n},1990-01-0{n},nữ,HN-CG-01,2020-01-01,,0790850{n:05d}\n" for n in range(1, 6)
    )
    import_members(HEADER + rows)
    members = list(Member.objects.select_related("unit").order_by("member_number"))
    assert len({m.card_serial for m in members}) == 5
    assert members[0].card_expires > datetime.date.today()
    assert (members[0].id_document_hash, members[0].id_last_four_hash) == hashes_for("HN1", "079085000001")
    assert all(card.verify(card.sign(card.claims_for(m))).verdict == card.Verdict.VALID for m in members)


def test_importing_the_same_file_twice_updates_in_place(units):
    text = (
        HEADER + "HN1,Một,1990-01-01,,HN-CG-01,2020-01-01,,\nHN2,Hai,1990-01-01,,HN-CG-01,2020-01-01,left,\n"
    )
    first = import_members(text)
    serials = dict(Member.objects.values_list("member_number", "card_serial"))
    second = import_members(text)
    assert (first.created, first.updated, second.created, second.updated) == (2, 0, 0, 2)
    assert second.revoked == 0
    assert dict(Member.objects.values_list("member_number", "card_serial")) == serials


def test_a_duplicate_of_a_bad_line_and_other_bad_values_are_each_reported(units, english):
    text = (
        HEADER.rstrip("\n")
        + ",email,phone\n"
        + "HN1,,1990-01-01,,HN-CG-01,2020-01-01,,,,\n"
        + "hn1,Lower Case Duplicate,1990-01-01,,HN-CG-01,2020-01-01,,,,\n"
        + f"HN2,Bad Values,1990-01-01,x,HN-CG-01,2020-01-01,gone,,not-an-address,{'9' * 21}\n"
        + '"HN3","Quoted\nName",1990-13-01,,HN-CG-01,2020-01-01,,,,\n'
    )
    with pytest.raises(MemberImportError) as raised:
        import_members(text)
    errors = dict(raised.value.errors)
    assert "full name is missing" in errors[2]
    assert "also on line 2" in errors[3]
    assert all(
        word in errors[4] for word in ("gender", "status", "not-an-address", "phone is longer than 20")
    )
    assert "1990-13-01" in errors[6]  # the line the quoted record ends on
    assert [line for line, _message in raised.value.errors] == [2, 3, 4, 6]
    assert not Member.objects.exists()


def test_errors_come_in_line_order_and_stop_at_the_reporting_limit(units, english):
    rows = "".join(f"X{n},Name,1990-01-01,,NOWHERE,2020-01-01,,\n" for n in range(MAX_REPORTED_ERRORS + 50))
    with pytest.raises(MemberImportError) as raised:
        import_members(HEADER + rows + "X0,Dup,1990-01-01,,HN-CG-01,2020-01-01,,\n")
    lines = [line for line, _message in raised.value.errors]
    assert lines == list(range(2, MAX_REPORTED_ERRORS + 2))


def test_progress_counts_every_row(units):
    counted = []
    rows = "".join(f"P{n},Name,1990-01-01,,HN-CG-01,2020-01-01,,\n" for n in range(CHUNK_ROWS + 7))
    import_members(HEADER + rows, progress=counted.append)
    assert sum(counted) == CHUNK_ROWS + 7
    assert Member.objects.count() == CHUNK_ROWS + 7


def test_the_bulk_hasher_gives_the_same_hashes_as_the_linking_code():
    hasher = DocumentHasher()
    for number, document in [("HN1", "001190004321"), ("HN2", " 0011-9000 4321 "), ("X", "ab12"), ("Y", "")]:
        assert hasher.hashes(number, document) == hashes_for(number, document)
    assert hashes_for("HN1", "001190004321")[1] == last_four_hash("HN1", "4321")

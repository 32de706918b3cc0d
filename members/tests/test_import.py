"""`import_members`: update by number, all or nothing, line-level errors."""

import pytest
from django.core.management import CommandError, call_command

from members import card
from members.importing import MemberImportError, import_members
from members.models import Member

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

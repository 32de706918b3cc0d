import io

import pytest
from django.core.management import CommandError, call_command

from federations.importing import UnitImportError, import_units
from federations.models import Level, Unit

HEADER = "code,parent_code,level,name_vi,name_en,province\n"

# Message texts are asserted in English; one test checks the Vietnamese catalogue.
pytestmark = pytest.mark.usefixtures("english")

GOOD = (
    HEADER
    + """\
HN-01,HN,grassroots,Công đoàn cơ sở Công ty May Sông Hồng,,Hà Nội
HN,TLD,federation,Liên đoàn Lao động thành phố Hà Nội,Hanoi Federation of Labour,Hà Nội
TLD,,confederation,Tổng Liên đoàn Lao động Việt Nam,Vietnam General Confederation of Labour,
HN-CG,HN,upper,Liên đoàn Lao động quận Cầu Giấy,,Hà Nội
HN-CG-01,HN-CG,4,Công đoàn cơ sở Trường Tiểu học Nghĩa Tân,,Hà Nội
"""
)


def errors_of(text: str) -> list[tuple[int, str]]:
    with pytest.raises(UnitImportError) as caught:
        import_units(text)
    return caught.value.errors


@pytest.mark.django_db
def test_import_builds_the_tree_with_parents_given_later_in_the_file():
    summary = import_units(GOOD)

    assert summary.created == 5
    assert Unit.objects.get(code="HN-01").get_parent().code == "HN"
    assert Unit.objects.get(code="HN-CG-01").get_parent().code == "HN-CG"
    assert [unit.code for unit in Unit.objects.get(code="TLD").get_children()] == ["HN"]
    assert Unit.objects.get(code="HN").get_children().count() == 2
    assert Unit.objects.get(code="HN-CG-01").level == Level.GRASSROOTS
    assert Unit.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
def test_imported_unit_is_found_without_diacritics():
    import_units(GOOD)

    assert list(Unit.objects.matching("tieu hoc nghia tan").values_list("code", flat=True)) == ["HN-CG-01"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rows", "line", "reason"),
    [
        ("TLD,,confederation,Tổng,,\nX1,NOPE,federation,Tỉnh,,\n", 3, "unknown parent NOPE"),
        (
            "TLD,,confederation,Tổng,,\nA,TLD,federation,A,,\nA,TLD,federation,A again,,\n",
            4,
            "duplicate code A (first on line 3)",
        ),
        ("TLD,,confederation,Tổng,,\nG,TLD,grassroots,Cơ sở,,\n", 3, "cannot sit under TLD"),
        ("TLD,,confederation,Tổng,,\nA,TLD,federation,A,,\nB,A,federation,B,,\n", 4, "cannot sit under A"),
        ("TLD,,confederation,Tổng,,\nU1,U2,upper,U1,,\nU2,U1,upper,U2,,\n", 3, "cycle"),
        ("TLD,,confederation,Tổng,,\nA,TLD,province,A,,\n", 3, "unknown level 'province'"),
        ("TLD,,confederation,Tổng,,\nA,TLD,federation,,,\n", 3, "name_vi is empty"),
        ("TLD,,confederation,Tổng,,\nbad code!,TLD,federation,A,,\n", 3, "must be 1-32 letters"),
        ("TLD,,confederation,Tổng,,\nA,,federation,A,,\n", 3, "parent_code is empty"),
    ],
)
def test_each_bad_row_is_reported_with_its_line_and_reason(rows, line, reason):
    errors = errors_of(HEADER + rows)

    assert any(number == line and reason in message for number, message in errors), errors
    assert Unit.objects.count() == 0


@pytest.mark.django_db
def test_missing_column_is_reported_on_line_one():
    errors = errors_of("code,level,name_vi\nTLD,1,Tổng\n")

    assert errors == [(1, "missing column(s): parent_code")]


@pytest.mark.django_db
def test_one_bad_row_means_nothing_is_written():
    bad = GOOD + "HN-99,NOWHERE,grassroots,Công đoàn cơ sở lạc,,\n"

    errors = errors_of(bad)

    assert errors == [(7, "unknown parent NOWHERE")]
    assert Unit.objects.count() == 0


@pytest.mark.django_db
def test_reimport_updates_by_code_moves_and_adds():
    import_units(GOOD)
    hn_cg_01 = Unit.objects.get(code="HN-CG-01")

    summary = import_units(
        HEADER
        + """\
HN,TLD,federation,Liên đoàn Lao động Thủ đô Hà Nội,Hanoi Federation of Labour,Hà Nội
HCM,TLD,federation,Liên đoàn Lao động Thành phố Hồ Chí Minh,,TP. Hồ Chí Minh
HN-CG-01,HCM,grassroots,Công đoàn cơ sở Trường Tiểu học Nghĩa Tân,,Hà Nội
HCM-01,HCM,grassroots,Công đoàn cơ sở Khách sạn Bến Nghé,,TP. Hồ Chí Minh
"""
    )

    assert (summary.created, summary.updated, summary.moved) == (2, 1, 1)
    assert Unit.objects.get(code="HN").name_vi == "Liên đoàn Lao động Thủ đô Hà Nội"
    moved = Unit.objects.get(code="HN-CG-01")
    assert moved.pk == hn_cg_01.pk
    assert moved.get_parent().code == "HCM"
    assert sorted(u.code for u in Unit.objects.get(code="HCM").get_children()) == ["HCM-01", "HN-CG-01"]
    assert Unit.objects.get(code="HN-CG").get_children().count() == 0
    assert Unit.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
def test_reimporting_the_same_file_changes_nothing():
    import_units(GOOD)
    before = list(Unit.objects.values_list("code", "path", "numchild", "name_vi"))

    summary = import_units(GOOD)

    assert (summary.created, summary.updated, summary.moved, summary.unchanged) == (0, 0, 0, 5)
    assert list(Unit.objects.values_list("code", "path", "numchild", "name_vi")) == before


@pytest.mark.django_db
def test_reimport_cannot_make_a_cycle_through_existing_units():
    import_units(GOOD)

    errors = errors_of(HEADER + "HN,HN-CG,federation,Hà Nội,,\n")

    assert any("cycle" in message for _line, message in errors)


@pytest.mark.django_db
def test_command_reports_lines_and_fails(tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(HEADER + "TLD,,confederation,Tổng,,\nX,NOPE,federation,X,,\n", encoding="utf-8")
    stderr = io.StringIO()

    with pytest.raises(CommandError, match="1 error"):
        call_command("import_units", str(path), stderr=stderr)

    assert "line 3: unknown parent NOPE" in stderr.getvalue()
    assert Unit.objects.count() == 0


@pytest.mark.django_db
def test_errors_are_reported_in_vietnamese_by_default():
    from django.utils import translation

    with translation.override("vi"):
        errors = errors_of(HEADER + "TLD,,confederation,Tổng,,\nX,NOPE,federation,X,,\n")

    assert errors == [(3, "không có đơn vị cấp trên NOPE")]


@pytest.mark.django_db
def test_command_imports_a_good_file(tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(GOOD, encoding="utf-8-sig")
    stdout = io.StringIO()

    call_command("import_units", str(path), stdout=stdout)

    assert "Units created: 5" in stdout.getvalue()
    assert Unit.objects.count() == 5

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from contests.importing import ImportFailed, export_file, import_member_counts, import_questions
from contests.models import Question, UnitMemberCount

HEADER = "topic,difficulty,type,question,option_1,option_2,option_3,option_4,correct,explanation\n"


def csv_upload(text: str, name: str = "bank.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"))


def test_a_good_csv_adds_every_question(contest_setup):
    bank = contest_setup.bank
    before = Question.objects.count()
    count = import_questions(
        bank,
        csv_upload(
            HEADER
            + "luật,easy,,Công đoàn được thành lập theo luật nào?,Luật Công đoàn,Luật Đất đai,,,A,Điều 1\n"
            'điều lệ,3,multiple,Chọn các quyền của đoàn viên,Được bảo vệ,Được học tập,Phải nộp thuế,,"A,B",\n'
        ),
    )
    assert count == 2
    assert Question.objects.count() == before + 2
    multiple = Question.objects.get(text="Chọn các quyền của đoàn viên")
    assert multiple.kind == "multiple" and multiple.difficulty == 3
    assert [o.is_correct for o in multiple.options.order_by("sort_order")] == [True, True, False]


def test_a_bad_line_is_reported_by_number_and_nothing_is_imported(contest_setup, english):
    before = Question.objects.count()
    with pytest.raises(ImportFailed) as failure:
        import_questions(
            contest_setup.bank,
            csv_upload(
                HEADER + "luật,,,Câu hỏi tốt?,Có,Không,,,A,\n"
                ",,,Câu hỏi không có đáp án đúng?,Có,Không,,,,\n"
                ',,single,Hai đáp án cho câu một lựa chọn?,Có,Không,,,"1,2",\n'
                ",,,Đáp án không tồn tại?,Có,Không,,,E,\n"
            ),
        )
    errors = failure.value.errors
    assert [e.split(":")[0] for e in errors] == ["Line 3", "Line 4", "Line 5"]
    assert Question.objects.count() == before


def test_xlsx_export_imports_back_the_same_questions(contest_setup):
    content, _type = export_file(contest_setup.bank, "xlsx")
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    assert len(rows) == 1 + contest_setup.bank.source_questions().count()
    before = Question.objects.count()
    import_questions(contest_setup.bank, SimpleUploadedFile("bank.xlsx", content))
    assert Question.objects.count() == 2 * before


def test_files_of_other_types_are_refused(contest_setup):
    with pytest.raises(ImportFailed):
        import_questions(contest_setup.bank, SimpleUploadedFile("bank.xlsx", b"not a zip"))
    with pytest.raises(ImportFailed):
        import_questions(contest_setup.bank, SimpleUploadedFile("bank.pdf", b"%PDF"))


def test_member_counts_import_is_all_or_nothing(contest_setup, english):
    workbook = Workbook()
    sheet = workbook.active
    for row in (["code", "member_count", "as_of"], ["HN-CG-01", "1.200", "2025-01-01"], ["NOPE", "5", ""]):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(ImportFailed) as failure:
        import_member_counts(SimpleUploadedFile("counts.xlsx", buffer.getvalue()))
    assert failure.value.errors[0].startswith("Line 3")
    assert not UnitMemberCount.objects.exists()
    import_member_counts(csv_upload("code,member_count\nHN-CG-01,1200\n"))
    assert UnitMemberCount.objects.get().member_count == 1200


def test_member_counts_are_for_grassroots_unions_only(contest_setup, english):
    with pytest.raises(ImportFailed) as failure:
        import_member_counts(csv_upload("code,member_count\nHN,500000\n"))
    assert "grassroots" in failure.value.errors[0]

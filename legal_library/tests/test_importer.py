import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from legal_library.factories import LegalDocumentPageFactory, generated_text
from legal_library.importer import docx_text, parse, save_structure
from legal_library.models import Provision

from .conftest import CODE_TEXT


def test_wellformed_text_gives_parts_chapters_articles_clauses_and_points_with_anchors():
    result = parse(
        "Phần thứ nhất\nQUY ĐỊNH CHUNG\nMục 1\nTên mục\n" + CODE_TEXT.replace("Chương II", "Chương II.")
    )
    assert result.ok, result.problems
    assert [n.anchor for n in result.nodes][:3] == ["phan-thu-nhat", "muc-1", "chuong-i"]
    article_3 = next(n for n in result.articles if n.number == "3")
    assert article_3.heading == "Quyền đơn phương chấm dứt hợp đồng"
    assert [c.anchor for c in article_3.children] == ["dieu-3-khoan-1", "dieu-3-khoan-2"]
    assert [p.anchor for p in article_3.children[0].children] == [
        "dieu-3-khoan-1-diem-a",
        "dieu-3-khoan-1-diem-b",
    ]
    chapter = next(n for n in result.nodes if n.kind == "chapter")
    assert chapter.heading == "NHỮNG QUY ĐỊNH CHUNG"


def test_text_without_diacritics_is_understood():
    result = parse("Chuong I\nDieu 1. Pham vi\n1. Noi dung\na) Diem mot")
    assert result.ok
    assert result.articles[0].children[0].children[0].anchor == "dieu-1-khoan-1-diem-a"


def test_point_dd_follows_d_in_the_vietnamese_alphabet():
    result = parse("Điều 1. X\n1. Y\na) a\nb) b\nc) c\nd) d\nđ) dd\ne) e")
    assert result.ok, result.problems
    assert result.articles[0].children[0].children[4].anchor == "dieu-1-khoan-1-diem-dd"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("QUỐC HỘI\nĐiều 1. A", 1, "before the first heading"),
        ("Điều 1. A\nĐiều 3. B", 2, "Article 3 follows article 1"),
        ("Điều 1. A\nĐiều 2. B\nĐiều 2. C", 3, "Article 2 appears twice (first on line 2)"),
        ("Điều 1. A\n1. x\n3. y", 3, "Clause 3 of article 1 should be clause 2"),
        ("Điều 1. A\n1. x\na) p\nc) q", 4, "should be point b)"),
        ("Chương I\nX\nĐiều 1. A\nChương III\nY\nĐiều 2. B", 4, "Chapter III follows chapter 1"),
        ("Chương I\nchỉ có tiêu đề", 1, "No article found"),
    ],
)
def test_structural_problems_are_reported_with_their_line(english, text, line, words):
    problems = parse(text).problems
    assert any(p.line == line and words in p.message for p in problems), problems


@pytest.mark.django_db
def test_a_broken_text_is_never_saved_half(library):
    before = list(Provision.objects.filter(document=library.code).values_list("anchor", flat=True))
    broken = parse(CODE_TEXT + "Điều 3. Trùng số")
    with pytest.raises(ValueError):
        save_structure(library.code, broken)
    assert list(Provision.objects.filter(document=library.code).values_list("anchor", flat=True)) == before


@pytest.mark.django_db
def test_saving_replaces_the_whole_structure(library):
    save_structure(library.code, parse(generated_text(5)))
    anchors = set(Provision.objects.filter(document=library.code).values_list("anchor", flat=True))
    assert "dieu-5-khoan-2-diem-b" in anchors
    assert "dieu-3-khoan-1-diem-a" not in anchors  # the old structure is gone
    assert Provision.objects.filter(document=library.code, kind="article").count() == 5


def test_docx_paragraphs_become_lines():
    import io
    import zipfile

    body = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        "<w:p><w:r><w:t>Điều 1. </w:t></w:r><w:r><w:t>Phạm vi</w:t></w:r></w:p><w:p><w:r><w:t>1. Nội dung</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", body)
    assert docx_text(buffer.getvalue()) == "Điều 1. Phạm vi\n1. Nội dung"
    with pytest.raises(ValueError):
        docx_text(b"not a zip")


@pytest.mark.django_db
def test_command_imports_a_file_and_refuses_a_broken_one(library, tmp_path, english):
    good = tmp_path / "luat.txt"
    good.write_text(generated_text(12), encoding="utf-8")
    call_command("import_legal_document", str(good), "--number", "45/2019/qh14")
    assert Provision.objects.filter(document=library.code, kind="article").count() == 12

    bad = tmp_path / "hong.txt"
    bad.write_text("Điều 1. A\nĐiều 4. B", encoding="utf-8")
    with pytest.raises(CommandError, match="line 2"):
        call_command("import_legal_document", str(bad), "--number", "45/2019/QH14")
    assert Provision.objects.filter(document=library.code, kind="article").count() == 12


@pytest.mark.django_db
def test_command_creates_a_new_document_in_a_library(library, tmp_path):
    source = tmp_path / "thong-tu.txt"
    source.write_text(generated_text(3), encoding="utf-8")
    call_command(
        "import_legal_document",
        str(source),
        "--number",
        "10/2020/TT-BLĐTBXH",
        "--type",
        "code",
        "--title",
        "Thông tư mẫu",
        "--library",
        str(library.shelf.pk),
        "--issuing-body",
        "Bộ Lao động",
        "--issued",
        "2020-11-12",
        "--effective",
        "2021-02-01",
    )
    document = LegalDocumentPageFactory._meta.model.objects.get(number="10/2020/TT-BLĐTBXH")
    assert document.live and document.get_parent().pk == library.shelf.pk
    assert Provision.objects.filter(document=document, kind="article").count() == 3

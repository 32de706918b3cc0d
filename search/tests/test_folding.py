"""The folding library and the highlighter: what makes `nguoi` find and mark "người"."""

from folding import exact_tokens, fold_vietnamese, folded_tokens, index_text, query_terms
from search.highlight import highlight, snippet


def test_letters_with_two_marks_and_d_stroke_fold_to_plain_ascii():
    assert folded_tokens("Quyền lợi NGƯỜI lao động – Công Đoàn") == [
        "quyen", "loi", "nguoi", "lao", "dong", "cong", "doan",
    ]  # fmt: skip


def test_japanese_keeps_its_letters_and_is_split_into_bigrams():
    assert fold_vietnamese("ガイド") == "ガイド"  # dakuten are part of the letter, not diacritics
    assert folded_tokens("労働組合の権利") == ["労働", "働組", "組合", "合の", "の権", "権利"]
    assert "権利" in folded_tokens("労働者の権利を守る")


def test_full_width_digits_are_ordinary_digits():
    assert folded_tokens("第３５条") == ["第", "35", "条"]


def test_exact_tokens_tell_words_apart_that_fold_alike():
    assert fold_vietnamese("quyền") == fold_vietnamese("quyển")
    assert exact_tokens("quyền") != exact_tokens("quyển")
    assert exact_tokens("Quyền") == exact_tokens("quyền")
    assert exact_tokens("quyen loi") == []


def test_index_text_and_query_terms_agree():
    folded, exact = query_terms("Quyền LỢI")
    indexed = index_text("Bảo vệ quyền lợi").split()
    assert set(folded) <= set(indexed) and set(exact) <= set(indexed)
    assert query_terms("quyen loi") == (["quyen", "loi"], [])


def test_query_syntax_is_dropped_from_terms():
    assert query_terms("\"quyen* NEAR loi' \\ OR") == (["quyen", "near", "loi", "or"], [])


def test_highlight_marks_the_original_words_and_escapes_html():
    assert highlight("<b>Người</b> lao động", ["nguoi", "dong"]) == (
        "&lt;b&gt;<mark>Người</mark>&lt;/b&gt; lao <mark>động</mark>"
    )
    assert highlight("労働組合の権利", ["権利"]) == "労働組合の<mark>権利</mark>"


def test_snippet_starts_near_the_first_match():
    text = "Mở đầu. " * 40 + "Quy định về bảo hiểm xã hội bắt buộc." + " Kết thúc." * 40
    result = snippet(text, ["bao", "hiem"])
    assert result.startswith("… ") and result.endswith(" …")
    assert "<mark>bảo</mark> <mark>hiểm</mark>" in result
    assert len(result) < 320

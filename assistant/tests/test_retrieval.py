import pytest

from assistant.compose import answer_question
from assistant.language import content_words, expand
from assistant.retrieval import retrieve

pytestmark = pytest.mark.django_db


def test_abbreviations_and_colloquial_phrases_become_the_library_words():
    assert expand("ko dc dong bhxh") == ["khong", "duoc", "dong", "bao", "hiem", "xa", "hoi"]
    assert "lam" in expand("tang ca nhieu qua") and "them" in expand("tang ca nhieu qua")
    # Polite words go; the abbreviation is spelt out; a repeated word counts once.
    assert content_words("Tôi muốn hỏi về HĐLĐ ạ") == ["hop", "dong", "lao"]


def test_question_without_diacritics_with_abbreviations_finds_the_scenario(library):
    result = retrieve("hdld ko thoi han muon nghi viec thi bao truoc bao lau")
    assert result.best.obj == library.scenarios["Nghỉ việc phải báo trước bao lâu?"]
    assert result.confidence >= 0.5


def test_a_misspelt_word_is_matched_to_the_library_word(library):
    result = retrieve("bi no luog co duoc nghi viec ngay ko")
    assert result.best.obj == library.scenarios["Bị nợ lương có được nghỉ ngay?"]
    assert "luong" in result.words


def test_question_outside_the_library_is_below_the_threshold(library):
    result = retrieve("cach nau pho bo ngon")
    answer = answer_question("cach nau pho bo ngon", result)
    assert not answer.answered
    assert answer.html == "" and answer.citations == []


def test_answer_quotes_the_article_as_in_force_today_with_a_link_to_its_anchor(library):
    question = "nghi viec phai bao truoc may ngay"
    answer = answer_question(question, retrieve(question))
    assert answer.answered
    assert "40 ngày" in answer.html
    [citation] = answer.citations
    # Article 3 was amended from 2023-07-01: the quote is the new wording, not the 45 days of 2019.
    assert "40 ngày" in citation.text and "45 ngày" not in citation.text
    assert citation.url.endswith("/bo-luat/#dieu-3")
    assert "Nghị định sửa đổi mẫu" in citation.note
    assert any(item["title"] == "Bị nợ lương có được nghỉ ngay?" for item in answer.related)


def test_an_unamended_clause_is_quoted_with_its_clause_anchor(library):
    question = "luong thu viec chi 70% co dung ko"
    answer = answer_question(question, retrieve(question))
    [citation] = answer.citations
    assert citation.url.endswith("/bo-luat/#dieu-2")
    assert "85%" in citation.text

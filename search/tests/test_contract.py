"""One contract for every engine: the same top results, facets and folding everywhere."""

import pytest
from django.utils import translation

from search.service import SearchRequest, autocomplete, run_search


def titles(text, **options):
    with translation.override(options.pop("active", "vi")):
        return [hit.title for hit in run_search(SearchRequest(text=text, **options)).results]


@pytest.mark.parametrize(
    ("query", "expected_first"),
    [
        ("cong doan", "Công đoàn bảo vệ quyền lợi người lao động"),
        ("công đoàn", "Công đoàn bảo vệ quyền lợi người lao động"),
        ("CONG DOAN", "Công đoàn bảo vệ quyền lợi người lao động"),
        ("Công Đoàn", "Công đoàn bảo vệ quyền lợi người lao động"),
        ("quyen loi", "Công đoàn bảo vệ quyền lợi người lao động"),
        ("quyền lợi", "Công đoàn bảo vệ quyền lợi người lao động"),
        ("Dieu 35", "Điều 35. Quyền đơn phương chấm dứt hợp đồng"),
        ("điều 35", "Điều 35. Quyền đơn phương chấm dứt hợp đồng"),
        ("bao hiem xa hoi", "Bảo hiểm xã hội cho công nhân khu công nghiệp"),
        ("BẢO HIỂM XÃ HỘI", "Bảo hiểm xã hội cho công nhân khu công nghiệp"),
    ],
)
def test_folded_and_exact_queries_find_the_same_document_first(corpus, query, expected_first):
    assert titles(query)[0] == expected_first


def test_nguoi_lao_dong_finds_every_document_about_workers_with_or_without_diacritics(corpus):
    expected = {
        "Công đoàn bảo vệ quyền lợi người lao động",
        "Điều 35. Quyền đơn phương chấm dứt hợp đồng",
    }
    assert set(titles("nguoi lao dong")) == expected
    assert set(titles("người lao động")) == expected


def test_doan_finds_dong_with_d_stroke(corpus):
    assert "Quyển sổ tay đoàn viên" in titles("doan vien")


def test_exact_diacritics_rank_above_folded_only_matches(corpus):
    # "quyền" (right) and "quyển" (volume) both fold to "quyen".
    assert titles("quyền đoàn viên")[0] == "Quyền của đoàn viên"
    assert titles("quyển đoàn viên")[0] == "Quyển sổ tay đoàn viên"
    assert {"Quyền của đoàn viên", "Quyển sổ tay đoàn viên"} <= set(titles("quyen doan vien"))


def test_english_query_finds_english_content_in_english(corpus):
    assert titles("workers rights", active="en") == ["Workers' rights and the trade union"]


def test_two_kanji_word_inside_a_japanese_sentence_is_found(corpus):
    # 権利 (rights) sits inside 労働者の権利を守る: no spaces around it.
    assert titles("権利", active="ja") == ["労働組合の活動報告"]
    assert titles("組合", active="ja") == ["労働組合の活動報告"]


def test_results_are_in_the_visitors_language_unless_all_languages_are_asked_for(corpus):
    assert titles("union", active="vi") == []
    assert titles("union", active="vi", all_languages=True) == ["Workers' rights and the trade union"]


def test_private_documents_stay_out_of_public_search(corpus):
    assert "Thông báo nội bộ về quyền lợi công đoàn" not in titles("thong bao noi bo")


def test_facets_count_type_unit_level_year_and_topic(corpus, federation):
    with translation.override("vi"):
        response = run_search(SearchRequest(text="doan vien"))
    counts = {
        name: {value.value: value.count for value in values} for name, values in response.facets.items()
    }
    assert response.total == 3
    assert counts["type"] == {"test.news": 3}
    assert counts["year"] == {2024: 1, 2025: 2}
    assert counts["topic"] == {"Quyền lợi": 2, "Xuất bản": 1}
    assert counts["unit"] == {federation.hanoi.pk: 1, federation.cau_giay.pk: 1, federation.grassroots.pk: 1}
    assert counts["level"] == {2: 1, 3: 1, 4: 1}
    assert "language" not in counts


def test_filters_combine_and_each_facet_still_counts_its_alternatives(corpus, federation):
    with translation.override("vi"):
        response = run_search(SearchRequest(text="doan vien", year=2025, unit=federation.hanoi.pk))
    # Cầu Giấy and its grassroots union are inside Hà Nội; the 2024 article is filtered out by year.
    assert {hit.title for hit in response.results} == {"Quyền của đoàn viên", "Quyển sổ tay đoàn viên"}
    years = {value.value: (value.count, value.selected) for value in response.facets["year"]}
    assert years == {2024: (1, False), 2025: (2, True)}


def test_unit_filter_includes_units_below_it(corpus, federation):
    assert set(titles("quyen", unit=federation.hanoi.pk)) == {
        "Công đoàn bảo vệ quyền lợi người lao động",
        "Quyền của đoàn viên",
        "Quyển sổ tay đoàn viên",
    }
    assert titles("quyen", unit=federation.saigon.pk) == []


def test_type_filter(corpus):
    assert titles("quyen", kinds=["test.law"]) == ["Điều 35. Quyền đơn phương chấm dứt hợp đồng"]


def test_every_hit_carries_type_title_snippet_url_date_unit_and_language(corpus, federation):
    with translation.override("vi"):
        hit = run_search(SearchRequest(text="bao hiem")).results[0]
    assert hit.type_label == "News"
    assert hit.title == "Bảo hiểm xã hội cho công nhân khu công nghiệp"
    assert "<mark>Bảo hiểm</mark>" in hit.title_html or "<mark>Bảo</mark> <mark>hiểm</mark>" in hit.title_html
    assert "<mark>" in hit.snippet and "bảo" in hit.snippet.lower()
    assert hit.url.startswith("/vi/")
    assert hit.date.year == 2025
    assert hit.unit == federation.saigon
    assert hit.language == "vi"


def test_autocomplete_suggests_titles_from_the_second_letter_with_folding(corpus):
    with translation.override("vi"):
        assert {hit.title for hit in autocomplete("ba")} == {
            "Bảo hiểm xã hội cho công nhân khu công nghiệp",
            "Công đoàn bảo vệ quyền lợi người lao động",
        }
        assert [hit.title for hit in autocomplete("bao hiem xa")] == [
            "Bảo hiểm xã hội cho công nhân khu công nghiệp"
        ]
        assert [hit.title for hit in autocomplete("Điều 3")] == [
            "Điều 35. Quyền đơn phương chấm dứt hợp đồng"
        ]
        assert autocomplete("b") == []


@pytest.mark.parametrize(
    "query",
    [
        '"quyen loi',
        "quyen* loi",
        "quyen NEAR loi",
        "quyen' OR 1=1; --",
        "quyen \\ loi",
        "quyen AND NOT loi",
        "(quyen) -loi +cong ^2 ~ :",
    ],
)
def test_operators_and_syntax_characters_are_searched_as_text(corpus, query):
    response = run_search(SearchRequest(text=query))
    assert isinstance(response.total, int)


def test_thousand_character_query_is_searched_without_error(corpus):
    # The visitor's language is named: a test client request before this one may have left another active.
    with translation.override("vi"):
        response = run_search(SearchRequest(text="quyền lợi " * 200))
    assert len(response.request.text) == 1000
    assert response.results[0].title == "Công đoàn bảo vệ quyền lợi người lao động"


def test_page_past_the_end_shows_the_last_page(corpus):
    with translation.override("vi"):
        response = run_search(SearchRequest(text="quyen", per_page=2, page=99))
    assert response.page_obj.number == response.page_obj.paginator.num_pages == 2
    assert len(response.results) == 2

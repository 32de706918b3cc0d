"""Reading figures from CSV, XLSX and the grid: every bad line reported, nothing returned half-read."""

import io

import pytest
from openpyxl import Workbook

from stats.importing import TableImportError, lines_from_upload, parse_lines, parse_number

# The messages are read in English (the site's default language is Vietnamese).
pytestmark = pytest.mark.usefixtures("english")


def parse_csv(text: str, **kwargs):
    return parse_lines(lines_from_upload("figures.csv", text.encode("utf-8")), **kwargs)


def errors_of(text: str, **kwargs) -> list[tuple[int, str]]:
    with pytest.raises(TableImportError) as caught:
        parse_csv(text, **kwargs)
    return caught.value.errors


def test_a_good_csv_gives_periods_series_and_numbers():
    table = parse_csv("Năm,Đình công,Ngừng việc\n2022,98,41\n2023,105,\n")
    assert table.period_heading == "Năm"
    assert table.series == ["Đình công", "Ngừng việc"]
    assert [(r.period, r.values) for r in table.rows] == [("2022", [98, 41]), ("2023", [105, None])]


def test_a_csv_without_a_period_column_is_refused_on_line_1():
    errors = errors_of("Strikes,Work stoppages\n120,30\n")
    assert errors[0][0] == 1
    assert "period" in errors[0][1]


def test_a_line_with_a_missing_column_is_refused_with_its_line():
    errors = errors_of("year,strikes,stoppages\n2022,98,41\n2023,105,7,9\n")
    assert errors == [(3, "4 values but the header has 3 columns")]


def test_a_non_number_is_refused_with_line_column_and_value():
    errors = errors_of("year,strikes\n2022,98\n2023,many\n2024,12\n")
    assert len(errors) == 1
    line, message = errors[0]
    assert line == 3 and "strikes" in message and "many" in message


def test_a_duplicate_period_names_both_lines():
    errors = errors_of("year,strikes\n2022,98\n2023,100\n2022,99\n")
    assert errors == [(4, "duplicate period 2022 (first on line 2)")]


def test_every_bad_line_is_reported_at_once():
    errors = errors_of("year,strikes\n2022,x\n2022,1\n,5\n")
    assert [line for line, _ in errors] == [2, 3, 4]
    assert "duplicate period 2022 (first on line 2)" in errors[1][1]
    assert "period is empty" in errors[2][1]


def test_twelve_point_five_hundred_is_ambiguous_and_the_message_says_what_to_write():
    errors = errors_of("year,members\n2024,12.500\n")
    assert "12500" in errors[0][1] and "12.5" in errors[0][1]


@pytest.mark.parametrize(
    "text, number",
    [
        ("12 500", 12500),
        ("1.234.567", 1234567),
        ("1,234,567", 1234567),
        ("1.234,5", 1234.5),
        ("1,234.56", 1234.56),
        ("3,5", 3.5),
        ("-7", -7),
        ("42", 42),
        ("", None),
    ],
)
def test_numbers_written_the_vietnamese_or_english_way_are_read(text, number):
    assert parse_number(text) == number


def test_semicolon_separated_csv_with_bom_is_read():
    data = "\ufeffnăm;thành viên\n2023;1 200\n".encode()
    table = parse_lines(lines_from_upload("a.csv", data))
    assert table.rows[0].values == [1200]


def test_windows_vietnamese_code_page_is_read():
    data = "Năm,Đoàn viên\n2023,5\n".encode("cp1258")
    table = parse_lines(lines_from_upload("a.csv", data))
    assert table.series == ["Đoàn viên"]


def xlsx_bytes(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_cells_are_read_with_worksheet_line_numbers():
    data = xlsx_bytes([["Year", "Grade A", "Grade B"], [2022, 1200, 340.5], [2023, "n/a", 10]])
    with pytest.raises(TableImportError) as caught:
        parse_lines(lines_from_upload("grades.xlsx", data))
    assert caught.value.errors[0][0] == 3
    good = parse_lines(lines_from_upload("grades.xlsx", xlsx_bytes([["Year", "A"], [2022, 1200]])))
    assert good.rows[0].period == "2022" and good.rows[0].values == [1200]


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("figures.txt", b"year,a\n2022,1\n", ".csv or .xlsx"),
        ("figures.xlsx", b"year,a\n2022,1\n", "not a valid XLSX"),
        ("figures.csv", b"\x00\x01\x02binary", "not a CSV"),
        ("figures.csv", b"x" * (2 * 1024 * 1024 + 1), "larger than 2 MB"),
    ],
)
def test_uploads_of_the_wrong_type_or_size_are_refused(name, data, reason):
    with pytest.raises(TableImportError) as caught:
        lines_from_upload(name, data)
    assert reason in str(caught.value)


def test_unit_column_codes_must_be_allowed():
    errors = errors_of(
        "year,unit,strikes\n2022,,10\n2022,HN,3\n2022,XX,1\n",
        allowed_units=lambda codes: codes & {"HN"},
    )
    assert errors == [(4, "unknown unit XX, or not under this dataset's unit")]


def test_same_period_for_different_units_is_not_a_duplicate():
    table = parse_csv("year,unit,strikes\n2022,,10\n2022,HN,3\n", allowed_units=lambda codes: codes)
    assert [(r.period, r.unit_code) for r in table.rows] == [("2022", ""), ("2022", "HN")]


def test_spare_empty_grid_columns_are_ignored():
    lines = [
        (1, ["year", "unit", "strikes", "", ""]),
        (2, ["2022", "", "5", "", ""]),
        (3, ["", "", "", "", ""]),
    ]
    table = parse_lines(lines)
    assert table.series == ["strikes"] and len(table.rows) == 1


def test_an_empty_table_is_refused_with_a_message():
    errors = errors_of("\n\n")
    assert "empty" in errors[0][1]

"""Header lines as OCR reads them: lookalike marks, punctuation inside words, unread handwriting, stamps."""

from __future__ import annotations

import pytest

from kehoach.normalize.text import plain_marks
from kehoach.parsers.grid import PageText, TextLine
from kehoach.parsers.header import parse_header, references
from kehoach.parsers.header_block import doc_type_of
from kehoach.parsers.ocr.page import words_to_chars
from kehoach.parsers.ocr.tesseract import Word
from kehoach.parsers.signature import signer


def L(text: str, x0: float, top: float, bold: bool = False, size: float = 13.0) -> TextLine:  # noqa: N802
    return TextLine(text, x0, top, x0 + 0.5 * size * len(text), top + size, bold)


MOTTO = [L("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 290, 58), L("Độc lập - Tự do - Hạnh phúc", 330, 73)]


def header(*lines: TextLine):
    return parse_header([PageText(page=1, lines=list(lines), width=595.0, height=842.0)])


def ocr_head(number_line: str, place_line: str = "Lào Cai, ngày 10 tháng 3 năm 2026",
             type_line: str = "KẾ HOẠCH", body: tuple[str, ...] = ()) -> list[TextLine]:
    lines = [L("ỦY BAN NHÂN DÂN", 97, 58), *MOTTO, L("TỈNH LÀO CAI", 112, 73), L(number_line, 97, 114),
             L(place_line, 300, 114), L(type_line, 250, 152), L("Triển khai nhiệm vụ năm 2026", 200, 170)]
    return lines + [L(b, 90, 260 + 18 * k) for k, b in enumerate(body)]


@pytest.mark.parametrize("raw, plain", [
    ("1105\u2044KH-ĐKT", "1105/KH-ĐKT"),  # FRACTION SLASH
    ("1105\u2215KH-ĐKT", "1105/KH-ĐKT"),  # DIVISION SLASH
    ("1105\uff0fKH\uff0dĐKT", "1105/KH-ĐKT"),  # full-width forms
    ("12\u2010KH/ĐU", "12-KH/ĐU"),  # hyphen
    ("Độc lập \u2013 Tự do", "Độc lập - Tự do"),
    ("V/v", "V/v"),
])
def test_lookalike_marks_become_the_marks(raw, plain):
    assert plain_marks(raw) == plain
    assert len(plain_marks(raw)) == len(raw)  # one for one: the word's letter boxes stay in place


def test_ocr_words_enter_with_plain_marks():
    word = Word(text="1105\u2044KH-ĐKT", left=0, top=0, right=110, bottom=10, conf=90.0, line=(1, 1, 1))
    assert "".join(ch["text"] for ch in words_to_chars([word], 1.0)) == "1105/KH-ĐKT"


@pytest.mark.parametrize("number_line, number, symbol", [
    (plain_marks("Số: 1105⁄KH-ĐKT"), "1105/KH-ĐKT", "KH-ĐKT"),  # as OCR text enters (parsers/ocr/page.py)
    ("Số: 4 ý 26 /QĐ-UBND", None, "QĐ-UBND"),  # a handwritten number OCR cannot read: the symbol is kept
    ("Số: 25/2026/NĐ-CP", "25/2026/NĐ-CP", "NĐ-CP"),  # a legal act's number carries its year
    ("Số 12-KH/ĐU", "12-KH/ĐU", "KH/ĐU"),
    ("Số: 97/KH-BCĐ", "97/KH-BCĐ", "KH-BCĐ"),
    ("Sồ: 97/KH-BCĐ", "97/KH-BCĐ", "KH-BCĐ"),  # the tone mark misread
    ("Sô; 97/KH-BCĐ", "97/KH-BCĐ", "KH-BCĐ"),  # the colon read as a semicolon
    ("S6: 97/KH-BCĐ", "97/KH-BCĐ", "KH-BCĐ"),  # the letter read as a digit
    ("Số: ........./QĐ-UBND", None, "QĐ-UBND"),  # a dotted blank
    ("Sở y tế - Hà Nội", None, None),  # a body's name, not a number line
])
def test_number_from_ocr(number_line, number, symbol):
    h = header(*ocr_head(number_line))
    assert (h.doc_number, h.doc_symbol) == (number, symbol)


def test_unread_number_is_flagged_and_not_a_reference():
    h = header(*ocr_head("Số: 4 ý 26 /QĐ-UBND", body=("Căn cứ Quyết định số 12/QĐ-UBND ngày 2/3/2026;",)))
    assert any("could not be read" in w for w in h.warnings)
    assert h.references == ["12/QĐ-UBND"]


@pytest.mark.parametrize("place_line, date", [
    ("Lào Cai, ngày 0À tháng + năm 2026", "2026"),  # handwritten day and month unread: the year stands
    ("Lào Cai, ngày 10 tháng 3 năm 2026", "2026-03-10"),
    ("Lào Cai, ngày   tháng 3 năm 2026", "2026-03"),
])
def test_date_from_ocr(place_line, date):
    assert header(*ocr_head("Số: 5/KH-UBND", place_line)).issue_date == date


@pytest.mark.parametrize("line, expected", [
    ("QUYẾT:ĐỊNH CHÁP THUẬN", ("quyết định", "CHÁP THUẬN")),  # a speck read as a colon between the words
    ("KẾ.HOẠCH", ("kế hoạch", "")),
    ("QUYÉT ĐỊNH:", ("quyết định", "")),  # a misread accent folds the same
    ("NGHỊ ĐỊNH", ("nghị định", "")),
    ("THÔNG TƯ", ("thông tư", "")),
    ("LUẬT ĐẦU TƯ", ("luật", "ĐẦU TƯ")),
    ("Kế hoạch.Năm", None),  # not in capitals: body text
])
def test_type_word_with_ocr_marks(line, expected):
    assert doc_type_of(line) == expected


def test_type_and_title_split_on_one_row_by_ocr():
    lines = [L("ỦY BAN NHÂN DÂN", 97, 67), *MOTTO, L("TỈNH LÀO CAI", 112, 84), L("Số: 4 ý 26 /QĐ-UBND", 97, 114),
             L("Lào Cai, ngày 0À tháng + năm 2026", 315, 114),
             TextLine("QUYẾT:ĐỊNH CHÁP", 144, 152, 276, 165), TextLine("THUẬN CHỦ TRƯƠNG ĐẦU TƯ", 281, 152, 489, 165),
             TextLine("ĐỒNG THỜI CHẤP THUẬN NHÀ ĐẦU TƯ", 181, 168, 453, 181),
             TextLine("(Cáp lần đầu: Ngày 0À tháng ‡Ƒ năm 2026)", 189, 187, 444, 200),
             TextLine("CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH LÀO CAI", 163, 226, 470, 239),
             TextLine("Căn cứ Luật Đầu tư số 143/2025/QH15 ngày 11 tháng 12 năm 2025;", 126, 260, 544, 273)]
    h = header(*lines)
    assert (h.doc_type, h.doc_symbol, h.issue_date) == ("quyết định", "QĐ-UBND", "2026")
    assert h.title == "Cháp thuận chủ trương đầu tư đồng thời chấp thuận nhà đầu tư"
    assert h.references == ["143/2025/QH15"]


@pytest.mark.parametrize("text, refs", [
    ("Nghị quyết số 6ó5-NQ/ĐU ngày 27/6/2026", []),  # a digit misread as a letter: no number to cite
    ("Nghị định số96/2026/NĐ-CP", ["96/2026/NĐ-CP"]),  # a word glued to the number still splits
])
def test_references_in_ocr_text(text, refs):
    assert references(text) == refs


def test_office_under_an_unread_name_is_not_the_name():
    # a stamp over the name: OCR reads noise, then the signer's own title and office printed under the name
    lines = [L("Nơi nhận:", 89, 216), L("T/M. ĐOÀN KIỂM TRA", 378, 216), L("- Giám đốc Sở;", 90, 231),
             L("TRƯỞNG ĐOÀN", 400, 234), L("- Lưu: VT.", 90, 283), L("PHÓ GIÁM ĐỐC", 390, 329),
             L("SỞ CÔNG THƯƠNG LÀO CAI", 356, 359)]
    assert signer(lines) == ("T/M. ĐOÀN KIỂM TRA TRƯỞNG ĐOÀN", None)


@pytest.mark.parametrize("name", ["ĐOÀN VĂN HẢI", "TRƯƠNG THỊ MAI", "TÔ LÂM"])
def test_surnames_like_body_words_are_still_names(name):
    lines = [L("Nơi nhận:", 89, 600), L("KT. CHỦ TỊCH", 378, 600), L("PHÓ CHỦ TỊCH", 378, 614),
             L(name, 390, 690)]
    assert signer(lines)[1] == name.title()

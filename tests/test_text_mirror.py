"""Cells of a row centred on its number, read by mirrored pairs of lines (text_mirror)."""

from __future__ import annotations

from pathlib import Path

from kehoach.parsers.text_cells import Vocabulary
from kehoach.parsers.text_mirror import split_centred_row

ROLES = ["name", "unit_of_measure", "result", "lead", "coordinating"]
SEED = Path(__file__).parent / "data" / "text" / "000_d2009c5d578176a6.txt"
VOCAB = Vocabulary.of(SEED.read_text(encoding="utf-8"))  # a plan's own words, as text_source counts them


def _cells(lines):
    got = split_centred_row(lines, ROLES, True, VOCAB)
    return None if got is None else {ROLES[c]: t for c, t in got.items()}


def test_the_line_above_and_the_line_below_hold_the_same_cells():
    # the name and the coordinating bodies take two lines each, centred on the number's line
    got = _cells(["Tỷ lệ hộ gia đình được phủ sóng Các doanh nghiệp viễn", "% 100 Phòng Kinh tế",
                  "băng rộng cố định thông"])
    assert got == {"name": "Tỷ lệ hộ gia đình được phủ sóng\nbăng rộng cố định", "unit_of_measure": "%",
                   "result": "100", "lead": "Phòng Kinh tế", "coordinating": "Các doanh nghiệp viễn\nthông"}


def test_bodies_side_by_side_are_two_cells():
    got = _cells(["Tỷ lệ văn bản đi được ký số Văn phòng HĐND và Phòng Kinh tế, Hạ tầng và", "% 100",
                  "trên môi trường mạng UBND Đô thị"])
    assert got["lead"] == "Văn phòng HĐND và\nUBND" and got["coordinating"] == "Phòng Kinh tế, Hạ tầng và\nĐô thị"


def test_a_row_not_centred_is_left_to_the_line_by_line_reading():
    assert _cells(["Tỷ lệ hồ sơ được số hóa % 100", "Văn phòng HĐND và UBND"]) is None  # an even count
    assert _cells(["Tỷ lệ hồ sơ", "", "% 100", "được số hóa", "trên địa bàn"]) is None  # an empty line off the middle
    # a number alone on its line: the middle line is empty
    assert _cells(["Tỷ lệ hồ sơ được số hóa Văn phòng", "", "và khai thác HĐND và UBND"]) is not None

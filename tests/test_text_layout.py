"""Flattened tables: headers wrapped over lines, row starts from the table's own numbering."""

from __future__ import annotations

import pytest

from kehoach.parsers.text_layout import Numbering, read_header, split_column_names


@pytest.mark.parametrize(("lines", "roles"), [
    # a header whose names wrap over several lines, STT itself cut into "ST" / "T"
    (["ST", "T Chỉ tiêu Đơn vị ", "", "tính Kết quả", "Đơn vị chủ trì, theo ", "", "dõi, đánh giá",
      "Đơn vị phối hợp ", "", "thực hiện", "I Đến năm 2030"],
     ["stt", "name", "unit_of_measure", "result", "lead", "coordinating"]),
    (["STT Nhiệm vụ Cơ quan chủ ", "trì", "", "Cơ quan ", "phối hợp Yêu cầu về kết quả Thời gian hoàn ", "",
      "thành", "", "I Nâng cao nhận thức"],
     ["stt", "name", "lead", "coordinating", "result", "deadline"]),
    (["Stt Chỉ tiêu Cơ quan chủ trì Cơ quan phối hợp Kết quả Thời gian ", "", "I Nhiệm vụ cụ thể "],
     ["stt", "name", "lead", "coordinating", "result", "deadline"]),
])
def test_header_split_over_lines(lines, roles):
    h = read_header(lines, 0)
    assert h is not None
    assert h.roles == roles
    assert h.end == len(lines) - 1  # the group row is not part of the header


def test_body_text_is_no_header():
    assert read_header(["Thực hiện Kế hoạch số 92/KH-UBND ngày 15/9/2025 của UBND tỉnh"], 0) is None
    assert read_header(["STT là số thứ tự của các nhiệm vụ trong bảng"], 0) is None


def test_one_name_is_not_cut_at_a_comma_or_inside():
    assert split_column_names("Đơn vị chủ trì, theo dõi, đánh giá Đơn vị phối hợp") == [
        "Đơn vị chủ trì, theo dõi, đánh giá", "Đơn vị phối hợp"]
    assert split_column_names("Nhiệm vụ Yêu cầu về kết quả") == ["Nhiệm vụ", "Yêu cầu về kết quả"]


@pytest.mark.parametrize(("lines", "starts"), [
    # group rows, numbered rows, sub-rows; a "2" wrapped out of a name, a page number, a date: no row
    (["I Đến năm 2030", "1 Xếp hạng chỉ số", "2", "Tỉ lệ xử lý", "3 Thực hiện TTHC", "3.1 Tỉ lệ sử dụng",
      "3.2 Tỉ lệ cung cấp", "4", "II Nhiệm vụ", "1 Tuyên truyền"],
     ["I", "1", "2", "3", "3.1", "3.2", "4", "II", "1"]),
    (["1 Tỉ lệ người dân có tài khoản mức", "4 (VNeID)", "2 Dân số từ 15 tuổi", "15", "3 Tỉ lệ"],
     ["1", "2", "3"]),
    (["1 Tuyên truyền", "2 tuổi trở lên", "10/10 làm hạt nhân", "2 Xây dựng"], ["1", "2"]),
    # an OCR that kept the table's rules: the number is a row even where a wrapped line goes on
    (["1 | tin, có kỹ năng sử dụng", "2 | Tổ chức tập huấn"], ["1", "2"]),
])
def test_row_starts_follow_the_numbering(lines, starts):
    numbering = Numbering()
    got = [s.code for ln in lines if (s := numbering.accept(ln)) is not None]
    assert got == starts


def test_numbering_slips_and_lettered_parts():
    # "A" / "B" parts; a number printed twice and one skipped still start rows before a capitalised text
    lines = ["A NHIỆM VỤ TRỌNG TÂM", "1", "Tổ chức quán triệt", "2 Rà soát", "2", "Đầu tư, nâng cấp",
             "4", "Hỗ trợ hộ kinh doanh", "B NHIỆM VỤ THƯỜNG XUYÊN", "5", "Xây dựng chuyên mục",
             "5", "tuổi trở lên"]  # a lone number before a lower-case line is wrapped text
    numbering = Numbering()
    got = []
    for i, ln in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if (s := numbering.accept(ln, nxt)) is not None:
            got.append(s.code)
    assert got == ["A", "1", "2", "2", "4", "B", "5"]


@pytest.mark.parametrize("line, roles", [
    # an English OCR's header: "Đ" read as "P"/"DP", a rule read as "[" or "|", "Yêu cầu" garbled,
    # and the narrow last column "Ghi chú" cut to its first word
    ("TT Tén nhiém vu Yéu ciu két qua dat dwoc Thoi gian thwchién  [Pon vi chii tri | DPon vi phéi hop Ghi",
     ["stt", "name", "result", "deadline", "lead", "coordinating", None]),
    ("STT Nhiệm vụ Yêu cầu kết quả Thời gian Đơn vị chủ trì Đơn vị phối hợp Ghi chú",
     ["stt", "name", "result", "deadline", "lead", "coordinating", "note"]),
])
def test_header_read_through_ocr_noise(line, roles):
    h = read_header([line, "1 Tổ chức tập huấn Thường xuyên"], 0)
    assert h is not None and h.roles == roles


def test_ocr_specks_before_a_row_text_do_not_hide_its_number():
    # "9 ;{EZI; ...": specks an OCR read off a scan between the number and a capitalised text
    numbering = Numbering()
    got = [s.code for ln in ["1 Tổ chức", "2 ;{Triển khai", "3 ;{lớp học", "3 Hướng dẫn"]
           if (s := numbering.accept(ln)) is not None]
    assert got == ["1", "2", "3"]  # "3 ;{lớp học" is lower-case text past the specks: wrapped, no row


def test_header_stub_of_the_last_column_read_garbled():
    h = read_header(["TT Tén nhiém vu Yeéu cau két qua dat dwge Thoi gian Don vi phoi Gh,l", "1 Tổ chức"], 0)
    assert h is not None and h.roles == ["stt", "name", "result", "deadline", "coordinating", None]


def test_a_name_is_not_cut_into_two_of_the_same_role():
    # "Nội dung" and "nhiệm vụ" both name the name column: together they are one name
    assert split_column_names("STT Nội dung nhiệm vụ Kết quả / sản phẩm Cơ quan chủ trì") == [
        "STT", "Nội dung nhiệm vụ", "Kết quả / sản phẩm", "Cơ quan chủ trì"]
    # parallel columns opening with the same word stay apart
    assert split_column_names("STT Chỉ tiêu Kết quả 2025 Kết quả 2030") == [
        "STT", "Chỉ tiêu", "Kết quả 2025", "Kết quả 2030"]


def test_the_cut_that_leaves_whole_names_wins():
    assert split_column_names("TT Nhiệm vụ Thời gian thực hiện Đơn vị chủ trì thực hiện Đơn vị phối hợp") == [
        "TT", "Nhiệm vụ", "Thời gian thực hiện", "Đơn vị chủ trì thực hiện", "Đơn vị phối hợp"]


def test_sub_columns_of_a_group_label_take_its_place():
    # two header rows: "Đơn vị thực hiện" over "Chủ trì" | "Phối hợp", the deadline right of the group;
    # the tool writes the top row first, so the sub-columns come last
    h = read_header(["STT Nhiệm vụ Sản phẩm Đơn vị thực hiện Thời gian", "hoàn thành",
                     "Chủ trì Phối hợp", "1 Tổ chức hội nghị"], 0)
    assert h is not None
    assert h.roles == ["stt", "name", "result", "lead", "coordinating", "deadline"]
    # the label alone, with no sub-columns under it, is the lead column
    h = read_header(["STT Nhiệm vụ Đơn vị thực hiện Thời gian", "1 Tổ chức hội nghị"], 0)
    assert h is not None and h.roles == ["stt", "name", "lead", "deadline"]


def test_a_two_line_name_written_inside_its_neighbour_is_put_back():
    # a header of two rows flattened by printed line: "Thời" / "hạn" (one cell) shares its second line
    # with the sub-column "Đơn vị chủ" / "trì", so "hạn" lands inside that name
    lines = ["TT Tên nhiệm vụ Kết quả /", "sản phẩm", "Đơn vị thực hiện Đơn vị", "theo dõi,", "đánh giá", "Thời",
             "Đơn vị chủ hạn", "trì", "Cơ quan phối", "hợp", "1 Tổ chức tập huấn Hội nghị Phòng VHXH"]
    h = read_header(lines, 0)
    assert h.texts == ["TT", "Tên nhiệm vụ", "Kết quả / sản phẩm", "Đơn vị chủ trì", "Cơ quan phối hợp",
                       "Đơn vị theo dõi, đánh giá", "Thời hạn"]
    assert h.roles == ["stt", "name", "result", "lead", "coordinating", "monitoring", "deadline"]


def test_a_header_of_narrow_columns_wrapped_over_fourteen_lines_is_read_whole():
    # pdfium writes each header cell's lines one after another: narrow columns take many lines
    lines = ["TT Tên nhiệm vụ Yêu cầu kết", "quả đạt được", "Thời", "gian", "thực", "hiện", "Đơn vị chủ", "trì thực",
             "hiện", "Đơn vị phối", "hợp", "Đơn vị", "theo dõi,", "đánh giá", "A NHIỆM VỤ TRỌNG TÂM NĂM 2026"]
    h = read_header(lines, 0)
    assert h.end == 14
    assert h.roles == ["stt", "name", "result", "deadline", "lead", "coordinating", "monitoring"]

"""Unit cells in flattened rows: two bodies side by side are two cells, a list separator keeps one."""

from __future__ import annotations

from kehoach.parsers.text_bodies import juxtaposed
from kehoach.parsers.text_cells import Word, body_heads, split_row

ROLES = ["name", "unit_of_measure", "result", "lead", "coordinating"]


def _cells(lines, roles=ROLES, numeric=True):
    got = split_row(lines, roles, numeric)
    return {roles[c]: " ".join(t.split()) for c, t in got.items()}


def test_juxtaposed_marks_a_head_after_a_complete_name():
    words = "Công an xã Trạm Y tế xã; Phòng Kinh tế".split()
    heads = body_heads([Word(w, 0, False, k == 0) for k, w in enumerate(words)])
    got = juxtaposed(words, [k == 0 for k in range(len(words))], heads)
    # "Trạm" follows the whole name "Công an xã"; "Phòng" follows a separator: a list
    assert [w for w, j in zip(words, got, strict=True) if j] == ["Trạm"]


def test_two_bodies_side_by_side_on_one_line_are_two_cells():
    # the lead's last line and the coordinating cell's first share one output line, nothing between
    lines = ["Tỷ lệ hộ gia đình được phủ sóng", "mạng cáp quang % ≥ 85 Văn phòng",
             "HĐND và UBND Phòng Kinh tế xã; Trạm Y tế xã"]
    got = _cells(lines)
    assert got["lead"] == "Văn phòng HĐND và UBND"
    assert got["coordinating"] == "Phòng Kinh tế xã; Trạm Y tế xã"


def test_bodies_side_by_side_after_the_target():
    got = _cells(["Tỷ lệ hộ gia đình được phủ sóng mạng cáp quang % ≥ 85 Công an xã Trạm Y tế xã; Phòng Kinh tế"])
    assert got["lead"] == "Công an xã" and got["coordinating"] == "Trạm Y tế xã; Phòng Kinh tế"


def test_a_name_within_a_body_name_is_no_boundary():
    # "Tổ" opens a body's name but "Ủy ban Mặt trận" is no complete name: one body
    got = _cells(["Tỷ lệ hội viên được tập huấn kỹ năng số % 90 Ủy ban Mặt trận Tổ quốc Việt Nam xã Công an xã"])
    assert got["lead"] == "Ủy ban Mặt trận Tổ quốc Việt Nam xã" and got["coordinating"] == "Công an xã"


def test_a_lead_line_ending_on_a_separator_lists_another_lead_body():
    # cells written whole one after another: "Phòng Kinh tế;" says the lead cell names one more body
    lines = ["Tổ chức tập huấn kỹ năng số cho", "cán bộ, công chức xã", "Phòng Kinh tế;", "Trung tâm", "Phục vụ hành",
             "chính công", "Các cơ quan,", "đơn vị liên quan", "Năm", "2026"]
    got = _cells(lines, ["name", "lead", "coordinating", "deadline"], numeric=False)
    assert got["lead"] == "Phòng Kinh tế; Trung tâm Phục vụ hành chính công"
    assert got["coordinating"] == "Các cơ quan, đơn vị liên quan"


def test_an_abbreviated_catalog_name_stays_in_its_unit_cell():
    # "VH-XH" is no body word alone, but "Phòng VH-XH" is a whole catalog name: the coordinating
    # cell's second body, not the start of the expected result
    lines = ["Hỗ trợ thiết bị số cho người dân", "có hoàn cảnh khó khăn", "Trạm Y tế xã", "Các doanh",
             "nghiệp trên địa bàn", "Phòng VH-XH", "Số thiết bị được", "hỗ trợ", "Trong", "năm 2026"]
    got = _cells(lines, ["name", "lead", "coordinating", "result", "deadline"], numeric=False)
    assert got["coordinating"] == "Các doanh nghiệp trên địa bàn Phòng VH-XH"
    assert got["result"] == "Số thiết bị được hỗ trợ"

"""The table interpreter on hand-built grids: headers, table types, row kinds, sections, continuations."""

from __future__ import annotations

import pytest
from helpers import IND_HEADER, TASK_HEADER, grid

from kehoach.parsers.columns import find_header, role_of
from kehoach.parsers.grid import UP
from kehoach.parsers.interpreter import interpret
from kehoach.parsers.kinds import table_type_from_caption

IND_ROW = ["1", "Tỷ lệ hộ gia đình có cáp quang", "%", "100", "Phòng Kinh tế", "Doanh nghiệp viễn thông"]
TASK_ROW = ["1", "Triển khai nền tảng số", "Phòng VHXH", "Công an xã", "Quý I/2026"]


def run(*grids, matches_indicator=None):
    return interpret(list(grids), matches_indicator)


# --- column names ------------------------------------------------------------------------------

@pytest.mark.parametrize("printed, role", [
    ("STT", "stt"), ("TT", "stt"), ("Số TT", "stt"),
    ("Chỉ tiêu", "name"), ("Nhiệm vụ", "name"), ("Tên nhiệm vụ", "name"), ("Nội dung", "name"),
    ("Nội dung chỉ tiêu", "name"),
    ("Đơn vị tính", "unit_of_measure"), ("Đơn vị\ntính", "unit_of_measure"), ("ĐVT", "unit_of_measure"),
    ("Kết quả", "result"), ("Chỉ tiêu đạt", "result"), ("Yêu cầu kết quả đạt được", "result"),
    ("Sản phẩm", "result"),
    ("Đơn vị chủ trì", "lead"), ("Đơn vị chủ trì thực hiện", "lead"), ("Cơ quan chủ trì", "lead"),
    ("Đơn vị thực hiện", "lead"),
    ("Đơn vị phối hợp", "coordinating"), ("Cơ quan phối hợp", "coordinating"),
    ("Đơn vị theo dõi, đánh giá", "monitoring"),
    ("Thời gian hoàn thành", "deadline"), ("Thời gian\nthực hiện", "deadline"),
    ("Ghi chú", "note"),
    ("Kinh phí", "amount"), ("Tổng kinh phí", "amount"), ("Kinh phí (triệu đồng)", "amount"),
    ("Tên chỉ số", "name"), ("Trách nhiệm thực hiện", "lead"), ("Lộ trình thực hiện", "deadline"),
    ("Thời hạn hoàn thành", "deadline"), ("Tiến độ", "deadline"), ("Sản phẩm đầu ra", "result"),
    ("Đơn vj chu trl", "lead"),  # OCR damage: close to a known name
    ("Phòng Văn hóa - Xã hội", None), ("Tỷ lệ người dân", None), ("", None),
])
def test_role_of(printed, role):
    assert role_of(printed) == role


@pytest.mark.parametrize("header, data, expected", [
    (["STT", "Chỉ tiêu", "Đơn vị\ntính", "Chỉ tiêu đạt", "Đơn vị chủ trì", "Đơn vị phối hợp"],
     ["1", "Tỷ lệ A", "%", "100", "Phòng Kinh tế", "Công an xã"],
     {"stt": "1", "name": "Tỷ lệ A", "unit_of_measure": "%", "result": "100", "lead": "Phòng Kinh tế",
      "coordinating": "Công an xã"}),
    # any column order, other spellings
    (["Nội dung", "Cơ quan phối hợp", "TT", "Thời gian thực hiện", "Đơn vị chủ trì thực hiện", "Sản phẩm"],
     ["Xây dựng kho dữ liệu", "Công an xã", "2", "2026", "Phòng VHXH", "Kho dữ liệu"],
     {"stt": "2", "name": "Xây dựng kho dữ liệu", "coordinating": "Công an xã", "deadline": "2026",
      "lead": "Phòng VHXH", "result": "Kho dữ liệu"}),
    (["TT", "Tên nhiệm vụ", "Yêu cầu kết quả đạt được", "Đơn vị chủ trì", "Đơn vị theo dõi, đánh giá",
      "Thời gian hoàn thành", "Ghi chú"],
     ["3", "Rà soát thủ tục", "Danh mục thủ tục", "Văn phòng HĐND và UBND", "Phòng VHXH", "12/2026", "Hằng năm"],
     {"stt": "3", "name": "Rà soát thủ tục", "result": "Danh mục thủ tục", "lead": "Văn phòng HĐND và UBND",
      "monitoring": "Phòng VHXH", "deadline": "12/2026", "note": "Hằng năm"}),
    (["STT", "Nhiệm vụ", "Kết quả", "Đơn vị chủ trì", "Kinh phí"],
     ["4", "Mua sắm thiết bị", "Thiết bị", "Phòng Kinh tế", "200"],
     {"stt": "4", "name": "Mua sắm thiết bị", "result": "Thiết bị", "lead": "Phòng Kinh tế", "amount": "200"}),
])
def test_header_columns_in_any_order(header, data, expected):
    [row] = run(grid(header, data)).rows
    assert dict(row.cells, stt=row.stt) == expected


def test_two_row_header_with_merged_cells():
    g = grid(
        ["STT", "Nhiệm vụ", "Đơn vị thực hiện", None, "Thời gian"],
        [UP, UP, "Chủ trì", "Phối hợp", UP],
        ["1", "Triển khai nền tảng số", "Phòng VHXH", "Công an xã", "2026"],
    )
    header = find_header(g)
    assert (header.first_row, header.n_rows) == (0, 2)
    assert header.roles == ["stt", "name", "lead", "coordinating", "deadline"]
    [row] = run(g).rows
    assert row.stt == "1"
    assert row.cells == {"name": "Triển khai nền tảng số", "lead": "Phòng VHXH", "coordinating": "Công an xã",
                         "deadline": "2026"}


def test_first_data_row_of_a_table_without_stt_column():
    res = run(grid(["Nội dung", "Đơn vị chủ trì", "Thời gian thực hiện", "Kết quả"],
                   ["Khảo sát nhu cầu", "Phòng VHXH", "Quý I/2026", "Báo cáo kết quả khảo sát"],
                   ["Tập huấn", "Phòng VHXH", "2026", "Lớp học"]))
    assert [r.cells["name"] for r in res.rows] == ["Khảo sát nhu cầu", "Tập huấn"]


def test_unnumbered_first_row_naming_a_column_word_does_not_crash():
    res = run(grid(TASK_HEADER, ["", "Tổ chức kiểm tra, giám sát", "Phòng VHXH", "", "2026"],
                   ["2", "Tập huấn kỹ năng số", "Phòng VHXH", "", "2027"]))
    assert [r.cells["name"] for r in res.rows] == ["Tổ chức kiểm tra, giám sát", "Tập huấn kỹ năng số"]


def test_header_below_a_title_row():
    g = grid(["BẢNG TỔNG HỢP", None, None, None, None, None], IND_HEADER, IND_ROW)
    assert find_header(g).first_row == 1
    [row] = run(g).rows
    assert row.stt == "1" and row.cells["unit_of_measure"] == "%"


def test_a_column_name_printed_twice_keeps_its_values_as_a_note():
    g = grid(["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu đến năm 2025", "Chỉ tiêu đến năm 2030", "Đơn vị chủ trì"],
             ["1", "Tỷ lệ hồ sơ xử lý trực tuyến", "%", "80", "95", "Văn phòng HĐND và UBND"])
    assert find_header(g).roles == ["stt", "name", "unit_of_measure", "result", "note", "lead"]
    [row] = run(g).rows
    assert row.cells["result"] == "80" and row.cells["note"] == "95"


def test_group_title_typed_with_its_code_in_the_name_column():
    g = grid(TASK_HEADER, ["", "II. Chuyển đổi số trong cơ quan nhà nước", "", "", ""],
             ["1", "Số hóa hồ sơ lưu trữ", "Văn phòng HĐND và UBND", "Các ngành", "Năm 2026"],
             ["", "A) Nhiệm vụ thường xuyên", "", "", ""],
             ["2", "Duy trì hệ thống", "Văn phòng HĐND và UBND", "Các ngành", "Hằng năm"])
    rows = run(g).rows
    assert [(r.stt, r.section, r.section_title) for r in rows] == [
        ("1", "II", "Chuyển đổi số trong cơ quan nhà nước"), ("2", "A", "Nhiệm vụ thường xuyên")]


def test_a_column_without_known_meaning_is_named_in_a_warning():
    g = grid(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Hình thức văn bản", "Thời gian"],
             ["1", "Ban hành quy chế", "Văn phòng HĐND và UBND", "Quyết định", "Quý I/2026"])
    res = run(g)
    assert [r.stt for r in res.rows] == ["1"]
    assert res.warnings == ["page 1, table 1: column 'Hình thức văn bản' not read (no known meaning)"]


def test_a_data_row_with_repeated_column_words_is_no_header():
    g = grid(["1", "Thời gian tổ chức", "Thời gian", "Thời gian hoàn thành", "Chủ trì"],
             TASK_HEADER, ["1", "Tổ chức hội nghị", "Phòng VHXH", "Các ngành", "Năm 2026"])
    assert find_header(g).first_row == 1


# --- table type --------------------------------------------------------------------------------

@pytest.mark.parametrize("caption, header, data, table", [
    ("Phụ lục I\nDANH MỤC CÁC CHỈ TIÊU CỤ THỂ", TASK_HEADER, TASK_ROW, "indicators"),
    ("Phụ lục II\nDANH MỤC NHIỆM VỤ CỤ THỂ", IND_HEADER, IND_ROW, "tasks"),
    ("Phụ lục III\nDỰ TOÁN KINH PHÍ THỰC HIỆN", ["STT", "Nội dung", "Kinh phí", "Ghi chú"],
     ["1", "Mua máy tính", "100", ""], "budget"),
    # no caption: the columns decide
    ("", IND_HEADER, IND_ROW, "indicators"),
    ("", ["STT", "Chỉ tiêu", "Kết quả", "Đơn vị chủ trì"], ["1", "Tỷ lệ A", "100", "Phòng Kinh tế"],
     "indicators"),
    ("", TASK_HEADER, TASK_ROW, "tasks"),
    ("", ["STT", "Nội dung", "Tổng kinh phí", "Ghi chú"], ["1", "Mua máy tính", "100", ""], "budget"),
])
def test_table_type(caption, header, data, table):
    res = run(grid(header, data, caption=caption))
    assert [r.table for r in res.rows] == [table]


# --- row kinds ---------------------------------------------------------------------------------

def test_task_row_inside_indicators_table():
    res = run(grid(
        IND_HEADER,
        ["1", "Tỷ lệ hộ có cáp quang", "%", "≥ 90", "Phòng Kinh tế", ""],
        ["2", "Triển khai hệ thống camera an ninh", "", "Hệ thống được vận hành", "Công an xã", ""],
        caption="DANH MỤC CÁC CHỈ TIÊU",
    ))
    ind, task = res.rows
    assert (ind.table, ind.kind) == ("indicators", "indicator")
    assert (task.table, task.kind) == ("indicators", "task")
    assert task.cells["result"] == "Hệ thống được vận hành"
    assert "unit_of_measure" not in task.cells


def test_indicator_row_inside_tasks_table():
    res = run(grid(
        ["STT", "Nhiệm vụ", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì"],
        ["1", "Tổ chức tập huấn kỹ năng số", "", "Lớp tập huấn", "Phòng VHXH"],
        ["2", "Tỷ lệ người dân có tài khoản định danh", "%", "80", "Công an xã"],
        caption="Phụ lục II\nNHIỆM VỤ TRỌNG TÂM",
    ))
    assert [(r.table, r.kind) for r in res.rows] == [("tasks", "task"), ("tasks", "indicator")]


def test_catalog_match_is_indicator_evidence():
    rows = [TASK_HEADER, ["1", "Mức độ hài lòng của người dân", "Phòng VHXH", "", "2026"]]
    plain = run(grid(*rows)).rows[0]
    helped = run(grid(*rows), matches_indicator=lambda name: 100.0).rows[0]
    assert plain.kind == "task"  # +2 opening is not enough in a tasks table
    assert helped.kind == "indicator"  # +2 from a close catalog match tips it


@pytest.mark.parametrize("similarity, kind", [(0.0, "task"), (85.0, "task"), (100.0, "indicator")])
def test_verb_first_row_in_indicator_table_needs_a_close_catalog_match(similarity, kind):
    rows = [IND_HEADER, ["1", "Nâng cao tiềm lực khoa học, công nghệ", "", "Thuộc nhóm khá", "Phòng VHXH", ""]]
    assert run(grid(*rows), matches_indicator=lambda name: similarity).rows[0].kind == kind


# --- group rows, parents, numbering -----------------------------------------------------------

@pytest.mark.parametrize("group_row, section, title", [
    (["I", "Đến năm 2030", None, None, None, None], "I", "Đến năm 2030"),  # title spans the columns
    (["A", "KINH TẾ SỐ", "", "", "", ""], "A", "KINH TẾ SỐ"),  # other cells empty
    (["II.", "Hạ tầng số", "", "", "", ""], "II", "Hạ tầng số"),
    (["B.", "Xã hội số", None, None, None, None], "B", "Xã hội số"),
])
def test_group_row_is_a_section_not_an_item(group_row, section, title):
    res = run(grid(IND_HEADER, group_row, IND_ROW, ["2", *IND_ROW[1:]]))
    assert [r.stt for r in res.rows] == ["1", "2"]
    assert {(r.section, r.section_title) for r in res.rows} == {(section, title)}


def test_sections_change_between_groups():
    res = run(grid(IND_HEADER, ["I", "Kinh tế số", None, None, None, None], IND_ROW,
                   ["II", "Xã hội số", None, None, None, None], ["2", *IND_ROW[1:]]))
    assert [(r.stt, r.section, r.section_title) for r in res.rows] == [
        ("1", "I", "Kinh tế số"), ("2", "II", "Xã hội số")]


def test_unnumbered_title_row_is_a_section_title():
    res = run(grid(IND_HEADER, ["1", *IND_ROW[1:]], ["", "Hạ tầng số", None, None, None, None],
                   ["2", *IND_ROW[1:]]))
    assert [(r.stt, r.section, r.section_title) for r in res.rows] == [("1", None, None), ("2", None, "Hạ tầng số")]


def test_unnumbered_title_row_right_under_header():
    res = run(grid(IND_HEADER, ["", "Nhóm chỉ tiêu về hạ tầng", None, None, None, None], IND_ROW))
    assert [(r.stt, r.section_title) for r in res.rows] == [("1", "Nhóm chỉ tiêu về hạ tầng")]


def test_title_row_merged_across_all_columns_from_stt():
    res = run(grid(IND_HEADER, IND_ROW, ["Nhóm hạ tầng số", None, None, None, None, None],
                   ["2", *IND_ROW[1:]]))
    assert [(r.stt, r.section_title) for r in res.rows] == [("1", None), ("2", "Nhóm hạ tầng số")]


def test_parent_row_with_sub_rows():
    res = run(grid(
        IND_HEADER,
        ["6", "Phát triển hạ tầng số", "", "", "", ""],
        ["6.1", "Tỷ lệ thôn có cáp quang", "%", "100", "Phòng Kinh tế", ""],
        ["6.2", "Tỷ lệ hộ có điện thoại thông minh", "%", "≥ 85", "Phòng Kinh tế", ""],
        caption="DANH MỤC CÁC CHỈ TIÊU",
    ))
    assert [r.stt for r in res.rows] == ["6", "6.1", "6.2"]
    parent = res.rows[0]
    assert parent.cells == {"name": "Phát triển hạ tầng số"}
    assert parent.section is None
    # on its own the verb-first parent would be a task; it takes the kind of its sub-rows
    assert [r.kind for r in res.rows] == ["indicator"] * 3


def test_repeated_and_skipped_numbers_kept_as_printed():
    rows = [[stt, f"Nhiệm vụ {stt or 'x'}", "Phòng VHXH", "", "2026"] for stt in ("1", "2", "2", "5", "7a")]
    res = run(grid(TASK_HEADER, *rows))
    assert [r.stt for r in res.rows] == ["1", "2", "2", "5", "7a"]


@pytest.mark.parametrize("numbers", [
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
    ["1", "2", "3", "4", "5", "6"],
    ["(1)", "(2)", "(3)", "(4)", "(5)", ""],
])
def test_column_number_row_is_skipped(numbers):
    res = run(grid(IND_HEADER, numbers, IND_ROW))
    assert [r.stt for r in res.rows] == ["1"]


def test_vertically_merged_lead_cell_is_shared():
    res = run(grid(
        TASK_HEADER,
        ["1", "Nhiệm vụ một", "Phòng VHXH", "Công an xã", "2026"],
        ["2", "Nhiệm vụ hai", UP, "", "2027"],
        ["3", "Nhiệm vụ ba", UP, "Trạm Y tế xã", UP],
        ["4", "Nhiệm vụ bốn", "Phòng Kinh tế", "", "2028"],
    ))
    assert [r.cells.get("lead") for r in res.rows] == ["Phòng VHXH"] * 3 + ["Phòng Kinh tế"]
    assert [r.cells.get("deadline") for r in res.rows] == ["2026", "2027", "2027", "2028"]
    assert [r.cells.get("coordinating") for r in res.rows] == ["Công an xã", None, "Trạm Y tế xã", None]


def test_vertically_merged_name_is_not_repeated():
    res = run(grid(TASK_HEADER, ["1", "Nhiệm vụ chung", "Phòng VHXH", "", "2026"],
                   ["2", UP, "Công an xã", "", "2027"]))
    assert [(r.stt, r.cells.get("name")) for r in res.rows] == [("1", "Nhiệm vụ chung"), ("2", None)]


# --- budget ------------------------------------------------------------------------------------

@pytest.mark.parametrize("caption, amount_header, unit", [
    ("DỰ TOÁN KINH PHÍ\n(Đơn vị tính: triệu đồng)", "Kinh phí", "triệu đồng"),
    ("DỰ TOÁN KINH PHÍ", "Kinh phí (triệu đồng)", "triệu đồng"),
    ("DỰ TOÁN KINH PHÍ", "Kinh phí", None),
])
def test_budget_total_row_and_unit(caption, amount_header, unit):
    res = run(grid(
        ["STT", "Nội dung", amount_header, "Ghi chú"],
        ["1", "Mua sắm máy tính", "1.200", "Ngân sách xã"],
        ["2", "Đào tạo kỹ năng số", "1.870", ""],
        ["", "Tổng cộng", "3.070", ""],
        caption=caption,
    ))
    assert [(r.stt, r.kind, r.cells["amount"]) for r in res.rows] == [("1", "budget", "1.200"),
                                                                     ("2", "budget", "1.870")]
    assert res.budget_total_text == "3.070"
    assert res.budget_unit == unit


@pytest.mark.parametrize("header, rows", [
    (["STT", "Nội dung", "Kinh phí", "Ghi chú"],
     [["1", "Tuyên truyền", "100", ""], ["", "Công tác in ấn tài liệu", "40", ""], ["", "Tổng cộng", "140", ""]]),
    (["Nội dung", "Kinh phí", "Ghi chú"],
     [["Công tác tuyên truyền", "100", ""], ["Tổng hợp, báo cáo", "40", ""], ["Tổng cộng", "140", ""]]),
], ids=["unnumbered-sub-row", "no-stt-column"])
def test_budget_rows_named_like_a_total_are_items(header, rows):
    res = run(grid(header, *rows, caption="DỰ TOÁN KINH PHÍ"))
    assert [r.cells["amount"] for r in res.rows] == ["100", "40"]
    assert res.budget_total_text == "140"


def test_budget_group_row_with_amount_is_an_item():
    res = run(grid(["STT", "Nội dung", "Kinh phí"], ["I", "Hạ tầng", "500"], ["1", "Cáp quang", "500"],
                   caption="DỰ TOÁN KINH PHÍ"))
    assert [r.stt for r in res.rows] == ["I", "1"]


# --- tables over pages -------------------------------------------------------------------------

EDGES = [40.0, 80.0, 300.0, 360.0, 420.0, 600.0, 800.0]


def test_continued_with_repeated_header():
    res = run(grid(IND_HEADER, IND_ROW, page=3, caption="Phụ lục I\nDANH MỤC CÁC CHỈ TIÊU"),
              grid(IND_HEADER, ["2", *IND_ROW[1:]], page=4))
    assert res.tables == 1
    assert [(r.stt, r.table_index, r.page) for r in res.rows] == [("1", 0, 3), ("2", 0, 4)]


def test_continued_without_header():
    res = run(grid(IND_HEADER, ["I", "Đến năm 2030", None, None, None, None], IND_ROW,
                   page=3, col_edges=EDGES, caption="DANH MỤC CÁC CHỈ TIÊU"),
              grid(["2", *IND_ROW[1:]], page=4, col_edges=[e + 2 for e in EDGES]))
    assert res.tables == 1 and not res.warnings
    assert [(r.stt, r.table_index, r.section, r.table) for r in res.rows] == [
        ("1", 0, "I", "indicators"), ("2", 0, "I", "indicators")]


@pytest.mark.parametrize("row, edges", [
    (["2", *IND_ROW[1:]], [0.0, 100.0, 200.0, 300.0, 400.0, 500.0, 600.0]),  # other column edges
    (["2", "Tên", "%", "1", "Phòng Kinh tế"], EDGES[:6]),  # other column count
])
def test_headerless_grid_of_another_shape_is_not_a_continuation(row, edges):
    """Not joined to the table above; its numbered row is still kept, read by position and flagged."""
    res = run(grid(IND_HEADER, IND_ROW, page=3, col_edges=EDGES), grid(row, page=4, col_edges=edges))
    assert [(r.stt, r.table_index) for r in res.rows] == [("1", 0), ("2", 1)]
    assert res.rows[0].flags == [] and res.rows[1].flags == ["columns_unrecognised"]
    kept = "\n".join(res.rows[1].cells.values())
    assert all(text in kept for text in row[1:])  # no cell of the kept row is lost
    assert len(res.warnings) == 1 and "page 4" in res.warnings[0]


def test_row_split_across_page_break_is_joined():
    res = run(grid(TASK_HEADER, TASK_ROW, ["2", "Xây dựng cơ sở dữ liệu dân cư", "Công an", "", ""],
                   page=4, col_edges=EDGES[:6]),
              grid(["", "và đất đai của xã", "xã", "Phòng Kinh tế", "2026"],
                   ["3", "Tổ chức tập huấn", "Phòng VHXH", "", "2027"], page=5, col_edges=EDGES[:6]))
    assert [r.stt for r in res.rows] == ["1", "2", "3"]
    joined = res.rows[1]
    assert joined.cells == {"name": "Xây dựng cơ sở dữ liệu dân cư\nvà đất đai của xã", "lead": "Công an\nxã",
                            "coordinating": "Phòng Kinh tế", "deadline": "2026"}
    assert joined.pages == [4, 5] and joined.page == 4
    assert "joined_across_pages" in joined.flags
    assert res.rows[2].pages == [5] and not res.rows[2].flags


def test_split_row_after_repeated_header_is_joined():
    res = run(grid(TASK_HEADER, TASK_ROW, page=4),
              grid(TASK_HEADER, ["", "(tiếp)", "", "", ""], ["2", "Nhiệm vụ hai", "", "", ""], page=5))
    assert [(r.stt, r.cells["name"]) for r in res.rows] == [("1", "Triển khai nền tảng số\n(tiếp)"),
                                                            ("2", "Nhiệm vụ hai")]


def test_group_row_first_on_a_continuation_page():
    res = run(grid(IND_HEADER, ["I", "Kinh tế số", None, None, None, None], IND_ROW, page=3),
              grid(["II", "Xã hội số", None, None, None, None], ["2", *IND_ROW[1:]], page=4))
    assert [(r.stt, r.section, r.flags) for r in res.rows] == [("1", "I", []), ("2", "II", [])]


def test_split_row_after_repeated_header_and_column_numbers():
    res = run(grid(TASK_HEADER, TASK_ROW, page=4),
              grid(TASK_HEADER, ["(1)", "(2)", "(3)", "(4)", "(5)"], ["", "(tiếp)", "", "", ""], page=5))
    assert [(r.stt, r.cells["name"], r.pages) for r in res.rows] == [
        ("1", "Triển khai nền tảng số\n(tiếp)", [4, 5])]


@pytest.mark.parametrize("caption, tables", [
    ("Phụ lục I (tiếp theo)", 1),
    ("Phụ lục I\n(tiếp theo)", 1),
    ("", 1),
    ("Phụ lục II\nDANH MỤC CÁC CHỈ TIÊU KHÁC", 2),
])
def test_caption_decides_continuation(caption, tables):
    res = run(grid(IND_HEADER, IND_ROW, page=3, caption="Phụ lục I\nDANH MỤC CÁC CHỈ TIÊU"),
              grid(IND_HEADER, ["2", *IND_ROW[1:]], page=4, caption=caption))
    assert res.tables == tables
    assert [r.table_index for r in res.rows] == [0, tables - 1]


def test_new_header_with_other_columns_starts_a_new_table():
    res = run(grid(IND_HEADER, IND_ROW, page=3), grid(TASK_HEADER, TASK_ROW, page=5))
    assert res.tables == 2
    assert [(r.table_index, r.table) for r in res.rows] == [(0, "indicators"), (1, "tasks")]


def test_grids_are_read_in_page_order():
    res = run(grid(IND_HEADER, ["2", *IND_ROW[1:]], page=4), grid(IND_HEADER, IND_ROW, page=3))
    assert [r.stt for r in res.rows] == ["1", "2"]


def test_unrecognisable_grid_without_numbered_rows_is_not_read():
    res = run(grid(["Họ và tên", "Chức vụ", "Ký tên"], ["Nguyễn Văn A", "Chủ tịch", ""], page=2))
    assert res.rows == [] and res.tables == 0
    assert len(res.warnings) == 1 and res.warnings[0].startswith("page 2:")


def test_numbered_grid_with_unknown_column_names_is_kept_and_flagged():
    res = run(grid(["1", "Tỷ lệ hộ có cáp quang", "%", "100"], ["2", "Số điểm wifi công cộng", "điểm", "5"], page=2))
    assert res.tables == 1 and len(res.warnings) == 1 and res.warnings[0].startswith("page 2:")
    assert [(r.stt, r.cells["name"], r.cells["note"]) for r in res.rows] == [
        ("1", "Tỷ lệ hộ có cáp quang", "%\n100"), ("2", "Số điểm wifi công cộng", "điểm\n5")]
    assert all(r.flags == ["columns_unrecognised"] for r in res.rows)


def test_provenance_fields_of_rows():
    g = grid(IND_HEADER, IND_ROW, page=7)
    g.method = "ocr"
    g.cells[-1].confidence = 0.4
    [row] = run(g).rows
    assert (row.page, row.pages, row.method, row.confidence) == (7, [7], "ocr", 0.4)
    assert row.flags == ["low_confidence"]


@pytest.mark.parametrize("label, is_total", [
    ("Tổng cộng", True), ("Tổng nhu cầu kinh phí", True), ("Cộng", True), ("Tổng số", True),
    ("Tổng cộng (triệu đồng)", True), ("Tổng hợp kết quả thực hiện", False), ("Tổng kết, đánh giá", False),
    ("Công tác in ấn tài liệu", False),
])
def test_budget_total_row_wording(label, is_total):
    res = run(grid(["STT", "Nhiệm vụ", "Tổng kinh phí"], ["1", "Nâng cấp hạ tầng", "100"], ["", label, "250"],
                   caption="DỰ TOÁN KINH PHÍ"))
    assert (res.budget_total_text == "250") is is_total
    assert len(res.rows) == (1 if is_total else 2)


def test_monitoring_column_named_with_chu_tri():
    res = run(grid(["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì thực hiện",
                    "Đơn vị chủ trì, theo dõi, đánh giá"],
                   ["1", "Xếp hạng chỉ số DTI", "Thứ bậc", "Mức Khá", "Các cơ quan, đơn vị", "Phòng VHXH"]))
    cells = res.rows[0].cells
    assert cells["lead"] == "Các cơ quan, đơn vị" and cells["monitoring"] == "Phòng VHXH"


def test_budget_unit_line_and_total_above_the_rows():
    res = run(grid(["STT", "Nhiệm vụ", "Tổng kinh phí"], ["", "Tồng nhu cầu kinh phí", "8.073"],
                   ["1", "Đăng tin trên tạp chí", "300"], ["2", "Trung tâm hội nghị", "613"],
                   caption="PHỤ LỤC II\nDỰ TOÁN KINH PHÍ ĐĂNG KÝ THỰC HIỆN NHIỆM VỤ\nTriệu đồng"))
    assert res.budget_total_text == "8.073" and res.budget_unit == "triệu đồng"
    assert [r.stt for r in res.rows] == ["1", "2"] and {r.table for r in res.rows} == {"budget"}


# --- the table's type from its caption -----------------------------------------------------------

@pytest.mark.parametrize("caption, kind", [
    ("Phụ lục I\nDANH MỤC CÁC CHỈ TIÊU CỤ THỂ\n(Kèm theo Kế hoạch số 12/KH-UBND)", "indicators"),
    ("Phụ lục II\nDỰ TOÁN KINH PHÍ THỰC HIỆN NHIỆM VỤ", "budget"),
    ("Phụ lục I\nDANH MỤC CÁC CHỈ TIÊU – NHIỆM VỤ CỤ THỂ\n(Kèm theo Kế hoạch)\nII NHIỆM VỤ CỤ THỂ", "tasks"),
    # a table set in the body: the heading nearest the table decides, not the section above it
    ("II. NHIỆM VỤ, GIẢI PHÁP\nCác chỉ tiêu, nhiệm vụ cụ thể như sau:\n1. Danh mục các chỉ tiêu cụ thể", "indicators"),
    # "(Kèm theo ...)" names the plan, not the table
    ("DANH MỤC CHỈ TIÊU\n(Kèm theo Kế hoạch thực hiện nhiệm vụ chuyển đổi số năm 2026)", "indicators"),
    ("Phụ lục III", None), ("", None),
])
def test_table_type_from_caption(caption, kind):
    assert table_type_from_caption(caption) == kind


def test_section_title_split_by_a_page_break_is_joined_back():
    first = grid(TASK_HEADER, ["1", "Tổ chức hội nghị", "Phòng VHXH", "Các ngành", "Năm 2026"],
                 ["II", "Nâng cao nhận thức, đổi mới tư duy về phát triển", None, None, None], page=1)
    rest = grid(["", "khoa học, công nghệ và chuyển đổi số", None, None, None],
                ["2", "Tập huấn kỹ năng số", "Phòng VHXH", "Các ngành", "Năm 2026"], page=2)
    rows = run(first, rest).rows
    assert [r.stt for r in rows] == ["1", "2"]
    assert rows[0].cells["name"] == "Tổ chức hội nghị"
    assert rows[1].section_title == ("Nâng cao nhận thức, đổi mới tư duy về phát triển "
                                     "khoa học, công nghệ và chuyển đổi số")


# --- never a crash, whatever the grid ------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

CELLS = ["STT", "TT", "Nhiệm vụ", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì", "Đơn vị phối hợp",
         "Kinh phí", "Thời gian", "1", "2", "2.1", "I", "II", "A", "Tổng cộng", "(1)", "1.500", "%", "≥ 90",
         "Phòng VHXH; Công an xã", "Tổ chức hội nghị", "", None]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(CELLS), min_size=1, max_size=7), min_size=1, max_size=8),
       st.sampled_from(["", "Phụ lục I\nDANH MỤC CHỈ TIÊU", "DỰ TOÁN KINH PHÍ", "(tiếp theo)"]))
def test_interpreter_never_raises(rows, caption):
    rows[0] = [c if c is not None else "" for c in rows[0]]  # a row cannot open with a span
    for r in rows:
        if r and r[0] is None:
            r[0] = ""
    res = run(grid(*rows, caption=caption), grid(*rows, page=2))
    assert all(r.table in ("indicators", "tasks", "budget") and r.kind for r in res.rows)

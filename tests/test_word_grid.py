"""Tables rebuilt from word boxes (parsers/word_grid.py), on hand-placed words.

Each test lays words out as a word processor would print a borderless or
row-ruled table, then checks the grid the module rebuilds and, where it
matters, what the one interpreter reads from it.
"""

from __future__ import annotations

from kehoach.parsers.interpreter import interpret
from kehoach.parsers.word_grid import word_tables

PAGE_H = 595.0
LINE = 12.0  # leading of a 10-point font
CHAR_W = 5.0


def words_at(x: float, top: float, text: str) -> list[dict]:
    """The words of `text` printed from x at `top`, one space between words."""
    out = []
    for token in text.split():
        w = len(token) * CHAR_W
        out.append({"text": token, "x0": x, "x1": x + w, "top": top, "bottom": top + 10})
        x += w + 2.5
    return out


# column starts (points) of a five-column tasks table
COLS = [40, 80, 300, 420, 560]


def row(top: float, *cells: str | list[str], cols=COLS) -> list[dict]:
    """A table row at `top`: each cell a string or its printed lines (top-aligned)."""
    out: list[dict] = []
    for x, cell in zip(cols, cells, strict=False):
        for k, text in enumerate([cell] if isinstance(cell, str) else cell):
            if text:
                out += words_at(x, top + k * LINE, text)
    return out


def header_one_line(top: float = 100) -> list[dict]:
    return row(top, "TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian")


def page_full_of_rows():
    """A table whose fourteen two-line rows run down to the foot of page 1."""
    words = header_one_line(100)
    top = 125.0
    for n in range(1, 15):
        words += row(top, str(n), ["Nhiệm vụ số " + str(n), "dòng hai"], "Phòng VHXH", "Các ngành", "Năm 2026")
        top += 32
    [table] = word_tables(words, 1, PAGE_H)
    return table


def test_one_line_header_and_numbered_rows():
    words = header_one_line() + row(125, "1", ["Tuyên truyền về chuyển đổi", "số trên các nền tảng"], "Phòng VHXH",
                                    "Các ngành", "Thường xuyên") \
        + row(160, "2", "Xây dựng kế hoạch năm 2026", ["Văn phòng", "HĐND-UBND"], "Công an xã", "Quý I/2026")
    [t] = word_tables(words, 1, PAGE_H)
    g = t.grid
    assert (g.n_rows, g.n_cols) == (3, 5)
    assert g.text(1, 1) == "Tuyên truyền về chuyển đổi\nsố trên các nền tảng"
    assert g.text(2, 2) == "Văn phòng\nHĐND-UBND"
    assert t.layout.roles == ["stt", "name", "lead", "coordinating", "deadline"]
    assert g.method == "words" and g.cell(1, 0).confidence < 1.0


def test_column_names_over_two_lines_form_one_header():
    # "Thời gian" / "hoàn thành" and "Đơn vị" / "chủ trì" stacked; TT and Nhiệm vụ centred between the lines
    header = words_at(40, 106, "TT") + words_at(80, 106, "Nhiệm vụ") + words_at(300, 100, "Đơn vị") \
        + words_at(300, 112, "chủ trì") + words_at(420, 106, "Phối hợp") + words_at(560, 100, "Thời gian") \
        + words_at(560, 112, "hoàn thành")
    words = header + row(135, "1", "Tổ chức hội nghị", "Phòng VHXH", "Các ngành", "Năm 2026")
    [t] = word_tables(words, 1, PAGE_H)
    assert t.grid.text(0, 2) == "Đơn vị\nchủ trì" and t.grid.text(0, 4) == "Thời gian\nhoàn thành"
    assert t.layout.roles == ["stt", "name", "lead", "coordinating", "deadline"]
    assert t.grid.n_rows == 2 and t.grid.text(1, 4) == "Năm 2026"


def test_caption_above_the_header_is_not_part_of_it():
    caption = words_at(200, 70, "DANH MỤC CÁC NHIỆM VỤ CỤ THỂ") + words_at(150, 82, "(Kèm theo Kế hoạch số 12/KH-UBND)")
    words = caption + header_one_line(100) + row(125, "1", "Tổ chức hội nghị", "Phòng VHXH", "Các ngành", "Năm 2026")
    [t] = word_tables(words, 1, PAGE_H)
    assert t.grid.text(0, 1) == "Nhiệm vụ"
    assert t.grid.bbox[1] >= 99


def test_number_centred_in_a_tall_row_opens_the_row_at_the_gap_above():
    # row 1 is three lines tall with its number on the middle line; rows are 8 points apart
    words = header_one_line(100) \
        + row(122, "", ["Tổ chức tuyên truyền", "sâu rộng về Nghị quyết", "trên các nền tảng"], "Phòng VHXH") \
        + row(134, "1") + row(134, "", "", "", "Các ngành", "Thường xuyên") \
        + row(166, "", ["Xây dựng kế hoạch", "chuyển đổi số"], "Văn phòng") + row(172, "2")
    [t] = word_tables(words, 1, PAGE_H)
    g = t.grid
    assert g.n_rows == 3
    assert [g.text(r, 0) for r in (1, 2)] == ["1", "2"]
    assert g.text(1, 1) == "Tổ chức tuyên truyền\nsâu rộng về Nghị quyết\ntrên các nền tảng"
    assert g.text(2, 1) == "Xây dựng kế hoạch\nchuyển đổi số"


def test_group_title_across_the_columns_goes_to_the_name_column():
    long_title = "Nâng cao nhận thức, đổi mới tư duy về khoa học công nghệ và chuyển đổi số"
    title = words_at(40, 125, "I") + words_at(80, 125, long_title)
    words = header_one_line() + title + row(145, "1", "Tổ chức hội nghị", "Phòng VHXH", "Các ngành", "Năm 2026")
    [t] = word_tables(words, 1, PAGE_H)
    g = t.grid
    assert g.text(1, 0) == "I" and g.text(1, 1) == long_title
    assert all(g.text(1, k) == "" for k in (2, 3, 4))
    rows = interpret([g]).rows
    assert [r.stt for r in rows] == ["1"] and rows[0].section == "I"


def test_row_rules_cut_the_rows_when_the_table_has_them():
    # a row-ruled table whose row 2 has no number (a split remainder would look the same)
    rules = [{"x0": 35, "x1": 700, "top": y, "bottom": y, "orientation": "h"} for y in (96, 114, 150, 176)]
    words = header_one_line(100) + row(118, "1", ["Tổ chức hội nghị", "quán triệt"], "Phòng VHXH") \
        + row(154, "", "Bổ sung nội dung", "Công an xã")
    [t] = word_tables(words, 1, PAGE_H, rules)
    g = t.grid
    assert g.n_rows == 3
    assert g.text(1, 1) == "Tổ chức hội nghị\nquán triệt" and g.text(2, 1) == "Bổ sung nội dung"


def test_text_after_a_wide_gap_is_not_part_of_the_table():
    after = words_at(60, 260, "Trên đây là Kế hoạch của UBND xã; đề nghị các cơ quan thực hiện./.")
    words = header_one_line() + row(125, "1", "Tổ chức hội nghị", "Phòng VHXH", "Các ngành", "Năm 2026") + after
    [t] = word_tables(words, 1, PAGE_H)
    assert t.grid.n_rows == 2 and not t.reaches_page_foot
    assert "Trên đây" not in " ".join(c.text for c in t.grid.cells)


def test_a_table_running_off_the_page_goes_on_at_the_top_of_the_next():
    t1 = page_full_of_rows()
    assert t1.reaches_page_foot
    # page 2: the remainder of row 14 (no number), then rows 15 and 16, no header repeated
    second = row(40, "", "phần còn lại", "", "Công an xã") + row(62, "15", "Nhiệm vụ mười lăm", "Phòng VHXH") \
        + row(84, "16", "Nhiệm vụ mười sáu", "Phòng VHXH")
    [t2] = word_tables(second, 2, PAGE_H, carried=t1.layout)
    assert t2.grid.col_edges == t1.grid.col_edges
    assert [t2.grid.text(r, 0) for r in range(t2.grid.n_rows)] == ["", "15", "16"]
    rows = interpret([t1.grid, t2.grid]).rows
    assert [r.stt for r in rows][-3:] == ["14", "15", "16"]
    assert rows[-3].cells["name"].endswith("phần còn lại") and "joined_across_pages" in rows[-3].flags


def test_a_new_caption_on_the_next_page_is_not_a_continuation():
    t1 = page_full_of_rows()
    second = words_at(250, 40, "Phụ lục III") + words_at(200, 55, "DỰ TOÁN KINH PHÍ")
    assert word_tables(second, 2, PAGE_H, carried=t1.layout) == []


def test_body_text_without_a_header_gives_no_table():
    words = []
    for k in range(20):
        words += words_at(60, 80 + k * 16, "Các cơ quan, đơn vị chủ trì, phối hợp triển khai thực hiện nhiệm vụ")
    assert word_tables(words, 1, PAGE_H) == []


def test_parent_name_over_two_columns_is_left_out_of_the_labels():
    # "Đơn vị thực hiện" printed over "Chủ trì" | "Phối hợp"; the other names centred over both lines
    header = words_at(300, 96, "Đơn vị thực hiện") + words_at(40, 104, "TT") + words_at(80, 104, "Nhiệm vụ") \
        + words_at(560, 104, "Thời gian") + words_at(290, 112, "Chủ trì") + words_at(420, 112, "Phối hợp")
    words = header + row(135, "1", "Tổ chức hội nghị", "Phòng VHXH", "Các ngành", "Năm 2026")
    [t] = word_tables(words, 1, PAGE_H)
    assert t.layout.roles == ["stt", "name", "lead", "coordinating", "deadline"]
    assert t.grid.text(1, 2) == "Phòng VHXH" and t.grid.text(1, 3) == "Các ngành"


def test_an_unnumbered_total_row_is_a_row_of_its_own():
    header = row(100, "STT", "Nội dung", "Kinh phí", cols=[40, 120, 420])
    words = header + row(125, "1", "Mua sắm trang thiết bị", "650", cols=[40, 120, 420]) \
        + row(150, "2", "Số hóa hồ sơ lưu trữ", "500", cols=[40, 120, 420]) \
        + row(175, "", "Tổng cộng", "1.150", cols=[40, 120, 420])
    [t] = word_tables(words, 1, PAGE_H)
    g = t.grid
    assert [g.text(r, 1) for r in range(1, g.n_rows)] == ["Mua sắm trang thiết bị", "Số hóa hồ sơ lưu trữ", "Tổng cộng"]
    interp = interpret([g])
    assert [r.stt for r in interp.rows] == ["1", "2"] and interp.budget_total_text == "1.150"


def test_a_note_beside_the_header_is_no_column():
    note = words_at(560, 88, "Đơn vị tính: triệu đồng")
    words = note + row(100, "STT", "Nội dung", "Kinh phí", cols=[40, 120, 420]) \
        + row(125, "1", "Mua sắm trang thiết bị", "650", cols=[40, 120, 420])
    [t] = word_tables(words, 1, PAGE_H)
    assert t.layout.roles == ["stt", "name", "amount"]


def test_body_text_set_larger_after_the_table_ends_it():
    words = header_one_line()
    top = 125.0
    for n in range(1, 7):
        words += row(top, str(n), "Nhiệm vụ số " + str(n), "Phòng VHXH", "Các ngành", "Năm 2026")
        top += 20
    body = []
    for k, text in enumerate(["3. Tổ chức thực hiện: các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao",
                              "chủ động triển khai thực hiện các nội dung của Kế hoạch này."]):
        x = 40.0
        for token in text.split():  # 13-point body text, tables are set in 10 points
            w = len(token) * 6.5
            body.append({"text": token, "x0": x, "x1": x + w, "top": top + 4 + k * 16, "bottom": top + 17 + k * 16})
            x += w + 3.2
    [t] = word_tables(words + body, 1, PAGE_H)
    assert t.grid.n_rows == 7
    assert "Tổ chức thực hiện" not in " ".join(c.text for c in t.grid.cells)


# --- never a crash, whatever the words ------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

TOKENS = ["STT", "TT", "Nhiệm vụ", "Chỉ tiêu", "Đơn vị chủ trì", "Phối hợp", "Thời gian", "Kinh phí", "Ghi chú",
          "1", "2", "3.1", "I", "II", "A", "Tổng cộng", "Phụ lục II", "Đơn vị tính: triệu đồng", "Phòng VHXH",
          "Các cơ quan, đơn vị", "≥ 90", "%", "Năm 2026", "tuyên truyền", "-", ""]


@st.composite
def pages_of_words(draw):
    words = []
    for _ in range(draw(st.integers(0, 60))):
        text = draw(st.sampled_from(TOKENS))
        x = draw(st.floats(0, 780))
        top = draw(st.floats(0, 580))
        size = draw(st.sampled_from([9.0, 10.0, 13.0]))
        for k, token in enumerate(text.split()):
            words.append({"text": token, "x0": x + k * 30, "x1": x + k * 30 + 5 * len(token), "top": top,
                          "bottom": top + size})
    return words


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages_of_words(), st.lists(st.floats(0, 580), max_size=6), st.booleans())
def test_word_tables_never_raise(words, rule_ys, carry):
    rules = [{"x0": 20, "x1": 800, "top": y, "bottom": y, "orientation": "h"} for y in rule_ys]
    first = word_tables(words, 1, PAGE_H, rules)
    carried = first[-1].layout if carry and first else None
    tables = first + word_tables(words, 2, PAGE_H, rules, carried)
    grids = [t.grid for t in tables]
    for g in grids:
        assert all(0 <= c.row < g.n_rows and 0 <= c.col < g.n_cols for c in g.cells)
    interpret(grids)  # the one interpreter reads whatever the front-end built


def test_a_row_remainder_opening_like_a_caption_still_continues_the_table():
    t1 = page_full_of_rows()
    # the rest of row 14's name cell happens to open with "Danh mục", inside the name column
    second = row(40, "", "Danh mục dữ liệu mở", "", "Công an xã") + row(62, "15", "Nhiệm vụ mười lăm", "Phòng VHXH")
    [t2] = word_tables(second, 2, PAGE_H, carried=t1.layout)
    assert [t2.grid.text(r, 0) for r in range(t2.grid.n_rows)] == ["", "15"]


def test_a_table_with_centred_numbers_carries_that_to_its_next_page():
    """Numbers centred in tall rows on the first page: on the next page, the lines above the first
    number open that row (no row set apart to say so there), not the rest of the row before."""
    words = header_one_line(100)
    top = 125.0
    for n in range(1, 9):  # three-line rows, the number on the middle line, rows 8 points apart
        words += row(top, "", ["Nhiệm vụ số " + str(n), "dòng hai", "dòng ba"], "Phòng VHXH") + row(top + 12, str(n))
        top += 44
    [t1] = word_tables(words, 1, PAGE_H)
    assert t1.layout.centred and t1.reaches_page_foot
    second = row(40, "", ["Nhiệm vụ chín", "dòng hai", "dòng ba"], "Phòng VHXH") + row(52, "9")
    [t2] = word_tables(second, 2, PAGE_H, carried=t1.layout)
    assert t2.grid.n_rows == 1 and t2.grid.text(0, 0) == "9"
    assert t2.grid.text(0, 1) == "Nhiệm vụ chín\ndòng hai\ndòng ba"


def test_words_spaced_wide_like_an_ocr_layer_still_make_a_table():
    """An OCR text layer over a scan spaces its words wider than typeset text: the gap that parts
    two cells grows with the page's own spacing, so column names are not cut word by word."""
    def spaced(x, top, text, space=9.0):
        out = []
        for token in text.split():
            w = len(token) * CHAR_W
            out.append({"text": token, "x0": x, "x1": x + w, "top": top, "bottom": top + 10})
            x += w + space
        return out

    cols = [40, 90, 330, 470, 640]
    words = []
    for x, text in zip(cols, ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"], strict=True):
        words += spaced(x, 100, text)
    for k, top in enumerate((125, 150)):
        for x, text in zip(cols, [str(k + 1), "Tổ chức hội nghị quán triệt", "Phòng Văn hóa", "Các ngành",
                                  "Năm 2026"], strict=True):
            words += spaced(x, top, text)
    [t] = word_tables(words, 1, PAGE_H)
    assert t.layout.roles == ["stt", "name", "lead", "coordinating", "deadline"]
    assert t.grid.text(2, 1) == "Tổ chức hội nghị quán triệt"

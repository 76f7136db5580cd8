"""Layout text (pdftotext -layout): columns by character position, centred cells cut around their number."""

from __future__ import annotations

from kehoach.parsers.text_columns import is_layout, read_layout_table

HEADER = ["STT        Chỉ tiêu                     Kết quả      Đơn vị chủ trì      Đơn vị phối hợp"]
CENTRED = [
    "I          Đến năm 2030",
    "           Tỉ lệ hồ sơ công việc xử lý                   Văn phòng",
    "1          trên môi trường điện tử           100         HĐND&UBND          Các cơ quan, đơn vị",
    "           toàn trình",
    "                                                          Phòng Văn hóa -    Các cơ quan, đơn vị",
    "2          Tỉ lệ người dân có chữ ký số      ≥ 10",
    "                                                          Xã hội             thuộc UBND xã",
    "                                   5",
    "STT        Chỉ tiêu                     Kết quả      Đơn vị chủ trì      Đơn vị phối hợp",
    "           Tỉ lệ thanh toán trực tuyến",
    "3                                            90          Công an xã",
    "           trong giải quyết TTHC",
]


def test_layout_is_recognised():
    assert is_layout(HEADER + CENTRED)
    assert not is_layout(["Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024", "của Bộ Chính trị về đột phá"])


def test_centred_cells_page_number_and_repeated_header():
    roles, names, rows = read_layout_table(HEADER, CENTRED)
    assert roles == ["stt", "name", "result", "lead", "coordinating"]
    got = {code: [" ".join(t.split()) for t in texts] for code, _, texts in rows}
    assert [code for code, _, _ in rows] == ["I", "1", "2", "3"]
    assert got["I"][1] == "Đến năm 2030"
    assert got["1"][1:] == ["Tỉ lệ hồ sơ công việc xử lý trên môi trường điện tử toàn trình", "100",
                            "Văn phòng HĐND&UBND", "Các cơ quan, đơn vị"]
    assert got["2"][1:] == ["Tỉ lệ người dân có chữ ký số", "≥ 10", "Phòng Văn hóa - Xã hội",
                            "Các cơ quan, đơn vị thuộc UBND xã"]
    # a row after the page number and the repeated header, its coordinating cell empty
    assert got["3"][1:] == ["Tỉ lệ thanh toán trực tuyến trong giải quyết TTHC", "90", "Công an xã", ""]


def test_wrapped_group_title_centred_on_its_number():
    body = [
        "           Nâng cao nhận thức, đột phá về đổi mới tư duy, xác định quyết tâm chính trị",
        "I",
        "           mạnh mẽ về phát triển khoa học, công nghệ và chuyển đổi số",
        "           Tỉ lệ hồ sơ công việc xử lý                   Văn phòng",
        "1          trên môi trường điện tử           100         HĐND&UBND          Các cơ quan, đơn vị",
        "           toàn trình",
        "                                                          Phòng Văn hóa -    Các cơ quan, đơn vị",
        "2          Tỉ lệ người dân có chữ ký số      ≥ 10",
        "                                                          Xã hội             thuộc UBND xã",
    ]
    _, _, rows = read_layout_table(HEADER, body)
    got = {code: [" ".join(t.split()) for t in texts] for code, _, texts in rows}
    assert got["I"][1] == ("Nâng cao nhận thức, đột phá về đổi mới tư duy, xác định quyết tâm chính trị "
                           "mạnh mẽ về phát triển khoa học, công nghệ và chuyển đổi số")
    assert got["1"][1] == "Tỉ lệ hồ sơ công việc xử lý trên môi trường điện tử toàn trình"


def test_a_cells_lines_with_other_columns_lines_between_them_stay_one_cell():
    # the name of row 1 is printed on three lines with lines of the other columns between them, and
    # the name of row 2 starts right under it: each cell is cut where it is centred on its number
    body = [
        "           Tỉ lệ người dân có tài khoản",
        "                                                          Các cơ quan, đơn vị xã",
        "1          định danh điện tử và được         80           Công an xã",
        "                                                          các Tổ CNSCĐ",
        "           kích hoạt mức 2",
        "           Tỉ lệ số hóa hồ sơ, kết quả      Trung tâm Phục vụ   Các cơ quan chuyên",
        "2                                            100",
        "           giải quyết TTHC                  hành chính công     môn thuộc UBND xã",
    ]
    header = ["STT        Chỉ tiêu                     Kết quả      Đơn vị chủ trì      Đơn vị phối hợp"]
    _, _, rows = read_layout_table(header, body)
    names = {code: " ".join(texts[1].split()) for code, _, texts in rows}
    assert names == {"1": "Tỉ lệ người dân có tài khoản định danh điện tử và được kích hoạt mức 2",
                     "2": "Tỉ lệ số hóa hồ sơ, kết quả giải quyết TTHC"}


def test_header_names_centred_above_and_below_the_stt_line_are_read_by_position():
    from kehoach.parsers.text_source import parse_text

    text = "\n".join([
        "                                                                               Thời",
        "                                   Mục tiêu",
        "                                                Đơn vị chủ     Đơn vị phối     gian",
        "STT          Tên chỉ tiêu           đến",
        "                                                   trì            hợp          thực",
        "                                   năm 2030",
        "                                                                               hiện",
        "      Tỷ lệ ứng dụng các nền tảng số             VP             Các cơ quan,    2026 -",
        " 1                                        100",
        "      dùng chung do tỉnh triển khai              HĐND&UBND      đơn vị liên     2030",
        "      Tỷ lệ người dân được tiếp cận                                             Thường",
        " 2    thông tin y tế từ xa            ≥ 90       Trạm Y tế xã   Phòng VHXH",
        "                                                                                xuyên",
    ])
    (grid,) = parse_text(text).grids
    header = [c.text for c in grid.cells if c.row == 0]
    assert header == ["STT", "Tên chỉ tiêu", "Mục tiêu đến năm 2030", "Đơn vị chủ trì", "Đơn vị phối hợp",
                      "Thời gian thực hiện"]
    assert grid.n_rows == 3

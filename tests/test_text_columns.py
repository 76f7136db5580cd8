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


def _cells_by_code(header: list[str], body: list[str]) -> dict[str, list[str]]:
    """Each row's cell texts, white space collapsed, by its code."""
    _, _, rows = read_layout_table(header, body)
    return {code: [" ".join(t.split()) for t in texts] for code, _, texts in rows}


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
    got = _cells_by_code(HEADER, body)
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


BUDGET_HEADER = ["STT                Nội dung                          Kinh phí        Ghi chú"]
BUDGET = [
    " 1    Lắp đặt camera giám sát an ninh                      150 Nguồn sự nghiệp",
    " 2    Tuyên truyền trên hệ thống truyền thanh               50",
    " 3    Bảo đảm an toàn thông tin mạng                      1.200 Nguồn xã hội hóa",
    "      Tổng cộng                                         1.400",
]


def test_right_aligned_amounts_with_a_note_one_space_after_them():
    """The figures end at one edge and start anywhere; the note after them is the note's."""
    roles, _, rows = read_layout_table(BUDGET_HEADER, BUDGET)
    assert roles == ["stt", "name", "amount", "note"]
    got = {code: texts for code, _, texts in rows}
    assert got["1"][2:] == ["150", "Nguồn sự nghiệp"]
    assert got["2"][2:] == ["50", ""]
    assert got["3"][2:] == ["1.200", "Nguồn xã hội hóa"]


def test_a_total_line_is_its_own_unnumbered_row():
    _, _, rows = read_layout_table(BUDGET_HEADER, BUDGET)
    assert [code for code, _, _ in rows] == ["1", "2", "3", ""]
    assert rows[-1][2][1:3] == ["Tổng cộng", "1.400"]
    assert rows[2][2][1] == "Bảo đảm an toàn thông tin mạng"  # not glued to the last item


SLIPS = [
    " 1    Tổ chức tập huấn kỹ năng số                   Phòng VHXH",
    " 2    Rà soát thủ tục hành chính                    Văn phòng",
    " 2    Đẩy mạnh giáo dục STEM                        Phòng VHXH",
    " 4    Số hóa hồ sơ lưu trữ                          Văn phòng",
    " 5    Lắp đặt camera giám sát                       Công an xã",
]


def test_a_number_printed_twice_or_skipped_still_starts_its_row():
    header = ["STT          Nhiệm vụ                           Cơ quan chủ trì"]
    _, _, rows = read_layout_table(header, SLIPS)
    assert [code for code, _, _ in rows] == ["1", "2", "2", "4", "5"]
    assert rows[2][2][1] == "Đẩy mạnh giáo dục STEM"


def test_a_row_centred_on_its_number_with_nothing_beside_the_number():
    """Only the name is wrapped: the number's line holds no name, so the cells are centred."""
    header = ["STT          Nội dung                                           Kinh phí"]
    body = [
        " 1    Lắp đặt camera giám sát an ninh                                  120",
        "      Tuyên truyền, phổ biến về khoa học và chuyển",
        " 2                                                                      50",
        "      đổi số trên hệ thống truyền thanh",
        " 3    Bảo đảm an toàn thông tin mạng                                   120",
    ]
    _, _, rows = read_layout_table(header, body)
    got = {code: " ".join(texts[1].split()) for code, _, texts in rows}
    assert got["1"] == "Lắp đặt camera giám sát an ninh"
    assert got["2"] == "Tuyên truyền, phổ biến về khoa học và chuyển đổi số trên hệ thống truyền thanh"


def test_so_tt_header_with_long_names_above_the_stt_line():
    from kehoach.parsers.text_columns import read_layout_header

    lines = [
        "                                  Đơn vị   Chỉ tiêu đến năm    Cơ quan thực hiện",
        "Số TT          Nội dung                                                         Cơ quan phối hợp",
        "                                   đo             2030               chính",
        "  1     Tỷ lệ chi ngân sách xã        %            ≥3          Văn phòng        Phòng Kinh tế",
    ]
    h = read_layout_header(lines, 1)
    assert h is not None and h.start == 0
    assert h.roles[:4] == ["stt", "name", "unit_of_measure", "result"]  # "Chỉ tiêu đến năm 2030": the target


def test_the_unit_line_above_a_budget_header_stays_in_the_caption():
    from kehoach.parsers.kinds import is_unit_statement

    assert is_unit_statement("                      Đơn vị tính: triệu đồng")
    assert is_unit_statement("(ĐVT: đồng)")
    assert not is_unit_statement("Đơn vị chủ trì")


def test_a_label_over_two_sub_columns_names_no_column_of_its_own():
    # "Đơn vị thực hiện" stands over "Cơ quan chủ trì" and "Cơ quan phối hợp" (two header rows)
    header = ["                                                         Đơn vị thực hiện             Thời",
              "                                      Sản phẩm                                        gian",
              " TT            Nhiệm vụ                           Cơ quan chủ     Cơ quan phối",
              "                                       đầu ra                                         hoàn",
              "                                                      trì             hợp            thành"]
    body = [" 1    Tổ chức quán triệt, tuyên      Hội nghị quán    Phòng VH-XH    Các ngành liên    Quý",
            "      truyền sâu rộng nội dung       triệt                            quan              I/2026",
            " 2    Đưa nhiệm vụ chuyển đổi số     Kế hoạch         Văn phòng      Các ngành liên    Quý",
            "      vào chương trình công tác      công tác         HĐND và UBND   quan              I/2026"]
    roles, names, rows = read_layout_table(header, body)
    assert roles == ["stt", "name", "result", "lead", "coordinating", "deadline"]
    got = {code: [" ".join(t.split()) for t in texts] for code, _, texts in rows}
    assert got["2"][3:] == ["Văn phòng HĐND và UBND", "Các ngành liên quan", "Quý I/2026"]
    # short sub-column names far apart: the label, centred between them, touches only one
    header = [f"{'':<69}{'Đơn vị thực hiện':<61}Thời gian",
              f"{'TT':<24}{'Nhiệm vụ':<84}Sản phẩm",
              f"{'':<59}{'Chủ trì':<24}{'Phối hợp':<47}thực hiện"]
    roles, names, _ = read_layout_table(header, [f"{' 1':<24}{'Tổ chức quán triệt':<35}{'Phòng VH-XH':<24}"
                                                 f"{'Các ngành':<25}{'Hội nghị':<22}Quý I/2026"])
    assert roles == ["stt", "name", "lead", "coordinating", "result", "deadline"]
    assert names[2:4] == ["Chủ trì", "Phối hợp"]


def test_a_group_titles_wrapped_line_across_the_columns_keeps_rows_top_aligned():
    # the title's second line runs under the value columns' names: its words are no cells of a
    # first row centred on its number (which would shift every row's lines onto the next row)
    body = [
        " I         Nâng cao nhận thức, đổi mới tư duy, quyết tâm chính trị trong lãnh đạo, chỉ đạo",
        "           phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
        " 1         Tổ chức quán triệt, tuyên    Hội nghị     Phòng VH-XH         Các ngành liên",
        "           truyền sâu rộng nội dung     quán triệt                       quan",
        "           Nghị quyết số 57-NQ/TW",
        " 2         Đưa nhiệm vụ chuyển đổi số   Kế hoạch     Văn phòng           Các phòng chuyên",
        "           vào chương trình công tác    công tác     HĐND và UBND        môn",
    ]
    got = _cells_by_code(HEADER, body)
    assert got["I"][1].endswith("chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số")
    assert got["1"][1:] == ["Tổ chức quán triệt, tuyên truyền sâu rộng nội dung Nghị quyết số 57-NQ/TW",
                            "Hội nghị quán triệt", "Phòng VH-XH", "Các ngành liên quan"]
    assert got["2"][1] == "Đưa nhiệm vụ chuyển đổi số vào chương trình công tác"


def test_a_page_set_some_characters_off_is_read_in_its_own_columns():
    # pdftotext -layout places each page from its own margin: on page 2 every column starts 6
    # characters further left, so the column starts measured on page 1 would cut its words apart
    def row(n: int, off: int) -> list[str]:
        first = f"{n:<11}{'Tỉ lệ hồ sơ xử lý trực tuyến':<34}{'100':<12}{'Văn phòng':<19}Các cơ quan, đơn vị"
        second = f"{'':<11}{'trên môi trường điện tử':<34}{'':<12}{'HĐND&UBND':<19}thuộc UBND xã"
        return [ln[:11 - off] + ln[11:] if off else ln for ln in (first, second)]
    body = [ln for n in range(1, 9) for ln in row(n, 0)] + [ln for n in range(9, 13) for ln in row(n, 6)]
    pages = [1] * 16 + [2] * 8
    want = ["Tỉ lệ hồ sơ xử lý trực tuyến trên môi trường điện tử", "100", "Văn phòng HĐND&UBND",
            "Các cơ quan, đơn vị thuộc UBND xã"]
    _, _, rows = read_layout_table(HEADER, body, pages)
    assert [code for code, _, _ in rows] == [str(n) for n in range(1, 13)]
    assert all([" ".join(t.split()) for t in texts][1:] == want for _, _, texts in rows)
    _, _, unshifted = read_layout_table(HEADER, body)
    assert [" ".join(t.split()) for t in unshifted[-1][2]][1:] != want  # the shift is what reads it


def test_a_run_pushed_left_of_its_column_joins_it_when_its_own_cell_is_filled():
    # a layout tool sets a long line's cells a few characters left of their columns' edges to make
    # room ("Thứ bậc" before the unit column, "Phòng VHXH" before the lead column): set apart by two
    # spaces from the text the cell to its left already holds on that line, each is the next cell
    def line(n: str, name: str, unit: str, target: str, lead: str) -> str:
        return f"{n:<5}{name:<41}{unit:<11}{target:<21}{lead}".rstrip()
    header = [line("STT", "Tên chỉ tiêu", "ĐVT", "Chỉ tiêu đạt", "Cơ quan chủ trì")]
    body = ["1    Xếp hạng chỉ số đánh giá chuyển đổi số  Thứ bậc  Thuộc nhóm 20 xã  Phòng VHXH",
            line("", "(DTI) của phường", "", "dẫn đầu tỉnh", "")]
    for n in range(2, 6):
        body += [line(str(n), "Tỷ lệ cơ sở giáo dục phổ thông tổ chức", "%", "100", "Phòng VH-XH"),
                 line("", "giáo dục STEM", "", "", "và các trường")]
    got = _cells_by_code(header, body)
    assert got["1"][1:] == ["Xếp hạng chỉ số đánh giá chuyển đổi số (DTI) của phường", "Thứ bậc",
                            "Thuộc nhóm 20 xã dẫn đầu tỉnh", "Phòng VHXH"]
    assert got["5"][1:] == ["Tỷ lệ cơ sở giáo dục phổ thông tổ chức giáo dục STEM", "%", "100",
                            "Phòng VH-XH và các trường"]


def test_a_capitalised_word_across_the_next_columns_edge_opens_that_cell():
    # "Thuộc nhóm Phòng Văn": one space between the target's words and the lead's, "Phòng" set two
    # characters left of the lead column's edge and running across it
    from kehoach.parsers.text_columns import _line_cells

    cols = [0, 6, 40, 53]
    line = " 6    Xếp hạng chỉ số đánh giá          Thuộc nhóm Phòng Văn"
    assert line.index("Phòng") == 51
    assert _line_cells(line, cols, 0) == ["6", "Xếp hạng chỉ số đánh giá", "Thuộc nhóm", "Phòng Văn"]
    # a lower-case word there is the cell's own wrapped text
    assert _line_cells(line.replace("Phòng", "phòng"), cols, 0)[2] == "Thuộc nhóm phòng"
    # a word that ends on the edge, the cell's next word past it: "Phòng | Văn hóa"
    line = "7    Tổ chức ra mắt Tổ công nghệ số          Tổ CNSCĐ hoạt động Phòng Văn hóa - Xã"
    cols = [0, 5, 45, line.index("Văn") - 1]
    assert _line_cells(line, cols, 0)[2:] == ["Tổ CNSCĐ hoạt động", "Phòng Văn hóa - Xã"]


def test_sub_column_names_of_four_words_under_the_stt_line_are_the_headers():
    # "Đơn vị thực hiện" over two sub-columns whose names ("Đơn vị chủ trì", "Đơn vị phối hợp")
    # print under the STT line: words of column names only, so no first row's cells
    from kehoach.parsers.text_columns import read_layout_header

    lines = [f"{'':<62}{'Đơn vị thực hiện':<38}Thời gian",
             f"{'STT':<8}{'Nội dung nhiệm vụ':<27}Kết quả / sản phẩm",
             f"{'':<58}{'Đơn vị chủ trì':<20}{'Đơn vị phối hợp':<22}hoàn thành",
             f"{' 1':<8}{'Tổ chức quán triệt':<27}{'Hội nghị quán triệt':<23}{'Phòng VH-XH':<20}"
             f"{'Các ngành liên quan':<22}Quý I/2026"]
    h = read_layout_header(lines, 1)
    assert (h.start, h.end) == (0, 3)
    assert h.roles == ["stt", "name", "result", "lead", "coordinating", "deadline"]


def test_two_names_parted_by_one_space_in_a_tight_header_are_two_columns():
    # "Đơn vị chủ Cơ quan phối" / "trì hợp": a tight layout parts two names by one space; a name's
    # words after its first are in lower case, so a capitalised word inside a run starts the next
    from kehoach.parsers.text_columns import read_layout_header

    lines = [f"{'':<32}{'Kết quả /':<16}{'Đơn vị chủ Cơ quan phối':<28}Thời",
             f"{'TT':<9}{'Tên nhiệm vụ':<39}{'':<28}hạn",
             f"{'':<32}{'sản phẩm':<16}{'trì':<11}{'hợp':<17}",
             f"{'1':<9}{'Tổ chức quán triệt':<23}{'Hội nghị':<16}{'Phòng VHXH':<11}{'Các cơ quan':<17}Tháng 12/2025"]
    h = read_layout_header(lines, 1)
    assert h.texts == ["TT", "Tên nhiệm vụ", "Kết quả / sản phẩm", "Đơn vị chủ trì", "Cơ quan phối hợp", "Thời hạn"]

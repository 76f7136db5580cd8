"""Header names centred on the STT line, as pdfplumber's extract_text writes them (text_centred)."""

from __future__ import annotations

from kehoach.parsers.text_centred import centred_above, centred_names
from kehoach.parsers.text_layout import read_header

# STT | Nội dung nhiệm vụ | Sản phẩm / đầu ra | Cơ quan / chủ trì / thực hiện | Thời / gian / hoàn / thành | Ghi chú,
# every name centred on the header row: one printed line per baseline, names of odd and even line
# counts on alternate baselines
HEADER = ["Thời", "Cơ quan", "Sản phẩm gian", "STT Nội dung nhiệm vụ chủ trì Ghi chú", "đầu ra hoàn",
          "thực hiện", "thành"]


def test_names_of_one_to_four_lines_are_rebuilt_in_column_order():
    assert centred_above(HEADER, 3) == 3
    assert centred_names(HEADER, 3, 3) == ["STT", "Nội dung nhiệm vụ", "Sản phẩm đầu ra", "Cơ quan chủ trì thực hiện",
                                           "Thời gian hoàn thành", "Ghi chú"]


def test_read_header_takes_the_lines_above_and_below():
    lines = ["Phụ lục II", "(Kèm theo Kế hoạch số 12/KH-UBND)"] + HEADER + ["1 Tổ chức tập huấn Báo cáo Phòng VHXH"]
    h = read_header(lines, 5)
    assert (h.start, h.end) == (2, 9)
    assert h.roles == ["stt", "name", "result", "lead", "deadline", "note"]


def test_a_caption_line_above_is_no_part_of_the_header():
    # "Đơn vị tính: ..." is the caption's; a data row under a one-line header is no lower half
    lines = ["Đơn vị tính: triệu đồng", "STT Nội dung Kinh phí Ghi chú", "1 Số hóa hồ sơ 300"]
    assert centred_above(lines, 1) == 0
    lines = ["Đơn vị", "STT Tên chỉ tiêu Kết quả Cơ quan chủ trì", "Tỷ lệ hồ sơ được số hóa và khai thác trên địa bàn"]
    assert centred_above(lines, 1) == 0


def test_a_long_line_of_upper_halves_pairs_with_its_lower_halves():
    # four two-line names side by side above the STT line, their ends below it; the lower line is cut
    # where each end joins its beginning ("thực hiện" twice: one ends "Thời gian", one "Đơn vị chủ trì")
    lines = ["Yêu cầu kết quả đạt Thời gian Đơn vị chủ trì Đơn vị theo dõi,", "TT Tên nhiệm vụ Đơn vị phối hợp",
             "được thực hiện thực hiện đánh giá"]
    assert centred_above(lines, 1) == 1
    names = centred_names(lines, 1, 1)
    assert set(names) == {"TT", "Tên nhiệm vụ", "Yêu cầu kết quả đạt được", "Thời gian thực hiện",
                          "Đơn vị chủ trì thực hiện", "Đơn vị theo dõi, đánh giá", "Đơn vị phối hợp"}
    assert names[:2] == ["TT", "Tên nhiệm vụ"]
    # each line's own order is kept
    assert names.index("Thời gian thực hiện") < names.index("Đơn vị chủ trì thực hiện") \
        < names.index("Đơn vị theo dõi, đánh giá")


def test_a_name_on_lines_of_its_own_may_stand_in_any_gap_the_lines_leave():
    # "Đơn vị / tính" and "Thời gian / hoàn thành" print above and below an STT line they are absent
    # from: only their own order is known, the number and the name open the table
    from kehoach.parsers.text_centred import centred_name_orders

    lines = ["Đơn vị Thời gian", "STT Chỉ tiêu Kết quả Đơn vị chủ trì Đơn vị phối hợp", "tính hoàn thành"]
    orders = centred_name_orders(lines, 1, 1)
    assert orders[0] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì", "Đơn vị phối hợp",
                         "Thời gian hoàn thành"]  # the likeliest: by the order plans give their columns
    assert ["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Thời gian hoàn thành", "Đơn vị chủ trì",
            "Đơn vị phối hợp"] in orders
    assert all(o[:2] == ["STT", "Chỉ tiêu"] and o.index("Đơn vị tính") < o.index("Thời gian hoàn thành")
               and o.index("Kết quả") < o.index("Đơn vị chủ trì") < o.index("Đơn vị phối hợp") for o in orders)
    assert len(orders) == len({tuple(o) for o in orders}) == 10


def test_a_rows_upper_half_under_a_one_line_header_is_no_part_of_it():
    # cells centred on their row: its first line stands between the header and the row's number
    lines = ["STT Tên chỉ tiêu Kết quả Đơn vị chủ trì Cơ quan phối hợp Thời hạn",
             "Tỷ lệ người dân từ 15 tuổi trở lên có tài khoản", "Các chi nhánh ngân Phòng Kinh tế; các Tổ",
             "1 thanh toán tại ngân hàng hoặc tổ chức được ≥ 85 Hằng năm"]
    h = read_header(lines, 0)
    assert (h.end, h.texts[-1]) == (1, "Thời hạn")

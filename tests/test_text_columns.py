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

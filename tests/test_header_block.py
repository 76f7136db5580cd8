"""Header blocks laid out as Decree 30/2020 prints them, with line geometry as a PDF front-end gives it."""

from __future__ import annotations

import pytest

from kehoach.parsers.grid import PageText, TextLine
from kehoach.parsers.header import parse_header
from kehoach.parsers.signature import signer


def L(text: str, x0: float, top: float, bold: bool = False, size: float = 13.0) -> TextLine:  # noqa: N802
    """A line at (x0, top) as wide as its text set at `size` points."""
    return TextLine(text, x0, top, x0 + 0.5 * size * len(text), top + size, bold)


MOTTO = [L("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 290, 58, True), L("Độc lập - Tự do - Hạnh phúc", 330, 73, True)]


def header(*lines: TextLine, width: float = 595.0):
    return parse_header([PageText(page=1, lines=list(lines), width=width, height=842.0)])


def test_name_over_two_lines_a_decision_and_its_title():
    h = header(L("ỦY BAN NHÂN DÂN", 97, 58, True), *MOTTO, L("TỈNH LÀO CAI", 112, 73, True),
               L("Số: 1696 /QĐ-UBND", 101, 102), L("Lào Cai, ngày 15 tháng 5 năm 2026", 293, 102),
               L("QUYẾT", 266, 137, True), L("ĐỊNH", 302, 137, True),  # one line cut at the column split
               L("Về việc ủy quyền cho Giám đốc Sở Công Thương", 165, 160, True),
               L("thực hiện một số nhiệm vụ trên địa bàn tỉnh Lào Cai", 134, 178, True),
               L("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", 194, 220, True),
               L("Căn cứ Luật Tổ chức chính quyền địa phương;", 113, 250))
    assert (h.issuing_body, h.parent_body) == ("Ủy ban nhân dân tỉnh Lào Cai", None)
    assert (h.admin_unit_type, h.admin_unit_name, h.province, h.admin_unit_code) == ("tỉnh", "Lào Cai", "Lào Cai",
                                                                                      "15")
    assert (h.doc_type, h.doc_number, h.doc_symbol, h.issue_date) == ("quyết định", "1696/QĐ-UBND", "QĐ-UBND",
                                                                       "2026-05-15")
    assert h.title == ("Về việc ủy quyền cho Giám đốc Sở Công Thương thực hiện một số nhiệm vụ "
                       "trên địa bàn tỉnh Lào Cai")


def test_parent_body_above_the_issuing_body():
    h = header(L("SỞ CÔNG THƯƠNG", 109, 58), *MOTTO, L("ĐOÀN KIỂM TRA", 113, 74, True),
               L("THEO QUYẾT ĐỊNH", 100, 90, True), L("SỐ 1050/QĐ-SCT", 113, 106, True),
               L("Số: 1105/KH-ĐKT", 114, 138), L("Lào Cai, ngày 10 tháng 3 năm 2026", 302, 105),
               L("KẾ HOẠCH", 273, 175, True), L("Kiểm tra việc chấp hành quy định pháp luật", 87, 191, True),
               L("Thực hiện Quyết định số 1050/QĐ-SCT ngày 06/3/2026;", 120, 246))
    assert h.parent_body == "Sở Công Thương"
    assert h.issuing_body == "Đoàn kiểm tra theo Quyết định số 1050/QĐ-SCT"
    # the unit: neither body names a territory, the place-date line does
    assert (h.admin_unit_type, h.admin_unit_name, h.province) == ("tỉnh", "Lào Cai", "Lào Cai")
    assert (h.doc_type, h.doc_number, h.title) == ("kế hoạch", "1105/KH-ĐKT",
                                                   "Kiểm tra việc chấp hành quy định pháp luật")
    assert h.references == ["1050/QĐ-SCT"]


def test_party_header():
    h = header(L("ĐẢNG BỘ TỈNH LÀO CAI", 95, 58), L("ĐẢNG CỘNG SẢN VIỆT NAM", 330, 58, True),
               L("ĐẢNG ỦY XÃ BẢN HỒ", 100, 74, True), L("*", 150, 90),
               L("Số 12-NQ/ĐU", 120, 106), L("Bản Hồ, ngày 02 tháng 7 năm 2026", 320, 106),
               L("NGHỊ QUYẾT", 270, 140, True), L("Về phát triển du lịch cộng đồng", 190, 158, True),
               L("- - - - -", 270, 176), L("Căn cứ Điều lệ Đảng;", 113, 200))
    assert (h.parent_body, h.issuing_body) == ("Đảng bộ tỉnh Lào Cai", "Đảng ủy xã Bản Hồ")
    assert (h.admin_unit_type, h.admin_unit_name, h.province) == ("xã", "Bản Hồ", "Lào Cai")
    assert (h.doc_type, h.doc_number, h.doc_symbol, h.issue_date) == ("nghị quyết", "12-NQ/ĐU", "NQ/ĐU", "2026-07-02")
    assert h.title == "Về phát triển du lịch cộng đồng"


def test_letter_with_a_vv_summary_is_a_cong_van():
    h = header(L("UỶ BAN NHÂN DÂN", 101, 58, True), *MOTTO, L("TỈNH LÀO CAI", 115, 73, True),
               L("Số: 193 /UBND-KT", 114, 96), L("Lào Cai, ngày 10 tháng 01 năm 2026", 313, 96),
               L("V/v tăng cường công tác quản", 90, 117), L("lý, giám sát hoạt động VLNCN", 86, 131),
               L("Kính gửi: Các sở, ngành", 160, 181),
               L("Công tác quản lý nhà nước về vật liệu nổ công nghiệp thời gian qua", 121, 312))
    assert (h.doc_type, h.doc_number, h.doc_symbol) == ("công văn", "193/UBND-KT", "UBND-KT")
    assert h.title == "V/v tăng cường công tác quản lý, giám sát hoạt động VLNCN"
    assert h.issuing_body == "Uỷ ban nhân dân tỉnh Lào Cai"  # the mark's placement kept as printed


def test_title_on_the_type_line_in_capitals_and_the_first_issue_note_left_out():
    h = header(L("UỶ BAN NHÂN DÂN", 92, 58, True), *MOTTO, L("TỈNH LÀO CAI", 109, 74, True),
               L("Lào Cai, ngày 23 tháng 6 năm 2026", 290, 104), L("Số: 2170 /QĐ - UBND", 95, 106),
               L("QUYẾT ĐỊNH CHẤP THUẬN CHỦ TRƯƠNG ĐẦU TƯ", 139, 157, True),
               L("ĐỒNG THỜI CHẤP THUẬN NHÀ ĐẦU TƯ", 176, 173, True),
               L("(Cấp lần đầu: Ngày 23 tháng 6 năm 2026)", 187, 192),
               L("UỶ BAN NHÂN DÂN TỈNH LÀO CAI", 194, 230, True))
    assert (h.doc_type, h.doc_number) == ("quyết định", "2170/QĐ-UBND")
    assert h.title == "Chấp thuận chủ trương đầu tư đồng thời chấp thuận nhà đầu tư"


def test_province_named_only_in_the_place_date_line():
    h = header(L("BAN QUẢN LÝ DỰ ÁN", 95, 58, True), *MOTTO, L("Số: 45/TB-BQLDA", 110, 90),
               L("Quảng Ngãi, ngày 06 tháng 11 năm 2024", 300, 90), L("THÔNG BÁO", 270, 130, True),
               L("Lịch tiếp công dân tháng 12", 220, 148, True), L("Căn cứ Luật Tiếp công dân;", 113, 180))
    assert (h.admin_unit_type, h.admin_unit_name, h.province, h.province_code) == ("tỉnh", "Quảng Ngãi",
                                                                                   "Quảng Ngãi", "51")
    assert (h.doc_type, h.issue_date, h.title) == ("thông báo", "2024-11-06", "Lịch tiếp công dân tháng 12")


def test_type_from_the_symbol_when_no_type_line_is_read():
    h = header(L("UBND XÃ BẢN HỒ", 100, 58, True), *MOTTO, L("Số: 7/TTr-UBND", 110, 90),
               L("Căn cứ Luật Tổ chức chính quyền địa phương;", 113, 150))
    assert h.doc_type == "tờ trình" and h.title is None
    assert any("title not read" in w for w in h.warnings)


# --- signature blocks ----------------------------------------------------------------------------

def _sig(*titles: str, name: str = "Nguyễn Văn An", below: tuple[str, ...] = ()) -> list[TextLine]:
    lines = [L("Nơi nhận:", 85, 600, True)]
    top = 600.0
    for t in titles:
        lines.append(L(t, 360, top, True))
        top += 14
        lines.append(L("- Như trên;", 85, top))
    lines.append(L(name, 380, top + 70, True))
    lines += [L(b, 370, top + 86 + 14 * k, True) for k, b in enumerate(below)]
    return lines


@pytest.mark.parametrize("titles, expected", [
    (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"),
    (["T/M. ĐOÀN KIỂM TRA", "TRƯỞNG ĐOÀN"], "T/M. ĐOÀN KIỂM TRA TRƯỞNG ĐOÀN"),
    (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"),
    (["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"],
     "TL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG"),
    (["TUQ. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"], "TUQ. CHỦ TỊCH CHÁNH VĂN PHÒNG"),
    (["Q. GIÁM ĐỐC"], "Q. GIÁM ĐỐC"),
    (["CHỦ TỊCH"], "CHỦ TỊCH"),
    (["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ"),
])
def test_signature_block_forms(titles, expected):
    assert signer(_sig(*titles)) == (expected, "Nguyễn Văn An")


def test_office_printed_under_the_name_is_not_the_title():
    lines = _sig("T/M. ĐOÀN KIỂM TRA", "TRƯỞNG ĐOÀN", name="Hoàng Văn Thuân",
                 below=("PHÓ GIÁM ĐỐC", "SỞ CÔNG THƯƠNG LÀO CAI"))
    assert signer(lines) == ("T/M. ĐOÀN KIỂM TRA TRƯỞNG ĐOÀN", "Hoàng Văn Thuân")


def test_recipients_list_is_not_a_signature():
    assert signer([L("Nơi nhận:", 85, 600, True), L("- UBND tỉnh;", 85, 614), L("- Lưu: VT.", 85, 628)]) == \
        (None, None)


def test_a_central_body_has_no_local_unit():
    h = header(L("BỘ XÂY DỰNG", 110, 58, True), *MOTTO, L("Số: 1074/QĐ-BXD", 105, 90),
               L("Hà Nội, ngày 29 tháng 6 năm 2026", 300, 90), L("QUYẾT ĐỊNH", 270, 130, True),
               L("Ban hành các giải pháp kỹ thuật", 220, 148, True), L("Căn cứ Luật Xây dựng;", 113, 180))
    assert (h.issuing_body, h.admin_unit_type, h.province) == ("Bộ Xây dựng", None, None)
    assert any("central body" in w for w in h.warnings)


def T(text: str, index: int, column: int = 0) -> TextLine:  # noqa: N802
    """A line of flattened text as the text front-end places it: its line index, its character column."""
    return TextLine(text, float(column), float(index), float(column + len(text)), index + 0.9)


def test_flattened_header_columns_one_after_the_other():
    """A text extraction writes the left column, then the right one, all at the margin, one unit per line:
    no column split from the motto, no two lines taken as one row, and "Số:" joined to the symbol
    written after the blank left for the number."""
    h = header(T("ỦY BAN NHÂN DÂN", 1), T("XÃ THANH SƠN", 2), T("Số:", 4), T("/KH-UBND", 4, 16),
               T("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 6), T("Độc lập - Tự do - Hạnh phúc", 7),
               T("KẾ HOẠCH", 9), T("Triển khai chuyển đổi số trên địa bàn xã Thanh Sơn", 10),
               T("Căn cứ Luật Tổ chức chính quyền địa phương;", 12),
               T("trên địa bàn xã Thanh Sơn, tỉnh Đồng Nai.", 13), width=0.0)
    assert h.issuing_body == "Ủy ban nhân dân xã Thanh Sơn"
    assert (h.doc_type, h.doc_symbol, h.doc_number) == ("kế hoạch", "KH-UBND", None)
    assert (h.admin_unit_type, h.admin_unit_name, h.province) == ("xã", "Thanh Sơn", "Đồng Nai")

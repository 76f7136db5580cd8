"""Header metadata from hand-built page text: number, date, unit, province, issuer, title, signer, citations."""

from __future__ import annotations

import pytest
from helpers import page

from kehoach.parsers.grid import PageText, TextLine
from kehoach.parsers.header import parse_header, references

TOP = ["UBND XÃ THANH SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def header_with(*lines, table_text=""):
    return parse_header([page(*lines)], table_text)


def doc(head=(), title=(("KẾ HOẠCH", True), ("Triển khai chuyển đổi số năm 2026", True)), body=()):
    return header_with(*TOP, *head, *title, *body)


# --- number and symbol ---------------------------------------------------------------------------

@pytest.mark.parametrize("line, number, symbol", [
    ("Số: 97/KH-BCĐ", "97/KH-BCĐ", "KH-BCĐ"),
    ("Số: /KH-UBND", None, "KH-UBND"),
    ("Số:      /KH-UBND", None, "KH-UBND"),
    ("Số 15/KH-UBND", "15/KH-UBND", "KH-UBND"),
    ("Số: 120 / KH - UBND", "120/KH-UBND", "KH-UBND"),
])
def test_number_and_symbol(line, number, symbol):
    h = doc(head=[line])
    assert (h.doc_number, h.doc_symbol) == (number, symbol)


def test_no_number_line():
    h = doc()
    assert (h.doc_number, h.doc_symbol) == (None, None)


# --- issue date ----------------------------------------------------------------------------------

@pytest.mark.parametrize("line, date", [
    ("Thanh Sơn, ngày 16 tháng 10 năm 2025", "2025-10-16"),
    ("Thanh Sơn, ngày 5 tháng 3 năm 2026", "2026-03-05"),
    ("Thanh Sơn, ngày   tháng 01 năm 2026", "2026-01"),
    ("Thanh Sơn, ngày    tháng    năm 2026", "2026"),
    ("Thanh Sơn, Ngày 01 Tháng 12 Năm 2025", "2025-12-01"),
])
def test_issue_date_at_printed_precision(line, date):
    assert doc(head=["Số: /KH-UBND", line]).issue_date == date


def test_dates_in_the_body_are_not_the_issue_date():
    h = doc(body=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"])
    assert h.issue_date is None


# --- admin unit, province, issuing body ----------------------------------------------------------

@pytest.mark.parametrize("lines, body, unit", [
    (["UBND XÃ THANH SƠN"], "Ủy ban nhân dân xã Thanh Sơn ban hành Kế hoạch", ("xã", "Thanh Sơn")),
    (["UBND PHƯỜNG LONG HƯNG", "BAN CHỈ ĐẠO"], "Ban Chỉ đạo phường Long Hưng ban hành Kế hoạch",
     ("phường", "Long Hưng")),
    (["ỦY BAN NHÂN DÂN", "XÃ ĐẮK MIL"], "UBND xã Đắk Mil ban hành Kế hoạch", ("xã", "Đắk Mil")),
    (["ĐẶC KHU PHÚ QUỐC"], "Đặc khu Phú Quốc ban hành Kế hoạch", ("đặc khu", "Phú Quốc")),
    (["UBND XÃ AN BÌNH"], "", ("xã", "An Bình")),  # casing recovered without the body
    (["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], "", (None, None)),
])
def test_admin_unit(lines, body, unit):
    h = header_with(*lines, ("KẾ HOẠCH", True), ("Tiêu đề", True), body)
    assert (h.admin_unit_type, h.admin_unit_name) == unit


@pytest.mark.parametrize("lines, province", [
    # the body names many places: the province comes from the header block and the place-date line only
    (["UBND XÃ THANH SƠN", "Số: /KH-UBND", "Thanh Sơn, ngày 5 tháng 3 năm 2026", "Căn cứ ... tỉnh Lâm Đồng;",
      "Căn cứ ... tỉnh Lâm Đồng;"], None),  # three provinces have a xã Thanh Sơn, the body does not choose
    (["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 12/QĐ-UBND", "Quảng Ngãi, ngày 06 tháng 11 năm 2024",
      "Căn cứ ... của UBND tỉnh Gia Lai tại Pleiku;"], "Quảng Ngãi"),
    (["UBND PHƯỜNG TAM PHƯỚC", "Số: 1/KH-UBND", "Tam Phước, ngày 1 tháng 1 năm 2026"], "Đồng Nai"),  # one in the list
    (["SỞ CÔNG THƯƠNG", "Số: 5/TB-SCT", "Lào Cai, ngày 2 tháng 3 năm 2026"], "Lào Cai"),  # only in the place line
    (["BAN CHỈ ĐẠO", "Số: 5/KH-BCĐ", "ngày 2 tháng 3 năm 2026"], None),
])
def test_province_from_the_header_only(lines, province):
    h = header_with(*lines[:3], ("KẾ HOẠCH", True), ("Tiêu đề", True), *lines[3:])
    assert h.province == province


def test_province_stated_beside_the_unit_decides_between_namesakes():
    h = header_with("UBND XÃ THANH SƠN", "Số: /KH-UBND", ("KẾ HOẠCH", True), ("Tiêu đề", True),
                    "Căn cứ Kế hoạch của UBND tỉnh Lâm Đồng;", "trên địa bàn xã Thanh Sơn, tỉnh Đồng Nai như sau:")
    assert (h.province, h.province_code, h.admin_unit_code) == ("Đồng Nai", "75", "26209")


def test_pre_2025_province_is_mapped_to_the_current_one():
    h = header_with("ỦY BAN NHÂN DÂN", "TỈNH KON TUM", "Số: 7/QĐ-UBND", "Kon Tum, ngày 3 tháng 4 năm 2024",
                    ("QUYẾT ĐỊNH", True), ("Về việc giao chỉ tiêu", True))
    assert (h.admin_unit_type, h.admin_unit_name, h.province) == ("tỉnh", "Kon Tum", "Kon Tum")
    assert (h.province_code, h.province_current) == ("62", "Quảng Ngãi")
    assert any("before the 2025 mergers" in w for w in h.warnings)


def test_unit_not_in_the_official_list_is_kept_and_flagged():
    h = header_with("UBND XÃ KHÔNG CÓ THẬT", "Số: 1/KH-UBND", ("KẾ HOẠCH", True), ("Tiêu đề", True))
    assert (h.admin_unit_type, h.admin_unit_name, h.admin_unit_code) == ("xã", "Không Có Thật", None)
    assert any("not in the official list" in w for w in h.warnings)


@pytest.mark.parametrize("body, issuer", [
    (["Căn cứ Nghị quyết số 57-NQ/TW;", "Ủy ban nhân dân xã Thanh Sơn ban hành Kế hoạch thực hiện như sau:"],
     "Ủy ban nhân dân xã Thanh Sơn"),
    (["Căn cứ Nghị quyết số 22/NQ-HĐND của HĐND phường.", "Ban Chỉ đạo phường Long Hưng ban hành Kế hoạch",
      "triển khai như sau:"], "Ban Chỉ đạo phường Long Hưng"),
    (["Căn cứ tình hình thực tế; UBND xã xây dựng Kế hoạch như sau:"], "UBND xã"),
    (["Căn cứ Luật Tổ chức chính quyền địa phương;", "Ủy ban nhân dân", "xã Thanh Sơn ban hành Kế hoạch"],
     "Ủy ban nhân dân xã Thanh Sơn"),  # the phrase wraps over a line
    (["Căn cứ tình hình thực tế, UBND xã Thanh Sơn ban hành Kế hoạch như sau:"], "UBND xã Thanh Sơn"),
    (["Để triển khai có hiệu quả, UBND phường xây dựng Kế hoạch như sau:"], "UBND phường"),
    (["UBND xã Thống Nhất triển khai Nghị quyết 57-NQ/TW trên địa bàn xã năm 2026 cụ thể như sau:"],
     "UBND xã Thống Nhất"),
    (["Căn cứ tình hình thực tế, các phòng sẽ thực hiện."], None),
])
def test_issuing_body_from_the_enacting_sentence_when_no_header_block_is_read(body, issuer):
    h = header_with(("KẾ HOẠCH", True), ("Tiêu đề", True), *body)
    assert h.issuing_body == issuer


def test_issuing_body_is_the_header_blocks_even_when_the_body_names_it_otherwise():
    h = doc(body=["Căn cứ tình hình thực tế, Ủy ban nhân xã Thanh Sơn ban hành Kế hoạch như sau:"])
    assert h.issuing_body == "UBND xã Thanh Sơn"


# --- title ---------------------------------------------------------------------------------------

def test_title_is_the_bold_run_after_ke_hoach():
    h = doc(title=[("KẾ HOẠCH", True), ("Thực hiện Kế hoạch số 74/KH-UBND của UBND tỉnh", True),
                   ("về chuyển đổi số trên địa bàn xã năm 2026", True)],
            body=["Thực hiện chỉ đạo của UBND tỉnh;"])
    assert h.title == "Thực hiện Kế hoạch số 74/KH-UBND của UBND tỉnh về chuyển đổi số trên địa bàn xã năm 2026"


def test_title_without_bold_runs_up_to_can_cu():
    h = doc(title=[("KẾ HOẠCH", False), ("Triển khai Nghị quyết số 57-NQ/TW", False),
                   ("trên địa bàn xã Thanh Sơn", False)],
            body=["Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024;"])
    assert h.title == "Triển khai Nghị quyết số 57-NQ/TW trên địa bàn xã Thanh Sơn"


def test_title_opening_with_thuc_hien_is_kept_without_bold():
    h = doc(title=[("KẾ HOẠCH", False), ("Thực hiện Nghị quyết số 57-NQ/TW năm 2026", False)],
            body=["Căn cứ Luật Tổ chức chính quyền địa phương;"])
    assert h.title == "Thực hiện Nghị quyết số 57-NQ/TW năm 2026"


def test_notice_title_follows_its_type_word():
    """A notice is no plan, but its header (title included) is still exported."""
    assert header_with(*TOP, "THÔNG BÁO", "Về việc nghỉ lễ").title == "Về việc nghỉ lễ"


def test_no_document_type_line_means_no_title():
    assert header_with(*TOP, "Về việc nghỉ lễ", "Căn cứ Luật Lao động;").title is None


# --- signer --------------------------------------------------------------------------------------

def test_signer_over_two_lines_beside_the_recipients_list():
    # the "Nơi nhận" list on the left is interleaved with the signature block on the right
    lines = [TextLine("Nơi nhận:", 85, 700, 137, 712), TextLine("KT. CHỦ TỊCH", 373, 700, 471, 712),
             TextLine("- UBND tỉnh (b/c);", 85, 714, 221, 726), TextLine("PHÓ CHỦ TỊCH", 369, 714, 475, 726),
             TextLine("- Như trên;", 85, 728, 136, 740), TextLine("- Lưu: VT.", 85, 742, 130, 754),
             TextLine("Huỳnh Thị Ngọc Lan", 349, 790, 495, 802)]
    h = doc(body=lines)
    assert (h.signer_title, h.signer_name) == ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Huỳnh Thị Ngọc Lan")


@pytest.mark.parametrize("block, title, name", [
    (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(đã ký)", "Võ Văn Trung"], "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH",
     "Võ Văn Trung"),
    (["TRƯỞNG BAN", "Nguyễn Văn An"], "TRƯỞNG BAN", "Nguyễn Văn An"),
    (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", None),  # unsigned
    (["Nơi nhận:", "- Như trên;"], None, None),
])
def test_signer(block, title, name):
    h = doc(body=block)
    assert (h.signer_title, h.signer_name) == (title, name)


# --- references ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, refs", [
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024", ["57-NQ/TW"]),
    ("Nghị quyết số 71/NQ-CP ngày 01/4/2025", ["71/NQ-CP"]),
    ("Kế hoạch số 02-KH/BCĐTW của Ban Chỉ đạo Trung ương", ["02-KH/BCĐTW"]),
    ("Chương trình số 63-CTr/TU của Tỉnh ủy", ["63-CTr/TU"]),
    ("Nghị quyết số 57 - NQ/TW", ["57-NQ/TW"]),
    ("Nghị quyết số 71/NQ-\nCP của Chính phủ", ["71/NQ-CP"]),  # split over a line
    ("Quyết định số 1234/QĐ-UBND; Nghị quyết số 22/NQ-HĐND", ["1234/QĐ-UBND", "22/NQ-HĐND"]),
    ("57-NQ/TW, 71/NQ-CP và lại 57-NQ/TW", ["57-NQ/TW", "71/NQ-CP"]),  # once each, in order
    ("ngày 15/9/2025, ngày 22/12/2024 và năm 2025-2030", []),  # dates and spans are not citations
    # legal acts carry their year
    ("Nghị định số 42/2022/NĐ-CP ngày 24/6/2022", ["42/2022/NĐ-CP"]),
    ("Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15", ["93/2025/QH15"]),
    ("Thông tư số 01/2023/TT-BTTTT;", ["01/2023/TT-BTTTT"]),
    ("số 12/2025 của UBND", []),
])
def test_references(text, refs):
    assert references(text) == refs


def test_references_leave_out_the_documents_own_number():
    assert references("Kế hoạch số 97/KH-BCĐ triển khai 57-NQ/TW", own_number="97/KH-BCĐ") == ["57-NQ/TW"]


def test_parse_header_references_across_pages_and_tables():
    pages = [page(*TOP, "Số: 97/KH-BCĐ", ("KẾ HOẠCH", True), ("Triển khai Nghị quyết số 57-NQ/TW", True),
                  "Căn cứ Nghị quyết số 71/NQ-", "CP ngày 01/4/2025 của Chính phủ;",
                  "Kế hoạch số 97/KH-BCĐ được gửi ngày 15/9/2025."),
             page("Căn cứ Chương trình 63-CTr/TU;", number=2)]
    h = parse_header(pages, table_text="Theo Kế hoạch 02-KH/BCĐTW\nvà Nghị quyết 57-NQ/TW")
    assert h.references == ["57-NQ/TW", "71/NQ-CP", "63-CTr/TU", "02-KH/BCĐTW"]
    assert h.references_in_tables == ["02-KH/BCĐTW"]


def test_parse_header_of_empty_pages():
    h = parse_header([page()])
    assert h.title is None and h.references == [] and h.issue_date is None and h.signer_name is None


def test_signature_after_a_long_body_before_the_appendices():
    pages = [page(*TOP, "Số: 09/KH-UBND", ("KẾ HOẠCH", True), ("Chuyển đổi số năm 2026", True), number=1)]
    pages += [page(f"Nội dung kế hoạch trang {n}.", number=n) for n in range(2, 5)]
    pages.append(page("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Dũng", number=5))
    pages.append(page("Phụ lục I", "DANH MỤC CÁC CHỈ TIÊU", number=6))
    h = parse_header(pages, appendix_page=6)
    assert (h.signer_title, h.signer_name) == ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", "Nguyễn Văn Dũng")


def test_a_signers_name_on_the_page_after_the_title():
    # a page break (or a text file cut into pages of so many lines) between the title and the name
    pages = [page(*TOP, "Số: 09/KH-UBND", ("KẾ HOẠCH", True), ("Chuyển đổi số năm 2026", True), number=1)]
    pages.append(page("Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", number=2))
    pages.append(page("Nguyễn Văn Dũng", "Phụ lục I", "DANH MỤC CÁC CHỈ TIÊU", number=3))
    h = parse_header(pages, appendix_page=3)
    assert (h.signer_title, h.signer_name) == ("CHỦ TỊCH", "Nguyễn Văn Dũng")


def test_signature_after_tables_printed_in_the_body_is_found_without_appendices():
    pages = [page(*TOP, "Số: 09/KH-UBND", ("KẾ HOẠCH", True), ("Chuyển đổi số năm 2026", True), number=1)]
    pages += [page("II. CHỈ TIÊU (bảng dưới đây)", number=2), page("III. NHIỆM VỤ (bảng dưới đây)", number=3)]
    pages.append(page("Nơi nhận:", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Hoa", number=4))
    h = parse_header(pages)
    assert (h.signer_title, h.signer_name) == ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Lê Thị Hoa")


def test_a_decision_has_its_title_read_too():
    h = header_with(*TOP, "Số: 45/QĐ-UBND", ("QUYẾT ĐỊNH", True), ("Về việc kiện toàn Tổ công nghệ số cộng đồng", True),
                    "Căn cứ Luật Tổ chức chính quyền địa phương;")
    assert (h.doc_number, h.title) == ("45/QĐ-UBND", "Về việc kiện toàn Tổ công nghệ số cộng đồng")


# --- Party committee documents and the header block as the last source of the issuer -------------

PARTY_TOP = ["ĐẢNG BỘ TỈNH ĐỒNG NAI", "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY XÃ PHÚ LẬP", "*"]


@pytest.mark.parametrize("line, number, symbol", [
    ("Số 12-KH/ĐU", "12-KH/ĐU", "KH/ĐU"),
    ("Số      -KH/ĐU", None, "KH/ĐU"),
    ("Số: 08-CTr/ĐU", "08-CTr/ĐU", "CTr/ĐU"),
])
def test_party_number_and_symbol(line, number, symbol):
    h = header_with(*PARTY_TOP, line, ("KẾ HOẠCH", True), ("Thực hiện Nghị quyết 57-NQ/TW", True))
    assert (h.doc_number, h.doc_symbol) == (number, symbol)
    assert (h.admin_unit_type, h.admin_unit_name) == ("xã", "Phú Lập")


@pytest.mark.parametrize("sig, title", [
    (["T/M ĐẢNG ỦY", "BÍ THƯ"], "T/M ĐẢNG ỦY BÍ THƯ"),
    (["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ"),
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH"),
])
def test_signature_titles_of_party_and_state_bodies(sig, title):
    h = doc(body=["Căn cứ Nghị quyết số 57-NQ/TW;", *sig, "Nguyễn Văn An"])
    assert (h.signer_title, h.signer_name) == (title, "Nguyễn Văn An")


@pytest.mark.parametrize("block, issuer", [
    (["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "Số: 12/KH-UBND"], "Ủy ban nhân dân xã An Bình"),
    (["UBND PHƯỜNG LONG HƯNG", "BAN CHỈ ĐẠO", "Số: /KH-BCĐ"], "Ban Chỉ đạo phường Long Hưng"),
    (["ĐẢNG BỘ TỈNH ĐỒNG NAI", "ĐẢNG ỦY XÃ PHÚ LẬP", "*", "Số 12-KH/ĐU"], "Đảng ủy xã Phú Lập"),
    (["UBND XÃ AN BÌNH", "Số: 5/KH-UBND"], "UBND xã An Bình"),
])
def test_issuer_from_the_header_block_when_the_body_never_names_it(block, issuer):
    h = header_with(*block, ("KẾ HOẠCH", True), ("Tiêu đề", True), "Căn cứ Luật Tổ chức chính quyền địa phương;")
    assert h.issuing_body == issuer


def test_unit_name_wrapped_in_the_header_block_is_joined_when_the_body_confirms_it():
    h = header_with("ĐẢNG ỦY PHƯỜNG HÒA", "KHÁNH", "Số 3-KH/ĐU", ("KẾ HOẠCH", True), ("Tiêu đề", True),
                    "trên địa bàn phường Hòa Khánh, tỉnh Đồng Nai")
    assert h.admin_unit_name == "Hòa Khánh"


def test_own_number_printed_with_another_separator_is_not_a_citation():
    h = header_with(*PARTY_TOP, "Số 125-KH/ĐU", ("KẾ HOẠCH", True), ("Tiêu đề", True),
                    "Căn cứ Nghị quyết số 57-NQ/TW;", "(Kèm theo Kế hoạch số 125/KH/ĐU của Đảng ủy xã)")
    assert h.references == ["57-NQ/TW"]


def test_issue_date_wrapped_onto_the_next_line_of_its_column():
    lines = [TextLine("ỦY BAN NHÂN DÂN", 130, 74, 250, 84), TextLine("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", 310, 74, 510, 84),
             TextLine("PHƯỜNG TAM PHƯỚC", 120, 100, 264, 110), TextLine("Số: 97/KH-BCĐ", 150, 145, 236, 155),
             TextLine("Tam Phước, ngày 16 tháng 10 năm", 318, 145, 500, 155), TextLine("2025", 396, 162, 422, 172),
             TextLine("KẾ HOẠCH", 271, 190, 342, 200, bold=True),
             TextLine("Chuyển đổi số", 250, 210, 360, 220, bold=True)]
    assert parse_header([PageText(page=1, lines=lines)]).issue_date == "2025-10-16"


# --- units before the 2025 reform ----------------------------------------------------------------

def test_pre_2025_commune_gets_its_old_code_and_province():
    h = header_with("UBND HUYỆN BẮC HÀ", "ỦY BAN NHÂN DÂN", "XÃ LÙNG CẢI", "Số: 4/KH-UBND",
                    "Lùng Cải, ngày 2 tháng 5 năm 2024", ("KẾ HOẠCH", True), ("Tiêu đề", True))
    assert (h.admin_unit_type, h.admin_unit_name, h.admin_unit_code, h.province) == ("xã", "Lùng Cải", "02842",
                                                                                      "Lào Cai")
    assert any("before the 2025 reform" in w for w in h.warnings)


def test_district_body_has_no_unit_of_the_schema_but_its_province():
    h = header_with("ỦY BAN NHÂN DÂN", "HUYỆN SƠN TỊNH", "Số: 9/BC-UBND", "Sơn Tịnh, ngày 2 tháng 5 năm 2024",
                    ("BÁO CÁO", True), ("Kết quả thực hiện", True))
    assert (h.admin_unit_type, h.province, h.province_code, h.doc_type) == (None, "Quảng Ngãi", "51", "báo cáo")
    assert h.issuing_body == "Ủy ban nhân dân huyện Sơn Tịnh"
    assert any("abolished in 2025" in w for w in h.warnings)


def test_text_without_diacritics_is_still_read():
    """An English-OCR layer drops every mark: type words, dates and names are matched without them."""
    h = header_with("UY BAN NHAN DAN", "XA THANH SON", "S06: 12/KH-UBND", "Thanh Son, ngay 5 thang 3 nam 2026",
                    "KE HOACH", "Trien khai chuyen doi so", "Can cu Luat Dat dai;",
                    "tren dia ban xa Thanh Son, tinh Dong Nai")
    assert (h.doc_type, h.doc_number, h.issue_date) == ("kế hoạch", "12/KH-UBND", "2026-03-05")
    assert (h.admin_unit_type, h.admin_unit_name) == ("xã", "Thanh Sơn")  # spelt as the official list does

"""The plain-text front-end end to end on small flattened tables written the way PDF-to-text tools write them."""

from __future__ import annotations

from kehoach.parsers.text_cells import split_row
from kehoach.parsers.text_source import parse_text
from kehoach.pipeline import process_file

ROLES = ["name", "unit_of_measure", "result", "lead", "coordinating"]


def _cells(lines, roles=ROLES, numeric=True):
    got = split_row(lines, roles, numeric)
    return {roles[c]: " ".join(t.split()) for c, t in got.items()}


def test_interleaved_wrapped_cells():
    # one printed line holds the end of the name, the unit, the target and the start of the lead body
    lines = ["Tỉ lệ sử dụng dịch vụ công trực tuyến của ", "người dân và doanh nghiệp % ≥ 80 Trung tâm Phục vụ ", "",
             "hành chính công", "", "Các cơ quan chuyên ", "môn thuộc UBND ", "", "xã"]
    assert _cells(lines) == {
        "name": "Tỉ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp", "unit_of_measure": "%",
        "result": "≥ 80", "lead": "Trung tâm Phục vụ hành chính công",
        "coordinating": "Các cơ quan chuyên môn thuộc UBND xã"}


def test_empty_cell_is_skipped():
    # no unit printed: the target follows the name directly
    lines = ["Tỷ lệ người dân có hồ sơ sức khỏe điện tử ≥ 95 Trạm Y tế xã Phòng Văn hóa - Xã ", "hội"]
    got = _cells(lines)
    assert "unit_of_measure" not in got
    assert got["result"] == "≥ 95" and got["lead"] == "Trạm Y tế xã"
    assert got["coordinating"] == "Phòng Văn hóa - Xã hội"


def test_cells_printed_one_after_another():
    lines = ["Tham mưu UBND xã ban hành quyết ", "", "định Quy chế bảo đảm an toàn thông ", "",
             "Văn phòng HĐND và ", "", "UBND xã ", "", "Các phòng, ban, đơn ", "", "vị trên địa bàn xã ", "",
             "Quy chế được ban hành ", "", "Quý IV/2025 "]
    got = _cells(lines, ["name", "lead", "coordinating", "result", "deadline"], numeric=False)
    assert got == {"name": "Tham mưu UBND xã ban hành quyết định Quy chế bảo đảm an toàn thông",
                   "lead": "Văn phòng HĐND và UBND xã", "coordinating": "Các phòng, ban, đơn vị trên địa bàn xã",
                   "result": "Quy chế được ban hành", "deadline": "Quý IV/2025"}


PLAN = """ỦY BAN NHÂN DÂN
XÃ AN BÌNH
Số: 12/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
An Bình, ngày 05 tháng 3 năm 2026
KẾ HOẠCH
Chuyển đổi số năm 2026
Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;
I. MỤC TIÊU
2. Mục tiêu cụ thể
- Có ≥ 90% hồ sơ thủ tục hành chính được xử lý trực tuyến.
- Đầu tư hạ tầng số tại xã.
II. NHIỆM VỤ
CHỦ TỊCH
Nguyễn Văn An
Phụ lục
DANH MỤC CÁC CHỈ TIÊU
ST
T Chỉ tiêu Đơn vị

tính Kết quả
Đơn vị chủ trì Đơn vị phối hợp
I Đến năm 2030
1 Tỉ lệ hồ sơ xử lý trực tuyến % 100 Văn phòng

HĐND&UBND
Các cơ quan, đơn vị
2 Thực hiện TTHC trên môi trường điện tử
2.1 Tỉ lệ sử dụng dịch vụ công trực tuyến % ≥ 80 Trung tâm Phục vụ
hành chính công
\f
2

STT Chỉ tiêu Đơn vị tính Kết quả Đơn vị chủ trì Đơn vị phối hợp
đạt chuẩn trong năm học mới Các cơ quan chuyên môn
2.2 Tỉ lệ hồ sơ được số hóa % 100 Trung tâm Phục vụ hành chính công Các cơ quan chuyên môn
II Đến năm 2035
3 Tỉ lệ người dân có chữ ký số % 50 Công an xã Các cơ quan, đơn vị
"""


def _document_of(tmp_path, text: str):
    """The document record of a plan text run through the whole pipeline."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return process_file(path).document


def test_plan_end_to_end(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    result = process_file(path)
    doc = result.document
    assert doc.status == "ok" and doc.method == "text"
    assert (doc.admin_unit_name, doc.doc_number, doc.issue_date) == ("An Bình", "12/KH-UBND", "2026-03-05")
    assert doc.signer_name == "Nguyễn Văn An"
    rows = {it.stt: it for it in result.items}
    assert list(rows) == ["1", "2", "2.1", "2.2", "3"]  # group rows are sections, not items
    assert rows["1"].section == "I" and rows["3"].section == "II" and rows["3"].section_title == "Đến năm 2035"
    assert rows["1"].lead == ["Văn phòng HĐND&UBND"] and rows["1"].target == "100"
    # a row broken by a page number and a repeated header goes on after them
    assert rows["2.1"].name == "Tỉ lệ sử dụng dịch vụ công trực tuyến đạt chuẩn trong năm học mới"
    assert rows["2.1"].lead == ["Trung tâm Phục vụ hành chính công"]
    assert rows["2.1"].coordinating == ["Các cơ quan chuyên môn"]
    assert rows["2"].unit_of_measure is None and rows["2"].target is None  # a parent row: empty cells
    assert [(t.text, t.target) for t in result.targets] == [
        ("Có ≥ 90% hồ sơ thủ tục hành chính được xử lý trực tuyến", "≥ 90%")]


def test_header_block_after_the_body_is_read():
    body, head = PLAN.split("KẾ HOẠCH\n", 1)
    moved = "KẾ HOẠCH\n" + head.split("Phụ lục\n")[0] + body + "Phụ lục\n" + head.split("Phụ lục\n")[1]
    source = parse_text(moved)
    first = [ln.text for ln in source.pages[0].lines[:3]]
    assert first == ["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "Số: 12/KH-UBND"]


def test_whitespace_only_file_fails_with_a_reason(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n \n", encoding="utf-8")
    result = process_file(path)
    assert result.failed and "empty" in result.document.error


def test_header_columns_joined_on_one_line_are_cut_apart(tmp_path):
    # pdfium / pdftotext put the two header columns on one line; a form feed glued to a page number
    text = ("UBND PHƯỜNG TAM PHƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBAN CHỈ ĐẠO Độc lập - Tự do - Hạnh phúc\n"
            "Số: 97/KH-BCĐ Tam Phước, ngày 16 tháng 10 năm 2025\nKẾ HOẠCH\nTriển khai Nghị quyết số 57-NQ/TW\n"
            "Căn cứ Nghị quyết số 57-NQ/TW;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thị Hồng Nhung\f2\nPhụ lục I\n")
    doc = _document_of(tmp_path, text)
    assert (doc.admin_unit_type, doc.admin_unit_name) == ("phường", "Tam Phước")
    assert (doc.doc_number, doc.issue_date) == ("97/KH-BCĐ", "2025-10-16")
    assert (doc.signer_title, doc.signer_name) == ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Nguyễn Thị Hồng Nhung")


def test_a_row_running_on_for_pages_is_kept_whole_and_flagged(tmp_path):
    text = ("Phụ lục\nSTT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp\n1 Tuyên truyền Phòng Văn hóa - Xã hội Công an xã\n"
            + "văn bản dài không có số thứ tự nào\n" * 120)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    items = process_file(path).items
    assert len(items) == 1 and "low_confidence" in items[0].review_reasons
    assert items[0].name.startswith("Tuyên truyền Phòng Văn hóa") and items[0].name.endswith("thứ tự nào")


def test_header_columns_joined_are_cut_apart_without_accents():
    # the same joined header block after an extraction lost its diacritics: the cut must not need them
    text = ("UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM\nXA LA NGA Doc lap - Tu do - Hanh phuc\n"
            "So: 187/KH-UBND La Nga, ngay 08 thang 12 nam 2026\nKE HOACH\nTrien khai Nghi quyet so 57-NQ/TW\n")
    first = [ln.text for ln in parse_text(text).pages[0].lines[:6]]
    assert first == ["UY BAN NHAN DAN", "CONG HOA XA HOI CHU NGHIA VIET NAM", "XA LA NGA",
                     "Doc lap - Tu do - Hanh phuc", "So: 187/KH-UBND", "La Nga, ngay 08 thang 12 nam 2026"]


BUDGET = """Phụ lục II
DỰ TOÁN KINH PHÍ THỰC HIỆN NHIỆM VỤ
Đơn vị tính: triệu đồng
STT Nhiệm vụ Tổng kinh phí
1
Thực hiện đồng bộ các giải pháp tăng cường giáo dục và hướng nghiệp STEM, thu hút học
sinh giỏi theo học các ngành STEM
500
2
Triển khai Đề án Nâng cao năng lực số cho người dân vùng đồng bào dân tộc thiểu số và miền
núi 50
3 Nâng cấp, hoàn thiện hạ tầng công nghệ thông tin 120
4
Triển khai các nền tảng số dùng chung đảm bảo hiệu quả, tối ưu nguồn lực cho các cơ quan,
doanh nghiệp, tổ chức
80
Tổng cộng 750
"""


def test_budget_amount_alone_on_a_line_and_the_total_row():
    # a lone "500" under a row without its amount is the amount, not a page number;
    # "Tổng cộng 750" is the table's total, not the end of row 4
    grid = parse_text(BUDGET).grids[0]
    rows = [[grid.cell(r, c).text if grid.cell(r, c) else "" for c in range(grid.n_cols)] for r in range(grid.n_rows)]
    assert [(r[0], r[2]) for r in rows[1:]] == [("1", "500"), ("2", "50"), ("3", "120"), ("4", "80"), ("", "750")]
    assert rows[-1][1] == "Tổng cộng" and "Tổng" not in rows[-2][1]


def test_a_total_label_with_its_amount_on_the_next_line_is_the_total_row():
    # a tool that writes each cell on its own line (PyMuPDF) puts the total's amount under its label
    grid = parse_text(BUDGET.replace("Tổng cộng 750", "Tổng cộng\n750")).grids[0]
    rows = [[grid.cell(r, c).text if grid.cell(r, c) else "" for c in range(grid.n_cols)] for r in range(grid.n_rows)]
    assert rows[-1][:3] == ["", "Tổng cộng", "750"] and rows[-2][0] == "4" and "Tổng" not in rows[-2][1]


def test_a_budget_tables_grand_total_closes_it_and_the_body_goes_on():
    # a budget table in the body: the section after its total is page text, not the total row's
    body = "III. KINH PHÍ THỰC HIỆN\nKinh phí thực hiện từ nguồn ngân sách xã được bố trí hằng năm.\n"
    for text in (BUDGET + body, BUDGET.replace("Tổng cộng 750", "Tổng cộng\n750") + body):
        parsed = parse_text(text)
        grid = parsed.grids[0]
        last = [grid.cell(grid.n_rows - 1, c).text if grid.cell(grid.n_rows - 1, c) else "" for c in range(grid.n_cols)]
        assert last[:3] == ["", "Tổng cộng", "750"]
        page_text = "\n".join(ln.text for p in parsed.pages for ln in p.lines)
        assert "III. KINH PHÍ THỰC HIỆN" in page_text and "ngân sách xã" in page_text
    # a subtotal closes a group of rows only
    grouped = BUDGET.replace("3 Nâng cấp", "Cộng 550\n3 Nâng cấp")
    assert parse_text(grouped + body).grids[0].n_rows > 5


def test_the_heading_and_unit_line_above_a_second_table_are_its_caption(tmp_path):
    # two tables in the body: "3. Dự toán ..." and its unit line stand between them; they caption
    # the budget (its unit read there), they are no text of the last task
    tasks = ("2. Danh mục nhiệm vụ\nSTT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian\n"
             "1 Số hóa hồ sơ lưu trữ Văn phòng HĐND và UBND Các phòng chuyên môn Quý I/2026\n"
             "2 Bố trí kinh phí cho chuyển đổi số Phòng Kinh tế Văn phòng HĐND và UBND Quý IV/2025\n")
    budget = BUDGET.replace("Phụ lục II\nDỰ TOÁN KINH PHÍ THỰC HIỆN NHIỆM VỤ\n",
                            "3. Dự toán kinh phí thực hiện nhiệm vụ\n")
    parsed = parse_text(tasks + budget)
    assert "triệu đồng" in parsed.grids[1].caption and "Dự toán" in parsed.grids[1].caption
    last = " ".join(c.text for c in parsed.grids[0].cells if c.row == parsed.grids[0].n_rows - 1)
    assert "Dự toán" not in last and "triệu" not in last
    assert _document_of(tmp_path, tasks + budget).budget_unit == "triệu đồng"


def test_a_lone_number_after_a_budget_row_with_its_amount_is_a_page_number():
    text = BUDGET.replace("núi 50\n", "núi 50\n7\n")
    grid = parse_text(text).grids[0]
    assert not any(c.text.strip() == "7" for c in grid.cells)


def test_utf8_text_without_accents_keeps_its_symbols():
    # a UTF-8 file that lost its accents still holds "≥" and curly quotes: no legacy encoding may claim it
    from kehoach.ingest.encodings import decode_text
    text = "Ty le ho so xu ly truc tuyen “toan trinh” % ≥ 80 Trung tam Phuc vu hanh chinh cong – xa\n"
    got = decode_text(text.encode("utf-8"))
    assert (got.encoding, got.text) == ("utf-8", text)


def test_header_columns_cut_apart_through_english_ocr_garble():
    # "HỘI" read "HQI", "Độc lập —" read "Poc 1ap —": the right column still starts there
    text = ("UBND XA THONG NHAT CONG HOA XA HQI CHU NGHIA VIET NAM\nBAN CHI DAO Poc 1ap — Tu do — Hanh phiic\n"
            "KE HOACH\nTrien khai Nghi quyet so 57-NQ/TW\n")
    first = [ln.text for ln in parse_text(text).pages[0].lines[:4]]
    assert first == ["UBND XA THONG NHAT", "CONG HOA XA HQI CHU NGHIA VIET NAM", "BAN CHI DAO",
                     "Poc 1ap — Tu do — Hanh phiic"]


def _row_codes(text: str) -> list[str]:
    from kehoach.parsers.text_source import _find_tables, _rows, _split_pages

    lines = _split_pages(text)
    h, end = _find_tables(lines)[0]
    return [code for code, _, _ in _rows(lines, h, end)[0]]


# an OCR-read table with its rules ("|"): rows centred on their number, so the number stands on a
# middle line of the name's wrapped text, and a lower-case word may follow it
_OCR_HEADER = "TT | Tên nhiệm vụ | Kết quả | Đơn vị chủ trì | Thời gian"


def _ocr_row(n: str, middle: str) -> list[str]:
    return ["Tổ chức các hoạt động của năm | Báo cáo | Phòng VH | Quý I", f"{n} {middle}",
            "và các lớp tập huấn cho cán bộ | kết quả | XH |"]


def test_ocr_row_number_before_lower_case_text_starts_a_row_when_the_numbering_goes_on():
    lines = [_OCR_HEADER, "1 | Tổ chức tập huấn | Báo cáo | Phòng VH | Quý I"]
    lines += _ocr_row("2", "thông tin của xã, phát động phong trào") + _ocr_row("3 |", "tập huấn kỹ năng")
    assert _row_codes("\n".join(lines)) == ["1", "2", "3"]
    # without a number after it further down, "2" before lower-case text is wrapped text, not a row
    lines = [_OCR_HEADER, "1 | Tổ chức tập huấn | Báo cáo | Phòng VH | Quý I"] + _ocr_row("2", "thông tin của xã")
    assert _row_codes("\n".join(lines)) == ["1"]


def test_lower_case_after_the_next_number_stays_wrapped_text_in_a_table_without_rules():
    lines = ["STT Nhiệm vụ Kết quả Đơn vị chủ trì Thời gian", "1 Tổ chức tập huấn cho trẻ từ",
             "2 tuổi trở lên Báo cáo Phòng VHXH Quý I", "có nhu cầu", "3 tháng một lần"]
    assert _row_codes("\n".join(lines)) == ["1"]


def test_a_rule_read_as_1_after_the_row_number():
    lines = [_OCR_HEADER, "1 | Tổ chức tập huấn | Báo cáo | Phòng VH | Quý I",
             "21 Y 4 & | hành chính | Báo cáo | Phòng VH | Quý II", "3 | Duy trì trang | Báo cáo | Phòng VH | Quý III"]
    assert _row_codes("\n".join(lines)) == ["1", "2", "3"]
    # in a table with no rules "21" is no "2" (the "3" after it starts its row as a skipped number)
    plain = ["STT Nhiệm vụ Kết quả Đơn vị chủ trì Thời gian", "1 Tổ chức tập huấn Báo cáo Phòng VHXH Quý I",
             "21 Xã phường tham gia", "3 Duy trì trang Báo cáo Phòng VHXH Quý III"]
    assert _row_codes("\n".join(plain)) == ["1", "3"]


def test_wrapped_tail_of_a_repeated_header_is_no_row_text():
    from kehoach.parsers.text_source import _find_tables, _rows, _split_pages

    header = ["STT Nhiệm vụ Kết quả Đơn vị chủ", "trì Thời gian"]
    text = "\n".join(header + ["1 Tổ chức tập huấn Báo cáo Phòng VHXH Quý I", "\f" + "STT Nhiệm vụ Kết quả Đơn vị chủ",
                               "trl thục hiện chủ", "2 Duy trì trang Báo cáo Phòng VHXH Quý II"])
    lines = _split_pages(text)
    h, end = _find_tables(lines)[0]
    rows, _ = _rows(lines, h, end)
    assert [c for c, _, _ in rows] == ["1", "2"]
    assert "trl thục hiện chủ" not in [ln.text for ln in rows[0][2]]  # "trì" of "chủ trì", an OCR slip


_PLAIN_HEADER = "STT Nhiệm vụ Kết quả Đơn vị chủ trì Thời gian"


def test_numbering_that_jumps_resynchronises_when_it_goes_on_from_the_new_number():
    # the plan's own numbering skips 3-4 and a group (I, then III): rows go on from 5, not into row 2
    lines = [_PLAIN_HEADER, "I", "Chuyển đổi số", "1 Tổ chức tập huấn Báo cáo Phòng VHXH Quý I",
             "2 Duy trì trang tin Báo cáo Phòng VHXH Quý II", "III", "Kinh tế số",
             "5", "Hỗ trợ doanh nghiệp Báo cáo Phòng KT Quý III", "6 Xây dựng dữ liệu Báo cáo Phòng KT Quý IV"]
    assert _row_codes("\n".join(lines)) == ["I", "1", "2", "III", "5", "6"]


def test_a_jumped_number_the_numbering_does_not_go_on_from_stays_cell_text():
    # "7" far past the expected 3 with nothing after it: a number in the cell's text, not a row
    lines = [_PLAIN_HEADER, "1 Tổ chức tập huấn Báo cáo Phòng VHXH Quý I",
             "2 Duy trì trang tin Báo cáo Phòng VHXH Quý II", "7 Xã, phường tham gia", "3 Hỗ trợ Báo cáo Phòng KT"]
    assert _row_codes("\n".join(lines)) == ["1", "2", "3"]
    # a group numeral two past the next one (IV after I) is no group either
    lines = [_PLAIN_HEADER, "I", "Chuyển đổi số", "1 Tổ chức tập huấn Báo cáo Phòng VHXH Quý I", "IV",
             "Xã tham gia", "2 Duy trì trang tin Báo cáo Phòng VHXH Quý II"]
    assert "IV" not in _row_codes("\n".join(lines))


def test_a_second_body_opening_a_line_goes_to_the_coordinating_cell():
    # a cell written after the other (pdfium): the lead's wrapped lines, then the coordinating bodies
    roles = ["name", "result", "lead", "coordinating", "deadline"]
    lines = ["Tỷ lệ hộ gia đình có", "tài khoản thanh toán", "≥ 85", "Các chi nhánh", "ngân hàng", "trên địa bàn",
             "xã", "Phòng Kinh tế", "các Tổ CNSCĐ", "TTPVHCC xã", "Hằng", "năm"]
    got = _cells(lines, roles)
    assert got["lead"] == "Các chi nhánh ngân hàng trên địa bàn xã"
    assert got["coordinating"] == "Phòng Kinh tế các Tổ CNSCĐ TTPVHCC xã"
    assert got["deadline"] == "Hằng năm"
    lines = ["Tỷ lệ học sinh được học", "kỹ năng số", "100", "Phòng VHXH", "Các trường học trên địa bàn xã",
             "Văn phòng HĐND&UBND", "2026"]
    got = _cells(lines, roles)
    assert got["lead"] == "Phòng VHXH"
    assert got["coordinating"] == "Các trường học trên địa bàn xã\nVăn phòng HĐND&UBND".replace("\n", " ")


def test_a_number_inside_the_names_text_opens_no_target():
    roles = ["name", "result", "lead", "coordinating", "deadline"]
    lines = ["Tỷ lệ người dân từ 15 tuổi trở", "lên có tài khoản thanh toán", "≥ 85", "Phòng Kinh tế", "Các Tổ CNSCĐ",
             "Hằng năm"]
    got = _cells(lines, roles)
    assert got["name"] == "Tỷ lệ người dân từ 15 tuổi trở lên có tài khoản thanh toán"
    assert got["result"] == "≥ 85"


def test_a_body_after_a_numeric_target_opens_the_lead_cell():
    roles = ["name", "result", "lead", "coordinating", "deadline"]
    got = _cells(["Tỷ lệ cán bộ làm chủ kỹ", "năng số cơ bản", "100 VP", "HĐND&UBND", "Các cơ quan,",
                  "đơn vị liên quan", "Hằng", "năm"], roles)
    assert got["result"] == "100" and got["lead"] == "VP HĐND&UBND"


def test_a_tasks_table_with_the_indicators_tables_columns_is_a_table_of_its_own():
    from kehoach.parsers.text_source import _find_tables, _split_pages

    text = "\n".join(["STT Tên chỉ tiêu Mục tiêu Đơn vị chủ trì Đơn vị phối hợp Thời gian",
                      "1 Tỷ lệ hồ sơ trực tuyến 90 Phòng VHXH Công an xã 2026",
                      "2. Danh mục các nhiệm vụ",
                      "TT Tên nhiệm vụ Kết quả Đơn vị chủ trì Đơn vị phối hợp Thời gian",
                      "1 Tổ chức tập huấn Báo cáo Phòng VHXH Công an xã Quý I"])
    found = _find_tables(_split_pages(text))
    assert [h.texts[1] for h, _ in found] == ["Tên chỉ tiêu", "Tên nhiệm vụ"]


def test_a_budget_line_with_its_amount_and_a_note_on_one_printed_line():
    got = _cells(["Hỗ trợ hộ kinh doanh tham gia sàn thương", "mại điện tử 300 Nguồn sự nghiệp", "KHCN"],
                 ["name", "amount", "note"])
    assert got == {"name": "Hỗ trợ hộ kinh doanh tham gia sàn thương mại điện tử", "amount": "300",
                   "note": "Nguồn sự nghiệp KHCN"}


def test_a_lone_number_inside_a_paged_table_is_a_cell_and_at_a_page_edge_a_page_number():
    text = "\n".join([_PLAIN_HEADER.replace("Kết quả", "Mục tiêu"), "1", "Phủ sóng 5G cho người dân", "", "80", "",
                      "Phòng VHXH", "", "Quý I", "7", "\f2", "Tỷ lệ hồ sơ trực tuyến", "", "90", "", "Phòng VHXH"])
    rows = {code: " ".join(ln.text for ln in lines if ln.text.strip()) for code, _, lines in _rows_of(text)}
    assert rows["1"] == "Phủ sóng 5G cho người dân 80 Phòng VHXH Quý I"  # "7" ends the page: its number
    assert rows["2"] == "Tỷ lệ hồ sơ trực tuyến 90 Phòng VHXH"


def _rows_of(text: str, centred: bool = False):
    from kehoach.parsers.text_source import _find_tables, _rows, _split_pages

    lines = _split_pages(text)
    h, end = _find_tables(lines)[0]
    return _rows(lines, h, end, [], centred=centred)[0]


# a table whose cells are centred on their row, as pdfplumber's extract_text writes it: every printed
# line (baseline) is one output line, the row number stands on the middle one, the longer names and
# cells have as many lines above it as below; "Đơn vị tính" and "Thời gian thực hiện" are centred
# on the header's STT line
CENTRED = """Phụ lục I
MỘT SỐ CHỈ TIÊU
Đơn vị
STT Tên chỉ tiêu Kết quả Cơ quan chủ trì Cơ quan phối hợp
tính
I Chỉ tiêu về chuyển đổi số
Tỷ lệ cơ sở giáo dục phổ thông tổ chức Các cơ sở giáo dục; Các
1 % 100 Phòng VH-XH
giáo dục STEM và kỹ năng số phòng chuyên môn
Tỷ lệ chi ngân sách xã cho khoa học,
2 công nghệ, đổi mới sáng tạo và chuyển đổi % ≥ 2 Văn phòng HĐND và UBND Phòng Kinh tế
số
3 Tỷ lệ người dân có chữ ký số % 50 Công an xã Các cơ quan, đơn vị
Tỷ lệ dân số trưởng thành có tài khoản
4 % ≥ 90 Công an xã Tổ công nghệ số cộng đồng
định danh điện tử mức độ 2 (VNeID)
"""


def test_table_centred_on_its_row_numbers(tmp_path):
    source = parse_text(CENTRED)
    (grid,) = source.grids
    header = [grid.cell(0, c).text for c in range(grid.n_cols)]
    assert header == ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Kết quả", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    # the lines above a number are its row's upper half, not the row before's tail; a number before
    # "%" or a lower-case word on its row's middle line still starts the row
    rows = {code: [ln.text for ln in lines if ln.text] for code, _, lines in _rows_of(CENTRED, centred=True)}
    assert list(rows) == ["I", "1", "2", "3", "4"]
    assert rows["1"][0].startswith("Tỷ lệ cơ sở giáo dục") and rows["1"][-1].startswith("giáo dục STEM")
    assert rows["2"] == ["Tỷ lệ chi ngân sách xã cho khoa học,",
                         "công nghệ, đổi mới sáng tạo và chuyển đổi % ≥ 2 Văn phòng HĐND và UBND Phòng Kinh tế", "số"]
    assert rows["3"] == ["Tỷ lệ người dân có chữ ký số % 50 Công an xã Các cơ quan, đơn vị"]
    assert rows["4"][0].startswith("Tỷ lệ dân số trưởng thành") and rows["4"][-1].startswith("định danh")
    items = _items_of(tmp_path, CENTRED)
    assert items["1"].section == "I"
    assert items["2"].name == "Tỷ lệ chi ngân sách xã cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"
    assert (items["2"].unit_of_measure, items["2"].target) == ("%", "≥ 2")
    assert items["3"].lead == ["Công an xã"] and items["3"].target == "50"


def _items_of(tmp_path, text: str) -> dict:
    """The items of a plan text run through the whole pipeline, by row number."""
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return {it.stt: it for it in process_file(path).items}


def test_top_aligned_rows_are_not_read_as_centred(tmp_path):
    # the same rows printed from their top line: each row's lines follow its number
    text = ("Phụ lục\nSTT Tên chỉ tiêu Đơn vị tính Kết quả Cơ quan chủ trì\n"
            "1 Tỷ lệ người dân có tài khoản định danh % 100 Phòng VH-XH\nđiện tử mức độ 2\n"
            "2 Tỷ lệ người dân có chữ ký số % 50 Công an xã\n"
            "3 Tỷ lệ dân số trưởng thành có tài khoản % ≥ 90 Công an xã\ndịnh danh điện tử mức độ 2\n")
    rows = _items_of(tmp_path, text)
    assert list(rows) == ["1", "2", "3"]
    assert rows["1"].name.startswith("Tỷ lệ người dân có tài khoản định danh")
    assert rows["2"].name == "Tỷ lệ người dân có chữ ký số"
    assert rows["3"].name.startswith("Tỷ lệ dân số trưởng thành")


def test_last_centred_row_starts_at_its_number_before_a_wrapped_word():
    # no number follows the last row to vouch for it: in a centred table the next number starts it
    text = CENTRED + ("Tỷ lệ hộ gia đình có địa chỉ số\n"
                      "5 được gắn trên nền tảng bản đồ số % 80 Công an xã Phòng Kinh tế\nquốc gia\n")
    rows = {code: [ln.text for ln in lines if ln.text] for code, _, lines in _rows_of(text, centred=True)}
    assert rows["5"] == ["Tỷ lệ hộ gia đình có địa chỉ số",
                         "được gắn trên nền tảng bản đồ số % 80 Công an xã Phòng Kinh tế", "quốc gia"]


def test_centred_budget_rows_found_by_both_readings_are_read_centred(tmp_path):
    # both readings find rows 1 to 4; row 3's name stands half above its number: "80" opens no name
    text = ("Phụ lục III\nKINH PHÍ THỰC HIỆN\nSTT Nhiệm vụ Tổng kinh phí\n"
            "1 Lắp đặt, duy trì hệ thống camera giám sát an ninh, trật tự 1.200\n"
            "2 Bảo đảm an toàn thông tin mạng, thuê dịch vụ giám sát 50\n"
            "Tuyên truyền, phổ biến về khoa học, công nghệ trên hệ thống truyền\n3 80\nthanh\n"
            "4 Tập huấn kỹ năng số cho cán bộ, công chức 500\nTổng cộng 1.830\n")
    rows = _items_of(tmp_path, text)
    assert rows["2"].name == "Bảo đảm an toàn thông tin mạng, thuê dịch vụ giám sát" and rows["2"].amount == 50
    assert rows["3"].name == "Tuyên truyền, phổ biến về khoa học, công nghệ trên hệ thống truyền thanh"
    assert rows["3"].amount == 80


def test_centred_rows_read_through_a_number_printed_twice_but_not_a_page_number():
    text = ("Phụ lục\nSTT Tên nhiệm vụ Đơn vị chủ trì Thời hạn\n"
            "1 Tổ chức tập huấn kỹ năng số Phòng VHXH Quý I/2026\n"
            "Rà soát, đề xuất bãi bỏ các quy định, thủ tục\n2 không còn phù hợp Văn phòng HĐND và UBND Năm 2026\n"
            "gây cản trở hoạt động chuyển đổi số\n"
            "Xây dựng chuyên mục về khoa học, công nghệ\n2 trên trang thông tin điện tử Phòng VHXH Thường xuyên\n"
            "của xã\n4\n\f"
            "Triển khai hệ thống camera giám sát\n3 an ninh, trật tự tại các thôn Công an xã Năm 2027\n"
            "trên địa bàn xã\n4 Phát động phong trào Bình dân học vụ số Phòng VHXH Năm 2026\n"
            "5 Số hóa hồ sơ lưu trữ Văn phòng HĐND và UBND Năm 2027\n")
    rows = {}
    for code, _, lines in _rows_of(text, centred=True):
        rows.setdefault(code, []).append(" ".join(ln.text for ln in lines if ln.text))
    assert list(rows) == ["1", "2", "3", "4", "5"]
    assert len(rows["2"]) == 2 and rows["2"][1].startswith("Xây dựng chuyên mục")  # "2" printed twice
    assert rows["3"] == ["Triển khai hệ thống camera giám sát an ninh, trật tự tại các thôn Công an xã Năm 2027 "
                         "trên địa bàn xã"]  # the lone "4" at the page's foot is its page number


# a letter as pdfplumber writes it: the header block's two columns side by side on each printed line,
# no document type line under them; the "Nơi nhận" list beside the signature block, line by line
LETTER = """UỶ BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc
Số: 215/UBND-KT Lào Cai, ngày 12 tháng 3 năm 2026
V/v tăng cường công tác quản
lý, giám sát hoạt động VLNCN
Kính gửi: Các Sở, ngành thuộc tỉnh.
Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị thực hiện nghiêm các nội dung sau.
Nơi nhận: KT. CHỦ TỊCH
- Như trên;
PHÓ CHỦ TỊCH
- Chủ tịch UBND tỉnh;
- Lưu: VT, KT.
Nguyễn Thành Sinh
"""


def test_a_letters_header_and_signature_written_side_by_side(tmp_path):
    doc = _document_of(tmp_path, LETTER)
    assert (doc.admin_unit_type, doc.admin_unit_name) == ("tỉnh", "Lào Cai")
    assert (doc.doc_number, doc.issue_date) == ("215/UBND-KT", "2026-03-12")
    assert (doc.signer_title, doc.signer_name) == ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Nguyễn Thành Sinh")


def test_a_spaced_symbol_before_the_place_and_date_stays_the_numbers(tmp_path):
    # "QĐ - UBND" before "Lào Cai, ngày": the acronym is the number's, the place starts at "Lào"
    text = LETTER.replace("Số: 215/UBND-KT Lào Cai", "Số: 215/QĐ - UBND Lào Cai").replace(
        "V/v tăng cường công tác quản\nlý, giám sát hoạt động VLNCN\n", "QUYẾT ĐỊNH CHẤP THUẬN CHỦ TRƯƠNG ĐẦU TƯ\n")
    doc = _document_of(tmp_path, text)
    assert (doc.doc_symbol, doc.issue_date) == ("QĐ-UBND", "2026-03-12")


# pdfplumber's extract_text: the header's names centred on the STT line, "Thời gian / hoàn thành"
# on lines of its own, so only the rows tell that it stands between "Kết quả" and the bodies
UNORDERED = """KẾ HOẠCH
Phát triển khoa học, công nghệ và chuyển đổi số
Phụ lục I
DANH MỤC CÁC CHỈ TIÊU CỤ THỂ
Đơn vị Thời gian
STT Chỉ tiêu Kết quả Đơn vị chủ trì Đơn vị phối hợp
tính hoàn thành
1 Tỷ lệ người dân từ 15 tuổi trở lên có tài % 90 2026 - 2030 Phòng giao dịch Ngân Phòng Kinh tế, Hạ tầng và
khoản thanh toán tại ngân hàng hoặc tổ hàng Chính sách xã hội Đô thị
2 Chỉ số hài lòng của người dân, doanh % ≥ 90 Hằng năm Trung tâm PVHCC Các phòng chuyên môn
nghiệp đối với sự phục vụ thuộc UBND xã
3 Tỷ lệ cơ sở giáo dục phổ thông tổ chức % 100 Năm 2030 Phòng VH-XH Các cơ sở giáo dục
giáo dục STEM
4 Tỷ lệ người trưởng thành có chữ ký số % ≥ 70 Hằng năm Công an xã Các Tổ công nghệ số
cộng đồng
"""


def test_the_rows_tell_where_a_header_name_of_its_own_lines_stands(tmp_path):
    items = _items_of(tmp_path, UNORDERED)
    assert [items[k].deadline for k in "1234"] == ["2026 - 2030", "Hằng năm", "Năm 2030", "Hằng năm"]
    assert items["3"].lead == ["Phòng VH-XH"] and items["3"].target == "100"

"""The Word front-end: numbering as printed, spans, nested tables, the header block typed as a table.

Documents are built on the fly with python-docx (and raw WordprocessingML where
python-docx has no API: numbering, vMerge, tblHeader), so each test shows the
Word feature it is about.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from kehoach.ingest.discover import FileKind, describe, office_format
from kehoach.parsers.docx_numbering import Numbering, format_number
from kehoach.parsers.docx_source import parse_docx
from kehoach.pipeline import process_file

W = nsdecls("w")


# --- numbering ------------------------------------------------------------------------------
@pytest.mark.parametrize("n, fmt, printed", [
    (1, "decimal", "1"), (12, "decimal", "12"), (3, "lowerLetter", "c"), (27, "lowerLetter", "aa"),
    (2, "upperLetter", "B"), (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"), (14, "upperRoman", "XIV"),
    (5, "decimalZero", "05"), (1, "bullet", ""), (3, "ordinalText", "3"),
])
def test_format_number(n, fmt, printed):
    assert format_number(n, fmt) == printed


def _numbering_xml(levels: list[tuple[str, str]], nums: dict[str, dict[int, int]]) -> str:
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                   f"</w:lvl>" for i, (fmt, text) in enumerate(levels))
    num_xml = "".join(
        f'<w:num w:numId="{nid}"><w:abstractNumId w:val="7"/>'
        + "".join(f'<w:lvlOverride w:ilvl="{lv}"><w:startOverride w:val="{st}"/></w:lvlOverride>'
                  for lv, st in starts.items()) + "</w:num>" for nid, starts in nums.items())
    return f'<w:numbering {W}><w:abstractNum w:abstractNumId="7">{lvls}</w:abstractNum>{num_xml}</w:numbering>'


def test_numbering_levels_print_as_word_prints_them():
    num = Numbering(parse_xml(_numbering_xml([("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")],
                                             {"1": {}})))
    printed = [num.label("1", lv) for lv in (0, 1, 1, 2, 2, 1, 0, 1)]
    assert printed == ["I.", "1.", "2.", "a)", "b)", "3.", "II.", "1."]


def test_numbering_multilevel_pattern_and_restart_by_override():
    xml = _numbering_xml([("decimal", "%1."), ("decimal", "%1.%2.")], {"1": {}, "2": {0: 1}, "3": {0: 5}})
    num = Numbering(parse_xml(xml))
    assert [num.label("1", 0), num.label("1", 1), num.label("1", 1), num.label("1", 0)] == ["1.", "1.1.", "1.2.", "2."]
    assert num.label("2", 0) == "1."  # a list restarted by its num's startOverride
    assert num.label("1", 0) == "2."  # nums of one abstract list count together (LibreOffice writes lists so)
    assert num.label("3", 0) == "5."
    assert num.label("3", 0) == "6."  # the override applies once, when the num is first used
    assert num.label("9", 0) == "" and num.label("0", 0) == ""  # unknown / "no numbering"


def test_numbering_counters_can_be_replayed():
    num = Numbering(parse_xml(_numbering_xml([("decimal", "%1.")], {"1": {}})))
    num.label("1", 0)
    saved = num.save()
    assert num.label("1", 0) == "2."
    num.restore(saved)
    assert num.label("1", 0) == "2."


# --- a Word plan built for the tests ----------------------------------------------------------
def _fill(cell, text: str, bold: bool = False, center: bool = False) -> None:
    cell.text = ""
    for k, line in enumerate(text.split("\n")):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        p.add_run(line).bold = bold
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _numbered(cell, num_id: str, ilvl: int = 0) -> None:
    """The cell's first paragraph numbered automatically; its text stays empty, as in real plans."""
    cell.text = ""
    p = cell.paragraphs[0]
    p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/>'
                                           "</w:numPr>"))


def _vmerge(cell, restart: bool) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    el = OxmlElement("w:vMerge")
    if restart:
        el.set(qn("w:val"), "restart")
    tcpr.append(el)


def _repeat_header(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _add_numbering(doc, xml: str) -> None:
    """Add definitions in schema order: every w:abstractNum before the first w:num."""
    part = doc.part.numbering_part.element
    for child in parse_xml(xml):
        first_num = part.find(qn("w:num"))
        if child.tag == qn("w:abstractNum") and first_num is not None:
            first_num.addprevious(child)
        else:
            part.append(child)


HEADER_BLOCK = [("ỦY BAN NHÂN DÂN\nXÃ AN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
                ("Số: 45/KH-UBND", "An Phú, ngày 03 tháng 02 năm 2026")]
TASKS = [  # name, lead cell (None: merged with the cell above), deadline
    ("Rà soát thủ tục hành chính", "Văn phòng HĐND và UBND xã", "Quý I/2026"),
    ("Số hóa hồ sơ một cửa", None, "Quý II/2026"),
    ("Tập huấn chuyển đổi số cho cán bộ", "Nguyễn Văn An\nTrần Thị Bình", "Năm 2026"),
]


def build_plan(path: Path, n_long: int = 0, nested: bool = True) -> Path:
    """A commune plan: header block as a borderless table, automatic STT, merges, a nested table."""
    doc = Document()
    _add_numbering(doc, _numbering_xml([("decimal", "%1.")], {"91": {}, "92": {0: 1}}).replace(
        'w:abstractNumId="7"', 'w:abstractNumId="77"'))
    head = doc.add_table(rows=2, cols=2)  # python-docx's default table style draws no borders
    for r, row in enumerate(HEADER_BLOCK):
        for k, text in enumerate(row):
            _fill(head.cell(r, k), text, bold=r == 0, center=True)
    for text, bold in (("KẾ HOẠCH", True), ("Triển khai chuyển đổi số năm 2026 trên địa bàn xã An Phú", True)):
        p = doc.add_paragraph()
        p.add_run(text).bold = bold
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("Căn cứ Kế hoạch số 88/KH-UBND ngày 10/3/2025 của UBND tỉnh Lâm Đồng;")
    doc.add_paragraph("Ủy ban nhân dân xã An Phú ban hành Kế hoạch như sau:")
    sign = doc.add_table(rows=1, cols=2)
    _fill(sign.cell(0, 0), "Nơi nhận:\n- Như trên;\n- Lưu: VT.")
    _fill(sign.cell(0, 1), "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nLê Văn Hùng", bold=True, center=True)
    for text in ("Phụ lục", "DANH MỤC NHIỆM VỤ CỤ THỂ"):
        p = doc.add_paragraph()
        p.add_run(text).bold = True
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for k, name in enumerate(("TT", "Nhiệm vụ thực hiện", "Người thực hiện", "Thời gian")):
        _fill(table.rows[0].cells[k], name, bold=True)
    _repeat_header(table.rows[0])
    cells = table.add_row().cells
    _fill(cells[0], "I", bold=True)
    _fill(cells[1].merge(cells[3]), "CẢI CÁCH HÀNH CHÍNH", bold=True)  # gridSpan 3
    for k, (name, lead, deadline) in enumerate(TASKS):
        cells = table.add_row().cells
        _numbered(cells[0], "91")
        _fill(cells[1], name)
        if lead is None:
            _vmerge(cells[2], restart=False)
        else:
            _fill(cells[2], lead)
            if k + 1 < len(TASKS) and TASKS[k + 1][1] is None:
                _vmerge(cells[2], restart=True)
        _fill(cells[3], deadline)
    if nested:
        cells = table.add_row().cells
        _numbered(cells[0], "91")
        _fill(cells[1], "Lắp đặt thiết bị tại các điểm")
        inner = cells[1].add_table(rows=2, cols=2)
        _fill(inner.cell(0, 0), "Ấp 1")
        _fill(inner.cell(0, 1), "2 bộ")
        _fill(inner.cell(1, 0), "Ấp 2")
        _fill(inner.cell(1, 1), "3 bộ")
        _fill(cells[2], "Công an xã")
        _fill(cells[3], "Quý III/2026")
    for k in range(n_long):  # a table long enough to run over several printed pages
        cells = table.add_row().cells
        _numbered(cells[0], "91")
        _fill(cells[1], f"Nhiệm vụ số hóa thứ {k + 1}")
        _fill(cells[2], "Phòng Văn hóa - Xã hội")
        _fill(cells[3], "Năm 2026")
    doc.add_paragraph()  # Word always ends the body with a paragraph (LibreOffice's .doc writer needs it)
    doc.save(path)
    return path


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> Path:
    return build_plan(tmp_path_factory.mktemp("docx") / "plan.docx")


@pytest.fixture(scope="module")
def plan_result(plan):
    return process_file(plan)


def test_header_block_typed_as_a_table_is_read_as_header(plan_result):
    d = plan_result.document
    assert (d.status, d.method, d.file_type) == ("ok", "docx", "office")
    assert (d.admin_unit_type, d.admin_unit_name) == ("xã", "An Phú")
    assert (d.doc_number, d.issue_date) == ("45/KH-UBND", "2026-02-03")
    assert d.title == "Triển khai chuyển đổi số năm 2026 trên địa bàn xã An Phú"
    assert (d.signer_title, d.signer_name) == ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", "Lê Văn Hùng")
    assert d.references == ["88/KH-UBND"]
    assert d.tables == 1  # the header block and the signature are no plan tables


def test_automatic_numbering_fills_the_stt_column(plan_result):
    assert [it.stt for it in plan_result.items] == ["1.", "2.", "3.", "4."]  # "%1." prints the dot
    assert {it.section for it in plan_result.items} == {"I"}
    assert plan_result.items[0].section_title == "CẢI CÁCH HÀNH CHÍNH"


def test_merged_cells_become_spans(plan):
    grid = parse_docx(plan).grids[0]
    assert grid.cell(1, 1).col_span == 3  # gridSpan over the section row
    lead = grid.cell(2, 2)
    assert lead.row_span == 2 and grid.covering(3, 2) is lead  # vMerge restart + continue


def test_a_vertically_merged_lead_belongs_to_each_row_it_covers(plan_result):
    leads = [it.lead for it in plan_result.items]
    assert leads[0] == leads[1] == ["Văn phòng HĐND và UBND xã"]


def test_people_named_in_the_lead_column_are_one_entry_per_line(plan_result):
    assert plan_result.items[2].lead == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_a_nested_table_is_flattened_into_its_cell(plan_result):
    assert plan_result.items[3].name == "Lắp đặt thiết bị tại các điểm Ấp 1 2 bộ Ấp 2 3 bộ"
    assert plan_result.items[3].lead == ["Công an xã"]


def test_provenance_names_the_table_row_and_column(plan_result):
    prov = plan_result.items[0].provenance
    assert (prov.method, prov.page, prov.row, prov.col) == ("docx", 1, 2, 0)


def test_a_long_table_with_a_repeated_header_row_gives_each_row_once(tmp_path):
    result = process_file(build_plan(tmp_path / "long.docx", n_long=60, nested=False))
    assert [it.stt for it in result.items] == [f"{k}." for k in range(1, 64)]
    assert result.document.tables == 1


def test_paragraph_text_numbering_and_line_breaks(tmp_path):
    doc = Document()
    _add_numbering(doc, _numbering_xml([("upperRoman", "%1."), ("decimal", "%2.")], {"5": {}}))
    for ilvl, text in ((0, "MỤC ĐÍCH"), (1, "Mục đích"), (1, "Yêu cầu"), (0, "NHIỆM VỤ")):
        p = doc.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="5"/>'
                                               "</w:numPr>"))
    p = doc.add_paragraph("Dòng một")
    p.add_run().add_break()
    p.add_run("Dòng hai")
    lines = [ln.text for ln in parse_docx(doc.save(tmp_path / "p.docx") or tmp_path / "p.docx").pages[0].lines]
    assert lines == ["I. MỤC ĐÍCH", "1. Mục đích", "2. Yêu cầu", "II. NHIỆM VỤ", "Dòng một", "Dòng hai"]


# --- ingest: what an office file is, and files that cannot be read ---------------------------
def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_office_format_by_content_not_extension(tmp_path, plan):
    renamed = tmp_path / "plan.pdf.bin"
    renamed.write_bytes(plan.read_bytes())
    assert describe(renamed).kind is FileKind.OFFICE and office_format(renamed) == "docx"
    odt = _zip(tmp_path / "a.docx", {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    assert office_format(odt) == "odt"
    assert office_format(_zip(tmp_path / "b.docx", {"xl/workbook.xml": b"<x/>"})) == "xlsx"
    assert office_format(_zip(tmp_path / "c.docx", {"readme.txt": b"hi"})) == "zip"
    ole = tmp_path / "d.doc"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "WordDocument".encode("utf-16-le"))
    assert office_format(ole) == "doc"
    locked = tmp_path / "e.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le"))
    assert office_format(locked) == "encrypted"
    assert process_file(locked).document.error.startswith("encrypted: the office file is password-protected")


@pytest.mark.parametrize("members, reason", [
    ({"xl/workbook.xml": b"<x/>"}, "unsupported: xlsx office files are not supported"),
    ({"word/document.xml": b"<not xml", "[Content_Types].xml": b"<bad"}, "damaged: Word document cannot be opened"),
])
def test_office_files_that_are_not_readable_plans_fail_in_one_line(tmp_path, members, reason):
    result = process_file(_zip(tmp_path / "x.docx", members))
    assert result.failed and result.document.error.startswith(reason)
    assert "\n" not in result.document.error


def test_doc_without_libreoffice_is_one_line_naming_the_file(tmp_path, monkeypatch):
    import kehoach.ingest.office as office

    monkeypatch.setattr(office, "soffice", lambda: None)
    doc = tmp_path / "ke_hoach_cu.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "WordDocument".encode("utf-16-le"))
    result = process_file(doc)
    assert result.failed and "ke_hoach_cu.doc" in result.document.error and "LibreOffice" in result.document.error


def test_footnotes_are_page_text_so_their_citations_count(tmp_path):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    doc = Document()
    doc.add_paragraph("Căn cứ Kế hoạch số 88/KH-UBND ngày 10/3/2025 của UBND tỉnh;")
    notes = (f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>---</w:t></w:r></w:p>'
             '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Nghị quyết số 10-NQ/TW ngày 10/02/2022 của Bộ Chính trị'
             "</w:t></w:r></w:p></w:footnote></w:footnotes>").encode()
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", notes, doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    path = tmp_path / "notes.docx"
    doc.save(path)
    lines = [ln.text for ln in parse_docx(path).pages[0].lines]
    assert lines == ["Căn cứ Kế hoạch số 88/KH-UBND ngày 10/3/2025 của UBND tỉnh;",
                     "Nghị quyết số 10-NQ/TW ngày 10/02/2022 của Bộ Chính trị"]
    assert process_file(path).document.references == ["88/KH-UBND", "10-NQ/TW"]


def test_hidden_and_deleted_text_does_not_print(tmp_path):
    doc = Document()
    p = doc.add_paragraph("Căn cứ Kế hoạch số 88/KH-UBND")
    p.add_run(" ghi chú ẩn").font.hidden = True
    p._p.append(parse_xml(f'<w:del {W} w:id="1" w:author="a"><w:r><w:delText>bị xóa</w:delText></w:r></w:del>'))
    p.add_run(";")
    doc.save(tmp_path / "h.docx")
    assert [ln.text for ln in parse_docx(tmp_path / "h.docx").pages[0].lines] == ["Căn cứ Kế hoạch số 88/KH-UBND;"]


def test_a_numbered_table_holding_a_header_mark_stays_a_plan_table(tmp_path):
    doc = Document()
    table = doc.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate((("1", "Số: 12/QĐ-UBND về quy chế"), ("2", "Rà soát hồ sơ"), ("3", "Tập huấn"))):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    doc.add_paragraph()
    doc.save(tmp_path / "n.docx")
    source = parse_docx(tmp_path / "n.docx")
    assert len(source.grids) == 1 and source.pages[0].lines == []


@pytest.mark.parametrize("repeat_header", [True, False])
def test_a_table_split_in_two_by_hand_is_one_table(tmp_path, repeat_header):
    doc = Document()
    doc.add_paragraph("DANH MỤC NHIỆM VỤ")
    header = ("TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian")
    rows = [(str(k), f"Nhiệm vụ {k}", "Công an xã", "Năm 2026") for k in range(1, 5)]
    for part in (rows[:2], rows[2:]):
        table = doc.add_table(rows=0, cols=4)
        table.style = "Table Grid"
        for values in ([header] if part is rows[:2] or repeat_header else []) + part:
            for cell, text in zip(table.add_row().cells, values, strict=True):
                cell.text = text
        doc.add_paragraph()
    doc.save(tmp_path / "split.docx")
    result = process_file(tmp_path / "split.docx")
    assert [it.stt for it in result.items] == ["1", "2", "3", "4"] and result.document.tables == 1

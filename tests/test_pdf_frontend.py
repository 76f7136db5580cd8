"""The born-digital front-end on small PDFs drawn here: ruled spans, unruled tables, page furniture."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kehoach.ingest.pdf import open_pdf
from kehoach.parsers.interpreter import interpret
from kehoach.parsers.pdf_tables import parse_pdf

FONTS = Path(__file__).resolve().parent.parent / "scripts" / "fonts"


@pytest.fixture(scope="module")
def style() -> ParagraphStyle:
    pdfmetrics.registerFont(TTFont("KhSerif", str(FONTS / "DejaVuSerif.ttf")))
    return ParagraphStyle("n", fontName="KhSerif", fontSize=10, leading=12)


def _rows(style, data):
    return [[Paragraph(c, style) if isinstance(c, str) and c else c for c in row] for row in data]


def _build(path: Path, story, running: str | None = None) -> Path:
    def on_page(canvas, doc):
        if running:
            canvas.setFont("KhSerif", 8)
            canvas.drawString(40, landscape(A4)[1] - 25, running)
            canvas.drawString(landscape(A4)[0] / 2, 20, str(doc.page))

    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story, onFirstPage=on_page, onLaterPages=on_page)
    return path


def _read(path: Path):
    with open_pdf(path) as pdf:
        return parse_pdf(pdf)


TASKS = [
    ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"],
    ["I", "Nâng cao nhận thức về chuyển đổi số", "", "", ""],
    ["1", "Tổ chức tuyên truyền sâu rộng về Nghị quyết 57-NQ/TW trên các nền tảng số của xã",
     "Phòng Văn hóa - Xã hội", "Các cơ quan, đơn vị, các ngành xã", "Thường xuyên"],
    ["2", "Xây dựng kế hoạch chuyển đổi số năm 2026", "Văn phòng HĐND và UBND xã",
     "Công an xã; Trung tâm PVHCC", "Quý I/2026"],
]


def test_ruled_table_with_merged_cells(tmp_path, style):
    t = Table(_rows(style, TASKS), colWidths=[40, 330, 140, 170, 80])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("SPAN", (1, 1), (4, 1))]))
    src = _read(_build(tmp_path / "ruled.pdf", [Paragraph("DANH MỤC CÁC NHIỆM VỤ CỤ THỂ", style), t]))
    assert len(src.grids) == 1
    g = src.grids[0]
    assert (g.n_rows, g.n_cols) == (4, 5)
    group = g.cell(1, 1)
    assert group.col_span == 4 and group.text == "Nâng cao nhận thức về chuyển đổi số"
    assert g.cell(1, 2) is None and g.covering(1, 3) is group
    assert "DANH MỤC CÁC NHIỆM VỤ CỤ THỂ" in g.caption
    rows = interpret(src.grids).rows
    assert [r.stt for r in rows] == ["1", "2"]
    assert rows[0].section == "I" and rows[0].section_title == "Nâng cao nhận thức về chuyển đổi số"
    assert rows[0].table == "tasks" and rows[0].method == "pdf-text"


def test_unruled_table_is_rebuilt_from_words(tmp_path, style):
    t = Table(_rows(style, TASKS), colWidths=[40, 330, 140, 170, 80])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    src = _read(_build(tmp_path / "unruled.pdf", [Paragraph("DANH MỤC CÁC NHIỆM VỤ CỤ THỂ", style), t]))
    rows = interpret(src.grids).rows
    assert [r.stt for r in rows] == ["1", "2"]
    assert rows[0].cells["name"].replace("\n", " ").startswith("Tổ chức tuyên truyền sâu rộng")
    assert rows[1].cells["coordinating"] == "Công an xã; Trung tâm PVHCC"
    assert rows[0].section_title == "Nâng cao nhận thức về chuyển đổi số"
    assert rows[0].method == "pdf-words" and rows[0].confidence < 1.0


def test_running_header_and_page_numbers_are_not_text(tmp_path, style):
    data = TASKS[:1] + [[str(i), f"Nhiệm vụ số {i} về chuyển đổi số", "Phòng VHXH", "Công an xã", "2026"]
                        for i in range(1, 80)]
    t = Table(_rows(style, data), colWidths=[40, 330, 140, 170, 80], repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    story = [Paragraph("DANH MỤC CÁC NHIỆM VỤ CỤ THỂ", style), t, PageBreak(), Spacer(1, 10)]
    src = _read(_build(tmp_path / "long.pdf", story, running="Kế hoạch triển khai nhiệm vụ chuyển đổi số"))
    assert src.page_count >= 3
    for page in src.pages:
        assert not any("Kế hoạch triển khai nhiệm vụ" in ln.text for ln in page.lines)
        assert not any(ln.text.strip().isdigit() for ln in page.lines)
    result = interpret(src.grids)
    assert result.tables == 1  # the running header did not start a new table on each page
    assert [r.stt for r in result.rows] == [str(i) for i in range(1, 80)]


def test_header_block_in_a_bordered_table_stays_page_text(tmp_path, style):
    block = Table(_rows(style, [["ỦY BAN NHÂN DÂN<br/>XÃ AN BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                                ["Số: 12/KH-UBND", "An Bình, ngày 03 tháng 9 năm 2025"]]), colWidths=[250, 330])
    block.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    tasks = Table(_rows(style, TASKS), colWidths=[40, 330, 140, 170, 80])
    tasks.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    src = _read(_build(tmp_path / "boxed.pdf", [block, Spacer(1, 20), Paragraph("KẾ HOẠCH", style), tasks]))
    text = src.pages[0].text
    assert "Số: 12/KH-UBND" in text and "XÃ AN BÌNH" in text
    assert [r.stt for r in interpret(src.grids).rows] == ["1", "2"]


def _word(text, x0, top):
    return {"text": text, "x0": x0, "x1": x0 + 6 * len(text), "top": top, "bottom": top + 12}


def test_header_column_split_from_the_motto_and_title():
    from kehoach.parsers.pdf_text import header_column_split

    words = [_word("UBND", 80, 60), _word("CỘNG", 300, 60), _word("HÒA", 340, 60),
             _word("KẾ", 270, 150), _word("HOẠCH", 290, 150)]
    assert header_column_split(words) == (298, 150)
    # a page that ends on "KẾ" (no next word) keeps the default depth instead of failing
    assert header_column_split(words[:4]) == (298, 72 + 80)
    assert header_column_split([_word("Căn", 80, 60), _word("cứ", 110, 60)]) is None


def test_table_on_a_page_stored_portrait_and_shown_landscape_by_rotate(tmp_path, style):
    """A landscape appendix kept as a portrait page with /Rotate 90 (print-to-PDF drivers do this):
    characters and rules are read on the page as shown, so the table reads upright."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "rotated.pdf"
    shown_w, shown_h = landscape(A4)
    c = canvas.Canvas(str(path), pagesize=(shown_w, shown_h))
    c.setPageRotation(90)  # stored portrait (MediaBox 595 x 842), shown landscape
    c.transform(0, 1, -1, 0, shown_h, 0)  # draw in the shown page's coordinates
    t = Table(_rows(style, TASKS), colWidths=[40, 330, 140, 170, 80])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    _, h = t.wrapOn(c, shown_w, shown_h)
    t.drawOn(c, 40, shown_h - 60 - h)
    c.showPage()
    c.save()
    src = _read(path)
    assert src.pages[0].width == pytest.approx(shown_w, abs=0.01)
    assert src.pages[0].height == pytest.approx(shown_h, abs=0.01)
    [g] = src.grids
    assert (g.n_rows, g.n_cols) == (4, 5) and g.text(0, 1) == "Nhiệm vụ"
    rows = interpret(src.grids).rows
    assert [r.stt for r in rows] == ["1", "2"] and rows[1].cells["lead"] == "Văn phòng HĐND và\nUBND xã"


def test_caption_left_at_the_foot_of_the_previous_page_titles_the_table(tmp_path, style):
    filler = [Paragraph("Nội dung kế hoạch.", style)] * 30
    caption = [Paragraph("Phụ lục II", style), Paragraph("DANH MỤC CÁC NHIỆM VỤ CỤ THỂ", style)]
    t = Table(_rows(style, TASKS), colWidths=[40, 330, 140, 170, 80])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    src = _read(_build(tmp_path / "split_caption.pdf", [*filler, *caption, PageBreak(), t]))
    [g] = src.grids
    assert g.page == 2 and g.caption == "Phụ lục II\nDANH MỤC CÁC NHIỆM VỤ CỤ THỂ"


def test_a_note_under_a_table_is_not_the_caption_of_its_continuation(tmp_path, style):
    first = Table(_rows(style, TASKS), colWidths=[40, 330, 140, 170, 80])
    first.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    rest = Table(_rows(style, [["3", "Tổ chức hội nghị", "Phòng VHXH", "Công an xã", "Năm 2026"]]),
                 colWidths=[40, 330, 140, 170, 80])
    rest.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    note = Paragraph("Ghi chú: các chỉ tiêu được rà soát hằng năm.", style)
    src = _read(_build(tmp_path / "note.pdf", [first, note, PageBreak(), rest]))
    assert src.grids[1].caption == ""
    rows = interpret(src.grids).rows
    assert [r.stt for r in rows] == ["1", "2", "3"] and len({r.table_index for r in rows}) == 1


def test_shaded_header_cells_over_an_unruled_body(tmp_path, style):
    """Each header cell shaded (Word shades cell by cell), the rows unruled: the shading makes a
    lattice of the header alone, which must not hide the table read from its words."""
    t = Table(_rows(style, TASKS), colWidths=[40, 330, 140, 170, 80])
    t.setStyle(TableStyle([("BACKGROUND", (k, 0), (k, 0), "lightgrey") for k in range(5)]
                          + [("VALIGN", (0, 0), (-1, -1), "TOP")]))
    src = _read(_build(tmp_path / "shaded.pdf", [Paragraph("DANH MỤC CÁC NHIỆM VỤ CỤ THỂ", style), t]))
    rows = interpret(src.grids).rows
    assert [r.stt for r in rows] == ["1", "2"] and rows[0].method == "pdf-words"


def test_ruled_header_alone_at_a_page_foot_stays_a_ruled_table(tmp_path, style):
    widths = [40, 330, 140, 170, 80]
    head, body = Table(_rows(style, TASKS[:1]), colWidths=widths), Table(_rows(style, TASKS[1:]), colWidths=widths)
    for t in (head, body):
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    filler = [Paragraph("Nội dung kế hoạch.", style)] * 25
    src = _read(_build(tmp_path / "orphan.pdf", [*filler, head, PageBreak(), body], running="Kế hoạch"))
    assert [(g.page, g.n_rows) for g in src.grids] == [(1, 1), (2, 3)]
    rows = interpret(src.grids).rows
    assert [r.stt for r in rows] == ["1", "2"] and {r.method for r in rows} == {"pdf-text"}
    assert not any("columns_unrecognised" in r.flags for r in rows)


def test_banded_rows_without_rules_are_read_from_words(tmp_path, style):
    """Alternating row shading and no rules: the shading makes boxes a row wide (no plan table),
    which must not stop the table being read from its words."""
    t = Table(_rows(style, TASKS), colWidths=[40, 330, 140, 170, 80])
    t.setStyle(TableStyle([("ROWBACKGROUNDS", (0, 0), (-1, -1), ["lightgrey", "whitesmoke"]),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    src = _read(_build(tmp_path / "banded.pdf", [Paragraph("DANH MỤC CÁC NHIỆM VỤ CỤ THỂ", style), t]))
    res = interpret(src.grids)
    assert [r.stt for r in res.rows] == ["1", "2"] and res.warnings == []


def test_columns_ruled_and_rows_not(tmp_path, style):
    """Only the columns (and the box and the header) ruled: the lattice holds the whole body in one
    row, whose STT cell lists every number; the rows are cut from the words in the ruled columns."""
    t = Table(_rows(style, TASKS), colWidths=[40, 330, 140, 170, 80])
    t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, "black"), ("LINEAFTER", (0, 0), (-2, -1), 0.5, "black"),
                           ("LINEBELOW", (0, 0), (-1, 0), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    src = _read(_build(tmp_path / "columns.pdf", [Paragraph("DANH MỤC CÁC NHIỆM VỤ CỤ THỂ", style), t]))
    rows = interpret(src.grids).rows
    assert [(r.stt, r.section) for r in rows] == [("1", "I"), ("2", "I")]
    assert rows[1].cells["lead"] == "Văn phòng HĐND và\nUBND xã" and rows[1].method == "pdf-text"

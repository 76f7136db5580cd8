"""Numbers and days stamped by e-signature widgets are read where the rendered page shows them.

The test builds a signed-style page with reportlab: the text layer prints "Số:      /TB-UBND"
and "ngày      tháng 4 năm 2026" with blanks, and AcroForm text fields (widgets with an
appearance stream, as SmartCA/VGCA stamps are) draw "1696" in the number's blank, "15" in the
day's and "5" over the printed month "4".
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from helpers import FONT

from kehoach.parsers.header import parse_header
from kehoach.parsers.pdf_tables import parse_pdf
from kehoach.parsers.pdf_widgets import widget_boxes, with_widget_text
from kehoach.parsers.pdfium_page import View, read_page


def _signed_page(path: Path, stamps: bool = True) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("DejaVuSans", 12)
    c.drawString(100, 780, "ỦY BAN NHÂN DÂN")
    c.drawString(290, 780, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    c.drawString(112, 764, "TỈNH LÀO CAI")
    c.drawString(320, 764, "Độc lập - Tự do - Hạnh phúc")
    c.drawString(100, 736, "Số:")
    c.drawString(150, 736, "/TB-UBND")
    c.drawString(300, 736, "Lào Cai, ngày")
    c.drawString(400, 736, "tháng 4 năm 2026")
    c.drawString(260, 700, "THÔNG BÁO")
    c.drawString(180, 682, "Kết luận của Chủ tịch UBND tỉnh")
    c.drawString(90, 650, "Căn cứ Quyết định số 12/QĐ-UBND của UBND tỉnh;")
    if stamps:
        form = c.acroForm
        four = 400 + pdfmetrics.stringWidth("tháng ", "DejaVuSans", 12)  # the printed month the stamp covers
        for name, value, x, w in (("n", "1696", 121, 28), ("d", "15", 380, 18), ("m", "5", four - 2, 12)):
            form.textfield(name=name, value=value, x=x, y=733, width=w, height=16, borderWidth=0,
                           fontName="Helvetica", fontSize=12, fillColor=None, borderColor=None)
    c.showPage()
    c.save()
    return path


def _pages(path: Path):
    pdf = pdfium.PdfDocument(str(path))
    try:
        return parse_pdf(pdf).pages
    finally:
        pdf.close()


def test_stamped_number_and_day_are_read_in_place(tmp_path):
    pages = _pages(_signed_page(tmp_path / "signed.pdf"))
    text = pages[0].text
    assert "1696" in text and "ngày 15 tháng 5 năm 2026" in text
    h = parse_header(pages)
    assert (h.doc_number, h.doc_symbol, h.issue_date, h.doc_type) == ("1696/TB-UBND", "TB-UBND", "2026-05-15",
                                                                       "thông báo")


def test_without_stamps_the_blanks_stay_blank(tmp_path):
    h = parse_header(_pages(_signed_page(tmp_path / "unsigned.pdf", stamps=False)))
    assert (h.doc_number, h.doc_symbol, h.issue_date) == (None, "TB-UBND", "2026-04")
    assert any("number is blank" in w for w in h.warnings)


def test_a_page_without_widgets_is_returned_unchanged(tmp_path):
    path = _signed_page(tmp_path / "plain.pdf", stamps=False)
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        content = read_page(page)
        assert with_widget_text(content, page, 0) is content
        assert widget_boxes(page, View(0, *page.get_size())) == []
    finally:
        pdf.close()


@pytest.mark.parametrize("stamps", [True])
def test_stamp_boxes_are_found(tmp_path, stamps):
    path = _signed_page(tmp_path / "boxes.pdf", stamps=stamps)
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        boxes = widget_boxes(page, View(0, *page.get_size()))
        assert len(boxes) == 3 and all(90 < top < 110 for _, top, _, _ in boxes)
    finally:
        pdf.close()

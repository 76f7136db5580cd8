"""Write a plan as a Word document (python-docx) with its answer key, and print it to PDF with LibreOffice.

The other samples are drawn by reportlab; real plans are typed in Word and
exported, which draws tables differently (borders as cell edges, rows split
across pages, a borderless table for the header block and the signature).
This sample goes through that path. Needs python-docx, and LibreOffice
(`soffice`) to print the PDF; the printed PDF is committed, so tests need neither.

`--borderless` writes the same plan with its appendix tables typed without
borders (sample_06_office_borderless), as many communes do: no lattice, the
columns and rows must be read from where the words stand.

usage: python scripts/make_office_sample.py [--out samples] [--borderless]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

STEM = "sample_05_office"
DOCUMENT = {
    "admin_unit_type": "xã", "admin_unit_name": "Hòa Bình", "province": "Đắk Lắk",
    "issuing_body": "Ủy ban nhân dân xã Hòa Bình", "doc_number": "215/KH-UBND", "doc_symbol": "KH-UBND",
    "issue_date": "2025-11-20", "doc_type": "kế hoạch",
    "title": "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn xã Hòa Bình năm 2026",
    "signer_name": "Trần Văn Bình", "signer_title": "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH",
    "references": ["57-NQ/TW", "88/KH-UBND", "06/QĐ-TTg"], "budget_total": 1350.0, "budget_unit": "triệu đồng",
}
BODIES = {
    "Trung tâm Phục vụ hành chính công": "ttpvhcc", "Văn phòng HĐND và UBND xã": "vp_hdnd_ubnd",
    "Phòng Văn hóa - Xã hội": "phong_vhxh", "Phòng Kinh tế": "phong_kt", "Công an xã": "cong_an",
    "Các cơ quan, đơn vị, các ngành xã": "all_units", "Trạm Y tế xã": "tram_yte",
    "Tổ công nghệ số cộng đồng": "to_cnscd", "Các doanh nghiệp viễn thông": "dn_vienthong",
}
# (section, section title) then rows: stt, name, unit, target/result, lead, coordinating, deadline, kind, indicator key
TABLE = [
    ("A", "CHỈ TIÊU", [
        ("1", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình", "%", "≥ 80",
         ["Trung tâm Phục vụ hành chính công"], ["Văn phòng HĐND và UBND xã", "Phòng Văn hóa - Xã hội"],
         "Năm 2026", "indicator", "dvc_fullprocess_rate"),
        ("2", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử", "%", "≥ 95", ["Trạm Y tế xã"],
         ["Phòng Văn hóa - Xã hội"], "Năm 2026", "indicator", "ehealth_record_rate"),
        ("3", "Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công", "%", "≥ 70",
         ["Trung tâm Phục vụ hành chính công"], ["Các cơ quan, đơn vị, các ngành xã"], "Năm 2026", "indicator",
         "online_payment_rate"),
        ("4", "Xếp hạng chỉ số đánh giá chuyển đổi số (DTI) của xã", "Thứ bậc", "Thuộc nhóm 30 xã dẫn đầu",
         ["Phòng Văn hóa - Xã hội"], ["Các cơ quan, đơn vị, các ngành xã"], "Năm 2026", "indicator", "dti_rank"),
    ]),
    ("B", "NHIỆM VỤ", [
        ("5", "Triển khai hiệu quả Đề án 06 theo Quyết định số 06/QĐ-TTg của Thủ tướng Chính phủ; làm sạch, "
              "cập nhật dữ liệu dân cư, kết nối, chia sẻ dữ liệu với các hệ thống thông tin của tỉnh bảo đảm an "
              "toàn, an ninh thông tin theo quy định", "", "Dữ liệu dân cư được làm sạch, kết nối",
         ["Công an xã"], ["Trung tâm Phục vụ hành chính công", "Tổ công nghệ số cộng đồng"], "Thường xuyên",
         "task", None),
        ("6", "Tổ chức tập huấn kỹ năng số cho cán bộ, công chức và thành viên Tổ công nghệ số cộng đồng", "",
         "Các lớp tập huấn được tổ chức", ["Phòng Văn hóa - Xã hội"], ["Tổ công nghệ số cộng đồng"],
         "Quý II/2026", "task", None),
        ("7", "Phối hợp mở rộng hạ tầng viễn thông, phủ sóng di động 5G tại các thôn, buôn", "",
         "Hạ tầng được mở rộng", ["Phòng Kinh tế"], ["Các doanh nghiệp viễn thông"], "Năm 2026", "task", None),
    ]),
]
BUDGET = [("1", "Mua sắm trang thiết bị phục vụ chuyển đổi số tại Trung tâm Phục vụ hành chính công", 650.0),
          ("2", "Tập huấn kỹ năng số cho cán bộ và Tổ công nghệ số cộng đồng", 200.0),
          ("3", "Số hóa hồ sơ, tài liệu lưu trữ của xã", 500.0)]


def _item(**fields) -> dict:
    base = {k: None for k in ("table", "kind", "section", "section_title", "stt", "name", "unit_of_measure",
                              "target", "expected_result", "deadline", "note", "indicator_key", "amount")}
    base.update({"lead": [], "lead_keys": [], "coordinating": [], "coordinating_keys": [], "monitoring": [],
                 "monitoring_keys": [], "uncertain": []})
    base.update(fields)
    return base


def answer_key(stem: str = STEM) -> dict:
    items = []
    for section, title, rows in TABLE:
        for stt, name, unit, result, lead, coord, deadline, kind, key in rows:
            items.append(_item(
                table="indicators", kind=kind, section=section, section_title=title, stt=stt, name=name,
                unit_of_measure=unit or None, target=result if kind == "indicator" else None,
                expected_result=result if kind == "task" else None, deadline=deadline, indicator_key=key,
                lead=lead, lead_keys=[BODIES[b] for b in lead], coordinating=coord,
                coordinating_keys=[BODIES[b] for b in coord]))
    for stt, name, amount in BUDGET:
        items.append(_item(table="budget", kind="budget", stt=stt, name=name, amount=amount))
    return {"source": f"{stem}.pdf", "document": DOCUMENT, "items": items}


def _center_bold(doc, text: str, bold: bool = True) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(text).bold = bold


def _repeat_header(row) -> None:
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def _fill(cell, text: str, bold: bool = False) -> None:
    lines = text.split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)
    for p in cell.paragraphs:
        for r in p.runs:
            r.bold = bold


def build_docx(path: Path, borders: bool = True) -> None:
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(13)
    head = doc.add_table(rows=2, cols=2)  # the header block, borderless as typed in Word
    _fill(head.cell(0, 0), "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH", bold=True)
    _fill(head.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", bold=True)
    _fill(head.cell(1, 0), "Số: 215/KH-UBND")
    _fill(head.cell(1, 1), "Hòa Bình, ngày 20 tháng 11 năm 2025")
    for row in head.rows:
        for c in row.cells:
            for p in c.paragraphs:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _center_bold(doc, "KẾ HOẠCH")
    _center_bold(doc, DOCUMENT["title"])
    for text in [
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
        "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;",
        "Căn cứ Kế hoạch số 88/KH-UBND ngày 10/3/2025 của UBND tỉnh Đắk Lắk về chuyển đổi số;",
        "Ủy ban nhân dân xã Hòa Bình ban hành Kế hoạch phát triển khoa học, công nghệ, đổi mới sáng tạo và "
        "chuyển đổi số năm 2026 trên địa bàn xã, tỉnh Đắk Lắk như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Các chỉ tiêu, nhiệm vụ cụ thể tại Phụ lục I; kinh phí thực hiện tại Phụ lục II kèm theo Kế hoạch này.",
    ]:
        doc.add_paragraph(text)
    sign = doc.add_table(rows=1, cols=2)
    _fill(sign.cell(0, 0), "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.")
    _fill(sign.cell(0, 1), "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\n\nTrần Văn Bình", bold=True)
    for p in sign.cell(0, 1).paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for text in ("Phụ lục I", "DANH MỤC CÁC CHỈ TIÊU, NHIỆM VỤ",
                 "(Kèm theo Kế hoạch số 215/KH-UBND của UBND xã Hòa Bình)"):
        _center_bold(doc, text)
    names = ["TT", "Nội dung", "ĐVT", "Chỉ tiêu năm 2026", "Cơ quan chủ trì", "Cơ quan phối hợp",
             "Thời gian hoàn thành"]
    table = doc.add_table(rows=1, cols=len(names))
    if borders:
        table.style = "Table Grid"
    for k, name in enumerate(names):
        _fill(table.rows[0].cells[k], name, bold=True)
    _repeat_header(table.rows[0])
    for section_code, title, rows in TABLE:
        cells = table.add_row().cells
        _fill(cells[0], section_code, bold=True)
        _fill(cells[1].merge(cells[-1]), title, bold=True)
        for stt, name, unit, result, lead, coord, deadline, _, _ in rows:
            cells = table.add_row().cells
            for k, text in enumerate([stt, name, unit, result, "\n".join(lead), "; ".join(coord), deadline]):
                _fill(cells[k], text)
    widths = [Cm(1.2), Cm(8), Cm(1.6), Cm(3.2), Cm(3.6), Cm(4.2), Cm(2.8)]
    for row in table.rows:
        for k, c in enumerate(row.cells):
            c.width = widths[k]

    doc.add_page_break()
    for text in ("Phụ lục II", "DỰ TOÁN KINH PHÍ THỰC HIỆN KẾ HOẠCH",
                 "(Kèm theo Kế hoạch số 215/KH-UBND của UBND xã Hòa Bình)"):
        _center_bold(doc, text)
    doc.add_paragraph("Đơn vị tính: triệu đồng").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    budget = doc.add_table(rows=1, cols=3)
    if borders:
        budget.style = "Table Grid"
    for k, name in enumerate(["STT", "Nội dung", "Kinh phí"]):
        _fill(budget.rows[0].cells[k], name, bold=True)
    for stt, name, amount in BUDGET:
        cells = budget.add_row().cells
        for k, text in enumerate([stt, name, f"{amount:,.0f}".replace(",", ".")]):
            _fill(cells[k], text)
    cells = budget.add_row().cells
    _fill(cells[1], "Tổng cộng", bold=True)
    _fill(cells[2], f"{DOCUMENT['budget_total']:,.0f}".replace(",", "."), bold=True)
    doc.save(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "samples")
    ap.add_argument("--borderless", action="store_true", help="appendix tables typed without borders")
    a = ap.parse_args()
    stem = f"{STEM[:-len('05_office')]}06_office_borderless" if a.borderless else STEM
    (a.out / "keys").mkdir(parents=True, exist_ok=True)
    (a.out / "office").mkdir(parents=True, exist_ok=True)
    (a.out / "pdf").mkdir(parents=True, exist_ok=True)
    (a.out / "keys" / f"{stem}.json").write_text(json.dumps(answer_key(stem), ensure_ascii=False, indent=1) + "\n",
                                                 encoding="utf-8")
    docx = a.out / "office" / f"{stem}.docx"
    build_docx(docx, borders=not a.borderless)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("make_office_sample: LibreOffice (soffice) is needed to print the PDF")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx)], check=True,
                       capture_output=True, timeout=300)
        shutil.move(Path(tmp) / f"{stem}.pdf", a.out / "pdf" / f"{stem}.pdf")


if __name__ == "__main__":
    main()

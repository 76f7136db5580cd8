#!/usr/bin/env python3
"""Type answer keys (gold format) as Word documents and print them to PDF with LibreOffice.

render_key.py draws keys with reportlab; real plans are typed in Word and
exported, which lays tables out its own way (cell margins, rows split across
pages, repeated header rows, a borderless header block). This script types a
key's content with python-docx, ruled or borderless, and prints it with
LibreOffice (`soffice`), writing the key of what it printed next to the PDF.

`--word-features` types the tables as Word users do: the STT column as automatic
numbering (restarting in each section; the XML holds no digit), a lead cell
repeated on consecutive rows merged down (vMerge), section titles merged across
the row (gridSpan). The printed text, and so the key, stays the same.

usage: python scripts/render_key_office.py KEY.json... --out DIR [--borderless] [--word-features]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_office_sample import _center_bold, _fill, _repeat_header  # noqa: E402
from render_key import signature_lines  # noqa: E402

COLUMNS = {  # field -> (printed name, width in cm)
    "stt": ("STT", 1.2), "name": ("Nội dung", 7.5), "unit": ("Đơn vị tính", 1.8), "result": ("Kết quả", 3.2),
    "lead": ("Đơn vị chủ trì", 3.4), "coord": ("Đơn vị phối hợp", 3.8), "monitor": ("Đơn vị theo dõi, đánh giá", 3.0),
    "deadline": ("Thời gian hoàn thành", 2.6), "note": ("Ghi chú", 2.2), "amount": ("Kinh phí", 2.6),
}
CAPTIONS = {"indicators": "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ", "tasks": "DANH MỤC CÁC NHIỆM VỤ CỤ THỂ",
            "budget": "DỰ TOÁN KINH PHÍ THỰC HIỆN"}


def _value(it: dict, field: str) -> str:
    get = {"unit": "unit_of_measure", "lead": "lead", "coord": "coordinating", "monitor": "monitoring"}
    if field == "result":
        return it.get("target") or it.get("expected_result") or ""
    if field == "amount":
        return f"{it['amount']:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".").removesuffix(",0") \
            if it.get("amount") is not None else ""
    value = it.get(get.get(field, field))
    if isinstance(value, list):
        return "\n".join(value)
    return value or ""


class AutoNumber:
    """Automatic "%1" numbering for the STT column: a new list (restarted) in each section."""

    def __init__(self, doc) -> None:
        self.numbering = doc.part.numbering_part.element
        first_num = self.numbering.find(qn("w:num"))  # schema order: abstract lists before list instances
        (first_num.addprevious if first_num is not None else self.numbering.append)(parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/><w:lvlJc w:val="center"/></w:lvl></w:abstractNum>'))
        self.num_id, self.next = 900, None

    def restart(self) -> None:
        self.next = None

    def fill(self, cell, stt: str) -> bool:
        """Number the cell automatically when `stt` is the next number of the list; False to type it."""
        if not stt.isdigit() or (self.next is not None and int(stt) != self.next):
            return False
        if self.next is None:
            self.num_id += 1
            self.numbering.append(parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{self.num_id}"><w:abstractNumId w:val="90"/>'
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{stt}"/></w:lvlOverride></w:num>'))
        cell.text = ""
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{self.num_id}"/></w:numPr>'))
        self.next = int(stt) + 1
        return True


def _merge_repeats(grid, column: int, first_row: int) -> None:
    """Merge runs of equal, non-empty cells down `column` (vMerge), the text kept once."""
    rows = grid.rows
    r = first_row
    while r < len(rows):
        text = rows[r].cells[column].text
        end = r
        while text.strip() and end + 1 < len(rows) and rows[end + 1].cells[column].text == text \
                and rows[end + 1].cells[column]._tc is not rows[end].cells[column]._tc:
            end += 1
        if end > r:
            for k in range(r + 1, end + 1):
                rows[k].cells[column].text = ""
            merged = rows[r].cells[column].merge(rows[end].cells[column])
            while len(merged.paragraphs) > len(text.split("\n")) and not merged.paragraphs[-1].text:
                merged._tc.remove(merged.paragraphs[-1]._p)
        r = end + 1


def build(key: dict, path: Path, borders: bool, word_features: bool = False) -> None:
    d = key["document"]
    t, name = d["admin_unit_type"] or "xã", d["admin_unit_name"] or ""
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(13)
    auto = AutoNumber(doc) if word_features else None
    head = doc.add_table(rows=2, cols=2)
    _fill(head.cell(0, 0), f"ỦY BAN NHÂN DÂN\n{t.upper()} {name.upper()}", bold=True)
    _fill(head.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", bold=True)
    number = d.get("doc_number") or f"      /{d.get('doc_symbol') or 'KH-UBND'}"
    _fill(head.cell(1, 0), f"Số: {number}")
    date = (d.get("issue_date") or "2025").split("-")
    day = f"ngày {date[2]}" if len(date) > 2 else "ngày      "
    month = f"tháng {int(date[1])}" if len(date) > 1 else "tháng      "
    _fill(head.cell(1, 1), f"{name}, {day} {month} năm {date[0]}")
    for row in head.rows:
        for c in row.cells:
            for p in c.paragraphs:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _center_bold(doc, "KẾ HOẠCH")
    if d.get("title"):
        _center_bold(doc, d["title"])
    for ref in d.get("references") or []:
        doc.add_paragraph(f"Căn cứ văn bản số {ref} của cấp có thẩm quyền;")
    area = f"{t} {name}" + (f", tỉnh {d['province']}" if d.get("province") else "")
    doc.add_paragraph(f"{d.get('issuing_body') or 'UBND'} ban hành Kế hoạch triển khai trên địa bàn {area} như sau:")
    doc.add_paragraph("Các chỉ tiêu, nhiệm vụ cụ thể tại các Phụ lục kèm theo Kế hoạch này.")
    sign = doc.add_table(rows=1, cols=2)
    _fill(sign.cell(0, 0), "Nơi nhận:\n- Như trên;\n- Lưu: VT.")
    title = signature_lines(d.get("signer_title") or "CHỦ TỊCH")
    _fill(sign.cell(0, 1), "\n".join([*title, "", "", d.get("signer_name") or ""]), bold=True)
    for p in sign.cell(0, 1).paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for k, table in enumerate(("indicators", "tasks", "budget")):
        items = [it for it in key["items"] if it["table"] == table]
        if not items:
            continue
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        if section.page_width < section.page_height:
            section.page_width, section.page_height = section.page_height, section.page_width
        for text in (f"Phụ lục {('I', 'II', 'III')[k]}", CAPTIONS[table]):
            _center_bold(doc, text)
        if table == "budget":
            doc.add_paragraph("Đơn vị tính: triệu đồng").alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fields = [f for f in COLUMNS if f in ("stt", "name") or any(_value(it, f) for it in items)]
        grid = doc.add_table(rows=1, cols=len(fields))
        if borders:
            grid.style = "Table Grid"
        for c, f in enumerate(fields):
            _fill(grid.rows[0].cells[c], COLUMNS[f][0], bold=True)
        _repeat_header(grid.rows[0])
        current = (None, None)
        for it in items:
            if (it["section"], it["section_title"]) != current:
                current = (it["section"], it["section_title"])
                if auto is not None:
                    auto.restart()
                if current != (None, None):
                    cells = grid.add_row().cells
                    _fill(cells[0], current[0] or "", bold=True)
                    _fill(cells[1].merge(cells[-1]), current[1] or "", bold=True)
            cells = grid.add_row().cells
            for c, f in enumerate(fields):
                if f == "stt" and auto is not None and auto.fill(cells[c], it.get("stt") or ""):
                    continue
                _fill(cells[c], it.get("stt") or "" if f == "stt" else _value(it, f))
        if table == "budget" and d.get("budget_total") is not None:
            cells = grid.add_row().cells
            _fill(cells[1], "Tổng cộng", bold=True)
            _fill(cells[fields.index("amount")], _value({"amount": d["budget_total"]}, "amount"), bold=True)
        if word_features and "lead" in fields:
            _merge_repeats(grid, fields.index("lead"), 1)
        scale = 25.0 / sum(COLUMNS[f][1] for f in fields)
        for row in grid.rows:
            for c, cell in enumerate(row.cells):
                cell.width = Cm(COLUMNS[fields[c]][1] * scale)
    doc.save(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("keys", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--borderless", action="store_true")
    ap.add_argument("--word-features", action="store_true",
                    help="automatic STT numbering and vertically merged lead cells, as Word users type them")
    args = ap.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("render_key_office: LibreOffice (soffice) is needed to print the PDF")
    for sub in ("pdf", "keys", "office"):
        (args.out / sub).mkdir(parents=True, exist_ok=True)
    for path in args.keys:
        key = json.loads(path.read_text(encoding="utf-8"))
        stem = f"{path.stem}_{'borderless' if args.borderless else 'ruled'}{'_word' if args.word_features else ''}"
        docx = args.out / "office" / f"{stem}.docx"
        build(key, docx, borders=not args.borderless, word_features=args.word_features)
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx)], check=True,
                           capture_output=True, timeout=300)
            shutil.move(Path(tmp) / f"{stem}.pdf", args.out / "pdf" / f"{stem}.pdf")
        printed = dict(key, source=f"{stem}.pdf")
        printed["document"] = dict(key["document"], signer_title=" ".join(
            signature_lines(key["document"].get("signer_title") or "CHỦ TỊCH")))
        (args.out / "keys" / f"{stem}.json").write_text(json.dumps(printed, ensure_ascii=False, indent=1) + "\n",
                                                       encoding="utf-8")
        print(stem)


if __name__ == "__main__":
    main()

"""Text that form and signature widgets draw over a page, put among the page's characters.

Documents signed with a digital certificate (SmartCA, VGCA) leave the number and the
day blank in the text layer ("Số:   /TB-UBND", "ngày   tháng") and the signing tool
stamps them in widget annotations drawn over the blanks. A reader of the rendered page
sees the stamped values; a text extractor does not. Here the page is copied into a
scratch document, its annotations flattened into its content (PDFium draws each
widget's appearance stream, as a viewer does), and the characters that the
flattening added inside a widget's box are read. A printed character that a stamped
one is drawn over is hidden by it (a month stamped over a pre-printed one), so it is
dropped: the page text then reads as the page looks.
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from kehoach import settings
from kehoach.parsers.pdfium_page import PageContent, View, read_chars

# annotation kinds whose drawn text belongs on the page: form/signature widgets and free text
_TEXT_ANNOTS = (raw.FPDF_ANNOT_WIDGET, raw.FPDF_ANNOT_FREETEXT)
SAME_CHAR = settings.WIDGET_SAME_CHAR
LINE_OVERLAP = settings.WIDGET_LINE_OVERLAP
COVERED_SHARE = settings.WIDGET_COVERED_SHARE


def _draws_text(annot) -> bool:
    """Whether the annotation's appearance holds a text object (a stamp), not only an image (a seal)."""
    stack = [raw.FPDFAnnot_GetObject(annot, k) for k in range(raw.FPDFAnnot_GetObjectCount(annot))]
    while stack:
        obj = stack.pop()
        if not obj:
            continue
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            return True
        if kind == raw.FPDF_PAGEOBJ_FORM:
            stack.extend(raw.FPDFFormObj_GetObject(obj, j) for j in range(raw.FPDFFormObj_CountObjects(obj)))
    return False


def widget_boxes(page: pdfium.PdfPage, view: View) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, top, x1, bottom on the shown page) of the annotations that draw text."""
    boxes = []
    rect = raw.FS_RECTF()
    height = view.size[1]
    for k in range(raw.FPDFPage_GetAnnotCount(page.raw)):
        annot = raw.FPDFPage_GetAnnot(page.raw, k)
        try:
            if raw.FPDFAnnot_GetSubtype(annot) not in _TEXT_ANNOTS or not _draws_text(annot):
                continue
            if not raw.FPDFAnnot_GetRect(annot, ctypes.byref(rect)):
                continue
            (xa, ya), (xb, yb) = view.point(rect.left, rect.bottom), view.point(rect.right, rect.top)
            boxes.append((min(xa, xb), height - max(ya, yb), max(xa, xb), height - min(ya, yb)))
        finally:
            raw.FPDFPage_CloseAnnot(annot)
    return boxes


def _inside(ch: dict, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _covers(stamp: dict, ch: dict) -> bool:
    """Whether a stamped character is drawn over a printed one (most of its width, on its line)."""
    overlap = min(stamp["x1"], ch["x1"]) - max(stamp["x0"], ch["x0"])
    same_line = min(stamp["bottom"], ch["bottom"]) - max(stamp["top"], ch["top"]) > 0
    return same_line and ch["text"] != " " and overlap > COVERED_SHARE * max(ch["x1"] - ch["x0"], 0.1)


def _on_printed_line(stamp: dict, printed: list[dict]) -> dict:
    """The stamp set on the baseline of the printed line it is drawn in, so the two read as one line.

    A widget's text sits a point or two off the line it fills; the printed character
    nearest to it whose height overlaps it gives the line's top, bottom and size.
    """
    height = stamp["bottom"] - stamp["top"]
    near = [p for p in printed if p["text"] != " "
            and min(p["bottom"], stamp["bottom"]) - max(p["top"], stamp["top"]) > LINE_OVERLAP * height]
    if not near:
        return stamp
    p = min(near, key=lambda c: min(abs(c["x0"] - stamp["x1"]), abs(stamp["x0"] - c["x1"])))
    return {**stamp, "top": p["top"], "bottom": p["bottom"], "doctop": p["doctop"], "size": p["size"],
            "height": p["height"]}


def stamped_chars(pdf: pdfium.PdfDocument, index: int, view: View, printed: list[dict],
                  boxes: list[tuple[float, float, float, float]]) -> list[dict]:
    """The characters the widgets draw: flatten a copy of the page, keep the new ones inside a widget box."""
    scratch = pdfium.PdfDocument.new()
    try:
        scratch.import_pages(pdf, [index])
        page = scratch[0]
        raw.FPDFPage_Flatten(page.raw, raw.FLAT_PRINT)
        page.close()
        page = scratch[0]  # reloaded: the flattened content is read afresh
        try:
            drawn = read_chars(page, view)
        finally:
            page.close()
    finally:
        scratch.close()

    def printed_here(ch: dict) -> bool:
        return any(p["text"] == ch["text"] and abs(p["x0"] - ch["x0"]) <= SAME_CHAR
                   and abs(p["top"] - ch["top"]) <= SAME_CHAR for p in printed)

    return [ch for ch in drawn if any(_inside(ch, b) for b in boxes) and not printed_here(ch)]


def with_widget_text(content: PageContent, page: pdfium.PdfPage, index: int) -> PageContent:
    """The page's characters as the rendered page shows them: widget stamps in, what they cover out.

    A page without text-drawing widgets is returned unchanged (no copy is made).
    """
    rotation = page.get_rotation() % 360
    rotation = rotation if rotation in (90, 180, 270) else 0
    shown = page.get_size()
    width, height = (shown[1], shown[0]) if rotation in (90, 270) else shown
    view = View(rotation, width, height)
    boxes = widget_boxes(page, view)
    if not boxes:
        return content
    try:
        stamps = stamped_chars(page.pdf, index, view, content.chars, boxes)
    except (pdfium.PdfiumError, ValueError, OSError):
        return content  # a page PDFium cannot copy or flatten keeps its text layer as it is
    if not stamps:
        return content
    kept = [ch for ch in content.chars if not any(_covers(s, ch) for s in stamps)]
    stamps = [_on_printed_line(s, kept) for s in stamps]
    return PageContent(width=content.width, height=content.height, chars=kept + stamps, edges=content.edges,
                       images=content.images)

"""Read a PDF page's characters and ruling lines with PDFium (pypdfium2).

pdfplumber's own page parsing (pdfminer in pure Python) is most of the cost of
reading a long appendix; PDFium reads the same characters and path segments in
C++, an order of magnitude faster. The output has pdfplumber's shapes (char
dicts with x0/x1/top/bottom, edge dicts with an orientation), so pdfplumber's
pure functions (word grouping, text layout, the lattice table finder) work on
it unchanged.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

# share of the font size above and below the baseline given to every character's box
ASCENT, DESCENT = 0.8, 0.2
ORTHOGONAL_TOLERANCE = 0.5  # points: a segment this close to level/plumb is a ruling line
_FONT_BUF = 128
FORCE_BOLD = 1 << 18  # PDF font descriptor flag ForceBold


@dataclass(frozen=True, slots=True)
class View:
    """How the page is shown: its /Rotate (0, 90, 180, 270, clockwise) over an unrotated W x H page.

    PDFium reports characters and paths in the page's own space; a page stored
    portrait with /Rotate 90 shows its landscape table upright, so every point is
    taken to the shown page, whose width and height are swapped for 90 and 270.
    """

    rotation: int
    width: float  # of the unrotated page
    height: float

    @property
    def size(self) -> tuple[float, float]:
        return (self.height, self.width) if self.rotation in (90, 270) else (self.width, self.height)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A page-space point (y up) on the shown page (y up)."""
        w, h = self.width, self.height
        if self.rotation == 90:
            return y, w - x
        if self.rotation == 180:
            return w - x, h - y
        if self.rotation == 270:
            return h - y, x
        return x, y


@dataclass(slots=True)
class PageContent:
    width: float
    height: float
    chars: list[dict]
    edges: list[dict]
    images: int = 0


def read_chars(page: pdfium.PdfPage, view: View) -> list[dict]:
    """Every printed character (not PDFium's generated spaces and line ends) with its box on the shown page.

    The page's text comes out in one call; per character only its box, baseline,
    size and weight are asked for, on the raw handle (this loop is the hot path).
    """
    height = view.size[1]
    turn = view.point if view.rotation else None
    textpage = page.get_textpage()
    try:
        n = textpage.count_chars()
        text = textpage.get_text_range(0, n) if n else ""
        handle = textpage.raw
        rect = raw.FS_RECTF()
        buf = (ctypes.c_char * _FONT_BUF)()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        flags = ctypes.c_int()
        flags_p = ctypes.byref(flags)
        rect_p, ox_p, oy_p = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
        chars: list[dict] = []
        fonts: dict[tuple[bytes, int], str] = {}
        # get_text_range counts UTF-16 code units; past the BMP the index shifts, so fall back to per-char
        aligned = len(text) == n
        for i in range(n):
            code = ord(text[i]) if aligned else raw.FPDFText_GetUnicode(handle, i)
            if code == 0xFFFE:  # PDFium's mark for a hyphen it saw at a line end: the hyphen is printed
                code = 0x2D
            if code in (0, 10, 13, 0xFFFF):
                continue
            if code == 32 and raw.FPDFText_IsGenerated(handle, i) == 1:
                continue
            raw.FPDFText_GetLooseCharBox(handle, i, rect_p)
            raw.FPDFText_GetCharOrigin(handle, i, ox_p, oy_p)
            size = raw.FPDFText_GetFontSize(handle, i)
            # the font's name for every character: weights are often unset, and a cache keyed on
            # size would give a regular line the name of a bold one of the same size
            n_name = raw.FPDFText_GetFontInfo(handle, i, buf, _FONT_BUF, flags_p)
            key = (bytes(buf[: max(0, min(n_name, _FONT_BUF) - 1)]), flags.value & FORCE_BOLD)
            font = fonts.get(key)
            if font is None:
                font = fonts[key] = key[0].decode("utf-8", "replace") + ("-Bold" if key[1] else "")
            if turn is None:
                left, right, oy_shown = rect.left, rect.right, oy.value
            else:
                (left, _), (right, _) = turn(rect.left, rect.bottom), turn(rect.right, rect.top)
                oy_shown = turn(ox.value, oy.value)[1]
            x0, x1 = (left, right) if left <= right else (right, left)
            # vertical extent from the baseline, as pdfplumber does from the font's ascent and descent:
            # glyph boxes vary with accents ("Ủ" is taller than "y"), baselines do not
            baseline = height - oy_shown
            top = baseline - ASCENT * size
            chars.append({
                "text": chr(code), "x0": x0, "x1": x1, "top": top, "bottom": baseline + DESCENT * size,
                "doctop": top, "width": x1 - x0, "height": size, "size": size, "upright": True, "fontname": font,
            })
        return chars
    finally:
        textpage.close()


def _edge(x0: float, y0: float, x1: float, y1: float, height: float) -> dict | None:
    if abs(y0 - y1) <= ORTHOGONAL_TOLERANCE:
        left, right = sorted((x0, x1))
        top = height - (y0 + y1) / 2
        return {"x0": left, "x1": right, "top": top, "bottom": top, "width": right - left, "height": 0.0,
                "orientation": "h", "object_type": "line"}
    if abs(x0 - x1) <= ORTHOGONAL_TOLERANCE:
        low, high = sorted((y0, y1))
        x = (x0 + x1) / 2
        return {"x0": x, "x1": x, "top": height - high, "bottom": height - low, "width": 0.0,
                "height": high - low, "orientation": "v", "object_type": "line"}
    return None


def read_edges(page: pdfium.PdfPage, view: View) -> list[dict]:
    """Level and plumb segments of every path (ruled lines, thin filled rectangles, cell borders)."""
    height = view.size[1]
    edges: list[dict] = []
    matrix = raw.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=4):
        handle = obj.raw
        if not raw.FPDFPageObj_GetMatrix(handle, ctypes.byref(matrix)):
            continue
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        start = prev = None
        for k in range(raw.FPDFPath_CountSegments(handle)):
            seg = raw.FPDFPath_GetPathSegment(handle, k)
            raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
            point = view.point(a * x.value + c * y.value + e, b * x.value + d * y.value + f)
            kind = raw.FPDFPathSegment_GetType(seg)
            if kind == raw.FPDF_SEGMENT_MOVETO:
                start = prev = point
                continue
            if kind == raw.FPDF_SEGMENT_LINETO and prev is not None:
                edge = _edge(*prev, *point, height)
                if edge:
                    edges.append(edge)
            prev = point
            if raw.FPDFPathSegment_GetClose(seg) and start is not None:
                edge = _edge(*point, *start, height)
                if edge:
                    edges.append(edge)
                prev = start
    return edges


def read_page(page: pdfium.PdfPage) -> PageContent:
    shown = page.get_size()  # PDFium reports the page as shown, /Rotate applied
    rotation = page.get_rotation() % 360
    rotation = rotation if rotation in (90, 180, 270) else 0
    width, height = (shown[1], shown[0]) if rotation in (90, 270) else shown
    view = View(rotation, width, height)
    shown_w, shown_h = view.size
    chars = read_chars(page, view)
    # images matter only on a page without text (a scanned page among digital ones): count them there
    images = 0 if chars else sum(1 for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=4))
    return PageContent(width=shown_w, height=shown_h, chars=chars, edges=read_edges(page, view), images=images)

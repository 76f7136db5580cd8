"""Page text of a Word document: paragraphs and layout tables as lines with a synthetic geometry.

A .docx has no pages before printing. The header parser reads columns (the
issuing body left, the motto right, the signature under its title) from line
geometry, so each line gets one: x from its alignment and from the layout-table
column it sits in, top from reading order. The header block and the signature
of a Word plan are borderless layout tables (`is_layout_table`): their cells
are placed left and right, as printed, not read as plan tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from docx.oxml.ns import qn
from lxml import etree

from kehoach import settings
from kehoach.normalize.text import fold
from kehoach.parsers.columns import find_header
from kehoach.parsers.docx_xml import Styles, children, grid_span
from kehoach.parsers.grid import Grid, TextLine

_CENTER = {"center", "both-center"}
_RIGHT = {"right", "end"}
# header-block and signature marks: a table holding them is page layout, not a plan table
_LAYOUT_MARKS = re.compile(r"^(?:cong hoa xa hoi|doc lap - tu do|so\s*:|noi nhan|tm\.|t/m|kt\.|k/t)")


@dataclass(slots=True)
class Para:
    """One paragraph as printed: its lines (w:br splits), alignment, bold, indent."""

    lines: list[str]
    align: str = "left"
    bold: bool = False
    indent: float = 0.0


def borderless(tbl: etree._Element, styles: Styles) -> bool:
    """No border drawn on the table itself, nor by its style (python-docx's default "Normal Table")."""
    tblpr = tbl.find(qn("w:tblPr"))
    own = tblpr.find(qn("w:tblBorders")) if tblpr is not None else None
    style_el = tblpr.find(qn("w:tblStyle")) if tblpr is not None else None
    style = style_el.get(qn("w:val")) if style_el is not None else None
    borders = own if own is not None else styles.first(style, f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    if borders is None:
        # borders may be set cell by cell
        return not any(tc.find(f"{qn('w:tcPr')}/{qn('w:tcBorders')}") is not None for tc in tbl.iter(qn("w:tc")))
    return all((b.get(qn("w:val")) or "nil") in ("nil", "none") for b in borders)


def is_layout_table(grid: Grid, borderless: bool) -> bool:
    """A table that lays out page text (the header block, the signature), not a plan table.

    No known column names, and either it is borderless and narrow (two or three
    columns, as Decree 30 header blocks and signatures are typed), or it holds
    the header block's or the signature's own marks ("CỘNG HÒA ...", "Số:",
    "Nơi nhận", "TM.").
    """
    if find_header(grid) is not None:
        return False
    marks = any(_LAYOUT_MARKS.match(fold(line).strip()) for c in grid.cells for line in c.text.split("\n"))
    narrow = grid.n_cols <= settings.DOCX_LAYOUT_MAX_COLS and grid.n_rows <= settings.DOCX_LAYOUT_MAX_ROWS
    return (marks or (borderless and narrow)) and not _numbered(grid)


_ROW_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")


def _numbered(grid: Grid) -> bool:
    return sum(1 for c in grid.cells if _ROW_NUMBER.match(c.text.strip())) >= 2


# --- page text ----------------------------------------------------------------------------
class PageLayout:
    """Lines in reading order with a synthetic geometry: one line height per line, x from alignment."""

    def __init__(self) -> None:
        self.lines: list[TextLine] = []
        self.top = settings.DOCX_MARGIN

    def add(self, text: str, left: float, right: float, align: str, bold: bool, top: float | None = None,
            indent: float = 0.0) -> None:
        text = " ".join(text.split())
        if not text:
            return
        width = min(right - left, len(text) * settings.DOCX_CHAR_WIDTH)
        if align in _CENTER:
            x0 = (left + right - width) / 2
        elif align in _RIGHT:
            x0 = right - width
        else:
            x0 = min(left + indent, right - width)
        y = self.top if top is None else top
        self.lines.append(TextLine(text=text, x0=x0, top=y, x1=x0 + width, bottom=y + settings.DOCX_LINE_HEIGHT,
                                   bold=bold))

    def paragraph(self, para: Para) -> None:
        for line in para.lines:
            if line.strip():
                self.add(line, settings.DOCX_MARGIN, settings.DOCX_PAGE_WIDTH - settings.DOCX_MARGIN, para.align,
                         para.bold, indent=para.indent)
                self.top += settings.DOCX_LINE_HEIGHT

    def layout_table(self, tbl: etree._Element, paragraph: Callable[[etree._Element], Para]) -> None:
        """Each cell's lines placed in its column's share of the width, rows one under another."""
        rows = children(tbl, "w:tr")
        n_cols = max((sum(grid_span(tc) for tc in children(tr, "w:tc")) for tr in rows), default=1) or 1
        left_edge, right_edge = settings.DOCX_MARGIN, settings.DOCX_PAGE_WIDTH - settings.DOCX_MARGIN
        col_w = (right_edge - left_edge) / n_cols
        for tr in rows:
            col, height = 0, 0
            start = self.top
            placed: list[tuple[float, TextLine]] = []
            for tc in children(tr, "w:tc"):
                span = grid_span(tc)
                left, right = left_edge + col * col_w, left_edge + (col + span) * col_w
                k = 0
                for child in tc:
                    if child.tag != qn("w:p"):
                        continue
                    para = paragraph(child)
                    for line in para.lines:
                        if line.strip():
                            self.add(line, left, right, para.align, para.bold,
                                     top=start + k * settings.DOCX_LINE_HEIGHT, indent=para.indent)
                            placed.append((self.lines[-1].top, self.lines[-1]))
                            k += 1
                height = max(height, k)
                col += span
            # reading order of a printed page: by line, then left to right
            if placed:
                del self.lines[-len(placed):]
                self.lines.extend(ln for _, ln in sorted(placed, key=lambda p: (p[0], p[1].x0)))
            self.top = start + max(height, 1) * settings.DOCX_LINE_HEIGHT

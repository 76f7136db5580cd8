"""Word documents (.docx) -> the common `ParsedSource`: body tables as `Grid`s, paragraphs as page text.

Read at the XML level (python-docx only opens the package): the body's `w:p`
and `w:tbl` in reading order. A table cell's paragraphs are joined with '\\n';
`gridSpan` becomes col_span and `vMerge` (restart, then continue) row_span, so
the one interpreter sees a Word table as it sees a ruled PDF table. Automatic
numbering is rendered as printed (docx_numbering), since real plans leave the
STT column empty in the XML. A table nested in a cell is flattened into that
cell's text (row by row), as it prints inside the cell: the interpreter reads
one grid per table and a nested box is part of its cell's content.

A Word document has no pages until it is printed: everything is page 1. The
paragraphs, footnotes and layout tables (header block, signature) become page
text with a synthetic geometry (docx_layout). Cell boxes are table coordinates
(x = column, y = row), so a row's provenance names its table row and column.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document as open_docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from kehoach import settings
from kehoach.errors import DamagedInput, EncryptedInput, UnsupportedInput
from kehoach.ingest.discover import office_format
from kehoach.ingest.office import CONVERTIBLE, converted_to_docx
from kehoach.parsers.docx_layout import PageLayout, Para, borderless, is_layout_table
from kehoach.parsers.docx_numbering import Numbering
from kehoach.parsers.docx_xml import Styles, children, load_styles, on, runs_text, twips, val
from kehoach.parsers.grid import Cell, Grid, PageText, ParsedSource

METHOD = "docx"


class DocxReader:
    """One document: its numbering counters and styles, read once, applied in reading order."""

    def __init__(self, numbering: Numbering, styles: Styles) -> None:
        self.numbering = numbering
        self.styles = styles

    # -- paragraphs ----------------------------------------------------------------------
    def paragraph(self, p: etree._Element) -> Para:
        ppr = p.find(qn("w:pPr"))
        style_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style = style_el.get(qn("w:val")) if style_el is not None else None
        label = self._label(ppr, style)
        lines = runs_text(p).split("\n")
        if label:
            lines[0] = f"{label} {lines[0].lstrip()}".rstrip()
        jc = ppr.find(qn("w:jc")) if ppr is not None else None
        if jc is None:
            jc = self.styles.first(style, f"{qn('w:pPr')}/{qn('w:jc')}")
        ind = ppr.find(qn("w:ind")) if ppr is not None else None
        indent = twips(ind.get(qn("w:left")) or ind.get(qn("w:start"))) if ind is not None else 0.0
        return Para(lines=lines, align=jc.get(qn("w:val"), "left") if jc is not None else "left",
                     bold=self._bold(p, style), indent=indent)

    def _label(self, ppr: etree._Element | None, style: str | None) -> str:
        """The automatic number printed before the paragraph: its own numPr, else its style's."""
        num = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id = val(num.find(qn("w:numId"))) if num is not None else None
        ilvl = val(num.find(qn("w:ilvl"))) if num is not None else None
        if num_id is None:
            style_num = self.styles.first(style, f"{qn('w:pPr')}/{qn('w:numPr')}")
            if style_num is not None:
                num_id = val(style_num.find(qn("w:numId")))
                ilvl = ilvl or val(style_num.find(qn("w:ilvl")))
        if not num_id or num_id == "0":
            return ""
        return self.numbering.label(num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0)

    def _bold(self, p: etree._Element, style: str | None) -> bool:
        """Every run with text is bold (direct formatting, else the paragraph style's)."""
        style_b = self.styles.first(style, f"{qn('w:rPr')}/{qn('w:b')}")
        style_bold = style_b is not None and on(style_b)
        runs = [r for r in p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
        if not runs:
            return False
        for r in runs:
            b = r.find(f"{qn('w:rPr')}/{qn('w:b')}")
            if not (on(b) if b is not None else style_bold):
                return False
        return True

    # -- tables --------------------------------------------------------------------------
    def cell_text(self, tc: etree._Element) -> str:
        """A cell's paragraphs joined with '\\n'; a nested table flattened row by row into the text."""
        parts: list[str] = []
        for child in tc:
            if child.tag == qn("w:p"):
                parts.extend(self.paragraph(child).lines)
            elif child.tag == qn("w:tbl"):
                for row in self.table_rows(child):
                    parts.append(" ".join(t for t in (c.text.replace("\n", " ").strip() for c in row) if t))
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    parts.append(self.cell_text(content))
        return "\n".join(parts).strip("\n")

    def table_rows(self, tbl: etree._Element) -> list[list[_RawCell]]:
        """Rows of raw cells with their start column and span (gridBefore counted)."""
        rows: list[list[_RawCell]] = []
        for tr in children(tbl, "w:tr"):
            trpr = tr.find(qn("w:trPr"))
            before = trpr.find(qn("w:gridBefore")) if trpr is not None else None
            col = int(val(before) or 0) if before is not None else 0
            cells: list[_RawCell] = []
            for tc in children(tr, "w:tc"):
                tcpr = tc.find(qn("w:tcPr"))
                span_el = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
                span = max(1, int(val(span_el) or 1)) if span_el is not None else 1
                vm = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
                merge = None if vm is None else ("restart" if val(vm) == "restart" else "continue")
                cells.append(_RawCell(col=col, span=span, merge=merge, text=self.cell_text(tc)))
                col += span
            rows.append(cells)
        return rows


@dataclass(slots=True)
class _RawCell:
    col: int
    span: int
    merge: str | None  # None, "restart" or "continue" (w:vMerge)
    text: str


# --- grids --------------------------------------------------------------------------------
def build_grid(rows: list[list[_RawCell]], caption: str) -> Grid:
    """Raw Word rows -> a Grid: gridSpan is col_span, a vMerge continue extends the cell above.

    Boxes are table coordinates (x0 = column, top = row), the only place a Word
    table has; `page` is 1 throughout (a .docx has no pages before printing).
    """
    cells: list[Cell] = []
    n_cols = max((c.col + c.span for row in rows for c in row), default=0)
    open_above: dict[int, Cell] = {}  # start column -> the cell a vMerge continue extends
    for r, row in enumerate(rows):
        for raw in row:
            above = open_above.get(raw.col)
            if raw.merge == "continue" and above is not None and above.col_span == raw.span:
                above.row_span = r - above.row + 1
                above.bbox = (above.col, above.row, above.col + above.col_span, r + 1)
                if raw.text.strip():  # text typed into a merged-away cell still prints: keep it
                    above.text = f"{above.text}\n{raw.text}".strip("\n")
                continue
            cell = Cell(row=r, col=raw.col, text=raw.text, page=1, bbox=(raw.col, r, raw.col + raw.span, r + 1),
                        col_span=raw.span)
            cells.append(cell)
            for k in range(raw.col, raw.col + raw.span):
                open_above.pop(k, None)
            open_above[raw.col] = cell
    return Grid(n_rows=len(rows), n_cols=n_cols, cells=cells, page=1, bbox=None, method=METHOD,
                caption=caption, col_edges=[])


# --- entry points -------------------------------------------------------------------------
def _numbering(doc) -> Numbering:
    try:
        return Numbering(doc.part.numbering_part.element)
    except (KeyError, NotImplementedError, AttributeError):
        return Numbering(None)


def parse_docx(path: Path) -> ParsedSource:
    """A .docx file as page text and grids, in reading order; a broken package is a named failure."""
    try:
        doc = open_docx(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as e:
        raise DamagedInput(f"Word document cannot be opened: {type(e).__name__}: {e}") from None
    styles = load_styles(doc)
    reader = DocxReader(_numbering(doc), styles)
    page = PageLayout()
    grids: list[Grid] = []
    caption: list[str] = []  # page text since the previous plan table: the next table's caption
    for el in _body_blocks(doc.element.body):
        if el.tag == qn("w:p"):
            para = reader.paragraph(el)
            page.paragraph(para)
            caption.extend(ln for ln in para.lines if ln.strip())
            continue
        counters = reader.numbering.save()
        rows = reader.table_rows(el)
        if not any(c.text.strip() for row in rows for c in row):
            continue
        grid = build_grid(rows, "\n".join(caption))
        if is_layout_table(grid, borderless(el, styles)):
            reader.numbering.restore(counters)  # its numbered lines are counted once, as page text
            page.layout_table(el, reader.paragraph)
            continue
        grids.append(grid)
        caption = []
    for note in _notes(doc):  # printed at the foot of the page, after the body text they annotate
        page.paragraph(reader.paragraph(note))
    text = PageText(page=1, lines=page.lines, width=settings.DOCX_PAGE_WIDTH,
                    height=max(page.top + settings.DOCX_MARGIN, settings.DOCX_PAGE_WIDTH))
    return ParsedSource(pages=[text], grids=grids, method=METHOD, page_count=1)


_NOTE_TYPES = ("/footnotes", "/endnotes")


def _notes(doc) -> list[etree._Element]:
    """Paragraphs of the footnotes and endnotes (separators left out).

    Plans cite their legal bases in footnotes too ("Nghị quyết số 10-NQ/TW ...");
    the printed page shows them, so the references must see them.
    """
    out: list[etree._Element] = []
    for rel in doc.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(_NOTE_TYPES):
            continue
        try:
            root = etree.fromstring(rel.target_part.blob)
        except etree.XMLSyntaxError:
            continue
        for note in root:
            if note.get(qn("w:type")) in (None, "normal"):
                out.extend(note.iter(qn("w:p")))
    return out


def _body_blocks(body: etree._Element) -> list[etree._Element]:
    """Paragraphs and tables of the body in reading order, content controls opened."""
    out: list[etree._Element] = []
    for child in body:
        if child.tag in (qn("w:p"), qn("w:tbl")):
            out.append(child)
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            inner = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            if inner is not None:
                out.extend(_body_blocks(inner))
    return out


def parse_office(path: Path) -> ParsedSource:
    """Any OFFICE file (FileKind.OFFICE): .docx read directly, .doc/.odt converted first, others refused."""
    fmt = office_format(path)
    if fmt == "docx":
        return parse_docx(path)
    if fmt in CONVERTIBLE:
        with converted_to_docx(path, fmt) as docx_path:
            source = parse_docx(docx_path)
        source.method = f"{METHOD}-from-{fmt}"
        for g in source.grids:
            g.method = source.method
        return source
    if fmt == "encrypted":
        raise EncryptedInput("the office file is password-protected (an encrypted package): save it without "
                             "a password to read it")
    raise UnsupportedInput(f"{fmt} office files are not supported (Word documents .docx, .doc and .odt only)")

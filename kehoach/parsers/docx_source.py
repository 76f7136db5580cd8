"""Word documents (.docx) -> the common `ParsedSource`: body tables as `Grid`s, paragraphs as page text.

Read at the XML level (python-docx only opens the package): the body's `w:p`
and `w:tbl` in reading order. A table cell's paragraphs are joined with '\\n';
`gridSpan` becomes col_span and `vMerge` (restart, then continue) row_span, so
the one interpreter sees a Word table as it sees a ruled PDF table. Automatic
numbering is rendered as printed (docx_numbering), since real plans leave the
STT column empty in the XML. A table nested in a cell is flattened into that
cell's text (row by row), as it prints inside the cell: the interpreter reads
one grid per table and a nested box is part of its cell's content.

A Word document has no pages until it is printed: everything is page 1, lines
carry a synthetic geometry (x from alignment and from the layout-table column
they sit in, top from order) so the header parser reads the header block as
it reads a PDF's. Cell boxes are table coordinates (x = column, y = row), so a
row's provenance names its table row and column. The header block and the
signature of a Word plan are borderless layout tables; they become page text,
not plan tables (`is_layout_table`).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as open_docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from kehoach import settings
from kehoach.errors import DamagedInput, EncryptedInput, UnsupportedInput
from kehoach.ingest.discover import office_format
from kehoach.ingest.office import CONVERTIBLE, converted_to_docx
from kehoach.normalize.text import fold
from kehoach.parsers.columns import find_header
from kehoach.parsers.docx_numbering import Numbering
from kehoach.parsers.grid import Cell, Grid, PageText, ParsedSource, TextLine

METHOD = "docx"
_CENTER = {"center", "both-center"}
_RIGHT = {"right", "end"}
# header-block and signature marks: a borderless table holding them is page layout, not a plan table
_LAYOUT_MARKS = re.compile(r"^(?:cong hoa xa hoi|doc lap - tu do|so\s*:|noi nhan|tm\.|t/m|kt\.|k/t)")


@dataclass(slots=True)
class _Para:
    """One paragraph as printed: its lines (w:br splits), alignment, bold, indent."""

    lines: list[str]
    align: str = "left"
    bold: bool = False
    indent: float = 0.0


@dataclass(slots=True)
class _Styles:
    """What paragraph styles contribute: numbering, alignment and bold, following basedOn."""

    by_id: dict[str, etree._Element] = field(default_factory=dict)

    def chain(self, style_id: str | None) -> list[etree._Element]:
        out: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            el = self.by_id[style_id]
            out.append(el)
            based = el.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return out

    def first(self, style_id: str | None, path: str) -> etree._Element | None:
        for el in self.chain(style_id):
            found = el.find(path)
            if found is not None:
                return found
        return None


class DocxReader:
    """One document: its numbering counters and styles, read once, applied in reading order."""

    def __init__(self, numbering: Numbering, styles: _Styles) -> None:
        self.numbering = numbering
        self.styles = styles

    # -- paragraphs ----------------------------------------------------------------------
    def paragraph(self, p: etree._Element) -> _Para:
        ppr = p.find(qn("w:pPr"))
        style_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style = style_el.get(qn("w:val")) if style_el is not None else None
        label = self._label(ppr, style)
        lines = _runs_text(p).split("\n")
        if label:
            lines[0] = f"{label} {lines[0].lstrip()}".rstrip()
        jc = ppr.find(qn("w:jc")) if ppr is not None else None
        if jc is None:
            jc = self.styles.first(style, f"{qn('w:pPr')}/{qn('w:jc')}")
        ind = ppr.find(qn("w:ind")) if ppr is not None else None
        indent = _twips(ind.get(qn("w:left")) or ind.get(qn("w:start"))) if ind is not None else 0.0
        return _Para(lines=lines, align=jc.get(qn("w:val"), "left") if jc is not None else "left",
                     bold=self._bold(p, style), indent=indent)

    def _label(self, ppr: etree._Element | None, style: str | None) -> str:
        """The automatic number printed before the paragraph: its own numPr, else its style's."""
        num = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id = _val(num.find(qn("w:numId"))) if num is not None else None
        ilvl = _val(num.find(qn("w:ilvl"))) if num is not None else None
        if num_id is None:
            style_num = self.styles.first(style, f"{qn('w:pPr')}/{qn('w:numPr')}")
            if style_num is not None:
                num_id = _val(style_num.find(qn("w:numId")))
                ilvl = ilvl or _val(style_num.find(qn("w:ilvl")))
        if not num_id or num_id == "0":
            return ""
        return self.numbering.label(num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0)

    def _bold(self, p: etree._Element, style: str | None) -> bool:
        """Every run with text is bold (direct formatting, else the paragraph style's)."""
        style_b = self.styles.first(style, f"{qn('w:rPr')}/{qn('w:b')}")
        style_bold = style_b is not None and _on(style_b)
        runs = [r for r in p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
        if not runs:
            return False
        for r in runs:
            b = r.find(f"{qn('w:rPr')}/{qn('w:b')}")
            if not (_on(b) if b is not None else style_bold):
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
        for tr in _children(tbl, "w:tr"):
            trpr = tr.find(qn("w:trPr"))
            before = trpr.find(qn("w:gridBefore")) if trpr is not None else None
            col = int(_val(before) or 0) if before is not None else 0
            cells: list[_RawCell] = []
            for tc in _children(tr, "w:tc"):
                tcpr = tc.find(qn("w:tcPr"))
                span_el = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
                span = max(1, int(_val(span_el) or 1)) if span_el is not None else 1
                vm = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
                merge = None if vm is None else ("restart" if _val(vm) == "restart" else "continue")
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


def _children(el: etree._Element, tag: str) -> list[etree._Element]:
    """Direct children with `tag`, looking through content controls (w:sdt) and custom XML wrappers."""
    out: list[etree._Element] = []
    for child in el:
        if child.tag == qn(tag):
            out.append(child)
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            inner = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            if inner is not None:
                out.extend(_children(inner, tag))
    return out


def _val(el: etree._Element | None) -> str | None:
    return el.get(qn("w:val")) if el is not None else None


def _on(el: etree._Element) -> bool:
    return (el.get(qn("w:val")) or "true").lower() not in ("0", "false", "off")


def _twips(value: str | None) -> float:
    try:
        return float(value) / 20.0 if value else 0.0
    except ValueError:
        return 0.0


_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _hidden(el: etree._Element) -> bool:
    """A run formatted as hidden text (w:vanish): Word does not print it."""
    if el.tag != qn("w:r"):
        return False
    vanish = el.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
    return vanish is not None and _on(vanish)


def _runs_text(p: etree._Element) -> str:
    """The printed text of a paragraph: w:t, tabs as spaces, breaks as '\\n'.

    Text boxes (w:txbxContent) and the Fallback copy of alternate content are
    skipped: they are drawn elsewhere on the page, not in this line (in real
    drafts, a "DỰ THẢO" stamp). Tracked deletions and moves-from, and hidden
    runs (w:vanish), do not print. Field codes (w:instrText) are another tag,
    never read.
    """
    out: list[str] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if tag in (qn("w:txbxContent"), _FALLBACK, qn("w:del"), qn("w:moveFrom")) or _hidden(child):
                continue
            if tag == qn("w:t"):
                out.append(child.text or "")
            elif tag in (qn("w:tab"), qn("w:ptab")):
                out.append(" ")
            elif tag in (qn("w:br"), qn("w:cr")):
                out.append("\n")
            elif tag == qn("w:noBreakHyphen"):
                out.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(out)


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


def _borderless(tbl: etree._Element, styles: _Styles) -> bool:
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
class _Page:
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

    def paragraph(self, para: _Para) -> None:
        for line in para.lines:
            if line.strip():
                self.add(line, settings.DOCX_MARGIN, settings.DOCX_PAGE_WIDTH - settings.DOCX_MARGIN, para.align,
                         para.bold, indent=para.indent)
                self.top += settings.DOCX_LINE_HEIGHT

    def layout_table(self, reader: DocxReader, tbl: etree._Element) -> None:
        """Each cell's lines placed in its column's share of the width, rows one under another."""
        rows = _children(tbl, "w:tr")
        n_cols = max((sum(_span(tc) for tc in _children(tr, "w:tc")) for tr in rows), default=1) or 1
        left_edge, right_edge = settings.DOCX_MARGIN, settings.DOCX_PAGE_WIDTH - settings.DOCX_MARGIN
        col_w = (right_edge - left_edge) / n_cols
        for tr in rows:
            col, height = 0, 0
            start = self.top
            placed: list[tuple[float, TextLine]] = []
            for tc in _children(tr, "w:tc"):
                span = _span(tc)
                left, right = left_edge + col * col_w, left_edge + (col + span) * col_w
                k = 0
                for child in tc:
                    if child.tag != qn("w:p"):
                        continue
                    para = reader.paragraph(child)
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


def _span(tc: etree._Element) -> int:
    el = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    v = _val(el)
    return int(v) if v and v.isdigit() else 1


# --- entry points -------------------------------------------------------------------------
def _styles(doc) -> _Styles:
    try:
        root = doc.part.styles.element
    except (KeyError, NotImplementedError, AttributeError):
        return _Styles()
    return _Styles({s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))})


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
    styles = _styles(doc)
    reader = DocxReader(_numbering(doc), styles)
    page = _Page()
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
        if is_layout_table(grid, _borderless(el, styles)):
            reader.numbering.restore(counters)  # its numbered lines are counted once, as page text
            page.layout_table(reader, el)
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

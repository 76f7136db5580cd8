"""Born-digital front-end: ruled tables and words of a PDF into the common grid.

PDFium reads the characters and ruling lines (parsers/pdfium_page.py);
pdfplumber's lattice functions turn the lines into cells, exactly as its
"lines" table strategy does. We place each cell on the table's row/column
lattice (so merged cells get spans) and assign every character to its cell in
one pass. Text outside the tables becomes `PageText`, and the lines just above
a table become its caption ("Phụ lục II / DANH MỤC ..."). A page without ruled
tables may still hold an unruled or row-ruled one (parsers/word_grid.py).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
from pdfplumber import utils
from pdfplumber.table import (
    TableSettings,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
    merge_edges,
)
from pdfplumber.utils import extract_text

from kehoach import settings
from kehoach.parsers.columns import Header, find_header, guess_header
from kehoach.parsers.grid import Cell, Grid, PageText, ParsedSource
from kehoach.parsers.kinds import opens_caption
from kehoach.parsers.pdf_text import (
    drop_furniture,
    drop_running_lines,
    group_by_line,
    header_column_split,
    reading_order,
    words_to_lines,
)
from kehoach.parsers.pdf_widgets import with_widget_text
from kehoach.parsers.pdfium_page import PageContent, read_page
from kehoach.parsers.word_grid import (
    ROW_NUMBER,
    ColumnLayout,
    Label,
    WordTable,
    is_page_number,
    rows_in_columns,
    word_tables,
)

if TYPE_CHECKING:  # OpenCV and Tesseract are imported only when a page needs them
    from kehoach.ingest.layer_check import LayerVerdict
    from kehoach.ingest.raster import PageImage
    from kehoach.parsers.ocr.page import OcrPage

METHOD = "pdf-text"
WORDS_METHOD = "pdf-words"  # a table rebuilt from word positions: its geometry is inferred
WORDS_CONFIDENCE = 0.85
TABLE_SETTINGS = TableSettings.resolve({"vertical_strategy": "lines", "horizontal_strategy": "lines"})
EDGE_EPS = 0.5  # points: lattice coordinates closer than this are the same line


def _lattice(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > EDGE_EPS:
            out.append(v)
    return out


def _index(lattice: list[float], v: float) -> int:
    return max(0, bisect_right(lattice, v + EDGE_EPS) - 1)


def find_tables(edges: list[dict]) -> list[list[tuple]]:
    """Cell boxes of each ruled table: pdfplumber's "lines" strategy on the given edges."""
    s = TABLE_SETTINGS
    edges = utils.filter_edges(edges, min_length=s.edge_min_length_prefilter)
    edges = merge_edges(edges, snap_x_tolerance=s.snap_x_tolerance, snap_y_tolerance=s.snap_y_tolerance,
                        join_x_tolerance=s.join_x_tolerance, join_y_tolerance=s.join_y_tolerance)
    edges = utils.filter_edges(edges, min_length=s.edge_min_length)
    points = edges_to_intersections(edges, s.intersection_x_tolerance, s.intersection_y_tolerance)
    return [t for t in cells_to_tables(intersections_to_cells(points)) if len(t) >= 2]


def table_to_grid(boxes: list[tuple], page_chars: list[dict], page_no: int) -> Grid | None:
    """Place a table's cell boxes on a lattice and fill their text."""
    if not boxes:
        return None
    xs = _lattice([b[0] for b in boxes])
    tops = _lattice([b[1] for b in boxes])
    x_right = max(b[2] for b in boxes)
    y_bottom = max(b[3] for b in boxes)
    cells: list[Cell] = []
    owner: dict[tuple[int, int], int] = {}
    for b in sorted(boxes, key=lambda b: (b[1], b[0])):
        r, k = _index(tops, b[1]), _index(xs, b[0])
        if (r, k) in owner:
            continue
        col_span = max(1, sum(1 for x in xs if b[0] - EDGE_EPS <= x < b[2] - EDGE_EPS))
        row_span = max(1, sum(1 for t in tops if b[1] - EDGE_EPS <= t < b[3] - EDGE_EPS))
        idx = len(cells)
        cells.append(Cell(row=r, col=k, text="", page=page_no, bbox=tuple(b), row_span=row_span,
                          col_span=col_span))
        for dr in range(row_span):
            for dk in range(col_span):
                owner.setdefault((r + dr, k + dk), idx)
    buckets: list[list[dict]] = [[] for _ in cells]
    x0, top = xs[0], tops[0]
    for ch in page_chars:
        hm = (ch["x0"] + ch["x1"]) / 2
        vm = (ch["top"] + ch["bottom"]) / 2
        if not (x0 <= hm < x_right and top <= vm < y_bottom):
            continue
        idx = owner.get((_index(tops, vm), _index(xs, hm)))
        if idx is not None:
            buckets[idx].append(ch)
    for cell, chars in zip(cells, buckets, strict=True):
        if chars:
            cell.text = extract_text(chars).strip()
    bbox = (xs[0], tops[0], x_right, y_bottom)
    return Grid(n_rows=len(tops), n_cols=len(xs), cells=cells, page=page_no, bbox=bbox, method=METHOD,
                col_edges=xs + [x_right])


def _centred_within(word: dict, x0: float, x1: float) -> bool:
    return x0 <= (word["x0"] + word["x1"]) / 2 <= x1


def _unruled_rows(grid: Grid, header: Header | None) -> bool:
    """A body cell of the STT column holds two row numbers or more on its lines: rows not ruled apart."""
    if header is None or "stt" not in header.roles:
        return False
    k = header.roles.index("stt")
    cells = [grid.cell(r, k) for r in range(header.data_start, grid.n_rows)]
    return any(c is not None and sum(1 for ln in c.text.split("\n") if ROW_NUMBER.match(ln.strip())) >= 2
               for c in cells)


def _rows_from_words(grid: Grid, header: Header, words: list[dict], page_no: int,
                     below_only: bool = False) -> WordTable | None:
    """The table read with the lattice's columns and its rows cut from the words under its header:
    inside the lattice, or (`below_only`, a lattice of the header alone) below it down the page."""
    if grid.bbox is None or not grid.col_edges:
        return None
    head_cells = [grid.covering(header.data_start - 1, k) for k in range(grid.n_cols)]
    if any(c is None or c.bbox is None for c in head_cells):
        return None
    labels = [Label(text=header.texts[k], x0=c.bbox[0], x1=c.bbox[2], top=c.bbox[1], bottom=c.bbox[3])
              for k, c in enumerate(head_cells)]
    bottom = max(lb.bottom for lb in labels)
    x0, _, x1, y1 = grid.bbox
    inside = [w for w in words if w["top"] >= bottom - 1 and (below_only or w["bottom"] <= y1 + 1)
              and _centred_within(w, x0, x1)]
    return rows_in_columns(inside, labels, header.roles, grid.col_edges, page_no,
                           WORDS_METHOD if below_only else METHOD, WORDS_CONFIDENCE if below_only else 1.0)


def _shaded_header(grid: Grid, header: Header | None, words: list[dict]) -> bool:
    """A lattice of column names alone with unruled rows under it: the shading of a borderless
    table's header. (A ruled header alone at the foot of a page, its rows on the next, stays.)"""
    if header is None or header.data_start < grid.n_rows or grid.bbox is None:
        return False
    x0, _, x1, bottom = grid.bbox
    return any(w["top"] > bottom + 1 and _centred_within(w, x0, x1) for w in words)


def _inside(obj: dict, boxes: list[tuple]) -> bool:
    hm = (obj["x0"] + obj["x1"]) / 2
    vm = (obj["top"] + obj["bottom"]) / 2
    return any(b[0] <= hm <= b[2] and b[1] <= vm <= b[3] for b in boxes)


def parse_page(content: PageContent, page_no: int, carried: ColumnLayout | None = None
               ) -> tuple[PageText, list[Grid], ColumnLayout | None]:
    """One page: its grids, the text lines around them (captions are set later), and the
    column layout of an unruled table that runs on to the next page.

    `carried` is such a layout from the previous page: its table goes on at the top of this one.
    """
    chars = content.chars
    all_words = utils.extract_words(chars, extra_attrs=["fontname"])
    grids = [g for g in (table_to_grid(t, chars, page_no) for t in find_tables(content.edges)) if g]
    # shaded header cells over an unruled body make a lattice of the header alone: no table of its own
    body = [w for ln in group_by_line(all_words) if not is_page_number(ln, content.height) for w in ln]
    carry = None
    for i, g in enumerate(grids):
        header = find_header(g)
        if _shaded_header(g, header, body):  # columns drawn over the header only: rows cut from the words below
            t = _rows_from_words(g, header, body, page_no, below_only=True)
            if t is not None:
                grids[i], carry = t.grid, (t.layout if t.reaches_page_foot else None)
        elif _unruled_rows(g, header):  # columns ruled, rows not: the lattice's one body row cut from the words
            t = _rows_from_words(g, header, all_words, page_no)
            grids[i] = t.grid if t is not None else g
    # a ruled box that is no plan table (a header block or signature drawn in a bordered table)
    # keeps its words in the page text, where the header parser looks for them
    boxes = [g.bbox for g in grids if find_header(g) is not None or guess_header(g) is not None]
    words = [w for w in all_words if not _inside(w, boxes)]
    if not boxes:  # no ruled plan table (perhaps boxes of shading): one read from its words, if any
        found = word_tables(words, page_no, content.height, content.edges, carried, WORDS_METHOD, WORDS_CONFIDENCE)
        if found:
            grids = [t.grid for t in found]
            words = [w for w in words if not _inside(w, [g.bbox for g in grids])]
            carry = found[-1].layout if found[-1].reaches_page_foot else None
    lines = reading_order(drop_furniture(words_to_lines(words, header_column_split(words)), content.height))
    page_text = PageText(page=page_no, lines=lines, width=content.width, height=content.height, images=content.images)
    return page_text, grids, carry


def set_captions(page: PageText, grids: list[Grid], previous: PageText | None = None,
                 previous_grids: list[Grid] | None = None) -> None:
    """A grid's caption is the text between the previous table on its page (or the top) and it.

    A table opening a page with no text above it may have had its caption pushed
    to the foot of the previous page ("Phụ lục II / DANH MỤC ..." then a page
    break): the last lines there, below that page's last table, from a line that
    opens a caption ("Phụ lục", "Biểu", "Danh mục" ...), are taken.
    """
    previous_bottom = 0.0
    for i, g in enumerate(sorted(grids, key=lambda g: g.bbox[1])):
        g.caption = "\n".join(ln.text for ln in page.lines if previous_bottom <= ln.top and ln.bottom <= g.bbox[1] + 1)
        if i == 0 and not g.caption.strip() and previous is not None:
            floor = max((pg.bbox[3] for pg in previous_grids or []), default=0.0)
            tail = [ln.text for ln in previous.lines if ln.top >= floor][-settings.CAPTION_CARRY_LINES:]
            opens = [k for k, text in enumerate(tail) if opens_caption(text)]
            g.caption = "\n".join(tail[opens[0]:]) if opens else ""
        previous_bottom = g.bbox[3]


@dataclass(slots=True)
class _Page:
    """One page as read on the calling thread: its text layer, the layer check's verdict, and
    (when the verdict is OCR) the rendered image, dropped once OCR has read it."""

    number: int
    content: PageContent
    verdict: LayerVerdict
    image: PageImage | None = None


def _read_pages(pdf: pdfium.PdfDocument) -> Iterator[_Page]:
    """Each page's layer and verdict, rendered when it needs OCR, then closed: PDFium stays on this
    thread and only one page object is open at a time."""
    from kehoach.parsers.ocr_decision import judge_page

    for i in range(len(pdf)):
        page = pdf[i]
        try:
            # widget stamps (e-signed numbers and days) join the characters where the page shows them
            content = with_widget_text(read_page(page), page, i)
            verdict = judge_page(content, page)
            image = None
            if verdict.action in ("ocr", "ocr_regions"):
                from kehoach.ingest.raster import render_pdf_page  # OpenCV only when a page needs it

                image = render_pdf_page(page)
        finally:
            page.close()
        yield _Page(i + 1, content, verdict, image)


def _ocr(page: _Page) -> OcrPage | None:
    """The page's image read by OCR (on an OCR thread), or None for a page kept or repaired."""
    if page.image is None:
        return None
    from kehoach.parsers.ocr.page import ocr_image

    image, page.image = page.image, None
    return ocr_image(image)


def _with_ocr(page: _Page, done: OcrPage) -> tuple[PageContent, str]:
    """What the page's OCR gives instead of its text layer, and the reason, with what OCR had to do.

    With regions (ink the text layer does not cover: a scanned appendix pasted into a digital
    page) the layer is kept and only the OCR'd characters and rules inside those boxes join it.
    """
    why, regions, layer, content = page.verdict.reason, page.verdict.regions, page.content, done.content
    if regions:
        def inside(obj: dict) -> bool:
            return _inside(obj, list(regions))

        content = PageContent(width=layer.width, height=layer.height,
                              chars=layer.chars + [c for c in content.chars if inside(c)],
                              edges=layer.edges + [e for e in content.edges if inside(e)], images=layer.images)
        why = f"{why}: {len(regions)} region{'s' if len(regions) > 1 else ''} without text"
    return content, done.reason(why)


def parse_pdf(pdf: pdfium.PdfDocument) -> ParsedSource:
    """Every page through `parse_page`: its text layer, repaired where the layer check says it can be,
    or its OCR where the layer cannot be trusted (the whole page, or only the regions it leaves out).
    Pages needing OCR are read side by side (parsers/ocr/parallel.py) and parsed in page order."""
    from kehoach.parsers.glyph_repair import repair_split_glyphs
    from kehoach.parsers.ocr.parallel import in_order

    pages: list[PageText] = []
    grids: list[Grid] = []
    ocr_pages: dict[int, str] = {}
    repaired: dict[int, str] = {}
    carried: ColumnLayout | None = None
    for page, done in in_order(_read_pages(pdf), _ocr, heavy=lambda page: page.image is not None):
        content, n = page.content, page.number
        if page.verdict.action == "repair":
            content.chars = repair_split_glyphs(content.chars)
            repaired[n] = page.verdict.reason
        elif done is not None:
            content, ocr_pages[n] = _with_ocr(page, done)
        text, page_grids, carried = parse_page(content, n, carried)
        if done is not None:
            from kehoach.parsers.ocr.page import mark_ocr

            mark_ocr(page_grids, content)
        pages.append(text)
        grids.extend(page_grids)
    source = assemble(pages, grids, ocr_pages)
    source.repaired_pages = repaired
    return source


def assemble(pages: list[PageText], grids: list[Grid], ocr_pages: dict[int, str]) -> ParsedSource:
    """The pages of one document together: running lines dropped, captions set (any front-end)."""
    drop_running_lines(pages)
    for page in pages:
        before = pages[page.page - 2] if page.page > 1 else None
        set_captions(page, [g for g in grids if g.page == page.page], before,
                     [g for g in grids if before is not None and g.page == before.page])
    method = "ocr" if pages and len(ocr_pages) == len(pages) else f"{METHOD}+ocr" if ocr_pages else METHOD
    return ParsedSource(pages=pages, grids=grids, method=method, page_count=len(pages), ocr_pages=ocr_pages)

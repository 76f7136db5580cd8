"""Born-digital front-end: pdfplumber's ruled tables and words into the common grid.

pdfplumber finds the ruled cells; we place each cell on the table's row/column
lattice (so merged cells get spans) and assign every character to its cell in
one pass (pdfplumber's own `extract()` rescans the page per row, which is the
slow part on long appendices). Text outside the tables becomes `PageText`, and
the lines just above a table become its caption ("Phụ lục II / DANH MỤC ...").
"""

from __future__ import annotations

from bisect import bisect_right

import pdfplumber
from pdfplumber.utils import extract_text

from kehoach.parsers.grid import Cell, Grid, PageText, ParsedSource
from kehoach.parsers.pdf_text import (
    drop_furniture,
    drop_running_lines,
    header_column_split,
    reading_order,
    words_to_lines,
)
from kehoach.parsers.pdf_words_table import words_table

METHOD = "pdf-text"
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
EDGE_EPS = 0.5  # points: lattice coordinates closer than this are the same line


def _lattice(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > EDGE_EPS:
            out.append(v)
    return out


def _index(lattice: list[float], v: float) -> int:
    return max(0, bisect_right(lattice, v + EDGE_EPS) - 1)


def table_to_grid(table, page_chars: list[dict], page_no: int) -> Grid | None:
    """Place pdfplumber's cell boxes on a lattice and fill their text."""
    boxes = table.cells
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
    return Grid(n_rows=len(tops), n_cols=len(xs), cells=cells, page=page_no,
                bbox=tuple(table.bbox), method=METHOD, col_edges=xs + [x_right])


def _inside(obj: dict, boxes: list[tuple]) -> bool:
    hm = (obj["x0"] + obj["x1"]) / 2
    vm = (obj["top"] + obj["bottom"]) / 2
    return any(b[0] <= hm <= b[2] and b[1] <= vm <= b[3] for b in boxes)


def parse_page(page: pdfplumber.page.Page, page_no: int) -> tuple[PageText, list[Grid]]:
    """One page: its grids and the text lines around them (captions are set later)."""
    tables = [t for t in page.find_tables(TABLE_SETTINGS) if len(t.cells) >= 2]
    chars = page.chars
    grids = [g for g in (table_to_grid(t, chars, page_no) for t in tables) if g and g.n_rows >= 1]
    boxes = [g.bbox for g in grids]
    words = [w for w in page.extract_words(extra_attrs=["fontname"]) if not _inside(w, boxes)]
    if not grids:
        unruled = words_table(words, page_no, float(page.height))
        if unruled is not None:
            grids = [unruled]
            words = [w for w in words if w["top"] < unruled.bbox[1] - 1]
    lines = reading_order(drop_furniture(words_to_lines(words, header_column_split(words)), float(page.height)))
    return PageText(page=page_no, lines=lines, width=float(page.width), height=float(page.height)), grids


def set_captions(page: PageText, grids: list[Grid]) -> None:
    """A grid's caption is the text between the previous table on its page (or the top) and it."""
    previous_bottom = 0.0
    for g in sorted(grids, key=lambda g: g.bbox[1]):
        g.caption = "\n".join(ln.text for ln in page.lines if previous_bottom <= ln.top and ln.bottom <= g.bbox[1] + 1)
        previous_bottom = g.bbox[3]


def parse_pdf(pdf: pdfplumber.PDF) -> ParsedSource:
    pages: list[PageText] = []
    grids: list[Grid] = []
    for i, page in enumerate(pdf.pages, start=1):
        text, page_grids = parse_page(page, i)
        pages.append(text)
        grids.extend(page_grids)
        page.flush_cache()
    drop_running_lines(pages)
    for page in pages:
        set_captions(page, [g for g in grids if g.page == page.page])
    return ParsedSource(pages=pages, grids=grids, method=METHOD, page_count=len(pdf.pages))

"""The common intermediate every front-end fills and the one interpreter reads.

A `Grid` is one table region on one page: rows x columns of `Cell`s with their
text, page, bounding box, spans and a confidence. Born-digital PDFs fill it from
ruled tables; OCR and flattened text files fill the same structure later, so
the interpreter never knows which front-end produced a grid.
"""

from __future__ import annotations

from dataclasses import dataclass, field

UP = "\x00up"  # from_rows marker: this position is covered by the cell above
BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, origin top-left


@dataclass(slots=True)
class Cell:
    """One table cell. `text` keeps the printed line breaks as '\\n'."""

    row: int
    col: int
    text: str
    page: int
    bbox: BBox | None = None
    row_span: int = 1
    col_span: int = 1
    confidence: float = 1.0


@dataclass(slots=True)
class Grid:
    """One table region: cells addressed by (row, col); spanned positions hold no cell."""

    n_rows: int
    n_cols: int
    cells: list[Cell]
    page: int
    bbox: BBox | None = None
    method: str = "pdf-ruled"
    caption: str = ""  # page text between the previous table (or page top) and this grid
    col_edges: list[float] = field(default_factory=list)  # x of column boundaries, when known
    _index: dict[tuple[int, int], Cell] = field(init=False, repr=False, default_factory=dict)
    _cover: dict[tuple[int, int], Cell] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._index = {(c.row, c.col): c for c in self.cells}
        for c in self.cells:
            for dr in range(c.row_span):
                for dk in range(c.col_span):
                    self._cover.setdefault((c.row + dr, c.col + dk), c)

    def covering(self, row: int, col: int) -> Cell | None:
        """The cell whose span covers (row, col), whether or not it starts there."""
        return self._cover.get((row, col))

    def cell(self, row: int, col: int) -> Cell | None:
        return self._index.get((row, col))

    def text(self, row: int, col: int) -> str:
        c = self._index.get((row, col))
        return c.text if c else ""

    def row_cells(self, row: int) -> list[Cell]:
        return [c for c in (self._index.get((row, k)) for k in range(self.n_cols)) if c is not None]

    @classmethod
    def from_rows(cls, rows: list[list[str | None]], page: int = 1, **kw) -> Grid:
        """Build a grid from a list of rows; None marks a position covered by a span.

        A None right of a cell widens that cell's col_span (how pdfplumber reports
        merged cells); `UP` extends the cell above it downwards (row_span). Tests
        write merged header cells this way.
        """
        cells: list[Cell] = []
        n_cols = max((len(r) for r in rows), default=0)
        for r, row in enumerate(rows):
            last: Cell | None = None
            for k in range(n_cols):
                value = row[k] if k < len(row) else None
                if value is UP:
                    above = next((c for c in reversed(cells) if c.col == k and c.row < r), None)
                    if above is not None:
                        above.row_span += 1
                    continue
                if value is None:
                    if last is not None:
                        last.col_span += 1
                    continue
                last = Cell(row=r, col=k, text=value, page=page)
                cells.append(last)
        return cls(n_rows=len(rows), n_cols=n_cols, cells=cells, page=page, **kw)


@dataclass(slots=True)
class TextLine:
    """One line (or one column segment of a line) of running text outside tables."""

    text: str
    x0: float = 0.0
    top: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    bold: bool = False


@dataclass(slots=True)
class PageText:
    """Reading-order text lines of one page outside its tables, page furniture removed."""

    page: int
    lines: list[TextLine]
    width: float = 0.0
    height: float = 0.0
    images: int = 0  # images drawn on the page: a page with images and no text is a scanned page

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)


@dataclass(slots=True)
class ParsedSource:
    """What a front-end hands to the interpreter: page texts and table grids."""

    pages: list[PageText]
    grids: list[Grid]
    method: str
    page_count: int
    ocr_pages: dict[int, str] = field(default_factory=dict)  # page number -> why it was OCR'd
    repaired_pages: dict[int, str] = field(default_factory=dict)  # page number -> how its text layer was repaired
    unread_pages: dict[int, str] = field(default_factory=dict)  # page number -> why it could not be read at all

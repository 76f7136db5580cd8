"""The one table interpreter: grids from any front-end in, typed table rows out.

It finds each grid's header row by column names, decides what the table is,
follows a table over pages (with or without a repeated header), turns group
rows into sections, joins a row split by a page break, and decides each row's
kind. It knows nothing about PDFs, OCR or text files: only `Grid`s.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kehoach import settings
from kehoach.normalize.text import collapse, fold
from kehoach.parsers.columns import Header, find_header, guess_header, unknown_columns_warning
from kehoach.parsers.grid import BBox, Grid
from kehoach.parsers.kinds import (
    indicator_evidence,
    is_total_label,
    row_kind,
    table_type_from_caption,
    table_type_from_columns,
)

VALUE_ROLES = ("unit_of_measure", "result", "lead", "coordinating", "monitoring", "deadline", "note", "amount")
_GROUP_STT = re.compile(r"^(?:phan\s+|muc\s+)?([IVXLC]+|[A-Z])[.)]?$", re.IGNORECASE)
_CONTINUED = re.compile(r"\(?\btiep( theo)?\b\)?")  # "Phụ lục I (tiếp theo)": the same table goes on
_CODE_AND_TEXT = re.compile(r"^((?:[IVXLC]+|[A-Z]|\d+(?:\.\d+)*))[.):]?\s+(\S.*)$", re.DOTALL)
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
_GROUP_IN_NAME = re.compile(r"^((?:[IVXLC]+|[A-Z]))[.)]\s+(\S.*)$", re.DOTALL)
_UNIT_IN_CAPTION = re.compile(r"(?:đơn vị tính|đvt)\s*:?\s*([^\n)]+)|^\s*\(?((?:triệu|nghìn|ngàn|tỷ)?\s*đồng)\)?\s*$",
                              re.IGNORECASE | re.MULTILINE)
_UNIT_IN_HEADER = re.compile(r"\(([^)]*đồng[^)]*)\)", re.IGNORECASE)


@dataclass(slots=True)
class TableRow:
    """One item row as printed, cells keyed by role, text still raw (line breaks kept)."""

    table: str
    kind: str
    table_index: int
    section: str | None
    section_title: str | None
    stt: str | None
    cells: dict[str, str]
    page: int
    bbox: BBox | None
    confidence: float
    method: str
    flags: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Interpretation:
    rows: list[TableRow]
    tables: int
    budget_total_text: str | None = None
    budget_unit: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Table:
    index: int
    kind: str
    header: Header
    n_cols: int
    col_edges: list[float]
    guessed: bool = False  # roles inferred by position, not read from column names
    section: str | None = None
    section_title: str | None = None
    after_section: bool = False  # the last row read was a section heading (a page break may split it)


def caption_title(caption: str) -> str:
    """The part of the text above a table that titles it: from its last "Phụ lục" line on."""
    lines = [ln for ln in caption.split("\n") if ln.strip()]
    for i in range(len(lines) - 1, -1, -1):
        if fold(lines[i]).startswith("phu luc"):
            return "\n".join(lines[i:])
    return "\n".join(lines[-3:])


def _same_columns(a: list[float], b: list[float]) -> bool:
    if not a or not b:
        return True  # front-ends without geometry: column count decided already
    tolerance = settings.CONTINUATION_EDGE_TOLERANCE
    return len(a) == len(b) and all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def _row_values(grid: Grid, r: int, roles: list[str | None]) -> dict[str, str]:
    """Cell text per role.

    A cell spanning several columns counts once, for its first column. A cell
    merged down over several rows (one lead body for rows 1-3) belongs to each
    row it covers, as a reader would read it.
    """
    values: dict[str, str] = {}
    for k, role in enumerate(roles):
        c = grid.covering(r, k)
        if role is None or c is None or c.col != k or (c.row != r and role in ("stt", "name")):
            continue
        text = c.text.strip()
        if text:
            values[role] = (values[role] + "\n" + text) if role in values else text
    return values


def _row_text(grid: Grid, r: int) -> str:
    return collapse(" ".join(c.text for c in grid.row_cells(r)))


def _is_column_numbering(grid: Grid, r: int) -> bool:
    """A "(1) (2) (3) ..." row under the header numbers the columns; it is not an item."""
    texts = [c.text.strip() for c in grid.row_cells(r) if c.text.strip()]
    return len(texts) >= max(3, grid.n_cols - 1) and all(_COLUMN_NUMBER.match(t) for t in texts)


def _group_title(grid: Grid, r: int, roles: list[str | None]) -> str | None:
    texts = [c.text for c in grid.row_cells(r) if roles[c.col] != "stt" and c.text.strip()]
    return collapse(" ".join(texts)) or None


@dataclass(slots=True)
class _Row:
    """A data row's number and cells, with a code typed before its title taken apart."""

    stt: str | None
    values: dict[str, str]
    spans_all: bool

    @property
    def name(self) -> str:
        return self.values.get("name", "")

    @property
    def title(self) -> str | None:
        return collapse(self.name) or None

    @property
    def has_values(self) -> bool:
        return any(self.values.get(k, "").strip() for k in VALUE_ROLES)

    @property
    def group_code(self) -> str | None:
        """"I", "II", "A" when the row number is a group code (also "Phần I", "II.")."""
        m = _GROUP_STT.match(fold(self.stt)) if self.stt else None
        return m.group(1).upper() if m else None


def _split_code(grid: Grid, r: int, roles: list[str | None]) -> _Row:
    values = _row_values(grid, r, roles)
    stt = collapse(values.pop("stt", "")) or None
    cells = grid.row_cells(r)
    spans_all = len(cells) <= 2 and any(c.col_span >= max(2, grid.n_cols - 1) for c in cells)
    if stt and spans_all and not values and not _CODE_AND_TEXT.match(stt) and not _GROUP_STT.match(fold(stt)) \
            and not stt[:1].isdigit():
        values["name"], stt = stt, None  # a title merged across the row from the STT column
    if stt and (m := _CODE_AND_TEXT.match(stt)):
        # "I. Đến năm 2030" or "6 Tỉ lệ ..." typed in the STT cell or across the row
        stt = m.group(1)
        values["name"] = collapse(m.group(2) + " " + values.get("name", ""))
    if not stt and set(values) == {"name"} and (m := _GROUP_IN_NAME.match(collapse(values["name"]))):
        # a group title typed with its code in the name column, the STT cell left empty ("II. Nhiệm vụ")
        stt, values["name"] = m.group(1), m.group(2)
    return _Row(stt=stt, values=values, spans_all=spans_all)


class Interpreter:
    """Stateful reader of a document's grids in page order; one instance per document."""

    def __init__(self, matches_indicator: Callable[[str], float] | None = None) -> None:
        self.matches_indicator = matches_indicator
        self.rows: list[TableRow] = []
        self.tables: list[_Table] = []
        self.current: _Table | None = None
        self.budget_total_text: str | None = None
        self.budget_unit: str | None = None
        self.warnings: list[str] = []

    # -- tables -------------------------------------------------------------------------
    def _start_table(self, grid: Grid, header: Header, title: str, guessed: bool = False) -> _Table:
        name_k = header.roles.index("name")  # find_header only returns headers with a name column
        kind = table_type_from_caption(title) or table_type_from_columns(header.roles, header.texts[name_k])
        table = _Table(index=len(self.tables), kind=kind, header=header, n_cols=grid.n_cols,
                       col_edges=grid.col_edges, guessed=guessed)
        self.tables.append(table)
        warning = unknown_columns_warning(header, grid.page, table.index, title)
        if warning:  # said, not dropped silently: the export has no field for these columns
            self.warnings.append(warning)
        if kind == "budget":
            m = _UNIT_IN_CAPTION.search(title)
            amount_k = header.roles.index("amount") if "amount" in header.roles else None
            h = _UNIT_IN_HEADER.search(header.texts[amount_k]) if amount_k is not None else None
            unit = (m.group(1) or m.group(2)) if m else (h.group(1) if h else None)
            if unit and not self.budget_unit:
                unit = collapse(unit).strip(" .;")
                self.budget_unit = unit[:1].lower() + unit[1:] if unit[1:2].islower() else unit
        return table

    def feed(self, grid: Grid) -> None:
        header = find_header(grid)
        title = caption_title(grid.caption)
        folded_title = fold(title)
        new_title = (bool(table_type_from_caption(title)) or "phu luc" in folded_title) \
            and not _CONTINUED.search(folded_title)
        if header is not None:
            cur = self.current
            if cur is not None and not new_title and cur.header.roles == header.roles:
                table = cur  # header repeated on a new page
            else:
                table = self._start_table(grid, header, title)
            start, continued = header.data_start, table is cur
        elif self.current is not None and grid.n_cols == self.current.n_cols and not new_title \
                and _same_columns(grid.col_edges, self.current.col_edges):
            table, start, continued = self.current, 0, True
        elif (guessed := guess_header(grid)) is not None:
            # numbered rows under column names we do not know: keep every row, flagged for review
            table = self._start_table(grid, guessed, title, guessed=True)
            start, continued = 0, False
            self.warnings.append(f"page {grid.page}: a table without recognisable column names was read by "
                                 f"position; its {grid.n_rows} rows are flagged columns_unrecognised")
        else:
            self.warnings.append(f"page {grid.page}: a table without numbered rows or known column names was "
                                 f"not read ({grid.n_rows} rows x {grid.n_cols} columns)")
            return
        self.current = table
        self._read_rows(grid, table, start, continued)

    # -- rows ---------------------------------------------------------------------------
    def _read_rows(self, grid: Grid, table: _Table, start: int, continued: bool) -> None:
        """Turn each data row into an item, a section heading, the budget total, or the rest of
        the item split by the page break above (only the first row of a continued grid)."""
        roles = table.header.roles
        may_join = continued and (table.after_section or (bool(self.rows) and self.rows[-1].table_index == table.index))
        for r in range(start, grid.n_rows):
            if _is_column_numbering(grid, r) or not _row_text(grid, r):
                continue
            row = _split_code(grid, r, roles)
            first, may_join = may_join, False
            if row.group_code and (not row.has_values or row.spans_all) \
                    and not (table.kind == "budget" and row.values.get("amount")):
                table.section, table.section_title = row.group_code, row.title or _group_title(grid, r, roles)
                table.after_section = True
            elif not row.stt and is_total_label(row.name) and (row.values.get("amount") or table.kind == "budget"):
                if table.kind == "budget" and row.values.get("amount"):
                    self.budget_total_text = row.values["amount"]
            elif not row.stt and first and table.after_section and not row.has_values:
                # the rest of a section heading split by the page break
                rest = row.title or _group_title(grid, r, roles) or ""
                table.section_title = collapse(f"{table.section_title or ''} {rest}") or None
            elif not row.stt and first and not table.after_section:
                self._join(self.rows[-1], row.values, grid)  # a row split by the page break
            elif not row.stt and row.spans_all and not row.has_values:
                # an unnumbered title across the whole table: a section heading without a code
                table.section, table.section_title = None, row.title or _group_title(grid, r, roles)
                table.after_section = True
            else:
                self.rows.append(self._item(grid, r, table, row))
                table.after_section = False

    def _item(self, grid: Grid, r: int, table: _Table, row: _Row) -> TableRow:
        cells = grid.row_cells(r)
        conf = min((c.confidence for c in cells), default=1.0)
        flags = (["low_confidence"] if conf < settings.LOW_CONFIDENCE else []) \
            + (["columns_unrecognised"] if table.guessed else [])
        return TableRow(
            table=table.kind, kind="", table_index=table.index, section=table.section,
            section_title=table.section_title, stt=row.stt, cells=row.values, page=grid.page,
            bbox=_union([c.bbox for c in cells if c.bbox]), confidence=conf, method=grid.method,
            pages=[grid.page], flags=flags,
        )

    def _join(self, row: TableRow, values: dict[str, str], grid: Grid) -> None:
        for role, text in values.items():
            row.cells[role] = (row.cells[role] + "\n" + text) if row.cells.get(role) else text
        if grid.page not in row.pages:
            row.pages.append(grid.page)
        row.flags.append("joined_across_pages")

    # -- kinds --------------------------------------------------------------------------
    def _decide_kinds(self) -> None:
        for row in self.rows:
            c = row.cells
            ev = indicator_evidence(c.get("name"), c.get("unit_of_measure"), c.get("result"), self.matches_indicator)
            row.kind = row_kind(row.table, ev)
        # a parent row whose cells are filled by its sub-rows (6, then 6.1, 6.2) takes their kind
        for i, row in enumerate(self.rows):
            if not row.stt or row.table == "budget" or any(row.cells.get(k) for k in VALUE_ROLES):
                continue
            children = [r for r in self.rows[i + 1:] if r.table_index == row.table_index
                        and r.stt and r.stt.startswith(row.stt + ".")]
            if children:
                kinds = [r.kind for r in children]
                row.kind = max(set(kinds), key=kinds.count)

    def result(self) -> Interpretation:
        self._decide_kinds()
        return Interpretation(rows=self.rows, tables=len(self.tables), budget_total_text=self.budget_total_text,
                              budget_unit=self.budget_unit, warnings=self.warnings)


def _union(boxes: list[BBox]) -> BBox | None:
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def interpret(grids: list[Grid], matches_indicator: Callable[[str], float] | None = None) -> Interpretation:
    """Read a document's grids (in page order) into typed table rows."""
    interp = Interpreter(matches_indicator)
    for g in sorted(grids, key=lambda g: (g.page, g.bbox[1] if g.bbox else 0.0)):
        interp.feed(g)
    return interp.result()

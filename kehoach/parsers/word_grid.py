"""Tables drawn without a full set of rules, rebuilt from word boxes into the common grid.

Many plans lay their appendix out as a borderless Word table, or rule only the
rows (horizontal lines, no verticals), so no lattice of cells can be built from
the drawing. Such a table is still readable from where its words stand:

- the header band (one to six lines) names at least three known columns; labels
  that overlap horizontally are one column name split over several lines, and a
  parent name over two columns ("Đơn vị thực hiện") or a note ("Đơn vị tính:
  triệu đồng") names none;
- a column boundary lies in the emptiest vertical strip between two adjacent
  labels, measured over the words below (a group title across the table only
  raises the floor, it does not hide the strip);
- rows are cut at horizontal rules when the table has them; otherwise at each
  row number (lines that overlap vertically, a number centred between two lines
  of its row, count as one band), moved up to the row-separating gap above it,
  and at unnumbered totals and titles printed across the table;
- a table ends at a wide gap (unless a numbered row follows), a caption, or body
  text set larger than it; with nothing after it on its page it may go on at
  the top of the next page with the same columns (`ColumnLayout` is carried
  over by the caller and its boundaries measured again there).

Front-end neutral: a word is a dict with text, x0, x1, top, bottom in points
(pdfplumber's shape), so OCR word boxes can be read the same way. Thresholds
live in kehoach/settings.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach import settings
from kehoach.normalize.text import fold
from kehoach.parsers.columns import roles_of
from kehoach.parsers.grid import BBox, Cell, Grid
from kehoach.parsers.kinds import is_total_label, opens_caption
from kehoach.parsers.pdf_text import LINE_TOP_TOLERANCE, PAGE_NUMBER, group_by_line

GROUP_CODE = re.compile(r"^(?:[IVXLC]+|[A-Z])[.)]?$")
ROW_NUMBER = re.compile(r"^(?:[IVXLC]+|[A-Z]|\d{1,3}(?:\.\d{1,3})*)[.)]?$")


@dataclass(slots=True)
class Label:
    """One column name: the header segments stacked in one column."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(slots=True)
class ColumnLayout:
    """Where a table's columns are; kept to read the same table on the next page."""

    labels: list[Label]
    roles: list[str | None]
    cuts: list[float]  # x of each boundary between adjacent columns
    size: float = 0.0  # type size of the table's text (0: not measured)
    ruled: bool = False  # the cuts are drawn rules, not measured from the words
    gap: float = settings.LABEL_GAP  # words further apart than this on a line are in different cells
    centred: bool = False  # row numbers stand in the middle of their rows (seen where rows are set apart)

    @property
    def n_cols(self) -> int:
        return len(self.labels)

    @property
    def edges(self) -> list[float]:
        return [self.labels[0].x0, *self.cuts, self.labels[-1].x1]

    @property
    def stt_col(self) -> int | None:
        return self.roles.index("stt") if "stt" in self.roles else None

    @property
    def name_col(self) -> int:
        return self.roles.index("name") if "name" in self.roles else min(1, self.n_cols - 1)

    def col_of(self, word: dict) -> int:
        centre = (word["x0"] + word["x1"]) / 2
        return sum(1 for c in self.cuts if centre >= c)


# ---------------------------------------------------------------- header band
def _segments(line: list[dict], gap: float = settings.LABEL_GAP) -> list[list[dict]]:
    """Words of one line cut where the space between two words is wider than `gap`."""
    out: list[list[dict]] = []
    for w in sorted(line, key=lambda w: w["x0"]):
        if out and w["x0"] - out[-1][-1]["x1"] <= gap:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def label_gap(lines: list[list[dict]]) -> float:
    """The gap that parts two cells on a line: LABEL_GAP, or, on a page whose very spaces between
    words are wider than that (an OCR text layer laid over a scan), twice its usual space."""
    spaces = sorted(b["x0"] - a["x1"] for ln in lines for a, b in zip(ln, ln[1:], strict=False) if b["x0"] > a["x1"])
    usual = spaces[len(spaces) // 5] if spaces else 0.0  # low: justified body lines stretch theirs
    # typeset text spaces its words well under LABEL_GAP (cells of a tight table stand just past it)
    return settings.LABEL_GAP_SPACES * usual if usual >= settings.LABEL_GAP else settings.LABEL_GAP


def _is_note(seg: list[dict]) -> bool:
    """"Đơn vị tính: triệu đồng" beside a table is a note on it: a column name never holds "name: value"."""
    text = " ".join(w["text"] for w in seg)
    head, colon, rest = text.partition(":")
    return bool(colon and head.strip() and rest.strip())


def _labels(lines: list[list[dict]], gap: float) -> list[Label]:
    """Header segments of several lines merged into column labels where they overlap horizontally.

    Notes ("Đơn vị tính: triệu đồng") are no column names. A segment standing over
    two segments that do not overlap each other is a parent name ("Đơn vị thực
    hiện" over "Chủ trì" | "Phối hợp", or a caption over the header): it names no
    column of its own and would fuse its children, so it is left out.
    """
    boxes = [(min(w["x0"] for w in seg), max(w["x1"] for w in seg), n, seg)
             for n, line in enumerate(lines) for seg in _segments(line, gap) if not _is_note(seg)]

    def overlap(a: tuple, b: tuple) -> bool:
        return a[0] < b[1] - 1.0 and b[0] < a[1] - 1.0

    def is_parent(a: tuple) -> bool:
        under = [b for b in boxes if b[2] != a[2] and overlap(a, b)]
        return any(not overlap(b, c) for i, b in enumerate(under) for c in under[i + 1:])

    kept = sorted((b for b in boxes if not is_parent(b)), key=lambda b: b[0])
    groups: list[list[tuple]] = []
    for box in kept:
        if groups and box[0] < max(b[1] for b in groups[-1]) - 1.0:
            groups[-1].append(box)
        else:
            groups.append([box])
    labels = []
    for g in groups:
        words = [w for *_, seg in g for w in seg]
        parts = [" ".join(w["text"] for w in seg) for *_, seg in sorted(g, key=lambda b: b[3][0]["top"])]
        labels.append(Label(text="\n".join(parts), x0=min(b[0] for b in g), x1=max(b[1] for b in g),
                            top=min(w["top"] for w in words), bottom=max(w["bottom"] for w in words)))
    return labels


def _score(lines: list[list[dict]], gap: float) -> tuple[int, list[Label], list[str | None]]:
    labels = _labels(lines, gap)
    roles = roles_of([lb.text.replace("\n", " ") for lb in labels])
    score = len({r for r in roles if r}) - sum(r is None for r in roles)
    ok = "name" in roles and len({r for r in roles if r}) >= settings.HEADER_MIN_ROLES
    return (score if ok else -99), labels, roles


def _best_band(lines: list[list[dict]], i: int, gap: float) -> tuple[int, int, list[Label], list[str | None]]:
    """(score, line count, labels, roles) of the best band starting at line i (score -99: none)."""
    best: tuple[int, int, list[Label], list[str | None]] = (-99, 0, [], [])
    for k in range(1, settings.MAX_HEADER_LINES + 1):
        band = lines[i:i + k]
        if len(band) < k or band[-1][0]["top"] - band[0][0]["top"] > settings.MAX_HEADER_HEIGHT:
            break
        score, labels, roles = _score(band, gap)
        if score > best[0]:
            best = (score, k, labels, roles)
    return best


def _extends(band: list[list[dict]], line: list[dict], labels: list[Label], roles: list[str | None],
             rule_ys: list[float], gap: float) -> bool:
    """The line under a header band is more of its column names ("Thời gian" / "hoàn thành"):
    close below it, no rule between, every segment under a label, no row number under STT."""
    bottom = max(w["bottom"] for ln in band for w in ln)
    top = min(w["top"] for w in line)
    height = max(w["bottom"] - w["top"] for w in line)
    if top - bottom > 0.5 * height or any(bottom - 1 < y < top + 1 for y in rule_ys):
        return False
    for seg in _segments(line, gap):
        x0, x1 = min(w["x0"] for w in seg), max(w["x1"] for w in seg)
        hits = [k for k, lb in enumerate(labels) if x0 < lb.x1 and lb.x0 < x1]
        if len(hits) != 1 or (roles[hits[0]] == "stt" and ROW_NUMBER.match(seg[0]["text"])):
            return False
    return True


def find_header(lines: list[list[dict]], rule_ys: list[float] | None = None, gap: float = settings.LABEL_GAP
                ) -> tuple[int, int, list[Label], list[str | None]] | None:
    """(first line, line count, labels, roles) of the first header band among `lines`.

    A band is one to MAX_HEADER_LINES lines whose overlapping segments merge into
    column labels; it must name the name column and HEADER_MIN_ROLES columns, and
    scores the known columns it names less the labels it cannot name. The first
    start that gives a band and the few after it compete (a caption line above the
    header also gives a band, a weaker or a taller one); the winner then takes in
    the lines below it that only finish its column names.
    """
    bands: dict[int, tuple[int, int, list[Label], list[str | None]]] = {}
    for i in range(len(lines)):  # the first start giving a band, then the few after it compete
        band = _best_band(lines, i, gap)
        if band[0] > -99:
            bands = {j: _best_band(lines, j, gap) for j in range(i + 1, min(i + settings.MAX_HEADER_LINES, len(lines)))}
            bands[i] = band
            break
    if not bands:
        return None
    at = max(bands, key=lambda i: (bands[i][0], -bands[i][1], i))  # on a tie: fewer lines, nearer the rows
    _, k, labels, roles = bands[at]
    while at + k < len(lines) and k < 2 * settings.MAX_HEADER_LINES and \
            _extends(lines[at:at + k], lines[at + k], labels, roles, rule_ys or [], gap):
        k += 1
        _, labels, roles = _score(lines[at:at + k], gap)
    return at, k, labels, roles


def _cuts(labels: list[Label], body: list[dict], gap: float = settings.LABEL_GAP) -> list[float]:
    """Each boundary: the centre of the longest least-covered strip between two adjacent labels.

    Coverage counts runs of words (a line cut where words stand further apart than
    LABEL_GAP), not single words: a title across the table covers its whole width
    evenly, so the spaces between its words make no false strip.
    """
    runs = [(seg[0]["x0"], seg[-1]["x1"]) for line in group_by_line(body) for seg in _segments(line, gap)]
    cuts: list[float] = []
    for left, right in zip(labels, labels[1:], strict=False):
        lo, hi = left.x1, right.x0
        if hi - lo < 1.0:
            cuts.append((lo + hi) / 2)
            continue
        spans = [(a, b) for a, b in runs if b > lo and a < hi]
        steps = max(2, int((hi - lo) / 0.5))
        xs = [lo + (hi - lo) * j / steps for j in range(steps + 1)]
        cover = [sum(1 for a, b in spans if a < x < b) for x in xs]
        floor = min(cover)
        best_run, run_start = (0, 0), None
        for j, c in enumerate([*cover, floor + 1]):
            if c == floor and run_start is None:
                run_start = j
            elif c != floor and run_start is not None:
                if j - run_start > best_run[1] - best_run[0]:
                    best_run = (run_start, j)
                run_start = None
        cuts.append((xs[best_run[0]] + xs[best_run[1] - 1]) / 2)
    return cuts


# ---------------------------------------------------------------- rows
def _row_starts(lines: list[list[dict]], layout: ColumnLayout, gaps: list[float]) -> list[int]:
    """Indices of the lines that open a row (0 always opens one: the top of the region).

    `gaps[j]` is the white space above line j. When some gaps are clearly wider
    than the tightest ones, those separate rows, and a row number opens its row
    at the last separator above it (numbers centred in tall rows); lines above
    the first number with no separator between belong to the first row. When
    all gaps are alike, a row opens at its number.
    """
    stt = layout.stt_col
    inner = sorted(g for g in gaps[1:] if g >= 0)
    tight = inner[len(inner) // 5] if inner else 0.0
    threshold = tight + settings.SEPARATOR_EXTRA
    has_separators = any(g >= threshold for g in gaps[1:])
    if stt is None:  # no row numbers: rows are what the wider gaps separate
        return [0] + [j for j in range(1, len(lines)) if has_separators and gaps[j] >= threshold]
    numbered = [j for j, line in enumerate(lines)
                if any(layout.col_of(w) == stt and ROW_NUMBER.match(w["text"]) for w in line)]
    # unnumbered rows a reader still sees as rows: a total ("Tổng cộng") and a title across the table
    unnumbered = {j for j in range(1, len(lines)) if j not in numbered
                  and (not has_separators or gaps[j] >= threshold)
                  and (_is_total_line(lines[j], layout) or _spans_columns(lines[j], layout))}
    codes = {j for j in numbered
             if any(layout.col_of(w) == stt and GROUP_CODE.match(w["text"]) for w in lines[j])}
    starts = [0]
    for s in sorted(set(numbered) | unnumbered):
        if s in unnumbered:
            starts.append(s)
            continue
        if s in codes and (starts[-1] in unnumbered or starts[-1] == 0) and s - starts[-1] <= 3 \
                and all(_spans_columns(lines[j], layout) or j == s for j in range(starts[-1], s + 1)):
            continue  # a group code centred beside its title's lines: the title's row already opened
        lo = starts[-1] + 1 if starts[-1] < s else s
        candidates = [p for p in range(lo, s + 1) if gaps[p] >= threshold] if has_separators else []
        if not candidates and starts == [0] and s > 0 and (has_separators or layout.centred):
            continue  # the number is centred in the first row: the row opened at the region's top
        p = candidates[-1] if candidates else s
        if p > starts[-1]:
            starts.append(p)
    return starts


def _numbers_centred(lines: list[list[dict]], starts: list[int], layout: ColumnLayout) -> bool | None:
    """Do most rows of three lines or more print their number below their first line (centred
    vertically)? None when no such row says."""
    ends = [*starts[1:], len(lines)]
    tall = [(a, b) for a, b in zip(starts, ends[:len(starts)], strict=True) if b - a >= 3]
    if not tall:
        return None
    below = sum(1 for a, b in tall if not any(layout.col_of(w) == layout.stt_col for w in lines[a])
                and any(layout.col_of(w) == layout.stt_col for ln in lines[a + 1:b] for w in ln))
    return below * 2 > len(tall)


def _is_total_line(line: list[dict], layout: ColumnLayout) -> bool:
    """The line's name-column text is a total's label ("Tổng cộng") and its STT column is empty."""
    if any(layout.col_of(w) == layout.stt_col for w in line):
        return False
    return is_total_label(" ".join(w["text"] for w in line if layout.col_of(w) == layout.name_col))


def _spans_columns(line: list[dict], layout: ColumnLayout) -> bool:
    """A segment of the line runs over a column boundary: a title printed across the table."""
    return any(len({layout.col_of(w) for w in seg}) > 1 for seg in _segments(line, layout.gap))


def _cells_of_row(lines: list[list[dict]], layout: ColumnLayout) -> dict[int, list[list[dict]]]:
    """The row's words per column, line by line; a group title across columns goes to the name column."""
    stt = layout.stt_col
    per_col: dict[int, list[list[dict]]] = {}
    numbers = [w["text"] for w in sorted(lines[0], key=lambda w: w["x0"]) if layout.col_of(w) == stt]
    is_title = stt is not None and (not numbers or GROUP_CODE.match(numbers[0]) is not None) \
        and _spans_columns(lines[0], layout)
    for line in lines:
        buckets: dict[int, list[dict]] = {}
        for w in sorted(line, key=lambda w: w["x0"]):
            k = layout.col_of(w)
            if is_title and k != stt:
                k = layout.name_col
            buckets.setdefault(k, []).append(w)
        for k, ws in buckets.items():
            per_col.setdefault(k, []).append(ws)
    return per_col


def _box(words: list[dict]) -> BBox:
    return (min(w["x0"] for w in words), min(w["top"] for w in words),
            max(w["x1"] for w in words), max(w["bottom"] for w in words))


def _row_rules(rules: list[dict], layout: ColumnLayout) -> list[float]:
    """y of the horizontal rules that cross most of the table's width, top to bottom."""
    x0, x1 = layout.edges[0], layout.edges[-1]
    width = max(1.0, x1 - x0)
    ys: list[float] = []
    for e in sorted(rules, key=lambda e: e["top"]):
        overlap = min(e["x1"], x1) - max(e["x0"], x0)
        if overlap >= settings.RULE_MIN_SHARE * width and (not ys or e["top"] - ys[-1] > 1.0):
            ys.append(e["top"])
    return ys


# ---------------------------------------------------------------- a table region
@dataclass(slots=True)
class WordTable:
    grid: Grid
    layout: ColumnLayout
    bottom: float  # y where the table ends on its page
    reaches_page_foot: bool


def _size(line: list[dict]) -> float:
    """The line's type size: the median height of its words."""
    heights = sorted(w["bottom"] - w["top"] for w in line)
    return heights[len(heights) // 2]


def _opens_numbered_row(line: list[dict], layout: ColumnLayout) -> bool:
    """A row number in the STT column and text in another column: a table row, wherever it stands."""
    cols = {layout.col_of(w) for w in line}
    return layout.stt_col in cols and len(cols) >= 2 and any(
        layout.col_of(w) == layout.stt_col and ROW_NUMBER.match(w["text"]) for w in line)


def _region_lines(lines: list[list[dict]], start: int, rules: list[float], layout: ColumnLayout
                  ) -> tuple[list[list[dict]], bool]:
    """The table's body lines from `start`: up to the last row rule, or until a wide gap, a caption
    ("Phụ lục ...") or body text set larger than the table (a wide gap before a numbered row
    does not end it: a tall row's cells may be centred); and whether nothing of the page
    follows it (the table may then go on on the next page)."""
    body: list[list[dict]] = []
    below = [y for y in rules if y > lines[start][0]["top"] - 2] if start < len(lines) else []
    limit = below[-1] if len(below) >= 2 else None
    size: float | None = None  # the table's type size, from its first lines
    for line in lines[start:]:
        top = min(w["top"] for w in line)
        if limit is not None and top > limit:
            return body, False
        gap = top - max(w["bottom"] for w in body[-1]) if body else 0.0
        if gap > settings.TABLE_END_GAP and not _opens_numbered_row(line, layout):
            return body, False
        if body and fold(" ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"]))).startswith("phu luc"):
            return body, False
        if size is not None and _size(line) > size * settings.BODY_SIZE_RATIO and _spans_columns(line, layout):
            return body, False  # body text across the columns, set larger than the table
        body.append(line)
        if len(body) == 5:
            size = sorted(_size(ln) for ln in body)[2]
    return body, True  # the page ended first: the table may go on (a header alone at the foot, too)


def build_table(lines: list[list[dict]], start: int, layout: ColumnLayout, header: list[Label] | None,
                page_no: int, rules: list[dict], method: str, confidence: float
                ) -> WordTable | None:
    """The grid of the table whose body begins at line `start` (header rows first when given)."""
    rule_ys = _row_rules(rules, layout)
    body, runs_on = _region_lines(lines, start, rule_ys, layout)
    if not body and header is None:
        return None
    if body and not layout.size:
        sizes = sorted(_size(ln) for ln in body)
        layout.size = sizes[len(sizes) // 2]
    cells: list[Cell] = []
    if header is not None:
        cells += [Cell(row=0, col=k, text=lb.text, page=page_no, bbox=(lb.x0, lb.top, lb.x1, lb.bottom),
                       confidence=confidence) for k, lb in enumerate(header)]
    region_top = max(lb.bottom for lb in header) if header else (min(w["top"] for w in body[0]) if body else 0.0)
    tops = [min(w["top"] for w in ln) for ln in body]
    bottoms = [max(w["bottom"] for w in ln) for ln in body]
    if len([y for y in rule_ys if y > region_top - 2]) >= 2:
        ys = [y for y in rule_ys if y > region_top - 2]
        band = [sum(1 for y in ys if y < (t + b) / 2) for t, b in zip(tops, bottoms, strict=True)]
        starts = [j for j in range(len(body)) if j == 0 or band[j] != band[j - 1]]
    else:
        # lines that overlap vertically (a number centred between two lines of its row) are one band
        bands: list[list[int]] = []
        reach = float("-inf")
        for j, (t, b) in enumerate(zip(tops, bottoms, strict=True)):
            if bands and t < reach - 0.5:
                bands[-1].append(j)
            else:
                bands.append([j])
            reach = max(reach, b) if len(bands[-1]) > 1 else b
        band_lines = [[w for j in band for w in body[j]] for band in bands]
        gaps = [(tops[0] - region_top) if header else float("inf")] if bands else []
        gaps += [tops[bands[k][0]] - max(bottoms[j] for j in bands[k - 1]) for k in range(1, len(bands))]
        band_starts = _row_starts(band_lines, layout, gaps) if bands else []
        starts = [bands[k][0] for k in band_starts]
        centred = _numbers_centred(band_lines, band_starts, layout)
        if centred is not None:  # how this table sets its numbers, for the pages it goes on to
            layout.centred = centred
    n_rows = 1 if header is not None else 0
    for a, b in zip(starts, [*starts[1:], len(body)][:len(starts)], strict=True):
        per_col = _cells_of_row(body[a:b], layout)
        for k in range(layout.n_cols):
            col_lines = per_col.get(k, [])
            text = "\n".join(" ".join(w["text"] for w in ws) for ws in col_lines)
            bbox = _box([w for ws in col_lines for w in ws]) if col_lines else None
            cells.append(Cell(row=n_rows, col=k, text=text, page=page_no, bbox=bbox, confidence=confidence))
        n_rows += 1
    if n_rows == 0:
        return None
    words = [w for ln in body for w in ln]
    top = min(lb.top for lb in header) if header else min(w["top"] for w in words)
    bottom = max((w["bottom"] for w in words), default=region_top)
    edges = layout.edges
    x0 = min([edges[0], *(w["x0"] for w in words)])
    x1 = max([edges[-1], *(w["x1"] for w in words)])
    grid = Grid(n_rows=n_rows, n_cols=layout.n_cols, cells=cells, page=page_no, bbox=(x0, top, x1, bottom),
                method=method, col_edges=edges)
    return WordTable(grid=grid, layout=layout, bottom=bottom, reaches_page_foot=runs_on)


def word_tables(words: list[dict], page_no: int, page_height: float, rules: list[dict] | None = None,
                carried: ColumnLayout | None = None, method: str = "words", confidence: float = 0.85
                ) -> list[WordTable]:
    """Every unruled (or row-ruled) plan table on a page, read from its words.

    `carried` is the layout of a table that ran off the foot of the previous page:
    the words at the top of this page, down to the first header band, continue it.
    """
    lines = [ln for ln in group_by_line(words) if ln and not is_page_number(ln, page_height)]
    gap = label_gap(lines)
    verticals = [e for e in rules or [] if e.get("orientation") == "v"]
    rules = [e for e in rules or [] if e.get("orientation", "h") == "h"]
    rule_ys = sorted(e["top"] for e in rules)
    tables: list[WordTable] = []
    i = 0
    while i < len(lines):
        found = find_header(lines[i:], rule_ys, gap)
        head_at = i + found[0] if found else len(lines)
        if carried is not None and not tables and head_at > i and _continues(lines[i:head_at], carried):
            # the same columns, their boundaries measured again on this page's words (the page the
            # header stood on may have held no row at all); the edges stay those of the table
            here = [w for ln in lines[i:head_at] for w in ln]
            cuts = carried.cuts if carried.ruled else _cuts(carried.labels, here, carried.gap)
            layout = ColumnLayout(labels=carried.labels, roles=carried.roles, cuts=cuts, size=carried.size,
                                  ruled=carried.ruled, centred=carried.centred, gap=carried.gap)
            t = build_table(lines[:head_at], i, layout, None, page_no, rules, method, confidence)
            if t is not None:
                t.grid.col_edges = carried.edges
                carried.centred = layout.centred
                t.layout = carried
                tables.append(t)
        if found is None:
            break
        _, k, labels, roles = found
        body_start = head_at + k
        body_words = [w for ln in lines[body_start:] for w in ln]
        layout = _ruled_layout(lines[head_at:body_start], verticals, gap) \
            or ColumnLayout(labels=labels, roles=roles, cuts=_cuts(labels, body_words, gap), gap=gap)
        labels = layout.labels
        t = build_table(lines, body_start, layout, labels, page_no, rules, method, confidence)
        if t is None:
            break
        if not layout.ruled:  # columns measured again on the table's own words, without what follows it
            own = [w for w in body_words if w["top"] <= t.bottom]
            layout.cuts = _cuts(labels, own, gap)
            t = build_table(lines, body_start, layout, labels, page_no, rules, method, confidence) or t
        tables.append(t)
        i = next((j for j in range(body_start, len(lines)) if lines[j][0]["top"] > t.bottom + LINE_TOP_TOLERANCE),
                 len(lines))
    return tables


def _ruled_layout(band: list[list[dict]], verticals: list[dict], gap: float) -> ColumnLayout | None:
    """Columns from vertical rules drawn across the header (rules between columns, shaded header
    cells), with each column's name read between them; None when the rules do not make a header."""
    words = [w for ln in band for w in ln]
    top, bottom = min(w["top"] for w in words), max(w["bottom"] for w in words)
    left, right = min(w["x0"] for w in words), max(w["x1"] for w in words)
    last_top = min(w["top"] for w in band[-1])  # rules pass the header's last line (a parent name may span)
    xs: list[float] = []
    for x in sorted(e["x0"] for e in verticals if e["top"] <= last_top + 1 and e["bottom"] >= bottom - 1):
        if not xs or x - xs[-1] > 2.0:
            xs.append(x)
    inner = [x for x in xs if left < x < right]
    if not inner:
        return None
    edges = [max([x for x in xs if x <= left] or [left - 1.0]), *inner,
             min([x for x in xs if x >= right] or [right + 1.0])]
    labels: list[Label] = []
    for a, b in zip(edges, edges[1:], strict=False):
        column = [[w for w in ln if a <= (w["x0"] + w["x1"]) / 2 < b] for ln in band]
        column = [ln for ln in column if ln]
        text = "\n".join(" ".join(w["text"] for w in ln) for ln in column)
        labels.append(Label(text=text, x0=a, x1=b, top=top, bottom=bottom))
    roles = roles_of([lb.text.replace("\n", " ") for lb in labels])
    if "name" not in roles or len({r for r in roles if r}) < settings.HEADER_MIN_ROLES:
        return None
    return ColumnLayout(labels=labels, roles=roles, cuts=inner, ruled=True, gap=gap)


def rows_in_columns(words: list[dict], header: list[Label], roles: list[str | None], edges: list[float],
                    page_no: int, method: str, confidence: float) -> WordTable | None:
    """A table whose columns are drawn (rules, or shaded header cells) and whose rows are not: the
    columns come from the drawing, the rows are cut from the words as in a borderless table.
    `words` lie under the header."""
    layout = ColumnLayout(labels=header, roles=roles, cuts=list(edges[1:-1]))
    lines = [ln for ln in group_by_line(words) if ln]
    table = build_table(lines, 0, layout, header, page_no, [], method, confidence)
    if table is not None:
        table.grid.col_edges = list(edges)
    return table


def _continues(lines: list[list[dict]], layout: ColumnLayout) -> bool:
    """The lines at the top of a page go on with the carried table: they start no further left than
    its first column, open with no caption, are not set larger than the table, and one of them has
    words in two columns, none running across a boundary."""
    # the right end is not checked: values right-aligned under a centred column name stand past it
    x0 = layout.edges[0] - max(15.0, 0.1 * (layout.edges[-1] - layout.edges[0]))
    first = " ".join(w["text"] for w in sorted(lines[0], key=lambda w: w["x0"])) if lines else ""
    if not lines or (opens_caption(first) and (_spans_columns(lines[0], layout) or fold(first).startswith("phu luc"))):
        return False  # a new table's title ("Phụ lục II", "DANH MỤC ..." across the page), not a row going on
    if layout.size and _size(lines[0]) > layout.size * settings.BODY_SIZE_RATIO and _spans_columns(lines[0], layout):
        return False  # body text, set larger than the table
    if not all(x0 <= w["x0"] for ln in lines for w in ln):
        return False
    return any(len({layout.col_of(w) for w in ln}) >= 2 and not _spans_columns(ln, layout) for ln in lines)


def is_page_number(line: list[dict], page_height: float) -> bool:
    """A line of words that is only a page number, in the top or bottom band of the page."""
    band = settings.FURNITURE_BAND
    in_band = line[0]["top"] < band or line[0]["bottom"] > page_height - band
    return in_band and PAGE_NUMBER.match(" ".join(w["text"] for w in line)) is not None

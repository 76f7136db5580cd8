"""Tables in "layout" text (pdftotext -layout): columns kept as character positions.

A layout extraction pads every printed line with spaces so each word sits
under its place on the page. Columns are then the character ranges that text
occupies, with gutters that (almost) no line crosses; each run of words goes to
the column it starts in. Rows are anchored on their number in the STT column.
A cell is often centred vertically on its row, its lines above and below the
number; so each column's lines are cut into one piece per row, each centred on
its row's number, and top-aligned tables are cut at the numbers. A header's
names are centred too: their first lines may stand above the STT line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kehoach import settings
from kehoach.normalize.text import fold
from kehoach.parsers.columns import role_of, roles_of
from kehoach.parsers.kinds import is_total_label, is_unit_statement
from kehoach.parsers.text_centred import column_name_words, header_words
from kehoach.parsers.text_layout import _ROW_CODE, Numbering, TextHeader, is_group_label, is_page_number

_FRAGMENT = re.compile(r"\S+(?: \S+)*")
_FIGURE = re.compile(r"^\d{1,3}(?:[.,]\d{3})*(?:,\d+)?$|^\d+(?:[.,]\d+)?$")  # 150, 1.200, 75,5
# the number column's name opening a header line: "STT", "TT", "Số TT", "Số thứ tự"
_STT_LINE = re.compile(r"^\s*(?:S[ốo]\s+(?:TT|thứ tự|thu tu)|STT|TT|Stt)\s{2,}\S", re.IGNORECASE)


@dataclass(slots=True)
class Fragment:
    text: str
    x0: int
    x1: int


def fragments(line: str) -> list[Fragment]:
    return [Fragment(m.group(0), m.start(), m.end()) for m in _FRAGMENT.finditer(line)]


def is_layout(lines: list[str]) -> bool:
    """Lines padded to their page position: many of them hold a gap of three spaces or more."""
    printed = [ln for ln in lines if ln.strip()]
    wide = sum(1 for ln in printed if re.search(r"\S {3,}\S", ln))
    return len(printed) >= 3 and wide >= settings.TEXT_LAYOUT_SHARE * len(printed)


def _start_counts(lines: list[str]) -> tuple[dict[int, int], dict[int, int]]:
    """How many runs of words start at each position, and how many words run across it."""
    starts: dict[int, int] = {}
    across: dict[int, int] = {}
    for ln in lines:
        for f in fragments(ln):
            starts[f.x0] = starts.get(f.x0, 0) + 1
        for m in re.finditer(r"\S+", ln):
            for x in range(m.start() + 1, m.end()):
                across[x] = across.get(x, 0) + 1
    return starts, across


def _labels(header_lines: list[str]) -> list[tuple[int, int, str]]:
    """Column names of a layout header: runs of words stacked over each other are one name."""
    by_line = [_label_fragments(ln) for ln in header_lines]
    frs = sorted((f for line in by_line for f in line if not _over_sub_columns(f, by_line)), key=lambda f: f.x0)
    labels: list[list] = []
    for f in frs:
        for lab in labels:
            if f.x0 < lab[1] and lab[0] < f.x1:  # overlapping ranges: the same column's name wrapped
                lab[0], lab[1] = min(lab[0], f.x0), max(lab[1], f.x1)
                lab[2].append(f)
                break
        else:
            labels.append([f.x0, f.x1, [f]])
    labels.sort(key=lambda lab: lab[0])
    out = []
    for a, b, parts in labels:
        text = " ".join(p.text for p in sorted(parts, key=lambda p: (header_index(header_lines, p), p.x0)))
        out.append((a, b, text))
    return out


def _over_sub_columns(f: Fragment, by_line: list[list[Fragment]]) -> bool:
    """Is `f` a group label ("Đơn vị thực hiện") over two names or more of another header line? It
    names no column of its own: stacked with them it would join their columns into one."""
    if not is_group_label(f.text):
        return False
    centre = (f.x0 + f.x1) / 2

    def spans(g1: Fragment, g2: Fragment) -> bool:
        """Is `f` centred between two neighbouring names and over the gap between them?"""
        return (g1.x0 + g1.x1) / 2 < centre < (g2.x0 + g2.x1) / 2 and f.x0 <= g2.x0 and f.x1 >= g1.x1
    return any(sum(1 for g in line if g.x0 < f.x1 and f.x0 < g.x1) >= 2
               or any(spans(g1, g2) for g1, g2 in zip(line, line[1:], strict=False))
               for line in by_line if f not in line)


def header_index(header_lines: list[str], f: Fragment) -> int:
    return next((i for i, ln in enumerate(header_lines) if ln[f.x0:f.x1] == f.text), 0)


def _label_fragments(line: str) -> list[Fragment]:
    """Column names on a header line: runs of words parted by two spaces or more, and a run cut
    before a capitalised word inside it (a tight layout parts two names by one space: "Đơn vị
    chủ Cơ quan phối"; a name's own words after its first are in lower case)."""
    out = []
    for f in fragments(line):
        cuts = [0] + [w.start() for w in re.finditer(r"(?<= )\w\w", f.text)
                      if w.group(0)[0].isupper() and w.group(0)[1].islower()] + [len(f.text)]
        for a, b in zip(cuts, cuts[1:], strict=False):
            part = f.text[a:b].rstrip()
            out.append(Fragment(part, f.x0 + a, f.x0 + a + len(part)))
    return out


def column_starts(header_lines: list[str], body: list[str]) -> tuple[list[int], list[str]]:
    """Where each column begins, and its printed name.

    A column's name is centred over it while its cells are left-aligned, so
    between two names the column boundary is the position where the most runs
    of words start (the next column's cells), searched between the two names' centres.
    """
    labels = _labels(header_lines)
    counts, across = _start_counts(body)
    starts = [0]
    for (a0, a1, _), (b0, b1, _) in zip(labels, labels[1:], strict=False):
        # from the left name's centre (a narrow column's cells start about there) to the right one's
        lo, hi = max((a0 + a1) // 2 - 1, starts[-1] + 2), (b0 + b1) // 2
        # a boundary no word runs across (a gutter) where many runs start
        cands = [(counts.get(x, 0) - settings.TEXT_ACROSS_WEIGHT * across.get(x, 0), -x) for x in range(lo, hi + 1)]
        best = max(cands, default=(0, -b0))
        starts.append(-best[1] if best[0] > 0 else b0)
    return starts, [t for _, _, t in labels]


def read_layout_header(lines: list[str], at: int) -> TextHeader | None:
    """A layout header on the STT line `at`, its column names read by position: names centred in
    their cells print their first lines above the STT line and their last ones below it (a text
    reading of the joined lines mixes them up). None when these lines name no plan table."""
    if not _STT_LINE.match(lines[at]):
        return None
    top = at
    while top > 0 and at - top < settings.TEXT_LAYOUT_HEADER_ABOVE and _header_like(lines[top - 1], above=True):
        top -= 1
    end = at + 1
    while end < len(lines) and end - at <= settings.TEXT_LAYOUT_HEADER_ABOVE and _header_like(lines[end]) \
            and not _ROW_CODE.match(lines[end].strip()):
        end += 1
    names = [t for _, _, t in _labels(lines[top:end])]
    roles = roles_of(names, keep_repeats=True)
    known = {r for r in roles if r and r != "stt"}
    if "name" not in known or len(known) < settings.HEADER_MIN_ROLES - 1:
        return None
    return TextHeader(start=top, end=end, roles=roles, texts=names)


def _right_aligned_figures(cols: list[int], roles: list[str | None], lines: list[str]) -> list[int]:
    """Column starts with each amount column widened over its figures.

    Amounts are right-aligned: they start anywhere and end at the column's right edge, and a note
    after them may stand one space away ("150 Nguồn sự nghiệp KHCN"), so the next column's start
    read from where runs of words begin falls on the figures' own starts. The boundary goes just
    past the figures' common right edge, and before the leftmost figure on the left."""
    out = list(cols)
    slack = settings.TEXT_LAYOUT_FIGURE_SLACK
    for k, role in enumerate(roles):
        if role != "amount" or k == 0:
            continue
        hi = out[k + 1] if k + 1 < len(out) else None
        figures = [(m.start(), m.end()) for ln in lines for m in re.finditer(r"\S+", ln)
                   if _FIGURE.match(m.group(0)) and out[k] - slack <= m.start()
                   and (hi is None or m.start() < hi + slack)]
        if len(figures) < 2:
            continue
        edge, count = max(Counter(e for _, e in figures).items(), key=lambda kv: (kv[1], kv[0]))
        if count < 2:
            continue
        left = min(a for a, e in figures if edge - settings.TEXT_LAYOUT_EDGE_SLACK <= e <= edge)  # aligned ones
        out[k] = max(out[k - 1] + 1, min(out[k], left))
        if hi is not None and hi <= edge:
            out[k + 1] = edge + 1  # the word after the figure, past the one space between them
    return out


def _header_like(line: str, above: bool = False) -> bool:
    """A line of a header's wrapped names: printed, and every run of words on it short."""
    runs = _label_fragments(line)
    if not runs or is_unit_statement(line):
        return False
    # above the STT line, names side by side may each run to a few words ("Chỉ tiêu đến năm"), but
    # a line of one run is a name only when short (a title or a caption is one longer run); under
    # the STT line the first row's wrapped cells may follow at once, so there every name stays short
    wide = above and len(runs) > 1
    most = settings.TEXT_LAYOUT_HEADER_WORDS - 2 if wide else settings.TEXT_LAYOUT_HEADER_WORDS // 2
    if all(len(f.text.split()) <= most for f in runs):
        return True
    # longer runs made of column-name words only ("Đơn vị chủ trì   Đơn vị phối hợp" under a group
    # label): the names' lower line, not a first row's cells
    names = column_name_words()
    return all(len(f.text.split()) <= settings.TEXT_LAYOUT_HEADER_WORDS
               and all(w in names for w in header_words(f.text)) for f in runs)


def _column_of(x: float, starts: list[int]) -> int:
    """The column of a run starting (or centred) at x: the last column starting at or before it."""
    k = 0
    for i, s in enumerate(starts):
        if s <= x + 1:
            k = i
    return k


def read_layout_table(header_lines: list[str], body: list[str], pages: list[int] | None = None,
                      ) -> tuple[list[str | None], list[str], list[tuple[str, bool, list[str]]]] | None:
    """(roles, column names, rows as (code, is_group, cell texts)) of a layout table, or None.

    `header_lines` are the lines of its column names, `body` the lines under them
    up to the table's end (repeated headers and page numbers included), `pages` the
    page of each body line (a layout tool places each page's text on its own).
    """
    cols, names = column_starts(header_lines, body)
    if len(cols) < 3:
        return None
    roles = [role_of(n) for n in names]
    if "name" not in roles:
        return None
    cols = _right_aligned_figures(cols, roles, body)
    stt_k = 0
    # each line as column texts, word by word (a tight layout parts two cells by one space only);
    # a header printed again on a new page may sit a few characters off: its page is measured anew
    grid: list[list[str]] = []
    page_cols = cols
    shifted = _page_shifts(cols, body, pages)
    for i, ln in enumerate(body):
        if pages is not None and (i == 0 or pages[i] != pages[i - 1]):
            page_cols = shifted[pages[i]]
        if _STT_LINE.match(ln):
            end = next((j for j in range(i + 1, len(body)) if _STT_LINE.match(body[j])), len(body))
            again, _ = column_starts([ln], body[i + 1:end])
            enough = sum(1 for b in body[i + 1:end] if b.strip()) >= settings.TEXT_LAYOUT_PAGE_LINES
            page_cols = _right_aligned_figures(again, roles, body[i + 1:end]) \
                if len(again) == len(cols) and enough else page_cols
        grid.append(_line_cells(ln, page_cols, stt_k))
    header_again = {n.strip() for n in names if n.strip()}
    numbering = Numbering()
    anchors: list[tuple[int, str, bool]] = []
    skip: set[int] = set()
    head_words = set(re.findall(r"\w+", fold(" ".join(names))))
    stt_lines = [i for i, ln in enumerate(body) if _STT_LINE.match(ln)]
    for i in stt_lines:  # the header printed again on a new page, its names wrapped above and below
        skip.add(i)
        for j in (i - 2, i - 1, i + 1, i + 2):
            if 0 <= j < len(body) and body[j].strip() and set(re.findall(r"\w+", fold(body[j]))) <= head_words:
                skip.add(j)
    name_k = roles.index("name")
    codes = [(i, row[stt_k]) for i, row in enumerate(grid) if row[stt_k] and i not in skip]
    for i, row in enumerate(grid):
        filled = [t for t in row if t]
        if i in skip:
            continue
        if filled and all(t in header_again or role_of(t) for t in filled) and len(filled) >= 2:
            skip.add(i)  # the header printed again on a new page
            continue
        if len(filled) == 1 and is_page_number(filled[0]) and not row[stt_k]:
            skip.add(i)  # a page number
            continue
        if not row[stt_k] and is_total_label(row[name_k]) and any(
                t for k, t in enumerate(row) if k not in (stt_k, name_k)):
            anchors.append((i, "", False))  # "Tổng cộng ... 1.725,5": its own row, not the last item's
            continue
        if row[stt_k]:
            # a number out of sequence (printed twice, one skipped) still starts a row, as in the
            # plain-text reader, when a capitalised name opens by it or the numbering goes on from it
            start = numbering.accept(row[stt_k], next_text=_opening_name(grid, i, name_k, skip, anchors),
                                     later=lambda code, i=i: any(t == code for j, t in codes if j > i))
            if start is not None:
                anchors.append((i, start.code, start.group))
    if not anchors:
        return None
    groups = {a for a, _, g in anchors if g}
    # cells centred on their number print lines above it; a group title's wrapped line above the first
    # item fills only the name column, so only the other columns tell
    first_item = next((a for a, _, g in anchors if not g), None)
    after_group = max((a for a in groups if first_item is not None and a < first_item), default=-1)
    items = [a for a, code, g in anchors if not g and code]
    # a top-aligned row prints its name's capitalised first line beside its number; a centred one
    # prints a middle line there (lower-case) or nothing, the first lines above
    # (an empty name there says it alone; a lower-case start may be a name's own first word)
    mid_name = sum(2 if not grid[a][name_k] else 1 for a in items if not grid[a][name_k][:1].isupper())
    centred = first_item is not None and (any(
        grid[i][k] for i in range(after_group + 1, first_item) for k in range(len(cols))
        if k not in (stt_k, name_k) and i not in skip and not _title_line(body[i], cols, name_k))
        or mid_name >= max(settings.TEXT_LAYOUT_CENTRED_MIN, settings.TEXT_LAYOUT_CENTRED_SHARE * len(items)))
    spans = _group_spans(grid, body, cols, anchors, groups, skip, name_k, centred)
    in_groups = {i for span in spans.values() for i in span}
    rows: list[tuple[str, bool, list[str]]] = []
    cells: list[list[list[str]]] = [[[] for _ in cols] for _ in anchors]
    for k in range(len(cols)):
        if k == stt_k:
            continue
        lines_k = [(i, grid[i][k]) for i in range(len(grid)) if i not in skip]
        items = [a for a, _, g in anchors if not g]
        bounds = _cuts(items, [(i, t) for i, t in lines_k if i not in in_groups], centred) if items else []
        it = iter(bounds)
        for r, (a, _, g) in enumerate(anchors):
            if g:  # a group row: its title, the lines of its span read whole (it runs across the table)
                cells[r][k] = [" ".join(grid[i][1:]).strip() for i in spans[a]] if k == name_k else []
                cells[r][k] = [t for t in cells[r][k] if t]
                continue
            lo, hi = next(it)
            cells[r][k] = [t for i, t in lines_k if lo <= i < hi and t and i not in in_groups]
    for r, (_, code, group) in enumerate(anchors):
        texts = ["\n".join(cells[r][k]) for k in range(len(cols))]
        texts[stt_k] = code
        rows.append((code, group, texts))
    return roles, names, rows


def _line_cells(line: str, cols: list[int], stt_k: int) -> list[str]:
    """One layout line as column texts, word by word (a tight layout parts two cells by one space
    only). A run of words set apart from the one before it that starts just short of the next
    column, in a column this line already filled, is the next column's: the tool set it a few
    characters left of its cell's edge to make room (a long unit "Thứ bậc" beside the name)."""
    row = [""] * len(cols)
    k = 0
    for f in fragments(line):
        head = _column_of(f.x0, cols)
        if row[head] and head + 1 < len(cols) and cols[head + 1] - f.x0 <= settings.TEXT_LAYOUT_PUSH_SLACK:
            head += 1
        k = max(k, head)
        words = list(re.finditer(r"\S+", f.text))
        for n, m in enumerate(words):
            x0, x1 = f.x0 + m.start(), f.x0 + m.end()
            at = max(k, _column_of(x0, cols)) if n else k
            if n and at == k and at + 1 < len(cols) and row[at] and x0 < cols[at + 1] \
                    and cols[at + 1] - x0 <= settings.TEXT_LAYOUT_WORD_PUSH and m.group(0)[:1].isupper() \
                    and (x1 > cols[at + 1] or (n + 1 < len(words) and f.x0 + words[n + 1].start() >= cols[at + 1])):
                # a capitalised word across the next column's edge, or just before that cell's words:
                # the cell's first word, pushed left
                at += 1
            if at == stt_k and x0 > 0 and any(row):
                at = stt_k + 1  # the STT cell holds one short code; words after it are the name's
            k = at
            row[at] = (row[at] + " " + m.group(0)).strip()
    return row


def _page_shifts(cols: list[int], body: list[str], pages: list[int] | None) -> dict[int, list[int]]:
    """The column starts on each page of a table. A layout tool sets each page's text from its own
    left margin, so a page whose lines start further left or right (a wider row number, a narrower
    name) holds the same columns some characters off: the shift where the most runs of words start
    on its column boundaries and the fewest words run across them (a page with its header printed
    again is measured under it instead)."""
    if pages is None:
        return {}
    out: dict[int, list[int]] = {}
    for page in dict.fromkeys(pages):
        lines = [ln for ln, p in zip(body, pages, strict=True) if p == page]
        if sum(1 for ln in lines if ln.strip()) < settings.TEXT_LAYOUT_PAGE_LINES \
                or any(_STT_LINE.match(ln) for ln in lines):  # a repeated header: measured under it
            out[page] = cols
            continue
        counts, across = _start_counts(lines)
        most = settings.TEXT_LAYOUT_PAGE_SHIFT
        fit = {d: sum(counts.get(c + d, 0) - settings.TEXT_ACROSS_WEIGHT * across.get(c + d, 0) for c in cols[1:])
               for d in range(-most, most + 1)}
        best = max(fit, key=lambda d: (fit[d], -abs(d)))
        # a shift must fit clearly better: on each boundary, a few more runs start and fewer words cross
        clearly = fit[best] - fit[0] >= settings.TEXT_LAYOUT_SHIFT_GAIN * (len(cols) - 1)
        out[page] = [cols[0]] + [c + best for c in cols[1:]] if clearly else cols
    return out


def _opening_name(grid: list[list[str]], at: int, name_k: int, skip: set[int],
                  anchors: list[tuple[int, str, bool]]) -> str:
    """The name text a row number on line `at` opens: a capitalised first line of the name on the
    number's line or above it (a cell centred on its number prints its first lines above), below
    the previous row's number, or on the line under it; else the name text on the number's line."""
    floor = anchors[-1][0] if anchors else -1
    for j in [*range(at, floor, -1), at + 1]:
        if 0 <= j < len(grid) and j not in skip and grid[j][name_k][:1].isupper():
            return grid[j][name_k]
    return grid[at][name_k]


def _group_spans(grid: list[list[str]], body: list[str], cols: list[int], anchors: list[tuple[int, str, bool]],
                 groups: set[int], skip: set[int], name_k: int, centred: bool) -> dict[int, list[int]]:
    """The lines of each group row's title: its wrapped lines fill the name column only, centred on
    the group's number (as many above as below) or, top-aligned, under it."""
    anchor_lines = {a for a, _, _ in anchors}

    def name_only(i: int) -> bool:
        return 0 <= i < len(grid) and i not in skip and i not in anchor_lines and _title_line(body[i], cols, name_k)

    spans: dict[int, list[int]] = {}
    for a in groups:
        above = 0
        while centred and name_only(a - above - 1):
            above += 1
        below, most = 0, (above + (0 if grid[a][name_k] else 1)) if centred else len(grid)
        while below < most and name_only(a + below + 1):
            below += 1
        spans[a] = list(range(a - above, a + below + 1))
    return spans


def _title_line(line: str, cols: list[int], name_k: int) -> bool:
    """One run of words from the name column on: a group title's line (it may run across the
    table's columns, so its words fall in several of them)."""
    runs = fragments(line)
    return len(runs) == 1 and _column_of(runs[0].x0, cols) == name_k


def _cuts(anchors: list[int], lines: list[tuple[int, str]], centred: bool) -> list[tuple[int, int]]:
    """[lo, hi) line ranges of each row in one column."""
    if not centred:
        return [(a, anchors[r + 1] if r + 1 < len(anchors) else 10**9) for r, a in enumerate(anchors)]
    owner = _centred_owners(anchors, [i for i, t in lines if t])
    bounds: list[tuple[int, int]] = []
    lo = -(10**9)
    for r in range(len(anchors)):
        if r + 1 == len(anchors):
            bounds.append((lo, 10**9))
            break
        later = [i for i, o in owner.items() if o > r]
        hi = min(later) if later else anchors[r + 1]
        hi = max(hi, lo)
        bounds.append((lo, hi))
        lo = hi
    return bounds


def _centred_owners(anchors: list[int], filled: list[int]) -> dict[int, int]:
    """The row (index into `anchors`) of each filled line of one column, cells centred on their row's
    number: the column's lines cut into one piece per row, in order, each piece as well centred on
    its row's number line as can be. (Lines of one cell need not follow each other: a layout tool
    writes the other columns' lines between them, at their own heights.) A piece stays between the
    numbers of the rows around its own: a cell centred on its number ends before the next one's."""
    m, n = len(anchors), len(filled)
    if not n:
        return {}
    inf = float("inf")

    def allowed(r: int, i: int) -> bool:
        line = filled[i]
        return (r == 0 or line > anchors[r - 1]) and (r == m - 1 or line < anchors[r + 1])

    def cost(a: int, b: int, r: int) -> float:  # filled[a:b] as row r's piece
        if b <= a:
            return settings.TEXT_LAYOUT_EMPTY_CELL
        return abs((filled[a] + filled[b - 1]) / 2 - anchors[r])

    best = [[inf] * (n + 1) for _ in range(m + 1)]
    cut = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for r in range(m):
        for a in range(n + 1):
            if best[r][a] == inf:
                continue
            b = a
            while True:
                v = best[r][a] + cost(a, b, r)
                if v < best[r + 1][b]:
                    best[r + 1][b], cut[r + 1][b] = v, a
                if b == n or not allowed(r, b):
                    break
                b += 1
    if best[m][n] == inf:  # no cut keeps every piece between its neighbours' numbers: nearest number
        return {i: min(range(m), key=lambda r: abs(anchors[r] - i)) for i in filled}
    owner: dict[int, int] = {}
    b = n
    for r in range(m, 0, -1):
        a = cut[r][b]
        owner.update({filled[i]: r - 1 for i in range(a, b)})
        b = a
    return owner

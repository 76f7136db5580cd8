"""A table header centred on its STT line, as a tool that writes a table by printed line returns it.

pdfplumber's `extract_text()` writes one output line per printed baseline. In a
header whose cells are centred vertically, the one-line names ("STT", "Tên chỉ
tiêu") stand on the middle line, and a name of n lines has as many lines above
the middle as below it ("Đơn" / "vị" / "tính": one above, one on the middle
line, one below; "Thời gian" / "hoàn thành": one above, one below; names of
odd and even line counts sit on alternate baselines). Every output line still
reads its fragments left to right in column order, and a line d above the
middle holds the same columns as the line d below it.

So the names are rebuilt from the outermost pair of lines inwards: each line is
cut into fragments that read as parts of known column names (parsers/columns),
a fragment opening on a lower-case word goes on a name begun further out, a
capitalised one starts a name; the lower line of each pair is cut into as
many fragments as its upper line. The columns are then put in order from the
order each line shows, the order plans give their columns breaking ties.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from kehoach import settings
from kehoach.normalize.text import collapse, fold
from kehoach.parsers.columns import role_of, vocabulary

# the number column's name opening a header line (folded), and "S T T" / "S TT" printed apart
STT_OPEN = re.compile(r"^\s*(?:stt|tt|st|so tt|so thu tu)(?:\s|$)")
STT_SPLIT = re.compile(r"^\s*S\s*T\s*T\b|^\s*S\s*TT\b", re.IGNORECASE)
_UNIT_LINE = re.compile(r"^\(?\s*don vi(?: tinh)?\s*:")  # "Đơn vị tính: triệu đồng": the caption's
# the order columns stand in, left to right, in a plan's table: it breaks ties the lines leave open
COLUMN_ORDER = {"stt": 0, "name": 1, "unit_of_measure": 2, "result": 3, "lead": 4, "coordinating": 5,
                "monitoring": 6, "deadline": 7, "amount": 8, "note": 9}
# fragment scores: each word of a fragment that is part of a known name (half as much for a longer
# printed name holding one), a fragment that is none, the price of each fragment (so "Số TT" stays
# whole), a cut before a lower-case word (half of it when the fragment goes on with an open name)
_PART_WORD, _NO_PART, _FRAGMENT, _LOWER_CUT = 0.5, -2.0, 0.4, -1.5
_PART = 1.0  # a fragment of a lower line that ends the name its upper one begins


def header_words(text: str) -> list[str]:
    """The folded words of a header's text (two letters or more)."""
    return [t for t in re.findall(r"[a-z0-9]+", fold(text)) if len(t) >= 2]


@lru_cache(maxsize=1)
def column_name_words() -> frozenset[str]:
    """Words of every known column name (parsers/data/columns.csv)."""
    return frozenset(t for names in vocabulary().words.values() for n in names for t in header_words(n))


@lru_cache(maxsize=1)
def _name_parts() -> frozenset[tuple[str, ...]]:
    """Every run of consecutive words of a known column name: what a fragment of one may be."""
    parts: set[tuple[str, ...]] = set()
    for names in vocabulary().words.values():
        for n in names:
            words = _folded([n])
            parts.update(words[i:j] for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    return frozenset(parts)


def _folded(words: list[str]) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", fold(" ".join(words))))


def _is_part(words: list[str]) -> bool:
    return _folded(words) in _name_parts()


def _fragment_line(line: str) -> bool:
    """Is this a line of column-name fragments: short, most of its words words of known names?"""
    words = header_words(line)
    if not words or len(line.split()) > settings.TEXT_CENTRED_HEADER_WORDS or _UNIT_LINE.match(fold(line)):
        return False
    return 2 * sum(w in column_name_words() or w.isdigit() for w in words) > len(words)


def centred_above(lines: list[str], at: int) -> int:
    """How many lines right above the STT line at `at` hold the upper parts of column names centred
    on it: lines opening with a capital, mostly of column-name words, with as many such lines below
    the STT line."""
    a = 0
    while a < settings.TEXT_CENTRED_HEADER_LINES and at - a - 1 >= 0 and at + a + 1 < len(lines):
        text = lines[at - a - 1].strip()
        # (a title above a table, "MỘT SỐ CHỈ TIÊU CHỦ YẾU", is printed in capitals, a name is not)
        if STT_OPEN.match(fold(text)) or not text[:1].isupper() or not _fragment_line(text) \
                or (text.isupper() and len(text.split()) > 2) or not _fragment_line(lines[at + a + 1].strip()):
            break
        a += 1
    return a


def _cut_below(words: list[str], tops: list[list[str]]) -> list[list[str]]:
    """A lower line cut into one fragment for each fragment of its upper line, each fragment the
    end of the name its upper one begins: the two join as a known name's words do."""
    n, count = len(words), len(tops)
    best: list[dict[int, tuple[float, list[int]]]] = [{0: (0.0, [])}] + [{} for _ in range(n)]
    for j in range(1, n + 1):
        for i in range(j):
            for k, (score, cuts) in best[i].items():
                if k + 1 > count:
                    continue
                top, frag = _folded(tops[k]), _folded(words[i:j])
                joined = bool(top and frag) and (top + frag in _name_parts() or top[-1:] + frag[:1] in _name_parts())
                # a fragment that is part of some known name is a plausible end, short of joining
                total = score + (_PART if joined else 0.0 if frag in _name_parts() else _NO_PART)
                if total > best[j].get(k + 1, (-1e9, []))[0]:
                    best[j][k + 1] = (total, cuts + [i])
    if count not in best[n]:
        return [words]
    cuts = best[n][count][1] + [n]
    return [words[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


def _cut(words: list[str], continues: Callable[[list[str]], bool] | None = None) -> list[list[str]]:
    """The best cut of a line's words into fragments: parts of known names score, the longer a
    capitalised one the better; a cut before a lower-case word costs (names open with a capital)
    unless the fragment `continues` a name begun further out."""
    n = len(words)
    # best[j][k]: (score, cuts) of words[:j] in k fragments
    best: list[dict[int, tuple[float, list[int]]]] = [{0: (0.0, [])}] + [{} for _ in range(n)]
    for j in range(1, n + 1):
        for i in range(j):
            frag = words[i:j]
            cap = frag[0][:1].isupper()
            part = _is_part(frag)
            # a capitalised word inside opens a name of its own, unless the whole is part of a known one
            inner_cap = any(w[:1].isupper() for w in frag[1:])
            goes_on = not cap and not inner_cap and continues is not None and continues(frag)
            # a capitalised fragment holding a known name is a printed name longer than the known one
            # (but not one whose tail goes on with a name begun further out: "Tên chỉ tiêu | đến")
            named = cap and not part and not inner_cap and role_of(" ".join(frag)) is not None and not (
                continues is not None and any(not frag[p][:1].isupper() and continues(frag[p:q])
                                              for p in range(1, len(frag)) for q in range(p + 1, len(frag) + 1)))
            if part or goes_on:
                piece = _PART_WORD * len(frag) - _FRAGMENT
            elif named:
                piece = _PART_WORD / 2 * len(frag) - _FRAGMENT
            else:
                piece = _NO_PART - _FRAGMENT
            if i and not cap:
                piece += _LOWER_CUT / 2 if goes_on else _LOWER_CUT
            for k, (score, cuts) in best[i].items():
                if score + piece > best[j].get(k + 1, (-1e9, []))[0]:
                    best[j][k + 1] = (score + piece, cuts + [i])
    cuts = max(best[n].values(), key=lambda v: v[0])[1] + [n]
    return [words[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


@dataclass(slots=True)
class _Column:
    top: list[str] = field(default_factory=list)  # fragments above the middle line, top first
    bottom: list[str] = field(default_factory=list)  # fragments below it, top first
    mid: str = ""
    span: int = 0  # printed lines

    def name(self) -> str:
        return collapse(" ".join(self.top + [self.mid] + self.bottom))

    def takes(self, fragment: list[str]) -> bool:
        """Does this name, begun further out, go on with `fragment`? See `_joins`."""
        top, frag = _folded(self.top), _folded(fragment)
        return bool(top and frag) and _joins(top, frag)


def _joins(first: tuple[str, ...], then: tuple[str, ...]) -> bool:
    """Can `then` follow `first` in a column name: together still part of a known name, or joined
    by two words a known name holds side by side ("Mục tiêu | đến năm": "Chỉ tiêu đến năm"), the
    second of column-name words and figures only?"""
    return first + then in _name_parts() or (
        first[-1:] + then[:1] in _name_parts() and all(w in column_name_words() or w.isdigit() for w in then))


def _continues(columns: list[_Column], open_: list[int]) -> Callable[[list[str]], bool]:
    """Does a fragment go on with one of the open names?"""
    return lambda frag: any(columns[c].takes(frag) for c in open_)


def _place(columns: list[_Column], fragments: list[list[str]], open_: list[int]) -> list[int]:
    """The column of each fragment of one line: a lower-case fragment goes on an open name (the
    first one after the last taken that it continues), any other starts a new column."""
    placed: list[int] = []
    after = -1
    for frag in fragments:
        k = None
        if not frag[0][:1].isupper():
            k = next((c for c in open_ if open_.index(c) > after and columns[c].takes(frag)), None)
        if k is None:
            columns.append(_Column())
            k = len(columns) - 1
        else:
            after = open_.index(k)
        placed.append(k)
    return placed


def centred_names(lines: list[str], at: int, a: int) -> list[str] | None:
    """The column names of a header centred on its STT line `at`, with `a` lines of name parts above
    it and `a` below, in column order; None when the lines do not read so."""
    orders = centred_name_orders(lines, at, a)
    return orders[0] if orders else None


def centred_name_orders(lines: list[str], at: int, a: int) -> list[list[str]] | None:
    """Every order of the column names such a header's lines allow, the likeliest first (see
    `_in_order`): a name printed on lines no other name shares ("Đơn vị" / "tính" above and below
    an STT line it is absent from) may stand in any gap its lines leave, and only the rows under
    the header tell which. None when the lines do not read as a centred header."""
    columns: list[_Column] = []
    orders: list[list[int]] = []  # the columns each output line shows, left to right
    open_: list[int] = []
    for d in range(a, 0, -1):
        top = _cut(lines[at - d].split(), continues=_continues(columns, open_))
        bottom = _cut_below(lines[at + d].split(), top)
        if len(bottom) != len(top):
            return None
        placed = _place(columns, top, open_)
        for k, t, b in zip(placed, top, bottom, strict=True):
            columns[k].top.append(" ".join(t))
            columns[k].bottom.insert(0, " ".join(b))
            columns[k].span += 2
        orders.append(placed)
        open_ = sorted(set(open_) | set(placed), key=lambda c: _first_seen(orders, c))
    middle = STT_SPLIT.sub("STT", lines[at]).split()
    fragments = _cut(middle, continues=_continues(columns, open_))
    placed = _place(columns, fragments, open_)
    for k, frag in zip(placed, fragments, strict=True):
        columns[k].mid = " ".join(frag)
        columns[k].span += 1
    orders.append(placed)
    return [[columns[k].name() for k in order] for order in _in_order(columns, orders)]


def _first_seen(orders: list[list[int]], c: int) -> tuple[int, int]:
    return next((i, line.index(c)) for i, line in enumerate(orders) if c in line)


def _in_order(columns: list[_Column], orders: list[list[int]]) -> list[list[int]]:
    """The orders of the columns left to right that keep each line's order, at most
    TEXT_HEADER_ORDERS of them. The first puts the columns no line orders by the order plans give
    their columns (COLUMN_ORDER), then by the fewest printed lines (the wide name column wraps least)."""
    after: dict[int, set[int]] = {k: set() for k in range(len(columns))}
    for line in orders:
        for x, y in zip(line, line[1:], strict=False):
            after[x].add(y)
    roles = [role_of(c.name()) for c in columns]
    every = set(range(len(columns)))
    for lead_role, rest in (("stt", every), ("name", {k for k in every if roles[k] != "stt"})):
        for k in (k for k in every if roles[k] == lead_role):
            after[k] |= rest - {k}  # a plan's table opens with its number, then the name
    waiting = _waiting(after)

    def key(k: int) -> tuple[int, int, int]:
        return COLUMN_ORDER.get(roles[k] or "", len(COLUMN_ORDER)), columns[k].span, k

    if not _acyclic(after, waiting):
        return [list(range(len(columns)))]  # the lines disagree
    out: list[list[int]] = []

    def extend(order: list[int], waiting: dict[int, int]) -> None:
        """Depth first, the likeliest column first at each step: the first complete order is the
        one a priority queue by `key` gives."""
        if len(out) >= settings.TEXT_HEADER_ORDERS:
            return
        ready = sorted((k for k, w in waiting.items() if w == 0), key=key)  # (a placed column waits -1)
        if not ready:
            if len(order) == len(columns):
                out.append(order)
            return
        for k in ready:
            left = dict(waiting)
            left[k] = -1
            for y in after[k]:
                left[y] -= 1
            extend([*order, k], left)

    extend([], waiting)
    return out


def _waiting(after: dict[int, set[int]]) -> dict[int, int]:
    """How many columns must come before each one."""
    waiting = {k: 0 for k in after}
    for nxt in after.values():
        for y in nxt:
            waiting[y] += 1
    return waiting


def _acyclic(after: dict[int, set[int]], waiting: dict[int, int]) -> bool:
    """Do these "x before y" pairs allow an order at all (Kahn's algorithm)?"""
    left = dict(waiting)
    ready = [k for k, w in left.items() if w == 0]
    seen = 0
    while ready:
        k = ready.pop()
        seen += 1
        for y in after[k]:
            left[y] -= 1
            if left[y] == 0:
                ready.append(y)
    return seen == len(after)

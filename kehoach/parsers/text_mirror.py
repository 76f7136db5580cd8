"""The cells of a table row centred on its number, read line pair by line pair.

In a row whose cells are centred vertically, a tool that writes a table by
printed line (pdfplumber's `extract_text()`) returns the row as 2a+1 lines: the
number's line in the middle, a lines above, a below. Every cell is centred on
the same middle, so the line d above the middle and the line d below it hold
runs of the very same cells (a cell of n lines reaches n/2 lines each way), in
column order. This module decodes each such pair of lines together: one
sequence of columns for both, each line cut into one run per column, the cut
scored by what each column holds (text_cells.emission) and by how a run opens.
The middle line is cut alone. A row that is not so (an even count of lines, a
last row with text after it) is left to the one-line-at-a-time best path of
text_cells.
"""

from __future__ import annotations

from kehoach import settings
from kehoach.parsers.text_bodies import juxtaposed
from kehoach.parsers.text_cells import BODY_ROLES, JUXTAPOSED_STAY, Vocabulary, Word, body_heads, emissions, open_cost

_NEG = -1e18


def _line_words(line: str) -> list[Word]:
    toks = line.split()
    return [Word(t, 0, False, j == 0, len(line.strip())) for j, t in enumerate(toks)]


class _Scorer:
    """Prefix sums of each column's emissions over one line's words, and run opening scores."""

    def __init__(self, words: list[Word], roles: list[str], numeric_result: bool, vocab: Vocabulary | None,
                 opening: bool, used: set[int]) -> None:
        self.n = len(words)
        texts = [w.text for w in words]
        hs = body_heads(words)
        # two bodies' names side by side with nothing between are two cells' (text_bodies.juxtaposed)
        side = juxtaposed(texts, [w.line_start for w in words], hs)
        em = emissions(words, roles, numeric_result, vocab, hs)
        self.widths = [0] * (self.n + 1)
        for i, w in enumerate(words):
            self.widths[i + 1] = self.widths[i] + len(w.text)
        self.prefix = [[0.0] * (self.n + 1) for _ in roles]
        self.sides = [[0] * (self.n + 1) for _ in roles]
        for c, role in enumerate(roles):
            body = role in BODY_ROLES
            for i in range(self.n):
                self.prefix[c][i + 1] = self.prefix[c][i] + em[i][c]
                self.sides[c][i + 1] = self.sides[c][i] + (body and side[i])
        # a run on the upper line of a pair opens its cell's line there: it opens as a cell does; a
        # second body named in the lead cell (a row has one lead body far more often) costs
        self.opens = [[(open_cost(words, i, role, hs, wrapped=True) if opening else 0.0)
                       - (settings.TEXT_LEAD_EXTRA_BODY if role == "lead" and c in used and hs[i] else 0.0)
                       for i in range(self.n)] for c, role in enumerate(roles)]

    def chars(self, a: int, b: int) -> int:
        """Printed width of words a..b-1 (with the spaces between)."""
        return self.widths[b] - self.widths[a] + max(0, b - a - 1)

    def run(self, c: int, a: int, b: int) -> float:
        """Score of words a..b-1 as one run of column c."""
        inside = self.sides[c][b] - self.sides[c][a + 1] if b > a + 1 else 0
        return self.prefix[c][b] - self.prefix[c][a] + self.opens[c][a] - settings.TEXT_NEW_CELL_IN_LINE \
            - JUXTAPOSED_STAY * inside


def _pair(top: list[Word], bottom: list[Word], roles: list[str], numeric_result: bool,
          vocab: Vocabulary | None, used: set[int]) -> tuple[list[int], list[int]]:
    """The column of each word of two mirrored lines: one column sequence for both, each line cut
    into one run per column (DP in two half steps: the upper run, then the lower run of a column)."""
    p, q, n_cols = len(top), len(bottom), len(roles)
    up = _Scorer(top, roles, numeric_result, vocab, True, used)
    down = _Scorer(bottom, roles, numeric_result, vocab, False, used)
    # f[c][i][j]: best with the runs of columns up to c taking top[:i] and bottom[:j], c the last
    f = [[[_NEG] * (q + 1) for _ in range(p + 1)] for _ in range(n_cols)]
    start = (-1, 0, 0)
    back: dict[tuple[int, int, int], tuple[tuple[int, int, int], int, int]] = {}
    # best[i][j]: (score, state) over columns below the one being opened
    best = [[(_NEG, start)] * (q + 1) for _ in range(p + 1)]
    best[0][0] = (0.0, start)
    for c in range(n_cols):
        half = [[(_NEG, 0)] * (q + 1) for _ in range(p + 1)]  # column c's upper run ends at i'
        for i in range(p + 1):
            for j in range(q + 1):
                if best[i][j][0] <= _NEG / 2:
                    continue
                for i2 in range(i + 1, p + 1):
                    v = best[i][j][0] + up.run(c, i, i2)
                    if v > half[i2][j][0]:
                        half[i2][j] = (v, i)
        for i2 in range(1, p + 1):
            for j in range(q + 1):
                if half[i2][j][0] <= _NEG / 2:
                    continue
                i = half[i2][j][1]
                width = up.chars(i, i2)
                for j2 in range(j + 1, q + 1):
                    # the upper run is a wrapped line of its cell, about as wide as the column: the
                    # lower run (a later line of the same cell) is no wider
                    wider = max(0, down.chars(j, j2) - width - settings.TEXT_MIRROR_WIDTH_SLACK)
                    v = half[i2][j][0] + down.run(c, j, j2) + settings.TEXT_NEW_CELL_IN_LINE \
                        - min(settings.TEXT_MIRROR_WIDER_MAX, settings.TEXT_MIRROR_WIDER_COST * wider)
                    if v > f[c][i2][j2]:
                        f[c][i2][j2] = v
                        back[(c, i2, j2)] = (best[i][j][1], i, j)
        for i in range(p + 1):
            for j in range(q + 1):
                if f[c][i][j] > best[i][j][0]:
                    best[i][j] = (f[c][i][j], (c, i, j))
    top_cols, bottom_cols = [0] * p, [0] * q
    state = best[p][q][1]
    while state != start:
        c, i2, j2 = state
        state, i, j = back[(c, i2, j2)]
        top_cols[i:i2] = [c] * (i2 - i)
        bottom_cols[j:j2] = [c] * (j2 - j)
    return top_cols, bottom_cols


def _single(words: list[Word], roles: list[str], numeric_result: bool, vocab: Vocabulary | None) -> list[int]:
    """The column of each word of the middle line: runs in increasing columns."""
    n, n_cols = len(words), len(roles)
    sc = _Scorer(words, roles, numeric_result, vocab, True, set())
    f = [[_NEG] * (n + 1) for _ in range(n_cols)]
    start = (-1, 0)
    back: dict[tuple[int, int], tuple[tuple[int, int], int]] = {}
    best = [(_NEG, start)] * (n + 1)
    best[0] = (0.0, start)
    for c in range(n_cols):
        for i in range(n):
            if best[i][0] <= _NEG / 2:
                continue
            for i2 in range(i + 1, n + 1):
                v = best[i][0] + sc.run(c, i, i2)
                if v > f[c][i2]:
                    f[c][i2] = v
                    back[(c, i2)] = (best[i][1], i)
        for i in range(n + 1):
            if f[c][i] > best[i][0]:
                best[i] = (f[c][i], (c, i))
    cols = [0] * n
    state = best[n][1]
    while state != start:
        c, i2 = state
        state, i = back[(c, i2)]
        cols[i:i2] = [c] * (i2 - i)
    return cols


def split_centred_row(lines: list[str], roles: list[str], numeric_result: bool,
                      vocab: Vocabulary | None = None) -> dict[int, str] | None:
    """The text of each column of a row of 2a+1 printed lines centred on its middle one; None when
    the lines do not stand so (an even count, an empty line but the middle)."""
    if len(lines) % 2 == 0 or len(lines) < 3:
        return None
    a = len(lines) // 2
    words = [_line_words(ln) for ln in lines]
    if any(not w for k, w in enumerate(words) if k != a):
        return None
    cols: list[list[int]] = [[] for _ in lines]
    cols[a] = _single(words[a], roles, numeric_result, vocab) if words[a] else []
    used = set(cols[a])
    for d in range(1, a + 1):  # from the middle out: what inner lines hold is known to outer ones
        cols[a - d], cols[a + d] = _pair(words[a - d], words[a + d], roles, numeric_result, vocab, used)
        used.update(cols[a - d])
    out: dict[int, list[str]] = {}
    for line_words, line_cols in zip(words, cols, strict=True):
        runs: dict[int, list[str]] = {}
        for w, c in zip(line_words, line_cols, strict=True):
            runs.setdefault(c, []).append(w.text)
        for c, run in runs.items():
            out.setdefault(c, []).append(" ".join(run))
    return {c: "\n".join(parts) for c, parts in out.items()}

"""Born-digital tables drawn without rules: rebuild the grid from word positions.

Some plans lay their appendix out with tab stops or a borderless Word table,
so pdfplumber finds no ruled cells. A header line that names at least three
known columns marks such a table; column boundaries are the empty vertical
strips ("rivers") between the header labels, measured over the words below it;
a new row starts at each line with text in the STT column. Cells of the result
carry a lower confidence than ruled cells, since the geometry was inferred.
"""

from __future__ import annotations

import re

from kehoach import settings
from kehoach.parsers.columns import role_of
from kehoach.parsers.grid import Cell, Grid, TextLine
from kehoach.parsers.pdf_text import group_by_line, words_to_lines

METHOD = "pdf-words"
GROUP_CODE = re.compile(r"^(?:[IVXLC]+|[A-Z])[.)]?$")
CONFIDENCE = 0.85
LABEL_GAP = 8.0  # points: header labels of an unruled table stand at least this far apart


def _header_line(lines: list[TextLine]) -> tuple[float, list[TextLine]] | None:
    """The top and the label segments of the first line naming 3+ columns including the name column."""
    by_top: dict[float, list[TextLine]] = {}
    for ln in lines:
        by_top.setdefault(round(ln.top), []).append(ln)
    for top in sorted(by_top):
        segs = sorted(by_top[top], key=lambda s: s.x0)
        roles = [role_of(s.text) for s in segs]
        if "name" in roles and sum(r is not None for r in roles) >= settings.HEADER_MIN_ROLES:
            return top, segs
    return None


def _boundaries(labels: list[TextLine], body_words: list[dict]) -> list[float]:
    """x of each boundary between adjacent columns: the widest empty strip between two labels."""
    covered = sorted((w["x0"], w["x1"]) for w in body_words)
    cuts: list[float] = []
    for left, right in zip(labels, labels[1:], strict=False):
        lo, hi = left.x1, right.x0
        free = [(lo, hi)]
        for a, b in covered:
            nxt = []
            for s, e in free:
                if b <= s or a >= e:
                    nxt.append((s, e))
                else:
                    if a > s:
                        nxt.append((s, a))
                    if b < e:
                        nxt.append((b, e))
            free = nxt
        if free:
            s, e = max(free, key=lambda se: se[1] - se[0])
            cuts.append((s + e) / 2)
        else:
            cuts.append((lo + hi) / 2)
    return cuts


def words_table(words: list[dict], page_no: int, page_height: float) -> Grid | None:
    """A grid rebuilt from the words of a page without ruled tables, or None when no header is found."""
    found = _header_line(words_to_lines(words, gap=LABEL_GAP))
    if found is None:
        return None
    top, labels = found
    header_bottom = max(s.bottom for s in labels)
    band = page_height - settings.FURNITURE_BAND
    body = [w for w in words if w["top"] > header_bottom - 1
            and not (w["bottom"] > band and w["text"].strip().isdigit())]
    cuts = _boundaries(labels, body)
    n_cols = len(labels)
    stt_col = next((k for k, s in enumerate(labels) if role_of(s.text) == "stt"), None)

    def col_of(w: dict) -> int:
        centre = (w["x0"] + w["x1"]) / 2
        return sum(1 for c in cuts if centre >= c)

    header = {k: [s.text] for k, s in enumerate(labels)}
    rows: list[dict[int, list[str]]] = []
    for line in group_by_line(body):
        per_col: dict[int, list[str]] = {}
        for w in sorted(line, key=lambda w: w["x0"]):
            per_col.setdefault(col_of(w), []).append(w["text"])
        texts = {k: " ".join(ws) for k, ws in per_col.items()}
        starts_row = stt_col is not None and stt_col in texts
        if starts_row and GROUP_CODE.match(texts[stt_col]) and len(texts) > 1:
            # a group title runs across the columns: keep it whole, after its code
            rest = " ".join(texts[k] for k in sorted(texts) if k != stt_col)
            texts = {stt_col: texts[stt_col], stt_col + 1: rest}
        if starts_row:
            rows.append({})
        target = rows[-1] if rows else header
        for k, text in texts.items():
            target.setdefault(k, []).append(text)
    cells = [Cell(row=0, col=k, text="\n".join(header.get(k, [])), page=page_no, confidence=CONFIDENCE)
             for k in range(n_cols)]
    for r, row in enumerate(rows, start=1):
        for k in range(n_cols):
            cells.append(Cell(row=r, col=k, text="\n".join(row.get(k, [])), page=page_no, confidence=CONFIDENCE))
    bottom = max((w["bottom"] for w in body), default=header_bottom)
    return Grid(n_rows=len(rows) + 1, n_cols=n_cols, cells=cells, page=page_no,
                bbox=(min(s.x0 for s in labels), top, max(s.x1 for s in labels), bottom), method=METHOD)

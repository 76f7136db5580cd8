"""Reading-order text lines of a PDF page from its words, with page furniture removed.

Words are grouped into lines by their top edge; a line is then cut where the gap
between two words is wide (the two columns of a Vietnamese header block: the
issuing body on the left, the national motto on the right), so each column's
text stays in order instead of being interleaved.
"""

from __future__ import annotations

import re

from kehoach import settings
from kehoach.normalize.text import fold, nfc
from kehoach.parsers.grid import PageText, TextLine

LINE_TOP_TOLERANCE = 2.5  # points: words whose tops differ less than this share a line
COLUMN_GAP = 28.0  # points: a wider gap inside a line separates two text columns
PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*-)?\s*$", re.IGNORECASE)


# the first two words of the motto printed top right: the state's, or the Party's on Party documents
MOTTO_OPENINGS = {("cong", "hoa"), ("dang", "cong")}


def header_column_split(words: list[dict]) -> tuple[float, float] | None:
    """(x, bottom) of the two-column header block, found from the national motto.

    Vietnamese administrative documents print the issuing body on the left and
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (Party committees: "ĐẢNG CỘNG SẢN VIỆT
    NAM") on the right above the title; the motto's first word marks where the
    right column starts. Lines above the
    word "KẾ HOẠCH" (or the motto block's last line) are cut there.
    """
    pairs = [(w, fold(w["text"]), fold(n["text"])) for w, n in zip(words, words[1:], strict=False)]
    motto = next((w for w, a, b in pairs if (a, b) in MOTTO_OPENINGS and w["text"].isupper()), None)
    if motto is None:
        return None
    bottom = next((w["top"] for w, a, b in pairs if a == "ke" and b == "hoach" and w["text"].isupper()
                   and w["top"] > motto["bottom"]), motto["bottom"] + 80)
    return motto["x0"] - 2, bottom


def group_by_line(words: list[dict]) -> list[list[dict]]:
    """Words sharing a baseline band (tops within LINE_TOP_TOLERANCE), top to bottom, each left to right."""
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= LINE_TOP_TOLERANCE:
            rows[-1].append(w)
        else:
            rows.append([w])
    for row in rows:
        row.sort(key=lambda w: w["x0"])
    return rows


def words_to_lines(words: list[dict], split: tuple[float, float] | None = None,
                   gap: float = COLUMN_GAP) -> list[TextLine]:
    """Group pdfplumber words into column-aware lines in reading order.

    `split` (x, bottom) cuts every line above `bottom` at `x` (the header block);
    elsewhere a wide gap between words separates two text columns.
    """
    lines: list[TextLine] = []
    for row in group_by_line(words):
        row.sort(key=lambda w: w["x0"])
        segment = [row[0]]
        in_header = split is not None and row[0]["top"] < split[1]
        for w in row[1:]:
            if in_header:
                cut = segment[-1]["x0"] < split[0] <= w["x0"]
            else:
                cut = w["x0"] - segment[-1]["x1"] > gap
            if cut:
                lines.append(_line(segment))
                segment = [w]
            else:
                segment.append(w)
        lines.append(_line(segment))
    return lines


def _line(words: list[dict]) -> TextLine:
    text = nfc(" ".join(w["text"] for w in words))
    bold = all("bold" in str(w.get("fontname", "")).lower() for w in words)
    return TextLine(
        text=text,
        x0=min(w["x0"] for w in words),
        top=min(w["top"] for w in words),
        x1=max(w["x1"] for w in words),
        bottom=max(w["bottom"] for w in words),
        bold=bold,
    )


def drop_furniture(lines: list[TextLine], page_height: float) -> list[TextLine]:
    """Remove page numbers printed in the top or bottom band of the page."""
    band = settings.FURNITURE_BAND
    return [
        ln
        for ln in lines
        if not (PAGE_NUMBER.match(ln.text) and (ln.top < band or ln.bottom > page_height - band))
    ]


def reading_order(lines: list[TextLine]) -> list[TextLine]:
    """Left column before right column within a header block, top to bottom otherwise.

    Lines that are side by side (a left segment and a right segment) are kept in
    top order; the two header columns are later read separately by the header
    parser using x positions, so plain top order is the honest default here.
    """
    return sorted(lines, key=lambda ln: (round(ln.top), ln.x0))


def drop_running_lines(pages: list[PageText]) -> None:
    """Remove running headers/footers: the same line in a page's top or bottom band on many pages.

    Digits are ignored when comparing ("Trang 3 / 12" repeats as "Trang / ").
    A line counts as running when it is found on at least half the pages, and on
    three pages or more, so a short document's real text is never taken away.
    """
    band = settings.FURNITURE_BAND

    def key(ln: TextLine) -> str:
        return re.sub(r"\d+", "#", fold(ln.text))

    def in_band(ln: TextLine, page: PageText) -> bool:
        return ln.top < band or (page.height > 0 and ln.bottom > page.height - band)

    counts: dict[str, int] = {}
    for page in pages:
        for k in {key(ln) for ln in page.lines if in_band(ln, page)}:
            counts[k] = counts.get(k, 0) + 1
    running = {k for k, n in counts.items() if n >= 3 and n * 2 >= len(pages)}
    if running:
        for page in pages:
            page.lines = [ln for ln in page.lines if not (in_band(ln, page) and key(ln) in running)]

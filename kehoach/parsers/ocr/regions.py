"""Second read of ruled cells the page pass left empty: lone row numbers, "%", short marks.

Tesseract's page segmentation drops short isolated text (a "1" alone in a wide STT
cell). Every such cell of a page that still holds ink is cropped to its ink, and
the crops are stacked into ONE strip image read in one extra pass (a uniform block),
so the cost is one small image per page, not one process per cell. Words found
are put back at their place on the page; the page's notes say how many cells.
"""

from __future__ import annotations

import numpy as np

from kehoach import settings
from kehoach.parsers.ocr import tesseract
from kehoach.parsers.ocr.tesseract import Word

INSET = 4  # pixels inside the cell's rules (their fringe is not ink of the cell)
PAD = 16  # white pixels around each crop in the strip
INK_LEVEL = 128  # grey level below which a pixel is ink


def _centre_in(w: Word, box: tuple[int, int, int, int]) -> bool:
    x, y = (w.left + w.right) / 2, (w.top + w.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def empty_cells(gray: np.ndarray, cells: list[tuple[int, int, int, int]], words: list[Word],
                scale: float) -> list[tuple[int, int, int, int]]:
    """Ink boxes (pixels) of cells with no word but some ink: what the page pass missed."""
    min_ink = settings.REREAD_MIN_INK * (scale * 72 / 300) ** 2
    out = []
    for x0, y0, x1, y1 in cells:
        if any(_centre_in(w, (x0, y0, x1, y1)) for w in words):
            continue
        crop = gray[y0 + INSET:y1 - INSET, x0 + INSET:x1 - INSET]
        if crop.size == 0:
            continue
        ys, xs = np.nonzero(crop < INK_LEVEL)
        if len(ys) < min_ink:
            continue
        out.append((x0 + INSET + int(xs.min()), y0 + INSET + int(ys.min()),
                    x0 + INSET + int(xs.max()) + 1, y0 + INSET + int(ys.max()) + 1))
    return out


def reread(gray: np.ndarray, boxes: list[tuple[int, int, int, int]], dpi: float) -> list[Word]:
    """The boxes stacked in one strip, read once, words placed back in page pixels."""
    if not boxes:
        return []
    width = max(b[2] - b[0] for b in boxes) + 2 * PAD
    height = sum(b[3] - b[1] + 2 * PAD for b in boxes)
    strip = np.full((height, width), 255, dtype=np.uint8)
    slots: list[tuple[int, int, tuple[int, int, int, int]]] = []
    y = 0
    for b in boxes:
        h = b[3] - b[1]
        strip[y + PAD:y + PAD + h, PAD:PAD + b[2] - b[0]] = gray[b[1]:b[3], b[0]:b[2]]
        slots.append((y, y + h + 2 * PAD, b))
        y += h + 2 * PAD
    placed: list[Word] = []
    for w in tesseract.read_words(strip, dpi, psm=tesseract.PSM_BLOCK):
        if w.conf < settings.REREAD_MIN_CONF:
            continue
        mid = (w.top + w.bottom) / 2
        for k, (start, end, b) in enumerate(slots):
            if start <= mid < end:
                dx, dy = b[0] - PAD, b[1] - start - PAD
                placed.append(Word(w.text, w.left + dx, w.top + dy, w.right + dx, w.bottom + dy, w.conf,
                                   (-1, k, w.line[2])))
                break
    return placed

"""Second read of ruled cells the page pass missed or misread: lone row numbers, "%", bold headers.

Tesseract's page segmentation drops short isolated text (a "1" alone in a wide STT
cell) and sometimes garbles a cell it cut badly (a bold header merged over two rows).
Such cells (empty but inked, or read with a low mean confidence) are cropped and
stacked into ONE strip image read in one extra pass as a uniform block, so the cost
is one small image per page, not one process per cell. A cell's second reading
replaces the first only when Tesseract is surer of it; the page's notes say how many.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kehoach import settings
from kehoach.parsers.ocr import tesseract
from kehoach.parsers.ocr.tesseract import Word

INSET = 4  # pixels inside the cell's rules (their fringe is not ink of the cell)
PAD = 16  # white pixels around each crop in the strip
INK_LEVEL = 128  # grey level below which a pixel is ink

Box = tuple[int, int, int, int]


@dataclass(slots=True)
class Region:
    """A cell to read again: its box on the page, the crop to read, and what the page pass found there."""

    cell: Box
    crop: Box
    words: list[Word]

    @property
    def conf(self) -> float:
        return sum(w.conf for w in self.words) / len(self.words) if self.words else 0.0


def _centre_in(w: Word, box: Box) -> bool:
    x, y = (w.left + w.right) / 2, (w.top + w.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _ink_box(gray: np.ndarray, box: Box, min_ink: float) -> Box | None:
    x0, y0, x1, y1 = box[0] + INSET, box[1] + INSET, box[2] - INSET, box[3] - INSET
    if x1 <= x0 or y1 <= y0:
        return None
    ys, xs = np.nonzero(gray[y0:y1, x0:x1] < INK_LEVEL)
    if len(ys) < min_ink:
        return None
    return x0 + int(xs.min()), y0 + int(ys.min()), x0 + int(xs.max()) + 1, y0 + int(ys.max()) + 1


def doubtful_cells(gray: np.ndarray, cells: list[Box], words: list[Word], scale: float) -> list[Region]:
    """Cells with ink but no word, or whose words Tesseract was unsure of: what to read again."""
    min_ink = settings.REREAD_MIN_INK * (scale * 72 / 300) ** 2
    out = []
    for cell in cells:
        inside = [w for w in words if _centre_in(w, cell)]
        region = Region(cell=cell, crop=cell, words=inside)
        if inside and region.conf >= settings.REREAD_BELOW_CONF:
            continue
        crop = _ink_box(gray, cell, min_ink)
        if crop is not None:
            region.crop = crop
            out.append(region)
    return out


def reread(gray: np.ndarray, regions: list[Region], dpi: float) -> list[list[Word]]:
    """Each region's words from one read of a strip of their crops, placed back in page pixels."""
    if not regions:
        return []
    boxes = [r.crop for r in regions]
    width = max(b[2] - b[0] for b in boxes) + 2 * PAD
    height = sum(b[3] - b[1] + 2 * PAD for b in boxes)
    strip = np.full((height, width), 255, dtype=np.uint8)
    slots: list[tuple[int, int, Box]] = []
    y = 0
    for b in boxes:
        h = b[3] - b[1]
        strip[y + PAD:y + PAD + h, PAD:PAD + b[2] - b[0]] = gray[b[1]:b[3], b[0]:b[2]]
        slots.append((y, y + h + 2 * PAD, b))
        y += h + 2 * PAD
    found: list[list[Word]] = [[] for _ in regions]
    for w in tesseract.read_words(strip, dpi, psm=tesseract.PSM_BLOCK):
        mid = (w.top + w.bottom) / 2
        for k, (start, end, b) in enumerate(slots):
            if start <= mid < end:
                dx, dy = b[0] - PAD, b[1] - start - PAD
                found[k].append(Word(w.text, w.left + dx, w.top + dy, w.right + dx, w.bottom + dy, w.conf,
                                     (-1 - k, w.line[1], w.line[2])))
                break
    return found


def better(region: Region, again: list[Word]) -> bool:
    """The second reading is kept when it found words the first did not, or reads them more surely."""
    if not again:
        return False
    conf = sum(w.conf for w in again) / len(again)
    return conf >= settings.REREAD_MIN_CONF and (not region.words or conf > region.conf)

"""Ruling lines of a page image by morphology, as edges the lattice finder reads.

An opening with a long thin kernel keeps only runs of ink longer than any text
stroke: horizontal and vertical rules (img2table and most table-OCR tools do the
same). Each connected run becomes one edge dict in PDF points, top-left origin,
the shape `pdfium_page.read_edges` gives for a born-digital page, so pdfplumber's
lattice functions cut the cells unchanged. The rules are then painted out of the
image, so Tesseract reads no '|' or '_' from them.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from kehoach import settings

BLOCK = 31  # pixels: adaptive threshold window, wider than a stroke, narrower than a cell
BLOCK_C = 12  # grey levels darker than the neighbourhood to count as ink
GAP_CLOSE = 9  # pixels: breaks this short in a faint or dotted rule are bridged
ERASE_MARGIN = 3  # pixels painted white around a rule (its anti-aliased fringe)


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule in pixels: horizontal (y0 == y1) or vertical (x0 == x1), with its thickness."""

    x0: float
    y0: float
    x1: float
    y1: float
    thickness: float

    @property
    def horizontal(self) -> bool:
        return self.y0 == self.y1


def _ink(gray: np.ndarray) -> np.ndarray:
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, BLOCK, BLOCK_C)


def _runs(ink: np.ndarray, length: int, horizontal: bool) -> np.ndarray:
    """Runs of ink at least `length` long, then short breaks between them bridged (closing first
    would join serifs along a line of type into a false rule)."""
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
    runs = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
    close = cv2.getStructuringElement(cv2.MORPH_RECT, (GAP_CLOSE, 1) if horizontal else (1, GAP_CLOSE))
    return cv2.morphologyEx(runs, cv2.MORPH_CLOSE, close)


def _segments(mask: np.ndarray, horizontal: bool, length: int) -> list[Rule]:
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    rules: list[Rule] = []
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i][:4])
        if horizontal and w >= length:
            mid = y + h / 2
            rules.append(Rule(x, mid, x + w, mid, h))
        elif not horizontal and h >= length:
            mid = x + w / 2
            rules.append(Rule(mid, y, mid, y + h, w))
    return rules


def _touches(a: Rule, b: Rule, slack: float) -> bool:
    """Do a horizontal rule `a` and a vertical rule `b` meet (within `slack` pixels)?"""
    return (a.x0 - slack <= b.x0 <= a.x1 + slack) and (b.y0 - slack <= a.y0 <= b.y1 + slack)


def structural(found: list[Rule], scale: float) -> list[Rule]:
    """Rules that belong to a table or a form: meeting a perpendicular rule, or long on their own
    (a row rule, an underline). A seal's ring or a bracket has short straight stretches that
    pass the length test alone; they stay ink for OCR and make no edges."""
    slack = settings.RULE_MEET_SLACK_PT * scale
    alone = settings.RULE_ALONE_MIN_PT * scale
    hs = [r for r in found if r.horizontal]
    vs = [r for r in found if not r.horizontal]
    keep = [h for h in hs if h.x1 - h.x0 >= alone or any(_touches(h, v, slack) for v in vs)]
    keep += [v for v in vs if v.y1 - v.y0 >= alone or any(_touches(h, v, slack) for h in hs)]
    return keep


def find_rules(gray: np.ndarray, scale: float) -> tuple[list[Rule], np.ndarray]:
    """The page's structural rules and a mask of their pixels (255 where a rule is);
    `scale` is pixels per point."""
    ink = _ink(gray)
    len_h = max(10, round(settings.RULE_MIN_H_PT * scale))
    len_v = max(10, round(settings.RULE_MIN_V_PT * scale))
    mask_h = _runs(ink, len_h, True)
    mask_v = _runs(ink, len_v, False)
    found = _segments(mask_h, True, len_h) + _segments(mask_v, False, len_v)
    kept = structural(found, scale)
    if len(kept) < len(found):  # keep in the mask only the pixels of the rules kept
        box = np.zeros_like(ink)
        for r in kept:
            half = r.thickness / 2 + 1
            x0, y0, x1, y1 = (r.x0, r.y0 - half, r.x1, r.y0 + half) if r.horizontal \
                else (r.x0 - half, r.y0, r.x0 + half, r.y1)
            box[max(0, int(y0)):int(y1) + 1, max(0, int(x0)):int(x1) + 1] = 255
        return kept, cv2.bitwise_and(cv2.bitwise_or(mask_h, mask_v), box)
    return kept, cv2.bitwise_or(mask_h, mask_v)


def erase(gray: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The page with its rules painted white (paper), so OCR sees only the text."""
    if not mask.any():
        return gray
    k = cv2.getStructuringElement(cv2.MORPH_RECT, (2 * ERASE_MARGIN + 1, 2 * ERASE_MARGIN + 1))
    out = gray.copy()
    out[cv2.dilate(mask, k) > 0] = 255
    return out


def to_edges(rules: list[Rule], scale: float) -> list[dict]:
    """Rules as pdfplumber edge dicts in PDF points (top-left origin); `scale` is pixels per point."""
    edges: list[dict] = []
    for r in rules:
        x0, y0, x1, y1 = r.x0 / scale, r.y0 / scale, r.x1 / scale, r.y1 / scale
        if r.horizontal:
            edges.append({"x0": x0, "x1": x1, "top": y0, "bottom": y0, "width": x1 - x0, "height": 0.0,
                          "orientation": "h", "object_type": "line"})
        else:
            edges.append({"x0": x0, "x1": x0, "top": y0, "bottom": y1, "width": 0.0, "height": y1 - y0,
                          "orientation": "v", "object_type": "line"})
    return edges

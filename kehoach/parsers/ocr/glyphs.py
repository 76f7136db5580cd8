"""Glyphs Tesseract's Vietnamese model cannot write, recognised from the image: "≥" and "≤".

Plans write targets as "≥ 80"; `vie` (and `eng`) have no "≥" in their character
set, so Tesseract reads ">" and the comparison silently changes. The glyph itself
tells them apart: "≥" is ">" over a bar, so the bottom band of its ink spans its
whole width, where ">" narrows to a point at its left. The check runs only on
words that begin with ">" or "<".
"""

from __future__ import annotations

import numpy as np

from kehoach.parsers.ocr.tesseract import Word

INK_LEVEL = 128
BOTTOM_BAND = 0.2  # share of the glyph's height, from its foot, where the bar of "≥" lies
BAR_SPAN = 0.75  # share of the glyph's width the bottom band must cover to be a bar
MENDED = {">": "≥", "<": "≤"}


def _first_glyph(ink: np.ndarray) -> np.ndarray | None:
    """The columns of the word's first glyph: from its first inked column to the next blank one."""
    cols = ink.any(axis=0)
    inked = np.flatnonzero(cols)
    if len(inked) == 0:
        return None
    start = inked[0]
    blank = np.flatnonzero(~cols[start:])
    end = start + (blank[0] if len(blank) else len(cols) - start)
    glyph = ink[:, start:end]
    rows = np.flatnonzero(glyph.any(axis=1))
    return glyph[rows[0]:rows[-1] + 1] if len(rows) else None


def has_bar(ink: np.ndarray) -> bool:
    """Is the first glyph in this ink (True = ink) a comparison sign standing on a bar?"""
    glyph = _first_glyph(ink)
    if glyph is None or glyph.shape[0] < 4 or glyph.shape[1] < 3:
        return False
    band = glyph[-max(1, round(glyph.shape[0] * BOTTOM_BAND)):]
    return bool(band.any(axis=0).mean() >= BAR_SPAN)


def mend_comparisons(words: list[Word], gray: np.ndarray) -> list[Word]:
    """Words beginning with ">" or "<" whose glyph stands on a bar begin with "≥" or "≤" instead."""
    out = []
    for w in words:
        if w.text[:1] in MENDED:
            crop = gray[max(0, w.top):w.bottom, max(0, w.left):w.right]
            if crop.size and has_bar(crop < INK_LEVEL):
                w = Word(MENDED[w.text[0]] + w.text[1:], w.left, w.top, w.right, w.bottom, w.conf, w.line)
        out.append(w)
    return out

"""Accent restoration for Vietnamese written without its diacritics (or garbled by an English OCR).

`restore(text)` gives the accented text with a confidence per word; `needs_restoration(text)`
says whether a page, line or cell lacks its diacritics; `restore_source(source)` applies both
to a parsed document's cells and page lines. The model (a syllable trigram model over a
lattice of candidates, normalize/data/accent_model.npz) is built by scripts/build_accent_model.py.
"""

from kehoach.normalize.accents.restore import Restoration, needs_restoration, restore

__all__ = ["Restoration", "needs_restoration", "restore"]

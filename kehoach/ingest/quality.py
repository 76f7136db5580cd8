"""Is a text layer good enough to trust? Vietnamese without its diacritics is not.

An OCR engine run without a Vietnamese model writes "Ké hoach" for "Kế hoạch":
the text is there, but accents, names and matching suffer. Such engines still
print acute and grave accents (é, ò) from misread glyphs, so we count only the
marks that belong to Vietnamese: horn (ơ ư), breve (ă), circumflex (â ê ô),
dot below, hook above, tilde, and đ. Vietnamese prose carries one on about a
quarter of its letters; English-OCR'd Vietnamese on almost none.
"""

from __future__ import annotations

import unicodedata

MIN_LETTERS = 200  # below this, too little text to judge
MIN_MARKED_SHARE = 0.05  # Vietnamese text measures 0.27; English-OCR'd Vietnamese 0.00
VIETNAMESE_MARKS = frozenset("\u031b\u0306\u0302\u0323\u0309\u0303")


def marked_share(text: str) -> tuple[int, float]:
    """(letters, share of letters carrying a Vietnamese-only mark or being đ/Đ)."""
    letters = marked = 0
    for ch in unicodedata.normalize("NFD", text):
        if ch in VIETNAMESE_MARKS:
            marked += 1
        elif ch.isalpha():
            letters += 1
            marked += ch in "đĐ"
    return letters, (marked / letters if letters else 0.0)


def lacks_diacritics(text: str) -> bool:
    letters, share = marked_share(text)
    return letters >= MIN_LETTERS and share < MIN_MARKED_SHARE

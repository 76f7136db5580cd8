"""Vietnamese syllables: accent stripping, the shape of a valid syllable, case patterns, tokens.

The restorer works on syllables because Vietnamese writes one syllable per space-separated
word: every accent-less token maps to a small set of accented syllables sharing its
stripped form ("ke" -> kế, kệ, kẻ, ...), and the language model chooses among them.
"""

from __future__ import annotations

import re
import unicodedata

# onset + vowel nucleus + coda of a Vietnamese syllable written without diacritics (đ as d); a "k"
# coda is the Central Highlands place names' ("Đắk Lắk", "Đắk Nông")
_VALID = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
                    r"[aeiouy]{1,3}(?:ch|ng|nh|[cmnptk])?$")
_ROMAN = re.compile(r"^[IVXLC]+$")
# a token: a run of letters and digits ("s6" and "1a" are OCR-garbled syllables); an English OCR
# prints a stacked mark it cannot read as a symbol glued to the word's letters ("h¢" for "hệ",
# "hi€u" for "hiệu", "k§" for "kỹ"): such a symbol is one of its letters
TOKEN = re.compile(r"(?:[^\W_]|(?<=[^\W_])[¢€§]|[¢€§](?=[^\W_]))+")


def strip(text: str) -> str:
    """Lower case, every diacritic removed, đ -> d: the key under which accented syllables are found."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("đ", "d")


def ocr_key(token: str) -> str:
    """Like `strip`, but an e with an acute or grave accent stays "é": printed by an OCR without
    Vietnamese, it marks a vowel that had a stacked mark (confusion.MARKED_E)."""
    decomposed = unicodedata.normalize("NFD", token.lower())
    out = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            if ch in "\u0300\u0301" and out and out[-1] == "e":
                out[-1] = "é"
            continue
        out.append(ch)
    return "".join(out).replace("đ", "d")


def is_syllable_shape(key: str) -> bool:
    """Whether a stripped lower-case form can be a Vietnamese syllable ("nghieng" yes, "ubnd" no)."""
    return bool(_VALID.match(key))


def case_of(token: str) -> str:
    """'upper' (two or more letters all capitals), 'title' or 'lower'."""
    letters = [c for c in token if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "upper"
    if letters and letters[0].isupper() and token[0].isalpha():
        return "title"
    return "lower"


def apply_case(word: str, case: str) -> str:
    if case == "upper":
        return word.upper()
    if case == "title":
        return word[:1].upper() + word[1:]
    return word


def is_roman(token: str) -> bool:
    return bool(_ROMAN.match(token))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_TONES = "\u0300\u0301\u0303\u0309\u0323"
_GLIDE_END = re.compile(r"(?<!q)(o[ae]|uy)$")


def classic_tone(word: str) -> str:
    """The tone mark of an open "oa", "oe", "uy" syllable on its first vowel ("hoá" -> "hóa", "uỷ" -> "ủy").

    Both placements are correct Vietnamese and plans mix them (the seeds write "hóa" twenty
    times for each "hoá"); the model keeps one, the classic one most plans use, so that the two
    spellings do not split one word's counts.
    """
    decomposed = unicodedata.normalize("NFD", word)
    tone = next((c for c in decomposed if c in _TONES), None)
    base = decomposed.replace(tone, "") if tone else decomposed
    m = _GLIDE_END.search(strip(base))
    if tone is None or m is None:
        return word
    letters = [i for i, c in enumerate(base) if not unicodedata.combining(c)]
    if len(letters) < 2:
        return word
    cut = letters[-1]  # the tone goes after the first closing vowel and its own marks (a hat, a horn)
    return unicodedata.normalize("NFC", base[:cut] + tone + base[cut:])

"""Text cleaning shared by every stage: NFC, line joining, hyphen repair, folding."""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

_WS = re.compile(r"(?:[^\S\n]|\u200b)+")  # any Unicode space or line break but "\n", and zero-width spaces
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
# what OCR engines put for a plain "/" or "-" (FRACTION SLASH, DIVISION SLASH, full-width and small forms):
# "1105\u2044KH-ĐKT" is "1105/KH-ĐKT". One character for one, so a word's boxes keep their letters.
OCR_LOOKALIKES = str.maketrans({
    **dict.fromkeys("\u2044\u2215\uff0f\u29f8", "/"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d", "-"),
})


def is_upper(text: str, min_letters: int = 1) -> bool:
    """Every letter a capital (a heading, a name printed in capitals), with at least `min_letters` letters."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= max(1, min_letters) and all(c.isupper() for c in letters)


def plain_marks(text: str) -> str:
    """OCR text with the lookalikes of "/" and "-" written as the marks themselves."""
    return text.translate(OCR_LOOKALIKES)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _symbol_like(token: str) -> bool:
    """"57", "NQ", "HĐND", "CTr", "2030": a number or code, not a word ("trình", "Ban")."""
    if not token or not (token[0].isdigit() or token[0].isupper()):
        return False
    upper = sum(1 for c in token if c.isupper() or c.isdigit())
    return upper >= sum(1 for c in token if c.islower())


def _cut_code(last: str, line: str) -> bool:
    """A long capital code filling its line, then one to three capitals alone: one code broken by the wrap."""
    return len(last) >= 6 and all(c.isupper() or c.isdigit() or c in "&-" for c in last) \
        and " " not in line and len(line) <= 3 and line.isupper()


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines with single spaces, repairing typographic hyphenation.

    Word processors and PDF writers wrap at spaces, so a line break stands for a
    space, also after a free-standing "-" ("Văn hóa -" / "Xã hội") or after a
    word ("Chương trình/" / "Kế hoạch"). They also wrap after a hyphen or slash
    inside a code ("57-" / "NQ/TW", "VH-" / "XH", "Quý IV/" / "2025"): when the
    marks join two numbers or codes, the line is glued back without a space, as
    is a capital code too long for its narrow column ("HĐND&UBN" / "D"). A
    lowercase word cut by a hyphen ("thông-" / "tin"), which Vietnamese text
    almost never has but OCR of justified text produces, loses its hyphen.
    """
    out = ""
    for raw in lines:
        line = _WS.sub(" ", raw).strip()
        if not line:
            continue
        if out.endswith("-") and len(out) > 2 and out[-2].isalpha() and out[-2].islower() \
                and out[-3].isalpha() and line[0].islower():
            out = out[:-1] + line
        elif out.endswith(("-", "/")) and _symbol_like(out.rsplit(" ", 1)[-1][:-1].rsplit("-", 1)[-1]) \
                and _symbol_like(line.split(" ", 1)[0]):
            out = out + line
        elif _cut_code(out.rsplit(" ", 1)[-1], line):
            out = out + line  # a code too long for its narrow column, broken inside ("HĐND&UBN" / "D")
        else:
            out = f"{out} {line}" if out else line
    return out


def clean_text(text: str | None) -> str | None:
    """Cell or field text as a careful reader copies it; None when nothing is left."""
    if text is None:
        return None
    value = join_lines(nfc(text).splitlines())  # every Unicode line break, not only "\\n"
    return value or None


def collapse(text: str) -> str:
    return _WS.sub(" ", text.replace("\n", " ")).strip()


def fold(text: str) -> str:
    """Accent- and case-insensitive form for matching ("Đơn vị" -> "don vi")."""
    return collapse(unidecode(nfc(text).translate(_DASHES)).lower())

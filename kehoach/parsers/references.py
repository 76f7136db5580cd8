"""Documents of state and Party bodies cited by number: "57-NQ/TW", "71/NQ-CP", "42/2022/NĐ-CP".

A symbol in the state format (Decree 30/2020 Appendix III) is NUMBER/TYPE-ISSUER (a
legal act also carries its year: "96/2026/NĐ-CP"); Party documents write
NUMBER-TYPE/ISSUER ("269-KL/TU"). Companies number their letters the same way
("Văn bản số 26/CV-DC của Công ty ..."), so a citation followed by "của" and a
company or a person is left out: it is no act of a public body.
"""

from __future__ import annotations

import re

from kehoach.normalize.text import fold, join_lines

# "57-NQ/TW", "71/NQ-CP", "02-KH/BCĐTW"; legal acts also carry their year: "42/2022/NĐ-CP", "72/2025/QH15"
# (the National Assembly's acts end in its term, "QH15": two digits; a third is a footnote mark)
_REF = re.compile(
    r"(?<![\w/.-])(\d{1,5})\s*([-/])\s*("
    r"(?:(?:19|20)\d{2}\s*/\s*)?[A-ZĐ][A-Za-zĐđ]{0,11}(?:\s*[-/]\s*[A-ZĐ][A-Za-zĐđ]{0,11}){1,3}(?![\w])"
    r"|(?:19|20)\d{2}\s*/\s*(?:UBTV)?QH\d{2}(?=\d?(?![\w])))"
)
# a number glued to the word before it by a text layer that lost the space ("Nghị định số96/2026/NĐ-CP")
# (a whole word of letters only: a digit OCR misread as a letter inside a number, "6ó5-NQ/ĐU", is no word)
_GLUED = re.compile(r"(?<![\w])([^\W\d_]{2,})(?=\d{1,5}\s*[-/]\s*(?:(?:19|20)\d{2}\s*/\s*)?[A-ZĐ])")
# the issuer of a cited letter that is no public body: a company, a cooperative, a bank, a person
_PRIVATE_ISSUER = re.compile(
    r"^[^.;:]{0,40}?\bcủa\s+(?:các\s+)?(?:công\s*ty|doanh\s*nghiệp|tập\s*đoàn|hợp\s*tác\s*xã|ngân\s*hàng\s*tmcp"
    r"|chi\s*nhánh\s*công\s*ty|tổng\s*công\s*ty\s*cổ\s*phần|ông|bà|cá\s*nhân|nhà\s*đầu\s*tư)\b",
    re.IGNORECASE)


def _same_document(ref: str) -> str:
    """A key under which "125-KH/ĐU" and "125/KH/ĐU" (the plan's own number, printed two ways) meet."""
    return re.sub(r"[\s/-]", "", fold(ref)).upper()


def references(text: str, own_number: str | None = None) -> list[str]:
    """Every cited document of a public body as NUMBER/SYMBOL, once each, in order of first citation."""
    seen: dict[str, str] = {}
    own = _same_document(own_number) if own_number else None
    joined = _GLUED.sub(r"\1 ", join_lines(text.split("\n")))
    for m in _REF.finditer(joined):
        ref = m.group(1) + m.group(2) + re.sub(r"\s+", "", m.group(3))
        key = fold(ref).upper()
        if _same_document(ref) == own or key in seen:
            continue
        if _PRIVATE_ISSUER.match(joined[m.end(): m.end() + 80]):
            continue
        seen[key] = ref
    return list(seen.values())

"""Header fields an appendix caption gives when the header block does not.

An appendix is captioned "(Kèm theo Kế hoạch số 36/KH-UBND ngày 09/10/2025
của UBND xã Liên Minh)": the plan it belongs to is the document itself. A file
holding only the appendices (or a text extraction that lost the "Số:" line of
the header block) still tells its symbol, date and issuing body there. These
fill only fields the header parser left empty; nothing it found is replaced.
"""

from __future__ import annotations

import re

from kehoach.normalize.text import collapse, fold, nfc
from kehoach.parsers.header import Header

_ATTACHED = re.compile(
    r"kèm theo\s+(kế hoạch|quyết định|chương trình|thông báo|công văn)\s+số\s*:?\s*(\d+)?\s*/\s*"
    r"([A-ZĐ][A-ZĐ0-9]*(?:\s*-\s*[A-ZĐ0-9]+)*)\s+ngày\s*(\d{1,2})?\s*/\s*(\d{1,2})?\s*/\s*(\d{4})"
    r"(?:\s+của\s+([^)\n]+))?",
    re.IGNORECASE,
)
_UNIT = re.compile(r"\b(xã|phường|đặc khu)\s+(\S.*)$", re.IGNORECASE)


def _squeeze_digits(text: str) -> str:
    """"/ 0 1 / 2026" -> "/01/2026": digits spaced out by the extraction."""
    return re.sub(r"(?<=\d) (?=\d)", "", text)


def fill_from_caption(header: Header, captions: list[str]) -> Header:
    """`header` with its empty fields filled from the first appendix caption naming its plan."""
    for caption in captions:
        m = _ATTACHED.search(_squeeze_digits(collapse(nfc(caption))))
        if not m:
            continue
        kind, number, symbol, day, month, year, body = m.groups()
        if not header.doc_type:
            header.doc_type = kind.lower()  # the appendix is attached to the document itself
        symbol = re.sub(r"\s+", "", symbol).upper()
        if not header.doc_symbol:
            header.doc_symbol = symbol
            header.doc_number = f"{number}/{symbol}" if number else None
        if not header.issue_date:
            header.issue_date = year + (f"-{int(month):02d}" if month else "") + \
                (f"-{int(day):02d}" if month and day else "")
        if body:
            body = body.strip(" .;")
            if not header.issuing_body:
                header.issuing_body = body[:1].upper() + body[1:]
            u = _UNIT.search(body)
            if u and not header.admin_unit_type:
                header.admin_unit_type = {"xa": "xã", "phuong": "phường"}.get(fold(u.group(1)), u.group(1).lower())
                header.admin_unit_name = u.group(2).strip()
        break
    # a field the caption filled is no longer unread
    header.warnings = [w for w in header.warnings
                       if not (w.startswith("header: ") and w.endswith(" not read")
                               and getattr(header, w[len("header: "):-len(" not read")], None))]
    return header

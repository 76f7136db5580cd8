"""Document header metadata from page text: who issues the plan, its number, date, title, signer, citations.

Works on `PageText` lines from any front-end; where a front-end knows bold
text (born-digital PDFs) the title stops at the first non-bold line, otherwise
at the first "Căn cứ" / "Thực hiện" paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kehoach.normalize.text import collapse, fold, join_lines, nfc
from kehoach.parsers.grid import PageText, TextLine

# "XÃ THANH SƠN", "UBND PHƯỜNG TAM PHƯỚC", "ĐẢNG ỦY XÃ LA NGÀ": the unit ends the line
_UNIT_KINDS = {"xa": "xã", "phuong": "phường", "dac khu": "đặc khu"}  # folded -> printed
_UNIT = re.compile(r"(?:^|\s)(xa|phuong|dac khu)\s+([a-z][a-z0-9 ]*)$")
# "Số: 97/KH-BCĐ" (state bodies) or "Số 12-KH/ĐU" (Party committees); the number may be left blank
_NUMBER = re.compile(r"^S[ốỐoO]\s*[:.]?\s*(\d*)\s*([/-])\s*([A-ZĐ][A-ZĐa-z0-9]*(?:\s*[-/]\s*[A-ZĐ][A-ZĐa-z0-9]*)*)")
_DATE = re.compile(r"ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})", re.IGNORECASE)
_TITLE_STOP = re.compile(r"^(căn cứ|thực hiện|để|nhằm|i\.|1\.|phần)", re.IGNORECASE)
_ISSUES = re.compile(r"(ban hành|xây dựng)\s+(?:kế hoạch|ke hoach)", re.IGNORECASE)
# "UBND xã X triển khai Nghị quyết ... cụ thể như sau:": an authority, a verb, and "như sau" later on
_ENACTS = re.compile(r"(?:UBND|Ủy ban|Uỷ ban|Ban |Đảng ủy|Đảng uỷ|Hội đồng)[^.;:]{0,80}?\s"
                     r"(?=(?:ban hành|xây dựng|triển khai|thực hiện|đề ra)\b[^.;]{0,400}?như sau)")
_PROVINCE = re.compile(r"\b(tỉnh|thành phố)\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})")
# "57-NQ/TW", "71/NQ-CP", "02-KH/BCĐTW"; legal acts also carry their year: "42/2022/NĐ-CP", "72/2025/QH15"
_REF = re.compile(
    r"(?<![\w/.-])(\d{1,4})\s*([-/])\s*((?:(?:19|20)\d{2}\s*/\s*)?"
    r"(?:[A-ZĐ][A-Za-zĐđ]{0,11}(?:\s*[-/]\s*[A-ZĐ][A-Za-zĐđ]{0,11}){1,3}"
    r"|(?<=\d/)[A-ZĐ]{1,6}\d{1,3}))(?![\w])"
)
# the first line of a signature title: on behalf of (TM., T/M), signing for (KT., K/T), acting (Q.), or the office
_SIGN_TITLE = re.compile(r"^(TM\.|T/M|KT\.|K/T|Q\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|BÍ THƯ|PHÓ BÍ THƯ)")
_PERSON = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){1,5}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+$")


@dataclass(slots=True)
class Header:
    admin_unit_type: str | None = None
    admin_unit_name: str | None = None
    province: str | None = None
    issuing_body: str | None = None
    doc_number: str | None = None
    doc_symbol: str | None = None
    issue_date: str | None = None
    title: str | None = None
    signer_name: str | None = None
    signer_title: str | None = None
    references: list[str] = field(default_factory=list)
    references_in_tables: list[str] = field(default_factory=list)


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


# the document-type line that ends the header block and opens the title: a plan, or the
# decision, notice or programme a batch also holds (their headers are exported too)
DOCUMENT_TYPES = ("ke hoach", "quyet dinh", "thong bao", "chuong trinh", "chuong trinh hanh dong", "bao cao",
                  "cong van", "huong dan", "nghi quyet", "chi thi", "de an", "to trinh")


def _find_document_type(lines: list[TextLine]) -> int | None:
    """Index of the upper-case document-type line ("KẾ HOẠCH"), the first one found."""
    for i, ln in enumerate(lines):
        if fold(ln.text).rstrip(" :") in DOCUMENT_TYPES and _is_upper(ln.text):
            return i
    return None


def _title(lines: list[TextLine], at: int) -> str | None:
    """The lines after "KẾ HOẠCH": the bold run when the front-end knows bold, else up to "Căn cứ"."""
    bold_known = lines[at].bold
    parts: list[str] = []
    for ln in lines[at + 1: at + 12]:
        if bold_known and not ln.bold:
            break
        if not bold_known and parts and _TITLE_STOP.match(ln.text.strip()):
            break
        if not bold_known and _TITLE_STOP.match(ln.text.strip()) and fold(ln.text).startswith("can cu"):
            break
        parts.append(ln.text)
    return join_lines(parts) or None


def _admin_unit(head: list[TextLine], body: str) -> tuple[str | None, str | None]:
    for ln in head:
        folded = fold(ln.text)
        if "cong hoa" in folded or "chu nghia" in folded:
            continue
        m = _UNIT.search(folded)
        if m and _is_upper(ln.text):
            kind = _UNIT_KINDS[m.group(1)]
            words = nfc(ln.text).split()
            n_name = len(m.group(2).split())
            printed = " ".join(words[-n_name:])
            # a name wrapped onto the next line ("ĐẢNG ỦY PHƯỜNG HÒA" / "KHÁNH"), when the body confirms it
            below = _below_in_column(head, ln)
            nxt = below.text.strip() if below else ""
            if nxt and _is_upper(nxt) and len(nxt.split()) <= 2 and \
                    re.search(rf"{kind}\s+{re.escape(printed)}\s+{re.escape(nfc(nxt))}\b", body, re.IGNORECASE):
                printed = f"{printed} {nfc(nxt)}"
            # recover the printed casing from the body text ("xã Thanh Sơn")
            mb = re.search(rf"{kind}\s+({re.escape(printed)})", body, re.IGNORECASE)
            name = mb.group(1) if mb and not _is_upper(mb.group(1)) else printed.title()
            return kind, name
    return None, None


def _below_in_column(lines: list[TextLine], ln: TextLine) -> TextLine | None:
    """The line printed right under `ln` in its column (lines without geometry: the next one)."""
    if ln.x1 == ln.x0:
        k = lines.index(ln)
        return lines[k + 1] if k + 1 < len(lines) else None
    below = [b for b in lines if b.top > ln.top and b.x0 < ln.x1 and ln.x0 < b.x1]
    return min(below, key=lambda b: b.top) if below else None


def _with_next_in_column(lines: list[TextLine], ln: TextLine) -> str:
    """The line and the one printed under it in its column ("..., ngày 16 tháng 10 năm" / "2025")."""
    below = _below_in_column(lines, ln)
    return f"{ln.text} {below.text}" if below else ln.text



# organ abbreviations kept upper case when a header-block line is put in sentence case
_ABBREVIATIONS = {"UBND", "HĐND", "MTTQ", "UBMTTQ", "BCĐ", "BCH", "BTV", "ĐU", "TU", "HU"}


def _sentence_case(text: str) -> str:
    """"BAN CHỈ ĐẠO" -> "Ban chỉ đạo"; abbreviations ("UBND", "HĐND") stay as printed."""
    words = [w if w in _ABBREVIATIONS else w.lower() for w in nfc(text).split()]
    return (words[0][:1].upper() + words[0][1:] + " " + " ".join(words[1:])).strip() if words else ""


def _issuing_body_from_block(head: list[TextLine], kind: str | None, name: str | None) -> str | None:
    """The issuing organ as the header block prints it, when the body never names it.

    The left column's upper-case lines down to "Số": the last names the organ; a
    line that is only the unit ("XÃ AN BÌNH") completes the organ above it
    ("ỦY BAN NHÂN DÂN"), and an organ printed without its unit ("BAN CHỈ ĐẠO"
    under "UBND PHƯỜNG X") takes the unit of the block.
    """
    lines: list[str] = []
    for ln in head:
        text = ln.text.strip()
        if _NUMBER.match(text):
            break
        folded = fold(text)
        if _is_upper(text) and not folded.startswith(("cong hoa", "dang cong san", "doc lap")):
            lines.append(text)
    if not lines:
        return None
    last = lines[-1]
    folded = fold(last)
    unit = f"{kind} {name}" if kind and name else None
    if folded.startswith(tuple(_UNIT_KINDS)) and len(lines) >= 2:
        organ, place = lines[-2], unit or _sentence_case(last)
    elif _UNIT.search(folded):
        head_words = len(last.split()) - len((name or "").split()) - len((kind or "").split())
        organ, place = " ".join(last.split()[:max(1, head_words)]), unit
    else:
        organ, place = last, unit
    return collapse(f"{_sentence_case(organ)} {place or ''}")


def _issuing_body(body: str) -> str | None:
    """The authority named in the enacting sentence ("UBND xã X ban hành Kế hoạch ...")."""
    m = _ISSUES.search(body)
    if m:
        before = body[: m.start()]
        phrase = collapse(before[max(before.rfind(c) for c in ";:.\n") + 1:])
    elif m := _ENACTS.search(body):
        phrase = collapse(m.group(0))
    else:
        return None
    if "," in phrase:  # "Căn cứ tình hình thực tế, UBND xã X ban hành": the body follows the lead-in
        tail = phrase.rsplit(",", 1)[1].strip()
        if tail[:1].isupper():
            phrase = tail
    return phrase if 0 < len(phrase.split()) <= 12 else None


def _signer(lines: list[TextLine]) -> tuple[str | None, str | None]:
    """The last signature block: its upper-case title lines and the name printed below them.

    Only lines in the title's column count, so the "Nơi nhận" list printed to
    the left at the same height does not break the block apart.
    """
    for i in range(len(lines) - 1, -1, -1):
        anchor = lines[i]
        if not _SIGN_TITLE.match(anchor.text.strip()) or not _is_upper(anchor.text):
            continue
        centre = (anchor.x0 + anchor.x1) / 2
        column = [ln for ln in lines if ln.x1 == ln.x0 or ln.x0 <= centre <= ln.x1]
        k = column.index(anchor)
        j = k
        while j - 1 >= 0 and _SIGN_TITLE.match(column[j - 1].text.strip()) and _is_upper(column[j - 1].text):
            j -= 1
        while k + 1 < len(column) and _is_upper(column[k + 1].text) and not _PERSON.match(column[k + 1].text):
            k += 1
        title = collapse(" ".join(ln.text for ln in column[j: k + 1]))
        name = None
        for ln in column[k + 1: k + 8]:
            text = ln.text.strip()
            if _PERSON.match(text) and not _is_upper(text):
                name = text
                break
        return title, name
    return None, None


def _same_document(ref: str) -> str:
    """A key under which "125-KH/ĐU" and "125/KH/ĐU" (the plan's own number, printed two ways) meet."""
    return re.sub(r"[\s/-]", "", fold(ref)).upper()


def references(text: str, own_number: str | None = None) -> list[str]:
    """Every cited document as NUMBER/SYMBOL, once each, in order of first citation."""
    seen: dict[str, str] = {}
    own = _same_document(own_number) if own_number else None
    for m in _REF.finditer(join_lines(text.split("\n"))):
        ref = m.group(1) + m.group(2) + re.sub(r"\s+", "", m.group(3))
        key = fold(ref).upper()
        if _same_document(ref) == own or key in seen:
            continue
        seen[key] = ref
    return list(seen.values())


def parse_header(pages: list[PageText], table_text: str = "", appendix_page: int | None = None) -> Header:
    """Header fields from the page text outside tables.

    `references` are all the documents the plan cites anywhere (title, "Căn cứ"
    bases, body, then table cells), once each; `references_in_tables` lists the
    ones cited only inside table cells, so a user who wants the legal bases alone
    can take them out. `appendix_page` (1-based, the first appendix's page) bounds
    the search for the signature, which closes the body before the appendices;
    without appendices every page is searched, the last signature winning.
    """
    first = [ln for p in pages[:2] for ln in p.lines]
    all_text = "\n".join(p.text for p in pages)
    h = Header()
    at = _find_document_type(first)
    head = first[:at] if at is not None else first[:8]
    body_lines = first[at + 1:] if at is not None else first
    body = join_lines([ln.text for ln in body_lines])
    for ln in head:
        m = _NUMBER.match(ln.text.strip())
        if m and not h.doc_symbol:
            h.doc_symbol = re.sub(r"\s+", "", m.group(3))
            h.doc_number = f"{m.group(1)}{m.group(2)}{h.doc_symbol}" if m.group(1) else None
        d = _DATE.search(_with_next_in_column(head, ln) if "ngay" in fold(ln.text) else ln.text)
        if d and not h.issue_date:
            day, month, year = d.group(1), d.group(2), d.group(3)
            h.issue_date = year + (f"-{int(month):02d}" if month else "")
            h.issue_date += f"-{int(day):02d}" if month and day else ""
    h.admin_unit_type, h.admin_unit_name = _admin_unit(head, body)
    provinces = Counter(collapse(m.group(2)) for m in _PROVINCE.finditer(all_text))
    h.province = provinces.most_common(1)[0][0] if provinces else None
    if at is not None:
        h.title = _title(first, at)
    h.issuing_body = _issuing_body(body) or _issuing_body_from_block(head, h.admin_unit_type, h.admin_unit_name)
    # the signature closes the body, before the appendices: search the body's pages, last first
    body_pages = pages[:appendix_page] if appendix_page else pages
    for p in reversed(body_pages):
        title, name = _signer(p.lines)
        if title:
            h.signer_title, h.signer_name = title, name
            break
    in_text = references(all_text, h.doc_number)
    cited = {fold(r).upper() for r in in_text}
    h.references_in_tables = [r for r in references(table_text, h.doc_number) if fold(r).upper() not in cited]
    h.references = in_text + h.references_in_tables
    return h

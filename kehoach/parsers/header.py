"""Document header metadata: who issues it, its type, number, date, title, signer, citations.

Works on `PageText` lines from any front-end. The header block is read the way
Decree 30/2020 lays it out (parsers/header_block.py); the signature block by its
authority lines (parsers/signature.py); citations anywhere (parsers/references.py).
The province and the administrative unit come only from the issuing and parent
bodies' names and the place-date line, checked against the official list
(normalize/admin_units.py): never from body text, which names many places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach import settings
from kehoach.normalize import admin_units as au
from kehoach.normalize.case import normal_case, sentence_case
from kehoach.normalize.text import collapse, fold, join_lines
from kehoach.parsers.grid import PageText
from kehoach.parsers.header_block import (
    PARTY_COMMITTEE,
    TERRITORY,
    TERRITORY_ASCII,
    Block,
    is_upper,
    read_block,
)
from kehoach.parsers.references import references
from kehoach.parsers.signature import signer

__all__ = ["Header", "parse_header", "references"]

# territory words, folded, as written ("thanh" and "thi" open a Party committee: "THÀNH ỦY", "THỊ ỦY")
_KINDS = {"tinh": "tỉnh", "thanh pho": "thành phố", "xa": "xã", "phuong": "phường", "dac khu": "đặc khu",
          "huyen": "huyện", "quan": "quận", "thi xa": "thị xã", "thanh": "thành phố", "thi": "thị xã"}
_NAME_END = re.compile(r"\s+(?:theo|về|của|số|trên)\s.*$", re.IGNORECASE)
_ISSUES = re.compile(r"(ban hành|xây dựng)\s+(?:kế hoạch|ke hoach)", re.IGNORECASE)
# "UBND xã X triển khai Nghị quyết ... cụ thể như sau:": an authority, a verb, and "như sau" later on
_ENACTS = re.compile(r"(?:UBND|Ủy ban|Uỷ ban|Ban |Đảng ủy|Đảng uỷ|Hội đồng)[^.;:]{0,80}?\s"
                     r"(?=(?:ban hành|xây dựng|triển khai|thực hiện|đề ra)\b[^.;]{0,400}?như sau)")


@dataclass(slots=True)
class Header:
    admin_unit_type: str | None = None
    admin_unit_name: str | None = None
    admin_unit_code: str | None = None
    province: str | None = None
    province_code: str | None = None
    province_current: str | None = None
    parent_body: str | None = None
    issuing_body: str | None = None
    doc_type: str | None = None
    doc_number: str | None = None
    doc_symbol: str | None = None
    issue_date: str | None = None
    title: str | None = None
    signer_name: str | None = None
    signer_title: str | None = None
    references: list[str] = field(default_factory=list)
    references_in_tables: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _territories(text: str) -> list[tuple[str, str]]:
    """(kind, printed name) of each territory a header name names: "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" -> tỉnh."""
    found = []
    m = PARTY_COMMITTEE.search(text)
    if m:
        found.append((_KINDS[fold(m.group(1))], _NAME_END.sub("", m.group(2)).strip()))
    pattern = TERRITORY if any(ord(c) > 127 for c in text) else TERRITORY_ASCII
    for m in pattern.finditer(text):
        name = _NAME_END.sub("", m.group(2)).strip()
        # a second territory inside the name ("XÃ AN BÌNH, HUYỆN X, TỈNH Y"): the first part is this one's
        inner = pattern.search(name)
        if inner:
            found.extend(_territories(name[inner.start():]))
            name = name[: inner.start()].strip(" ,-")
        if name and not fold(name).lower().startswith(("uy", "hoi")):
            found.insert(0, (_KINDS[fold(m.group(1))], name))
    return found


def _printed_name(name: str) -> str:
    """A body's name in normal case (capitals kept where the spelling rules keep them)."""
    return normal_case(name, au.place_names()) if is_upper(name) else collapse(name)


def _place_name(name: str) -> str:
    """A place name, a proper noun: every word capitalised ("LÀO CAI" -> "Lào Cai").

    A name printed without diacritics (an English-OCR layer: "THANH SON") takes the
    official list's spelling when the list spells that name one way only.
    """
    name = collapse(name)
    name = " ".join(w[:1].upper() + w[1:].lower() for w in name.split()) if is_upper(name) else name
    if name and all(ord(c) < 128 for c in name):
        spellings = au.spellings(name)
        if len(spellings) == 1:
            return spellings.pop()
    return name


def _stated_province(kind: str, name: str, text: str) -> str | None:
    """The province the document writes beside its own unit ("xã La Ngà, tỉnh Tây Ninh"; "trên địa bàn xã,
    tỉnh Đắk Lắk": the unit's kind alone, as a plan names its own commune)."""
    m = re.search(rf"(?i:(?:{re.escape(kind)}\s+{re.escape(name)}|địa\s+bàn\s+{re.escape(kind)})\s*,\s*"
                  r"(?:tỉnh|thành phố))\s+([A-ZĐ][\w]*(?:\s+[A-ZĐ][\w]*){0,3})", text)
    if not m:
        return None
    words = m.group(1).split()
    known = [" ".join(words[:n]) for n in range(len(words), 0, -1) if au.find_province(" ".join(words[:n]))]
    return known[0] if known else m.group(1)


def _place_unit(place: str) -> tuple[str, str] | None:
    """The unit a place-date line names: a province ("Lào Cai, ngày ...") or a commune, when the list knows it."""
    name = _place_name(place)
    province = au.find_province(name)
    if province:
        return province.kind, name
    communes = au.find_communes(name)
    kinds = {c.kind for c in communes}
    return (kinds.pop(), name) if len(kinds) == 1 else None


def _resolve_units(h: Header, block: Block, all_text: str) -> None:
    """Admin unit, province and their official codes from the issuing body, the parent body and the place."""
    named = _territories(" ".join(block.issuing_lines)) + _territories(" ".join(block.parent_lines))
    districts = [(k, _place_name(n)) for k, n in named if k not in au.PROVINCE_TYPES + au.COMMUNE_TYPES]
    units = [(k, _place_name(n)) for k, n in named if k in au.PROVINCE_TYPES + au.COMMUNE_TYPES]
    place = _place_unit(block.place) if block.place else None
    if not named and _central(block):
        h.warnings.append("header: a central body (ministry, Government, National Assembly, Party Central "
                          "Committee): no local administrative unit; the place line names only its seat")
        return
    if place and any(au.match_key(place[1]) == au.match_key(n) for _, n in districts):
        place = None  # "Sơn Tịnh, ngày ..." under "HUYỆN SƠN TỊNH": the district's seat, not a commune
    unit = units[0] if units else place
    if unit is None:
        if districts:  # a district's body: the level was abolished in 2025, its province is still known
            h.warnings.append(f"header: issued by a {districts[0][0]} ({' '.join(districts[0])}), a level "
                              "abolished in 2025: no admin unit of the schema")
            province = _province_name("", "", [], None, districts, "")
            if province:
                _set_province(h, province, "")
            return
        h.warnings.append("header: the issuing body and the place-date line name no administrative unit")
        return
    kind, name = unit
    h.admin_unit_type, h.admin_unit_name = kind, name
    province_name = _province_name(kind, name, units, place, districts, all_text)
    if kind in au.COMMUNE_TYPES:
        province_name = _commune_code(h, kind, name, province_name, all_text)
    if province_name is not None:
        _set_province(h, province_name, kind)


def _set_province(h: Header, province_name: str, kind: str) -> None:
    """The province as printed, its official code and today's province; a name not in the list is flagged."""
    h.province = province_name
    province = au.find_province(province_name)
    if province is None:
        h.warnings.append(f"header: province {province_name} is not in the official list: kept as printed")
        return
    h.province_code, h.province_current = province.code, province.current_name
    if kind in au.PROVINCE_TYPES:
        h.admin_unit_code = province.code
    if province.pre_2025:
        h.warnings.append(f"header: {province.name} is a province before the 2025 mergers (code {province.code}); "
                          f"it is now part of {province.current_name} (code {province.current_code})")


# bodies of the whole country: their place line ("Hà Nội, ngày ...") names their seat, not their territory
_CENTRAL = ("bo ", "chinh phu", "thu tuong", "quoc hoi", "tong cuc", "ban chap hanh trung uong", "bo chinh tri",
            "ban bi thu", "van phong chinh phu", "van phong trung uong", "uy ban thuong vu quoc hoi",
            "toa an nhan dan toi cao", "vien kiem sat nhan dan toi cao", "kiem toan nha nuoc", "ngan hang nha nuoc")


def _central(block: Block) -> bool:
    first = (block.parent_lines or block.issuing_lines or [""])[0]
    return fold(first).lower().strip().startswith(_CENTRAL)


def _province_name(kind: str, name: str, units: list[tuple[str, str]], place: tuple[str, str] | None,
                   districts: list[tuple[str, str]], all_text: str) -> str | None:
    """The province: the unit itself, one named in the header, the place line, a pre-2025 district's, or the
    one the document writes beside its unit's name."""
    if kind in au.PROVINCE_TYPES:
        return name
    provinces = [n for k, n in units if k in au.PROVINCE_TYPES]
    if provinces:
        return provinces[0]
    if place and place[0] in au.PROVINCE_TYPES and au.match_key(place[1]) != au.match_key(name):
        return place[1]  # (a commune's place line names the commune itself, even one named like a province)
    for d_kind, d_name in districts:
        owners = {u.province for u in au.find_before_2025(d_name, d_kind)}
        if len(owners) == 1:
            return owners.pop()
    return _stated_province(kind, name, join_lines(all_text.split("\n")))


def _commune_code(h: Header, kind: str, name: str, province_name: str | None, all_text: str) -> str | None:
    """The commune's official code (current list, else the pre-2025 one); returns the province it settles."""
    communes = au.find_communes(name, kind)
    province = au.find_province(province_name) if province_name else None
    if province and communes and not any(c.province_code == province.current_code for c in communes):
        h.warnings.append(f"header: the document places {kind} {name} in {province_name}; the official list "
                          "has no unit of that name there")
        return province_name
    if province:
        communes = [c for c in communes if c.province_code == province.current_code]
    if len(communes) > 1:  # the same name in several provinces: the one the document names most
        counts = {c: all_text.count(au.province_by_code(c.province_code).name) for c in communes}
        best = max(counts.values())
        communes = [c for c, n in counts.items() if n == best] if best else communes
    if len(communes) == 1:
        h.admin_unit_code = communes[0].code
        return province_name or au.province_by_code(communes[0].province_code).name
    if communes:
        h.warnings.append(f"header: {kind} {name} exists in several provinces and the document does not "
                          "say which: province left blank")
        return province_name
    old = [u for u in au.find_before_2025(name, kind)
           if province is None or au.find_province(u.province) in (province,)
           or (au.find_province(u.province) and au.find_province(u.province).current_code == province.current_code)]
    if len(old) == 1:
        h.admin_unit_code = old[0].code
        h.warnings.append(f"header: {kind} {name} is a unit before the 2025 reform (code {old[0].code}, "
                          f"{old[0].province}): not in the current list")
        return province_name or old[0].province
    h.warnings.append(f"header: {kind} {name} is not in the official list of administrative units "
                      "(a pre-2025 name, or misread): kept as printed")
    return province_name


def _issuing_body(block: Block) -> tuple[str | None, str | None]:
    """(issuing body, parent body) in normal case; an organ named without its territory takes the parent's."""
    issuing = _printed_name(" ".join(block.issuing_lines)) if block.issuing_lines else None
    parent = _printed_name(" ".join(block.parent_lines)) if block.parent_lines else None
    if issuing and parent and not _territories(" ".join(block.issuing_lines)):
        place = _territories(" ".join(block.parent_lines))
        if place and place[0][0] in au.COMMUNE_TYPES:  # "BAN CHỈ ĐẠO" under "UBND PHƯỜNG X": of that ward
            issuing = f"{issuing} {place[0][0]} {_place_name(place[0][1])}"
    return issuing, parent


def _issuing_body_from_text(body: str) -> str | None:
    """The authority named in the enacting sentence ("UBND xã X ban hành Kế hoạch ..."): a last resort."""
    m = _ISSUES.search(body)
    if m:
        before = body[: m.start()]
        phrase = collapse(before[max(before.rfind(c) for c in ";:.\n") + 1:])
    elif m := _ENACTS.search(body):
        phrase = collapse(m.group(0))
    else:
        return None
    if "," in phrase:
        tail = phrase.rsplit(",", 1)[1].strip()
        if tail[:1].isupper():
            phrase = tail
    return phrase if 0 < len(phrase.split()) <= 12 else None


def _title(block: Block) -> str | None:
    text = join_lines(block.title_lines)
    if not text:
        return None
    return sentence_case(text, au.place_names()) if is_upper(text) else text


def parse_header(pages: list[PageText], table_text: str = "", appendix_page: int | None = None) -> Header:
    """Header fields from the page text outside tables.

    `references` are all the documents cited anywhere (title, "Căn cứ" bases, body,
    then table cells), once each; `references_in_tables` lists the ones cited only
    inside table cells. `appendix_page` (1-based, the first appendix's page) bounds
    the search for the signature, which closes the body before the appendices.
    """
    first = [ln for p in pages[:2] for ln in p.lines]
    width = pages[0].width if pages else 0.0
    all_text = "\n".join(p.text for p in pages)
    h = Header()
    block = read_block(first, width)
    h.doc_number, h.doc_symbol, h.issue_date, h.doc_type = block.number, block.symbol, block.date, block.doc_type
    h.title = _title(block)
    h.issuing_body, h.parent_body = _issuing_body(block)
    if h.issuing_body is None:
        h.issuing_body = _issuing_body_from_text(join_lines([ln.text for ln in first]))
        if h.issuing_body:
            h.warnings.append("header: no issuing body in the header block; taken from the enacting sentence")
    _resolve_units(h, block, all_text)
    body_pages = pages[:appendix_page] if appendix_page else pages
    for i in range(len(body_pages) - 1, -1, -1):
        title, name = signer(body_pages[i].lines)
        if title and name is None and i + 1 < len(pages):
            # a block whose name went over to the next page (a page break after the title; a text
            # file cut into pages of so many lines); the title stays the one its own page shows
            name = signer(body_pages[i].lines + pages[i + 1].lines[:settings.SIGNATURE_TEXT_LINES])[1]
        if title:
            h.signer_title, h.signer_name = title, name
            break
    # the document's own "Số: ..." line is no citation, even when its number is unread ("Số: 4 ý 26 /QĐ-UBND")
    cited_text = all_text.replace(block.number_line, "", 1) if block.number_line else all_text
    in_text = references(cited_text, h.doc_number)
    cited = {fold(r).upper() for r in in_text}
    h.references_in_tables = [r for r in references(table_text, h.doc_number) if fold(r).upper() not in cited]
    h.references = in_text + h.references_in_tables
    for name in ("issuing_body", "doc_type", "issue_date", "title", "signer_title"):
        if getattr(h, name) is None and any(p.lines for p in pages):
            h.warnings.append(f"header: {name} not read")
    if block.number_unread:
        h.warnings.append(f"header: the number on the line {block.number_line!r} could not be read "
                          "(handwritten or stamped over): left blank, the symbol kept")
    elif h.doc_symbol and h.doc_number is None:
        h.warnings.append("header: the number is blank on the page (not yet numbered, or stamped where "
                          "it could not be read)")
    return h

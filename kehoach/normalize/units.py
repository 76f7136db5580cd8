"""Split a "chủ trì" / "phối hợp" cell into one entry per body named in it.

Rules (gold/SCHEMA.md): split at ';', at a line that starts a new body, and at a
comma between two separately named bodies; keep a comma inside one name
("Các cơ quan, đơn vị, các ngành xã" is one entry, "Phòng KT,HT &ĐT" is one).
A wrapped line ("Phòng Văn hóa - Xã" / "hội") is not a new body: a new line
starts a body only when it opens with a body word and the line before it is
complete: it does not end in "và", "của", "-", ..., and it is not a name cut
after its head that the catalog knows only whole ("Trung tâm" / "PVHCC").
"""

from __future__ import annotations

import re

from kehoach import settings
from kehoach.normalize.catalog import bodies
from kehoach.normalize.text import clean_text, fold

# folded words that open a body's name when written with a capital (or "các"). "UBND",
# "HĐND" and "Ngân hàng" are left out: at a line start they mostly qualify the line
# before ("Các phòng, ban chuyên môn" / "UBND xã"); after ';' they still split.
BODY_HEADS = (
    "phong", "van phong", "vp", "trung tam", "tt", "cong an", "ca", "ban", "bch", "dang uy", "uy ban",
    "ub", "ubmttq", "mttq", "tram", "tyt", "to", "doan", "hoi", "truong", "doanh nghiep", "dn",
    "chi nhanh", "cac", "co quan", "don vi", "buu dien", "vnpt", "viettel", "mobifone", "hop tac xa", "htx",
    "nguoi dan", "cong dan", "quan su", "thuong truc", "chu tich", "pho chu tich", "cong chuc",
    "lanh dao", "bo phan", "cum", "ap", "khu pho", "thon", "hiep hoi", "lien doan", "chi hoi", "mat tran",
    "ttpvhcc", "tthcc", "ttdvth", "pvhcc", "ubmttqvn", "hoi dong", "nhom", "tong cong ty", "cong ty",
)
# a line ending like this continues on the next line
_OPEN_END = re.compile(r"(?:\b(?:và|của|thuộc|với|các|cho|tại|trên|về)|[-&,/(])\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-–•+*]|\d+[.)])\s+")
# A person, not a body: "Ông/Bà/Đ/c ..." or a personal name (a common surname, then two to four
# words). Task tables of real plans name the official in charge ("Người thực hiện"),
# one per line or separated by commas; each person is one entry.
_HONORIFIC = re.compile(r"^(?:ông|bà|anh|chị|đ/c|đc\.?|đồng chí)\s+\S", re.IGNORECASE)
_SURNAMES = {
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo",
    "duong", "ly", "dinh", "dao", "doan", "trinh", "mai", "truong", "lam", "luong", "ha", "cao", "luu", "ta",
    "chu", "kieu", "quach", "thai", "to", "vuong", "la", "tong", "lai", "hua", "giang", "thach", "au", "khong",
}
_PLACES = {"ho chi minh"}
_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+$")


def is_person(text: str) -> bool:
    """Does the text name one person ("Nguyễn Văn An", "Đ/c Trần Thị Bình", "Ông Lê Minh - Chủ tịch")?"""
    head = re.split(r"\s+[-–(]\s*|,", text.strip(" ;.-–•+*"), maxsplit=1)[0].strip()
    if _HONORIFIC.match(head):
        return True
    words = head.split()
    # the surname and the given name (last word) are capitalised; a middle name typed in lower case
    # ("Nguyễn Thị thúy Nhung") is a typing slip, still a person
    # three words at least without an honorific: two capitalised words are as often a place wrapped
    # onto its own line ("Sở Tài chính tỉnh" / "Lâm Đồng"); the city named after a person is a place
    return 3 <= len(words) <= 5 and fold(head) not in _PLACES and fold(words[0]) in _SURNAMES \
        and bool(_NAME_WORD.match(words[0])) and bool(_NAME_WORD.match(words[-1])) \
        and all(w.isalpha() for w in words)


def _opens_body(line: str, after_comma: bool) -> bool:
    if is_person(line):
        return True
    words = line.strip().lstrip("-–•+* ").split()
    if not words:
        return False
    first = words[0]
    folded = fold(" ".join(words[:3]))
    if not any(folded == h or folded.startswith(h + " ") for h in BODY_HEADS):
        return False
    if after_comma:
        return first[:1].isupper()  # "Phòng A, Phòng B" splits; "Các cơ quan, đơn vị, các ngành" does not
    return first[:1].isupper() or fold(first) == "cac"


def _known(text: str) -> bool:
    """A whole catalog body ("TTPVHCC xã"): a comma before it separates two bodies."""
    return bodies().match(text) is not None


def _split_commas(segment: str) -> list[str]:
    """Cut at commas that separate two named bodies, keeping the printed text intact."""
    out: list[str] = []
    start = 0
    for m in re.finditer(r",\s*", segment):
        before, after = segment[start:m.start()], segment[m.end():].split(",")[0]
        named = _opens_body(after, after_comma=True) or (after[:1].isupper() and _known(after) and _known(before))
        if named and len(after.split()) >= 2 and len(before.split()) >= 2:
            out.append(before)
            start = m.end()
    out.append(segment[start:])
    return out


def split_bodies(cell: str | None) -> list[str]:
    """One cleaned entry per body named in the cell, in printed order."""
    if not cell or not cell.strip():
        return []
    entries: list[str] = []
    for chunk in _line_groups(cell):
        for piece in _split_commas(chunk):
            text = clean_text(_BULLET.sub("", piece))
            if text:
                text = text.strip(" ;,.")
                if text:
                    entries.append(text)
    return entries


def _completes(current: list[str], ahead: list[str]) -> bool:
    """The next line(s) finish a name wrapped after its head ("Trung tâm" / "PVHCC", "Ban điều hành" /
    "các ấp"): the lines so far name no body well, and with one to three more lines they match a
    whole catalog name clearly better than alone (the whole name, not a part of it: two bodies on
    two lines stay two)."""
    last = _split_commas(" ".join(current))[-1].strip()  # the last body of a comma-separated line
    so_far = last.rsplit(",", 1)[-1].strip()
    if not _opens_body(so_far, after_comma=False):  # "đơn vị" after a comma is no cut-off name
        return False
    named = bodies().match(last)
    if named is not None and (bodies().match_closely(last) is None or named.score >= settings.WRAPPED_NAME_WHOLE):
        return False  # the lines so far name a body ("Các cơ quan, đơn vị, các ngành xã"): two bodies
    alone = bodies().match_closely(so_far)
    for j in range(1, min(3, len(ahead)) + 1):
        joined = bodies().match_closely(" ".join([so_far, *ahead[:j]]))
        if joined is not None and (alone is None or joined.score > alone.score + settings.WRAPPED_NAME_GAIN):
            return True
    return False


def _line_groups(cell: str) -> list[str]:
    """Group the cell's lines into bodies: ';' always splits, a new line only when it opens a body."""
    groups: list[list[str]] = []
    for part in cell.split(";"):
        lines = [ln for ln in part.splitlines() if ln.strip()]
        current: list[str] = []
        for k, ln in enumerate(lines):
            if current and _opens_body(ln, after_comma=False) and not _OPEN_END.search(current[-1]) \
                    and not _completes(current, lines[k:]):
                groups.append(current)
                current = []
            current.append(ln)
        if current:
            groups.append(current)
    return ["\n".join(g) for g in groups]

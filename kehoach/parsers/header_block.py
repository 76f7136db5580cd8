"""The header block of a Vietnamese administrative document, read the way Decree 30/2020 lays it out.

Appendix I of Decree 30/2020/NĐ-CP (and Hướng dẫn 36-HD/VPTW for Party bodies) fixes
the first lines of every document: on the left the parent body (optional, in normal
weight) over the issuing body (bold; one name may wrap over two or three lines), then
"Số: 12/KH-UBND" and, for a letter, its "V/v ..." summary; on the right the national
name and motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc",
or "ĐẢNG CỘNG SẢN VIỆT NAM") over the place and date ("Lào Cai, ngày 15 tháng 5 năm
2026"); then, centred, the type word ("QUYẾT ĐỊNH") and the summary (title).

Every front-end hands `TextLine`s; geometry (x, top) is used where present to tell the
columns apart and to see where the title ends, but the rules also hold on plain
lines (OCR or text front-ends without boxes): then the order and the words decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach import settings
from kehoach.normalize.text import collapse, fold, is_upper, join_lines, nfc
from kehoach.parsers.grid import TextLine

# Decree 30/2020 Appendix III (and the Party's list): the type words, folded, longest first
DOC_TYPES = tuple(sorted((
    "nghi quyet", "quyet dinh", "chi thi", "quy che", "quy dinh", "thong cao", "thong bao", "huong dan",
    "chuong trinh", "ke hoach", "phuong an", "de an", "du an", "bao cao", "bien ban", "to trinh", "hop dong",
    "cong dien", "ban ghi nho", "ban thoa thuan", "giay uy quyen", "giay moi", "giay gioi thieu",
    "giay nghi phep", "phieu gui", "phieu chuyen", "phieu bao", "giay chung nhan", "ket luan", "thong tri",
    "cong van", "nghi dinh", "thong tu", "lenh", "quy hoach", "luat", "phap lenh",
), key=len, reverse=True))
# the type words as written, for text that lost its diacritics ("KE HOACH" -> "kế hoạch")
TYPE_WORDS = {fold(w): w for w in (
    "nghị quyết", "quyết định", "chỉ thị", "quy chế", "quy định", "thông cáo", "thông báo", "hướng dẫn",
    "chương trình", "kế hoạch", "phương án", "đề án", "dự án", "báo cáo", "biên bản", "tờ trình", "hợp đồng",
    "công điện", "bản ghi nhớ", "bản thỏa thuận", "giấy ủy quyền", "giấy mời", "giấy giới thiệu",
    "giấy nghỉ phép", "phiếu gửi", "phiếu chuyển", "phiếu báo", "giấy chứng nhận", "kết luận", "thông tri",
    "công văn", "nghị định", "thông tư", "lệnh", "quy hoạch", "luật", "pháp lệnh")}
# the type abbreviation that opens a symbol ("QĐ-UBND", "12-KH/ĐU"), for a header whose type line is unread
TYPE_ABBREVIATIONS = {
    "NQ": "nghị quyết", "QĐ": "quyết định", "CT": "chỉ thị", "QC": "quy chế", "QYĐ": "quy định",
    "TC": "thông cáo", "TB": "thông báo", "HD": "hướng dẫn", "CTR": "chương trình", "KH": "kế hoạch",
    "PA": "phương án", "ĐA": "đề án", "DA": "dự án", "BC": "báo cáo", "BB": "biên bản", "TTR": "tờ trình",
    "HĐ": "hợp đồng", "CĐ": "công điện", "GM": "giấy mời", "GGT": "giấy giới thiệu", "GUQ": "giấy ủy quyền",
    "KL": "kết luận", "NĐ": "nghị định", "CV": "công văn", "TT": "thông tri", "GCN": "giấy chứng nhận",
}
# "Số: 97/KH-BCĐ" (state bodies) or "Số 12-KH/ĐU" (Party committees); the number may be left blank
# A legal act's number carries its year ("Số: 25/2026/NĐ-CP"); a handwritten number OCR cannot read comes out
# as a few stray marks ("Số: 4 ý 26 /QĐ-UBND"): the printed symbol after it is still the document's.
# "Số" as OCR reads it: any tone on the "o" or "ô" ("Sô", "Sồ", "Sỗ"; not "ơ": "Sở" opens a body's name),
# a digit for it before the colon ("S6:"), the colon read as ";" or "."
NUMBER = re.compile(r"^S(?:[oOòóỏõọôồốổỗộÒÓỎÕỌÔỒỐỔỖỘ]|\d{1,2}(?=\s*:))\s*[:;.]?\s*"
                    r"(?P<number>\d*[a-zđ]?|[^\s/:A-ZĐ-][^/A-ZĐ-]{0,10}?)\s*"
                    r"(?P<mark>[/-])\s*(?P<year>(?:19|20)\d{2}\s*/\s*)?"
                    r"(?P<symbol>[A-ZĐ][A-ZĐa-zđ0-9]*(?:\s*[-/]\s*[A-ZĐ][A-ZĐa-zđ0-9]*)*)")
_READABLE_NUMBER = re.compile(r"^\d+[a-zđ]?$")
# a day or month OCR could not read (handwritten, stamped over: "ngày 0À tháng + năm 2026") is up to three
# stray marks: the date is then known to its year only
DATE = re.compile(r"ngày\s*(\d{0,2}|\S{1,3}?)\s*[/-]?\s*tháng\s*(\d{0,2}|\S{1,3}?)\s*[/-]?\s*năm\s*(\d{4})",
                  re.IGNORECASE)
DATE_FOLDED = re.compile(r"ngay\s*(\d{0,2}|\S{1,3}?)\s*[/-]?\s*thang\s*(\d{0,2}|\S{1,3}?)\s*[/-]?\s*nam\s*(\d{4})")
DATE_NUMERIC = re.compile(r"ngày\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", re.IGNORECASE)
_MOTTO = ("cong hoa xa hoi", "doc lap - tu do", "doc lap tu do", "dang cong san viet nam", "chu nghia viet nam")
_LETTER = re.compile(r"^\s*V/v\b", re.IGNORECASE)
_KINH_GUI = re.compile(r"^\s*Kính\s*gửi", re.IGNORECASE)
_BODY_START = re.compile(r"^\s*(căn\s*cứ|kính\s*gửi|thực\s*hiện|xét\b|theo\s+đề\s+nghị)", re.IGNORECASE)
_TITLE_STOP = re.compile(r"^(căn cứ|căncứ|thực hiện|để|nhằm|i\.|1\.|phần|kính gửi|xét)", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[\s\-_–—*=.~]+$")
# words that open a body's name in a header block (folded): a line starting with one starts a new name
_ORGAN_STARTS = (
    "uy ban", "ubnd", "hoi dong", "hdnd", "so ", "ban ", "dang uy", "dang bo", "doan ", "phong ", "chi cuc",
    "cuc ", "tong cuc", "bo ", "van phong", "trung tam", "truong ", "cong an", "mat tran", "ubmttq",
    "tinh uy", "huyen uy", "thanh uy", "quan uy", "thi uy", "chinh phu", "thu tuong", "quoc hoi", "to ",
    "hoi ", "lien doan", "kho bac", "chi nhanh", "benh vien", "vien ", "toa an", "kiem toan", "thanh tra",
    "bch ", "btv ", "chi bo", "chu tich",
)
# a name line ending with these words is not finished: the next line completes it
_OPEN_ENDS = ("uy ban nhan dan", "hoi dong nhan dan", "ban chap hanh", "ban thuong vu", "uy ban", "theo", "cua",
              "so", "ve", "dang uy", "dang bo")
TERRITORY = re.compile(r"(?:^|\s)(thành phố|thị xã|đặc khu|tỉnh|huyện|quận|xã|phường)\s+(.+)$", re.IGNORECASE)
# the same words in text that lost its diacritics (an English-OCR layer); used only on such text, where
# "quan" cannot be told from "quản" anyway
TERRITORY_ASCII = re.compile(r"(?:^|\s)(thanh pho|thi xa|dac khu|tinh|huyen|quan|xa|phuong)\s+(.+)$", re.IGNORECASE)
# a Party committee named by its territory: "TỈNH ỦY LÀO CAI", "HUYỆN ỦY X"
PARTY_COMMITTEE = re.compile(r"(?:^|\s)(thành|tỉnh|huyện|quận|thị)\s+[uủ][yỷ]\s+(.+)$", re.IGNORECASE)


@dataclass(slots=True)
class Block:
    """What the header block prints, as read; names still in their printed capitals."""

    parent_lines: list[str] = field(default_factory=list)
    issuing_lines: list[str] = field(default_factory=list)
    number: str | None = None
    symbol: str | None = None
    place: str | None = None
    date: str | None = None
    doc_type: str | None = None
    title_lines: list[str] = field(default_factory=list)
    title_is_letter: bool = False
    number_line: str | None = None  # the "Số: ..." line as printed: the document's own number, no citation
    number_unread: bool = False  # marks stood where the number is (handwritten, stamped over)
    end: int = 0  # index of the first line after the header block and title


def has_geometry(lines: list[TextLine]) -> bool:
    return any(ln.x1 > ln.x0 for ln in lines)


# letters a legacy-font converter put for "ư"/"Ư" (U+01A3/U+01A2, "oi"), common in converted documents
_GLYPH_SLIPS = str.maketrans({"ƣ": "ư", "Ƣ": "Ư"})


def repair_glyphs(text: str) -> str:
    """"THƢƠNG" -> "THƯƠNG": letters no Vietnamese word has, put for ư/Ư by old font converters."""
    return text.translate(_GLYPH_SLIPS)


_NUMBER_LABEL = re.compile(r"^s[oô6ố]\s*[:;]?$", re.I)


def _blank_number(label: str, text: str) -> bool:
    """"Số:" then, after the blank left for a number written in by hand, "/KH-UBND": one number line
    however wide the blank."""
    return bool(_NUMBER_LABEL.match(label.strip())) and text.strip().startswith("/")


def merge_row_segments(lines: list[TextLine]) -> list[TextLine]:
    """Pieces of one printed line split by a wide space ("QUYẾT" + "ĐỊNH") joined back, in order.

    Two segments on the same row are one line when the gap between them is small;
    the header's two columns sit much further apart and stay separate.
    """
    lines = [TextLine(repair_glyphs(ln.text), ln.x0, ln.top, ln.x1, ln.bottom, ln.bold) for ln in lines]
    if not has_geometry(lines):
        return lines
    out: list[TextLine] = []
    for ln in lines:
        same_row = min(settings.HEADER_SAME_ROW, settings.HEADER_SAME_ROW_SHARE * max(ln.bottom - ln.top, 0.0))
        host = next((o for o in out if abs(o.top - ln.top) <= same_row
                     and (-1.0 <= ln.x0 - o.x1 <= settings.HEADER_SEGMENT_GAP or _blank_number(o.text, ln.text))
                     and not _is_motto(ln.text) and not _is_motto(o.text)), None)
        if host is None:
            out.append(TextLine(ln.text, ln.x0, ln.top, ln.x1, ln.bottom, ln.bold))
            continue
        host.text = f"{host.text} {ln.text}"
        host.x1, host.bottom = ln.x1, max(host.bottom, ln.bottom)
        host.bold = host.bold and ln.bold
    return out


# OCR reads a wide space or a speck between two words in capitals as a mark: "QUYẾT:ĐỊNH", "KẾ.HOẠCH"
_INNER_MARK = re.compile(r"(?<=\w)[:;.,'`’‘*](?=\w)")


def _unmark(text: str) -> str:
    """"QUYẾT:ĐỊNH" -> "QUYẾT ĐỊNH": a mark between two capitals is a space OCR misread."""
    return _INNER_MARK.sub(lambda m: " " if text[m.start() - 1].isupper() and text[m.end()].isupper()
                           else m.group(0), text)


def doc_type_of(text: str) -> tuple[str, str] | None:
    """("quyết định", rest) when the line opens with a type word printed in capitals, else None."""
    text = _unmark(nfc(text).strip())
    folded = fold(text).lower()
    for t in DOC_TYPES:
        if folded == t or folded.startswith(t + " ") or folded.startswith(t + ":"):
            n = len(t.split())
            words = text.split()
            head = " ".join(words[:n])
            if not is_upper(head):
                return None
            rest = " ".join(words[n:]).lstrip(": ").strip()
            return TYPE_WORDS.get(t, head.lower().replace("uỷ", "ủy")), rest
    return None


def _is_motto(text: str) -> bool:
    folded = fold(text).lower()
    return any(m in folded for m in _MOTTO) or folded.strip() in ("nam", "viet nam")


def _right_column_x(lines: list[TextLine], width: float) -> float | None:
    """Where the right column (national name, motto, place-date) starts, when geometry is known."""
    if not has_geometry(lines):
        return None
    motto = [ln.x0 for ln in lines if _is_motto(ln.text)]
    left = min(ln.x0 for ln in lines)
    if motto and min(motto) > left + 1.0:
        return min(motto) - 1.0
    if motto:  # the motto at the margin: columns read one after the other (flattened text), no split
        return None
    return width / 2 if width else None


def _in_left(ln: TextLine, split: float | None) -> bool:
    return split is None or (ln.x0 + ln.x1) / 2 < split


def _name_groups(lines: list[str]) -> list[list[str]]:
    """The left column's name lines cut into names: a line that opens a body starts a new one.

    A line that is only a territory ("TỈNH LÀO CAI") or goes on a phrase ("THEO QUYẾT
    ĐỊNH", "SỐ 1050/QĐ-SCT") completes the name above it; so does any line under a
    name left open ("ỦY BAN NHÂN DÂN", "BAN CHẤP HÀNH").
    """
    groups: list[list[str]] = []
    for text in lines:
        folded = fold(text).lower().strip() + " "
        opens = any(folded.startswith(s) for s in _ORGAN_STARTS) or bool(PARTY_COMMITTEE.match(text.strip()))
        last_open = bool(groups) and fold(" ".join(groups[-1])).lower().strip().endswith(_OPEN_ENDS + DOC_TYPES)
        if groups and (not opens or last_open):
            groups[-1].append(text)
        else:
            groups.append([text])
    return groups


def _date(text: str) -> str | None:
    d = DATE.search(text) or DATE_FOLDED.search(fold(text))
    if d:
        day, month, year = d.group(1), d.group(2), d.group(3)
        if not day.isdigit() and day or not month.isdigit() and month:
            return year  # a day or month unread
        if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
            return year
        out = year + (f"-{int(month):02d}" if month else "")
        return out + (f"-{int(day):02d}" if month and day else "")
    d = DATE_NUMERIC.search(text)
    if d and 1 <= int(d.group(2)) <= 12 and 1 <= int(d.group(1)) <= 31:
        return f"{d.group(3)}-{int(d.group(2)):02d}-{int(d.group(1)):02d}"
    return None


def _below_in_column(lines: list[TextLine], ln: TextLine) -> TextLine | None:
    """The line printed right under `ln` in its column (lines without geometry: the next one)."""
    if ln.x1 == ln.x0:
        k = lines.index(ln)
        return lines[k + 1] if k + 1 < len(lines) else None
    below = [b for b in lines if b.top > ln.top and b.x0 < ln.x1 and ln.x0 < b.x1]
    return min(below, key=lambda b: b.top) if below else None


def _title_stops(ln: TextLine, prev: TextLine | None, parts: list[str], bold_known: bool) -> bool:
    """Whether `ln` is past the summary: body text, a note in brackets, the authority line, a wide gap."""
    text = ln.text.strip()
    if text.startswith("(") or _KINH_GUI.match(text):
        return True
    if bold_known and not ln.bold:
        return True
    geometry = ln.x1 > ln.x0
    if fold(text).lower().startswith(("can cu", "cancu")):
        return True
    if parts and not bold_known and _TITLE_STOP.match(text) and (not geometry or text[:1].isupper()):
        return True  # without bold, the body's opening words ("Thực hiện ...", capitalised) end the summary
    if parts and prev is not None and geometry and prev.x1 > prev.x0:
        height = max(prev.bottom - prev.top, 1.0)
        if ln.top - prev.bottom > settings.HEADER_TITLE_GAP * height:
            return True
    if parts and is_upper(text) and not all(is_upper(p) for p in parts):
        return True  # the enacting authority ("ỦY BAN NHÂN DÂN TỈNH ...") under a summary in normal case
    if parts and is_upper(text) and any(fold(text).lower().startswith(s) for s in ("chu tich", "uy ban nhan dan",
                                                                                     "ban thuong vu", "ban chap hanh")):
        return True
    return False


def read_block(lines: list[TextLine], width: float = 0.0) -> Block:
    """The header block and the title of a document's first page(s)."""
    lines = merge_row_segments(lines)
    b = Block()
    window = lines[: settings.HEADER_MAX_LINES]
    split = _right_column_x(window, width)
    # the type line: the first line opening with a type word in capitals, before the body starts
    at = letter_at = None
    for i, ln in enumerate(window):
        text = ln.text.strip()
        if _LETTER.match(text) and _in_left(ln, split) and letter_at is None and at is None:
            letter_at = i
        if _BODY_START.match(text) or (letter_at is not None and i > letter_at + 6):
            break
        if at is None and letter_at is None and doc_type_of(text) and not _in_names(window, i, split):
            at = i
            break
    head_end = at if at is not None else letter_at if letter_at is not None else \
        next((i for i, ln in enumerate(window) if _BODY_START.match(ln.text.strip())), min(len(window), 12))
    head = window[:head_end]
    # number, place and date: anywhere in the block, the date line possibly wrapped in its column
    prev_text = ""
    for ln in head:
        text = ln.text.strip()
        m = NUMBER.match(text) if not _names_an_act(prev_text, text) else None
        prev_text = text
        if m and b.symbol is None:
            b.symbol = re.sub(r"\s+", "", m["symbol"])
            year = re.sub(r"\s+", "", m["year"] or "")
            b.number = f"{m['number']}{m['mark']}{year}{b.symbol}" if _READABLE_NUMBER.match(m["number"]) else None
            b.number_unread = bool(m["number"]) and b.number is None
            b.number_line = text
        if b.date is None and "ngay" in fold(text).lower():
            below = _below_in_column(head, ln)
            joined = f"{text} {below.text}" if below is not None and not _date(text) else text
            b.date = _date(joined)
            if b.date:  # "Lào Cai, ngày ...": the place precedes the date
                place = text[: fold(text).lower().find("ngay")].strip().rstrip(",").strip()
                b.place = collapse(place) if place and not place[:1].isdigit() else None
    # the left column's names, down to the number line
    names: list[str] = []
    for ln in head:
        text = ln.text.strip()
        if NUMBER.match(text) and not _names_an_act(names[-1] if names else "", text):
            break
        if not _in_left(ln, split) or _is_motto(text) or _SEPARATOR.match(text) or not is_upper(text):
            continue
        if split is None and "ngay" in fold(text).lower() and DATE.search(text):
            continue
        names.append(collapse(text))
    groups = _name_groups(names)
    if groups:
        b.issuing_lines = groups[-1]
        b.parent_lines = [x for g in groups[:-1] for x in g]
    # type and title
    if at is not None:
        b.doc_type, rest = doc_type_of(window[at].text)  # type: ignore[misc]
        parts = [rest] if rest else []
        bold_known = window[at].bold
        prev = window[at]
        k = at + 1
        while k < len(lines) and len(parts) < settings.HEADER_TITLE_MAX_LINES:
            ln = lines[k]
            if _SEPARATOR.match(ln.text.strip()):
                if parts:
                    break
                k += 1
                continue
            if _title_stops(ln, prev, parts, bold_known):
                break
            parts.append(ln.text.strip())
            prev = ln
            k += 1
        b.title_lines, b.end = parts, k
    elif letter_at is not None:
        first = window[letter_at]
        parts = [first.text.strip()]
        prev = first
        for ln in window[letter_at + 1:]:
            text = ln.text.strip()
            if _KINH_GUI.match(text) or not _in_left(ln, split) or _BODY_START.match(text):
                if not _in_left(ln, split) and not _KINH_GUI.match(text):
                    continue  # the right column's lines beside the summary
                break
            if ln.x1 > ln.x0 and ln.top - prev.bottom > settings.HEADER_TITLE_GAP * max(prev.bottom - prev.top, 1):
                break
            parts.append(text)
            prev = ln
        b.doc_type, b.title_lines, b.title_is_letter = "công văn", parts, True
    if b.doc_type is None and b.symbol:
        b.doc_type = TYPE_ABBREVIATIONS.get(re.split(r"[-/]", b.symbol)[0].upper())
    return b


def _names_an_act(previous: str, text: str) -> bool:
    """"SỐ 1050/QĐ-SCT" under "THEO QUYẾT ĐỊNH": the number of the act a body's name cites, not the document's."""
    return is_upper(text) and is_upper(previous) and fold(previous).lower().rstrip(" :").endswith(DOC_TYPES)


def _in_names(lines: list[TextLine], i: int, split: float | None) -> bool:
    """A type word inside the left column above the number line is part of a name ("BAN ... KẾ HOẠCH")."""
    if split is None or not _in_left(lines[i], split):
        return False
    return any(NUMBER.match(ln.text.strip()) for ln in lines[i + 1:])


def title_text(lines: list[str]) -> str | None:
    return join_lines(lines) or None

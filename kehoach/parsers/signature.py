"""The signature block: the authority lines ("TM.", "KT.", "TL.", "TUQ.", "Q.") and titles, and the name.

Decree 30/2020 Appendix I, item 9: the signer's authority ("TM." on behalf of a
collective body, "KT." signing for the head, "TL." / "TUQ." by delegation, "Q." acting)
over the signer's title, the signature, then the full name. Several authority lines
stack ("TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG"), read in order.
The "Nơi nhận" list printed to the left at the same height is not part of it, nor are
lines under the name (an office printed there is the person's, not the block's).
"""

from __future__ import annotations

import re

from kehoach import settings
from kehoach.normalize.text import collapse, is_upper
from kehoach.parsers.grid import TextLine

# an authority mark: on behalf of (TM., T/M), signing for (KT., K/T), by order (TL., TUQ.), acting (Q.)
AUTHORITY = re.compile(r"^(TM\.|T/M\.?|KT\.|K/T\.?|TL\.|T/L\.?|TUQ\.|Q\.)\s*[A-ZĐÀ-Ỹ]")
# office titles that open a block without an authority mark
SIGNATURE_TITLES = ("CHỦ TỊCH", "TRƯỞNG BAN", "BÍ THƯ", "GIÁM ĐỐC", "TRƯỞNG ĐOÀN", "CHÁNH VĂN PHÒNG", "TRƯỞNG PHÒNG",
                    "CỤC TRƯỞNG", "CHI CỤC TRƯỞNG", "BỘ TRƯỞNG", "THỦ TRƯỞNG", "TỔ TRƯỞNG", "HIỆU TRƯỞNG",
                    "VIỆN TRƯỞNG", "CHÁNH THANH TRA", "TRƯỞNG CÔNG AN", "THỦ TƯỚNG", "TỔNG CỤC TRƯỞNG",
                    "TỔNG GIÁM ĐỐC", "GIÁM ĐỐC SỞ")
_TITLES = re.compile(r"^(PHÓ\s+)?(" + "|".join(SIGNATURE_TITLES) + r")\b")
PERSON = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){1,5}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+$")
_RECIPIENTS = re.compile(r"^\s*n[ơo]i\s*nh[ậa]n", re.IGNORECASE)
# first words of a body's name, never of a Vietnamese person's (surnames such as Đoàn, Trương, Tô are
# left out): "SỞ CÔNG THƯƠNG LÀO CAI" printed under the signature is the signer's office, not a name
_BODY_FIRST_WORDS = frozenset((
    "sở", "ủy", "uỷ", "ubnd", "hđnd", "phòng", "ban", "cục", "bộ", "hội", "trung", "công", "văn", "trường",
    "bệnh", "viện", "tòa", "toà", "kho", "chi", "thanh", "đảng", "huyện", "tỉnh", "xã", "phường", "thành",
    "quận", "thị", "đặc", "ngân", "tổng", "liên", "mặt", "cộng",
))


def _is_body(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and (words[0] in _BODY_FIRST_WORDS or any(w in ("tỉnh", "huyện", "ủy", "uỷ") for w in words))


def opens_block(text: str) -> bool:
    text = text.strip()
    return is_upper(text) and (bool(AUTHORITY.match(text)) or bool(_TITLES.match(text)))


_STORED = re.compile(r"^\s*L[ưu]u\s*:", re.IGNORECASE)  # "Lưu: VT, KT." closes the recipients list


def _list_item(ln: TextLine) -> bool:
    """A line of the "Nơi nhận" list in flattened text (no geometry: x0 == x1), which a tool writes
    between the signature block's lines ("- Như Điều 4;" / "CHỦ TỊCH")."""
    text = ln.text.strip()
    return ln.x1 == ln.x0 and (text.startswith(("-", "+", "•")) or bool(_STORED.match(text)))


def _under_signature_space(column: list[TextLine], k: int) -> bool:
    """A title line without an authority mark, under an authority block across the signature's space."""
    anchor = column[k]
    if k == 0 or AUTHORITY.match(anchor.text.strip()) or anchor.x1 == anchor.x0:
        return False
    prev = column[k - 1]
    gap = anchor.top - prev.bottom
    if gap <= settings.SIGNATURE_SPACE_LINES * max(prev.bottom - prev.top, 1.0):
        return False
    return any(AUTHORITY.match(ln.text.strip()) for ln in column[max(0, k - 4): k])


def signer(lines: list[TextLine]) -> tuple[str | None, str | None]:
    """The last signature block on the page: (title lines joined, signer's name), or (None, None)."""
    for i in range(len(lines) - 1, -1, -1):
        anchor = lines[i]
        if not opens_block(anchor.text) or _RECIPIENTS.match(anchor.text):
            continue
        centre = (anchor.x0 + anchor.x1) / 2
        column = [ln for ln in lines if ln.x1 == ln.x0 or ln.x0 <= centre <= ln.x1]
        k = column.index(anchor)
        if any(PERSON.match(ln.text.strip()) for ln in column[max(0, k - 2): k]) and not AUTHORITY.match(
                anchor.text.strip()):
            continue  # an office printed under the signer's name ("PHÓ GIÁM ĐỐC / SỞ CÔNG THƯƠNG")
        if _under_signature_space(column, k):
            continue  # the same, under a name the page does not show (stamped over, unread by OCR)
        j = k
        while True:
            p = j - 1
            while p >= 0 and _list_item(column[p]) and k - p <= settings.SIGNATURE_TEXT_SKIP:
                p -= 1  # flattened text: the "Nơi nhận" list's lines between the block's lines
            if p < 0 or not (opens_block(column[p].text) and AUTHORITY.match(column[p].text.strip())):
                break
            j = p
        while k + 1 < len(column) and is_upper(column[k + 1].text) and not PERSON.match(column[k + 1].text.strip()) \
                and not _RECIPIENTS.match(column[k + 1].text) and not column[k + 1].text.strip().startswith("-"):
            if column[k + 1].x1 > column[k + 1].x0 and column[k + 1].top - column[k].bottom > \
                    settings.SIGNATURE_SPACE_LINES * max(column[k].bottom - column[k].top, 1.0):
                break  # the signature space: what follows it is under the name, not the title
            k += 1
        title = collapse(" ".join(ln.text for ln in column[j: k + 1] if not _list_item(ln)))
        name = None
        below = [ln for ln in column[k + 1: k + 1 + settings.SIGNATURE_TEXT_LINES] if not _list_item(ln)]
        for ln in below[:7]:
            text = ln.text.strip()
            if _is_body(text):
                continue
            if PERSON.match(text) and not is_upper(text):
                name = text
                break
            if is_upper(text) and len(text.split()) >= 2 and PERSON.match(text.title()) and not opens_block(text):
                name = text.title()  # a name printed in capitals
                break
        return title, name
    return None, None

"""Names printed in capitals, written in normal case the way Vietnamese spelling rules write them.

Header blocks print body names in capitals ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"); the
record wants the name as it is written in running text ("Ủy ban nhân dân tỉnh Quảng
Ngãi"). Decree 30/2020 Appendix II gives the rules used here: the first word of a name
is capitalised; the words naming a body's field after "Sở", "Bộ", "Ban", "Phòng" ...
start with a capital ("Sở Tài chính", "Ban Chỉ đạo", "Sở Giáo dục và Đào tạo");
territory words stay lower case and the place names after them are proper nouns
("tỉnh Lào Cai"); a cited act type is capitalised before its number ("Quyết định số").
Abbreviations ("UBND", "QĐ-SCT") are kept as printed: a token that cannot be a
Vietnamese syllable is an abbreviation.
"""

from __future__ import annotations

import re

from kehoach.normalize.text import fold, is_upper, nfc

# onset, vowel nucleus, coda of a Vietnamese syllable (folded, lower case): anything else is an abbreviation
_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?$")
# territory words: lower case, the proper name after them capitalised
TERRITORY_WORDS = ("thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường")
# a territory word that is no territory in these phrases ("kinh tế - xã hội")
_NOT_TERRITORY = ("xã hội", "xã viên", "tỉnh ủy", "huyện ủy", "thành ủy", "quận ủy", "thị ủy")
# heads whose next word starts the field name, capitalised ("Sở Tài chính", "Ban Chỉ đạo")
_FIELD_HEADS = ("sở", "bộ", "ban", "phòng", "cục", "chi cục", "vụ", "văn phòng", "tổng cục", "ủy ban", "hội")
# bodies whose name is written all lower case after the first word, field heads notwithstanding
_LOWER_NAMES = ("ủy ban nhân dân", "hội đồng nhân dân", "đoàn kiểm tra", "đoàn thanh tra", "tổ công tác")
# names with a fixed spelling (a merged field keeps both capitals: "Sở Công Thương"; the country's name)
_FIXED = {"công thương": "Công Thương", "mặt trận tổ quốc việt nam": "Mặt trận Tổ quốc Việt Nam",
          "mặt trận tổ quốc": "Mặt trận Tổ quốc", "việt nam": "Việt Nam", "cộng sản": "Cộng sản",
          "hồ chí minh": "Hồ Chí Minh", "trung ương": "Trung ương", "chính phủ": "Chính phủ",
          "quốc hội": "Quốc hội", "bộ chính trị": "Bộ Chính trị", "đảng bộ": "Đảng bộ", "đảng ủy": "Đảng ủy"}
# document types that are proper nouns when cited by number ("Quyết định số 1050/QĐ-SCT")
_CITED_TYPES = ("quyết định", "nghị quyết", "nghị định", "thông tư", "chỉ thị", "kế hoạch", "thông báo",
                "kết luận", "công văn", "văn bản", "luật", "hướng dẫn")
# words after which a new field starts, itself capitalised ("Giáo dục và Đào tạo", "Văn hóa, Thể thao")
_FIELD_JOINERS = ("và",)


def is_abbreviation(word: str) -> bool:
    """"UBND", "QĐ-SCT", "1050/QĐ-SCT", "HĐND": not a Vietnamese syllable, so kept as printed."""
    core = word.strip(",.;:()\"'“”")
    if not core or any(ch.isdigit() for ch in core) or "/" in core or "-" in core:
        return bool(core)
    letters = fold(core).lower()
    return not letters.isalpha() or not _SYLLABLE.match(letters)


def key(word: str) -> str:
    """A word compared by spelling, not case or punctuation; "uỷ" and "ủy" (two placements of one mark) meet."""
    return word.lower().strip(",.;:()\"'“”").replace("uỷ", "ủy").replace("uý", "úy")


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _starts(folded_words: list[str], i: int, phrase: str) -> bool:
    parts = phrase.split()
    return folded_words[i:i + len(parts)] == parts


def _words(text: str) -> tuple[list[str], list[str]]:
    """The words of a line in capitals, and their folded keys (what the vocabularies are written in)."""
    words = text.split()
    return words, [key(w) for w in words]


def normal_case(text: str, proper_names: tuple[str, ...] = ()) -> str:
    """"SỞ CÔNG THƯƠNG" -> "Sở Công Thương"; "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" -> "Ủy ban nhân dân tỉnh Lào Cai".

    Text that is not all capitals is returned as printed (it already has its case).
    `proper_names` are place names (lower case, as `key` writes them) known to the official list.
    """
    text = " ".join(nfc(text).split())
    if not is_upper(text):
        return text
    words, folded = _words(text)
    out: list[str] = []
    i = 0
    capitalise_next = False
    proper_left = 0  # words left in a proper name (after a territory word)
    while i < len(words):
        w, f = words[i], folded[i]
        if is_abbreviation(w):
            out.append(w)
            i += 1
            capitalise_next = False
            continue
        lower = w.lower()
        fixed = next((p for p in sorted(_FIXED, key=len, reverse=True) if _starts(folded, i, p)), None)
        if fixed:
            n = len(fixed.split())
            printed = _FIXED[fixed]
            out.append((printed if out else _cap(printed)) + ("," if words[i + n - 1].endswith(",") else ""))
            i += n
            capitalise_next = False
            continue
        if proper_left > 0:
            out.append(_cap(lower))
            proper_left -= 1
            i += 1
            continue
        territory = _territory(folded, i)
        if territory and i + len(territory.split()) < len(words):
            n = len(territory.split())
            out.extend(x.lower() for x in words[i:i + n])
            proper_left = _proper_length(folded[i + n:], proper_names)
            i += n
            capitalise_next = False
            continue
        if not out or capitalise_next:
            out.append(_cap(lower))
        elif any(_starts(folded, i, t) for t in _CITED_TYPES) and _cited(folded, i):
            out.append(_cap(lower))
        else:
            out.append(lower)
        capitalise_next = _opens_field(folded, i) or w.endswith(",") and _in_field(folded, i)
        if f in _FIELD_JOINERS and _in_field(folded, i):
            capitalise_next = True
        i += 1
    return " ".join(out)


def _cited(folded: list[str], i: int) -> bool:
    """A type word followed (after its second syllable) by "số" or a number: a cited act."""
    rest = folded[i:i + 4]
    return any(w == "số" or w[:1].isdigit() for w in rest[1:])


def _territory(folded: list[str], i: int) -> str | None:
    """The territory word starting at i ("tỉnh", "thành phố"), unless the phrase is something else."""
    if any(_starts(folded, i, n) for n in _NOT_TERRITORY):
        return None
    return next((t for t in TERRITORY_WORDS if _starts(folded, i, t)), None)


def _opens_field(folded: list[str], i: int) -> bool:
    """True when the word at i ends a field head ("Sở", "Ban") so the next word starts the field."""
    for head in _FIELD_HEADS:
        n = len(head.split())
        start = i - n + 1
        if start >= 0 and _starts(folded, start, head):
            if any(_starts(folded, k, low) and k <= i < k + len(low.split())
                   for low in _LOWER_NAMES for k in range(max(0, i - 3), i + 1)):
                return False
            nxt = folded[i + 1] if i + 1 < len(folded) else ""
            return bool(nxt) and (head != "ủy ban" or nxt not in ("nhân", "thường", "chấp"))
    return False


def _in_field(folded: list[str], i: int) -> bool:
    """Whether the words before i run inside a field name opened by a field head."""
    return any(_starts(folded, k, h) for k in range(0, i) for h in _FIELD_HEADS) and not any(
        _starts(folded, k, low) for k in range(0, i) for low in _LOWER_NAMES)


def _proper_length(rest: list[str], proper_names: tuple[str, ...]) -> int:
    """How many words after a territory word make the place name: the longest known name, else to the end."""
    known = _known_length(rest, proper_names)
    if known:
        return known
    n = 0
    for w in rest:
        if w in ("và", "theo", "của", "số", "về", "trên", "tại") or is_abbreviation(w):
            break
        n += 1
        if w.endswith(","):
            break
    return n


def _known_length(rest: list[str], proper_names: tuple[str, ...]) -> int:
    """Words of the longest known place name opening `rest` (0 when none: a title keeps other words lower)."""
    return max((len(n.split()) for n in proper_names if _starts(rest, 0, n)), default=0)


def sentence_case(text: str, proper_names: tuple[str, ...] = ()) -> str:
    """A title printed in capitals, in sentence case: first word capitalised, names and places kept.

    "CHẤP THUẬN CHỦ TRƯƠNG ĐẦU TƯ" -> "Chấp thuận chủ trương đầu tư". Field heads are not
    opened (a title is a phrase, not a body's name), but territory names and cited acts are.
    """
    text = " ".join(nfc(text).split())
    if not is_upper(text):
        return text
    words, folded = _words(text)
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if is_abbreviation(w):
            out.append(w)
            i += 1
            continue
        territory = _territory(folded, i)
        if territory and i + len(territory.split()) < len(words):
            n = len(territory.split())
            out.extend(x.lower() for x in words[i:i + n])
            k = _known_length(folded[i + n:], proper_names)
            out.extend(_cap(x.lower()) for x in words[i + n:i + n + k])
            i += n + k
            continue
        cited = any(_starts(folded, i, t) for t in _CITED_TYPES) and _cited(folded, i)
        out.append(_cap(w.lower()) if not out or cited else w.lower())
        i += 1
    return " ".join(out)

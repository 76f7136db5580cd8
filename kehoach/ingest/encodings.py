"""Decode a text file whatever Vietnamese encoding wrote it, decided by its content.

Plans reach us as UTF-8 (with or without BOM), UTF-16, or one of the legacy
8-bit Vietnamese encodings still produced by old Word documents and fonts:
TCVN3 (ABC, TCVN 5712:1993 VN3: accented lower-case letters on single bytes
0xA1-0xFF; capitals are the same bytes drawn in an upper-case ".VnTimeH" font),
VNI Windows (a base letter followed by an accent byte, read as Windows-1252),
and VISCII (RFC 1456, one byte per precomposed letter). A file does not say
which one it uses, so every candidate decoding is scored by the share of its
words that are well-formed Vietnamese syllables, and the best one wins.
The result is always Unicode NFC.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from kehoach import settings

# --- TCVN3 (ABC): TCVN 5712:1993 VN3, lower half ASCII ----------------------------------
# Checked letter by letter against glibc's TCVN5712-1 converter (tests/test_encodings.py).
_TCVN3_LETTERS = {
    "à": 0xB5, "á": 0xB8, "ả": 0xB6, "ã": 0xB7, "ạ": 0xB9,
    "ă": 0xA8, "ằ": 0xBB, "ắ": 0xBE, "ẳ": 0xBC, "ẵ": 0xBD, "ặ": 0xC6,
    "â": 0xA9, "ầ": 0xC7, "ấ": 0xCA, "ẩ": 0xC8, "ẫ": 0xC9, "ậ": 0xCB,
    "đ": 0xAE, "è": 0xCC, "é": 0xD0, "ẻ": 0xCE, "ẽ": 0xCF, "ẹ": 0xD1,
    "ê": 0xAA, "ề": 0xD2, "ế": 0xD5, "ể": 0xD3, "ễ": 0xD4, "ệ": 0xD6,
    "ì": 0xD7, "í": 0xDD, "ỉ": 0xD8, "ĩ": 0xDC, "ị": 0xDE,
    "ò": 0xDF, "ó": 0xE3, "ỏ": 0xE1, "õ": 0xE2, "ọ": 0xE4,
    "ô": 0xAB, "ồ": 0xE5, "ố": 0xE8, "ổ": 0xE6, "ỗ": 0xE7, "ộ": 0xE9,
    "ơ": 0xAC, "ờ": 0xEA, "ớ": 0xED, "ở": 0xEB, "ỡ": 0xEC, "ợ": 0xEE,
    "ù": 0xEF, "ú": 0xF3, "ủ": 0xF1, "ũ": 0xF2, "ụ": 0xF4,
    "ư": 0xAD, "ừ": 0xF5, "ứ": 0xF8, "ử": 0xF6, "ữ": 0xF7, "ự": 0xF9,
    "ỳ": 0xFA, "ý": 0xFD, "ỷ": 0xFB, "ỹ": 0xFC, "ỵ": 0xFE,
    "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
}
_TCVN3_DECODE = {b: ch for ch, b in _TCVN3_LETTERS.items()}

# --- VISCII (RFC 1456): 0x80-0xFF in byte order, plus six C0 positions -----------------
_VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"
    "ÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯ"
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡư"
    "àáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ"
)
_VISCII_DECODE = {0x80 + i: ch for i, ch in enumerate(_VISCII_HIGH)}
_VISCII_DECODE.update({0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"})

# --- VNI Windows: base letter + mark character(s), bytes read as Windows-1252 ----------
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_VNI_TONE = {_GRAVE: "ø", _ACUTE: "ù", _HOOK: "û", _TILDE: "õ", _DOT: "ï"}
_VNI_CIRC = {"": "â", _GRAVE: "à", _ACUTE: "á", _HOOK: "å", _TILDE: "ã", _DOT: "ä"}  # â ê ô + tone
_VNI_BREVE = {"": "ê", _GRAVE: "è", _ACUTE: "é", _HOOK: "ú", _TILDE: "ü", _DOT: "ë"}  # ă + tone
# letters VNI writes as one character of their own
_VNI_SINGLE = {"đ": "ñ", "Đ": "Ñ", "ì": "ì", "í": "í", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î",
               "Ì": "Ì", "Í": "Í", "Ỉ": "Æ", "Ĩ": "Ó", "Ị": "Ò", "Ỵ": "Î"}


def _vni_table() -> dict[str, str]:
    """Unicode letter -> its VNI spelling (as Windows-1252 characters)."""
    table: dict[str, str] = dict(_VNI_SINGLE)
    tones = ["", _GRAVE, _ACUTE, _HOOK, _TILDE, _DOT]
    for base in "aeouy":
        for tone in tones[1:]:
            if base == "y" and tone == _DOT:
                continue  # ỵ is a single character (above)
            table[unicodedata.normalize("NFC", base + tone)] = base + _VNI_TONE[tone]
    for base in "aeo":
        for tone in tones:
            table[unicodedata.normalize("NFC", base + _CIRC + tone)] = base + _VNI_CIRC[tone]
    for tone in tones:
        table[unicodedata.normalize("NFC", "a" + _BREVE + tone)] = "a" + _VNI_BREVE[tone]
    for base, own in (("o", "ô"), ("u", "ö")):  # ơ, ư are one character, tones follow it
        for tone in tones:
            table[unicodedata.normalize("NFC", base + _HORN + tone)] = own + (_VNI_TONE[tone] if tone else "")
    for ch, code in list(table.items()):
        if ch.islower() and ch not in _VNI_SINGLE:
            table[ch.upper()] = code.upper()
    return table


_VNI_ENCODE = _vni_table()
_VNI_DECODE = {code: ch for ch, code in _VNI_ENCODE.items()}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_VOWELS = "aăâeêioôơuưy"
# onset + rhyme of a Vietnamese syllable, on the tone-less lower-case form
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưy]{1,3}(?:ch|nh|ng|[cmnpt])?$"
)
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "tcvn3", "vni", "viscii", "utf-8-mojibake"
    score: float  # share of Vietnamese-looking words (1.0 for UTF with BOM)


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable: onset, 1-3 vowels, coda, at most one tone mark."""
    nfd = unicodedata.normalize("NFD", word.lower())
    if sum(1 for c in nfd if c in _TONES) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    return _SYLLABLE.match(base) is not None


def vietnamese_score(text: str) -> float:
    """Share of the words holding a non-ASCII letter that are valid accented syllables.

    A wrong decoding scatters symbols (¸ µ ©) and impossible letter runs through
    words; the right one turns them into syllables. Plain ASCII words say nothing
    either way and are left out.
    """
    good = seen = 0
    for m in _WORD.finditer(text):
        w = m.group(0)
        if w.isascii():
            continue
        seen += 1
        # a letter of the wrong case inside a word ("chuyÓn") is a wrong decoding, not a word
        good += is_syllable(w) and (w.islower() or w.isupper() or w[1:].islower())
    # a symbol glued inside a word ("Kõ ho¹ch" read wrongly) splits it: count those splits as bad
    bad_glue = len(re.findall(r"[^\W\d_][^\w\s.,;:!?()\"'/%\-–]+[^\W\d_]", text))
    return good / (seen + bad_glue) if seen + bad_glue else 0.0


def _upper_context(text: str, i: int) -> bool:
    """TCVN3 capitals: an accented letter in a word whose other letters are upper case, on a
    line that is mostly upper case (a heading set in the .VnTimeH font)."""
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    line = text[start:end if end >= 0 else len(text)]
    cased = [c for c in line if c.isascii() and c.isalpha()]
    if len(cased) < 2 or sum(c.isupper() for c in cased) < settings.TCVN3_UPPER_LINE_SHARE * len(cased):
        return False
    j, k = i, i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    while k + 1 < len(text) and text[k + 1].isalpha():
        k += 1
    others = [c for c in text[j:k + 1] if c.isascii() and c.isalpha()]
    return bool(others) and all(c.isupper() for c in others)


def decode_tcvn3(data: bytes) -> str:
    chars = [_TCVN3_DECODE.get(b, chr(b)) if b >= 0x80 else chr(b) for b in data]
    text = "".join(chars)
    out = list(text)
    for i, ch in enumerate(text):
        if ch.islower() and not ch.isascii() and _upper_context(text, i):
            out[i] = ch.upper()
    return "".join(out)


def decode_viscii(data: bytes) -> str:
    return "".join(_VISCII_DECODE.get(b, chr(b)) for b in data)


_CP1252 = [bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) for b in range(256)]


def _cp1252(data: bytes) -> str:
    """Bytes as Windows-1252 characters; its five undefined bytes as Latin-1."""
    return "".join(_CP1252[b] for b in data)


def decode_vni(data: bytes) -> str:
    text = _cp1252(data)
    out: list[str] = []
    i = 0
    while i < len(text):
        two = text[i:i + 2]
        if len(two) == 2 and two in _VNI_DECODE:
            out.append(_VNI_DECODE[two])
            i += 2
        else:
            out.append(_VNI_DECODE.get(text[i], text[i]))
            i += 1
    return "".join(out)


def encode(text: str, encoding: str) -> bytes:
    """Unicode -> a legacy encoding (tests and fixtures; TCVN3 capitals lose their case
    as they do in the font-based original)."""
    text = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        out = bytearray()
        for ch in text:
            if ch in _TCVN3_LETTERS:
                out.append(_TCVN3_LETTERS[ch])
            elif ch.lower() in _TCVN3_LETTERS and not ch.isascii():
                out.append(_TCVN3_LETTERS[ch.lower()])
            else:
                out += ch.encode("ascii")
        return bytes(out)
    if encoding == "vni":
        return "".join(_VNI_ENCODE.get(ch, ch) for ch in text).encode("cp1252")
    if encoding == "viscii":
        back = {ch: b for b, ch in _VISCII_DECODE.items()}
        return bytes(back[ch] if ch in back else ch.encode("ascii")[0] for ch in text)
    return text.encode(encoding)


_LEGACY = {"tcvn3": decode_tcvn3, "vni": decode_vni, "viscii": decode_viscii}


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4 or sample.count(0) < len(sample) * settings.UTF16_NUL_SHARE:
        return None
    zeros_odd = sum(1 for b in sample[1::2] if b == 0)
    codec = "utf-16-le" if zeros_odd >= sample[0::2].count(0) else "utf-16-be"
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


_CP1252_BYTE = {ch: b for b, ch in enumerate(_CP1252)}


def _unmojibake(text: str) -> str | None:
    """UTF-8 once read as Windows-1252 and saved again ("KẾ HOáº CH" for "KẾ HOẠCH"), undone; None
    when the text cannot be such a thing (a character Windows-1252 has no byte for)."""
    try:
        return bytes(_CP1252_BYTE[ch] for ch in text).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return None


def decode_text(data: bytes) -> Decoded:
    """The text of a file, Unicode NFC, with the encoding that was decided."""
    nfc = lambda s: unicodedata.normalize("NFC", s.replace("\r\n", "\n").replace("\r", "\n"))  # noqa: E731
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(nfc(data[3:].decode("utf-8", errors="replace")), "utf-8-sig", 1.0)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(nfc(data.decode("utf-16", errors="replace")), "utf-16", 1.0)
    if (u16 := _utf16_without_bom(data)) is not None:
        return Decoded(nfc(u16), "utf-16", vietnamese_score(u16))
    try:
        text = data.decode("utf-8")
        score = vietnamese_score(text)
        # valid UTF-8 whose only non-ASCII characters are symbols ("≥", "“", "–": a text that lost its
        # accents) has no letters to score; a legacy decoding would turn those bytes into letters
        if score >= settings.UTF8_TRUST_SCORE or not any(ch.isalpha() and not ch.isascii() for ch in text):
            return Decoded(nfc(text), "utf-8", score)
        candidates = [Decoded(nfc(text), "utf-8", score)]
        if (fixed := _unmojibake(text)) is not None:
            candidates.append(Decoded(nfc(fixed), "utf-8-mojibake", vietnamese_score(fixed)))
    except UnicodeDecodeError:
        candidates = []
    for name, fn in _LEGACY.items():
        t = nfc(fn(data))
        candidates.append(Decoded(t, name, vietnamese_score(t)))
    return max(candidates, key=lambda d: d.score)


def read_text(path) -> Decoded:  # noqa: ANN001 - a Path or str
    with open(path, "rb") as f:
        return decode_text(f.read())

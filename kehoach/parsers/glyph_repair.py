"""Words from a page's characters, and joining accents that were placed as glyphs of their own.

Some producers write each accented letter as its own run ("Thu ộ c th ẩ m quy ề n"
for "Thuộc thẩm quyền", or "ĐIỀ U KI Ệ N" for "ĐIỀU KIỆN"): a space, or a
word-sized gap, cuts a syllable where an accented vowel starts or ends,
although the glyphs nearly touch on the page. The page's geometry still tells
the truth: a piece that spells no syllable (a lone accented vowel, a bare
combining mark, "ĐIỀ", "ng") belongs with the pieces its box touches. A join is
kept only when it spells a Vietnamese syllable, so "của ở" stays two words.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from kehoach import settings
from kehoach.parsers.vn_syllable import TONES, is_syllable

# vowel marks that make a vowel glyph "accented" (tones, circumflex, breve, horn)
_MARKS = TONES | frozenset("\u0302\u0306\u031b")
_VOWELS = frozenset("aeiouy")


@dataclass(slots=True)
class Token:
    """A run of visible characters with no space and no word gap inside: indices into the page's chars."""

    text: str
    chars: list[int]
    line: int
    x0: float
    x1: float
    size: float


def lines(chars: list[dict]) -> list[list[int]]:
    """Indices of `chars` grouped into lines (a vertical jump starts one), each sorted left to right.

    Stream order decides the lines and x decides the order inside one, as
    pdfplumber's word grouping does: a glyph drawn out of order still lands
    in its place. Spaces stay in their line (they end words).
    """
    shift = settings.LAYER_LINE_SHIFT_EM
    out: list[list[int]] = []
    current: list[int] = []
    limit = ref_top = 0.0
    for i, ch in enumerate(chars):
        text = ch["text"]
        if text.isspace() or not text:
            if current:
                current.append(i)
            continue
        top = ch["top"]
        if not current or abs(top - ref_top) > limit:
            if current:
                out.append(current)
            current = []
            ref_top = top
            limit = shift * (ch.get("size") or 10.0)
        current.append(i)
    if current:
        out.append(current)
    xs = [ch["x0"] for ch in chars]
    return [sorted(line, key=xs.__getitem__) for line in out]


def tokens(chars: list[dict]) -> list[Token]:
    """Word tokens: a space character or a gap wider than LAYER_WORD_GAP_EM of the font size ends one."""
    gap_em = settings.LAYER_WORD_GAP_EM
    out: list[Token] = []
    for n, line in enumerate(lines(chars)):
        tok: Token | None = None
        reach = 0.0
        for i in line:
            ch = chars[i]
            text = ch["text"]
            if text.isspace() or not text:
                tok = None
                continue
            if tok is not None and (ch["x0"] <= reach or unicodedata.category(text[0]) == "Mn"):
                tok.text += text
                tok.chars.append(i)
                if ch["x1"] > tok.x1:
                    tok.x1 = ch["x1"]
                    reach = tok.x1 + gap_em * tok.size
                continue
            size = ch.get("size") or 10.0
            tok = Token(text, [i], n, ch["x0"], ch["x1"], size)
            reach = tok.x1 + gap_em * size
            out.append(tok)
    return out


def is_lone_glyph(text: str) -> bool:
    """Bare combining marks, or one or two vowels each carrying a Vietnamese mark ("ộ", "ượ").

    These are the pieces a font without precomposed Vietnamese vowels leaves
    behind when its producer draws them from a fallback font: the unmarked
    letters of the syllable stay in the main font's runs.
    """
    if not text or len(text) > 4:
        return False
    vowels = 0
    for ch in unicodedata.normalize("NFD", text):
        if ch in _MARKS or unicodedata.category(ch) == "Mn":
            continue
        if ch.lower() not in _VOWELS:
            return False
        vowels += 1
    return vowels <= 2 and all(len(unicodedata.normalize("NFD", ch)) > 1 for ch in unicodedata.normalize("NFC", text)
                               if ch.isalpha())


def _letters_tail(text: str) -> str:
    k = len(text)
    while k and (text[k - 1].isalpha() or unicodedata.category(text[k - 1]) == "Mn"):
        k -= 1
    return text[k:]


def _letters_head(text: str) -> str:
    k = 0
    while k < len(text) and (text[k].isalpha() or unicodedata.category(text[k]) == "Mn"):
        k += 1
    return text[:k]


def _touches(left: Token, right: Token) -> bool:
    """Same line, and the gap between the boxes is far below a space (or they overlap)."""
    gap = right.x0 - left.x1
    return left.line == right.line and gap <= settings.LAYER_SPLIT_JOIN_GAP_EM * max(left.size, right.size)


def _suspect(text: str) -> bool:
    """A piece of a split syllable: a lone accented vowel, or letters that spell no syllable ("Thu ộ c", "ĐIỀ U")."""
    if is_lone_glyph(text):
        return True
    letters = unicodedata.normalize("NFC", text)
    if not letters.isalpha() or (letters.isupper() and len(letters) > 1 and not any(
            len(unicodedata.normalize("NFD", c)) > 1 for c in letters)):
        return False  # punctuation, numbers, and plain capitals ("UBND") are not pieces
    return not is_syllable(letters)


def _joins(toks: list[Token]) -> list[tuple[int, int]]:
    """(first, last) token index ranges to merge into one word.

    Around each suspect piece, the touching neighbours (gap far below a space)
    are tried; the longest run that spells one syllable wins ("ng à y" ->
    "ngày", not "ngà y"; "ban h à nh" -> "ban hành", not "banh à nh"). A group
    already joined counts as one piece ("D Ụ NG" -> "DỤ" -> "DỤNG").
    """
    out: list[tuple[int, int]] = []
    reach = settings.LAYER_SPLIT_MAX_PIECES
    for k, tok in enumerate(toks):
        if out and out[-1][0] < k <= out[-1][1]:
            continue  # already inside a group
        if not _suspect(tok.text):
            continue
        grouped = bool(out) and out[-1][1] == k - 1
        starts = [k]
        if k and _touches(toks[k - 1], tok) and _letters_tail(toks[k - 1].text):
            starts.append(out[-1][0] if grouped else k - 1)
        ends = [k]
        j = k
        while j + 1 < len(toks) and j + 1 - k < reach and _touches(toks[j], toks[j + 1]) \
                and (j == k or toks[j].text.isalpha()):
            j += 1
            if not _letters_head(toks[j].text):
                break
            ends.append(j)
        best: tuple[int, int, int] | None = None  # (pieces, start, end)
        for i in starts:
            head = _letters_tail("".join(t.text for t in toks[i:k])) if i < k else ""
            for e in ends:
                tail = "".join(t.text for t in toks[k + 1:e]) + (_letters_head(toks[e].text) if e > k else "")
                word = unicodedata.normalize("NFC", head + tok.text + tail)
                if (i, e) != (k, k) and is_syllable(word) and (best is None or e - i + 1 > best[0]):
                    best = (e - i + 1, i, e)
        if best is None:
            continue
        _, i, e = best
        if grouped and i == out[-1][0]:
            out[-1] = (i, e)
        else:
            out.append((i, e))
    return out


def repair_split_glyphs(chars: list[dict]) -> list[dict]:
    """The page's characters with split syllables joined: spaces inside them dropped, gaps closed.

    Characters are returned in the page's stream order, a copy of a glyph whose
    box is widened over the gap to the next piece of its syllable; a combining
    mark is folded into its base letter when the two compose to one character.
    Nothing changes where no join spells a syllable.
    """
    toks = tokens(chars)
    merges = _joins(toks)
    drop: set[int] = set()
    moved: dict[int, dict] = {}
    for first, last in merges:
        members = [i for t in toks[first:last + 1] for i in t.chars]
        lo, hi = min(members), max(members)
        line_chars = set(members)
        # spaces between the joined tokens (in stream order between them, on the same line) go
        for i in range(lo, hi + 1):
            if i not in line_chars and chars[i]["text"].isspace():
                drop.add(i)
        # close the gaps: the last glyph of each token reaches to the next one (nothing else moves)
        for left, right in zip(toks[first:last], toks[first + 1:last + 1], strict=True):
            end = max(left.chars, key=lambda i: chars[i]["x1"])
            if right.x0 > chars[end]["x1"]:
                c = dict(chars[end])
                c["x1"] = right.x0
                c["width"] = c["x1"] - c["x0"]
                moved[end] = c
    out: list[dict] = []
    for i, ch in enumerate(chars):
        if i in drop:
            continue
        ch = moved.get(i, ch)
        if out and unicodedata.category(ch["text"][:1] or "a") == "Mn":
            composed = unicodedata.normalize("NFC", out[-1]["text"] + ch["text"])
            if len(composed) == 1:
                base = dict(out[-1])
                base["text"] = composed
                base["x0"], base["x1"] = min(base["x0"], ch["x0"]), max(base["x1"], ch["x1"])
                out[-1] = base
                continue
        out.append(ch)
    return out

"""Can a PDF page's text layer be trusted? One verdict per page, with its reason.

The OCR front-end asks this for every page of every PDF, so it reads only what
PDFium already gave (characters with boxes) and, when it is passed, a cheap
low-resolution render of the page's ink. The checks, in order, each a real
failure of scanners, OCR engines or PDF producers:

1. no visible character (a scan; or only spaces and control codes) -> ocr;
2. glyphs without a Unicode meaning ((cid:NN), U+FFFD, private-use, control
   codes: a font without a ToUnicode map) -> ocr;
3. only an e-signature stamp's lines ("Người ký: …", "Ký bởi: …") over an image -> ocr;
4. letters of scripts that do not belong (Cyrillic, Greek, Latin Extended-B: a
   legacy Vietnamese font mapped to the wrong Unicode, "6ӕ 4ĉ6&7") -> ocr;
5. Vietnamese without its diacritics (an OCR without Vietnamese: "Ké hoach") -> ocr;
6. accents placed as their own glyphs ("Thu ộ c") that geometry joins back into
   syllables -> repair (parsers/glyph_repair.py);
7. tokens that do not spell Vietnamese syllables -> ocr;
8. ink with no character over it, large enough to be text or a table (a scanned
   appendix pasted into a digital page) -> ocr_regions, or ocr when it is most of the page;
otherwise keep.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from kehoach import settings
from kehoach.ingest.quality import MIN_MARKED_SHARE, marked_share
from kehoach.parsers.glyph_repair import Token, is_lone_glyph, lines, repair_split_glyphs, tokens
from kehoach.parsers.vn_syllable import is_syllable, is_vietnamese_letter

if TYPE_CHECKING:
    import numpy as np

    from kehoach.parsers.pdfium_page import PageContent

BBox = tuple[float, float, float, float]
Action = Literal["keep", "repair", "ocr", "ocr_regions"]

_CID = re.compile(r"\(cid:\d+\)")
# the labels an e-signature tool prints in its stamp (Ban Cơ yếu, VNPT, Viettel CA, Adobe stamps), compared
# without spaces (PDFium gives none where the producer positioned words): the signing labels make a stamp,
# the others are its further lines
_SIGNING_LABELS = ("ngườiký", "kýbởi", "đượckýbởi", "kýsốbởi", "thờigianký", "ngàyký", "kýngày", "signedby",
                   "signature", "digitallysigned")
_STAMP_LABELS = _SIGNING_LABELS + ("cơquan", "chứcvụ", "tổchức", "đơnvị", "email", "e-mail", "date", "reason",
                                   "location")
# letters that are not Vietnamese but appear in real Vietnamese documents (ordinals, micro, degree-like)
_ALLOWED_LETTERS = frozenset("ºªµ")
_PUNCT = "\"'()[]{}<>,.;:!?…-–—/\\|“”‘’«»*•+=%&#@_~^`$§©®°′″"
_ROMAN = re.compile(r"(?=[ivxl])l?x{0,3}(ix|iv|v?i{0,3})")
_PUNCT_SPLIT = re.compile("[" + re.escape(_PUNCT) + "]+")


@dataclass(frozen=True, slots=True)
class LayerVerdict:
    action: Action
    reason: str  # one short human line
    regions: tuple[BBox, ...] = ()  # for ocr_regions: PDF-point boxes (x0, top, x1, bottom) with ink but no text


@dataclass(frozen=True, slots=True)
class LayerStats:
    """What the verdict was drawn from (kept for reports and tests)."""

    visible: int
    bad_glyphs: int
    foreign_letters: int
    letters: int
    judged_tokens: int
    syllable_share: float
    marked_share: float
    lone_glyphs: int
    word_letters: int  # letters of the sampled word tokens the diacritics share is measured on
    controls: int = 0  # control codes among the visible glyphs


def _bad_glyph(text: str) -> bool:
    if _CID.fullmatch(text):
        return True
    for ch in text:
        if ch == "\ufffd":
            return True
        cat = unicodedata.category(ch)
        if cat in ("Co", "Cn", "Cs") or (cat == "Cc" and not ch.isspace()):
            return True
    return False


def _foreign_letter(ch: str) -> bool:
    return ch.isalpha() and ch not in _ALLOWED_LETTERS and not is_vietnamese_letter(ch)


def _visible(chars: list[dict]) -> list[dict]:
    return [c for c in chars if c["text"] and not c["text"].isspace()]


def _pieces(text: str) -> list[str]:
    """A token cut at ordinary punctuation ("QĐ-UBND," -> "QĐ", "UBND")."""
    return [p for p in _PUNCT_SPLIT.split(text) if p]


@lru_cache(maxsize=65536)
def _judge(piece: str) -> bool | None:
    """True: a Vietnamese syllable; False: cannot be one; None: a number, code or abbreviation (not judged)."""
    if not any(c.isalpha() for c in piece):
        return None  # numbers and symbols standing alone: "2026", "≥"
    if any(not (c.isalnum() or unicodedata.category(c) == "Mn") or _foreign_letter(c) for c in piece):
        return False  # a symbol or a foreign letter where letters belong: "L‡o", "ph·p", "KLӇP"
    if any(c.isdigit() for c in piece):
        return None  # "M36", "QH15"
    if is_syllable(piece):
        return True
    if piece.isupper() and len(piece) <= 6:
        return None  # "UBND", "VLNCN", "KT"
    if piece.isascii() and (any(c.isupper() for c in piece[1:]) or _ROMAN.fullmatch(piece)):
        return None  # mixed-case abbreviations ("TTg", "VNeID", "IoT") and list numerals ("ii", "iv")
    return False


def _syllable_share(toks: list[Token]) -> tuple[int, float, str]:
    """(judged pieces, share that spell syllables, the letters of word pieces for the diacritics test)."""
    good = judged = 0
    words: list[str] = []
    for tok in toks:
        for piece in _pieces(tok.text):
            verdict = _judge(piece)
            if verdict is None:
                continue
            judged += 1
            good += verdict
            if piece.isalpha():
                words.append(piece)
    return judged, (good / judged if judged else 1.0), " ".join(words)


def _stamp_only(chars: list[dict]) -> bool:
    """True when the page's lines with letters are, but a few letters, an e-signature stamp's lines."""
    body = 0
    stamp = False
    for line in lines(chars):
        key = unicodedata.normalize("NFC", "".join(chars[i]["text"] for i in line if not chars[i]["text"].isspace()))
        key = key.lower()
        if key.startswith(_SIGNING_LABELS):
            stamp = True
        elif not key.startswith(_STAMP_LABELS):
            body += sum(c.isalpha() for c in key)
    return stamp and body < settings.LAYER_STAMP_BODY_LETTERS


def _sample(chars: list[dict]) -> list[list[dict]]:
    """Windows of the page's characters (start, middle, end) to read words from: enough to judge, cheap.

    Every glyph is counted for the glyph checks; only the syllable checks read
    a sample, since a broken font or an OCR layer damages the whole page alike.
    """
    n = settings.LAYER_SAMPLE_CHARS
    if len(chars) <= n:
        return [chars]
    w = n // 3
    mid = len(chars) // 2 - w // 2
    return [chars[:w], chars[mid:mid + w], chars[-w:]]


def _reading_order(chars: list[dict]) -> list[dict]:
    """Characters of text set vertically (a table header or a page turned by its drawing, not by /Rotate)
    laid out horizontally, so that words are read along their own direction.

    PDFium's boxes of turned glyphs are not their advances: a glyph is taken to
    reach the next one of its column, and only spaces part words there.
    """
    pairs = steps = down = 0
    prev = None
    for c in chars:
        if c["text"].isspace() or not c["text"]:
            continue
        if prev is not None:
            size = c.get("size") or 10.0
            dy = c["top"] - prev["top"]
            pairs += 1
            if abs(c["x0"] - prev["x0"]) < 0.3 * size and 0.2 * size < abs(dy) < 2 * size:
                steps += 1
                down += dy > 0
        prev = c
    if not pairs or steps <= settings.LAYER_VERTICAL_SHARE * pairs:
        return chars
    sign = 1.0 if down * 2 >= steps else -1.0
    out: list[dict] = []
    for k, c in enumerate(chars):
        size = c.get("size") or 10.0
        p = sign * c["top"]
        reach = p + 0.6 * size
        nxt = chars[k + 1] if k + 1 < len(chars) else None
        if nxt is not None and abs(nxt["x0"] - c["x0"]) < 0.3 * size and 0 < sign * nxt["top"] - p < 2 * size:
            reach = sign * nxt["top"]
        out.append({"text": c["text"], "x0": p, "x1": reach, "top": c["x0"], "bottom": c["x0"] + size, "size": size})
    return out


def layer_stats(chars: list[dict]) -> tuple[LayerStats, list[Token]]:
    """Glyph counts over the whole page (string operations run in C), word measures over a sample."""
    # a "(cid:NN)" (pdfplumber's name for a glyph without a Unicode map) counts as one bad glyph
    text = _CID.sub("\ufffd", "".join([c["text"] for c in chars]))
    visible = bad = foreign = letters = controls = 0
    for ch in set(text):
        k = text.count(ch)
        if ch.isspace():
            continue
        visible += k
        if _bad_glyph(ch):
            bad += k
            controls += k * (unicodedata.category(ch) == "Cc")
        elif ch.isalpha():
            letters += k
            foreign += k * _foreign_letter(ch)
    toks = [t for window in _sample(chars) for t in tokens(_reading_order(window))]
    judged, share, words = _syllable_share(toks)
    word_letters, marked = marked_share(words)
    lone = sum(is_lone_glyph(t.text) for t in toks)
    return LayerStats(visible, bad, foreign, letters, judged, share, marked, lone, word_letters, controls), toks


def check_layer(content: PageContent, ink: np.ndarray | None = None) -> LayerVerdict:
    """Keep, repair or OCR this page (or only its regions of ink without text), with the reason."""
    chars = content.chars
    stats, toks = layer_stats(chars)
    if stats.visible == stats.controls:
        if chars:
            return LayerVerdict("ocr", "scanned page: its text layer is only spaces and control characters")
        return LayerVerdict("ocr", "scanned page: no text layer")
    if stats.visible < settings.LAYER_MIN_CHARS:
        if ink is not None:
            return _ink_verdict(content, ink)
        return LayerVerdict("ocr", f"scanned page: {stats.visible} visible characters only")
    if stats.bad_glyphs > settings.LAYER_BAD_GLYPH_SHARE * stats.visible:
        kind = _bad_kind(_visible(chars))
        return LayerVerdict("ocr", f"{kind}: {stats.bad_glyphs} of {stats.visible} glyphs have no Unicode meaning")
    if stats.letters < settings.LAYER_STAMP_MAX_LETTERS and _stamp_only(chars):
        return LayerVerdict("ocr", "scanned page: only a signature stamp's text over the page image")
    if stats.letters and stats.foreign_letters > settings.LAYER_FOREIGN_LETTER_SHARE * stats.letters:
        return LayerVerdict("ocr", f"glyphs mapped to the wrong Unicode by a legacy font: {stats.foreign_letters} "
                                   f"of {stats.letters} letters in foreign scripts")
    # joining pieces adds no marks: a layer without them is not repairable
    if stats.word_letters >= settings.LAYER_MIN_LETTERS and stats.marked_share < MIN_MARKED_SHARE:
        return LayerVerdict("ocr", f"no Vietnamese diacritics ({stats.marked_share:.2f} of letters marked): "
                                   "a layer written by an OCR without Vietnamese")
    enough = stats.judged_tokens >= settings.LAYER_MIN_TOKENS
    split = stats.lone_glyphs >= settings.LAYER_SPLIT_MIN_TOKENS \
        and stats.lone_glyphs >= settings.LAYER_SPLIT_MIN_SHARE * len(toks)
    if enough and (split or stats.syllable_share < settings.LAYER_PLAUSIBLE_MIN):
        # the trial reads the same windows as the stats; the caller repairs the whole page
        _, after, _ = _syllable_share([t for w in _sample(chars) for t in tokens(repair_split_glyphs(w))])
        if after >= settings.LAYER_PLAUSIBLE_MIN and after - stats.syllable_share >= settings.LAYER_REPAIR_MIN_GAIN:
            return LayerVerdict("repair", f"accents placed as their own glyphs ({stats.lone_glyphs} lone vowels): "
                                          f"joined by geometry, syllables {stats.syllable_share:.2f} -> {after:.2f}")
    if enough and stats.syllable_share < settings.LAYER_PLAUSIBLE_MIN:
        return LayerVerdict("ocr", f"text does not read as Vietnamese: {stats.syllable_share:.2f} of "
                                   f"{stats.judged_tokens} words are syllables")
    if ink is not None:
        return _ink_verdict(content, ink)
    return LayerVerdict("keep", f"text layer reads as Vietnamese ({stats.syllable_share:.2f} syllables)")


def _bad_kind(visible: list[dict]) -> str:
    texts = [c["text"] for c in visible]
    if any(_CID.fullmatch(t) for t in texts):
        return "(cid:NN) codes: a font without a Unicode map"
    if any("\ufffd" in t for t in texts):
        return "U+FFFD replacement characters: glyphs without a Unicode map"
    if any(unicodedata.category(ch) == "Co" for t in texts for ch in t):
        return "private-use glyphs: a font without a Unicode map"
    return "control codes where letters belong: a font without a Unicode map"


# --- ink without text ---------------------------------------------------------------------------------

def uncovered_regions(content: PageContent, ink: np.ndarray) -> list[BBox]:
    """Boxes (points) of connected ink that no character or ruling line covers, large enough to be text."""
    return _uncovered(content, ink)[0]


def _uncovered(content: PageContent, ink: np.ndarray) -> tuple[list[BBox], float]:
    """uncovered_regions, and the share of the page's ink that lies in them.

    The ink is pooled into square cells (LAYER_INK_CELL_PT); a cell that no
    character or ruling line reaches, with ink in it, is loose; loose cells are
    joined by 8-connectivity on that coarse grid, which is cheap in pure Python
    and merges the letters of a scanned block into one region.
    """
    import numpy as np

    if ink.ndim == 3:
        ink = ink.min(axis=2)  # colour: the darkest channel (a red seal is ink)
    if ink.ndim != 2:
        return [], 0.0
    h, w = ink.shape
    if not h or not w or content.width <= 0 or content.height <= 0:
        return [], 0.0
    sx, sy = w / content.width, h / content.height
    cell = settings.LAYER_INK_CELL_PT
    cw, ch = max(1, int(round(cell * sx))), max(1, int(round(cell * sy)))
    rows, cols = h // ch, w // cw
    if not rows or not cols:
        return [], 0.0
    # share of dark pixels per cell, then which cells a character or a ruling line reaches
    dark = (ink[: rows * ch, : cols * cw] < settings.LAYER_INK_LEVEL).reshape(rows, ch, cols, cw).mean(axis=(1, 3))
    boxes_pt = [(c["x0"], c["top"], c["x1"], c["bottom"]) for c in content.chars
                if c["text"] and not c["text"].isspace()]
    boxes_pt += [(e["x0"], e["top"], e["x1"], e["bottom"]) for e in content.edges]
    covered = _paint(boxes_pt, rows, cols, sx / cw, sy / ch, settings.LAYER_INK_MARGIN_PT)
    loose = np.where(covered, 0.0, dark)
    hot = loose >= settings.LAYER_INK_CELL_SHARE
    total = float(dark.sum())
    held = 0.0
    grid = hot.tolist()  # plain lists: element access in the walk below is many times faster than numpy's
    boxes: list[BBox] = []
    for r, c in zip(*np.nonzero(hot), strict=True):
        r, c = int(r), int(c)
        if not grid[r][c]:
            continue
        stack = [(r, c)]
        grid[r][c] = False
        r0 = r1 = r
        c0 = c1 = c
        while stack:
            y, x = stack.pop()
            r0, r1, c0, c1 = min(r0, y), max(r1, y), min(c0, x), max(c1, x)
            for yy in range(max(0, y - 1), min(rows, y + 2)):
                row = grid[yy]
                for xx in range(max(0, x - 1), min(cols, x + 2)):
                    if row[xx]:
                        row[xx] = False
                        stack.append((yy, xx))
        box = (float(c0 * cw / sx), float(r0 * ch / sy), float((c1 + 1) * cw / sx), float((r1 + 1) * ch / sy))
        bw, bh = box[2] - box[0], box[3] - box[1]
        if min(bw, bh) < settings.LAYER_REGION_MIN_SIDE or bw * bh < settings.LAYER_REGION_MIN_AREA:
            continue
        # printed text and tables leave most of their box white; a photo or a solid fill does not
        density = float(loose[r0:r1 + 1, c0:c1 + 1].mean())
        if density <= settings.LAYER_REGION_MAX_INK:
            boxes.append(box)
            held += float(loose[r0:r1 + 1, c0:c1 + 1].sum())
    return boxes, (held / total if total else 0.0)


def _paint(boxes: list[BBox], h: int, w: int, sx: float, sy: float, margin: float) -> np.ndarray:
    """A h x w mask of the cells the boxes reach (points, grown by `margin`; sx, sy cells per point),
    painted at once with a summed-area table."""
    import numpy as np

    covered = np.zeros((h, w), dtype=bool)
    if not boxes:
        return covered
    b = np.asarray(boxes, dtype=float)
    c0 = np.clip(((b[:, 0] - margin) * sx).astype(int), 0, w)
    c1 = np.clip(((b[:, 2] + margin) * sx).astype(int) + 1, 0, w)
    r0 = np.clip(((b[:, 1] - margin) * sy).astype(int), 0, h)
    r1 = np.clip(((b[:, 3] + margin) * sy).astype(int) + 1, 0, h)
    ok = (c1 > c0) & (r1 > r0)
    c0, c1, r0, r1 = c0[ok], c1[ok], r0[ok], r1[ok]
    stride, size = w + 1, (h + 1) * (w + 1)
    diff = (np.bincount(r0 * stride + c0, minlength=size) + np.bincount(r1 * stride + c1, minlength=size)
            - np.bincount(r0 * stride + c1, minlength=size) - np.bincount(r1 * stride + c0, minlength=size))
    return diff.reshape(h + 1, w + 1).cumsum(axis=0).cumsum(axis=1)[:h, :w] > 0


def _ink_verdict(content: PageContent, ink: np.ndarray) -> LayerVerdict:
    """Compare the page's ink with its text: OCR the regions the text misses, or the page when they hold most ink."""
    regions, share = _uncovered(content, ink)
    if not regions:
        return LayerVerdict("keep", "text layer reads as Vietnamese and covers the page's ink")
    area = sum((b[2] - b[0]) * (b[3] - b[1]) / (content.width * content.height) for b in regions)
    if max(area, share) >= settings.LAYER_REGION_WHOLE_PAGE:
        return LayerVerdict("ocr", f"scanned page: {share:.0%} of the page's ink has no text over it "
                                   f"(ink without text over {area:.0%} of the page)")
    return LayerVerdict("ocr_regions", f"{len(regions)} region(s) of ink without text (a scan inside a digital page), "
                                       f"{share:.0%} of the page's ink", tuple(regions))

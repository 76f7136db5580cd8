"""Vietnamese syllables by orthography rules, and split accents joined back by geometry."""

from __future__ import annotations

import unicodedata

import numpy as np
import pypdfium2 as pdfium
import pytest
from hypothesis import given
from hypothesis import strategies as st
from layer_pages import split_accents
from pdfplumber import utils

from kehoach.ingest.render_ink import page_ink
from kehoach.parsers.glyph_repair import is_lone_glyph, repair_split_glyphs, tokens
from kehoach.parsers.pdfium_page import read_page
from kehoach.parsers.vn_syllable import is_syllable

SYLLABLES = [
    # onsets and rhymes of every shape, both tone-mark styles, capitals
    "Kế", "hoạch", "Thuộc", "thẩm", "quyền", "quốc", "giữa", "gì", "giếng", "khuỷu", "rượu", "người",
    "ngoằn", "ngoèo", "khoẻ", "khỏe", "thuở", "hoà", "hòa", "UỶ", "ỦY", "CHỦ", "NGHĨA", "ý", "ở", "kỹ",
    "nghiên", "xoong", "yêu", "tuyết", "Đoàn", "Đắk", "Lắk", "đ", "gh",
]
NOT_SYLLABLES = [
    "hoach", "lap", "viec", "tiep", "ak",  # a closed rhyme (p, t, c, ch) without its acute or dot below: English OCR
    "Trién", "cia", "s6",  # a rhyme that does not exist; a digit
    "ce", "ka", "ghu", "ngi", "nghe2",  # c/k, g/gh, ng/ngh spelt against the following vowel
    "hoàá", "UBND", "Email", "C‘NG", "KLӇP", "ph·p",  # two tones; no vowel; English; symbols, Cyrillic
]


@pytest.mark.parametrize("word", SYLLABLES)
def test_syllables(word):
    assert is_syllable(word) or word in ("đ", "gh")  # a bare consonant is not a syllable either


@pytest.mark.parametrize("word", NOT_SYLLABLES + ["đ", "gh"])
def test_not_syllables(word):
    assert not is_syllable(word)


@pytest.mark.parametrize(("text", "lone"), [("ộ", True), ("ề", True), ("\u0323", True), ("o\u0302\u0323", True),
                                           ("a", False), ("ch", False), ("đ", False), ("ộc", False),
                                           ("ượ", True), ("ươ", True), ("uộ", False)])
def test_lone_glyph(text, lone):
    assert is_lone_glyph(text) is lone


def _chars(runs: list[tuple[str, float]], top: float = 100.0, size: float = 11.0, width: float = 6.0) -> list[dict]:
    """Characters of runs (text, x where the run starts), each glyph `width` wide."""
    out = []
    for text, x in runs:
        for ch in text:
            out.append({"text": ch, "x0": x, "x1": x + width, "top": top, "bottom": top + size, "size": size})
            x += width
    return out


def _words(chars: list[dict]) -> list[str]:
    return [t.text for t in tokens(chars)]


REPAIRS = [
    # (runs as drawn, words after the repair)
    ("touching, with spaces", [("Thu", 50), (" ", 68), ("ộ", 68), (" ", 74), ("c", 74)], ["Thuộc"]),
    ("small gaps", [("th", 50), ("ẩ", 64), ("m", 72.5)], ["thẩm"]),
    ("three pieces", [("quy", 50), ("ề", 70.5), ("n", 78.5)], ["quyền"]),
    ("joined to the left only", [("s", 50), ("ố", 58.5), ("ban", 80)], ["số", "ban"]),
    ("a real word of one vowel", [("của", 50), (" ", 68), ("ở", 71.5), (" ", 77.5), ("đây", 81)], ["của", "ở", "đây"]),
    ("too far apart", [("Thu", 50), ("ộ", 76), ("c", 90)], ["Thu", "ộ", "c"]),
    ("a combining mark of its own", [("Thuo\u0302\u0323c", 50)], ["Thuộc"]),
]


@pytest.mark.parametrize(("label", "runs", "words"), REPAIRS, ids=[r[0] for r in REPAIRS])
def test_repair_split_glyphs(label, runs, words):
    chars = _chars(runs)
    repaired = repair_split_glyphs(chars)
    assert _words(repaired) == words
    assert all(set(c) >= {"text", "x0", "x1", "top", "bottom"} for c in repaired)


def _spaced(line: str, piece_gap: float, word_gap: float) -> list[dict]:
    """A line whose words are cut where a "|" stands: pieces `piece_gap` apart, words a space glyph and `word_gap`."""
    runs, x = [], 50.0
    for word in line.split(" "):
        for piece in word.split("|"):
            runs.append((piece, x))
            x += 6.0 * len(piece) + piece_gap
        x += word_gap - piece_gap
        runs.append((" ", x - word_gap))
    return _chars(runs)


def test_repair_a_line_split_after_its_accents():
    """The pattern extractors give for some Vietnamese PDFs: a piece before or after each accented vowel."""
    chars = _spaced("ĐIỀ|U KHO|ẢN & ĐIỀ|U KI|Ệ|N S|Ử D|Ụ|NG D|Ị|CH V|Ụ NGH|Ỉ DƯỠ|NG", piece_gap=2.2, word_gap=2.75)
    assert " ".join(_words(chars)).startswith("ĐIỀ U KHO ẢN")
    # "KHO ẢN" stays apart: both halves are syllables, so nothing shows they belong together
    assert " ".join(_words(repair_split_glyphs(chars))) == "ĐIỀU KHO ẢN & ĐIỀU KIỆN SỬ DỤNG DỊCH VỤ NGHỈ DƯỠNG"


def test_repair_leaves_a_good_line_alone():
    chars = _chars([("Kế", 50), (" ", 62), ("hoạch", 65.5), (" ", 95.5), ("số", 99)])
    assert repair_split_glyphs(chars) == chars


def test_repaired_page_reads_as_words(tmp_path):
    """On a page drawn with split accents, pdfplumber's words (tight tolerance) are whole syllables after repair."""
    pdf = pdfium.PdfDocument(split_accents(tmp_path / "split.pdf"))
    chars = read_page(pdf[0]).chars
    pdf.close()
    before = [w["text"] for w in utils.extract_words(chars, x_tolerance=1)]
    after = [w["text"] for w in utils.extract_words(repair_split_glyphs(chars), x_tolerance=1)]
    assert "thẩm" not in before and "ộ" in before
    assert {"Thực", "hiện", "thẩm", "quyền", "Ủy", "chuyển", "đổi"} <= set(after)
    assert not [w for w in after if is_lone_glyph(w)]


_RUN = st.tuples(st.text(alphabet="thuqyncmgđoaộềẩởưượ \u0323\u0302", min_size=1, max_size=5),
                 st.floats(0, 12))


@given(st.lists(_RUN, max_size=12))
def test_repair_keeps_every_letter(runs):
    """The repair only drops spaces and composes marks: the letters read the same, in the same order."""
    chars, x = [], 50.0
    for text, gap in runs:
        x += gap
        chars += _chars([(text, x)])
        x += 6.0 * len(text)
    repaired = repair_split_glyphs(chars)

    def letters(cs: list[dict]) -> str:
        return unicodedata.normalize("NFC", "".join(c["text"] for c in cs if not c["text"].isspace()))

    assert letters(repaired) == letters(chars)
    assert len(repaired) <= len(chars)


def test_page_ink_is_dark_where_the_text_is(tmp_path):
    from layer_pages import good

    pdf = pdfium.PdfDocument(good(tmp_path / "good.pdf"))
    ink = page_ink(pdf[0])
    pdf.close()
    assert ink.dtype == np.uint8 and ink.ndim == 2
    assert abs(ink.shape[0] - 842 * 50 / 72) <= 1 and abs(ink.shape[1] - 595 * 50 / 72) <= 1
    assert (ink[:40] < 128).mean() < 0.01  # the top margin (57 pt) is white
    assert (ink[45:120, 30:380] < 128).mean() > 0.05  # the first lines of text are ink

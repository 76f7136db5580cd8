"""OCR front-end units (no Tesseract needed): page decision, deskew, rules, word-to-cell, image loading."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image

from kehoach import settings
from kehoach.errors import DamagedInput, UnsupportedInput
from kehoach.ingest import raster
from kehoach.parsers.ocr import cache, image_prep, rules
from kehoach.parsers.ocr.page import is_noise, mark_ocr, roman_numeral, words_to_chars
from kehoach.parsers.ocr.tesseract import Word
from kehoach.parsers.ocr_decision import judge_page
from kehoach.parsers.pdf_tables import find_tables, parse_page
from kehoach.parsers.pdfium_page import PageContent


def _chars(text: str) -> list[dict]:
    return [{"text": ch, "x0": i * 5.0, "x1": i * 5.0 + 5, "top": 10.0, "bottom": 20.0} for i, ch in enumerate(text)]


VIETNAMESE = "Triển khai thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ " * 2
ENGLISH_OCR = "Trién khai thuc hién Nghi quyét so 57-NQ/TW vé dot pha phat trién khoa hoc, cong nghé " * 2


@pytest.mark.parametrize("chars, expected", [
    ([], "no text layer"),
    (_chars(VIETNAMESE), None),
    (_chars(ENGLISH_OCR), "without Vietnamese"),
    (_chars("Trang 3"), "visible characters only"),  # too little text to trust without the page image
])
def test_page_decision_without_the_page_image(chars, expected):
    verdict = judge_page(PageContent(width=595, height=842, chars=chars, edges=[]))
    if expected is None:
        assert verdict.action == "keep", verdict
    else:
        assert verdict.action == "ocr" and expected in verdict.reason, verdict


def _text_page(width: int = 1600, height: int = 1200) -> np.ndarray:
    """A page of dark bars laid out like lines of type."""
    img = np.full((height, width), 255, np.uint8)
    rng = np.random.default_rng(1)
    for y in range(150, height - 150, 45):
        x = 150
        while x < width - 250:
            w = int(rng.integers(40, 160))
            cv2.rectangle(img, (x, y), (x + w, y + 18), 0, -1)
            x += w + 25
    return img


@pytest.mark.parametrize("angle", [-2.0, -0.7, 0.0, 0.5, 1.3, 3.0])
def test_deskew_recovers_a_known_tilt(angle):
    tilted = image_prep.rotate(_text_page(), angle)
    assert image_prep.estimate_skew(tilted) == pytest.approx(angle, abs=0.1)
    level, removed = image_prep.deskew(tilted)
    assert abs(image_prep.estimate_skew(level)) <= 0.1


def test_turn_by_quarter_turns():
    img = np.arange(6, dtype=np.uint8).reshape(2, 3)
    assert image_prep.turn(img, 90).shape == (3, 2)
    assert (image_prep.turn(image_prep.turn(img, 90), 270) == img).all()


def _grid_image(scale: float, xs_pt, ys_pt) -> np.ndarray:
    w, h = round(600 * scale), round(400 * scale)
    img = np.full((h, w), 255, np.uint8)
    for x in xs_pt:
        cv2.line(img, (round(x * scale), round(ys_pt[0] * scale)), (round(x * scale), round(ys_pt[-1] * scale)), 0, 3)
    for y in ys_pt:
        cv2.line(img, (round(xs_pt[0] * scale), round(y * scale)), (round(xs_pt[-1] * scale), round(y * scale)), 0, 3)
    # type between the rules: short strokes that must not become rules
    for y in ys_pt[:-1]:
        cv2.putText(img, "Ke hoach 57", (round((xs_pt[0] + 5) * scale), round((y + 15) * scale)),
                    cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    return img


def test_ruling_lines_are_found_and_become_a_lattice():
    scale = 300 / 72
    xs, ys = [40, 90, 300, 560], [50, 90, 130, 200, 260]
    img = _grid_image(scale, xs, ys)
    found, mask = rules.find_rules(img, scale)
    horizontal = sorted(r.y0 / scale for r in found if r.horizontal)
    vertical = sorted(r.x0 / scale for r in found if not r.horizontal)
    assert horizontal == pytest.approx(ys, abs=1.0)
    assert vertical == pytest.approx(xs, abs=1.0)
    tables = find_tables(rules.to_edges(found, scale))
    assert len(tables) == 1 and len(tables[0]) == (len(xs) - 1) * (len(ys) - 1)
    erased = rules.erase(img, mask)
    assert erased[round(ys[1] * scale), round(200 * scale)] == 255  # the rule is paper now
    assert (erased < 128).sum() > 0  # the type is kept


def _word(text, left, top, right, bottom, conf=90.0, line=(1, 1, 1)):
    return Word(text, left, top, right, bottom, conf, line)


def test_words_become_characters_in_points():
    chars = words_to_chars([_word("Kế", 100, 100, 160, 140), _word("hoạch", 180, 104, 330, 150)], scale=2.0)
    assert "".join(c["text"] for c in chars) == "Kế hoạch"
    assert chars[0]["x0"] == 50 and chars[1]["x1"] == 80  # the word's box split evenly
    assert {c["top"] for c in chars} == {50} and {c["bottom"] for c in chars} == {75}  # the line's box
    assert chars[2]["text"] == " " and chars[2]["x0"] == 80 and chars[2]["x1"] == 90
    assert chars[0]["conf"] == 0.9 and chars[0]["fontname"] == "ocr"


def test_words_are_assigned_to_ruled_cells_with_their_confidence():
    scale = 1.0  # points
    edges = rules.to_edges([rules.Rule(10, y, 410, y, 1) for y in (10, 40, 70)]
                           + [rules.Rule(x, 10, x, 70, 1) for x in (10, 60, 410)], scale)
    words = [_word("STT", 15, 15, 45, 30, line=(1, 1, 1)), _word("Chỉ", 70, 15, 95, 30, line=(1, 1, 1)),
             _word("tiêu", 100, 15, 130, 30, line=(1, 1, 1)),
             _word("1", 20, 45, 30, 60, conf=95, line=(2, 1, 1)), _word("Tỉ", 70, 45, 85, 60, conf=40, line=(2, 1, 1)),
             _word("lệ", 90, 45, 110, 60, conf=50, line=(2, 1, 1))]
    content = PageContent(width=420, height=100, chars=words_to_chars(words, scale), edges=edges, images=1)
    _, grids, _ = parse_page(content, 1)
    mark_ocr(grids, content)
    (g,) = grids
    assert g.method == "ocr" and (g.n_rows, g.n_cols) == (2, 2)
    assert [c.text for c in g.row_cells(0)] == ["STT", "Chỉ tiêu"]
    assert [c.text for c in g.row_cells(1)] == ["1", "Tỉ lệ"]
    assert g.cell(1, 0).confidence == pytest.approx(0.95)
    assert g.cell(1, 1).confidence == pytest.approx(0.45)  # mean of its letters' words
    assert g.cell(1, 1).confidence < settings.LOW_CONFIDENCE


def _png(path, size=(300, 400), mode="L", dpi=None):
    img = Image.new(mode, size, 255 if mode == "L" else "white")
    img.save(path, dpi=dpi) if dpi else img.save(path)
    return path


def test_image_dpi_decides_the_page_size_and_small_scans_are_enlarged(tmp_path):
    (page,) = raster.image_pages(_png(tmp_path / "a.png", (1240, 1754), dpi=(150, 150)))
    assert page.dpi == pytest.approx(300, rel=0.01)
    assert page.size_pt == pytest.approx((595.2, 842.0), rel=0.01)
    (page,) = raster.image_pages(_png(tmp_path / "b.png", (2480, 3508)))  # no dpi: an A4 page
    assert page.size_pt == pytest.approx((595, 842), rel=0.01)


def test_multipage_tiff_is_one_document_read_frame_by_frame(tmp_path):
    path = tmp_path / "scan.tif"
    frames = [Image.new("L", (2480, 3508), 255), Image.new("RGB", (3508, 2480), "white"),
              Image.new("1", (2480, 3508), 1)]
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(300, 300), compression="tiff_lzw")
    pages = list(raster.image_pages(path))
    assert [p.pixels.shape for p in pages] == [(3508, 2480), (2480, 3508), (3508, 2480)]
    assert all(p.pixels.dtype == np.uint8 and p.pixels.max() == 255 for p in pages)


@pytest.mark.parametrize("mode", ["RGBA", "P", "CMYK", "I;16", "LA"])
def test_image_modes_become_grey(tmp_path, mode):
    path = tmp_path / "m.tif"
    Image.new(mode, (400, 600)).save(path)
    (page,) = raster.image_pages(path)
    assert page.pixels.ndim == 2 and page.pixels.dtype == np.uint8


def test_an_image_over_the_pixel_limit_is_a_named_failure(tmp_path, monkeypatch):
    path = _png(tmp_path / "big.png", (500, 500))
    monkeypatch.setattr(settings, "MAX_IMAGE_PIXELS", 100_000)
    with pytest.raises(UnsupportedInput, match="exceeds the limit"):
        list(raster.image_pages(path))


def test_a_decompression_bomb_is_a_named_failure(tmp_path, monkeypatch):
    path = _png(tmp_path / "bomb.png", (2000, 2000))
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)  # Pillow refuses above twice this
    with pytest.raises(UnsupportedInput, match="too large"):
        list(raster.image_pages(path))


def test_a_corrupt_image_is_damaged(tmp_path):
    path = tmp_path / "x.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(DamagedInput):
        list(raster.image_pages(path))


def test_an_enormous_pdf_page_is_rendered_within_the_pixel_limit():
    scale = raster.render_scale(14400, 14400)  # a 200-inch square page
    assert (14400 * scale) ** 2 <= settings.OCR_MAX_PIXELS * 1.001
    assert raster.render_scale(595, 842) == pytest.approx(settings.OCR_DPI / 72)


def test_cache_round_trip_and_off_switch(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path))
    pixels = np.zeros((10, 10), np.uint8)
    key = cache.page_key(pixels, 300, "5.3.0")
    assert cache.load(key) is None
    cache.store(key, {"chars": [{"text": "ậ"}]})
    assert cache.load(key) == {"chars": [{"text": "ậ"}]}
    assert cache.page_key(pixels + 1, 300, "5.3.0") != key
    monkeypatch.setenv(cache.ENV, "")
    assert cache.cache_dir() is None and cache.load(key) is None


@pytest.mark.parametrize("text, expected", [
    ("l", "I"), ("H", "II"), ("IH", "III"), ("VH", "VII"), ("LII", "III"), ("|", "I"), ("Hl", "III"),
    ("1", "1"), ("12", "12"), ("IV", "IV"), ("II", "II"), ("HH", "HH"), ("Hà", "Hà"), ("V1", "V1"),
])
def test_roman_numerals_misread_by_ocr_are_mended(text, expected):
    assert roman_numeral(text) == expected


@pytest.mark.parametrize("text, conf, size, noise", [
    ("_", 95, 10, True), ("|", 90, 10, True), (".", 50, 10, True), ("-", 92, 16, False), ("%", 60, 20, False),
    ("1", 10, 10, False), ("Kế", 20, 10, False), ("-", 93, 2, True), (".", 92, 3, True),
])
def test_speckle_read_as_punctuation_is_noise(text, conf, size, noise):
    assert is_noise(_word(text, 0, 0, size, size, conf=conf), scale=300 / 72) is noise


def test_a_red_seal_is_lifted_and_black_type_under_it_kept():
    page = np.full((200, 200, 3), 255, np.uint8)
    cv2.rectangle(page, (20, 90), (180, 110), (0, 0, 0), -1)  # black type
    seal = np.full((200, 200, 3), 255, np.uint8)
    cv2.circle(seal, (100, 100), 60, (45, 40, 205), 8)  # red seal ring (BGR)
    bgr = (page.astype(np.float32) * seal / 255).astype(np.uint8)  # ink on ink, as on paper
    grey = raster.grey_without_red(bgr)
    assert grey[100, 40] < 50  # the type stays black, also where the ring crosses it
    assert grey[100 - 60, 100] > 180  # the ring is near paper
    assert (raster.grey_without_red(np.full((50, 50, 3), 128, np.uint8)) == 128).all()  # grey stays grey


@pytest.mark.parametrize("text, bar", [("≥ 80", True), ("> 80", False), ("≤5", True), ("<5", False)])
def test_a_comparison_sign_on_a_bar_is_told_from_the_image(text, bar):
    from helpers import FONT
    from PIL import ImageDraw, ImageFont

    from kehoach.parsers.ocr.glyphs import has_bar, mend_comparisons

    img = Image.new("L", (220, 80), 255)
    ImageDraw.Draw(img).text((10, 10), text, font=ImageFont.truetype(str(FONT), 50), fill=0)
    gray = np.asarray(img)
    assert has_bar(gray < 128) is bar
    read = text.replace("≥", ">").replace("≤", "<")  # what Tesseract's vie model writes
    (word,) = mend_comparisons([_word(read.split()[0], 0, 0, 220, 80)], gray)
    assert word.text == (text.split()[0] if bar else read.split()[0])


def test_ocr_warnings_group_pages_by_reason_and_name_second_reads():
    from kehoach.pipeline import ocr_warnings

    scan, english = "scanned page: no text layer", "no Vietnamese diacritics"
    assert ocr_warnings({1: scan, 2: scan + "; 3 ruled cells OCR'd again", 4: english}) == [
        "pages 1, 2: OCR'd (scanned page: no text layer)",
        "page 4: OCR'd (no Vietnamese diacritics)",
        "page 2: 3 ruled cells OCR'd again",
    ]

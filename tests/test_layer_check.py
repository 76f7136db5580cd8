"""Which pages' text layers can be trusted: one generated page per failure mode seen in real files."""

from __future__ import annotations

import time

import numpy as np
import pypdfium2 as pdfium
import pytest
from hypothesis import given
from hypothesis import strategies as st
from layer_pages import MAKERS

from kehoach.ingest.layer_check import LayerVerdict, check_layer
from kehoach.ingest.render_ink import page_ink
from kehoach.parsers.pdfium_page import PageContent, read_page


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, tuple[PageContent, object]]:
    """name -> (the page's content, its 50-dpi ink), each PDF made once."""
    folder = tmp_path_factory.mktemp("layers")
    out = {}
    for name, make in MAKERS.items():
        pdf = pdfium.PdfDocument(make(folder / f"{name}.pdf"))
        page = pdf[0]
        out[name] = (read_page(page), page_ink(page))
        pdf.close()
    return out


CASES = [
    # (page, with ink, action, words of the reason)
    ("good", False, "keep", "reads as Vietnamese"),
    ("good", True, "keep", "covers the page's ink"),
    ("image_only", False, "ocr", "no text layer"),
    ("image_only", True, "ocr", "no text layer"),
    ("stamp_over_image", False, "ocr", "signature stamp"),
    ("english_ocr", False, "ocr", "no Vietnamese diacritics"),
    ("no_unicode_map", False, "ocr", "without a Unicode map"),
    ("legacy_font", False, "ocr", "wrong Unicode"),
    ("split_accents", False, "repair", "accents placed as their own glyphs"),
    ("scanned_appendix", False, "keep", "reads as Vietnamese"),  # without the ink nothing shows the scan
    ("scanned_appendix", True, "ocr_regions", "ink without text"),
    ("turned", False, "keep", "reads as Vietnamese"),  # words read down the column, not letter by letter
    ("with_photo", True, "keep", "covers the page's ink"),  # a photograph is not text to OCR
    ("scan_with_caption", True, "ocr", "ink without text"),  # only the ink shows the scan under a caption
]


@pytest.mark.parametrize(("name", "with_ink", "action", "reason"), CASES)
def test_verdict_per_kind_of_page(pages, name, with_ink, action, reason):
    content, ink = pages[name]
    verdict = check_layer(content, ink if with_ink else None)
    assert isinstance(verdict, LayerVerdict)
    assert (verdict.action, reason in verdict.reason) == (action, True), verdict.reason


def test_scanned_region_is_where_the_image_is(pages):
    content, ink = pages["scanned_appendix"]
    (x0, top, x1, bottom), = check_layer(content, ink).regions
    # the pasted scan spans x 60-540, top 500-692 points; its typed lines fill its upper part
    assert 55 <= x0 < 120 and 450 < x1 <= 545
    assert 495 <= top < 530 and 560 < bottom <= 700


def _chars(text: str, top: float = 100.0, size: float = 11.0) -> list[dict]:
    out, x = [], 50.0
    for ch in text:
        out.append({"text": ch, "x0": x, "x1": x + 6.0, "top": top, "bottom": top + size, "size": size})
        x += 6.0
    return out


def _page(*lines: str) -> PageContent:
    chars = [c for k, line in enumerate(lines) for c in _chars(line, top=100.0 + 16 * k)]
    return PageContent(width=595, height=842, chars=chars, edges=[])


SENTENCE = "Ủy ban nhân dân xã ban hành kế hoạch thực hiện chuyển đổi số trên địa bàn xã năm 2026"

TCVN3_SYMBOLS = "Đoàn kiểm tra đã hoàn thành đợt kiểm tra tại các đơn vị và báo cáo kết quả đạt được".translate(
    str.maketrans({"à": "µ", "á": "¸", "ã": "·", "ạ": "¹", "ả": "¶", "đ": "®", "Đ": "§"}))

SYNTHETIC = [
    ("no characters", PageContent(595, 842, [], []), "ocr", "no text layer"),
    ("only spaces", _page("      ", "   "), "ocr", "only spaces and control"),
    ("only control codes", _page("\x01\x02\x03 \x04\x05", "\x06\x07"), "ocr", "only spaces and control"),
    ("a few characters", _page("12"), "ocr", "visible characters only"),
    ("cid codes", PageContent(595, 842, [dict(c, text=f"(cid:{20 + i % 9})") for i, c in
                                          enumerate(_chars(SENTENCE))], []), "ocr", "(cid:NN)"),
    ("replacement characters", _page(SENTENCE.replace("ệ", "\ufffd").replace("ố", "\ufffd")), "ocr", "U+FFFD"),
    ("private-use glyphs", _page(SENTENCE.replace("ạ", "\ue021").replace("ể", "\ue044")), "ocr", "private-use"),
    ("a foreign tool's stamp", _page("Signature Not Verified", "Ký bởi: SỞ CÔNG THƯƠNG", "Ngày ký: 10.03.2026"),
     "ocr", "signature stamp"),
    ("a stamp without spaces", _page("Ngườiký:NguyễnVănAn", "Cơquan:ỦybannhândânxãThanhSơn",
                                     "Thờigianký:12.01.2026"), "ocr", "signature stamp"),
    ("a short table, not a stamp", _page("Đơn vị: triệu đồng", "Cơ quan chủ trì: Phòng Kinh tế",
                                         "Tổng: 1.250"), "keep", ""),
    ("list markers, symbols, abbreviations", _page(*[f"{m}) Tỷ lệ hộ gia đình có Internet ≥ 90%, theo Quyết định "
                                                    "số 06/QĐ-TTg về VNeID" for m in ("a", "b", "c", "ii", "iii")]),
     "keep", "reads as Vietnamese"),
    ("stamp lines after a body", _page(SENTENCE, SENTENCE, "Người ký: Nguyễn Văn An",
                                       "Thời gian ký: 12.01.2026 09:15:00"), "keep", "reads as Vietnamese"),
    ("a table of figures", _page("Mốc X Y", "M1 2498697,55 407129,25", "M2 2498688,90 407135,10"), "keep", ""),
    # a TCVN3 (ABC) font's codes read as Latin-1: the classic "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
    ("TCVN3 read as Latin-1", _page(*["Céng hoµ x· héi chñ nghÜa ViÖt Nam §éc lËp - Tù do - H¹nh phóc"] * 3),
     "ocr", "wrong Unicode"),
    # the same, where the wrong code points are symbols, not letters: only the syllables show it
    ("symbols inside words", _page(*[TCVN3_SYMBOLS] * 3), "ocr", "does not read as Vietnamese"),
]


@pytest.mark.parametrize(("label", "content", "action", "reason"), SYNTHETIC, ids=[s[0] for s in SYNTHETIC])
def test_verdict_on_synthetic_layers(label, content, action, reason):
    verdict = check_layer(content)
    assert (verdict.action, reason in verdict.reason) == (action, True), verdict.reason


def test_cheap_enough_for_every_page(pages):
    """check_layer runs on every page: well under the cost of rendering one (generous bound for busy CI)."""
    content, _ = pages["good"]
    start = time.perf_counter()
    for _ in range(20):
        check_layer(content)
    assert (time.perf_counter() - start) / 20 < 0.05


_CHAR = st.fixed_dictionaries({
    "text": st.one_of(st.sampled_from(["a", "ộ", " ", "\x01", "(cid:3)", "\ufffd", "\u0323", "ӝ", "‡", ""]),
                      st.characters()),
    "x0": st.floats(-1e4, 1e4), "x1": st.floats(-1e4, 1e4), "top": st.floats(-1e4, 1e4),
    "bottom": st.floats(-1e4, 1e4), "size": st.floats(0, 100),
})


@given(st.lists(_CHAR, max_size=60))
def test_any_characters_get_a_verdict(chars):
    """Whatever a broken PDF puts in its text layer, the check answers with a verdict, never a traceback."""
    verdict = check_layer(PageContent(595, 842, chars, []))
    assert verdict.action in ("keep", "repair", "ocr", "ocr_regions") and verdict.reason


def test_odd_ink_images(pages):
    """An ink image in colour, empty or tiny is read or ignored, not a crash."""
    content, ink = pages["good"]
    colour = np.repeat(ink[..., None], 3, axis=2)
    for image in (colour, np.zeros((0, 0), np.uint8), np.zeros((3, 2), np.uint8)):
        assert check_layer(content, image).action in ("keep", "ocr_regions", "ocr")

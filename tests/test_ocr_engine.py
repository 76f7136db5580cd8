"""The in-process engine (tesserocr) and the `tesseract` command give the same words."""

from __future__ import annotations

import numpy as np
import pytest

from kehoach.parsers.ocr import tesseract, tesserocr_engine

TSV = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
       "1\t1\t0\t0\t0\t0\t0\t0\t100\t50\t-1\t\n"
       "5\t1\t1\t1\t1\t1\t10\t5\t30\t12\t96.5\tKế\n"
       "5\t1\t1\t1\t1\t2\t45\t5\t40\t12\t-1\t \n"
       "5\t1\t1\t1\t2\t1\t10\t20\t50\t12\t88\thoạch\n")


def test_words_from_tsv_keeps_words_only() -> None:
    words = tesseract.words_from_tsv(TSV)
    assert [(w.text, w.left, w.right, w.bottom, w.conf, w.line) for w in words] == [
        ("Kế", 10, 40, 17, 96.5, (1, 1, 1)), ("hoạch", 10, 60, 32, 88.0, (1, 1, 2))]


def _page() -> np.ndarray:
    cv2 = pytest.importorskip("cv2")
    img = np.full((160, 900), 255, dtype=np.uint8)
    cv2.putText(img, "KE HOACH 2026 so 15", (20, 100), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 0, 4)
    return img


def _needs_tesserocr() -> None:
    try:
        v = tesseract.version()
    except tesseract.OcrUnavailable:
        pytest.skip("no Tesseract")
    if not tesserocr_engine.available(v, tesseract.LANG):
        pytest.skip("tesserocr not built against this Tesseract")


def test_engines_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    _needs_tesserocr()
    page = _page()
    api = tesseract.read_words(page, 300)
    monkeypatch.setenv(tesserocr_engine.ENGINE_ENV, "cli")
    tesserocr_engine.available.cache_clear()
    cli = tesseract.read_words(page, 300)
    tesserocr_engine.available.cache_clear()
    assert api and api == cli


def test_recognition_past_its_timeout_is_named() -> None:
    _needs_tesserocr()
    assert tesserocr_engine.tsv(_page(), 300, tesseract.LANG, tesseract.PSM_AUTO, 0.001) is None

"""The pipeline's one door to Tesseract: version check, arguments, TSV parsing, errors.

One pass per page (Tesseract's TSV: words with their boxes and confidences), in-process
through tesserocr when it wraps the same Tesseract release, else through pytesseract and the
`tesseract` command. Tesseract's own OpenMP threads fight the worker processes for cores,
so every call runs with OMP_THREAD_LIMIT=1 unless the caller set it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
import pytesseract

from kehoach.errors import KehoachError
from kehoach.parsers.ocr import tesserocr_engine

LANG = "vie"
PSM_AUTO = 3  # automatic page segmentation: text blocks, table cells and captions on one page
PSM_BLOCK = 6  # one uniform block of text: a strip of small regions stacked for a second read
MIN_VERSION = (4, 1)
TIMEOUT_S = 300  # a page that takes longer is stuck, not slow


class OcrUnavailable(KehoachError):
    """Tesseract or its Vietnamese model is missing, too old, or failed on a page."""

    reason = "ocr"


@dataclass(frozen=True, slots=True)
class Word:
    """One OCR word: text, box in pixels (left, top, right, bottom), confidence 0-100, its line's id."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    conf: float
    line: tuple[int, int, int]  # (block, paragraph, line) in Tesseract's reading order


def _env() -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@lru_cache(maxsize=1)
def version() -> str:
    """Tesseract's version string; raises OcrUnavailable when it cannot run or lacks `vie`."""
    _env()
    try:
        v = pytesseract.get_tesseract_version()
        langs = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError) as e:
        raise OcrUnavailable("Tesseract is not installed (Debian: tesseract-ocr tesseract-ocr-vie)") from e
    parts = tuple(int(p) for p in str(v).split(".")[:2] if p.isdigit())
    if parts < MIN_VERSION:
        raise OcrUnavailable(f"Tesseract {v} is too old (need {MIN_VERSION[0]}.{MIN_VERSION[1]} or later)")
    if LANG not in langs:
        raise OcrUnavailable("Tesseract has no Vietnamese model (Debian: tesseract-ocr-vie)")
    return str(v)


@contextmanager
def _image_file(gray: np.ndarray) -> Iterator[str]:
    """The page as an uncompressed BMP file for Tesseract: pytesseract would PNG-compress a whole
    300-dpi page (a noticeable share of a page's time) only for Tesseract to decompress it."""
    fd, path = tempfile.mkstemp(suffix=".bmp", prefix="kehoach-ocr-")
    os.close(fd)
    try:
        if not cv2.imwrite(path, gray):
            raise OcrUnavailable("cannot write the page image for Tesseract (temporary folder full?)")
        yield path
    finally:
        with suppress(OSError):
            os.unlink(path)


def engine() -> str:
    """Which engine `read_words` uses on this machine: "tesserocr" (in-process) or "cli"."""
    return "tesserocr" if tesserocr_engine.available(version(), LANG) else "cli"


def read_words(gray: np.ndarray, dpi: float, psm: int = PSM_AUTO) -> list[Word]:
    """Every word Tesseract reads on the image, in reading order (one pass): in-process through
    tesserocr when it wraps the same Tesseract, else through the `tesseract` command."""
    v = version()
    stuck = f"Tesseract took longer than {TIMEOUT_S} s on a page"
    if tesserocr_engine.available(v, LANG):
        found = tesserocr_engine.tsv(gray, dpi, LANG, psm, TIMEOUT_S)
        if found is None:
            raise OcrUnavailable(stuck)
        return words_from_tsv(found)
    try:
        with _image_file(gray) as path:
            data = pytesseract.image_to_data(path, lang=LANG, config=f"--psm {psm} --dpi {round(dpi)}",
                                             timeout=TIMEOUT_S)
    except RuntimeError as e:  # pytesseract's timeout
        raise OcrUnavailable(stuck) from e
    except pytesseract.TesseractError as e:
        raise OcrUnavailable(f"Tesseract failed: {' '.join(str(e.message).split())[:200]}") from e
    return words_from_tsv(data)


TSV_FIELDS = 12  # level page block par line word left top width height conf text


def words_from_tsv(tsv: str) -> list[Word]:
    """The words (level 5) of Tesseract's TSV, with or without its header line; empty words dropped."""
    words: list[Word] = []
    for row in tsv.splitlines():
        cols = row.split("\t", TSV_FIELDS - 1)
        if len(cols) < TSV_FIELDS or cols[0] != "5":
            continue
        text = cols[11].strip()
        if not text:
            continue
        block, par, line, left, top, w, h = (int(c) for c in (cols[2], cols[3], cols[4], *cols[6:10]))
        words.append(Word(text=text, left=left, top=top, right=left + w, bottom=top + h,
                          conf=max(0.0, float(cols[10])), line=(block, par, line)))
    return words


def orientation(gray: np.ndarray, dpi: float) -> int:
    """Clockwise degrees (0, 90, 180, 270) to turn the page upright, by Tesseract's OSD; 0 when unsure."""
    version()
    try:
        with _image_file(gray) as path:
            osd = pytesseract.image_to_osd(path, config=f"--psm 0 --dpi {round(dpi)}",
                                           output_type=pytesseract.Output.DICT, timeout=TIMEOUT_S)
    except (pytesseract.TesseractError, RuntimeError):
        return 0  # too little text to tell: keep the page as it is
    return int(osd.get("rotate", 0)) % 360

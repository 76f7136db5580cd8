"""Tesseract in-process through tesserocr (its C API): the model loaded once per thread, not per call.

The `tesseract` command loads the Vietnamese model (~0.15 s) on every call and reads the
page from a file; a page and its second-read strip cost two such starts. tesserocr drives
the same library from Python, releases the GIL while it recognises (so page threads run in
parallel) and returns the same TSV the command writes. It is used only when it wraps the very
library the command runs (same version), so both engines give the same words: `make setup`
builds it from source against Debian's libtesseract (a PyPI wheel bundles another release).
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from typing import Any

import numpy as np

_local = threading.local()
ENGINE_ENV = "KEHOACH_OCR_ENGINE"  # "cli" forces the `tesseract` command (benchmarks, equality tests)


@lru_cache(maxsize=1)
def _module() -> Any | None:
    try:
        import tesserocr
    except ImportError:
        return None
    return tesserocr


def _short(version: str) -> str:
    """'tesseract 5.3.0\\n leptonica-1.82.0 ...' or '5.3.0' -> '5.3.0'."""
    words = version.replace("\n", " ").split()
    for w in words:
        if w[:1].isdigit():
            return w
    return ""


@lru_cache(maxsize=4)
def available(cli_version: str, lang: str) -> bool:
    """Can tesserocr stand in for the `tesseract` command: importable, the same Tesseract release,
    and the model `lang` installed where its library looks?"""
    module = _module()
    if module is None or os.environ.get(ENGINE_ENV, "").lower() == "cli":
        return False
    try:
        if _short(module.tesseract_version()) != _short(cli_version):
            return False
        _, langs = module.get_languages()
    except (RuntimeError, OSError):
        return False
    return lang in langs


def _api(lang: str, psm: int) -> Any:
    """This thread's API for `psm`, made on first use (an API is not safe to share across threads)."""
    apis: dict[tuple[str, int], Any] = _local.__dict__.setdefault("apis", {})
    api = apis.get((lang, psm))
    if api is None:
        module = _module()
        api = module.PyTessBaseAPI(lang=lang, psm=psm)
        apis[(lang, psm)] = api
    return api


def tsv(gray: np.ndarray, dpi: float, lang: str, psm: int, timeout_s: float) -> str | None:
    """Tesseract's TSV for a grey page (uint8, one byte per pixel), without its header line, as
    `tesseract IMAGE - --psm PSM --dpi DPI tsv` writes it; None when recognition outlasts `timeout_s`."""
    api = _api(lang, psm)
    page = np.ascontiguousarray(gray, dtype=np.uint8)
    height, width = page.shape
    api.SetVariable("user_defined_dpi", str(round(dpi)))
    api.SetImageBytes(page.tobytes(), width, height, 1, width)
    try:
        # recognition releases the GIL (GetTSVText alone would run it holding the GIL)
        if not api.Recognize(timeout=round(timeout_s * 1000)):
            return None
        return api.GetTSVText(0) or ""
    finally:
        api.Clear()

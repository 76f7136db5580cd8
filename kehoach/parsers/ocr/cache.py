"""Page-level OCR cache: a second run over the same scans does no OCR again.

Keyed by the sha256 of the page image's pixels, its resolution, the OCR pipeline's
version (its code and the settings: `ocr_version`) and Tesseract's: any change to what produced the page content misses.
The directory is `~/.cache/kehoach/ocr`, or $KEHOACH_CACHE_DIR (tests point it at
a temporary folder; an empty value turns the cache off). A damaged entry is a miss.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from kehoach import __version__, settings

ENV = "KEHOACH_CACHE_DIR"


def cache_dir() -> Path | None:
    value = os.environ.get(ENV)
    if value is None:
        return Path.home() / ".cache" / "kehoach" / "ocr"
    return Path(value) if value.strip() else None


@lru_cache(maxsize=1)
def ocr_version() -> str:
    """What turns a page image into its content: the OCR front-end's code (parsers/ocr/, ingest/raster.py),
    every setting and the package version. An edited rule or threshold misses the cache."""
    h = hashlib.sha256(__version__.encode())
    package = resources.files("kehoach")
    sources = [*package.joinpath("parsers", "ocr").iterdir(), package.joinpath("ingest", "raster.py")]
    for source in sorted((f for f in sources if f.name.endswith(".py")), key=str):
        h.update(source.read_bytes())
    h.update(json.dumps(settings.snapshot(), sort_keys=True, default=repr).encode())
    return h.hexdigest()[:16]


def page_key(pixels: np.ndarray, dpi: float, engine: str) -> str:
    h = hashlib.sha256()
    h.update(f"{ocr_version()}|{engine}|{pixels.shape}|{dpi:.3f}|".encode())
    h.update(np.ascontiguousarray(pixels).data)
    return h.hexdigest()


def load(key: str) -> dict | None:
    root = cache_dir()
    if root is None:
        return None
    path = root / key[:2] / f"{key}.json.gz"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError, EOFError):
        return None


def store(key: str, value: dict) -> None:
    """Write atomically (a temporary file renamed), so parallel workers never read half an entry."""
    root = cache_dir()
    if root is None:
        return
    folder = root / key[:2]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as raw, gzip.open(raw, "wt", encoding="utf-8") as f:
            json.dump(value, f, ensure_ascii=False)
        os.replace(tmp, folder / f"{key}.json.gz")
    except OSError:
        pass  # a read-only or full disk costs speed, not results

#!/usr/bin/env python3
"""Flatten PDFs into plain-text files, as a PDF-to-text tool hands them to an analyst.

Makes the flattened-text figures reproducible: each PDF (a file, or every
`*.pdf` in a folder) is written as `<out>/<stem>.txt` by the chosen tool:

- `pdfium`: pypdfium2, each page's `get_text_range()`, pages joined by a form feed, CRLF -> LF
- `pdfminer`: pdfminer.six `high_level.extract_text` (text boxes parted by blank lines)
- `pdfplumber`, `pdfplumber-layout`: pdfplumber's `page.extract_text()` (words of a printed line joined by
  one space, so a table row's cells share a line) and `extract_text(layout=True)`, pages joined by a form feed
- `pdftotext`, `pdftotext-layout`: poppler's binary (plain and `-layout`), only if it is installed
- `pymupdf`: PyMuPDF's `page.get_text()`, pages joined by a form feed, only if it is installed
  (it is no dependency of kehoach: AGPL; `pip install pymupdf` in another environment)

`--strip-accents` removes the Vietnamese diacritics (NFD, combining marks
dropped, đ -> d), as a file that lost them reads.

usage: python scripts/flatten_pdf.py SRC --out DIR
       [--tool pdfium|pdfminer|pdfplumber[-layout]|pdftotext[-layout]|pymupdf] [--strip-accents]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

TOOLS = ("pdfium", "pdfminer", "pdfplumber", "pdfplumber-layout", "pdftotext", "pdftotext-layout", "pymupdf")


def strip_accents(text: str) -> str:
    """`text` without Vietnamese diacritics: NFD, combining marks dropped, đ/Đ -> d/D."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _pdfium(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for page in pdf:
            tp = page.get_textpage()
            pages.append(tp.get_text_range())
            tp.close()
            page.close()
    finally:
        pdf.close()
    return "\f".join(pages).replace("\r\n", "\n").replace("\r", "\n")


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def _pdfplumber(path: Path, layout: bool) -> str:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "\f".join(page.extract_text(layout=layout) or "" for page in pdf.pages)


def _pdftotext(path: Path, layout: bool) -> str:
    binary = shutil.which("pdftotext")
    if binary is None:
        raise SystemExit("pdftotext is not installed (poppler-utils)")
    args = [binary, "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")


def _pymupdf(path: Path) -> str:
    try:
        import pymupdf
    except ImportError:
        raise SystemExit("PyMuPDF is not installed (pip install pymupdf)") from None
    with pymupdf.open(str(path)) as doc:
        return "\f".join(page.get_text() for page in doc)


def flatten(path: Path, tool: str) -> str:
    if tool == "pdfium":
        return _pdfium(path)
    if tool == "pdfminer":
        return _pdfminer(path)
    if tool in ("pdfplumber", "pdfplumber-layout"):
        return _pdfplumber(path, tool == "pdfplumber-layout")
    if tool in ("pdftotext", "pdftotext-layout"):
        return _pdftotext(path, tool == "pdftotext-layout")
    if tool == "pymupdf":
        return _pymupdf(path)
    raise ValueError(f"unknown tool {tool!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", help="a PDF file or a folder of PDFs")
    ap.add_argument("--out", "-o", required=True, help="folder for the .txt files")
    ap.add_argument("--tool", choices=TOOLS, default="pdfium")
    ap.add_argument("--strip-accents", action="store_true", help="drop the Vietnamese diacritics")
    args = ap.parse_args(argv)
    src = Path(args.src)
    pdfs = sorted(src.glob("*.pdf")) if src.is_dir() else [src]
    if not pdfs:
        print(f"no PDF in {src}", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for pdf in pdfs:
        text = flatten(pdf, args.tool)
        if args.strip_accents:
            text = strip_accents(text)
        (out / f"{pdf.stem}.txt").write_text(text, encoding="utf-8")
    print(f"{len(pdfs)} file(s) flattened by {args.tool} into {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Open a PDF with PDFium (pypdfium2), translating its failures into kehoach errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdfium2 as pdfium

from kehoach.errors import DamagedInput, EmptyInput, EncryptedInput

# PDFium recovers what it can from a cut-off file; a PDF must still end with %%EOF
# (within its last KiB: writers may append a newline or padding) to count as whole.
TAIL_BYTES = 1024


def _check_complete(path: Path) -> None:
    with path.open("rb") as f:
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - TAIL_BYTES))
        if b"%%EOF" not in f.read():
            raise DamagedInput("PDF is truncated (no %%EOF at its end)")


@contextmanager
def open_pdf(path: Path) -> Iterator[pdfium.PdfDocument]:
    """Yield an open PDFium document, or raise a one-line KehoachError."""
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        message = str(e)
        if "password" in message.lower():
            raise EncryptedInput("encrypted PDF, a password is needed") from e
        _check_complete(path)  # a cut-off file says so rather than PDFium's "Data format error"
        detail = message.split("(PDFium:", 1)[-1].strip(" .)") if "PDFium:" in message else message
        if detail.lower() == "success":  # PDFium refuses a document without pages yet reports no error
            raise EmptyInput("PDF has no pages PDFium can load (an empty or broken page tree)") from e
        raise DamagedInput(f"not a readable PDF ({detail})") from e
    try:
        _check_complete(path)
        if len(pdf) == 0:
            raise EmptyInput("PDF has no pages")
        yield pdf
    finally:
        pdf.close()

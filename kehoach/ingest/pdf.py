"""Open a PDF with pdfplumber, translating its failures into kehoach errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from kehoach.errors import DamagedInput, EmptyInput, EncryptedInput


@contextmanager
def open_pdf(path: Path) -> Iterator[pdfplumber.PDF]:
    """Yield an open pdfplumber document, or raise a one-line KehoachError."""
    try:
        try:
            pdf = pdfplumber.open(path)
        except PdfminerException as wrapped:  # pdfplumber wraps pdfminer's own errors
            inner = wrapped.args[0] if wrapped.args and isinstance(wrapped.args[0], Exception) else wrapped
            raise inner from wrapped
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise EncryptedInput(f"encrypted PDF, a password is needed ({type(e).__name__})") from e
    except (PDFSyntaxError, PSException) as e:
        raise DamagedInput(f"not a readable PDF ({str(e) or type(e).__name__})") from e
    except Exception as e:  # pdfminer raises many ad-hoc types on truncated files
        if "password" in str(e).lower() or "encrypt" in str(e).lower():
            raise EncryptedInput("encrypted PDF, a password is needed") from e
        detail = f"{type(e).__name__}: {e}".rstrip(": ")
        raise DamagedInput(f"not a readable PDF ({detail})") from e
    try:
        try:
            n = len(pdf.pages)
        except Exception as e:
            raise DamagedInput(f"PDF page tree is damaged: {type(e).__name__}: {e}") from e
        if n == 0:
            raise EmptyInput("PDF has no pages")
        yield pdf
    finally:
        pdf.close()

"""Which pages are OCR'd: one function, one reason per page, recorded in warnings and provenance.

A simple first version: a page with no characters is a scan; a page whose layer
lacks Vietnamese marks was written by an OCR without the Vietnamese model. The
per-page text-layer trust checker (ingest/layer_check.py: cid codes, legacy-font
mojibake, stamp-only layers, ink coverage) will be delegated to from here.
"""

from __future__ import annotations

from kehoach import settings
from kehoach.ingest.quality import MIN_MARKED_SHARE, marked_share
from kehoach.parsers.pdfium_page import PageContent

NO_TEXT = "no text layer"
NO_DIACRITICS = "text layer without Vietnamese diacritics (English OCR)"


def why_ocr(content: PageContent) -> str | None:
    """None to keep the page's text layer, or the reason it is OCR'd instead."""
    if not content.chars:
        return NO_TEXT
    letters, share = marked_share("".join(ch["text"] for ch in content.chars))
    if letters >= settings.OCR_PAGE_MIN_LETTERS and share < MIN_MARKED_SHARE:
        return NO_DIACRITICS
    return None

"""Which PDF pages are read from their text layer, repaired, or OCR'd: one verdict per page, with its reason.

The checks live in ingest/layer_check.py (no text, cid codes, legacy-font
mojibake, stamp-only layers, a layer without Vietnamese marks, split accents,
ink without text). This module only gathers what they need from the page: a
cheap low-resolution render of its ink, and only when the page draws images
(a scanned region pasted into a digital page is an image; a page of text and
rules alone cannot hide one), so born-digital pages cost nothing more.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from kehoach.ingest.layer_check import LayerVerdict, check_layer
from kehoach.parsers.pdfium_page import PageContent


def draws_images(page: pdfium.PdfPage) -> bool:
    """Whether the page draws any image object (form XObjects searched a few levels deep)."""
    return next(iter(page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=4)), None) is not None


def judge_page(content: PageContent, page: pdfium.PdfPage | None = None) -> LayerVerdict:
    """Keep, repair or OCR this page (or only its regions of ink without text), with the reason."""
    ink = None
    if page is not None and content.chars and (content.images or draws_images(page)):
        from kehoach.ingest.render_ink import page_ink

        ink = page_ink(page)
    return check_layer(content, ink)


def why_ocr(content: PageContent) -> str | None:
    """None to keep the page's text layer, or the reason it is OCR'd instead (no page image consulted)."""
    verdict = check_layer(content)
    return verdict.reason if verdict.action in ("ocr", "ocr_regions") else None

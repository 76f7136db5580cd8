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


def _holds_image(count, get, depth: int) -> bool:
    for i in range(count):
        obj = get(i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            return True
        if kind == raw.FPDF_PAGEOBJ_FORM and depth > 1 and _holds_image(
                raw.FPDFFormObj_CountObjects(obj), lambda k, o=obj: raw.FPDFFormObj_GetObject(o, k), depth - 1):
            return True
    return False


def draws_images(page: pdfium.PdfPage, depth: int = 4) -> bool:
    """Whether the page draws any image object (form XObjects searched `depth` levels deep).

    On the raw handles: pypdfium2's object iterator wraps every text object of the page first,
    which costs more than the whole layer check on a page of text."""
    handle = page.raw
    return _holds_image(raw.FPDFPage_CountObjects(handle), lambda k: raw.FPDFPage_GetObject(handle, k), depth)


def judge_page(content: PageContent, page: pdfium.PdfPage | None = None) -> LayerVerdict:
    """Keep, repair or OCR this page (or only its regions of ink without text), with the reason."""
    ink = None
    if page is not None and content.chars and (content.images or draws_images(page)):
        from kehoach.ingest.render_ink import page_ink

        ink = page_ink(page)
    return check_layer(content, ink)


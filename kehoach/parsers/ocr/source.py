"""Image files (PNG, JPEG, TIFF; a multi-page TIFF is one document) through the OCR front-end."""

from __future__ import annotations

from pathlib import Path

from kehoach.ingest.raster import BadFrame, image_pages
from kehoach.parsers.grid import Grid, PageText, ParsedSource
from kehoach.parsers.ocr.page import mark_ocr, ocr_image
from kehoach.parsers.pdf_tables import assemble, parse_page
from kehoach.parsers.word_grid import ColumnLayout

REASON = "image file"


def parse_image_file(path: Path) -> ParsedSource:
    """Each frame OCR'd and parsed as a page, one frame in memory at a time."""
    pages: list[PageText] = []
    grids: list[Grid] = []
    ocr_pages: dict[int, str] = {}
    carried: ColumnLayout | None = None
    unread: dict[int, str] = {}
    for i, image in enumerate(image_pages(path), start=1):
        if isinstance(image, BadFrame):  # a damaged frame: its page is named, the others still read
            unread[i] = image.reason
            pages.append(PageText(page=i, lines=[]))
            continue
        done = ocr_image(image)
        del image
        text, page_grids, carried = parse_page(done.content, i, carried)
        mark_ocr(page_grids, done.content)
        ocr_pages[i] = done.reason(REASON)
        pages.append(text)
        grids.extend(page_grids)
    source = assemble(pages, grids, ocr_pages)
    source.unread_pages = unread
    source.method = "ocr"  # every page of an image file is OCR'd, an unread frame included
    return source

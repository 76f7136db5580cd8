"""Image files (PNG, JPEG, TIFF; a multi-page TIFF is one document) through the OCR front-end."""

from __future__ import annotations

from pathlib import Path

from kehoach.ingest.raster import BadFrame, PageImage, image_pages
from kehoach.parsers.grid import Grid, PageText, ParsedSource
from kehoach.parsers.ocr.page import OcrPage, mark_ocr, ocr_image
from kehoach.parsers.ocr.parallel import in_order
from kehoach.parsers.pdf_tables import assemble, parse_page
from kehoach.parsers.word_grid import ColumnLayout

REASON = "image file"


def _read(image: PageImage | BadFrame) -> OcrPage | BadFrame:
    return image if isinstance(image, BadFrame) else ocr_image(image)


def parse_image_file(path: Path) -> ParsedSource:
    """Each frame OCR'd and parsed as a page; frames are decoded in order on this thread, OCR'd side
    by side (parsers/ocr/parallel.py, a few frames in memory at most) and parsed in order."""
    pages: list[PageText] = []
    grids: list[Grid] = []
    ocr_pages: dict[int, str] = {}
    carried: ColumnLayout | None = None
    unread: dict[int, str] = {}
    frames = in_order(image_pages(path), _read, heavy=lambda image: not isinstance(image, BadFrame))
    for i, (_, done) in enumerate(frames, start=1):
        if isinstance(done, BadFrame):  # a damaged frame: its page is named, the others still read
            unread[i] = done.reason
            pages.append(PageText(page=i, lines=[]))
            continue
        text, page_grids, carried = parse_page(done.content, i, carried)
        mark_ocr(page_grids, done.content)
        ocr_pages[i] = done.reason(REASON)
        pages.append(text)
        grids.extend(page_grids)
    source = assemble(pages, grids, ocr_pages)
    source.unread_pages = unread
    source.method = "ocr"  # every page of an image file is OCR'd, an unread frame included
    return source

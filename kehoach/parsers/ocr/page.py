"""A page image into the `PageContent` the born-digital path reads, and cell confidences back.

The image is levelled (deskew), its ruling lines found and erased, then read by
Tesseract in one pass. OCR words become pdfplumber-shaped characters (each word's
box split evenly over its letters, all letters of a line sharing the line's top and
bottom, a space between words) and rules become edges, all in PDF points; then
`pdf_tables.parse_page` runs unchanged: lattice tables, word tables, captions and
header text work as on a born-digital page. Each character carries its word's
confidence (0-1), from which every cell gets its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import groupby

from kehoach import settings
from kehoach.ingest.raster import PageImage
from kehoach.normalize.text import plain_marks
from kehoach.parsers.grid import Grid
from kehoach.parsers.ocr import cache, glyphs, image_prep, regions, rules, tesseract
from kehoach.parsers.ocr.tesseract import Word
from kehoach.parsers.pdf_tables import find_tables
from kehoach.parsers.pdfium_page import PageContent

METHOD = "ocr"
FONT = "ocr"


@dataclass(slots=True)
class OcrPage:
    """What OCR made of one page, and what it did to the image (for provenance and warnings)."""

    content: PageContent
    notes: list[str] = field(default_factory=list)

    def reason(self, why: str) -> str:
        """Why the page was OCR'd, with what OCR had to do again ("turned 90°", "3 ruled cells OCR'd
        again"), for the document's warnings; routine steps (deskew, cache) are left out."""
        return "; ".join([why, *(n for n in self.notes if not n.startswith(("deskewed", "OCR from cache")))])


def words_to_chars(words: list[Word], scale: float) -> list[dict]:
    """OCR words as character dicts in points: each word's box split evenly over its letters.

    A line's letters share its top and bottom (Tesseract's words on one line differ by their
    accents and descenders, not by their place), and its size is the line's height over
    OCR_LINE_HEIGHT_PER_SIZE. A space character between two words of a line marks the word break.
    """
    chars: list[dict] = []
    for _, group in groupby(words, key=lambda w: w.line):
        line = sorted(group, key=lambda w: w.left)
        top = min(w.top for w in line) / scale
        bottom = max(w.bottom for w in line) / scale
        size = max(1.0, (bottom - top) / settings.OCR_LINE_HEIGHT_PER_SIZE)
        previous_right: float | None = None
        for w in line:
            x0, x1 = w.left / scale, w.right / scale
            conf = round(w.conf / 100.0, 3)
            if previous_right is not None and x0 > previous_right:
                chars.append(_char(" ", previous_right, x0, top, bottom, size, conf))
            step = (x1 - x0) / len(w.text)
            for k, ch in enumerate(plain_marks(w.text)):
                chars.append(_char(ch, x0 + k * step, x0 + (k + 1) * step, top, bottom, size, conf))
            previous_right = x1
    return chars


def _char(text: str, x0: float, x1: float, top: float, bottom: float, size: float, conf: float) -> dict:
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
            "height": bottom - top, "size": size, "upright": True, "fontname": FONT, "conf": conf}


NOISE_MARKS = frozenset("_|`~'\"‘’“”^°")  # never alone in a plan's cell: rule fringes and speckle
SOFT_MARKS = frozenset(".,:;-—–•·*")  # speckle reads as these too, but Tesseract is unsure of it


def is_noise(word: Word, scale: float = 300 / 72) -> bool:
    """A "word" of marks only that is likely speckle or a rule remnant; "%", "≥" and sure dashes stay.

    A speck of a point or so reads as "-" or "." even with high confidence: a mark smaller
    than SPECK_MAX_PT both ways is no dash (a dash at 12 pt is ~4 pt wide)."""
    if all(ch in NOISE_MARKS for ch in word.text):
        return True
    if not all(ch in NOISE_MARKS or ch in SOFT_MARKS for ch in word.text):
        return False
    speck = max(word.right - word.left, word.bottom - word.top) < settings.SPECK_MAX_PT * scale
    return speck or word.conf < settings.PUNCT_MIN_CONF


def _doubtful(words: list[Word]) -> bool:
    """Too few words, or words read with low confidence: the page may be turned."""
    if len(words) < settings.OSD_MIN_WORDS:
        return True
    return sum(w.conf for w in words) / len(words) < settings.OSD_MIN_MEAN_CONF


def _read(gray, dpi: float) -> tuple[list[Word], list[rules.Rule], int]:
    """Words and rules of the page, and how many ruled cells were read a second time."""
    scale = dpi / 72.0
    found, mask = rules.find_rules(gray, scale)
    clean = rules.erase(gray, mask)
    words = [w for w in tesseract.read_words(clean, dpi) if not is_noise(w, scale)]
    cells = [tuple(round(v * scale) for v in box) for table in find_tables(rules.to_edges(found, scale))
             for box in table]
    doubtful = regions.doubtful_cells(clean, cells, words, scale)
    replaced = 0
    for region, again in zip(doubtful, regions.reread(clean, doubtful, dpi), strict=True):
        again = [w for w in again if not is_noise(w, scale)]
        if regions.better(region, again):
            drop = {id(w) for w in region.words}
            words = [w for w in words if id(w) not in drop] + again
            replaced += 1
    return glyphs.mend_comparisons(words, clean), found, replaced


def ocr_image(image: PageImage) -> OcrPage:
    """One page image read: deskewed, rules found and erased, one Tesseract pass (a second one only
    when the first reads so little that the page may be turned, after Tesseract's orientation check)."""
    gray, notes = image.pixels, []
    key = cache.page_key(gray, image.dpi, tesseract.version())
    hit = cache.load(key)
    if hit is not None:
        chars = [{**ch, "text": plain_marks(ch["text"])} for ch in hit["chars"]]
        content = PageContent(width=hit["width"], height=hit["height"], chars=chars, edges=hit["edges"], images=1)
        return OcrPage(content=content, notes=hit["notes"] + ["OCR from cache"])
    gray, angle = image_prep.deskew(gray)
    if angle:
        notes.append(f"deskewed {angle:+.2f}°")
    words, found, reread = _read(gray, image.dpi)
    if _doubtful(words):
        degrees = tesseract.orientation(gray, image.dpi)
        if degrees:
            gray = image_prep.turn(gray, degrees)
            gray, angle = image_prep.deskew(gray)
            words, found, reread = _read(gray, image.dpi)
            notes.append(f"turned {degrees}° (orientation detected), OCR'd again")
    if reread:
        notes.append(f"{reread} ruled cell{'s' if reread > 1 else ''} OCR'd again")
    scale = image.scale
    h, w = gray.shape
    content = PageContent(width=w / scale, height=h / scale, chars=words_to_chars(words, scale),
                          edges=rules.to_edges(found, scale), images=1)
    cache.store(key, {"width": content.width, "height": content.height, "chars": content.chars,
                      "edges": content.edges, "notes": notes})
    return OcrPage(content=content, notes=notes)


ROMAN = re.compile(r"^(X{0,3})(IX|IV|V?I{0,3})$")
ROMAN_LOOKALIKE = re.compile(r"^[IlL|1HVX]+$")
ROMAN_MISREAD = str.maketrans({"l": "I", "L": "I", "|": "I", "1": "I", "H": "II"})


def roman_numeral(text: str) -> str:
    """A cell read as "H", "l", "VH", "IH" is the Roman numeral of a group row (II, I, VII, III):
    serif I's set close together read as H, a lone I as l or |. Only a cell holding nothing but
    such letters, with at least one misread among them, and a valid numeral once mended, changes;
    "1" alone stays a row number."""
    token = text.strip()
    if not ROMAN_LOOKALIKE.match(token) or not any(ch in "lL|H" for ch in token):
        return text
    mended = token.translate(ROMAN_MISREAD)
    return mended if ROMAN.match(mended) else text


def _centre_in(ch: dict, bbox: tuple[float, float, float, float]) -> bool:
    x = (ch["x0"] + ch["x1"]) / 2
    y = (ch["top"] + ch["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def mark_ocr(grids: list[Grid], content: PageContent) -> None:
    """Grids of an OCR'd page: method "ocr", each cell's confidence the mean of its letters' word
    confidences (a cell with no letters has nothing to doubt and keeps 1.0), Roman numerals mended."""
    letters = [ch for ch in content.chars if not ch["text"].isspace()]
    for g in grids:
        g.method = METHOD
        for cell in g.cells:
            if cell.bbox is None or not cell.text.strip():
                continue
            cell.text = roman_numeral(cell.text)
            confs = [ch.get("conf", 1.0) for ch in letters if _centre_in(ch, cell.bbox)]
            if confs:
                cell.confidence = round(sum(confs) / len(confs), 3)

"""Page images for OCR: PDF pages rendered one at a time, image files read frame by frame.

Never the whole document in memory: each call gives one grey page image with its
resolution, which fixes the scale back to PDF points (so every threshold in points
means the same on a scan as on a born-digital page). Pixel limits are ours, not
Pillow's warning: a decompression bomb becomes a one-line named failure.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageSequence, UnidentifiedImageError

from kehoach import settings
from kehoach.errors import DamagedInput, UnsupportedInput

# Pillow refuses images above twice this: we check our own limit first, with a clear message
Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS


@dataclass(slots=True)
class PageImage:
    """A grey page (uint8, H x W, 255 = paper) and its pixels per inch."""

    pixels: np.ndarray
    dpi: float

    @property
    def scale(self) -> float:
        """Pixels per PDF point."""
        return self.dpi / 72.0

    @property
    def size_pt(self) -> tuple[float, float]:
        h, w = self.pixels.shape[:2]
        return w / self.scale, h / self.scale


def render_scale(width_pt: float, height_pt: float, dpi: float = settings.OCR_DPI) -> float:
    """Pixels per point for OCR: `dpi`, lowered so an enormous page stays within OCR_MAX_PIXELS."""
    scale = dpi / 72.0
    area = max(1.0, width_pt * height_pt)
    return min(scale, math.sqrt(settings.OCR_MAX_PIXELS / area))


RED_PROBE_STEP = 4  # a seal is centimetres wide: every 4th pixel both ways finds it
RED_FRINGE = 3  # pixels around red ink whose colour JPEG blurred away


def _has_red(bgr: np.ndarray) -> bool:
    b, g, r = cv2.split(np.ascontiguousarray(bgr))
    return bool((cv2.subtract(r, cv2.max(g, b)) > settings.RED_INK_MARGIN).any())


def grey_without_red(bgr: np.ndarray) -> np.ndarray:
    """Grey for OCR with red ink (the seal pressed over a signature) lifted towards paper.

    Where red clearly dominates, the red channel is taken as the grey: a red seal is
    bright there (and taken for paper), while black type under it stays dark (the
    scanner's copy of printed type and seal is their product). Elsewhere the usual luminance.
    """
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    if not _has_red(bgr[::RED_PROBE_STEP, ::RED_PROBE_STEP]):  # most scans are grey: skip the full pass
        return grey
    b, g, r = cv2.split(bgr)
    red = cv2.subtract(r, cv2.max(g, b)) > settings.RED_INK_MARGIN  # saturating: never negative
    if red.any():  # seal ink is paper; darker red is type printed under the seal
        grey[red] = np.where(r[red] >= settings.RED_INK_PAPER, 255, r[red])
        # the seal's fringe, its colour smeared by JPEG, is paper too unless dark as type
        fringe = cv2.dilate(red.astype(np.uint8), np.ones((2 * RED_FRINGE + 1,) * 2, np.uint8)) > 0
        fringe &= ~red & (grey >= settings.RED_INK_PAPER * 0.75)
        grey[fringe] = 255
    return grey


def _grey(arr: np.ndarray) -> np.ndarray:
    if arr.ndim == 3 and arr.shape[2] == 1:
        arr = arr[:, :, 0]
    elif arr.ndim == 3:  # PDFium gives BGR(A)
        arr = grey_without_red(np.ascontiguousarray(arr[:, :, :3]))
    return np.ascontiguousarray(arr, dtype=np.uint8)


def render_pdf_page(page: pdfium.PdfPage, dpi: float = settings.OCR_DPI) -> PageImage:
    """The page as shown (its /Rotate applied), grey, at about `dpi`."""
    width, height = page.get_size()
    scale = render_scale(width, height, dpi)
    bitmap = page.render(scale=scale)  # in colour: a red seal is taken out before OCR
    try:
        pixels = _grey(bitmap.to_numpy().copy())
    finally:
        bitmap.close()
    return PageImage(pixels=pixels, dpi=scale * 72.0)


def _frame_dpi(frame: Image.Image) -> float:
    """The frame's resolution, or the one that makes its long side an A4 page when it states none."""
    dpi = frame.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    if 50 <= value <= 2400:
        return value
    return max(frame.size) / settings.A4_LONG_SIDE_INCHES


def _to_grey(frame: Image.Image) -> np.ndarray:
    """Any mode (1-bit, palette, CMYK, 16-bit, with alpha) to 8-bit grey, alpha over white paper."""
    if frame.mode in ("I;16", "I;16B", "I;16L", "I"):
        arr = np.asarray(frame, dtype=np.float64)
        top = arr.max() or 1.0
        return np.ascontiguousarray(arr * (255.0 / top), dtype=np.uint8)
    if frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P" and "transparency" in frame.info):
        rgba = frame.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        frame = Image.alpha_composite(paper, rgba)
    if frame.mode in ("RGB", "RGBA", "CMYK", "YCbCr", "P", "LAB", "HSV"):
        rgb = np.asarray(frame.convert("RGB"), dtype=np.uint8)
        return grey_without_red(np.ascontiguousarray(rgb[:, :, ::-1]))
    return np.ascontiguousarray(np.asarray(frame.convert("L"), dtype=np.uint8))


def _resample(pixels: np.ndarray, dpi: float, target: float = settings.OCR_DPI) -> PageImage:
    """To about `target` dpi: small scans are enlarged (Tesseract misreads small type), huge ones reduced."""
    factor = target / dpi
    h, w = pixels.shape
    factor = min(factor, math.sqrt(settings.OCR_MAX_PIXELS / max(1, w * h)))
    if 0.9 <= factor <= 1.1:
        return PageImage(pixels=pixels, dpi=dpi)
    size = (max(1, round(w * factor)), max(1, round(h * factor)))
    interp = cv2.INTER_CUBIC if factor > 1 else cv2.INTER_AREA
    return PageImage(pixels=cv2.resize(pixels, size, interpolation=interp), dpi=dpi * factor)


@dataclass(slots=True)
class BadFrame:
    """A frame after the first that cannot be decoded: its page is named as unread, the others are kept."""

    reason: str


def _bomb_reason(e: Exception) -> str:
    """Pillow's refusal in our words: its message counts pixels against twice our limit."""
    found = re.search(r"\((\d+) pixels\)", str(e))
    size = f"{int(found.group(1)):,} pixels" if found else "too many pixels"
    return f"image too large: {size} over the limit of {settings.MAX_IMAGE_PIXELS:,} pixels (a decompression bomb?)"


def image_pages(path: Path) -> Iterator[PageImage | BadFrame]:
    """Each frame of an image file (a multi-page TIFF is one document), one at a time.

    A scanner or a copy cut short leaves later frames damaged while the first pages are whole:
    those frames come out as `BadFrame` so the document keeps what can be read. A damaged
    first frame, or a frame above the pixel limit, fails the file (nothing is read yet).
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(path)
    except Image.DecompressionBombError as e:
        raise UnsupportedInput(_bomb_reason(e)) from e
    except UnidentifiedImageError as e:
        raise DamagedInput("not a readable image (unknown or corrupt format)") from e
    with img:
        frames = ImageSequence.Iterator(img)
        index = 0
        while True:
            try:
                frame = next(frames)
            except StopIteration:
                return
            except (OSError, ValueError, EOFError) as e:  # the frame directory itself is damaged
                if index == 0:
                    raise DamagedInput(f"image data cannot be decoded ({e})") from e
                yield BadFrame(f"image frame {index + 1} cannot be read ({e})")
                return  # the chain of frames is broken: nothing after it can be found
            index += 1
            w, h = frame.size
            if w * h > settings.MAX_IMAGE_PIXELS:
                raise UnsupportedInput(f"image of {w}x{h} pixels exceeds the limit of "
                                       f"{settings.MAX_IMAGE_PIXELS:,} pixels (a decompression bomb?)")
            if w < 16 or h < 16:
                raise UnsupportedInput(f"image of {w}x{h} pixels is too small to hold a page")
            dpi = _frame_dpi(frame)
            try:
                pixels = _to_grey(frame)
            except (OSError, ValueError) as e:
                if index == 1:
                    raise DamagedInput(f"image data cannot be decoded ({e})") from e
                yield BadFrame(f"image data of frame {index} cannot be decoded ({e})")
                continue
            yield _resample(pixels, dpi)

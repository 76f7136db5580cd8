"""Clean a page image for OCR: deskew, orientation, light denoising. One function per operation.

The skew is estimated from the page itself (OCRmyPDF's and Leptonica's idea of a
projection profile): text lines and table rules project onto sharp peaks when the
page is level, so the angle whose horizontal projection is sharpest is the tilt.
The search runs on a reduced copy of the ink, so it costs a few milliseconds.
"""

from __future__ import annotations

import cv2
import numpy as np

from kehoach import settings

SKEW_WORK_WIDTH = 1000  # pixels: the ink is measured on a page reduced to about this width
COARSE_STEP, FINE_STEP = 0.25, 0.02  # degrees


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Ink as 255 on 0: Otsu's threshold on the grey page (scans are mostly paper)."""
    _, mask = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return mask


def _sharpness(ys: np.ndarray, xs: np.ndarray, angle: float, n_bins: int) -> float:
    """How peaked the row histogram of the ink is once the page is turned by `angle` degrees."""
    t = np.deg2rad(angle)
    proj = ys * np.cos(t) - xs * np.sin(t)
    hist = np.bincount(np.clip(proj.astype(np.int64), 0, n_bins - 1), minlength=n_bins).astype(np.float64)
    step = np.diff(hist)  # Leptonica's differential square sum: sharp line edges, not tall plateaus
    return float(np.dot(step, step))


def estimate_skew(gray: np.ndarray, max_angle: float = settings.DESKEW_MAX_ANGLE) -> float:
    """The page's tilt in degrees, in `rotate`'s sense: `rotate(page, -tilt)` levels it."""
    h, w = gray.shape
    f = min(1.0, SKEW_WORK_WIDTH / max(1, w))
    small = cv2.resize(gray, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA) \
        if f < 1 else gray
    ys, xs = np.nonzero(ink_mask(small))
    if len(ys) < 200:
        return 0.0
    ys = ys.astype(np.float64)
    xs = xs.astype(np.float64) - small.shape[1] / 2
    ys += small.shape[1]  # keep projections positive for any angle searched
    n_bins = int(small.shape[0] + 2 * small.shape[1]) + 2

    def best(angles: np.ndarray) -> float:
        return float(max(angles, key=lambda a: _sharpness(ys, xs, a, n_bins)))

    coarse = best(np.arange(-max_angle, max_angle + 1e-9, COARSE_STEP))
    k = round(COARSE_STEP / FINE_STEP)
    return round(best(coarse + FINE_STEP * np.arange(-k, k + 1)), 3)  # the coarse angle itself is a candidate


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    """Turn the page by `angle` degrees about its centre (same size, new corners white)."""
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=255)


def deskew(gray: np.ndarray) -> tuple[np.ndarray, float]:
    """The page levelled, and the angle removed (0.0 when it was level)."""
    angle = estimate_skew(gray)
    if abs(angle) < settings.DESKEW_MIN_ANGLE:
        return gray, 0.0
    return rotate(gray, -angle), -angle


def turn(gray: np.ndarray, degrees: int) -> np.ndarray:
    """Turn clockwise by a multiple of 90 degrees (Tesseract OSD's `rotate`)."""
    k = (degrees // 90) % 4
    return np.ascontiguousarray(np.rot90(gray, -k)) if k else gray


def denoise(gray: np.ndarray) -> np.ndarray:
    """Remove speckle (scanner noise, JPEG ringing) that Tesseract reads as dots and commas.

    A 3x3 median keeps strokes and accents of body type at 300 dpi (2 px wide or more)
    while isolated noise pixels disappear.
    """
    return cv2.medianBlur(gray, 3)

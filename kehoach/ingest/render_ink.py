"""A cheap grayscale render of a page, to compare its ink with where its text is.

At 50 dpi an A4 page is about 413 x 585 pixels: enough to see blocks of text
and tables, a few milliseconds to render. Form widgets are not drawn: a signature
widget's stamp is not the page's content.
"""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium

INK_DPI = 50


def page_ink(page: pdfium.PdfPage, dpi: int = INK_DPI) -> np.ndarray:
    """The page as shown (its /Rotate applied), grayscale uint8, 0 = black, at `dpi`."""
    bitmap = page.render(scale=dpi / 72.0, grayscale=True, may_draw_forms=False)
    try:
        return np.array(bitmap.to_numpy(), dtype=np.uint8, copy=True).reshape(bitmap.height, bitmap.width, -1)[..., 0]
    finally:
        bitmap.close()

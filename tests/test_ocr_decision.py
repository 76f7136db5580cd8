"""Which pages need the ink image: draws_images on the raw page objects."""

from __future__ import annotations

import io

import numpy as np
import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from kehoach.parsers.ocr_decision import draws_images


def _pdf(draw) -> pdfium.PdfDocument:
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    draw(c)
    c.showPage()
    c.save()
    return pdfium.PdfDocument(buf.getvalue())


def _image() -> ImageReader:
    return ImageReader(Image.fromarray(np.full((20, 30), 128, np.uint8)))


def test_a_page_of_text_draws_no_image():
    pdf = _pdf(lambda c: [c.drawString(72, 700 - 14 * i, f"Dòng chữ số {i}") for i in range(40)])
    assert not draws_images(pdf[0])


def test_an_image_on_the_page_is_found():
    pdf = _pdf(lambda c: (c.drawString(72, 700, "Kế hoạch"), c.drawImage(_image(), 72, 400, 120, 80)))
    assert draws_images(pdf[0])


def test_an_image_inside_a_form_xobject_is_found_within_depth():
    def draw(c):
        c.beginForm("logo")
        c.drawImage(_image(), 0, 0, 60, 40)
        c.endForm()
        c.doForm("logo")

    pdf = _pdf(draw)
    assert draws_images(pdf[0])
    assert not draws_images(pdf[0], depth=1)

"""Generate a corpus of awkward inputs for the PDF and OCR front-ends (issue 12).

    python scripts/make_awkward.py --out DIR

Every file is small on disk (a few KiB to a few hundred KiB) but each is hard in its own
way: image codecs PDFium and Pillow handle differently (JBIG2, CCITT G4, CMYK, palette,
16-bit), pixel counts far above a page's (2400 dpi, a 200-inch page), text layers that
cannot be read (a Type 3 font and a TrueType subset without ToUnicode), damaged
containers (truncated, zero pages, encrypted, a broken xref, a TIFF frame cut short) and
scans turned 90 and 180 degrees or skewed 3 degrees. The PDFs are written by hand here
(a dozen lines of PDF syntax each) so that no extra library is needed and each stream
holds exactly the encoding named, never re-encoded by a writer.

`EXPECTED` maps each file to what the pipeline may do with it: "read" (status ok or
no_tables) or "named" (a failed document whose one-line reason names the problem); the
test checks every file against it.
"""

from __future__ import annotations

import argparse
import io
import math
import struct
import zlib
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "scripts" / "fonts" / "DejaVuSans.ttf"
SCAN_SOURCE = ROOT / "samples" / "pdf" / "sample_01.pdf"  # its last page: a short budget appendix (landscape)
SCAN_PAGE = 6
SCAN_DPI = 150  # low enough to keep the files and the OCR work small, high enough to read

# "read": a document comes out (ok / no_tables); "named": a failed document with a reason;
# "either": a file whose pixels are legal but extreme, read or refused by a named limit.
EXPECTED: dict[str, str] = {
    "jbig2_mmr.pdf": "read",
    "ccitt_g4.pdf": "read",
    "ccitt_g4.tif": "read",
    "cmyk.jpg": "read",
    "cmyk_jpeg.pdf": "read",
    "palette.png": "read",
    "palette.gif": "read",
    "palette_indexed.pdf": "read",
    "gray16.png": "read",
    "animated.gif": "read",
    "multipage_bad_frame.tif": "either",
    "dpi2400_page.pdf": "read",
    "dpi2400_wide_image.pdf": "either",
    "dpi2400.tif": "either",
    "enormous_page.pdf": "read",
    "type3_no_tounicode.pdf": "read",
    "truetype_no_tounicode.pdf": "read",
    "truncated.pdf": "named",
    "garbage.pdf": "named",
    "header_only.pdf": "named",
    "zero_pages.pdf": "named",
    "encrypted.pdf": "named",
    "broken_xref.pdf": "read",
    "scan_rot90.png": "read",
    "scan_rot180.png": "read",
    "scan_skew3.png": "read",
}
SCANS = ("scan_rot90.png", "scan_rot180.png", "scan_skew3.png")


# --- a minimal PDF writer -----------------------------------------------------------------------

def stream(dict_body: str, data: bytes) -> bytes:
    return f"<< {dict_body} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def build_pdf(objects: list[bytes], xref_ok: bool = True) -> bytes:
    """Objects numbered from 1, object 1 the catalog; a correct xref unless told otherwise."""
    out = io.BytesIO()
    out.write(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{(off + 7) if not xref_ok else off:010d} 00000 n \n".encode())  # off by 7: broken
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def image_page_pdf(image_dict: str, data: bytes, page_w: float, page_h: float,
                   draw: tuple[float, float, float, float] | None = None) -> bytes:
    """One page showing one image XObject (filling `draw` = x, y, w, h, or the whole page)."""
    x, y, w, h = draw or (0, 0, page_w, page_h)
    content = f"q {w:.2f} 0 0 {h:.2f} {x:.2f} {y:.2f} cm /Im0 Do Q".encode()
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page_w:.2f} {page_h:.2f}] "
        "/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>".encode(),
        stream("", content),
        stream(f"/Type /XObject /Subtype /Image {image_dict}", data),
    ])


# --- page content ---------------------------------------------------------------------------------

def text_page(size: tuple[int, int], lines: list[str], mode: str = "L") -> Image.Image:
    """A white page with a few lines of large type (little for OCR to do)."""
    img = Image.new("L", size, 255)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT), max(12, size[0] // 28))
    for i, line in enumerate(lines):
        d.text((size[0] // 12, size[1] // 12 + i * size[0] // 18), line, fill=0, font=font)
    return img.convert(mode) if mode != "L" else img


LINES = ["KẾ HOẠCH", "Thực hiện chuyển đổi số", "năm 2026"]


def g4_strip(img: Image.Image) -> bytes:
    """CCITT G4 (T.6) data of a 1-bit image, as Pillow/libtiff encode it, in one strip."""
    buf = io.BytesIO()
    img.convert("1").save(buf, format="TIFF", compression="group4", tiffinfo={278: img.height})
    limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None  # our own bombs: only their tags are read
    try:
        tif = Image.open(io.BytesIO(buf.getvalue()))
    finally:
        Image.MAX_IMAGE_PIXELS = limit
    offsets, counts = tif.tag_v2[273], tif.tag_v2[279]
    raw = buf.getvalue()
    return b"".join(raw[o:o + c] for o, c in zip(offsets, counts, strict=True))


def jbig2_mmr(img: Image.Image) -> bytes:
    """An embedded JBIG2 stream (PDF's JBIG2Decode): a page information segment and one immediate
    generic region coded with MMR, whose data is exactly CCITT G4. Writing it by hand avoids
    jbig2enc (not packaged for Debian) while still sending PDFium's JBIG2 decoder real work."""
    w, h = img.size
    # JBIG2 codes 1 = black; G4 as Pillow writes it for mode "1" codes 0 = black: invert first
    inverted = Image.eval(img.convert("L"), lambda v: 255 - v).convert("1")
    data = g4_strip(inverted)

    def segment(number: int, kind: int, body: bytes) -> bytes:
        return struct.pack(">IBBBI", number, kind, 0, 1, len(body)) + body

    page_info = struct.pack(">IIIIBH", w, h, 0, 0, 0, 0)
    region = struct.pack(">IIIIB", w, h, 0, 0, 0) + bytes([1]) + data  # generic region flags: MMR = 1
    return segment(0, 48, page_info) + segment(1, 38, region)


def bilevel_page(dpi: int, inches: tuple[float, float] = (4.0, 3.0)) -> Image.Image:
    return text_page((int(inches[0] * dpi), int(inches[1] * dpi)), LINES).point(lambda v: 255 if v > 128 else 0)


# --- the makers -------------------------------------------------------------------------------------

def make_codecs(out: Path) -> None:
    page = bilevel_page(200)
    w, h = page.size
    pt = (w * 72 / 200, h * 72 / 200)
    (out / "jbig2_mmr.pdf").write_bytes(image_page_pdf(
        f"/Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode",
        jbig2_mmr(page), *pt))
    (out / "ccitt_g4.pdf").write_bytes(image_page_pdf(
        f"/Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode "
        f"/DecodeParms << /K -1 /Columns {w} /Rows {h} /BlackIs1 true >>", g4_strip(page), *pt))
    page.convert("1").save(out / "ccitt_g4.tif", compression="group4", dpi=(200, 200))

    colour = text_page((800, 600), LINES).convert("RGB")
    ImageDraw.Draw(colour).ellipse((560, 380, 760, 580), outline=(200, 20, 20), width=8)  # a red seal
    cmyk = colour.convert("CMYK")
    cmyk.save(out / "cmyk.jpg", quality=70, dpi=(100, 100))
    buf = io.BytesIO()
    cmyk.save(buf, format="JPEG", quality=70)
    (out / "cmyk_jpeg.pdf").write_bytes(image_page_pdf(
        "/Width 800 /Height 600 /ColorSpace /DeviceCMYK /BitsPerComponent 8 /Filter /DCTDecode "
        "/Decode [1 0 1 0 1 0 1 0]", buf.getvalue(), 576, 432))  # Adobe's CMYK JPEGs are stored inverted

    pal = colour.quantize(colors=16)
    pal.save(out / "palette.png", dpi=(100, 100))
    pal.save(out / "palette.gif")
    palette = bytes(pal.getpalette()[:48])
    (out / "palette_indexed.pdf").write_bytes(image_page_pdf(
        f"/Width 800 /Height 600 /ColorSpace [/Indexed /DeviceRGB 15 <{palette.hex()}>] "
        "/BitsPerComponent 8 /Filter /FlateDecode", zlib.compress(pal.tobytes()), 576, 432))

    grey16 = np.asarray(text_page((800, 600), LINES), dtype=np.uint16) * 257
    Image.fromarray(grey16).save(out / "gray16.png")  # mode I;16

    frames = [text_page((600, 400), LINES[:i + 1]).convert("P") for i in range(3)]
    frames[0].save(out / "animated.gif", save_all=True, append_images=frames[1:], duration=200, loop=0)

    # a multi-page TIFF whose second frame is cut short: the first frame must still be read or named
    buf = io.BytesIO()
    good = [text_page((600, 400), LINES) for _ in range(2)]
    good[0].save(buf, format="TIFF", save_all=True, append_images=good[1:], compression="tiff_lzw")
    raw = bytearray(buf.getvalue())
    second = Image.open(io.BytesIO(bytes(raw)))
    second.seek(1)
    off, count = second.tag_v2[273][0], second.tag_v2[279][0]
    raw[off:off + count] = b"\xff" * count  # garbage where LZW data should be
    (out / "multipage_bad_frame.tif").write_bytes(bytes(raw))


def make_extremes(out: Path) -> None:
    # a page declared at 2400 dpi: a 2 x 1.5 inch label whose 1-bit image is 4800 x 3600 pixels
    page = bilevel_page(2400, (2.0, 1.5))
    w, h = page.size
    (out / "dpi2400_page.pdf").write_bytes(image_page_pdf(
        f"/Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode "
        f"/DecodeParms << /K -1 /Columns {w} /Rows {h} /BlackIs1 true >>", g4_strip(page), 144, 108))
    # an A4 page whose image is 24000 pixels wide (2400 dpi over 10 inches), mostly white
    # (type drawn at 240 dpi and blown up tenfold: a real 2400-dpi image, cheap to make)
    wide = bilevel_page(240, (10.0, 5.0)).convert("1").resize((24000, 12000), Image.NEAREST)
    (out / "dpi2400_wide_image.pdf").write_bytes(image_page_pdf(
        "/Width 24000 /Height 12000 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode "
        "/DecodeParms << /K -1 /Columns 24000 /Rows 12000 /BlackIs1 true >>", g4_strip(wide),
        595, 842, (18, 300, 560, 280)))
    wide.save(out / "dpi2400.tif", compression="group4", dpi=(2400, 2400))
    # an enormous page: 200 x 200 inches (PDF's 14400 pt limit), a few words of text in the corner
    content = b"BT /F1 200 Tf 400 13600 Td (KE HOACH so 12/KH-UBND) Tj ET"
    (out / "enormous_page.pdf").write_bytes(build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream("", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]))


def make_fonts(out: Path) -> None:
    # a Type 3 font whose glyphs are named g1..g4 with no ToUnicode: the text cannot be mapped to letters
    procs = {f"g{i}": f"{500 + 50 * i} 0 0 0 {400 + 50 * i} 600 d1 0 0 {400 + 50 * i} 600 re f".encode()
             for i in range(1, 5)}
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /T3 5 0 R >> >> /Contents 4 0 R >>",
        stream("", b"BT /T3 24 Tf 72 760 Td (\x01\x02\x03\x04\x01\x02 \x03\x04) Tj ET"),
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 600] /FontMatrix [0.001 0 0 0.001 0 0] "
        b"/CharProcs 6 0 R /Encoding << /Type /Encoding /Differences [1 /g1 /g2 /g3 /g4] >> "
        b"/FirstChar 1 /LastChar 4 /Widths [550 600 650 700] /Resources << >> >>",
        ("<< " + " ".join(f"/{name} {7 + i} 0 R" for i, name in enumerate(procs)) + " >>").encode(),
    ]
    objects += [stream("", body) for body in procs.values()]
    (out / "type3_no_tounicode.pdf").write_bytes(build_pdf(objects))

    # a TrueType subset (as reportlab embeds it) whose ToUnicode is renamed away, same length: xref intact
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuAwk", str(FONT)))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842), pageCompression=0)
    c.setFont("DejaVuAwk", 14)
    for i, line in enumerate(["ỦY BAN NHÂN DÂN XÃ AN BÌNH", "KẾ HOẠCH", "Thực hiện chuyển đổi số năm 2026"]):
        c.drawString(72, 760 - 24 * i, line)
    c.save()
    data = buf.getvalue()
    assert b"/ToUnicode" in data
    (out / "truetype_no_tounicode.pdf").write_bytes(data.replace(b"/ToUnicode", b"/ToUnicodX"))


def make_containers(out: Path) -> None:
    good = (out / "ccitt_g4.pdf").read_bytes()
    (out / "truncated.pdf").write_bytes(good[: len(good) // 2])
    (out / "garbage.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    (out / "header_only.pdf").write_bytes(b"%PDF-1.7\n%%EOF\n")
    (out / "zero_pages.pdf").write_bytes(build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842), encrypt="secret")
    c.drawString(72, 760, "KE HOACH")
    c.save()
    (out / "encrypted.pdf").write_bytes(buf.getvalue())
    content = b"BT /F1 14 Tf 72 760 Td (KE HOACH so 12/KH-UBND) Tj ET"
    (out / "broken_xref.pdf").write_bytes(build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream("", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ], xref_ok=False))


def make_scans(out: Path) -> None:
    """A short appendix page printed and scanned turned 90 and 180 degrees, and skewed 3 degrees."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(SCAN_SOURCE))
    try:
        bitmap = pdf[SCAN_PAGE].render(scale=SCAN_DPI / 72, grayscale=True)
        page = bitmap.to_pil().convert("L")
    finally:
        pdf.close()
    page.rotate(90, expand=True).save(out / "scan_rot90.png", dpi=(SCAN_DPI, SCAN_DPI))
    page.rotate(180, expand=True).save(out / "scan_rot180.png", dpi=(SCAN_DPI, SCAN_DPI))
    skewed = page.rotate(3, expand=True, fillcolor=255, resample=Image.BICUBIC)
    skewed.save(out / "scan_skew3.png", dpi=(SCAN_DPI, SCAN_DPI))


def make_corpus(out: Path, scans: bool = True) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    make_codecs(out)
    make_extremes(out)
    make_fonts(out)
    make_containers(out)
    if scans:
        make_scans(out)
    names = [n for n in EXPECTED if scans or n not in SCANS]
    return [out / n for n in names]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--no-scans", action="store_true", help="leave out the rotated/skewed scans (OCR-heavy)")
    args = ap.parse_args()
    for p in make_corpus(args.out, scans=not args.no_scans):
        print(f"{p.stat().st_size:>9,}  {p.name}")
    print(f"total {sum(p.stat().st_size for p in args.out.iterdir()) / 1024:.0f} KiB", end="")
    print(f" ({math.fsum(1 for _ in args.out.iterdir()):.0f} files)")


if __name__ == "__main__":
    main()

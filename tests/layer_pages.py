"""One-page PDFs, each with a kind of text layer seen in real files, made with reportlab for the layer tests.

Nothing here reads a real document: each page imitates a failure mode by how it
is produced (a font whose ToUnicode map is removed, accents drawn as glyph runs
of their own, an image with or without a text layer over it).
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

from helpers import REPO

FONTS = REPO / "scripts" / "fonts"
PAGE_W, PAGE_H = 595.0, 842.0

BODY = [
    "Thực hiện Kế hoạch số 92/KH-UBND ngày 15/9/2025 của Ủy ban nhân dân tỉnh về chuyển đổi số,",
    "Ủy ban nhân dân xã ban hành kế hoạch triển khai thực hiện như sau: nâng cao nhận thức,",
    "đột phá về đổi mới tư duy, xác định quyết tâm chính trị, tạo xung lực mới phát triển khoa học,",
    "công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn xã trong giai đoạn tới năm 2030.",
    "Các cơ quan, đơn vị thuộc thẩm quyền quản lý chủ động phối hợp thực hiện các nhiệm vụ được giao;",
    "định kỳ báo cáo kết quả thực hiện về Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã.",
]
STAMP = ["Người ký: Nguyễn Văn An", "Cơ quan: Ủy ban nhân dân xã Thanh Sơn", "Thời gian ký: 12.01.2026 09:15:00 +07:00"]


def _canvas(buf: io.BytesIO):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "LayerSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("LayerSans", str(FONTS / "DejaVuSans.ttf")))
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H))
    c.setFont("LayerSans", 11)
    return c


def _text_image(lines: list[str], width: int, height: int, size: int = 22):
    """A grayscale picture of typed lines, like a scanned block of text."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), size)
    for k, line in enumerate(lines):
        draw.text((20, 20 + k * int(size * 1.6)), line, fill=0, font=font)
    return img


def good(path: Path) -> Path:
    buf = io.BytesIO()
    c = _canvas(buf)
    for k, line in enumerate(BODY * 3):
        c.drawString(50, PAGE_H - 80 - 16 * k, line)
    c.save()
    path.write_bytes(buf.getvalue())
    return path


def no_unicode_map(path: Path) -> Path:
    """The good page with every font's /ToUnicode entry blanked out (same length, so the xref stays valid)."""
    good(path)
    data = path.read_bytes()
    data = re.sub(rb"/ToUnicode\s+\d+\s+\d+\s+R", lambda m: b" " * len(m.group(0)), data)
    path.write_bytes(data)
    return path


def _pieces(word: str) -> list[str]:
    """A word cut around each run of marked vowels: "thuộc" -> ["thu", "ộ", "c"], "được" -> ["đ", "ượ", "c"]."""
    out: list[str] = []
    cur, cur_marked = "", False
    for ch in word:
        marked = len(unicodedata.normalize("NFD", ch)) > 1 and ch.lower() != "đ"
        if cur and marked != cur_marked:
            out.append(cur)
            cur = ""
        cur += ch
        cur_marked = marked
    if cur:
        out.append(cur)
    return out


def split_accents(path: Path) -> Path:
    """Accented vowels drawn as runs of their own from a wider fallback font, words ended by real spaces.

    A producer whose font lacks the precomposed vowels draws each from a
    fallback font centred in that font's wider advance: on the page the word
    still reads, but a gap of about a quarter em opens on each side of the
    vowel, and the layer reads "Thu ộ c th ẩ m quy ề n".
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    buf = io.BytesIO()
    c = _canvas(buf)
    size = 11
    bearing = 0.25 * size  # the fallback glyph's extra side bearing, each side
    for k, line in enumerate(BODY * 2):
        x, y = 50.0, PAGE_H - 80 - 16 * k
        for word in line.split(" "):
            for run in _pieces(word):
                lone = len(unicodedata.normalize("NFD", run[0])) > 1 and run[0].lower() != "đ"
                x += bearing if lone else 0.0
                c.drawString(x, y, run)
                x += stringWidth(run, "LayerSans", size) + (bearing if lone else 0.0)
            c.drawString(x, y, " ")
            x += stringWidth(" ", "LayerSans", size)
    c.save()
    path.write_bytes(buf.getvalue())
    return path


def image_only(path: Path) -> Path:
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = _canvas(buf)
    img = _text_image(BODY * 3, 1240, 1754)
    c.drawImage(ImageReader(img), 0, 0, PAGE_W, PAGE_H)
    c.save()
    path.write_bytes(buf.getvalue())
    return path


def stamp_over_image(path: Path) -> Path:
    """A scanned page with an e-signature tool's stamp text as its only text layer."""
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = _canvas(buf)
    c.drawImage(ImageReader(_text_image(BODY * 3, 1240, 1754)), 0, 0, PAGE_W, PAGE_H)
    c.setFont("LayerSans", 7)
    for k, line in enumerate(STAMP):
        c.drawString(360, 120 - 9 * k, line)
    c.save()
    path.write_bytes(buf.getvalue())
    return path


def scan_with_caption(path: Path) -> Path:
    """A scanned page whose only text is a scanner app's caption: no stamp label, too little to judge."""
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = _canvas(buf)
    c.drawImage(ImageReader(_text_image(BODY * 3, 1240, 1754)), 0, 0, PAGE_W, PAGE_H)
    c.setFont("LayerSans", 7)
    c.drawString(480, 20, "Scanned with CamScanner")
    c.save()
    path.write_bytes(buf.getvalue())
    return path


def strip_marks(text: str, keep: str = "éòÉÒ") -> str:
    """What an OCR without Vietnamese writes: letters without their marks, but for a few it knows."""
    out = []
    for ch in text:
        if ch in keep:
            out.append(ch)
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append("d" if ch == "đ" else "D" if ch == "Đ" else base)
    return "".join(out)


def english_ocr(path: Path) -> Path:
    """A page image with an invisible layer of Vietnamese stripped of its marks (but é, ò)."""
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = _canvas(buf)
    c.drawImage(ImageReader(_text_image(BODY * 3, 1240, 1754)), 0, 0, PAGE_W, PAGE_H)
    t = c.beginText()
    t.setTextRenderMode(3)  # invisible, as OCR layers are
    t.setFont("LayerSans", 11)
    for k, line in enumerate(BODY * 3):
        t.setTextOrigin(50, PAGE_H - 80 - 16 * k)
        t.textOut(strip_marks(line).replace("ê", "é").replace("ô", "ò"))
    c.drawText(t)
    c.save()
    path.write_bytes(buf.getvalue())
    return path


# a legacy-font decoding: Vietnamese letters read as the code points the font's glyph slots happen to have
_LEGACY = str.maketrans({
    "ộ": "ӝ", "ư": "ѭ", "ơ": "ѫ", "ạ": "ҥ", "ả": "ҧ", "ế": "Ӄ", "ề": "Ӆ", "ệ": "ӊ", "ố": "Ӕ", "ồ": "Ӗ",
    "ủ": "ӫ", "ị": "ӏ", "ờ": "ӡ", "ớ": "ӟ", "ậ": "ұ", "ấ": "ҩ", "ầ": "ҫ", "ợ": "ӧ", "ự": "ӵ", "ứ": "ӭ",
    "đ": "ÿ", "Đ": "Ĉ", "à": "‡", "á": "·", "í": "Ë", "ó": "Û", "ú": "˙", "ê": "Í", "ô": "Ù",
    "S": "6", "C": "&", "T": "7", "H": "+", "N": "1", "G": "*", "I": ",",
})


def legacy_font(path: Path) -> Path:
    """The good page as a layer decoded through a legacy Vietnamese font's wrong map ("6Ӣ C‘NG 7+ѬѪ1*")."""
    buf = io.BytesIO()
    c = _canvas(buf)
    for k, line in enumerate(BODY * 3):
        c.drawString(50, PAGE_H - 80 - 16 * k, line.translate(_LEGACY))
    c.save()
    path.write_bytes(buf.getvalue())
    return path


def scanned_appendix(path: Path) -> Path:
    """A born-digital page with a scanned block of text pasted into its lower half."""
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = _canvas(buf)
    for k, line in enumerate(BODY * 2):
        c.drawString(50, PAGE_H - 80 - 16 * k, line)
    c.drawImage(ImageReader(_text_image(BODY, 1000, 400)), 60, 150, 480, 192)  # points: x 60-540, top 500-692
    c.save()
    path.write_bytes(buf.getvalue())
    return path


def with_photo(path: Path) -> Path:
    """A born-digital page with a photograph (dark, dense ink): not text, nothing to OCR."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = _canvas(buf)
    for k, line in enumerate(BODY * 2):
        c.drawString(50, PAGE_H - 80 - 16 * k, line)
    photo = Image.linear_gradient("L").resize((400, 300))  # black at the top to white at the bottom
    c.drawImage(ImageReader(photo), 100, 150, 400, 300)
    c.save()
    path.write_bytes(buf.getvalue())
    return path


def turned(path: Path) -> Path:
    """A good layer drawn turned a quarter (a landscape table set on a portrait page without /Rotate)."""
    buf = io.BytesIO()
    c = _canvas(buf)
    c.translate(300, 100)
    c.rotate(90)
    for k, line in enumerate(BODY * 2):
        c.drawString(0, -16 * k, line)
    c.save()
    path.write_bytes(buf.getvalue())
    return path


MAKERS = {
    "good": good, "no_unicode_map": no_unicode_map, "split_accents": split_accents, "image_only": image_only,
    "stamp_over_image": stamp_over_image, "english_ocr": english_ocr, "legacy_font": legacy_font,
    "scanned_appendix": scanned_appendix, "turned": turned,
    "with_photo": with_photo, "scan_with_caption": scan_with_caption,
}

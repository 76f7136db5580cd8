#!/usr/bin/env python3
"""Scanned versions of sample plans, sharing their answer keys.

Each page of a born-digital PDF is rendered as a scanner would see the printed
sheet: rasterised at --dpi, tilted by up to --tilt degrees, blurred, speckled with
noise, a red stamp pressed over the signer's title, and stored as JPEG in an
image-only PDF (no text layer). The answer key is copied with the new file name.
`--english-layer` also writes a copy with an English-OCR text layer
(`ocrmypdf -l eng`) when ocrmypdf is installed: the "Ké hoach" case.
Output is deterministic for a given seed.

usage: python scripts/make_scans.py SRC.pdf... --out DIR [--keys samples/keys] [--seed 7]
       [--dpi 200] [--quality 55] [--tilt 1.5] [--english-layer]
"""
from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter

SIGNATURE_MARKS = ("CHỦ TỊCH", "TM. ỦY BAN", "TM. UỶ BAN")


def signature_point(page: pdfium.PdfPage, scale: float) -> tuple[float, float] | None:
    """Pixel centre of the signer's title on the page, if printed there."""
    textpage = page.get_textpage()
    try:
        for mark in SIGNATURE_MARKS:
            search = textpage.search(mark)
            hit = search.get_next()
            search.close()
            if hit:
                left, bottom, right, top = textpage.get_charbox(hit[0])
                height = page.get_height()
                return (left + 40) * scale, (height - (bottom + top) / 2 + 20) * scale
    finally:
        textpage.close()
    return None


def stamp(img: Image.Image, centre: tuple[float, float], radius: float) -> Image.Image:
    """A red round seal multiplied over the page (ink under it stays visible, as on paper)."""
    img = img.convert("RGB")
    layer = Image.new("RGB", img.size, (255, 255, 255))
    draw = ImageDraw.Draw(layer)
    x, y = centre
    red = (205, 40, 45)
    for r, w in ((radius, 6), (radius * 0.78, 3)):
        draw.ellipse((x - r, y - r, x + r, y + r), outline=red, width=w)
    draw.regular_polygon((x, y, radius * 0.3), 5, fill=red)
    arr = np.asarray(img, dtype=np.float32) * np.asarray(layer, dtype=np.float32) / 255.0
    return Image.fromarray(arr.astype(np.uint8))


def scan_page(page: pdfium.PdfPage, dpi: int, rng: random.Random, tilt: float) -> Image.Image:
    scale = dpi / 72
    img = page.render(scale=scale).to_pil().convert("L")
    point = signature_point(page, scale)
    img = img.rotate(rng.uniform(-tilt, tilt), resample=Image.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(radius=0.6))
    arr = np.asarray(img, dtype=np.float32)
    nprng = np.random.default_rng(rng.randrange(1 << 30))
    arr = arr * 0.92 + 14 + nprng.normal(0, 3, arr.shape)  # grey paper, sensor noise
    speckle = nprng.random(arr.shape) < 0.0004
    arr[speckle] = 40
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if point is not None:
        img = stamp(img, point, radius=0.55 * dpi)
    return img


def jpeg(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf)


def scan_pdf(src: Path, dst: Path, dpi: int, quality: int, tilt: float, seed: int) -> None:
    rng = random.Random(f"{seed}:{src.name}")
    pdf = pdfium.PdfDocument(str(src))
    try:
        pages = [jpeg(scan_page(pdf[i], dpi, rng, tilt), quality) for i in range(len(pdf))]
    finally:
        pdf.close()
    pages[0].save(dst, "PDF", resolution=dpi, save_all=True, append_images=pages[1:], quality=quality)


def copy_key(keys: Path, src: Path, dst: Path, out: Path) -> None:
    """The source's answer key under the scan's name, in OUT/keys."""
    key = keys / f"{src.stem}.json"
    if key.exists():
        data = json.loads(key.read_text(encoding="utf-8"))
        data["source"] = dst.name
        (out / "keys").mkdir(exist_ok=True)
        (out / "keys" / f"{dst.stem}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1),
                                                              encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sources", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--keys", type=Path, default=Path("samples/keys"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--quality", type=int, default=40)
    ap.add_argument("--tilt", type=float, default=1.5)
    ap.add_argument("--english-layer", action="store_true")
    args = ap.parse_args()
    (args.out / "pdf").mkdir(parents=True, exist_ok=True)
    for src in args.sources:
        dst = args.out / "pdf" / f"{src.stem}_scan.pdf"
        scan_pdf(src, dst, args.dpi, args.quality, args.tilt, args.seed)
        copy_key(args.keys, src, dst, args.out)
        print(f"{dst} ({dst.stat().st_size // 1024} KiB)")
        if args.english_layer and shutil.which("ocrmypdf"):
            eng = args.out / "pdf" / f"{src.stem}_engocr.pdf"
            subprocess.run(["ocrmypdf", "-q", "-l", "eng", "--output-type", "pdf", str(dst), str(eng)], check=True)
            copy_key(args.keys, src, eng, args.out)
            print(f"{eng} ({eng.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()

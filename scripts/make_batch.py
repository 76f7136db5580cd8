"""A batch of N plan files for batch tests and `make bench`: variants of the samples plus broken files.

Good files are byte variants of the born-digital samples (a PDF comment appended after
%%EOF, which readers ignore): cheap to make, each with its own sha256, read like the
original. About `--broken` of them (5% by default) are broken the ways real folders are:
a text file named .pdf, a truncated PDF, an encrypted PDF, a zero-byte file and a PNG
whose header claims a decompression bomb (30000 x 30000 pixels in a few KiB).
`--scanned DIR` mixes in scanned PDFs from DIR the same way (the hook for OCR batches).

usage: python scripts/make_batch.py --out DIR --count 400 [--broken 0.05] [--sources samples/pdf]
"""

from __future__ import annotations

import argparse
import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BROKEN_KINDS = ("not_pdf", "truncated", "encrypted", "empty", "bomb_png")


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bomb_png(side: int = 30000) -> bytes:
    """A PNG declaring side x side grey pixels whose first rows of zeros compress to almost nothing."""
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (side + 1) * 64, 9)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", rows) + _png_chunk(b"IEND", b"")


def encrypted_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt="secret")
    c.drawString(72, 800, "Ke hoach (encrypted)")
    c.showPage()
    c.save()


def write_broken(path_stem: Path, kind: str, good: bytes) -> Path:
    if kind == "not_pdf":
        p = path_stem.with_suffix(".pdf")
        # binary junk named .pdf (a text file named .pdf is a text extraction, read by content)
        p.write_bytes(bytes(range(256)) * 16)
    elif kind == "truncated":
        p = path_stem.with_suffix(".pdf")
        p.write_bytes(good[: len(good) // 2])
    elif kind == "encrypted":
        p = path_stem.with_suffix(".pdf")
        encrypted_pdf(p)
    elif kind == "empty":
        p = path_stem.with_suffix(".pdf")
        p.write_bytes(b"")
    else:
        p = path_stem.with_suffix(".png")
        p.write_bytes(bomb_png())
    return p


def make_batch(out: Path, count: int, broken: float = 0.05, sources: list[Path] | None = None) -> dict[str, list[Path]]:
    """Write `count` files to `out`; returns {"good": [...], "broken": [...]} (paths in the order written)."""
    sources = sources or sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
    if not sources:
        raise SystemExit("no source PDFs to vary")
    datas = [s.read_bytes() for s in sources]
    out.mkdir(parents=True, exist_ok=True)
    n_broken = round(count * broken)
    every = count // n_broken if n_broken else 0
    made: dict[str, list[Path]] = {"good": [], "broken": []}
    b = 0
    for i in range(count):
        stem = out / f"plan_{i:04d}"
        if every and i % every == every - 1 and b < n_broken:
            made["broken"].append(write_broken(stem.with_name(f"{stem.name}_{BROKEN_KINDS[b % 5]}"),
                                               BROKEN_KINDS[b % 5], datas[i % len(datas)]))
            b += 1
            continue
        p = stem.with_suffix(".pdf")
        p.write_bytes(datas[i % len(datas)] + f"\n%kehoach batch variant {i}\n".encode())
        made["good"].append(p)
    return made


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--count", type=int, default=400)
    ap.add_argument("--broken", type=float, default=0.05)
    ap.add_argument("--sources", type=Path, default=ROOT / "samples" / "pdf",
                    help="folder of PDFs to vary (born-digital samples; a folder of scans for OCR batches)")
    args = ap.parse_args()
    made = make_batch(args.out, args.count, args.broken, sorted(args.sources.glob("*.pdf")))
    print(f"{len(made['good'])} good and {len(made['broken'])} broken files in {args.out}")


if __name__ == "__main__":
    main()

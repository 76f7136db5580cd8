"""Walk the user's paths and say what each file really is, by content, not extension."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class FileKind(str, Enum):
    PDF = "pdf"
    IMAGE = "image"
    TEXT = "text"
    OFFICE = "office"
    EMPTY = "empty"
    UNKNOWN = "unknown"


_MAGIC: list[tuple[bytes, FileKind]] = [
    (b"%PDF-", FileKind.PDF),
    (b"\x89PNG\r\n\x1a\n", FileKind.IMAGE),
    (b"\xff\xd8\xff", FileKind.IMAGE),
    (b"II*\x00", FileKind.IMAGE),
    (b"MM\x00*", FileKind.IMAGE),
    (b"PK\x03\x04", FileKind.OFFICE),  # docx/xlsx are zip containers
    (b"\xd0\xcf\x11\xe0", FileKind.OFFICE),  # legacy .doc/.xls
]
# Files we never treat as inputs when walking a folder (our own outputs, dotfiles).
_SKIP_SUFFIXES = {".json", ".jsonl", ".csv", ".parquet", ".md", ".py"}


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    kind: FileKind
    sha256: str
    size: int


def sniff(head: bytes) -> FileKind:
    """Type from the first bytes; PDFs may carry a little junk before %PDF- (the spec allows 1 KiB)."""
    if not head:
        return FileKind.EMPTY
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if b"%PDF-" in head[:1024]:
        return FileKind.PDF
    try:
        head.decode("utf-8")
        return FileKind.TEXT
    except UnicodeDecodeError:
        # a multi-byte character may be cut at the end of the sample
        try:
            head[:-3].decode("utf-8")
            return FileKind.TEXT
        except UnicodeDecodeError:
            return FileKind.TEXT if _legacy_text(head) else FileKind.UNKNOWN


def _legacy_text(head: bytes) -> bool:
    """UTF-16 with a BOM, or 8-bit text (TCVN3, VNI, VISCII): no NUL, almost no control bytes.

    VISCII puts six rare capitals on control bytes, hence a tolerance, not zero.
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in head if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D))
    return b"\x00" not in head and controls <= len(head) // 100


def describe(path: Path) -> InputFile:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        head = f.read(4096)
        digest.update(head)
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return InputFile(path=path, kind=sniff(head), sha256=digest.hexdigest(), size=path.stat().st_size)


def walk(paths: list[Path]) -> list[Path]:
    """Every file under the given paths, recursively, in a stable order; missing paths raise."""
    found: list[Path] = []
    for root in paths:
        if not root.exists():
            raise FileNotFoundError(f"{root}: no such file or folder")
        if root.is_file():
            found.append(root)
            continue
        for p in sorted(root.rglob("*")):
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts):
                if p.suffix.lower() not in _SKIP_SUFFIXES:
                    found.append(p)
    return found

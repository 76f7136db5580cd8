"""Walk the user's paths and say what each file really is, by content, not extension."""

from __future__ import annotations

import hashlib
import zipfile
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
    (b"GIF8", FileKind.IMAGE),  # GIF87a/GIF89a: palette page images, read frame by frame like a TIFF
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


# What an OFFICE container holds, told by content: a zip's members, an OLE file's stream names.
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_OLE_WORD = "WordDocument".encode("utf-16-le")  # the main stream of a legacy Word .doc
_OLE_EXCEL = "Workbook".encode("utf-16-le")
_OLE_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # a password-protected .docx/.xlsx is an OLE wrapper


def office_format(path: Path) -> str:
    """"docx", "odt", "doc", "xlsx", "xls", "ods", "encrypted", "zip" or "ole": what an OFFICE file really is.

    A .docx is a zip holding word/document.xml, an .odt a zip whose `mimetype`
    member names the text format, a legacy .doc an OLE file with a WordDocument
    stream; the extension is not trusted (a renamed .doc is common).
    """
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
                if "mimetype" in names:
                    mime = z.read("mimetype").strip()
                    if mime == _ODT_MIMETYPE:
                        return "odt"
                    if mime.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
                        return "ods"
        except (zipfile.BadZipFile, OSError, KeyError):
            return "zip"
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        data = path.read_bytes()
        if _OLE_ENCRYPTED in data:
            return "encrypted"
        if _OLE_WORD in data:
            return "doc"
        if _OLE_EXCEL in data:
            return "xls"
        return "ole"
    return "unknown"


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

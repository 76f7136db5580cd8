"""Legacy Word (.doc) and OpenDocument (.odt) files converted to .docx with LibreOffice headless.

One reader (parsers/docx_source.py) reads every Word-like file; older formats
are turned into .docx first, as an analyst would by "Save as". Each run uses a
private LibreOffice profile directory: two soffice processes sharing the
default profile block each other (a batch on a process pool would hang).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kehoach import settings
from kehoach.errors import DamagedInput, UnsupportedInput

CONVERTIBLE = ("doc", "odt")


def soffice() -> str | None:
    """The LibreOffice binary on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


@contextmanager
def converted_to_docx(path: Path, fmt: str) -> Iterator[Path]:
    """A temporary .docx made from `path` (a .doc or .odt); removed when the block ends.

    Raises UnsupportedInput naming the file when LibreOffice is not installed,
    DamagedInput when it cannot convert the file (or takes too long).
    """
    binary = soffice()
    if binary is None:
        raise UnsupportedInput(f"{path.name}: a .{fmt} file needs LibreOffice (soffice) to be read; it is not "
                               "installed (apt-get install libreoffice-writer-nogui), or save the file as .docx")
    with tempfile.TemporaryDirectory(prefix="kehoach-office-") as tmp:
        work = Path(tmp)
        src = work / f"input.{fmt}"  # a plain name: soffice mishandles some characters in paths
        shutil.copyfile(path, src)
        profile = (work / "profile").as_uri()
        cmd = [binary, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "docx",
               "--outdir", str(work / "out"), str(src)]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=settings.OFFICE_CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise DamagedInput(f"{path.name}: LibreOffice did not convert it within "
                               f"{settings.OFFICE_CONVERT_TIMEOUT} s") from None
        out = work / "out" / "input.docx"
        if not out.exists():
            said = " ".join((done.stderr or done.stdout or b"").decode("utf-8", "replace").split())[:200]
            raise DamagedInput(f"{path.name}: LibreOffice could not convert this .{fmt} file"
                               + (f" ({said})" if said else ""))
        yield out

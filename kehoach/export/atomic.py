"""Atomic file writes: a temporary file in the target's own folder, then `os.replace`.

WHY: a run killed at any moment (kill -9, power loss) must leave each output either
as it was or wholly new, never half written. `os.replace` within one folder (one
filesystem) is atomic on POSIX and Windows; the temp file is fsynced first so the
rename never exposes unflushed data.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temp path beside `target` to write to; it replaces `target` only if the block ends without error."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual permissions
    try:
        yield tmp_path
        with open(tmp_path, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text(target: Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes(target, text.encode(encoding))


def write_with(target: Path, writer: Callable[[Path], None]) -> None:
    """Let `writer` (e.g. a pandas/pyarrow call that wants a path) fill a temp file, then swap it in."""
    with atomic_path(target) as tmp:
        writer(tmp)

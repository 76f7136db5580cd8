"""Pages of one document OCR'd side by side, their results taken in page order.

WHY: `--jobs N` must keep N cores busy whether the batch holds many short scans or one
long one. Files are spread over worker processes; inside a worker, the pages of a scan are
OCR'd by threads (Tesseract runs as a subprocess and OpenCV releases the GIL, so threads
are enough), while rendering (PDFium is not thread-safe) and parsing (a table running on
to the next page needs the page before it) stay in order on the calling thread. A
set of N slots shared by every worker of the run caps the pages in OCR at N across the
batch, so files and pages share the cores without oversubscribing them: two workers on two
short files each OCR one page at a time; the last worker left on a long file takes both cores.
A slot is an advisory lock on a file (flock), so a worker killed mid-page (a --timeout)
cannot take its slot with it: the kernel releases the lock when the process dies.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

SLOT_POLL_S = 0.01  # a page takes a second or more: polling the slots this often costs nothing

_threads = 1
_slots: Path | None = None  # the run's slot folder, shared by its worker processes (None: no cap)


def configure(threads: int, slots: Path | str | None = None) -> None:
    """Run in each worker before any file: how many pages one document may OCR at once, and the
    run's slot folder (`make_slots`) capping the pages in OCR across processes (None: no cap)."""
    global _threads, _slots
    _threads = max(1, int(threads))
    _slots = Path(slots) if slots else None
    limit_native_threads()


def make_slots(n: int) -> Path:
    """A fresh folder of `n` slot files for one run; the caller removes it (`remove_slots`)."""
    folder = Path(tempfile.mkdtemp(prefix="kehoach-ocr-slots-"))
    for k in range(max(1, n)):
        (folder / f"{k}.lock").touch()
    return folder


def remove_slots(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def limit_native_threads() -> None:
    """OpenCV's own thread pool off: with N processes on N cores, each process uses one (the OCR
    threads above are what spread a document over cores); otherwise a worker's OpenCV calls take
    both cores from under the other worker's Tesseract and --jobs 2 no longer halves the time.
    Set by the environment when OpenCV is not imported yet (a born-digital run never imports it)."""
    import sys

    os.environ.setdefault("OPENCV_FOR_THREADS_NUM", "1")
    cv2 = sys.modules.get("cv2")
    if cv2 is not None:
        cv2.setNumThreads(int(os.environ["OPENCV_FOR_THREADS_NUM"]))


def page_threads() -> int:
    return _threads


@contextmanager
def slot() -> Iterator[None]:
    """Hold one of the run's OCR slots while a page is read (no cap without a slot folder)."""
    if _slots is None:
        yield
        return
    fd = _acquire(sorted(_slots.glob("*.lock")))
    try:
        yield
    finally:
        if fd is not None:
            os.close(fd)  # closing the descriptor releases its lock


def _acquire(files: list[Path]) -> int | None:
    """A descriptor holding the lock of a free slot, waiting for one; None if the folder is gone
    (the run is ending: the page is read uncapped rather than lost)."""
    while True:
        if not files:
            return None
        for f in files:
            try:
                fd = os.open(f, os.O_RDWR)
            except OSError:
                return None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                os.close(fd)
        time.sleep(SLOT_POLL_S)


def in_order(items: Iterable[T], work: Callable[[T], R], threads: int | None = None) -> Iterator[tuple[T, R]]:
    """(item, work(item)) for every item, in the order given, with up to `threads` items worked on
    at once. Items are drawn from `items` on the calling thread (so a PDFium render stays there)
    and at most `threads` ahead of the one being returned, which bounds the images in memory.
    An exception raised by `work` is raised here, at its item's turn."""
    n = page_threads() if threads is None else max(1, threads)
    if n == 1:
        for item in items:
            yield item, work(item)
        return

    def guarded(item: T) -> R:
        with slot():
            return work(item)

    ahead: deque[tuple[T, Future]] = deque()
    with ThreadPoolExecutor(max_workers=n, thread_name_prefix="kehoach-ocr") as pool:
        try:
            for item in items:
                ahead.append((item, pool.submit(guarded, item)))
                if len(ahead) >= n:
                    done, fut = ahead.popleft()
                    yield done, fut.result()
            while ahead:
                done, fut = ahead.popleft()
                yield done, fut.result()
        finally:
            for _, fut in ahead:  # the caller stopped early or an item failed: drop what is queued
                fut.cancel()

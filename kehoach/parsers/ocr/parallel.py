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
import sys
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
UNCAPPED = -1  # what `_take` holds when there is no lock to hold (no slot folder, or it is gone)

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
    os.environ.setdefault("OPENCV_FOR_THREADS_NUM", "1")
    cv2 = sys.modules.get("cv2")
    if cv2 is not None:
        cv2.setNumThreads(int(os.environ["OPENCV_FOR_THREADS_NUM"]))


def page_threads() -> int:
    return _threads


@contextmanager
def slot() -> Iterator[None]:
    """Hold one of the run's OCR slots while a page is read, waiting for one (no cap without a folder)."""
    fd = _take(wait=True)
    try:
        yield
    finally:
        _give(fd)


def _take(wait: bool) -> int | None:
    """A descriptor holding a free slot's lock; when none is free, None (`wait` False) or, waiting,
    the first that frees. UNCAPPED when there is nothing to hold: no slot folder (no cap), or the
    folder is gone (the run is ending: the page is read uncapped rather than lost)."""
    if _slots is None:
        return UNCAPPED
    files = sorted(_slots.glob("*.lock"))
    while True:
        if not files:
            return UNCAPPED
        for f in files:
            try:
                fd = os.open(f, os.O_RDWR)
            except OSError:
                return UNCAPPED
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                os.close(fd)
        if not wait:
            return None
        time.sleep(SLOT_POLL_S)


def _give(fd: int) -> None:
    if fd != UNCAPPED:
        os.close(fd)  # closing the descriptor releases its lock


def _holding(fd: int, work: Callable[[T], R], item: T) -> R:
    try:
        return work(item)
    finally:
        _give(fd)


def _in_slot(work: Callable[[T], R], item: T) -> R:
    with slot():
        return work(item)


def finished(fn: Callable[..., R], *args) -> Future:
    """fn(*args) run now on this thread, as a finished Future: its result, or its exception kept to
    be raised at its turn (an executor-less path that reports like one)."""
    fut: Future = Future()
    try:
        fut.set_result(fn(*args))
    except BaseException as e:  # noqa: BLE001 - raised again where the result is taken
        fut.set_exception(e)
    return fut


def _now(work: Callable[[T], R], item: T, capped: bool) -> Future:
    """work(item) on this thread (holding a slot if `capped`), as a finished Future."""
    return finished(_in_slot, work, item) if capped else finished(work, item)


def in_order(items: Iterable[T], work: Callable[[T], R], heavy: Callable[[T], bool] = lambda _: True,
             threads: int | None = None) -> Iterator[tuple[T, R]]:
    """(item, work(item)) for every item, in the order given.

    Each item is worked on this thread, holding one of the run's slots when it is `heavy` (a page to
    OCR); while slots are free (the run's other workers idle, or none), up to `threads` - 1 of the
    following heavy items go to threads, each with its own slot. When every slot is taken the items
    are simply worked one after the other, as with one thread, so pages never compete with other
    workers' files for the cores. Items are drawn on this thread (a PDFium render stays here), at
    most `threads` ahead of the one returned, which bounds the images in memory. An exception
    raised by `work` is raised here, at its item's turn."""
    n = page_threads() if threads is None else max(1, threads)
    source = iter(items)
    if n == 1:
        for item in source:
            yield item, _now(work, item, heavy(item)).result()
        return
    ahead: deque[tuple[T, Future]] = deque()  # drawn, in order: on a thread, or already worked here
    end = object()
    with ThreadPoolExecutor(max_workers=n - 1, thread_name_prefix="kehoach-ocr") as pool:
        try:
            while True:
                on_threads = sum(1 for _, f in ahead if not f.done())
                while on_threads < n - 1 and len(ahead) < n:  # idle slots: the next heavy page to a thread
                    fd = _take(wait=False)
                    if fd is None:
                        break
                    item = next(source, end)
                    if item is end:
                        _give(fd)
                        break
                    if heavy(item):
                        ahead.append((item, pool.submit(_holding, fd, work, item)))
                        on_threads += 1
                    else:
                        _give(fd)
                        ahead.append((item, _now(work, item, False)))
                if ahead and ahead[0][1].done():
                    item, fut = ahead.popleft()
                    yield item, fut.result()
                    continue
                if len(ahead) < n:  # the head is still on a thread: work the next item here meanwhile
                    item = next(source, end)
                    if item is not end:
                        ahead.append((item, _now(work, item, heavy(item))))
                        continue
                if not ahead:
                    return
                item, fut = ahead.popleft()
                yield item, fut.result()
        finally:
            for _, fut in ahead:  # the caller stopped early or an item failed: drop what is queued
                fut.cancel()

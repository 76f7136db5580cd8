"""Per-file limits: a memory bound set in each worker process and a time bound per file.

WHY: one pathological input (thousands of pages, a decompression-bomb image) must become
one failed Document with a one-line reason while the batch goes on. The memory bound is
RLIMIT_AS set in the worker (allocations past it raise MemoryError there instead of
swapping the machine); the time bound is enforced by the pool, which kills the worker
(pebble's ProcessPool: an existing engine, not a home-made one).
"""

from __future__ import annotations

import multiprocessing
import resource
import warnings
from concurrent.futures import CancelledError, Executor, Future
from concurrent.futures import TimeoutError as FutureTimeout

from kehoach import settings


def cap_images(max_pixels: int = settings.MAX_IMAGE_PIXELS) -> None:
    """Pillow refuses images above `max_pixels` (a bomb warning becomes an error)."""
    try:
        from PIL import Image
    except ImportError:  # no image front-end installed: nothing to cap
        return
    Image.MAX_IMAGE_PIXELS = max_pixels
    warnings.simplefilter("error", Image.DecompressionBombWarning)


def worker_init(max_memory_mb: int | None, page_threads: int = 1, ocr_slots: str | None = None) -> None:
    """Run once in each worker process before any file: memory bound, image cap, and how pages are
    OCR'd side by side (up to `page_threads` per document, `ocr_slots` capping them across workers)."""
    from kehoach.parsers.ocr import parallel

    parallel.configure(page_threads, ocr_slots)
    if max_memory_mb:
        limit = int(max_memory_mb) * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    cap_images()


def failure_reason(exc: BaseException, timeout: float | None, max_memory_mb: int | None) -> str:
    """One line naming why a worker gave no result (it timed out, was killed, or the engine failed)."""
    if isinstance(exc, FutureTimeout):
        return f"timeout: no result within {timeout:g} s (--timeout), the worker was stopped"
    if isinstance(exc, MemoryError):
        return f"memory limit: more than {max_memory_mb} MB needed (--max-memory)"
    if isinstance(exc, CancelledError):
        return "cancelled before it ran"
    name = type(exc).__name__
    if name == "ProcessExpired":  # pebble: the worker died (a crash in native code, or the OOM killer)
        code = getattr(exc, "exitcode", None)
        return f"worker process died (exit code {code}): a crash or the memory limit"
    if name == "KilledWorker":  # dask: the worker running it died repeatedly
        return "dask worker died running this file (memory limit of the cluster or a crash)"
    return f"worker error: {name}: {' '.join(str(exc).split())}"


def is_memory_failure(error: str | None) -> bool:
    """process_file reports an exhausted RLIMIT_AS as an internal MemoryError; say it plainly."""
    return bool(error) and "MemoryError" in error


class LimitedPool(Executor):
    """A concurrent.futures Executor over pebble's ProcessPool: each task gets `timeout` seconds,
    each worker the memory bound; a task that overruns or kills its worker fails alone."""

    def __init__(self, workers: int, timeout: float | None, max_memory_mb: int | None) -> None:
        from pebble import ProcessPool

        from kehoach.parsers.ocr import parallel

        self.timeout = timeout
        self.max_memory_mb = max_memory_mb
        # N workers share N OCR slots: a worker alone on a long scan OCRs N of its pages at once
        self._slots = parallel.make_slots(workers) if workers > 1 else None
        # forkserver: workers fork from a clean server, not from this process, whose native libraries
        # (PDFium, OpenCV, BLAS) may hold threads and locks that a plain fork copies half-taken
        self._pool = ProcessPool(max_workers=workers, initializer=worker_init,
                                 initargs=(max_memory_mb, workers, str(self._slots) if self._slots else None),
                                 context=multiprocessing.get_context("forkserver"))

    def submit(self, fn, /, *args, **kwargs) -> Future:
        return self._pool.schedule(fn, args=args, kwargs=kwargs, timeout=self.timeout)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if cancel_futures or not wait:
            self._pool.stop()
        else:
            self._pool.close()
        self._pool.join()
        if self._slots is not None:
            from kehoach.parsers.ocr import parallel

            parallel.remove_slots(self._slots)
            self._slots = None

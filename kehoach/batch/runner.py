"""Run a batch: cached files are loaded, the rest go to the executor, each result is cached as it lands.

The order of the returned outcomes is the input order whatever order the workers finish in,
so exports are deterministic; the cache commit per finished file is what lets a killed run
resume. Failures of the engine itself (timeout, a dead worker) become failed Documents and
are not cached (they depend on the limits and the machine, not on the file).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.batch.cache import ResultCache, entry_key, rebind
from kehoach.batch.limits import failure_reason
from kehoach.batch.work import run_one
from kehoach.normalize import catalog
from kehoach.parsers.ocr.parallel import finished  # run now, reported as a worker's result
from kehoach.pipeline import FileResult, failed


@dataclass(slots=True)
class Outcome:
    """One input's result and how it was obtained (timings go to run.json only)."""

    path: Path
    result: FileResult
    seconds: float = 0.0
    cached: bool = False
    sha256: str | None = None
    key: str | None = None  # the cache entry holding this result (None: not cached, e.g. a timeout)
    timings: dict[str, float] = field(default_factory=dict)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def run_batch(files: list[Path], executor: Executor | None = None, cache: ResultCache | None = None,
              user_catalog: catalog.UserEntries | None = None, timeout: float | None = None,
              max_memory_mb: int | None = None,
              on_done: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Every file's outcome in input order; `on_done` is called as each one is known (for progress)."""
    outcomes: list[Outcome | None] = [None] * len(files)
    pending: dict[Future, tuple[int, str | None, str | None, float]] = {}

    def finish(i: int, outcome: Outcome) -> None:
        outcomes[i] = outcome
        if on_done:
            on_done(outcome)

    for i, path in enumerate(files):
        t0 = time.perf_counter()
        key = sha = None
        if cache is not None:
            try:
                sha = file_sha256(path)
                key = entry_key(sha, cache.version)
            except OSError as e:
                finish(i, Outcome(path, failed(path, None, f"unreadable: {e.strerror or e}")))
                continue
            hit = cache.get(key)
            if hit is not None:
                result, stored = hit
                result = rebind(result, path)
                finish(i, Outcome(path, result, seconds=float(stored.get("seconds", 0.0)), cached=True, sha256=sha,
                                  key=key, timings={"load": time.perf_counter() - t0}))
                continue
        args = (str(path), user_catalog, max_memory_mb)
        fut = executor.submit(run_one, *args) if executor is not None else finished(run_one, *args)
        pending[fut] = (i, key, sha, time.perf_counter())
        if executor is None:  # inline: finish each file before reading the next
            _collect(fut, pending, files, cache, timeout, max_memory_mb, finish)
    for fut in as_completed(list(pending)):
        _collect(fut, pending, files, cache, timeout, max_memory_mb, finish)
    return [o for o in outcomes if o is not None]


def _collect(fut: Future, pending: dict, files: list[Path], cache: ResultCache | None, timeout: float | None,
             max_memory_mb: int | None, finish: Callable[[int, Outcome], None]) -> None:
    if fut not in pending:
        return
    i, key, sha, started = pending.pop(fut)
    path = files[i]
    try:
        result, seconds = fut.result()
        cacheable = True
    except BaseException as e:  # noqa: BLE001 - a timeout, a dead worker: that file fails, the batch goes on
        result, seconds, cacheable = failed(path, None, failure_reason(e, timeout, max_memory_mb)), 0.0, False
    if result.failed and result.document.error and result.document.error.startswith("memory limit"):
        cacheable = False  # depends on --max-memory, not on the file alone
    if cache is not None and key is not None and cacheable:
        cache.put(key, result, {"seconds": seconds})
    else:
        key = None
    finish(i, Outcome(path, result, seconds=seconds, sha256=sha or result.document.sha256, key=key,
                      timings={"wall": time.perf_counter() - started}))

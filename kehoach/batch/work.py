"""The task each executor runs: one file, the user catalog passed in explicitly, its time measured.

WHY a wrapper and not `process_file` itself: a worker (a forked process, a Dask worker on
another machine) must use the same catalog as the parent; passing the parsed user entries
with every task makes that true whatever the executor, instead of relying on inherited state.
"""

from __future__ import annotations

import time
from pathlib import Path

from kehoach.batch.limits import is_memory_failure
from kehoach.normalize import catalog
from kehoach.pipeline import FileResult, process_file


def run_one(path: str, user_catalog: catalog.UserEntries | None = None,
            max_memory_mb: int | None = None) -> tuple[FileResult, float]:
    """`process_file(path)` and the seconds it took; a MemoryError is named as the memory limit."""
    catalog.use_user_catalog(user_catalog)
    t0 = time.perf_counter()
    result = process_file(Path(path))
    seconds = time.perf_counter() - t0
    if result.failed and is_memory_failure(result.document.error):
        bound = f"{max_memory_mb} MB" if max_memory_mb else "the worker's memory"
        result.document.error = f"memory limit: the file needed more than {bound} (--max-memory)"
    return result, seconds

"""One `kehoach extract` run: inputs, executor, cache, then every output written atomically.

The CLI only parses options and renders; this module strings the batch stages together:
walk inputs (never the output folder) -> run each file through the executor with the cache
-> export (documents/items/mentions, plans.xlsx, report.html) -> run.json last, so a run.json
beside the exports always describes a finished run.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kehoach.batch.cache import ResultCache, pipeline_version, record_lists
from kehoach.batch.limits import LimitedPool, cap_images
from kehoach.batch.manifest import build_manifest
from kehoach.batch.runner import Outcome, run_batch
from kehoach.export import atomic, write_all
from kehoach.export.writers import FORMATS, TABLES
from kehoach.ingest.discover import walk
from kehoach.normalize import catalog

EXECUTORS = ("process", "inline", "dask")


class ExecutorUnavailable(RuntimeError):
    """The asked executor cannot start (Dask not installed, scheduler unreachable)."""


@dataclass(slots=True)
class RunOptions:
    output: Path
    formats: list[str]
    jobs: int = 1
    cache_dir: Path | None = None
    force: bool = False
    timeout: float | None = None
    max_memory_mb: int | None = None
    executor: str = "process"
    scheduler: str | None = None
    user_catalog: catalog.UserEntries | None = None
    catalog_file: str | None = None


@dataclass(slots=True)
class Run:
    outcomes: list[Outcome]
    manifest: dict = field(default_factory=dict)


def inputs(paths: list[Path], output: Path, cache_dir: Path | None = None) -> list[Path]:
    """Files under `paths` except our own outputs (OUT may be, or be inside, an input folder): the cache and
    every file a run writes to OUT. Plans a user keeps in OUT are still inputs."""
    out = output.resolve()
    ours = {out / n for n in output_names(["csv", "parquet", "jsonl", "xlsx", "html"])}
    ours |= {out / "run.json", out / EXPORTS_MARK}
    caches = [(cache_dir or output / ".cache").resolve()]
    return [f for f in walk(paths)
            if (r := f.resolve()) not in ours and not any(r.is_relative_to(c) for c in caches)]


@contextmanager
def open_executor(opts: RunOptions) -> Iterator[Executor | None]:
    if opts.executor == "inline":
        from kehoach.parsers.ocr import parallel

        cap_images()
        parallel.configure(opts.jobs)  # one process: its OCR threads need no cap across processes
        try:
            yield None
        finally:
            parallel.configure(1)
        return
    if opts.executor == "process":
        pool = LimitedPool(opts.jobs, opts.timeout, opts.max_memory_mb)
        try:
            yield pool
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        return
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ExecutorUnavailable("--executor dask needs Dask: pip install 'kehoach[dask]'") from None
    cluster = None
    try:
        if opts.scheduler:
            client = Client(opts.scheduler, timeout=30)
        else:
            cluster = LocalCluster(n_workers=opts.jobs, threads_per_worker=1, dashboard_address=None)
            client = Client(cluster)
    except OSError as e:
        raise ExecutorUnavailable(f"cannot reach the Dask scheduler {opts.scheduler}: {e}") from None
    try:
        yield client.get_executor(pure=False)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run(files: list[Path], opts: RunOptions, on_done: Callable[[Outcome], None] | None = None) -> Run:
    """Process `files` and write every asked output under `opts.output`."""
    catalog.use_user_catalog(opts.user_catalog)  # this process too: the cache key and the review tools see it
    version = pipeline_version()
    cache = ResultCache(opts.cache_dir or opts.output / ".cache", version)
    if opts.force:
        cache = _ForcedCache(cache)
    started = datetime.now(UTC)
    t0 = time.perf_counter()
    with open_executor(opts) as executor:
        outcomes = run_batch(files, executor, cache, opts.user_catalog, opts.timeout, opts.max_memory_mb, on_done)
    work_seconds = time.perf_counter() - t0
    t1 = time.perf_counter()
    key = exports_key(outcomes, opts.formats, version)
    skipped = key is not None and exports_current(opts.output, key)
    if not skipped:
        (opts.output / EXPORTS_MARK).unlink(missing_ok=True)
        write_outputs(opts.output, outcomes, opts.formats)
    meta = {"started": started.isoformat(timespec="seconds"), "seconds": round(time.perf_counter() - t0, 3),
            "work_seconds": round(work_seconds, 3), "export_seconds": round(time.perf_counter() - t1, 3),
            "executor": opts.executor, "scheduler": opts.scheduler, "jobs": opts.jobs, "timeout": opts.timeout,
            "max_memory_mb": opts.max_memory_mb, "cache": str(cache.root), "force": opts.force,
            "catalog": opts.catalog_file, "host_cpus": os.cpu_count(), "exports_unchanged": skipped}
    manifest = build_manifest(outcomes, opts.formats, version, meta)
    atomic.write_text(opts.output / "run.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    if key is not None and not skipped:
        files = {n: _stamp(opts.output / n) for n in output_names(opts.formats)}
        atomic.write_text(opts.output / EXPORTS_MARK, json.dumps({"key": key, "files": files}))
    return Run(outcomes, manifest)


# Marks a finished export: removed before any export is rewritten, written after run.json, so it exists
# only beside a complete set of exports made from exactly these cached results.
EXPORTS_MARK = ".kehoach-exports.json"


def output_names(formats: list[str]) -> list[str]:
    names = [f"{t}.{f}" for t in TABLES for f in formats if f in FORMATS]
    return names + (["plans.xlsx"] if "xlsx" in formats else []) + (["report.html"] if "html" in formats else [])


def exports_key(outcomes: list[Outcome], formats: list[str], version: str) -> str | None:
    """What the exports are a function of: every input's cache entry, in order, and the formats.
    None when a result is not in the cache (a timeout): such a run always rewrites its exports."""
    if any(o.key is None for o in outcomes):
        return None
    h = hashlib.sha256(json.dumps([version, formats, [[str(o.path), o.key] for o in outcomes]]).encode())
    return h.hexdigest()


def exports_current(out: Path, key: str) -> bool:
    """True when OUT already holds the complete exports of exactly this run (a rerun over an unchanged folder)."""
    try:
        mark = json.loads((out / EXPORTS_MARK).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    files = mark.get("files")
    return mark.get("key") == key and isinstance(files, dict) and all(
        _stamp(out / n) == stamp for n, stamp in files.items())


def _stamp(path: Path) -> list[int] | None:
    """Size and modification time: an export edited or removed since it was written is written again."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


class _ForcedCache(ResultCache):
    """--force: never read an entry, still write fresh ones (the next run can use them)."""

    def __init__(self, inner: ResultCache) -> None:
        super().__init__(inner.root, inner.version)

    def get(self, key: str):
        return None


def write_outputs(out: Path, outcomes: list[Outcome], formats: list[str]) -> None:
    """documents/items/mentions in the table formats, then plans.xlsx and report.html."""
    results = [o.result for o in outcomes]
    records: dict[str, list] = {"documents": [r.document for r in results]}
    for name in record_lists():  # items, mentions and any record list a front-end adds to FileResult
        records[name] = [rec for r in results for rec in getattr(r, name)]
    write_all(out, records, [f for f in formats if f in FORMATS])
    if "xlsx" in formats:
        from kehoach.export.xlsx import write_xlsx

        write_xlsx(out / "plans.xlsx", records)
    if "html" in formats:
        from kehoach.export.report_html import write_report

        write_report(out / "report.html", outcomes)

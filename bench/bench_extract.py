"""Benchmark: pages per second of kehoach's born-digital extraction vs pdfplumber's own extract_tables().

Each side runs in its own subprocess over the same files (so peak memory is
each one's own), `--repeat` times; the best run counts (least disturbed by the
machine). kehoach's side is the whole job per file (tables, text, header,
interpretation, normalisation, validation), pdfplumber's is extract_tables()
on every page, i.e. less work; the ratio shows what the whole job costs.

usage: python bench/bench_extract.py [PATHS...] [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out += sorted(p.rglob("*.pdf")) if p.is_dir() else [p]
    return out


def run_kehoach(files: list[Path], executor=None) -> dict:
    from kehoach.pipeline import process_batch

    pages = rows = 0
    t0 = time.perf_counter()
    for r in process_batch(files, executor):
        pages += r.document.pages
        rows += len(r.items)
    return {"seconds": time.perf_counter() - t0, "pages": pages, "rows": rows}


def run_kehoach_jobs(files: list[Path]) -> dict:
    """The whole job with one worker process per core (what `kehoach extract -j N` does)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return run_kehoach(files, pool)


def run_pdfplumber(files: list[Path]) -> dict:
    import pdfplumber

    pages = tables = 0
    t0 = time.perf_counter()
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                tables += len(page.extract_tables())
                pages += 1
                page.flush_cache()
    return {"seconds": time.perf_counter() - t0, "pages": pages, "tables": tables}


def _child(side: str, files: list[str]) -> None:
    fn = {"kehoach": run_kehoach, "kehoach-jobs": run_kehoach_jobs, "pdfplumber": run_pdfplumber}[side]
    result = fn([Path(f) for f in files])
    # the largest of this process and its worker processes (ru_maxrss is in KiB on Linux)
    peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    result["peak_rss_mb"] = peak / 1024
    print(json.dumps(result))


def measure(side: str, files: list[Path], repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, __file__, "--child", side, *map(str, files)],
                             capture_output=True, text=True, check=True, cwd=ROOT)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    best = min(runs, key=lambda r: r["seconds"])
    best["pages_per_second"] = best["pages"] / best["seconds"]
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "samples" / "pdf")])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        _child(a.child, a.paths)
        return
    files = _files(a.paths)
    if not files:
        sys.exit(f"bench: no PDF under {' '.join(a.paths)}")
    k = measure("kehoach", files, a.repeat)
    kj = measure("kehoach-jobs", files, a.repeat)
    p = measure("pdfplumber", files, a.repeat)
    machine = f"{platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}"
    report = {"files": len(files), "pages": k["pages"], "machine": machine, "kehoach": k, "kehoach_jobs": kj,
              "pdfplumber": p, "speed_ratio_kehoach_over_pdfplumber": k["pages_per_second"] / p["pages_per_second"],
              "speed_ratio_kehoach_jobs_over_pdfplumber": kj["pages_per_second"] / p["pages_per_second"]}
    if a.json:
        print(json.dumps(report, indent=1))
        return
    print(f"born-digital extraction, {len(files)} files, {k['pages']} pages, best of {a.repeat}; {machine}")
    print(f"{'':28}{'pages/s':>10}{'seconds':>10}{'peak RSS MB':>13}")
    cores = os.cpu_count() or 1
    for name, r in (("kehoach extract (whole job)", k), (f"kehoach extract -j {cores}", kj),
                    ("pdfplumber extract_tables()", p)):
        print(f"{name:28}{r['pages_per_second']:>10.1f}{r['seconds']:>10.2f}{r['peak_rss_mb']:>13.0f}")
    print(f"ratio kehoach / pdfplumber: {report['speed_ratio_kehoach_over_pdfplumber']:.2f}x pages per second "
          f"(one process each); with -j {cores}: {report['speed_ratio_kehoach_jobs_over_pdfplumber']:.2f}x "
          "(peak RSS: the largest single process)")


if __name__ == "__main__":
    main()

"""Benchmark of real batches through the CLI: files/s and pages/s, growth with batch size, cache, kill + resume.

Batches are made by scripts/make_batch.py (variants of the born-digital samples, 5% broken:
text named .pdf, truncated, encrypted, zero bytes, a decompression-bomb PNG). Each step runs
`kehoach extract` in a subprocess, as a user does, and times it whole (start-up included):
  1. rate: the --rate-size batch at each --jobs value -> files/s, pages/s;
  2. growth: every --sizes batch at the largest --jobs (the rate run is reused);
  3. rerun: the largest batch again over its unchanged folder (every file from the cache);
  4. kill + resume: the largest batch into a fresh folder, killed (SIGKILL to the CLI and its
     workers) once half its files are cached, then rerun; its exports must be byte-identical
     to the uninterrupted run's;
and checks that every good file is exported and every broken one is in run.json with its reason.
`--scanned DIR` builds the batches from the scans in DIR instead (the hook for OCR batches).

usage: python bench/bench_batch.py [--sizes 10,100,400] [--jobs 1,2] [--rate-size 100] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from make_batch import make_batch  # noqa: E402

EXPORTS = [f"{t}.{f}" for t in ("documents", "items", "mentions") for f in ("jsonl", "csv", "parquet")]


def cli(src: Path, out: Path, jobs: int, *extra: str) -> list[str]:
    return [sys.executable, "-m", "kehoach.cli", "extract", str(src), "-o", str(out), "-q", "-j", str(jobs), *extra]


def timed_run(src: Path, out: Path, jobs: int, *extra: str) -> dict:
    # the OCR page cache off: a batch of copies of one scan must be OCR'd page by page, as new scans are
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "KEHOACH_CACHE_DIR": ""}
    t0 = time.perf_counter()
    proc = subprocess.run(cli(src, out, jobs, *extra), cwd=ROOT, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 1):  # 1: some files failed, expected with broken ones
        raise SystemExit(f"bench: kehoach extract failed ({proc.returncode}): {proc.stderr[-2000:]}")
    m = json.loads((out / "run.json").read_text(encoding="utf-8"))
    return {"files": m["files"], "pages": m["pages"], "failed": len(m["failed"]), "cached": m["cached"],
            "seconds": round(seconds, 2), "files_per_s": round(m["files"] / seconds, 2),
            "pages_per_s": round(m["pages"] / seconds, 2)}


def check_manifest(out: Path, made: dict[str, list[Path]]) -> dict:
    """Every good file exported (status ok), every broken one failed with a reason in run.json."""
    m = json.loads((out / "run.json").read_text(encoding="utf-8"))
    by_path = {e["path"]: e for e in m["inputs"]}
    good_ok = sum(by_path[str(p)]["status"] == "ok" for p in made["good"])
    bad_named = sum(by_path[str(p)]["status"] == "failed" and bool(by_path[str(p)]["error"]) for p in made["broken"])
    exported = {json.loads(ln)["source_file"] for ln in (out / "documents.jsonl").read_text(encoding="utf-8")
                .splitlines()}
    return {"good": len(made["good"]), "good_ok": good_ok, "broken": len(made["broken"]), "broken_named": bad_named,
            "all_inputs_in_documents": exported == {str(p) for ps in made.values() for p in ps},
            "reasons": sorted({by_path[str(p)]["error"] for p in made["broken"]})}


def kill_and_resume(src: Path, out: Path, jobs: int, reference: Path, total: int) -> dict:
    proc = subprocess.Popen(cli(src, out, jobs), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    while proc.poll() is None and len(list((out / ".cache").rglob("*.json"))) < total // 2:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    at_kill = len(list((out / ".cache").rglob("*.json")))
    resumed = timed_run(src, out, jobs)
    same = {n: (out / n).read_bytes() == (reference / n).read_bytes() for n in EXPORTS}
    return {"cached_at_kill": at_kill, "resume": resumed, "byte_identical": all(same.values()),
            "differing": [n for n, ok in same.items() if not ok]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,100,400")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--rate-size", type=int, default=100)
    ap.add_argument("--scanned", type=Path, help="folder of scanned PDFs to build the batches from (OCR hook)")
    ap.add_argument("--no-kill", action="store_true", help="skip the kill + resume step")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    sizes = sorted({int(s) for s in a.sizes.split(",")} | {a.rate_size})
    jobs = [int(j) for j in a.jobs.split(",")]
    sources = sorted(a.scanned.glob("*.pdf")) if a.scanned else None
    work = Path(tempfile.mkdtemp(prefix="kehoach-bench-batch-"))
    report: dict = {"machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.processor() or 'cpu'}, "
                               f"Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}",
                    "kind": "scanned" if a.scanned else "born-digital", "rate": {}, "growth": {}}
    try:
        made = {n: make_batch(work / f"in{n}", n, sources=sources) for n in sizes}
        for j in jobs:
            report["rate"][f"jobs_{j}"] = timed_run(work / f"in{a.rate_size}", work / f"rate{a.rate_size}_j{j}", j)
        top_j = max(jobs)
        for n in sizes:
            if n == a.rate_size:
                report["growth"][str(n)] = report["rate"][f"jobs_{top_j}"]
            else:
                report["growth"][str(n)] = timed_run(work / f"in{n}", work / f"grow{n}", top_j)
        big = max(sizes)
        big_out = work / f"rate{big}_j{top_j}" if big == a.rate_size else work / f"grow{big}"
        report["manifest_check"] = check_manifest(big_out, made[big])
        rerun = timed_run(work / f"in{big}", big_out, top_j)
        first = report["growth"][str(big)]["seconds"]
        report["rerun"] = {**rerun, "share_of_first_run": round(rerun["seconds"] / first, 4)}
        if not a.no_kill:
            report["kill_resume"] = kill_and_resume(work / f"in{big}", work / "killed", top_j, big_out, big)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if a.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
        return
    print(f"kehoach batch bench ({report['kind']}); {report['machine']}")
    print(f"{'step':34}{'files':>7}{'pages':>7}{'seconds':>9}{'files/s':>9}{'pages/s':>9}{'cached':>8}")
    rows = [(f"rate {a.rate_size} docs, {k.replace('_', ' ')}", r) for k, r in report["rate"].items()]
    rows += [(f"growth {n} docs, jobs {max(jobs)}", r) for n, r in report["growth"].items()]
    rows += [(f"rerun {max(sizes)} docs (unchanged)", report["rerun"])]
    if "kill_resume" in report:
        rows += [(f"resume after kill -9 ({report['kill_resume']['cached_at_kill']} cached)",
                  report["kill_resume"]["resume"])]
    for name, r in rows:
        print(f"{name:34}{r['files']:>7}{r['pages']:>7}{r['seconds']:>9.2f}{r['files_per_s']:>9.2f}"
              f"{r['pages_per_s']:>9.2f}{r['cached']:>8}")
    mc = report["manifest_check"]
    print(f"rerun / first run: {report['rerun']['share_of_first_run']:.1%}")
    print(f"good files exported ok: {mc['good_ok']}/{mc['good']}; broken files failed with a reason: "
          f"{mc['broken_named']}/{mc['broken']}; every input in documents: {mc['all_inputs_in_documents']}")
    print("reasons: " + "; ".join(mc["reasons"]))
    if "kill_resume" in report:
        kr = report["kill_resume"]
        print(f"killed at {kr['cached_at_kill']} cached, resumed: exports byte-identical: {kr['byte_identical']}"
              + (f" (differ: {', '.join(kr['differing'])})" if kr["differing"] else ""))


if __name__ == "__main__":
    main()

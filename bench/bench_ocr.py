"""Benchmark: OCR throughput of the whole pipeline vs one bare Tesseract pass over the same pages.

The scanned PDFs are first rendered at 300 dpi to PNG (not timed). Then, side by side:
(a) `tesseract PAGE.png - -l vie` once per page, one page at a time, then the same passes two at
    a time (the machine's own ceiling for a two-process speed-up);
(b) `kehoach extract` over the PDFs at --jobs 1 and --jobs 2, the OCR cache off, so every
    page is rendered, deskewed, OCR'd and interpreted;
(c) optionally (--ocrmypdf) `ocrmypdf -l vie` then kehoach's born-digital path, with its accuracy
    when answer keys are given (--keys).
Pages per minute and peak memory (max RSS of the child processes) for each; the --jobs 2 speed-up
over the whole run and past the run's fixed start-up (the same command on one line of text).
Every run uses OMP_THREAD_LIMIT=1. `--jobs 2` needs two files to spread: a single input is copied twice.

usage: python bench/bench_ocr.py [PATHS...] [--keys DIR] [--ocrmypdf] [--copies N] [--rounds N] [--compare-cli] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1", "KEHOACH_CACHE_DIR": ""}


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out += sorted(p.rglob("*.pdf")) if p.is_dir() else [p]
    return out


def _tree_rss_mib(pid: int) -> float:
    """Resident memory of a process and all its descendants (workers, Tesseract), in MiB."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            continue
    return total / 2**20


def _timed(cmd: list[str], **kw) -> tuple[float, float]:
    """Seconds and peak memory (MiB) of one command: the peak of its whole process tree's RSS, sampled
    every 0.2 s (psutil), or of the largest process (wait4's max RSS) where psutil is missing."""
    import threading

    t0 = time.perf_counter()
    kw.setdefault("env", ENV)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    peak, done = [0.0], threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], _tree_rss_mib(proc.pid))

    sampler = None
    try:
        import psutil  # noqa: F401 - installed with the dask extra (make setup)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
    except ImportError:
        pass
    _, status, usage = os.wait4(proc.pid, 0)
    done.set()
    if sampler is not None:
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return time.perf_counter() - t0, max(peak[0], usage.ru_maxrss / 1024)


def render_pages(files: list[Path], out: Path, dpi: int = 300) -> list[Path]:
    pngs = []
    for f in files:
        pdf = pdfium.PdfDocument(str(f))
        try:
            for i in range(len(pdf)):
                path = out / f"{f.stem}_{i + 1:03d}.png"
                pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().save(path, dpi=(dpi, dpi))
                pngs.append(path)
        finally:
            pdf.close()
    return pngs


def bare_tesseract(pngs: list[Path]) -> dict:
    total, peak = 0.0, 0.0
    for png in pngs:
        s, rss = _timed(["tesseract", str(png), "-", "-l", "vie"])
        total, peak = total + s, max(peak, rss)
    return {"pages": len(pngs), "seconds": round(total, 1), "pages_per_min": round(60 * len(pngs) / total, 2),
            "peak_rss_mib": round(peak)}


def bare_tesseract_two_at_once(pngs: list[Path]) -> dict:
    """The same bare passes, the pages dealt to two streams running side by side: how well Tesseract
    itself scales to two processes on this machine, the ceiling for kehoach's --jobs 2."""
    from concurrent.futures import ThreadPoolExecutor

    def stream(part: list[Path]) -> None:
        for png in part:
            _timed(["tesseract", str(png), "-", "-l", "vie"])

    t0 = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(stream, [pngs[0::2], pngs[1::2]]))
    total = time.perf_counter() - t0
    return {"pages": len(pngs), "seconds": round(total, 1), "pages_per_min": round(60 * len(pngs) / total, 2)}


def engine_in_use() -> str:
    """The OCR engine kehoach's runs will use under this environment (tesserocr or the command)."""
    code = "from kehoach.parsers.ocr.tesseract import engine; print(engine())"
    return subprocess.run([sys.executable, "-c", code], env=ENV, capture_output=True, text=True,
                          check=True).stdout.strip()


def kehoach(folder: Path, pages: int, jobs: int, out: Path, env: dict | None = None) -> dict:
    cmd = [sys.executable, "-m", "kehoach.cli", "extract", str(folder), "-o", str(out), "-f", "jsonl",
           "--jobs", str(jobs), "--quiet"]
    s, rss = _timed(cmd, env=env or ENV)
    return {"jobs": jobs, "pages": pages, "seconds": round(s, 1), "pages_per_min": round(60 * pages / s, 2),
            "peak_rss_mib_all_processes": round(rss)}


def start_up(work: Path, jobs: int) -> float:
    """Seconds of a run's fixed cost (CLI and worker start, imports, export, shut-down): the same
    command on a folder holding one line of text, nothing to OCR."""
    folder = work / f"startup{jobs}"
    folder.mkdir()
    (folder / "one_line.txt").write_text("KẾ HOẠCH\n", encoding="utf-8")
    s, _ = _timed([sys.executable, "-m", "kehoach.cli", "extract", str(folder), "-o", str(work / f"startup{jobs}_out"),
                   "-f", "jsonl", "--jobs", str(jobs), "--quiet"])
    return round(s, 2)


def _ocrmypdf() -> str | None:
    """The ocrmypdf command: on PATH, or beside this Python (the venv's, when it is not activated)."""
    beside = Path(sys.executable).with_name("ocrmypdf")
    return shutil.which("ocrmypdf") or (str(beside) if beside.exists() else None)


def ocrmypdf_then_kehoach(command: str, folder: Path, work: Path, keys: Path | None) -> dict:
    """Each input once, under its own name (the copies' "NN_" prefix off) so answer keys pair with it."""
    layered = work / "ocrmypdf"
    layered.mkdir()
    total = 0.0
    pages = 0
    for f in sorted(folder.glob("*.pdf")):
        name = f.name.split("_", 1)[1]
        if (layered / name).exists():
            continue
        s, _ = _timed([command, "-q", "-l", "vie", "--output-type", "pdf", str(f), str(layered / name)])
        total += s
        pages += len(pdfium.PdfDocument(str(f)))
    out = work / "ocrmypdf_out"
    s, _ = _timed([sys.executable, "-m", "kehoach.cli", "extract", str(layered), "-o", str(out), "-f", "jsonl",
                   "--quiet"])
    result = {"pages": pages, "seconds": round(total + s, 1), "pages_per_min": round(60 * pages / (total + s), 2)}
    if keys is not None:
        from kehoach.evaluate import score

        overall, _ = score(keys, out)
        result.update(rows_f1=round(overall["rows"]["f1"], 3), cells_f1=round(overall["cells"]["f1"], 3))
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "tests" / "data" / "scan" / "pdf")])
    ap.add_argument("--keys", type=Path, default=None)
    ap.add_argument("--ocrmypdf", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--rounds", type=int, default=3,
                    help="repeat every measurement this many times, interleaved, and report the medians")
    ap.add_argument("--compare-cli", action="store_true",
                    help="also run kehoach --jobs 1 with the `tesseract` command as its engine "
                         "(KEHOACH_OCR_ENGINE=cli), to show what the in-process engine gains")
    ap.add_argument("--copies", type=int, default=0,
                    help="read every input this many times (at least 2 in all, so --jobs 2 has two files to "
                         "spread); more copies amortise the run's fixed start-up (imports, worker start)")
    args = ap.parse_args()
    files = _files(args.paths)
    if not files:
        raise SystemExit("no PDF to benchmark")
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-ocr-") as tmp:
        work = Path(tmp)
        folder = work / "in"
        folder.mkdir()
        copies = files * max(args.copies, 1 if len(files) >= 2 else 2)
        for k, f in enumerate(copies):
            shutil.copy(f, folder / f"{k:02d}_{f.name}")
        pngs_dir = work / "png"
        pngs_dir.mkdir()
        pngs = render_pages(sorted(folder.glob("*.pdf")), pngs_dir)
        report: dict = {"machine": f"{platform.machine()} {os.cpu_count()} cpu, {platform.python_version()}",
                        "files": len(copies), "pages": len(pngs), "ocr_engine": engine_in_use(),
                        "rounds": []}
        # the machine's speed drifts (a shared VM: the same bare passes vary by 10-30 % over minutes),
        # so every comparison is made inside one round, its runs back to back, and the medians reported
        for r in range(max(1, args.rounds)):
            one = {"tesseract_bare": bare_tesseract(pngs),
                   "tesseract_bare_two_at_once": bare_tesseract_two_at_once(pngs),
                   "kehoach_jobs1": kehoach(folder, len(pngs), 1, work / f"o1_{r}"),
                   "kehoach_jobs2": kehoach(folder, len(pngs), 2, work / f"o2_{r}")}
            if args.compare_cli:
                one["kehoach_jobs1_cli_engine"] = kehoach(folder, len(pngs), 1, work / f"o1cli_{r}",
                                                          env={**ENV, "KEHOACH_OCR_ENGINE": "cli"})
            bare = one["tesseract_bare"]["seconds"]
            one["ratio_jobs1_vs_bare"] = round(one["kehoach_jobs1"]["seconds"] / bare, 2)
            one["speedup_jobs2"] = round(one["kehoach_jobs1"]["seconds"] / one["kehoach_jobs2"]["seconds"], 2)
            one["speedup_bare_two_at_once"] = round(bare / one["tesseract_bare_two_at_once"]["seconds"], 2)
            if args.compare_cli:
                one["ratio_jobs1_cli_engine_vs_bare"] = round(one["kehoach_jobs1_cli_engine"]["seconds"] / bare, 2)
            report["rounds"].append(one)
        fixed = {jobs: start_up(work, jobs) for jobs in (1, 2)}
        report["fixed_start_up_seconds"] = {f"jobs{j}": v for j, v in fixed.items()}
        for key in ("ratio_jobs1_vs_bare", "speedup_jobs2", "speedup_bare_two_at_once",
                    "ratio_jobs1_cli_engine_vs_bare"):
            values = [one[key] for one in report["rounds"] if key in one]
            if values:
                report[f"median_{key}"] = statistics.median(values)
        if args.ocrmypdf:
            found = _ocrmypdf()
            report["ocrmypdf_then_kehoach"] = (ocrmypdf_then_kehoach(found, folder, work, args.keys) if found
                                               else "ocrmypdf not installed (pip install -e '.[bench]')")
    if args.json:
        print(json.dumps(report, indent=1))
        return
    for k, v in report.items():
        if k != "rounds":
            print(f"{k}: {v}")
    for r, one in enumerate(report["rounds"], 1):
        print(f"round {r}: " + "; ".join(f"{k} {v}" for k, v in one.items()))


if __name__ == "__main__":
    main()

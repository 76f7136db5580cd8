"""Batch machinery: cache, manifest, per-file limits, crash-safety (kill -9 then resume)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import REPO, SAMPLES_PDF
from typer.testing import CliRunner

from kehoach.batch import cache as cache_mod
from kehoach.batch import limits, runner, work
from kehoach.batch.limits import LimitedPool
from kehoach.batch.runner import run_batch
from kehoach.cli import app
from kehoach.export import atomic
from kehoach.normalize import catalog

sys.path.insert(0, str(REPO / "scripts"))
from make_batch import bomb_png, make_batch  # noqa: E402

# the two quickest samples: batch behaviour, not extraction, is under test here
QUICK = [SAMPLES_PDF / "sample_05_office.pdf", SAMPLES_PDF / "sample_06_office_borderless.pdf"]
EXPORTS = [f"{t}.{f}" for t in ("documents", "items", "mentions") for f in ("jsonl", "csv", "parquet")]


@pytest.fixture(scope="module")
def batch_dir(tmp_path_factory) -> Path:
    """8 files: 6 variants of the quick samples and 2 broken ones (a zero-byte file and a bomb PNG)."""
    d = tmp_path_factory.mktemp("batch")
    make_batch(d, 8, broken=0.25, sources=QUICK)
    return d


def _extract(*args: str) -> object:
    return CliRunner().invoke(app, ["extract", *args, "-q"])


def _manifest(out: Path) -> dict:
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


# --- manifest, cache, --force ---------------------------------------------------------------------

def test_manifest_lists_every_input_and_rerun_reads_the_cache(batch_dir, tmp_path):
    out = tmp_path / "out"
    res = _extract(str(batch_dir), "-o", str(out), "-f", "jsonl")
    assert res.exit_code == 1  # broken files are failures
    m = _manifest(out)
    files = sorted(str(p) for p in batch_dir.iterdir())
    assert sorted(e["path"] for e in m["inputs"]) == files
    for e in m["inputs"]:
        assert {"sha256", "type", "pages", "pages_ocr", "status", "error", "seconds", "rows",
                "pipeline_version"} <= set(e)
        assert (e["status"] == "failed") == bool(e["error"])
        assert e["pipeline_version"] == m["pipeline_version"] and not e["cached"]
    assert len(m["failed"]) == 2 and m["processed"] == 8
    first = (out / "items.jsonl").read_bytes()

    res = _extract(str(batch_dir), "-o", str(out), "-f", "jsonl")
    m2 = _manifest(out)
    assert m2["cached"] == 8 and m2["processed"] == 0
    assert (out / "items.jsonl").read_bytes() == first

    res = _extract(str(batch_dir), "-o", str(out), "-f", "jsonl", "--force")
    assert _manifest(out)["processed"] == 8
    assert (out / "items.jsonl").read_bytes() == first


def test_rerun_skips_unchanged_exports_but_rewrites_edited_ones(batch_dir, tmp_path):
    out = tmp_path / "out"
    _extract(str(batch_dir), "-o", str(out), "-f", "jsonl,csv")
    first = {n: (out / n).read_bytes() for n in ("items.jsonl", "documents.csv")}
    _extract(str(batch_dir), "-o", str(out), "-f", "jsonl,csv")
    assert _manifest(out)["run"]["exports_unchanged"] is True
    (out / "items.jsonl").write_text("edited by hand\n", encoding="utf-8")
    _extract(str(batch_dir), "-o", str(out), "-f", "jsonl,csv")
    assert _manifest(out)["run"]["exports_unchanged"] is False
    assert {n: (out / n).read_bytes() for n in first} == first
    _extract(str(batch_dir), "-o", str(out), "-f", "jsonl")  # other formats: another export
    assert _manifest(out)["run"]["exports_unchanged"] is False


def test_moved_and_duplicated_files_come_from_the_cache_under_their_new_paths(batch_dir, tmp_path):
    cache_dir = tmp_path / "cache"
    src, moved = tmp_path / "src", tmp_path / "moved" / "deeper"
    src.mkdir()
    moved.mkdir(parents=True)
    (src / "a.pdf").write_bytes(QUICK[0].read_bytes())
    _extract(str(src), "-o", str(tmp_path / "out1"), "--cache", str(cache_dir), "-f", "jsonl")
    for name in ("b.pdf", "c.pdf"):  # the same content twice, elsewhere
        (moved / name).write_bytes(QUICK[0].read_bytes())
    out = tmp_path / "out2"
    _extract(str(moved), "-o", str(out), "--cache", str(cache_dir), "-f", "jsonl")
    assert _manifest(out)["cached"] == 2
    items = [json.loads(ln) for ln in (out / "items.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {it["source_file"] for it in items} == {str(moved / "b.pdf"), str(moved / "c.pdf")}
    assert all(it["provenance"]["file"] == it["source_file"] for it in items)
    mentions = (out / "mentions.jsonl").read_text(encoding="utf-8")
    assert str(src / "a.pdf") not in mentions and str(src / "a.pdf") not in (out / "items.jsonl").read_text()


def test_changed_file_is_read_again(batch_dir, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for p in sorted(batch_dir.glob("*.pdf"))[:3]:
        (src / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "out"
    _extract(str(src), "-o", str(out), "-f", "jsonl")
    changed = sorted(src.iterdir())[0]
    changed.write_bytes(changed.read_bytes() + b"%edited\n")
    _extract(str(src), "-o", str(out), "-f", "jsonl")
    fresh = [e["path"] for e in _manifest(out)["inputs"] if not e["cached"]]
    assert fresh == [str(changed)]


def test_cache_dir_option_and_outputs_never_read_as_inputs(batch_dir, tmp_path):
    """OUT inside the input folder: its exports and cache are not inputs; --cache puts the cache elsewhere."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.pdf").write_bytes(QUICK[1].read_bytes())
    out, cache_dir = src / "out", tmp_path / "cache"
    for _ in range(2):
        res = _extract(str(src), "-o", str(out), "--cache", str(cache_dir))
        assert res.exit_code == 0, res.output
    m = _manifest(out)
    assert [e["path"] for e in m["inputs"]] == [str(src / "a.pdf")] and m["cached"] == 1
    assert any(cache_dir.rglob("*.json")) and not (out / ".cache").exists()
    # OUT is the input folder itself: its plans are inputs, its outputs are not
    same = tmp_path / "same"
    same.mkdir()
    (same / "a.pdf").write_bytes(QUICK[1].read_bytes())
    for _ in range(2):
        res = _extract(str(same), "-o", str(same), "-f", "jsonl,html,xlsx")
        assert res.exit_code == 0, res.output
    assert [e["path"] for e in _manifest(same)["inputs"]] == [str(same / "a.pdf")]
    assert (same / "report.html").exists() and (same / "plans.xlsx").exists()


def test_pipeline_version_changes_with_settings_and_user_catalog(monkeypatch):
    base = cache_mod.pipeline_version()
    monkeypatch.setattr("kehoach.settings.BODY_MATCH_MIN", 1)
    assert cache_mod.pipeline_version() != base
    monkeypatch.undo()
    assert cache_mod.pipeline_version() == base
    try:
        catalog.use_user_catalog({"bodies": {"doan_tn": ("Đoàn Thanh niên", ["ĐTN"])}})
        assert cache_mod.pipeline_version() != base
    finally:
        catalog.use_user_catalog(None)


def test_damaged_cache_entry_is_a_miss(tmp_path):
    c = cache_mod.ResultCache(tmp_path, "v1")
    atomic.write_text(tmp_path / "ab" / "ab12.json", "{not json")
    assert c.get("ab12") is None
    from kehoach.pipeline import failed

    c.put("cd34", failed(Path("x.pdf"), None, "why"), {"seconds": 1.0})
    assert c.get("cd34")[0].document.error == "why"
    assert cache_mod.ResultCache(tmp_path, "v2").get("cd34") is None  # another pipeline version


# --- per-file limits --------------------------------------------------------------------------------

def _sleepy(path, user_catalog=None, max_memory_mb=None):
    if path.endswith("slow.pdf"):
        time.sleep(30)
    return work.run_one(path, user_catalog, max_memory_mb)


def _hungry(path, user_catalog=None, max_memory_mb=None):
    if path.endswith("big.pdf"):
        bytearray(3 * 1024**3)  # 3 GB, above the bound
    return work.run_one(path, user_catalog, max_memory_mb)


def _crashing(path, user_catalog=None, max_memory_mb=None):
    if path.endswith("crash.pdf"):
        os.kill(os.getpid(), signal.SIGKILL)  # a segfault in native code looks like this to the pool
    return work.run_one(path, user_catalog, max_memory_mb)


@pytest.mark.parametrize("task, bad_name, reason", [
    (_sleepy, "slow.pdf", "timeout: no result within 8 s"),
    (_hungry, "big.pdf", "memory limit"),
    (_crashing, "crash.pdf", "worker process died"),
])
def test_a_file_over_its_limits_fails_alone(monkeypatch, tmp_path, task, bad_name, reason):
    files = []
    for name in ("a.pdf", bad_name, "b.pdf"):
        (tmp_path / name).write_bytes(QUICK[1].read_bytes())
        files.append(tmp_path / name)
    monkeypatch.setattr(runner, "run_one", task)
    # the timeout leaves a good file room on a loaded machine (a worker's first file also pays for imports)
    pool = LimitedPool(2, timeout=8.0, max_memory_mb=1024)
    try:
        t0 = time.perf_counter()
        outcomes = run_batch(files, pool, timeout=8.0, max_memory_mb=1024)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    assert time.perf_counter() - t0 < 29  # the slow file's 30 s sleep is cut short
    status = {o.path.name: (o.result.document.status, o.result.document.error) for o in outcomes}
    assert [o.path for o in outcomes] == files
    assert status["a.pdf"][0] == status["b.pdf"][0] == "ok"
    assert status[bad_name][0] == "failed" and status[bad_name][1].startswith(reason), status[bad_name]
    assert "\n" not in status[bad_name][1]


def test_memory_error_inside_process_file_is_named(tmp_path):
    """RLIMIT_AS makes allocations raise inside process_file: the reason names the limit."""
    from kehoach.pipeline import failed

    res = failed(tmp_path / "x.pdf", None, "internal error: MemoryError: ")
    assert limits.is_memory_failure(res.document.error)


def test_bomb_png_is_refused_by_the_image_cap(tmp_path):
    from PIL import Image

    p = tmp_path / "bomb.png"
    p.write_bytes(bomb_png())
    limits.cap_images()
    with pytest.raises(Image.DecompressionBombError):
        Image.open(p)


# --- crash safety: kill -9 midway, rerun, byte-identical exports ----------------------------------------

def _cli(src: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "kehoach.cli", "extract", str(src), "-o", str(out), "-q",
            "-f", "jsonl,csv,parquet", "-j", "2"]


@pytest.mark.e2e
def test_killed_run_resumes_to_byte_identical_exports(tmp_path):
    src = tmp_path / "src"
    make_batch(src, 20, broken=0.1, sources=QUICK)
    whole = tmp_path / "whole"
    subprocess.run(_cli(src, whole), cwd=REPO, capture_output=True, timeout=300)

    out = tmp_path / "killed"
    out.mkdir()
    # stand-ins for a previous run's outputs: a killed run must leave them byte for byte as they were
    for name in EXPORTS:
        (out / name).write_bytes((whole / name).read_bytes()[: len((whole / name).read_bytes()) // 2])
    before = {n: (out / n).read_bytes() for n in EXPORTS}
    proc = subprocess.Popen(_cli(src, out), cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and len(list((out / ".cache").rglob("*.json"))) < 6:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its worker processes, at once
    proc.wait()
    done = len(list((out / ".cache").rglob("*.json")))
    assert 1 < done < 20, f"kill came too late or too early ({done} cached)"
    assert {n: (out / n).read_bytes() for n in EXPORTS} == before
    assert not list(out.glob(".*.tmp"))

    subprocess.run(_cli(src, out), cwd=REPO, capture_output=True, timeout=300)
    m = _manifest(out)
    assert m["cached"] >= done - 2 and m["files"] == 20  # resumed: what was cached is not read again
    for name in EXPORTS:
        assert (out / name).read_bytes() == (whole / name).read_bytes(), name

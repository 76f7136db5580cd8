"""`kehoach validate OUT` catches damaged exports; `kehoach stats OUT` prints the run again."""

from __future__ import annotations

import json

import pytest
from helpers import SAMPLES_PDF
from typer.testing import CliRunner

from kehoach.cli import app


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    res = CliRunner().invoke(app, ["extract", str(SAMPLES_PDF / "sample_06_office_borderless.pdf"), "-o", str(out),
                                   "-q", "-f", "jsonl,csv,parquet"])
    assert res.exit_code == 0, res.output
    return out


def test_validate_good_export(out):
    res = CliRunner().invoke(app, ["validate", str(out)])
    assert res.exit_code == 0, res.output
    assert ": valid" in res.stdout


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_validate_reads_csv_or_parquet_when_no_jsonl(out, tmp_path, fmt):
    for name in ("documents", "items", "mentions"):
        (tmp_path / f"{name}.{fmt}").write_bytes((out / f"{name}.{fmt}").read_bytes())
    res = CliRunner().invoke(app, ["validate", str(tmp_path)])
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize("table, damage, message", [
    ("items", lambda r: r.update(table="widgets"), "table"),
    ("items", lambda r: r.update(doc_id="0000"), "unknown doc_id"),
    ("documents", lambda r: r.update(issue_date="29/11/2026"), "ISO 8601"),
    ("documents", lambda r: r.update(items=999), "says 999 rows"),
])
def test_validate_names_damage(out, tmp_path, table, damage, message):
    for name in ("documents", "items", "mentions"):
        (tmp_path / f"{name}.jsonl").write_bytes((out / f"{name}.jsonl").read_bytes())
    rows = [json.loads(ln) for ln in (tmp_path / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()]
    damage(rows[0])
    (tmp_path / f"{table}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                             encoding="utf-8")
    res = CliRunner().invoke(app, ["validate", str(tmp_path)])
    assert res.exit_code == 1
    assert message in res.stderr


def test_validate_and_stats_without_export(tmp_path):
    for cmd in ("validate", "stats"):
        res = CliRunner().invoke(app, [cmd, str(tmp_path / "nothing")])
        assert res.exit_code == 2 and res.stderr.startswith("error:"), res.output


def test_stats_prints_the_summary(out):
    res = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["stats", str(out)])
    assert res.exit_code == 0, res.output
    m = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert m["pipeline_version"] in res.stdout and f"{m['rows']}" in res.stdout


def test_unwritable_output_is_one_line(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be", encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(SAMPLES_PDF / "sample_06_office_borderless.pdf"), "-o",
                                   str(blocker), "-q", "--executor", "inline"])
    assert res.exit_code == 2 and res.stderr.startswith("error: cannot write"), res.output
    assert "Traceback" not in res.output

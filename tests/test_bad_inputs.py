"""Bad inputs never stop a batch: each becomes a failed document with a one-line reason."""

from __future__ import annotations

import json

import pytest
from conftest import BAD_MAKERS, GOOD_SAMPLE
from helpers import SAMPLES_KEYS, make_pdf, read_jsonl
from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.pipeline import process_file

ALL_BAD = list(BAD_MAKERS)


@pytest.mark.parametrize("bad_file", ALL_BAD, indirect=True)
def test_bad_file_fails_with_one_line_error(bad_file):
    result = process_file(bad_file)
    doc = result.document
    assert doc.status == "failed" and result.failed
    assert doc.error and "\n" not in doc.error
    assert result.items == [] and result.mentions == []
    assert doc.source_file == str(bad_file)


@pytest.mark.parametrize("bad_file", [
    name for name in ALL_BAD
], indirect=True)
def test_bad_file_error_names_the_reason(bad_file):
    reason = BAD_MAKERS[bad_file.name][1]
    error = process_file(bad_file).document.error
    assert error.startswith(reason + ": ")
    assert not error.endswith(": ")  # the reason is followed by an explanation


@pytest.mark.parametrize("bad_file, file_type", [
    ("office_renamed.pdf", "office"), ("image_renamed.pdf", "image"), ("empty.pdf", "empty"), ("truncated.pdf", "pdf"),
], indirect=["bad_file"])
def test_failed_document_records_what_the_file_is(bad_file, file_type):
    doc = process_file(bad_file).document
    assert doc.file_type == file_type and doc.sha256 and len(doc.sha256) == 64


@pytest.mark.parametrize("make", [lambda p: None, lambda p: p.mkdir()], ids=["missing", "directory"])
def test_unreadable_path(tmp_path, make):
    path = tmp_path / "x.pdf"
    make(path)
    doc = process_file(path).document
    assert doc.status == "failed" and doc.error.startswith("unreadable: ")


def test_readable_pdf_without_tables_is_no_tables(tmp_path):
    path = make_pdf(tmp_path / "notice.pdf", ["THÔNG BÁO", "Về việc nghỉ lễ Quốc khánh 2/9",
                                              "UBND xã Thanh Sơn thông báo lịch nghỉ lễ."])
    result = process_file(path)
    assert result.document.status == "no_tables" and not result.failed
    assert result.document.error is None and result.items == []
    assert (result.document.pages, result.document.tables) == (1, 0)


def test_pdf_with_wrong_extension_is_read(tmp_path, sample_result):
    path = tmp_path / "plan.dat"
    path.write_bytes(GOOD_SAMPLE.read_bytes())
    result = process_file(path)
    assert result.document.status == "ok"
    assert [it.name for it in result.items] == [it.name for it in sample_result.items]


# --- the CLI on a folder mixing good and bad files ------------------------------------------------


def test_cli_on_mixed_folder(mixed_folder, tmp_path):
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["extract", str(mixed_folder), "-o", str(out), "--format", "jsonl", "-q"])
    assert res.exit_code == 1

    docs = {d["source_file"]: d for d in read_jsonl(out / "documents.jsonl")}
    inputs = sorted(str(p) for p in mixed_folder.rglob("*") if p.is_file())
    assert sorted(docs) == inputs
    good = str(mixed_folder / "sub" / "good_plan.bin")
    status = {name: d["status"] for name, d in docs.items()}
    assert status.pop(good) == "ok"
    assert status.pop(str(mixed_folder / "notice.pdf")) == "no_tables"
    assert set(status.values()) == {"failed"} and len(status) == len(BAD_MAKERS)

    items = read_jsonl(out / "items.jsonl")
    gold_rows = len(json.loads((SAMPLES_KEYS / "sample_01.json").read_text(encoding="utf-8"))["items"])
    assert len(items) == gold_rows and {it["source_file"] for it in items} == {good}

    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == len(BAD_MAKERS)
    for name in BAD_MAKERS:
        assert sum(name in ln for ln in errors) == 1, name


def test_cli_all_good_exits_zero(tmp_path):
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["extract", str(GOOD_SAMPLE), "-o", str(out), "-f", "jsonl", "-q"])
    assert res.exit_code == 0, res.stderr
    assert [d["status"] for d in read_jsonl(out / "documents.jsonl")] == ["ok"]
    assert not [ln for ln in res.stderr.splitlines() if ln.startswith("error:")]


@pytest.mark.parametrize("args", [
    ["extract", "{missing}", "-o", "{out}"],
    ["extract", "{empty_dir}", "-o", "{out}"],
    ["extract", "{empty_dir}", "-o", "{out}", "--format", "xlsx"],
    ["schema", "widgets"],
])
def test_cli_usage_errors_exit_2(tmp_path, args):
    (tmp_path / "empty").mkdir()
    paths = {"missing": tmp_path / "missing", "empty_dir": tmp_path / "empty", "out": tmp_path / "out"}
    res = CliRunner().invoke(app, [a.format(**paths) for a in args])
    assert res.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_cli_parallel_jobs_give_the_same_outputs(mixed_folder, tmp_path):
    """Worker processes change nothing but speed: same records, same order, bad files still reported."""
    outs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        res = CliRunner().invoke(app, ["extract", str(mixed_folder), "-o", str(out), "-f", "jsonl", "-q", "-j", jobs])
        assert res.exit_code == 1
        outs[jobs] = [(out / name).read_text(encoding="utf-8") for name in ("documents.jsonl", "items.jsonl")]
    assert outs["1"] == outs["2"]


def test_scanned_pages_among_digital_ones_are_named_in_a_warning(tmp_path):
    """A digital body with a scanned appendix page: the page is not silently skipped."""
    from helpers import FONT
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    path = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("DejaVuSans", 12)
    c.drawString(72, 800, "UBND XÃ AN BÌNH")
    c.drawString(72, 780, "KẾ HOẠCH")
    c.showPage()
    c.drawImage(ImageReader(Image.new("L", (200, 280), 255)), 50, 50, 500, 700)  # a scanned page
    c.showPage()
    c.save()
    doc = process_file(path).document
    assert doc.status == "no_tables"
    assert any(w.startswith("page 2: images without a text layer") for w in doc.warnings), doc.warnings

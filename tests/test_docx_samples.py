"""End to end on Word files: the office samples against their keys and against their PDF printing,
and legacy .doc / .odt files converted by LibreOffice (skipped where it is not installed)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess

import pytest
from helpers import REPO, SAMPLES_KEYS, SAMPLES_PDF, extract
from test_docx_source import build_plan

from kehoach.evaluate import score
from kehoach.pipeline import process_file

pytestmark = pytest.mark.e2e

OFFICE = REPO / "samples" / "office"
STEMS = ["sample_05_office", "sample_06_office_borderless"]


def _export_to_keys():
    spec = importlib.util.spec_from_file_location("export_to_key", REPO / "scripts" / "export_to_key.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.export_to_keys


@pytest.fixture(scope="module")
def docx_export(tmp_path_factory):
    return extract(OFFICE, tmp_path_factory.mktemp("docx_out"))


def test_word_samples_meet_the_floors_against_their_keys(docx_export):
    overall, per_doc = score(SAMPLES_KEYS, docx_export, only=STEMS)
    assert set(per_doc) == set(STEMS)
    assert overall["rows"]["f1"] >= 0.99, overall["rows"]
    assert overall["cells"]["f1"] >= 0.95, overall["cells"]
    assert overall["references"]["f1"] >= 0.90, overall["references"]
    assert overall["document_fields"] >= 0.90, overall["document_field_detail"]


def test_a_word_plan_and_its_pdf_printing_give_the_same_rows(docx_export, tmp_path):
    pdfs = tmp_path / "pdf"
    pdfs.mkdir()
    for stem in STEMS:
        shutil.copy(SAMPLES_PDF / f"{stem}.pdf", pdfs)
    keys = tmp_path / "keys"
    _export_to_keys()(extract(pdfs, tmp_path / "pdf_out"), keys)
    overall, _ = score(keys, docx_export)
    assert overall["rows"]["f1"] >= 0.99, overall["rows"]
    assert overall["cells"]["f1"] >= 0.95, overall["cells"]


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: `make setup` installs it")
@pytest.mark.parametrize("fmt", ["doc", "odt"])
def test_legacy_word_files_are_converted_and_read_like_the_docx(tmp_path, fmt):
    docx = build_plan(tmp_path / "plan.docx")
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", fmt, "--outdir", str(tmp_path / "conv"), str(docx)],
                   check=True, capture_output=True, timeout=180)
    legacy = tmp_path / "conv" / f"plan.{fmt}"
    renamed = legacy.with_suffix(".bin")  # the type is told by content
    legacy.rename(renamed)
    want, got = process_file(docx), process_file(renamed)
    assert got.document.status == "ok" and got.document.method == f"docx-from-{fmt}"
    assert [(it.stt, it.name, it.lead) for it in got.items] == [(it.stt, it.name, it.lead) for it in want.items]
    assert (got.document.doc_number, got.document.signer_name) == ("45/KH-UBND", "Lê Văn Hùng")

"""`run.json`: what a run did, file by file, so a data team can audit it.

Counts and failures as before, plus every input (path, sha256, detected type, pages,
pages OCR'd, status, error, timings, row counts) and the pipeline version its result was
made with. Timings live here only: the exports stay byte-identical between runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kehoach import __version__
from kehoach.batch.runner import Outcome
from kehoach.schemas import Document

# the OCR front-end names the pages it read in a warning: "pages 1, 2: OCR'd (no text layer)"
_OCR_WARNING = re.compile(r"^pages? ([\d, ]+): OCR'd")


def ocr_pages(doc: Document) -> int:
    """Pages read by OCR. Hook for the OCR front-end: a `pages_ocr` field on Document if it adds one, else the
    pages its warnings name as OCR'd, else every page of a document read wholly by OCR (method "ocr"), else 0."""
    value = getattr(doc, "pages_ocr", None)
    if isinstance(value, int):
        return value
    named = {int(n) for w in doc.warnings if (m := _OCR_WARNING.match(w)) for n in re.findall(r"\d+", m.group(1))}
    if named:
        return len(named)
    return doc.pages if doc.method == "ocr" else 0


def input_entry(o: Outcome, pipeline_version: str) -> dict:
    d = o.result.document
    return {
        "path": str(o.path), "sha256": o.sha256 or d.sha256, "type": d.file_type, "status": d.status,
        "error": d.error, "method": d.method, "pages": d.pages, "pages_ocr": ocr_pages(d), "tables": d.tables,
        "rows": d.items, "rows_flagged": d.items_flagged, "mentions": len(o.result.mentions),
        "warnings": len(d.warnings), "cached": o.cached, "seconds": round(o.seconds, 4),
        "timings": {k: round(v, 4) for k, v in o.timings.items()}, "pipeline_version": pipeline_version,
    }


def build_manifest(outcomes: Sequence[Outcome], formats: list[str], pipeline_version: str,
                   run: dict) -> dict:
    """The whole run: totals first (what scripts check), then settings of the run, then every input."""
    docs = [o.result.document for o in outcomes]
    return {
        "kehoach_version": __version__,
        "pipeline_version": pipeline_version,
        "formats": formats,
        "files": len(docs),
        "ok": sum(d.status == "ok" for d in docs),
        "no_tables": [d.source_file for d in docs if d.status == "no_tables"],
        "failed": [{"file": d.source_file, "error": d.error} for d in docs if d.status == "failed"],
        "pages": sum(d.pages for d in docs),
        "pages_ocr": sum(ocr_pages(d) for d in docs),
        "tables": sum(d.tables for d in docs),
        "rows": sum(d.items for d in docs),
        "rows_flagged": sum(d.items_flagged for d in docs),
        "cached": sum(o.cached for o in outcomes),
        "processed": sum(not o.cached for o in outcomes),
        "run": run,
        "inputs": [input_entry(o, pipeline_version) for o in outcomes],
    }

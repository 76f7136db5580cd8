"""`kehoach validate OUT` and `kehoach stats OUT`: re-read a finished export.

WHY: exports travel (copied, edited in a spreadsheet, loaded elsewhere); re-checking them
against the same pydantic schemas, and across tables (every item's doc_id names a document,
counts agree), catches damage before a data team loads it.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ValidationError
from rich.table import Table

from kehoach.export.writers import LIST_SEP, TABLES, _flat_fields
from kehoach.schemas import Provenance

# exports written only by some front-ends (body targets come from plain-text plans): absent is no problem
OPTIONAL_TABLES = {"targets"}


class NoExport(Exception):
    """The folder holds no export of the kind asked for."""


def _csv_record(model: type[BaseModel], row: dict[str, str]) -> dict:
    """A flat CSV row back into the nested record shape (lists split, prov_* regrouped, blanks None)."""
    types = dict(_flat_fields(model))
    rec: dict = {}
    prov: dict = {}
    for name, value in row.items():
        kind = str(types.get(name, ""))
        v: object = None if value == "" else value
        if kind.startswith("list"):
            v = [] if value == "" else [None if x == "" else x for x in value.split(LIST_SEP)]
        elif kind == "bool" and v is not None:
            v = value == "True"
        if name.startswith("prov_"):
            prov[name[5:]] = v
        else:
            rec[name] = v
    if prov:
        rec["provenance"] = {k: v for k, v in prov.items() if v is not None or k in Provenance.model_fields}
    return rec


def _parquet_record(row: dict) -> dict:
    """A typed Parquet row back into the nested record shape (prov_* regrouped)."""
    rec = {k: v for k, v in row.items() if not k.startswith("prov_")}
    prov = {k[5:]: v for k, v in row.items() if k.startswith("prov_")}
    if prov:
        rec["provenance"] = prov
    return rec


def _read(out_dir: Path, name: str) -> tuple[str, list[dict]] | None:
    """The records of one table from its JSON Lines export, else CSV, else Parquet."""
    jsonl, csv_path, parquet = (out_dir / f"{name}.{ext}" for ext in ("jsonl", "csv", "parquet"))
    if jsonl.exists():
        lines = jsonl.read_text(encoding="utf-8").splitlines()
        return str(jsonl), [json.loads(ln) if ln.strip() else {} for ln in lines]
    if csv_path.exists():
        rows = csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig")))
        return str(csv_path), [_csv_record(TABLES[name], r) for r in rows]
    if parquet.exists():
        import pyarrow.parquet as pq

        return str(parquet), [_parquet_record(r) for r in pq.read_table(parquet).to_pylist()]
    return None


def validate_output(out_dir: Path) -> tuple[list[str], dict[str, int]]:
    """Problems found (one line each) and the record count per table."""
    if not out_dir.is_dir():
        raise NoExport(f"{out_dir}: no such folder")
    problems: list[str] = []
    counts: dict[str, int] = {}
    loaded: dict[str, list[BaseModel]] = {}
    for name, model in TABLES.items():
        got = _read(out_dir, name)
        if got is None:
            if name not in OPTIONAL_TABLES:
                problems.append(f"{name}: no {name}.jsonl, .csv or .parquet")
            continue
        path, rows = got
        counts[name] = len(rows)
        loaded[name] = []
        for n, row in enumerate(rows, start=1):
            try:
                loaded[name].append(model.model_validate(row))
            except (ValidationError, ValueError, TypeError) as e:
                first = e.errors()[0] if isinstance(e, ValidationError) else {"loc": (), "msg": str(e)}
                where = ".".join(map(str, first["loc"]))
                problems.append(f"{path}:{n}: {where + ': ' if where else ''}{first['msg']}")
    if not counts:
        raise NoExport(f"{out_dir}: no documents, items or mentions export found")
    docs = {d.doc_id: d for d in loaded.get("documents", [])}
    per_doc = Counter(it.doc_id for it in loaded.get("items", []))
    for it in loaded.get("items", []):
        if docs and it.doc_id not in docs:
            problems.append(f"items: row {it.row_index} of {it.source_file} names unknown doc_id {it.doc_id}")
    for doc_id, d in docs.items():
        if "items" in loaded and d.items != per_doc.get(doc_id, 0):
            problems.append(f"documents: {d.source_file} says {d.items} rows, items has {per_doc.get(doc_id, 0)}")
    return problems, counts


def read_manifest(out_dir: Path) -> dict:
    path = out_dir / "run.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NoExport(f"{path}: not found (run kehoach extract -o {out_dir} first)") from None
    except ValueError as e:
        raise NoExport(f"{path}: not valid JSON ({e})") from None


def stats_table(m: dict) -> Table:
    """The run summary from run.json (the table `extract` printed, plus cache and timing)."""
    t = Table(title=f"kehoach run ({m.get('kehoach_version', '?')}, pipeline {m.get('pipeline_version', '?')})")
    cols = ["files", "ok", "no tables", "failed", "pages", "pages OCR", "tables", "rows", "rows flagged",
            "from cache", "seconds"]
    for c in cols:
        t.add_column(c, justify="right")
    run = m.get("run", {})
    t.add_row(*map(str, [m.get("files", 0), m.get("ok", 0), len(m.get("no_tables", [])), len(m.get("failed", [])),
                         m.get("pages", 0), m.get("pages_ocr", 0), m.get("tables", 0), m.get("rows", 0),
                         m.get("rows_flagged", 0), m.get("cached", 0), run.get("seconds", "")]))
    return t

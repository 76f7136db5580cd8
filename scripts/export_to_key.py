#!/usr/bin/env python3
"""Turn a JSON Lines export into answer keys (gold format), to score one export against another.

A Word plan and its PDF printing must give the same rows: export both, turn
one export into keys with this script, and score the other against them
(`python -m kehoach.evaluate --gold KEYS --pred OTHER`). Keys are named by the
source file's stem, so the two exports must come from files of the same stem
(plan.docx and plan.pdf).

usage: python scripts/export_to_key.py EXPORT_DIR --out KEYS_DIR
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

DOC_FIELDS = ("admin_unit_type", "admin_unit_name", "province", "issuing_body", "doc_number", "doc_symbol",
              "issue_date", "doc_type", "title", "signer_name", "signer_title", "references", "budget_total",
              "budget_unit")
ITEM_FIELDS = ("table", "kind", "section", "section_title", "stt", "name", "unit_of_measure", "target",
               "expected_result", "lead", "coordinating", "monitoring", "deadline", "note", "amount")


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def export_to_keys(export: Path, out: Path) -> list[Path]:
    """One key per exported document (failed ones skipped); returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    items: dict[str, list[dict]] = {}
    for it in _read(export / "items.jsonl"):
        items.setdefault(it["source_file"], []).append(it)
    written = []
    for doc in _read(export / "documents.jsonl"):
        if doc.get("status") == "failed":
            continue
        rows = []
        for it in items.get(doc["source_file"], []):
            row = {f: it.get(f) for f in ITEM_FIELDS}
            for role in ("lead", "coordinating", "monitoring"):
                row[f"{role}_keys"] = it.get(f"{role}_ids") or []
            row["indicator_key"] = it.get("indicator_id")
            row["uncertain"] = []
            rows.append(row)
        stem = Path(doc["source_file"]).stem
        key = {"source": Path(doc["source_file"]).name, "document": {f: doc.get(f) for f in DOC_FIELDS},
               "items": rows, "body_targets": []}
        path = out / f"{stem}.json"
        path.write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    for path in export_to_keys(args.export, args.out):
        print(path)


if __name__ == "__main__":
    main()

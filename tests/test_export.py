"""The three export formats, the JSON Schema command and the record validators."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.export import write_all
from kehoach.schemas import Document, Item, Mention, Provenance

CONTRACT = {
    "documents": ["source_file", "admin_unit_type", "admin_unit_name", "province", "issuing_body", "doc_number",
                  "doc_symbol", "issue_date", "title", "signer_name", "signer_title", "references", "budget_total",
                  "budget_unit"],
    "items": ["source_file", "table", "kind", "section", "section_title", "stt", "name", "unit_of_measure",
              "target", "expected_result", "deadline", "note", "lead", "coordinating", "monitoring", "lead_ids",
              "coordinating_ids", "monitoring_ids", "indicator_id", "amount"],
}
TABLES = ("documents", "items", "mentions", "targets")


@pytest.fixture(scope="module")
def records(sample_result):
    return {"documents": [sample_result.document], "items": sample_result.items, "mentions": sample_result.mentions}


@pytest.fixture(scope="module")
def exported(records, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    written = write_all(out, records, ["csv", "parquet", "jsonl"])
    assert sorted(p.name for p in written) == sorted(f"{t}.{f}" for t in TABLES for f in ("csv", "parquet", "jsonl"))
    return out


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- JSON Lines ------------------------------------------------------------------------------------

@pytest.mark.parametrize("table", ["documents", "items"])
def test_jsonl_has_every_contract_field(exported, records, table):
    rows = _jsonl(exported / f"{table}.jsonl")
    assert len(rows) == len(records[table]) > 0
    for row in rows:
        assert set(CONTRACT[table]) <= set(row), set(CONTRACT[table]) - set(row)


def test_jsonl_types_and_text(exported, records):
    doc = _jsonl(exported / "documents.jsonl")[0]
    assert isinstance(doc["references"], list) and isinstance(doc["budget_total"], float)
    items = _jsonl(exported / "items.jsonl")
    for row in items:
        for role in ("lead", "coordinating", "monitoring"):
            assert isinstance(row[role], list) and len(row[role]) == len(row[role + "_ids"])
    assert [r["name"] for r in items] == [it.name for it in records["items"]]  # UTF-8 text, not \u escapes
    assert "\\u" not in (exported / "items.jsonl").read_text(encoding="utf-8")
    assert {r["table"] for r in items} == {"indicators", "tasks", "budget"}
    assert all(isinstance(r["amount"], float) for r in items if r["table"] == "budget")


def test_mentions_point_back_to_items(exported):
    items = _jsonl(exported / "items.jsonl")
    for m in _jsonl(exported / "mentions.jsonl"):
        assert items[m["row_index"]][m["role"]][m["position"]] == m["text"]


# --- CSV ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("table", TABLES)
def test_csv_starts_with_bom(exported, table):
    assert (exported / f"{table}.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_csv_reads_back_with_pandas(exported, records):
    df = pd.read_csv(exported / "items.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    items = records["items"]
    assert len(df) == len(items)
    assert list(df["name"]) == [it.name for it in items]
    assert list(df["lead"]) == [" | ".join(it.lead) for it in items]
    assert {"prov_page", "prov_method", "prov_file"} <= set(df.columns) and "provenance" not in df.columns
    docs = pd.read_csv(exported / "documents.csv", encoding="utf-8-sig")
    assert docs.loc[0, "admin_unit_name"] == records["documents"][0].admin_unit_name


# --- Parquet ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("column, arrow_type", [
    ("lead", pa.list_(pa.string())),
    ("lead_ids", pa.list_(pa.string())),
    ("review_reasons", pa.list_(pa.string())),
    ("amount", pa.float64()),
    ("target_value", pa.float64()),
    ("target_is_percent", pa.bool_()),
    ("row_index", pa.int64()),
    ("prov_page", pa.int64()),
    ("prov_pages", pa.list_(pa.int64())),
    ("prov_bbox", pa.list_(pa.float64())),
    ("name", pa.string()),
])
def test_parquet_items_are_typed(exported, column, arrow_type):
    schema = pq.read_schema(exported / "items.parquet")
    assert schema.field(column).type.equals(arrow_type), schema.field(column).type


def test_parquet_values(exported, records):
    rows = pq.read_table(exported / "items.parquet").to_pylist()
    items = records["items"]
    assert [r["lead"] for r in rows] == [it.lead for it in items]
    assert [r["name"] for r in rows] == [it.name for it in items]
    budget = [r for r in rows if r["table"] == "budget"]
    assert budget and all(isinstance(r["amount"], float) for r in budget)
    doc = pq.read_table(exported / "documents.parquet").to_pylist()[0]
    assert isinstance(doc["references"], list) and doc["references"] == records["documents"][0].references
    assert isinstance(doc["budget_total"], float)


def test_empty_export_keeps_the_columns(tmp_path):
    write_all(tmp_path, {}, ["csv", "parquet", "jsonl"])
    assert (tmp_path / "items.jsonl").read_text() == ""
    assert pq.read_table(tmp_path / "items.parquet").num_rows == 0
    assert set(CONTRACT["items"]) <= set(pq.read_schema(tmp_path / "items.parquet").names)
    assert set(CONTRACT["documents"]) <= set(pd.read_csv(tmp_path / "documents.csv", encoding="utf-8-sig").columns)


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="xlsx"):
        write_all(tmp_path, {}, ["xlsx"])


# --- JSON Schema ---------------------------------------------------------------------------------------

def _refs(node):
    if isinstance(node, dict):
        if "$ref" in node:
            yield node["$ref"]
        for v in node.values():
            yield from _refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from _refs(v)


@pytest.mark.parametrize("record, contract", [("items", CONTRACT["items"]), ("documents", CONTRACT["documents"]),
                                              ("mentions", ["source_file", "role", "text", "catalog_id"])])
def test_schema_command_prints_json_schema(record, contract):
    res = CliRunner().invoke(app, ["schema", record])
    assert res.exit_code == 0
    schema = json.loads(res.stdout)
    assert schema["type"] == "object" and schema["additionalProperties"] is False
    assert set(contract) <= set(schema["properties"])
    assert set(schema["required"]) <= set(schema["properties"])
    for ref in _refs(schema):
        assert ref.startswith("#/$defs/") and ref.split("/")[-1] in schema["$defs"]


def test_schema_fits_exported_items(exported):
    schema = json.loads(CliRunner().invoke(app, ["schema", "items"]).stdout)
    for row in _jsonl(exported / "items.jsonl"):
        assert set(row) <= set(schema["properties"]) and set(schema["required"]) <= set(row)


# --- validators --------------------------------------------------------------------------------------

PROV = Provenance(file="a.pdf", page=1, method="pdf-text", confidence=1.0)
ITEM = dict(source_file="a.pdf", doc_id="x", row_index=0, table="tasks", table_index=0, kind="task", provenance=PROV)
DOC = dict(source_file="a.pdf", doc_id="x", status="ok")


@pytest.mark.parametrize("model, fields", [
    (Item, dict(ITEM, lead=["Phòng VHXH", "Công an xã"], lead_ids=["phong_vhxh"])),
    (Item, dict(ITEM, coordinating=[], coordinating_ids=[None])),
    (Item, dict(ITEM, deadline_date="2026-13")),
    (Item, dict(ITEM, kind="budget")),  # a budget row outside a budget table
    (Item, dict(ITEM, table="plans")),
    (Item, dict(ITEM, surprise=1)),  # extra fields are refused
    (Document, dict(DOC, issue_date="2025-13")),
    (Document, dict(DOC, issue_date="16/10/2025")),
    (Document, dict(DOC, issue_date="2025-02-32")),
    (Document, dict(DOC, status="failed")),  # a failed document needs an error
    (Document, dict(DOC, admin_unit_type="huyện")),
    (Provenance, dict(file="a.pdf", page=0, method="x", confidence=1.0)),
    (Provenance, dict(file="a.pdf", page=1, method="x", confidence=1.5)),
    (Mention, dict(source_file="a", doc_id="x", row_index=0, role="owner", position=0, text="A")),
])
def test_validators_reject_bad_records(model, fields):
    with pytest.raises(ValidationError):
        model(**fields)


@pytest.mark.parametrize("model, fields, check", [
    (Document, dict(DOC, issue_date="2025"), lambda d: d.issue_date == "2025"),
    (Document, dict(DOC, issue_date="2026-01"), lambda d: d.issue_date == "2026-01"),
    (Document, dict(DOC, title="  Ke\u0302\u0301 hoạch  "), lambda d: d.title == "Kế hoạch"),  # NFC, stripped
    (Document, dict(DOC, province="  "), lambda d: d.province is None),
    (Item, dict(ITEM, lead=["Công an xã"], lead_ids=[None], review_reasons=["lead_unmapped"]),
     lambda it: it.needs_review),
    (Item, dict(ITEM, deadline_date="2026-12"), lambda it: not it.needs_review),
])
def test_validators_accept_and_normalise(model, fields, check):
    assert check(model(**fields))

"""The header's new fields reach every export (JSONL, CSV, Parquet) and the JSON Schema."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from pydantic import ValidationError

from kehoach.export.writers import write_csv, write_jsonl, write_parquet
from kehoach.schemas import Document

NEW = {"doc_type": "quyết định", "parent_body": "Sở Công Thương", "admin_unit_code": "15", "province_code": "15",
       "province_current": "Lào Cai"}


def _doc(**kw) -> Document:
    fields = {"source_file": "a.pdf", "doc_id": "x", "status": "no_tables", "admin_unit_type": "tỉnh",
              "admin_unit_name": "Lào Cai", "province": "Lào Cai", **NEW, **kw}
    return Document(**fields)


def test_new_fields_in_jsonl_csv_and_parquet(tmp_path):
    docs = [_doc()]
    write_jsonl(tmp_path / "d.jsonl", docs)
    write_csv(tmp_path / "d.csv", Document, docs)
    write_parquet(tmp_path / "d.parquet", Document, docs)
    row = json.loads((tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()[0])
    csv = pd.read_csv(tmp_path / "d.csv", dtype=str).iloc[0].to_dict()
    parquet = pd.read_parquet(tmp_path / "d.parquet").iloc[0].to_dict()
    for name, value in NEW.items():
        assert row[name] == csv[name] == parquet[name] == value


def test_json_schema_names_the_new_fields():
    props = Document.model_json_schema()["properties"]
    assert set(NEW) <= set(props)
    assert "tỉnh" in json.dumps(props["admin_unit_type"], ensure_ascii=False)


def test_unit_type_outside_the_schema_is_rejected():
    with pytest.raises(ValidationError):
        _doc(admin_unit_type="huyện")

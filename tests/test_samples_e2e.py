"""End to end: the CLI on samples/pdf, scored against samples/keys with the project's scorer."""

from __future__ import annotations

import pytest
from helpers import SAMPLES_KEYS, SAMPLES_PDF, extract, read_jsonl

pytestmark = pytest.mark.e2e

FLOORS = {"rows": 0.98, "cells": 0.95, "references": 0.95}
DOC_FIELDS_FLOOR = 0.90
PER_DOC_ROWS_FLOOR = 0.95


@pytest.fixture(scope="session")
def extracted(tmp_path_factory):
    return extract(SAMPLES_PDF, tmp_path_factory.mktemp("e2e"), fmt="all")


@pytest.fixture(scope="session")
def scores(extracted):
    from kehoach.evaluate import score

    return score(SAMPLES_KEYS, extracted)



def test_every_sample_is_scored(scores):
    overall, per_doc = scores
    assert sorted(per_doc) == sorted(p.stem for p in SAMPLES_PDF.glob("*.pdf"))
    assert overall["documents"] == len(per_doc) > 0


@pytest.mark.parametrize("metric, floor", FLOORS.items())
def test_overall_f1_floor(scores, metric, floor):
    overall, _ = scores
    assert overall[metric]["f1"] >= floor, overall[metric]


def test_document_fields_floor(scores):
    overall, _ = scores
    assert overall["document_fields"] >= DOC_FIELDS_FLOOR, overall["document_field_detail"]


@pytest.mark.parametrize("stem", sorted(p.stem for p in SAMPLES_KEYS.glob("*.json")))
def test_per_document_row_f1_floor(scores, stem):
    _, per_doc = scores
    d = per_doc[stem]
    assert d["rows"]["f1"] >= PER_DOC_ROWS_FLOOR, (d["gold_rows"], d["pred_rows"], d["matched_rows"])


def test_every_sample_is_ok(extracted):
    docs = read_jsonl(extracted / "documents.jsonl")
    assert sorted(d["status"] for d in docs) == ["ok"] * len(list(SAMPLES_PDF.glob("*.pdf")))


def test_every_item_has_provenance(extracted):
    items = read_jsonl(extracted / "items.jsonl")
    assert items
    for it in items:
        prov = it["provenance"]
        assert prov["page"] >= 1 and prov["method"], it["name"]
        assert prov["page"] in prov["pages"] and prov["file"] == it["source_file"]


def test_all_formats_written(extracted):
    names = {p.name for p in extracted.iterdir()}
    assert {f"{t}.{f}" for t in ("documents", "items", "mentions") for f in ("csv", "parquet", "jsonl")} <= names

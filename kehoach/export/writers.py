"""documents.*, items.* and mentions.* as CSV (UTF-8 with BOM), Parquet (typed) and JSON Lines.

JSON Lines keep the records as they are (nested provenance) and follow
eval/CONTRACT.md. CSV and Parquet are flat tables for spreadsheets and data
tools: provenance becomes `prov_*` columns; in CSV, lists are joined with " | ".
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args, get_origin

from pydantic import BaseModel

from kehoach.export import atomic
from kehoach.schemas import BodyTarget, Document, Item, Mention, Provenance

if TYPE_CHECKING:  # pandas and pyarrow are imported by the CSV and Parquet writers only: a run's
    import pyarrow as pa  # start-up (every worker, every CLI call) does not pay for them

FORMATS = ("csv", "parquet", "jsonl")
LIST_SEP = " | "
TABLES: dict[str, type[BaseModel]] = {"documents": Document, "items": Item, "mentions": Mention,
                                      "targets": BodyTarget}


def _arrow_type(annotation) -> pa.DataType:
    import pyarrow as pa

    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _arrow_type(inner[0]) if len(inner) == 1 else pa.string()
    if origin is list:
        return pa.list_(_arrow_type(args[0]) if args else pa.string())
    if origin is tuple:
        return pa.list_(_arrow_type(args[0]))
    if origin is Literal:
        return pa.string()
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}.get(annotation, pa.string())


def _flat_fields(model: type[BaseModel]) -> list[tuple[str, pa.DataType]]:
    """The flat columns of a table (provenance as prov_* columns) with their Arrow types."""
    out: list[tuple[str, pa.DataType]] = []
    for name, f in model.model_fields.items():
        if f.annotation is Provenance:
            out += [(f"prov_{n}", _arrow_type(pf.annotation)) for n, pf in Provenance.model_fields.items()]
        else:
            out.append((name, _arrow_type(f.annotation)))
    return out


def arrow_schema(model: type[BaseModel]) -> pa.Schema:
    import pyarrow as pa

    return pa.schema(_flat_fields(model))


def _flat(record: BaseModel) -> dict:
    row = record.model_dump(mode="json")
    prov = row.pop("provenance", None)
    if prov is not None:
        row.update({f"prov_{k}": v for k, v in prov.items()})
    return row


def write_jsonl(path: Path, records: Iterable[BaseModel]) -> None:
    with atomic.atomic_path(path) as tmp, tmp.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r.model_dump(mode="json"), ensure_ascii=False) + "\n")


def write_csv(path: Path, model: type[BaseModel], records: list[BaseModel]) -> None:
    columns = [n for n, _ in _flat_fields(model)]
    rows = []
    for r in records:
        row = _flat(r)
        for k, v in row.items():
            if isinstance(v, list):
                row[k] = LIST_SEP.join("" if x is None else str(x) for x in v)
        rows.append(row)
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns)
    atomic.write_with(path, lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8-sig"))


def write_parquet(path: Path, model: type[BaseModel], records: list[BaseModel]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(model)
    rows = [_flat(r) for r in records]
    table = pa.Table.from_pylist(rows, schema=schema) if rows else schema.empty_table()
    atomic.write_with(path, lambda tmp: pq.write_table(table, tmp))


def write_all(out_dir: Path, records: dict[str, list[BaseModel]], formats: Iterable[str]) -> list[Path]:
    """Write every table in every asked format; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, model in TABLES.items():
        rows = records.get(name, [])
        for fmt in formats:
            path = out_dir / f"{name}.{fmt}"
            if fmt == "jsonl":
                write_jsonl(path, rows)
            elif fmt == "csv":
                write_csv(path, model, rows)
            elif fmt == "parquet":
                write_parquet(path, model, rows)
            else:
                raise ValueError(f"unknown format {fmt!r}")
            written.append(path)
    return written

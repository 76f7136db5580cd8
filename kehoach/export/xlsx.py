"""`plans.xlsx`: one sheet per table kind plus documents, mentions and review, ready for Excel.

WHY: analysts work in Excel; each sheet gets a frozen header row, an autofilter over its
columns and widths fitted to the content, so the file is usable as opened. The rows are the
flat records of the CSV export (same columns), lists joined with " | ".
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from pydantic import BaseModel

from kehoach.export import atomic
from kehoach.export.review import review_queue
from kehoach.export.writers import LIST_SEP, _flat, _flat_fields
from kehoach.schemas import Document, Item, Mention

TABLE_KINDS = ("indicators", "tasks", "budget")
MAX_WIDTH = 60  # characters: long names wrap instead of pushing every other column off screen
_HEAD_FILL = PatternFill("solid", fgColor="DDE4EE")
_FLAG_FILL = PatternFill("solid", fgColor="FFF2CC")
_ILLEGAL = {i for i in range(32)} - {9, 10, 13}  # control characters openpyxl refuses


def _cell(value: object) -> object:
    if isinstance(value, list):
        value = LIST_SEP.join("" if x is None else str(x) for x in value)
    if isinstance(value, str) and any(ord(ch) in _ILLEGAL for ch in value):
        value = "".join(ch for ch in value if ord(ch) not in _ILLEGAL)
    return value


def _sheet(wb: Workbook, title: str, columns: list[str], rows: Sequence[dict],
           flag_column: str | None = None) -> None:
    ws = wb.create_sheet(title)
    ws.append(columns)
    for c in ws[1]:
        c.font, c.fill = Font(bold=True), _HEAD_FILL
    widths = [len(c) for c in columns]
    for row in rows:
        values = [_cell(row.get(c)) for c in columns]
        ws.append(values)
        for c in ws[ws.max_row]:
            if isinstance(c.value, str) and c.value.startswith("="):  # document text is never a formula
                c.data_type = "s"
        for k, v in enumerate(values):
            widths[k] = max(widths[k], min(MAX_WIDTH, len(str(v)) if v is not None else 0))
        if flag_column and row.get(flag_column):
            for c in ws[ws.max_row]:
                c.fill = _FLAG_FILL
    for k, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(k)].width = w + 2
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, ws.max_row)}"
    for row in ws.iter_rows(min_row=2):
        for c in row:
            if isinstance(c.value, str) and len(c.value) > MAX_WIDTH:
                c.alignment = Alignment(wrap_text=True, vertical="top")


def _columns(model: type[BaseModel]) -> list[str]:
    return [n for n, _ in _flat_fields(model)]


def build_workbook(records: dict[str, list[BaseModel]]) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    items: list[Item] = records.get("items", [])  # type: ignore[assignment]
    _sheet(wb, "documents", _columns(Document), [_flat(d) for d in records.get("documents", [])])
    for kind in TABLE_KINDS:
        _sheet(wb, kind, _columns(Item), [_flat(it) for it in items if it.table == kind], flag_column="needs_review")
    _sheet(wb, "mentions", _columns(Mention), [_flat(m) for m in records.get("mentions", [])])
    queue = review_queue(records.get("documents", []), items)  # type: ignore[arg-type]
    _sheet(wb, "review", ["rank", "weight", "source_file", "table", "row_index", "stt", "name", "target", "amount",
                          "reasons", "confidence", "page"], [q.as_row(i) for i, q in enumerate(queue, start=1)])
    # fixed document properties: the file does not change between two runs over the same inputs
    from datetime import datetime
    fixed = datetime(2000, 1, 1)
    wb.properties.created = wb.properties.modified = fixed
    wb.properties.creator = "kehoach"
    return wb


def write_xlsx(path: Path, records: dict[str, list[BaseModel]]) -> None:
    wb = build_workbook(records)
    atomic.write_with(path, wb.save)

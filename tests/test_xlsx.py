"""plans.xlsx read back: a sheet per table kind plus documents, mentions, review; frozen, filtered, sized."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from kehoach.export.xlsx import TABLE_KINDS, write_xlsx
from kehoach.pipeline import failed


@pytest.fixture(scope="module")
def workbook(sample_result, tmp_path_factory):
    items = [it.model_copy(deep=True) for it in sample_result.items]
    items[0].name = "=HYPERLINK(\"http://example.invalid\")"  # document text, never a formula
    records = {"documents": [sample_result.document, failed(tmp_path_factory.mktemp("x") / "bad.pdf", None,
                                                             "empty: file is empty").document],
               "items": items, "mentions": sample_result.mentions}
    path = tmp_path_factory.mktemp("xlsx") / "plans.xlsx"
    write_xlsx(path, records)
    return load_workbook(path), records


def test_sheets_and_row_counts(workbook):
    wb, records = workbook
    assert wb.sheetnames == ["documents", *TABLE_KINDS, "mentions", "review"]
    assert wb["documents"].max_row == 1 + len(records["documents"])
    for kind in TABLE_KINDS:
        assert wb[kind].max_row == 1 + sum(it.table == kind for it in records["items"])
    assert wb["mentions"].max_row == 1 + len(records["mentions"])
    flagged = sum(it.needs_review for it in records["items"])
    assert wb["review"].max_row == 1 + flagged + 1  # + the failed document
    assert wb["review"]["D2"].value == "document"  # most consequential first


def test_frozen_header_filter_and_widths(workbook):
    wb, _ = workbook
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title
        assert all(c.font.bold for c in ws[1])
        width = {i: d.width for d in ws.column_dimensions.values() for i in range(d.min, d.max + 1)}
        assert all(width.get(c.column, 0) >= len(str(c.value)) for c in ws[1]), ws.title


def test_values_and_text_that_looks_like_a_formula(workbook):
    wb, records = workbook
    ws = wb["indicators"]
    header = [c.value for c in ws[1]]
    first = dict(zip(header, [c.value for c in ws[2]], strict=True))
    assert first["name"].startswith("=HYPERLINK") and ws.cell(2, header.index("name") + 1).data_type == "s"
    assert "prov_page" in header and "lead" in header
    docs = wb["documents"]
    dhead = [c.value for c in docs[1]]
    assert docs.cell(2, dhead.index("admin_unit_name") + 1).value == records["documents"][0].admin_unit_name

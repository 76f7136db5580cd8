"""An appendix caption names the plan it belongs to: its fields fill what the header block left empty."""

from __future__ import annotations

import pytest

from kehoach.parsers.header import Header
from kehoach.parsers.text_caption import fill_from_caption


@pytest.mark.parametrize(("caption", "symbol", "number", "date", "unit", "body"), [
    ("Phụ lục I\n(Kèm theo Kế hoạch số   /KH-UBND ngày   /10/2025 của Ủy ban nhân xã Liên Minh)",
     "KH-UBND", None, "2025-10", ("xã", "Liên Minh"), "Ủy ban nhân xã Liên Minh"),
    ("(Kèm theo Kế hoạch số         /KH-UBND ngày     / 0 1 / 2026 của UBND xã)",
     "KH-UBND", None, "2026-01", (None, None), "UBND xã"),
    ("(Kèm theo Quyết định số 15/QĐ-UBND ngày 05/3/2026 của UBND phường An Lạc)",
     "QĐ-UBND", "15/QĐ-UBND", "2026-03-05", ("phường", "An Lạc"), "UBND phường An Lạc"),
])
def test_caption_fills_empty_fields(caption, symbol, number, date, unit, body):
    h = fill_from_caption(Header(), [caption])
    assert (h.doc_symbol, h.doc_number, h.issue_date) == (symbol, number, date)
    assert (h.admin_unit_type, h.admin_unit_name) == unit
    assert h.issuing_body == body
    assert h.doc_type == ("quyết định" if "Quyết định" in caption else "kế hoạch")  # the appendix's document


def test_header_fields_found_are_kept():
    h = fill_from_caption(Header(doc_symbol="KH-BCĐ", issue_date="2026-02-01", doc_type="chương trình"),
                          ["(Kèm theo Kế hoạch số 3/KH-UBND ngày 05/3/2026 của UBND xã An Bình)"])
    assert (h.doc_symbol, h.issue_date, h.doc_type) == ("KH-BCĐ", "2026-02-01", "chương trình")


def test_caption_without_plan_changes_nothing():
    assert fill_from_caption(Header(), ["Phụ lục 2", "DANH MỤC CÁC NHIỆM VỤ"]) == Header()


def test_a_field_the_caption_fills_is_no_longer_reported_unread():
    header = Header(warnings=["header: issue_date not read", "header: title not read"])
    header.warnings.append("header: doc_type not read")
    filled = fill_from_caption(header, ["(Kèm theo Kế hoạch số 36/KH-UBND ngày 09/10/2025 của UBND xã Liên Minh)"])
    assert (filled.issue_date, filled.doc_type) == ("2025-10-09", "kế hoạch")
    assert filled.warnings == ["header: title not read"]

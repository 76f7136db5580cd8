"""What a row is (indicator, task, budget) and what a table is, from evidence, not layout rules.

The table's caption and columns give a prior; a row leaves it only on evidence:
a unit of measure, a quantitative target, an indicator-like opening ("Tỉ lệ",
"Xếp hạng") or a catalog indicator name point to an indicator; an opening
action verb ("Triển khai", "Xây dựng", "Thường xuyên rà soát") points to a task.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kehoach import settings
from kehoach.normalize.text import fold

INDICATOR_OPENINGS = (
    "ti le", "ty le", "xep hang", "chi so", "so luong", "muc do", "dan so", "nguoi dan", "hoc sinh",
    "co so", "giao dich", "ha tang", "phu song", "toc do", "ty trong", "ti trong", "so ho", "so nguoi",
    "tong so", "muc",
)
ACTION_VERBS = (
    "trien khai", "xay dung", "to chuc", "phoi hop", "tham gia", "tham muu", "tuyen truyen", "khuyen khich",
    "khac phuc", "hoan thanh", "hoan thien", "nang cao", "nang cap", "phat huy", "thuc hien", "tiep tuc",
    "tich cuc", "day manh", "cung cap", "ra soat", "ban hanh", "bo tri", "dao tao", "boi duong", "ho tro",
    "kiem tra", "theo doi", "duy tri", "thuc day", "tang cuong", "phat trien", "ung dung", "cap nhat",
    "chi dao", "huong dan", "thuong xuyen", "thu hut", "dau tu", "sap xep", "so hoa", "ket noi", "lap", "van dong",
)
_QUANT = re.compile(r"^\s*(?:[≥≤<>=~]|>=|<=|tu|toi thieu|toi da|dat|tren|duoi)?\s*\d")


# a total row: a short unnumbered "Tổng cộng", "Cộng", "Tổng số", "Tổng nhu cầu kinh phí"; not the
# tasks "Tổng hợp ...", "Tổng kết ...", "Công tác ..." (a total is "cộng" alone or "tổng" + a quantity)
_TOTAL = re.compile(r"^(?:cong|tong(?! (?:hop|ket|quan|the|ra soat|dieu tra)\b)(?: [a-z]+){0,5})[ :.]*(?:\(.*\))?$")


_UNIT_STATEMENT = re.compile(r"^\W*(?:don vi tinh|dvt)\b")


def is_unit_statement(text: str | None) -> bool:
    """A table's unit line ("Đơn vị tính: triệu đồng", "ĐVT: đồng"): part of its caption, not of its header."""
    return bool(text) and _UNIT_STATEMENT.match(fold(text)) is not None


def is_total_label(text: str | None) -> bool:
    """The label of a total row ("Tổng cộng", "Cộng", "Tổng nhu cầu kinh phí")."""
    return bool(text) and _TOTAL.match(fold(text)) is not None


def is_quantitative(text: str | None) -> bool:
    """A target such as "100", "≥ 90", "80%", "Tối thiểu 15%"."""
    return bool(text) and bool(_QUANT.match(fold(text)))


def _starts(name: str, openings: tuple[str, ...]) -> bool:
    words = " ".join(re.findall(r"[a-z0-9]+", name))
    return any(words == o or words.startswith(o + " ") for o in openings)


def indicator_evidence(name: str | None, unit: str | None, result: str | None,
                       matches_indicator: Callable[[str], float] | None = None) -> int:
    """Positive: looks like a measurable indicator; negative: looks like an action."""
    folded = fold(name or "")
    score = 0
    if unit and unit.strip():
        score += 3
    if is_quantitative(result):
        score += 2
    if _starts(folded, INDICATOR_OPENINGS):
        score += 2
    if _starts(folded, ACTION_VERBS):
        score -= 2
    if matches_indicator is not None and name:
        similarity = matches_indicator(name)  # 0 when no catalog indicator is close
        if similarity >= settings.INDICATOR_STRONG_MATCH:
            score += 2
        elif similarity > 0:
            score += 1
    return score


def row_kind(table: str, evidence: int) -> str:
    if table == "budget":
        return "budget"
    if table == "indicators":
        return "task" if evidence <= settings.TASK_IN_INDICATORS_MAX else "indicator"
    return "indicator" if evidence >= settings.INDICATOR_IN_TASKS_MIN else "task"


# how the title above a table opens ("Phụ lục II", "Biểu 01", "DANH MỤC ...", "DỰ TOÁN ...", "Bảng ...")
CAPTION_OPENINGS = ("phu luc", "bieu", "danh muc", "du toan", "bang")


def opens_caption(text: str) -> bool:
    """The line opens the title of a table (not a row, not body text)."""
    return fold(text).startswith(CAPTION_OPENINGS)


def table_type_from_caption(caption: str) -> str | None:
    """indicators / tasks / budget from the title printed above a table, if it says.

    The line nearest the table decides ("II. NHIỆM VỤ, GIẢI PHÁP" / "1. Các chỉ
    tiêu cụ thể" titles an indicators table); within a line the first word that
    names a kind. "(Kèm theo Kế hoạch ...)" names the plan, not the table.
    """
    for line in reversed(caption.split("\n")):
        text = fold(line)
        if not text or text.lstrip("(").startswith("kem theo"):
            continue
        if re.search(r"kinh phi|du toan|ngan sach", text):
            return "budget"
        hits = [(m.start(), t) for t, pat in (("indicators", r"chi tieu"), ("tasks", r"nhiem vu"))
                for m in [re.search(pat, text)] if m]
        if hits:
            return min(hits)[1]
    return None


def table_type_from_columns(roles: list[str | None], name_header: str) -> str:
    if "amount" in roles and "lead" not in roles:
        return "budget"
    if "unit_of_measure" in roles:
        return "indicators"
    folded = fold(name_header)
    if "chi tieu" in folded:
        return "indicators"
    return "tasks"

"""Numbers as Vietnamese documents print them, and targets/deadlines parsed for analysis."""

from __future__ import annotations

import re

from kehoach.normalize.text import fold

_NUMBER = re.compile(r"\d[\d.,\s]*")
_TARGET = re.compile(r"^\s*(≥|≤|>=|<=|>|<|=)?\s*(\d+(?:[.,]\d+)?)\s*(%?)")
# words that print an operator: "Tối thiểu 15%", "trên 90%", "đạt 100%"
_TARGET_WORDS = {"toi thieu": "≥", "it nhat": "≥", "tu": "≥", "toi da": "≤", "khong qua": "≤", "tren": ">",
                 "duoi": "<", "dat": None}
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b")
_MONTH_YEAR = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{4})\b")
_YEAR = re.compile(r"\b(20\d{2})\b")
_QUARTER = re.compile(r"\bquy\s+(iv|i{1,3}|[1-4])\b\s*(?:/|nam\s+)?\s*(20\d{2})?")


def parse_amount(text: str | None) -> float | None:
    """'1.200' -> 1200, '2.500,5' -> 2500.5, '50' -> 50; None when no number is printed.

    Vietnamese uses '.' for thousands and ',' for decimals. A lone separator
    followed by exactly three digits is a thousands separator either way
    ("1,200" in documents typed on English locales).
    """
    if not text:
        return None
    m = _NUMBER.search(text.replace("\u00a0", " "))
    if not m:
        return None
    raw = re.sub(r"\s+", "", m.group(0)).rstrip(".,")
    if "." in raw and "," in raw:
        if raw.rfind(",") > raw.rfind("."):
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", "")
    elif raw.count(".") + raw.count(",") >= 1:
        sep = "." if "." in raw else ","
        groups = raw.split(sep)
        if len(groups) > 2 or all(len(g) == 3 for g in groups[1:]):
            raw = raw.replace(sep, "")
        else:
            raw = raw.replace(sep, ".")
    try:
        return float(raw)
    except ValueError:
        return None


def parse_target(text: str | None) -> tuple[str | None, float | None, bool]:
    """('≥', 90.0, True) for '≥ 90%'; (None, None, False) when the target is prose."""
    if not text:
        return None, None, False
    word_op = None
    folded = fold(text)
    for words, op_ in _TARGET_WORDS.items():
        if folded.startswith(words + " ") and folded[len(words) + 1:][:1].isdigit():
            text, word_op = text.split(None, len(words.split()))[-1], op_
            break
    m = _TARGET.match(text)
    if not m:
        return None, None, False
    op = {">=": "≥", "<=": "≤"}.get(m.group(1) or "", m.group(1)) or word_op
    return op, float(m.group(2).replace(",", ".")), bool(m.group(3))


def parse_deadline(text: str | None) -> str | None:
    """The latest date a deadline names, ISO at the precision printed ('2026-12', '2027'); None if recurring."""
    if not text:
        return None
    folded = fold(text)
    found: list[str] = []
    for m in _DAY_MONTH_YEAR.finditer(folded):
        day, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append(f"{m.group(3)}-{month:02d}-{day:02d}")
    folded = _DAY_MONTH_YEAR.sub(" ", folded)
    for m in _MONTH_YEAR.finditer(folded):
        month = int(m.group(1))
        if 1 <= month <= 12:
            found.append(f"{m.group(2)}-{month:02d}")
    for m in _QUARTER.finditer(folded):
        q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(m.group(1), None) or int(m.group(1))
        if m.group(2):
            found.append(f"{m.group(2)}-{q * 3:02d}")
    if not found:
        found = [m.group(1) for m in _YEAR.finditer(folded)]
    return max(found) if found else None

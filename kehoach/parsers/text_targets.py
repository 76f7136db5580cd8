"""Numeric targets stated in the body: the "Mục tiêu cụ thể" bullets that carry a figure.

Plans state their measurable goals twice: in the indicator appendix and as
bullets under "Mục tiêu cụ thể" in the body ("- Có ≥ 90% hồ sơ ... được số
hóa."). The section runs from that heading to the next heading of the same or a
higher level; each bullet in it that sets a figure (a percentage, "≥ 80%",
"ít nhất 01") is one target. Works on any front-end's page text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.normalize.text import collapse, fold, join_lines
from kehoach.parsers.grid import PageText

_HEADING = re.compile(r"^\s*(?:([IVXLC]+)|(\d+))\.\s+\S")  # "III. NHIỆM VỤ", "3. Nhiệm vụ" (not "2.1.")
_OPENS = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s*)?muc tieu cu the\b")
_BULLET = re.compile(r"^\s*(?:[-–•+*]|[a-zđ]\))\s*")
_SUBHEADING = re.compile(r"^\s*\d+\.\d+(?:\.\d+)*\.?\s+\S")  # "2.1. Phát triển hạ tầng:"
_TARGET = re.compile(r"(?:[≥≤>]\s*|>=\s*)?\d+(?:[.,]\d+)?\s*%|(?:ít nhất|tối thiểu)\s+\d+", re.IGNORECASE)


@dataclass(slots=True)
class Target:
    text: str
    target: str
    page: int
    line: int


def _finish(parts: list[str], page: int, line: int, out: list[Target]) -> None:
    if not parts:
        return
    text = join_lines(parts).rstrip(" .;")
    m = _TARGET.search(text)
    if m:
        out.append(Target(text=text, target=collapse(m.group(0)), page=page, line=line))


def body_targets(pages: list[PageText]) -> list[Target]:
    """Every figure-bearing bullet of every "Mục tiêu cụ thể" section, in reading order."""
    lines = [(p.page, ln) for p in pages for ln in p.lines]
    out: list[Target] = []
    inside, level = False, None
    parts: list[str] = []
    start = (1, 0)
    for page, ln in lines:
        text = ln.text
        folded = fold(text)
        if _OPENS.match(folded):
            _finish(parts, *start, out)
            parts, inside = [], True
            m = _HEADING.match(text)
            level = ("roman" if m.group(1) else "arabic") if m else None
            continue
        if not inside:
            continue
        m = _HEADING.match(text)
        if m and (m.group(1) or level in (None, "arabic")):
            _finish(parts, *start, out)
            parts, inside = [], False
            continue
        if _BULLET.match(text) or _SUBHEADING.match(text):
            _finish(parts, *start, out)
            parts = [] if _SUBHEADING.match(text) else [_BULLET.sub("", text, count=1)]
            start = (page, int(ln.top))
        elif parts:
            parts.append(text)
    if inside:
        _finish(parts, *start, out)
    return out

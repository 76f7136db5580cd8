"""Word's automatic list numbering, rendered as it prints ("1.", "a)", "II.", "1.2.").

In Word plans the STT column and the "I. / 1. / a)" headings are often typed
as automatic numbering: the XML holds no digit, only a `w:numPr` (a list id and
a level) that numbering.xml turns into text at print time. Without this the
STT column reads empty and every row loses its number.

The model (ECMA-376 §17.9): a paragraph's numPr (or its style's) names a
`w:num` (numId) and a level (ilvl); the num points at an `w:abstractNum` whose
levels give the format (numFmt), the pattern (lvlText "%1.%2.") and the start
value; a num may override a level's start (lvlOverride/startOverride), which is
how a list restarts. As Word counts: the counters belong to the abstract
list, so num instances sharing one abstractNum continue each other (LibreOffice
writes a list as a first num with a startOverride and the rest on a plain
num); a num's startOverride restarts the count when that num is first used.
Counting a level resets the levels below it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def roman(n: int) -> str:
    """Lower-case roman numeral; 0 and negatives print as the decimal (Word does the same)."""
    if n <= 0:
        return str(n)
    out = []
    for value, digits in _ROMAN:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    """a..z, then aa, bb, ... as Word prints letter lists past 26."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One counter in one numFmt; unknown formats fall back to decimal (never an empty number)."""
    if fmt == "lowerLetter":
        return letters(n)
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


@dataclass(slots=True)
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False  # isLgl: every placeholder printed as decimal ("1.1." under "I.")


@dataclass(slots=True)
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # level -> startOverride


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    return el.get(qn("w:val"), default) if el is not None else default


def _levels(abstract: etree._Element) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for lvl in abstract.findall(qn("w:lvl")):
        ilvl = int(lvl.get(qn("w:ilvl"), "0"))
        start = _val(lvl.find(qn("w:start")), "1") or "1"
        levels[ilvl] = Level(fmt=_val(lvl.find(qn("w:numFmt")), "decimal") or "decimal",
                             text=_val(lvl.find(qn("w:lvlText")), "") or "",
                             start=int(start) if start.lstrip("-").isdigit() else 1,
                             legal=lvl.find(qn("w:isLgl")) is not None)
    return levels


class Numbering:
    """The numbering definitions of one document and the running counters of its lists.

    `label(num_id, ilvl)` must be called once per numbered paragraph, in
    document order: it advances the counters, as printing does.
    """

    def __init__(self, numbering_xml: etree._Element | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, _Num] = {}
        self._counters: dict[str, dict[int, int]] = {}  # abstractNum id -> level -> last value printed
        self._used: set[str] = set()  # num ids seen: their start overrides are applied once
        if numbering_xml is None:
            return
        for a in numbering_xml.findall(qn("w:abstractNum")):
            self._abstract[a.get(qn("w:abstractNumId"), "")] = _levels(a)
        for n in numbering_xml.findall(qn("w:num")):
            num = _Num(abstract=_val(n.find(qn("w:abstractNumId")), "") or "")
            for o in n.findall(qn("w:lvlOverride")):
                start = o.find(qn("w:startOverride"))
                if start is not None:
                    num.starts[int(o.get(qn("w:ilvl"), "0"))] = int(_val(start, "1") or "1")
            self._nums[n.get(qn("w:numId"), "")] = num

    def save(self) -> tuple[dict[str, dict[int, int]], set[str]]:
        """The counters now, to read the same paragraphs twice (a table tried as a grid, then as text)."""
        return {k: dict(v) for k, v in self._counters.items()}, set(self._used)

    def restore(self, state: tuple[dict[str, dict[int, int]], set[str]]) -> None:
        counters, used = state
        self._counters, self._used = {k: dict(v) for k, v in counters.items()}, set(used)

    def _level(self, num: _Num, ilvl: int) -> Level:
        return self._abstract.get(num.abstract, {}).get(ilvl, Level())

    def label(self, num_id: str, ilvl: int) -> str:
        """The printed label of the next paragraph of list `num_id` at level `ilvl` ("" for none/bullets)."""
        num = self._nums.get(num_id)
        if num is None or num_id == "0":
            return ""
        counters = self._counters.setdefault(num.abstract, {})
        if num_id not in self._used:
            self._used.add(num_id)
            for lv, st in num.starts.items():  # a restarted list: the next number printed is the override
                counters[lv] = st - 1
                for deeper in [k for k in counters if k > lv]:
                    del counters[deeper]
        level = self._level(num, ilvl)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new item at this level restarts the levels under it
        if level.fmt == "bullet":
            return "-" if level.text else ""
        text = level.text
        for k in range(9, -1, -1):  # %10 does not exist; go high to low so %1 never eats %1x
            placeholder = f"%{k + 1}"
            if placeholder not in text:
                continue
            lv = self._level(num, k)
            value = counters.get(k, lv.start)
            text = text.replace(placeholder, format_number(value, "decimal" if level.legal else lv.fmt))
        return text.strip()

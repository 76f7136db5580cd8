"""WordprocessingML helpers shared by the Word front-end: what prints, and what styles contribute.

Kept apart from the readers so the table reader (docx_source) and the page
layout (docx_layout) use one definition of "the printed text of a paragraph".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree


@dataclass(slots=True)
class Styles:
    """What paragraph styles contribute: numbering, alignment and bold, following basedOn."""

    by_id: dict[str, etree._Element] = field(default_factory=dict)

    def chain(self, style_id: str | None) -> list[etree._Element]:
        out: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            el = self.by_id[style_id]
            out.append(el)
            based = el.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return out

    def first(self, style_id: str | None, path: str) -> etree._Element | None:
        for el in self.chain(style_id):
            found = el.find(path)
            if found is not None:
                return found
        return None


def children(el: etree._Element, tag: str) -> list[etree._Element]:
    """Direct children with `tag`, looking through content controls (w:sdt) and custom XML wrappers."""
    out: list[etree._Element] = []
    for child in el:
        if child.tag == qn(tag):
            out.append(child)
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            inner = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            if inner is not None:
                out.extend(children(inner, tag))
    return out


def val(el: etree._Element | None) -> str | None:
    return el.get(qn("w:val")) if el is not None else None


def on(el: etree._Element) -> bool:
    return (el.get(qn("w:val")) or "true").lower() not in ("0", "false", "off")


def twips(value: str | None) -> float:
    try:
        return float(value) / 20.0 if value else 0.0
    except ValueError:
        return 0.0


FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def hidden(el: etree._Element) -> bool:
    """A run formatted as hidden text (w:vanish): Word does not print it."""
    if el.tag != qn("w:r"):
        return False
    vanish = el.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
    return vanish is not None and on(vanish)


def runs_text(p: etree._Element) -> str:
    """The printed text of a paragraph: w:t, tabs as spaces, breaks as '\\n'.

    Text boxes (w:txbxContent) and the Fallback copy of alternate content are
    skipped: they are drawn elsewhere on the page, not in this line (in real
    drafts, a "DỰ THẢO" stamp). Tracked deletions and moves-from, and hidden
    runs (w:vanish), do not print. Field codes (w:instrText) are another tag,
    never read.
    """
    out: list[str] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if tag in (qn("w:txbxContent"), FALLBACK, qn("w:del"), qn("w:moveFrom")) or hidden(child):
                continue
            if tag == qn("w:t"):
                out.append(child.text or "")
            elif tag in (qn("w:tab"), qn("w:ptab")):
                out.append(" ")
            elif tag in (qn("w:br"), qn("w:cr")):
                out.append("\n")
            elif tag == qn("w:noBreakHyphen"):
                out.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(out)


def grid_span(tc: etree._Element) -> int:
    el = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    v = val(el)
    return int(v) if v and v.isdigit() else 1




def load_styles(doc) -> Styles:
    """The document's styles by id (an empty set when the package has none)."""
    try:
        root = doc.part.styles.element
    except (KeyError, NotImplementedError, AttributeError):
        return Styles()
    return Styles({s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))})

"""Restore the accents of a parsed document's cells and page lines, keeping what was printed.

Used for a text layer written by an OCR without Vietnamese (and for plain-text inputs): the
interpreter, the header parser and the catalog then read Vietnamese, while every restored
text keeps its original in the `RestoreLog`, so the exported rows can carry it and a
doubtful restoration is flagged for review, never passed off as read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach import settings
from kehoach.ingest.quality import marked_share
from kehoach.normalize.accents.restore import needs_restoration, restore
from kehoach.parsers.grid import ParsedSource

# cell role -> Item field (the "result" column is a target or an expected result by row kind)
_FIELDS = {"result": ("target", "expected_result")}
LOW_CONFIDENCE_REASON = "accents_restored_low_confidence"


@dataclass(slots=True)
class RestoreLog:
    """Restored text -> printed text, and the restored texts whose confidence is low."""

    originals: dict[str, str] = field(default_factory=dict)
    doubtful: set[str] = field(default_factory=set)
    cells: int = 0
    lines: int = 0

    def ordered(self) -> list[tuple[str, str]]:
        """Longest restored text first, so a whole cell is put back before a word inside it."""
        return sorted(self.originals.items(), key=lambda kv: -len(kv[0]))

    def record(self, original: str, restored: str, doubtful: bool) -> None:
        if restored != original:
            self.originals[restored] = original
            if doubtful:
                self.doubtful.add(restored)


def _page_is_accented(texts: list[str]) -> bool:
    letters, share = marked_share("\n".join(texts))
    return letters >= settings.ACCENT_SHORT_LETTERS and share >= settings.ACCENT_MAX_MARKED_SHARE


def restore_source(source: ParsedSource, log: RestoreLog | None = None) -> list[str]:
    """Restore, in place, every cell and page line that lacks its diacritics; returns warnings.

    A page whose text carries its diacritics is left alone whole (a short unmarked cell on
    it, "Viettel", is printed so); on other pages each cell and the page's lines (restored
    together, so a wrapped sentence keeps its context) are restored where needed.
    """
    log = log if log is not None else RestoreLog()
    grids_by_page: dict[int, list] = {}
    for g in source.grids:
        grids_by_page.setdefault(g.page, []).append(g)
    for page in source.pages:
        cells = [c for g in grids_by_page.get(page.page, []) for c in g.cells]
        if _page_is_accented([page.text, *(c.text for c in cells)]):
            continue
        for c in cells:
            if needs_restoration(c.text):
                r = restore(c.text)
                log.record(c.text, r.text, r.doubtful())
                log.cells += r.changed
                c.text = r.text
        for g in grids_by_page.get(page.page, []):
            if g.caption and needs_restoration(g.caption):
                g.caption = restore(g.caption).text
        text = page.text
        if needs_restoration(text):
            r = restore(text)
            restored = r.text.split("\n")
            if len(restored) == len(page.lines):
                start = 0
                for line, new in zip(page.lines, restored, strict=True):
                    if new != line.text:
                        log.record(line.text, new, r.doubtful(start, start + len(line.text)))
                        log.lines += 1
                    start += len(line.text) + 1
                    line.text = new
    warnings = []
    if log.cells or log.lines:
        warnings.append(f"text without Vietnamese diacritics (an OCR without a Vietnamese model): accents "
                        f"restored in {log.cells} cells and {log.lines} lines, {len(log.doubtful)} with low "
                        "confidence; the printed text is kept in the rows' original_* fields")
    return warnings


def originals_for(cells: dict[str, str | None], kind: str, log: RestoreLog) -> tuple[list[str], list[str], bool]:
    """(fields, printed texts, doubtful) for one table row whose cells hold restored text."""
    if not log.originals:
        return [], [], False
    fields: list[str] = []
    texts: list[str] = []
    doubtful = False
    for role, text in cells.items():
        if not text:
            continue
        printed = text
        for restored, original in log.ordered():
            if restored in printed:  # whole lines only: a short restored cell ("u") is no part of a word
                whole = re.compile(r"(?m)(?<![^\n])" + re.escape(restored) + r"(?![^\n])")
                printed, hits = whole.subn(lambda _m, o=original: o, printed)
                doubtful = doubtful or (hits > 0 and restored in log.doubtful)
        if printed != text:
            name = _FIELDS[role][kind != "indicator"] if role in _FIELDS else role
            fields.append(name)
            texts.append(printed)
    return fields, texts, doubtful

"""Typed table rows -> validated records: cleaned text, split bodies, catalog ids, parsed values.

Pure: the same rows always give the same records. Doubtful values are kept as
printed and listed in `review_reasons`, never replaced by a guess.
"""

from __future__ import annotations

import re

from kehoach.normalize import catalog
from kehoach.normalize.numbers import parse_amount, parse_deadline, parse_target
from kehoach.normalize.text import clean_text
from kehoach.normalize.units import split_bodies
from kehoach.parsers.interpreter import TableRow
from kehoach.schemas import Item, Mention, Provenance

ROLES = ("lead", "coordinating", "monitoring")
# what a row number looks like in print: 1, 6.1, 12a, I, IV, A, b, with a closing "." or ")", or a bullet;
# anything else ("Ơ®I", "4ý") is a number an OCR or a converter garbled, kept and flagged
ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[a-zđ]?|[IVXLC]{1,6}|[A-ZĐa-zđ])[.)]?$|^[-+*•–]$")


def build_item(row: TableRow, index: int, source_file: str, doc_id: str,
               document_flags: list[str] | tuple[str, ...] = (),
               original: tuple[list[str], list[str]] = ([], [])) -> tuple[Item, list[Mention]]:
    """One validated item and its body mentions; `document_flags` are review reasons every row shares;
    `original` names the fields whose accents were restored and their printed text."""
    c = {k: clean_text(v) for k, v in row.cells.items()}
    reasons = [*row.flags, *document_flags]
    result = c.get("result")
    is_indicator = row.kind == "indicator"
    target = result if is_indicator else None
    op, value, pct = parse_target(target)
    amount = parse_amount(c.get("amount")) if row.table == "budget" else None
    if row.table == "budget" and c.get("amount") and amount is None:
        reasons.append("amount_unreadable")
    if not c.get("name"):
        reasons.append("no_name")
    if row.stt and not ROW_NUMBER.match(row.stt.strip()):
        reasons.append("stt_unreadable")
    fields: dict = {}
    mentions: list[Mention] = []
    bodies = catalog.bodies()
    for role in ROLES:
        entries = split_bodies(row.cells.get(role))
        ids: list[str | None] = []
        for pos, text in enumerate(entries):
            m = bodies.match(text)
            ids.append(m.id if m else None)
            mentions.append(Mention(source_file=source_file, doc_id=doc_id, row_index=index, role=role,
                                    position=pos, text=text, catalog_id=m.id if m else None,
                                    catalog_name=m.name if m else None, match_score=m.score if m else None))
        if any(i is None for i in ids):
            reasons.append(f"{role}_unmapped")
        fields[role], fields[role + "_ids"] = entries, ids
    indicator = catalog.indicators().match(c.get("name")) if is_indicator else None
    item = Item(
        source_file=source_file, doc_id=doc_id, row_index=index, table=row.table, table_index=row.table_index,
        kind=row.kind, section=row.section, section_title=clean_text(row.section_title), stt=row.stt,
        name=c.get("name"), unit_of_measure=c.get("unit_of_measure"), target=target, target_operator=op,
        target_value=value, target_is_percent=pct or (c.get("unit_of_measure") or "").strip() == "%",
        expected_result=None if is_indicator else result, deadline=c.get("deadline"),
        deadline_date=parse_deadline(c.get("deadline")), note=c.get("note"),
        indicator_id=indicator.id if indicator else None, amount=amount, amount_text=c.get("amount"),
        review_reasons=sorted(set(reasons)), original_fields=original[0], original_texts=original[1],
        provenance=Provenance(file=source_file, page=row.page, pages=row.pages or [row.page], bbox=row.bbox,
                              method=row.method, confidence=max(0.0, min(1.0, row.confidence))),
        **fields,
    )
    return item, mentions

"""The review queue: what a reviewer should look at first, most consequential first.

WHY this order: a failed document loses every row it holds; among flagged rows a wrong budget
amount or indicator target misleads more than a task's wording (settings.REVIEW_TABLE_WEIGHT),
and the less sure the front-end was of the cell, the sooner a human should see it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kehoach import settings
from kehoach.schemas import Document, Item

FAILED_DOCUMENT_WEIGHT = 10.0  # above any row: a whole document is missing from the data


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    weight: float
    source_file: str
    table: str
    row_index: int | None
    stt: str | None
    name: str | None
    target: str | None
    amount: float | None
    reasons: tuple[str, ...]
    confidence: float | None
    page: int | None

    def as_row(self, rank: int) -> dict:
        return {"rank": rank, "weight": round(self.weight, 3), "source_file": self.source_file, "table": self.table,
                "row_index": self.row_index, "stt": self.stt, "name": self.name, "target": self.target,
                "amount": self.amount, "reasons": " | ".join(self.reasons), "confidence": self.confidence,
                "page": self.page}


def item_weight(it: Item) -> float:
    w = settings.REVIEW_TABLE_WEIGHT.get(it.table, 1.0)
    w *= 1.0 + (1.0 - it.provenance.confidence)
    if it.amount is not None or it.target_value is not None:
        w += 0.5  # a number that will be summed or compared
    return w + 0.1 * len(it.review_reasons)


def review_queue(documents: list[Document], items: list[Item]) -> list[ReviewEntry]:
    out = [ReviewEntry(FAILED_DOCUMENT_WEIGHT, d.source_file, "document", None, None, d.title, None, None,
                       (d.error or "failed",), None, None) for d in documents if d.status == "failed"]
    out += [ReviewEntry(item_weight(it), it.source_file, it.table, it.row_index, it.stt, it.name, it.target,
                        it.amount, tuple(it.review_reasons), it.provenance.confidence, it.provenance.page)
            for it in items if it.needs_review]
    return sorted(out, key=lambda e: (-e.weight, e.source_file, e.row_index if e.row_index is not None else -1))

"""The exported records. Field names follow ../eval/CONTRACT.md; extras carry provenance and review flags."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

TableName = Literal["indicators", "tasks", "budget"]
RowKind = Literal["indicator", "task", "budget"]
Status = Literal["ok", "no_tables", "failed"]
_ISO_PARTIAL = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _nfc(value):
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value).strip()
        return value or None
    return value


def _iso_partial(value: str | None) -> str | None:
    """A date at the precision printed: YYYY, YYYY-MM or YYYY-MM-DD."""
    if value is not None and not _ISO_PARTIAL.match(value):
        raise ValueError(f"{value!r} is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Provenance(_Record):
    """Where a value came from, so a reviewer can find it on the page."""

    file: str
    page: int = Field(ge=1)
    pages: list[int] = Field(default_factory=list)
    bbox: tuple[float, float, float, float] | None = None
    method: str
    confidence: float = Field(ge=0.0, le=1.0)
    # Word documents (method "docx*") have no page geometry: their bbox is in table cells
    # (x0 = first column, top = row, x1/bottom past the last ones), and row/col say it plainly;
    # the table is the item's table_index.
    row: int | None = Field(default=None, ge=0)
    col: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _table_cell(self) -> Provenance:
        if self.method.startswith("docx") and self.bbox is not None and self.row is None:
            self.col, self.row = int(self.bbox[0]), int(self.bbox[1])
        return self


class Item(_Record):
    """One row of an appendix table: an indicator, a task or a budget line."""

    source_file: str
    doc_id: str
    row_index: int = Field(ge=0)
    table: TableName
    table_index: int = Field(ge=0)
    kind: RowKind
    section: str | None = None
    section_title: str | None = None
    stt: str | None = None
    name: str | None = None
    unit_of_measure: str | None = None
    target: str | None = None
    target_operator: str | None = None
    target_value: float | None = None
    target_is_percent: bool = False
    expected_result: str | None = None
    lead: list[str] = Field(default_factory=list)
    lead_ids: list[str | None] = Field(default_factory=list)
    coordinating: list[str] = Field(default_factory=list)
    coordinating_ids: list[str | None] = Field(default_factory=list)
    monitoring: list[str] = Field(default_factory=list)
    monitoring_ids: list[str | None] = Field(default_factory=list)
    deadline: str | None = None
    deadline_date: str | None = None
    note: str | None = None
    indicator_id: str | None = None
    amount: float | None = None
    amount_text: str | None = None
    needs_review: bool = False
    review_reasons: list[str] = Field(default_factory=list)
    # accents restored (normalize/accents): the fields concerned and their text as printed, same order
    original_fields: list[str] = Field(default_factory=list)
    original_texts: list[str] = Field(default_factory=list)
    provenance: Provenance

    _clean = field_validator(
        "section", "section_title", "stt", "name", "unit_of_measure", "target", "expected_result", "deadline",
        "note", "amount_text", mode="before")(_nfc)

    _iso = field_validator("deadline_date")(_iso_partial)

    @model_validator(mode="after")
    def _consistent(self) -> Item:
        for role in ("lead", "coordinating", "monitoring"):
            if len(getattr(self, role)) != len(getattr(self, role + "_ids")):
                raise ValueError(f"{role} and {role}_ids differ in length")
        if self.kind == "budget" and self.table != "budget":
            raise ValueError("a budget row outside a budget table")
        self.needs_review = bool(self.review_reasons)
        return self


class Mention(_Record):
    """One body named in a unit cell, with its role and catalog id (a long table for joins)."""

    source_file: str
    doc_id: str
    row_index: int
    role: Literal["lead", "coordinating", "monitoring"]
    position: int = Field(ge=0)
    text: str
    catalog_id: str | None = None
    catalog_name: str | None = None
    match_score: float | None = None


class Document(_Record):
    """One input file: its header metadata, or why it could not be read."""

    source_file: str
    doc_id: str
    sha256: str | None = None
    file_type: str | None = None
    status: Status
    error: str | None = None
    method: str | None = None
    pages: int = 0
    tables: int = 0
    items: int = 0
    items_flagged: int = 0
    admin_unit_type: Literal["xã", "phường", "đặc khu", "tỉnh", "thành phố"] | None = None
    admin_unit_name: str | None = None
    admin_unit_code: str | None = None  # official code of the unit (5 digits for a commune, 2 for a province)
    province: str | None = None
    province_code: str | None = None  # official code of the printed province (a pre-2025 one keeps its own)
    province_current: str | None = None  # the post-2025 province it is, or was merged into
    parent_body: str | None = None  # the parent body printed above the issuing body, if any
    issuing_body: str | None = None
    doc_type: str | None = None  # the type word in lower case: "kế hoạch", "quyết định", "công văn" ...
    doc_number: str | None = None
    doc_symbol: str | None = None
    issue_date: str | None = None
    title: str | None = None
    signer_name: str | None = None
    signer_title: str | None = None
    references: list[str] = Field(default_factory=list)
    references_in_tables: list[str] = Field(default_factory=list)
    budget_total: float | None = None
    budget_unit: str | None = None
    warnings: list[str] = Field(default_factory=list)

    _clean = field_validator(
        "admin_unit_name", "admin_unit_code", "province", "province_code", "province_current", "parent_body",
        "issuing_body", "doc_type", "doc_number", "doc_symbol", "title", "signer_name",
        "signer_title", "budget_unit", mode="before")(_nfc)

    _iso = field_validator("issue_date")(_iso_partial)

    @model_validator(mode="after")
    def _failed_has_reason(self) -> Document:
        if self.status == "failed" and not self.error:
            raise ValueError("a failed document needs an error")
        return self


class BodyTarget(_Record):
    """A numeric target stated in the body text ("Mục tiêu cụ thể" bullets), outside the tables."""

    source_file: str
    doc_id: str
    text: str  # the bullet as a reader copies it, its dash and closing full stop left out
    target: str  # the figure it sets: "80%", "≥ 90%", "ít nhất 01"
    page: int = Field(ge=1)
    line: int = Field(ge=0)  # line number (0-based) in the text file, or line index on a PDF page

    _clean = field_validator("text", "target", mode="before")(_nfc)

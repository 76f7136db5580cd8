"""The whole job, stage by stage: ingest -> parse -> normalize -> validate -> export.

`process_file` is the unit of work a batch executor runs (in-process now, a
process pool or Dask later): it never raises for a bad input, it returns a
failed `Document` naming the reason, so one bad file never stops a batch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from kehoach.errors import EmptyInput, KehoachError, UnsupportedInput
from kehoach.ingest.discover import FileKind, InputFile, describe
from kehoach.ingest.pdf import open_pdf
from kehoach.ingest.quality import lacks_diacritics
from kehoach.normalize import catalog
from kehoach.normalize.accents.source import LOW_CONFIDENCE_REASON, RestoreLog, originals_for, restore_source
from kehoach.normalize.numbers import parse_amount
from kehoach.normalize.records import build_item
from kehoach.normalize.text import fold
from kehoach.parsers.grid import ParsedSource
from kehoach.parsers.header import parse_header
from kehoach.parsers.interpreter import interpret
from kehoach.parsers.pdf_tables import parse_pdf
from kehoach.parsers.text_caption import fill_from_caption
from kehoach.parsers.text_source import parse_text_file
from kehoach.parsers.text_targets import body_targets
from kehoach.schemas import BodyTarget, Document, Item, Mention


@dataclass(slots=True)
class FileResult:
    document: Document
    items: list[Item] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    targets: list[BodyTarget] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.document.status == "failed"


def doc_id_for(info: InputFile | None, path: Path) -> str:
    return (info.sha256 if info else hashlib.sha256(str(path).encode()).hexdigest())[:16]


# --- stage 1: ingest + parse (front-ends fill the common grid) ------------------------------
def parse_source(info: InputFile) -> ParsedSource:
    if info.kind is FileKind.EMPTY:
        raise EmptyInput("file is empty (0 bytes)")
    if info.kind is FileKind.PDF:
        with open_pdf(info.path) as pdf:
            source = parse_pdf(pdf)
        if not any(p.lines for p in source.pages) and not source.grids:
            raise EmptyInput(f"no text on any of its {source.page_count} pages, neither in a text layer nor by OCR")
        return source
    if info.kind is FileKind.IMAGE:
        from kehoach.parsers.ocr.source import parse_image_file  # OpenCV and Tesseract only for images

        source = parse_image_file(info.path)
        if not any(p.lines for p in source.pages) and not source.grids:
            raise EmptyInput(f"no text found by OCR on any of its {source.page_count} page images")
        return source
    if info.kind is FileKind.OFFICE:  # Word documents: .docx, and .doc/.odt through LibreOffice
        from kehoach.parsers.docx_source import parse_office  # python-docx only for Word files

        return parse_office(info.path)
    if info.kind is FileKind.TEXT:
        return parse_text_file(info.path)
    raise UnsupportedInput(f"{info.kind.value} files are not supported (PDF, page images, Word and text only)")


def ocr_warnings(ocr_pages: dict[int, str]) -> list[str]:
    """One line per reason naming the pages OCR'd for it ("pages 1, 2: OCR'd (no text layer)"), then
    one per page where OCR had to do more ("page 3: 4 ruled cells OCR'd again")."""
    by_reason: dict[str, list[int]] = {}
    details: list[str] = []
    for page, why in sorted(ocr_pages.items()):
        base, *extra = why.split("; ")
        by_reason.setdefault(base, []).append(page)
        details += [f"page {page}: {e}" for e in extra]
    return [f"page{'s' if len(pages) > 1 else ''} {', '.join(map(str, pages))}: OCR'd ({why})"
            for why, pages in by_reason.items()] + details


# --- stages 2-4: interpret, normalise, validate ---------------------------------------------
def build_records(source: ParsedSource, info: InputFile, source_file: str) -> FileResult:
    doc_id = doc_id_for(info, info.path)
    accent_log = RestoreLog()
    accent_warnings: list[str] = []
    if lacks_diacritics("\n".join(p.text for p in source.pages) + "\n" + "\n".join(
            c.text for g in source.grids for c in g.cells)):
        # an English-OCR text layer: accents restored before anything reads it, the printed text kept
        accent_warnings = restore_source(source, accent_log)
    interp = interpret(source.grids, catalog.matches_indicator)
    table_text = "\n".join(c.text for g in source.grids for c in g.cells)
    if source.method == "text":  # the text front-end keeps appendix captions out of the page text
        table_text += "\n" + "\n".join(g.caption for g in source.grids)
    # the signature closes the body before the appendices ("Phụ lục ..."); tables in the body come before it
    appendix_page = min((g.page for g in source.grids if "phu luc" in fold(g.caption)), default=None)
    header = parse_header(source.pages, table_text, appendix_page)
    header = fill_from_caption(header, [g.caption for g in source.grids])  # an appendix names its plan
    warnings = list(interp.warnings) + header.warnings
    with_tables = {g.page for g in source.grids}
    scanned = [p.page for p in source.pages if p.images and not p.lines and p.page not in with_tables]
    if scanned:  # scanned pages where OCR read nothing (blank, or a photo): say what was not read
        warnings.append(f"page{'s' if len(scanned) > 1 else ''} {', '.join(map(str, scanned))}: "
                        "images without a text layer (scanned), and OCR found no text on them")
    warnings.extend(ocr_warnings(source.ocr_pages))
    warnings.extend(f"page {page}: text layer repaired ({why})" for page, why in sorted(source.repaired_pages.items()))
    warnings.extend(f"page {page}: not read ({why})" for page, why in sorted(source.unread_pages.items()))
    warnings += accent_warnings
    items: list[Item] = []
    mentions: list[Mention] = []
    for i, row in enumerate(interp.rows):
        fields, printed, doubtful = originals_for(row.cells, row.kind, accent_log)
        item, row_mentions = build_item(row, i, source_file, doc_id, [LOW_CONFIDENCE_REASON] if doubtful else [],
                                        original=(fields, printed))
        items.append(item)
        mentions.extend(row_mentions)
    budget_total = parse_amount(interp.budget_total_text)
    if budget_total is None and any(it.table == "budget" for it in items):
        top = [it.amount for it in items if it.table == "budget" and it.amount is not None
               and (it.stt or "").count(".") == 0]
        budget_total = sum(top) if top else None
        warnings.append("budget_total computed from the rows: the table prints no total")
    status = "ok" if items else "no_tables"
    doc = Document(
        source_file=source_file, doc_id=doc_id, sha256=info.sha256, file_type=info.kind.value, status=status,
        method=source.method, pages=source.page_count, tables=interp.tables, items=len(items),
        items_flagged=sum(1 for it in items if it.needs_review), admin_unit_type=header.admin_unit_type,
        admin_unit_name=header.admin_unit_name, province=header.province, issuing_body=header.issuing_body,
        admin_unit_code=header.admin_unit_code, province_code=header.province_code,
        province_current=header.province_current, parent_body=header.parent_body, doc_type=header.doc_type,
        doc_number=header.doc_number, doc_symbol=header.doc_symbol, issue_date=header.issue_date,
        title=header.title, signer_name=header.signer_name, signer_title=header.signer_title,
        references=header.references, references_in_tables=header.references_in_tables,
        budget_total=budget_total, budget_unit=interp.budget_unit if budget_total is not None else None,
        warnings=warnings,
    )
    targets = [BodyTarget(source_file=source_file, doc_id=doc_id, text=t.text, target=t.target, page=t.page,
                          line=t.line) for t in body_targets(source.pages)]
    return FileResult(document=doc, items=items, mentions=mentions, targets=targets)


def failed(path: Path, info: InputFile | None, reason: str) -> FileResult:
    """A failed Document; its reason is kept to one line whatever the exception printed."""
    return FileResult(document=Document(
        source_file=str(path), doc_id=doc_id_for(info, path), sha256=info.sha256 if info else None,
        file_type=info.kind.value if info else None, status="failed", error=" ".join(reason.split())))


def process_file(path: Path) -> FileResult:
    """One input file end to end; bad input becomes a failed Document with a one-line reason."""
    info: InputFile | None = None
    try:
        info = describe(path)
        source = parse_source(info)
        return build_records(source, info, str(path))
    except KehoachError as e:
        return failed(path, info, f"{e.reason}: {e}")
    except ValidationError as e:
        first = e.errors()[0]
        return failed(path, info, f"invalid record: {'.'.join(map(str, first['loc']))}: {first['msg']}")
    except OSError as e:
        return failed(path, info, f"unreadable: {e.strerror or e}")
    except Exception as e:  # a bug or an input no rule foresaw: report it, keep the batch going
        return failed(path, info, f"internal error: {type(e).__name__}: {e}")


def process_batch(files: list[Path], executor: Executor | None = None) -> Iterator[FileResult]:
    """Results of `process_file` for each file, in input order.

    The executor is injected (OCRmyPDF's pattern): None runs in this process; a
    process pool or a Dask client's executor spreads files over cores or machines
    without the stages knowing.
    """
    if executor is None:
        yield from map(process_file, files)
        return
    futures = [executor.submit(process_file, f) for f in files]
    for path, fut in zip(files, futures, strict=True):
        try:
            yield fut.result()
        except Exception as e:  # the worker died or the engine failed: that file fails, the batch goes on
            yield failed(path, None, f"worker error: {type(e).__name__}: {e}")

"""`report.html`: one self-contained page to review a run (no network, no script).

Sections: the run summary; one section per document (header fields, each table as a table,
flagged rows and cells highlighted with their reasons and confidence, and for OCR'd cells a
crop of the source page region, rendered with pypdfium2 and inlined as a base64 PNG); a
coverage matrix (communes x canonical indicators, with targets); the review queue, most
consequential first. Every text from a document is HTML-escaped: document content never
becomes markup.
"""

from __future__ import annotations

import base64
import html
import io
from collections import defaultdict
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from string import Template

from kehoach import settings
from kehoach.export import atomic
from kehoach.export.review import review_queue
from kehoach.normalize import catalog
from kehoach.schemas import Document, Item

REVIEW_ROWS_SHOWN = 500  # the full queue is in plans.xlsx; the page stays light
CROPS_PER_DOCUMENT = 60  # at most this many page crops inlined per document
HEADER_FIELDS = ("doc_type", "admin_unit_type", "admin_unit_name", "admin_unit_code", "province", "province_code",
                 "province_current", "parent_body", "issuing_body", "doc_number", "doc_symbol", "issue_date",
                 "title", "signer_name", "signer_title", "references", "budget_total", "budget_unit",
                 "method", "pages", "tables", "items", "items_flagged", "warnings")
COLUMNS = {  # per table kind: the item fields shown, in order
    "indicators": ("stt", "name", "unit_of_measure", "target", "indicator_id", "lead", "coordinating", "deadline"),
    "tasks": ("stt", "name", "expected_result", "lead", "coordinating", "monitoring", "deadline", "note"),
    "budget": ("stt", "name", "amount", "amount_text", "lead", "note"),
}


def e(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return html.escape(" | ".join("" if v is None else str(v) for v in value))
    if isinstance(value, float):
        return html.escape(f"{value:,.2f}".rstrip("0").rstrip("."))
    return html.escape(str(value))


def flagged_fields(it: Item, columns: Sequence[str]) -> set[str]:
    """Columns a row's reasons point at ("lead_unmapped" -> lead, "no_name" -> name); else the name column."""
    hit = {c for c in columns for r in it.review_reasons if c in r}
    return hit or ({"name"} if it.needs_review else set())


# A page image that states no resolution is taken as an A4 page on its long side (the OCR front-end's rule),
# so points map to its pixels the way they did when it was read.
A4_LONG_SIDE_INCHES = 11.69
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}


def _png_b64(image) -> str:
    if image.width > settings.REPORT_CROP_MAX_WIDTH:
        ratio = settings.REPORT_CROP_MAX_WIDTH / image.width
        image = image.resize((settings.REPORT_CROP_MAX_WIDTH, max(1, int(image.height * ratio))))
    buf = io.BytesIO()
    image.convert("L").save(buf, format="PNG", optimize=True)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _crop_image_file(path: Path, page: int, bbox: tuple[float, float, float, float]) -> str | None:
    """The region of a scanned page image (a frame of a multi-page TIFF), bbox in points."""
    from PIL import Image

    with Image.open(path) as im:
        if page > getattr(im, "n_frames", 1):
            return None
        im.seek(page - 1)
        dpi = im.info.get("dpi")
        try:
            res = float(dpi[0]) if dpi else 0.0
        except (TypeError, ValueError, IndexError):
            res = 0.0
        res = res if 50 <= res <= 2400 else max(im.size) / A4_LONG_SIDE_INCHES
        k, pad = res / 72.0, 2.0
        box = (max(0, int((bbox[0] - pad) * k)), max(0, int((bbox[1] - pad) * k)),
               min(im.width, int((bbox[2] + pad) * k) + 1), min(im.height, int((bbox[3] + pad) * k) + 1))
        if box[2] <= box[0] or box[3] <= box[1]:
            return None
        return _png_b64(im.crop(box))


def crop_png(source: Path, page: int, bbox: tuple[float, float, float, float]) -> str | None:
    """A base64 PNG of `bbox` (points, top-left origin) on `page` of the source (a PDF rendered with
    pypdfium2, or a page image), or None when the source cannot be read: the report goes on without it."""
    try:
        if source.suffix.lower() in IMAGE_SUFFIXES:
            return _crop_image_file(source, page, bbox)
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(source))
    except Exception:  # moved, unreadable, a bomb refused by Pillow's cap: no crop
        return None
    try:
        if not 1 <= page <= len(pdf):
            return None
        pg = pdf[page - 1]
        width, height = pg.get_size()
        x0, top, x1, bottom = bbox
        pad = 2.0  # points of margin so a glyph on the cell's edge is not cut
        # pypdfium2 crops (left, bottom, right, top) off the page's sides
        crop = (max(0.0, x0 - pad), max(0.0, height - bottom - pad), max(0.0, width - x1 - pad), max(0.0, top - pad))
        return _png_b64(pg.render(scale=settings.REPORT_CROP_SCALE, crop=crop).to_pil())
    except Exception:
        return None
    finally:
        pdf.close()


def _summary(documents: list[Document], cached: int | None) -> str:
    n = len(documents)
    rows = [("files", n), ("ok", sum(d.status == "ok" for d in documents)),
            ("no tables", sum(d.status == "no_tables" for d in documents)),
            ("failed", sum(d.status == "failed" for d in documents)), ("pages", sum(d.pages for d in documents)),
            ("tables", sum(d.tables for d in documents)), ("rows", sum(d.items for d in documents)),
            ("rows flagged", sum(d.items_flagged for d in documents))]
    if cached is not None:
        rows.append(("from cache", cached))
    head = "".join(f"<th>{e(k)}</th>" for k, _ in rows)
    vals = "".join(f'<td class="num">{e(v)}</td>' for _, v in rows)
    out = f'<section id="summary"><h2>Run summary</h2><table><tr>{head}</tr><tr>{vals}</tr></table>'
    failed = [d for d in documents if d.status == "failed"]
    if failed:
        out += "<h3>Failed files</h3><table><tr><th>file</th><th>reason</th></tr>" + "".join(
            f'<tr><td>{e(d.source_file)}</td><td class="failed">{e(d.error)}</td></tr>' for d in failed) + "</table>"
    links = "".join(f'<li><a href="#doc-{i}">{e(d.admin_unit_name or Path(d.source_file).name)}</a> '
                    f'({e(d.status)}, {d.items} rows)</li>' for i, d in enumerate(documents, start=1))
    return out + f"<nav><h3>Documents</h3><ul>{links}</ul></nav></section>"


def _table(items: list[Item], kind: str, crops_left: list[int]) -> str:
    cols = COLUMNS.get(kind, COLUMNS["tasks"])
    head = "".join(f"<th>{e(c)}</th>" for c in cols) + "<th>review</th>"
    body = []
    for it in items:
        flagged = flagged_fields(it, cols)
        cells = []
        for c in cols:
            value = getattr(it, c)
            cls = ' class="num flag"' if c == "amount" and c in flagged else ' class="num"' if c == "amount" else (
                ' class="flag"' if c in flagged else "")
            title = (f' title="{e(", ".join(it.review_reasons))} (confidence {it.provenance.confidence:.2f})"'
                     if c in flagged else "")
            cells.append(f"<td{cls}{title}>{e(value)}</td>")
        note = ""
        if it.needs_review:
            note = (f'<span class="reason">{e(", ".join(it.review_reasons))}; confidence '
                    f'{it.provenance.confidence:.2f}; p. {it.provenance.page}</span>')
            prov = it.provenance
            if "ocr" in prov.method.lower() and prov.bbox is not None and crops_left[0] > 0:
                png = crop_png(Path(prov.file), prov.page, prov.bbox)
                if png:
                    crops_left[0] -= 1
                    note += (f'<img class="crop" alt="source region, page {prov.page}" '
                             f'src="data:image/png;base64,{png}">')
        body.append(f'<tr class="{"flagged" if it.needs_review else "ok"}">{"".join(cells)}<td>{note}</td></tr>')
    return f'<table class="rows {e(kind)}"><tr>{head}</tr>{"".join(body)}</table>'


def _document(i: int, doc: Document, items: list[Item]) -> str:
    name = doc.admin_unit_name or Path(doc.source_file).name
    out = [f'<section class="document" id="doc-{i}"><h2>{i}. {e(name)} '
           f'<small>({e(doc.status)})</small></h2><p>{e(doc.source_file)}</p>']
    if doc.error:
        out.append(f'<p class="failed">{e(doc.error)}</p>')
    fields = "".join(f"<dt>{e(f)}</dt><dd>{e(getattr(doc, f))}</dd>" for f in HEADER_FIELDS
                     if getattr(doc, f) not in (None, [], ""))
    out.append(f'<dl class="header">{fields}</dl>')
    out += [f'<p class="warn">{e(w)}</p>' for w in doc.warnings]
    tables: dict[tuple[str, int], list[Item]] = defaultdict(list)
    for it in items:
        tables[(it.table, it.table_index)].append(it)
    crops_left = [CROPS_PER_DOCUMENT]
    for (kind, index), rows in sorted(tables.items(), key=lambda kv: kv[0][1]):
        out.append(f"<h3>Table {index + 1}: {e(kind)} ({len(rows)} rows, "
                   f"{sum(r.needs_review for r in rows)} flagged)</h3>")
        out.append(_table(rows, kind, crops_left))
    return "".join(out) + "</section>"


def _coverage(documents: list[Document], items: list[Item]) -> str:
    """Communes x canonical indicators: each cell the target the commune set, blank when it set none."""
    names = catalog.indicators().names
    targets: dict[tuple[str, str], str] = {}
    for it in items:
        if it.indicator_id:
            targets.setdefault((it.doc_id, it.indicator_id), it.target or "✓")
    used = sorted({k for _, k in targets}, key=lambda k: list(names).index(k) if k in names else len(names))
    if not used:
        return '<section id="coverage"><h2>Coverage</h2><p>No row maps onto a catalog indicator.</p></section>'
    head = "<th>commune / ward</th>" + "".join(f'<th class="ind" title="{e(names.get(k, k))}">{e(k)}</th>'
                                                for k in used)
    rows = []
    for d in documents:
        if d.status == "failed":
            continue
        label = " ".join(x for x in (d.admin_unit_type, d.admin_unit_name) if x) or Path(d.source_file).name
        cells = "".join(f'<td title="{e(names.get(k, k))}">{e(targets[(d.doc_id, k)])}</td>'
                        if (d.doc_id, k) in targets else '<td class="miss">–</td>' for k in used)
        rows.append(f"<tr><th>{e(label)}</th>{cells}</tr>")
    return (f'<section id="coverage"><h2>Coverage: communes × indicators ({len(used)} indicators)</h2>'
            f'<table class="coverage"><tr>{head}</tr>{"".join(rows)}</table></section>')


def _review(documents: list[Document], items: list[Item]) -> str:
    queue = review_queue(documents, items)
    head = "".join(f"<th>{c}</th>" for c in ("#", "weight", "file", "table", "row", "stt", "name", "target",
                                             "amount", "reasons", "confidence", "page"))
    rows = "".join(
        "<tr>" + "".join(f"<td>{e(v)}</td>" for v in q.as_row(n).values()) + "</tr>"
        for n, q in enumerate(queue[:REVIEW_ROWS_SHOWN], start=1))
    more = f"<p>{len(queue) - REVIEW_ROWS_SHOWN} more in plans.xlsx (sheet review).</p>" if len(
        queue) > REVIEW_ROWS_SHOWN else ""
    return (f'<section id="review"><h2>Review queue ({len(queue)} entries, most consequential first)</h2>'
            f'<table class="review"><tr>{head}</tr>{rows}</table>{more}</section>')


def render_report(documents: list[Document], items: list[Item], cached: int | None = None) -> str:
    by_doc: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        by_doc[it.doc_id].append(it)
    body = [_summary(documents, cached)]
    body += [_document(i, d, by_doc.get(d.doc_id, [])) for i, d in enumerate(documents, start=1)]
    body += [_coverage(documents, items), _review(documents, items)]
    template = Template(resources.files("kehoach.export").joinpath("templates", "report.html")
                        .read_text(encoding="utf-8"))
    return template.substitute(title=f"kehoach report: {len(documents)} document(s)", body="\n".join(body))


def write_report(path: Path, outcomes: Sequence) -> None:
    """From a run's outcomes (kehoach.batch.runner.Outcome) to OUT/report.html, atomically. Nothing that
    changes between two runs over the same inputs (cache hits, timings) goes in: the page is reproducible."""
    documents = [o.result.document for o in outcomes]
    items = [it for o in outcomes for it in o.result.items]
    atomic.write_text(path, render_report(documents, items))

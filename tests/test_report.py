"""report.html: built from records, escaped, self-contained; opened in a real headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import SAMPLES_PDF

from kehoach.batch.runner import Outcome
from kehoach.export.report_html import crop_png, render_report, write_report
from kehoach.pipeline import FileResult, failed

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = '<script>alert("x")</script><img src="http://example.invalid/x.png">'


@pytest.fixture(scope="module")
def outcomes(sample_result) -> list[Outcome]:
    """sample_01 as read, one OCR'd row (with a bbox) flagged at low confidence, a hostile name, a failed file."""
    items = [it.model_copy(deep=True) for it in sample_result.items]
    ocr = next(it for it in items if it.provenance.bbox is not None and it.table == "indicators")
    ocr.provenance = ocr.provenance.model_copy(update={"method": "ocr", "confidence": 0.42,
                                                      "file": str(SAMPLES_PDF / "sample_01.pdf")})
    ocr.review_reasons = ["low_confidence", "target_unclear"]
    ocr.needs_review = True
    items[-1].name = HOSTILE
    good = FileResult(document=sample_result.document, items=items, mentions=sample_result.mentions)
    bad = failed(Path("broken.pdf"), None, "damaged: PDF is truncated")
    return [Outcome(Path("sample_01.pdf"), good), Outcome(Path("broken.pdf"), bad)]


@pytest.fixture(scope="module")
def report(outcomes, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    write_report(path, outcomes)
    return path


class _Dom(HTMLParser):
    """Tags with their attributes, and the text, of an HTML page (the DOM Chromium dumps)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def having(self, tag: str, cls: str | None = None) -> list[dict]:
        return [a for t, a in self.tags if t == tag and (cls is None or cls in (a.get("class") or "").split())]


def _dom(html: str) -> _Dom:
    d = _Dom()
    d.feed(html)
    return d


def test_report_sections_and_flags(report, outcomes):
    dom = _dom(report.read_text(encoding="utf-8"))
    assert dom.having("section", "document") and len(dom.having("section", "document")) == 2
    assert {a.get("id") for a in dom.having("section")} >= {"summary", "coverage", "review", "doc-1", "doc-2"}
    flagged = sum(it.needs_review for it in outcomes[0].result.items)
    assert len(dom.having("tr", "flagged")) == flagged
    titles = [a["title"] for a in dom.having("td", "flag")]
    assert any("low_confidence" in t and "confidence 0.42" in t for t in titles)
    text = "".join(dom.text)
    assert "damaged: PDF is truncated" in text


def test_report_is_self_contained_and_escaped(report):
    html = report.read_text(encoding="utf-8")
    dom = _dom(html)
    assert not dom.having("script") and not dom.having("link")
    assert not [a for t, a in dom.tags if t == "img" and not a.get("src", "").startswith("data:image/png;base64,")]
    assert HOSTILE not in html and "&lt;script&gt;" in html
    assert not re.search(r"(src|href)=\"https?:", html)


def test_ocr_cell_gets_a_crop_of_its_page(report):
    crops = _dom(report.read_text(encoding="utf-8")).having("img", "crop")
    assert len(crops) == 1
    assert len(crops[0]["src"]) < 200_000  # small: the page stays light


def test_crop_of_a_missing_source_is_skipped():
    assert crop_png(Path("/nonexistent.pdf"), 1, (0, 0, 10, 10)) is None
    assert crop_png(SAMPLES_PDF / "sample_01.pdf", 99, (0, 0, 10, 10)) is None


def test_coverage_and_review_order(outcomes):
    html = render_report([o.result.document for o in outcomes], [it for o in outcomes for it in o.result.items])
    review = html[html.index('id="review"'):]
    rows = re.findall(r"<tr><td>(\d+)</td><td>([\d.]+)</td><td>([^<]*)</td><td>([^<]*)</td>", review)
    assert rows[0][2:] == ("broken.pdf", "document")  # a lost document first
    weights = [float(w) for _, w, _, _ in rows]
    assert weights == sorted(weights, reverse=True)
    coverage = html[html.index('id="coverage"'):html.index('id="review"')]
    assert "<th class=\"ind\"" in coverage and "broken.pdf" not in coverage


def _chromium(*args: str, tmp: Path) -> subprocess.CompletedProcess:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp / 'profile'}"]
    return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120)


@pytest.mark.e2e
@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium not installed (make test installs it)")
def test_report_in_headless_chromium(report, tmp_path):
    res = _chromium("--dump-dom", report.as_uri(), tmp=tmp_path)
    assert res.returncode == 0, res.stderr[-2000:]
    dom = _dom(res.stdout)
    assert len(dom.having("section", "document")) == 2
    assert dom.having("img", "crop") and dom.having("td", "flag")
    assert "Review queue" in "".join(dom.text)

    shot = tmp_path / "shot.png"
    res = _chromium(f"--screenshot={shot}", "--window-size=1280,1600", "--hide-scrollbars", report.as_uri(),
                    tmp=tmp_path)
    assert shot.exists(), res.stderr[-2000:]
    from PIL import Image

    with Image.open(shot) as im:
        assert im.size == (1280, 1600)
        colours = im.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 20  # text and tables drawn, not a blank page


def test_crop_of_a_page_image(tmp_path):
    """A scanned page image (no PDF): the crop comes from its pixels at its stated resolution."""
    import base64
    import io

    from PIL import Image

    im = Image.new("L", (1000, 1400), 255)
    im.paste(0, (300, 300, 500, 400))  # a black box at 150-250 x 150-200 pt at 144 dpi
    path = tmp_path / "scan.png"
    im.save(path, dpi=(144, 144))
    png = crop_png(path, 1, (150.0, 150.0, 250.0, 200.0))
    crop = Image.open(io.BytesIO(base64.b64decode(png)))
    assert abs(crop.width - 208) <= 2 and abs(crop.height - 108) <= 2  # the box plus 2 pt of margin
    assert crop.getextrema()[0] == 0
    assert crop_png(path, 2, (0, 0, 10, 10)) is None


@pytest.mark.parametrize("warnings, method, pages, expected", [
    (["pages 1, 3: OCR'd (no text layer)", "page 5: OCR'd (text layer unusable)"], "pdf-text+ocr", 6, 3),
    ([], "ocr", 4, 4),
    ([], "pdf-text", 4, 0),
])
def test_pages_ocr_hook(warnings, method, pages, expected):
    from kehoach.batch.manifest import ocr_pages
    from kehoach.schemas import Document

    doc = Document(source_file="x.pdf", doc_id="x", status="ok", method=method, pages=pages, warnings=warnings)
    assert ocr_pages(doc) == expected

"""Small builders shared by the tests: grids, page text and tiny PDFs made on the fly."""

from __future__ import annotations

import json
from pathlib import Path

from kehoach.parsers.grid import Grid, PageText, TextLine

REPO = Path(__file__).resolve().parent.parent
SAMPLES_PDF = REPO / "samples" / "pdf"
SAMPLES_KEYS = REPO / "samples" / "keys"
FONT = REPO / "scripts" / "fonts" / "DejaVuSans.ttf"

# a plain indicators header and a tasks header, used where the header itself is not under test
IND_HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì", "Đơn vị phối hợp"]
TASK_HEADER = ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]


def grid(*rows, page: int = 1, **kw) -> Grid:
    return Grid.from_rows([list(r) for r in rows], page=page, **kw)


def page(*lines, number: int = 1) -> PageText:
    """A page from strings (plain lines) or (text, bold) pairs or ready TextLines."""
    out = []
    for ln in lines:
        if isinstance(ln, TextLine):
            out.append(ln)
        elif isinstance(ln, tuple):
            out.append(TextLine(ln[0], bold=ln[1]))
        else:
            out.append(TextLine(ln))
    return PageText(page=number, lines=out)


def make_pdf(path: Path, lines: list[str], encrypt: str | None = None) -> Path:
    """A one-page born-digital PDF with the given text lines (a Vietnamese-capable font)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    c = canvas.Canvas(str(path), encrypt=encrypt)
    c.setFont("DejaVuSans", 12)
    y = 800
    for text in lines:
        c.drawString(72, y, text)
        y -= 18
    c.showPage()
    c.save()
    return path


def run_script(*args: str, timeout: int = 300) -> None:
    """Run a Python entry point of the repository (a script path or `-m module`) and require success."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr


def extract(src: Path, out: Path, fmt: str = "jsonl") -> Path:
    """`kehoach extract SRC -o OUT` through the CLI, as a user runs it."""
    run_script("-m", "kehoach.cli", "extract", str(src), "-o", str(out), "--format", fmt, "--quiet", timeout=600)
    return out


def extract_and_score(src: Path, keys: Path, out: Path) -> tuple[dict, dict]:
    """The CLI's JSONL export of SRC scored against the answer keys in KEYS (kehoach.evaluate)."""
    from kehoach.evaluate import score

    return score(keys, extract(src, out))


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSON Lines export (blank lines skipped)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

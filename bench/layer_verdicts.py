"""Per-page text-layer verdicts over folders of PDFs, with the cost of the check.

For each folder: how many pages check_layer keeps, repairs or sends to OCR
(without and with the 50-dpi ink render), the reasons, and the CPU time per
page (process time: on a shared, loaded machine wall time mostly measures the
other processes). `--pages` lists every page.

usage: python bench/layer_verdicts.py FOLDER... [--pages]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium

from kehoach.ingest.layer_check import check_layer
from kehoach.ingest.render_ink import page_ink
from kehoach.parsers.pdfium_page import read_page


def _ms(xs: list[float]) -> str:
    if not xs:
        return "-"
    return f"median {1000 * statistics.median(xs):.2f} ms, max {1000 * max(xs):.2f} ms"


def report(folder: Path, pages: bool) -> None:
    plain, inked, reasons = Counter(), Counter(), Counter()
    t_plain: list[float] = []
    t_ink: list[float] = []
    t_render: list[float] = []
    rows = []
    for path in sorted(folder.rglob("*.pdf")):
        try:
            pdf = pdfium.PdfDocument(path)
        except pdfium.PdfiumError as exc:
            print(f"{path.name}: not read ({exc})")
            continue
        for i in range(len(pdf)):
            page = pdf[i]
            content = read_page(page)
            t0 = time.process_time()
            verdict = check_layer(content)
            t_plain.append(time.process_time() - t0)
            t0 = time.process_time()
            ink = page_ink(page)
            t_render.append(time.process_time() - t0)
            t0 = time.process_time()
            with_ink = check_layer(content, ink)
            t_ink.append(time.process_time() - t0)
            plain[verdict.action] += 1
            inked[with_ink.action] += 1
            reasons[with_ink.reason.split(":")[0].split(" (")[0]] += 1
            rows.append(f"| {path.stem} | {i + 1} | {len(content.chars)} | {verdict.action} | {with_ink.action} "
                        f"| {with_ink.reason} |")
        pdf.close()
    print(f"## {folder}: {len(rows)} pages")
    print(f"- verdicts without ink: {dict(plain)}; with ink: {dict(inked)}")
    print(f"- reasons (with ink): {dict(reasons)}")
    print(f"- CPU per page: check_layer {_ms(t_plain)}; with ink {_ms(t_ink)}; page_ink at 50 dpi {_ms(t_render)}")
    if pages:
        print("\n| file | page | chars | verdict | with ink | reason |\n|---|---|---|---|---|---|")
        print("\n".join(rows))
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--pages", action="store_true", help="list every page's verdict")
    args = parser.parse_args()
    for folder in args.folders:
        report(folder, args.pages)


if __name__ == "__main__":
    main()

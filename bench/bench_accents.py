"""Benchmark: accent restoration accuracy and speed, kehoach's model beside pyvi's `ViUtils.add_accents`.

1. Held-out plan text (scripts/corpus/seed_003.txt, never trained on: see
   scripts/build_accent_model.py) with its diacritics stripped: syllable accuracy (a
   syllable counts as right when it equals the original, case-insensitively) and syllables/s.
2. English-OCR text layers (dev engocr PDFs, when the shared dev set is there): each page's
   text layer is restored and aligned, word by word, with the same page of the born-digital
   PDF; accuracy over the aligned syllables, beside the layer as read and pyvi. Plans whose
   text is also a training seed (000, 001) are reported apart from held-out ones.

Speeds are syllables per second of CPU time (the process's own), so that other jobs on a
shared machine do not blur the comparison; both sides are timed the same way.

usage: python bench/bench_accents.py [--engocr DIR --digital DIR] [--json]
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kehoach.normalize.accents import restore  # noqa: E402
from kehoach.normalize.accents.model import load  # noqa: E402
from kehoach.normalize.accents.syllables import TOKEN, nfc, strip  # noqa: E402

HELD_OUT = ROOT / "scripts" / "corpus" / "seed_003.txt"
# the shared dev set beside the repository (../shared), or beside the folder of worktrees
SHARED = next((p / "shared" / "dev" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "dev").is_dir()),
              ROOT.parent / "shared" / "dev")
TRAINED_ON = ("000_", "001_", "002_")  # dev plans whose text is a training seed


def strip_keep_case(text: str) -> str:
    return "".join(strip(ch).upper() if ch.isupper() else strip(ch) if ch.isalpha() else ch for ch in nfc(text))


def words(text: str) -> list[str]:
    return [t for t in TOKEN.findall(nfc(text)) if any(c.isalpha() for c in t)]


def _pyvi():
    try:
        from pyvi import ViUtils
    except ImportError:
        return None
    def add_accents(text: str) -> str:
        try:
            return ViUtils.add_accents(text)
        except (KeyError, IndexError, ValueError):  # pyvi fails on some character pairs ("vw"): input kept
            return text

    return add_accents


def score_pairs(pred: list[str], truth: list[str]) -> tuple[int, int]:
    """Right and total over aligned words (same count: one to one; else aligned on stripped forms)."""
    if len(pred) == len(truth):
        return sum(p.lower() == t.lower() for p, t in zip(pred, truth, strict=True)), len(truth)
    sm = difflib.SequenceMatcher(a=[strip(p) for p in pred], b=[strip(t) for t in truth], autojunk=False)
    right = 0
    for a, b, size in sm.get_matching_blocks():
        right += sum(pred[a + k].lower() == truth[b + k].lower() for k in range(size))
    return right, len(truth)


def stripped_bench(pyvi_fn) -> dict:
    truth_lines = [ln for ln in HELD_OUT.read_text(encoding="utf-8").splitlines() if words(ln)]
    inputs = [strip_keep_case(ln) for ln in truth_lines]
    n = sum(len(words(ln)) for ln in truth_lines)
    out = {"syllables": n, "lines": len(truth_lines)}
    t = time.process_time()
    ours = [restore(ln).text for ln in inputs]
    dt = time.process_time() - t
    right = sum(score_pairs(words(p), words(tr))[0] for p, tr in zip(ours, truth_lines, strict=True))
    out["kehoach"] = {"accuracy": right / n, "syllables_per_s": n / dt}
    if pyvi_fn is not None:
        t = time.process_time()
        theirs = [pyvi_fn(ln) for ln in inputs]
        dt = time.process_time() - t
        right = sum(score_pairs(words(p), words(tr))[0] for p, tr in zip(theirs, truth_lines, strict=True))
        out["pyvi"] = {"accuracy": right / n, "syllables_per_s": n / dt}
    return out


def _page_texts(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def aligned(ocr: list[str], truth: list[str]) -> list[tuple[int, int]]:
    """(OCR word index, true word index) pairs: words equal once stripped, and the words of
    equal-length replaced runs between them (the garbled ones)."""
    sm = difflib.SequenceMatcher(a=[strip(w) for w in ocr], b=[strip(w) for w in truth], autojunk=False)
    pairs = []
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        if op == "equal" or (op == "replace" and a1 - a0 == b1 - b0 and a1 - a0 <= 3):
            pairs += list(zip(range(a0, a1), range(b0, b1), strict=True))
    return pairs


def engocr_bench(engocr: Path, digital: Path, pyvi_fn) -> dict:
    groups: dict[str, dict] = {}
    for path in sorted(engocr.glob("*.pdf")):
        truth_pdf = digital / path.name
        if not truth_pdf.exists():
            continue
        group = "trained_on" if path.name.startswith(TRAINED_ON) else "held_out"
        g = groups.setdefault(group, {"files": [], "syllables": 0, "as_read": 0, "kehoach": 0, "pyvi": 0})
        g["files"].append(path.name)
        per = g.setdefault("per_file", {}).setdefault(path.name, [0, 0])
        for ocr_text, true_text in zip(_page_texts(path), _page_texts(truth_pdf), strict=False):
            ocr_words, true_words = words(ocr_text), words(true_text)
            ours = words(restore(ocr_text).text)
            theirs = None
            if pyvi_fn is not None:
                theirs = [w for ln in ocr_text.splitlines() for w in _same_count(words(pyvi_fn(ln)), words(ln))]
            for i, j in aligned(ocr_words, true_words):
                t = true_words[j].lower()
                g["syllables"] += 1
                g["as_read"] += ocr_words[i].lower() == t
                right = len(ours) == len(ocr_words) and ours[i].lower() == t
                g["kehoach"] += right
                per[0] += right
                per[1] += 1
                g["pyvi"] += theirs is not None and len(theirs) == len(ocr_words) and theirs[i].lower() == t
    for g in groups.values():
        n = max(1, g["syllables"])
        for k in ("as_read", "kehoach", "pyvi"):
            g[k] = g[k] / n
    return groups


def _same_count(pred: list[str], src: list[str]) -> list[str]:
    return pred if len(pred) == len(src) else src


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--engocr", type=Path, default=SHARED / "engocr")
    ap.add_argument("--digital", type=Path, default=SHARED / "digital")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    t = time.process_time()
    load()
    result = {"model_load_s": time.process_time() - t}
    pyvi_fn = _pyvi()
    result["stripped_held_out"] = stripped_bench(pyvi_fn)
    if args.engocr.is_dir() and args.digital.is_dir():
        result["english_ocr"] = engocr_bench(args.engocr, args.digital, pyvi_fn)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"model load: {result['model_load_s']:.2f} s (CPU)")
    s = result["stripped_held_out"]
    print(f"held-out plan text, accents stripped ({s['syllables']} syllables):")
    for name in ("kehoach", "pyvi"):
        if name in s:
            r = s[name]
            print(f"  {name:8s} syllable accuracy {r['accuracy']:.3f}  {r['syllables_per_s']:8.0f} syllables/s (CPU)")
    for group, g in result.get("english_ocr", {}).items():
        print(f"English-OCR text layers, {group} ({', '.join(g['files'])}; {g['syllables']} aligned syllables):")
        print(f"  as read {g['as_read']:.3f}  kehoach {g['kehoach']:.3f}  pyvi {g['pyvi']:.3f}")
        print("  kehoach per file: " + ", ".join(f"{f} {r / max(1, n):.3f}" for f, (r, n) in g["per_file"].items()))


if __name__ == "__main__":
    main()

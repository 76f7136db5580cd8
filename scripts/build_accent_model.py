"""Build the accent-restoration model (kehoach/normalize/data/accent_model.npz), reproducibly.

Training text, all accented Vietnamese the project may use:
  * the accented seed plans copied into scripts/corpus/ (seed_003 is HELD OUT: bench/bench_accents.py
    scores on it, so neither it nor any line of it found in other sources is counted);
  * the catalog csvs (body and indicator names, their written forms), the signature titles of
    kehoach/parsers/signature.py, and the answer keys in
    samples/keys and tests/data/office/keys;
  * text shipped in the `underthesea` wheel (dev extra), read as data files without importing it:
    the VLSP 2013 tagged sentences of its POS model's test output, its Viet74K word list, and the
    province and commune/ward names of its address module.
Domain text (plans, catalog, keys) counts DOMAIN_WEIGHT times; catalog names and place names are
also the domain lexicon whose bigrams get a bonus when decoding. The output is the same for the
same inputs (sorted vocabulary, sorted keys).

    .venv/bin/python scripts/build_accent_model.py [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kehoach.normalize.accents.model import BOS, NUM, SPECIALS  # noqa: E402
from kehoach.normalize.accents.syllables import TOKEN, classic_tone, is_syllable_shape, nfc, strip  # noqa: E402
from kehoach.parsers.signature import SIGNATURE_TITLES  # noqa: E402

CORPUS = ROOT / "scripts" / "corpus"
HELD_OUT = ("seed_003.txt",)
DATA = ROOT / "kehoach" / "normalize" / "data"
DOMAIN_WEIGHT = 3
# a training clause with more than this share of its word 6-grams in the held-out plan is a copy of it
HELD_OUT_OVERLAP = 0.5
_BREAK = re.compile(r"[.;:!?()\[\]\"“”]")


def held_out_text() -> str:
    return "\n".join((CORPUS / name).read_text(encoding="utf-8") for name in HELD_OUT)


def clauses(text: str) -> Iterator[list[str]]:
    """Lower-case word sequences between clause-ending punctuation (line breaks are wraps, not ends)."""
    for part in _BREAK.split(nfc(text)):
        words = []
        for tok in TOKEN.findall(part):
            if tok.isdigit():
                words.append(NUM)
            elif any(c.isalpha() for c in tok):
                words.append(classic_tone(tok.lower()))
        if words:
            yield words


def _strings(obj: object) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def catalog_names() -> list[str]:
    """Body and indicator names of the catalog, and the signature titles of Decree 30 (written in
    capitals in every plan: "KT. TRƯỞNG BAN", "PHÓ CHỦ TỊCH")."""
    names = [f"{lead}{title}" for title in SIGNATURE_TITLES for lead in ("", "PHÓ ", "KT. ", "TM. ")]
    for name in ("unit_keys.csv", "indicator_keys.csv"):
        with (DATA / name).open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for field in ("canonical_name", "written_as_for_example"):
                    names += [p.strip() for p in re.split(r"[;/]", row.get(field) or "") if p.strip()]
    return names


def key_texts() -> list[str]:
    out = []
    for folder in (ROOT / "samples" / "keys", ROOT / "tests" / "data" / "office" / "keys"):
        for path in sorted(folder.glob("*.json")):
            out += list(_strings(json.loads(path.read_text(encoding="utf-8"))))
    return out


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def underthesea_texts() -> tuple[list[str], list[str], list[str]]:
    """(VLSP sentences, dictionary words, place names) from the underthesea wheel; empty without it."""
    root = _package_dir("underthesea")
    if root is None:
        print("underthesea not installed (pip install -e '.[dev]'): building from the project's text only")
        return [], [], []
    sentences, current = [], []
    tagged = root / "pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt"
    for line in tagged.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(" ".join(current))
            current = []
        else:
            current.append(line.split("\t")[0])
    words = (root / "corpus/data/Viet74K.txt").read_text(encoding="utf-8").splitlines()
    places: set[str] = set()
    mapping = json.loads((root / "address/data/mapping.json").read_text(encoding="utf-8"))
    for table in ("province_names", "old_province_names"):
        for v in mapping[table].values():
            places |= {v["name"], v["short"]}
    for row in mapping["ward_mapping"]:
        places |= {row["new_ward"], row["old_ward"], row.get("old_district") or ""}
    return sentences, [w for w in words if w.strip()], sorted(p for p in places if p)


def ngrams(words: list[str], n: int = 6) -> set[tuple[str, ...]]:
    keys = [strip(w) for w in words]
    return {tuple(keys[i:i + n]) for i in range(len(keys) - n + 1)}


def count(sources: Iterable[tuple[str, int]], held: set[tuple[str, ...]], once: Iterable[str] = ()):
    """Weighted uni/bi/trigram counts; a clause sharing most of its 6-grams with held-out text is skipped.

    The `once` texts (place names) count each of their n-grams once, however many names share it:
    thousands of "Xã Ia ..." in Gia Lai must not teach that "xã" is mostly followed by "ia".
    """
    uni: Counter[str] = Counter()
    bi: Counter[tuple[str, str]] = Counter()
    tri: Counter[tuple[str, str, str]] = Counter()
    skipped = 0
    seen: set[tuple[str, ...]] = set()
    for text, weight in [*sources, *((t, 0) for t in once)]:
        for words in clauses(text):
            grams = ngrams(words)
            if grams and len(grams & held) > HELD_OUT_OVERLAP * len(grams):
                skipped += 1
                continue
            seq = [BOS, BOS, *words]
            bi[(BOS, BOS)] += weight or 1
            for i in range(2, len(seq)):
                for gram, counter in (((seq[i],), uni), (tuple(seq[i - 1:i + 1]), bi), (tuple(seq[i - 2:i + 1]), tri)):
                    if weight or len(gram) == 1:  # a place name's words count as often as they occur
                        counter[gram if len(gram) > 1 else gram[0]] += weight or 1
                    elif gram not in seen:
                        seen.add(gram)
                        counter[gram if len(gram) > 1 else gram[0]] += 1
    return uni, bi, tri, skipped


def build(out: Path) -> None:
    held = set().union(*(ngrams(ws) for ws in clauses(" ".join(held_out_text().split("\n")))))
    seeds = [(p.read_text(encoding="utf-8"), DOMAIN_WEIGHT) for p in sorted(CORPUS.glob("seed_*.txt"))
             if p.name not in HELD_OUT]
    names = catalog_names()
    sentences, words, places = underthesea_texts()
    sources = [*seeds, *((t, DOMAIN_WEIGHT) for t in key_texts()), *((n, DOMAIN_WEIGHT) for n in names),
               *((s, 1) for s in sentences), *((w, 1) for w in words)]
    # plans run their lines on: train on whole paragraphs, not printed lines, so wraps keep their n-grams
    sources = [(" ".join(t.split("\n")) if w == DOMAIN_WEIGHT else t, w) for t, w in sources]
    uni, bi, tri, skipped = count(sources, held, once=places)
    vocab = [*SPECIALS, *sorted(w for w in uni if w not in SPECIALS)]
    index = {w: i for i, w in enumerate(vocab)}
    n = len(vocab)
    uni_arr = np.array([uni.get(w, 0) for w in vocab], dtype=np.int32)
    uni_arr[index[BOS]] = bi[(BOS, BOS)]
    bi_items = sorted((index[a] * n + index[b], c) for (a, b), c in bi.items())
    tri_items = sorted(((index[a] * n + index[b]) * n + index[c], k) for (a, b, c), k in tri.items())
    lexicon = set()
    for name in [*names, *places]:
        for ws in clauses(name):
            for a, b in zip(ws, ws[1:], strict=False):
                if a in index and b in index and is_syllable_shape(strip(a)) and is_syllable_shape(strip(b)):
                    lexicon.add(index[a] * n + index[b])
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out, vocab=np.array(vocab), uni=uni_arr,
        bi_keys=np.array([k for k, _ in bi_items], dtype=np.int64),
        bi_counts=np.array([c for _, c in bi_items], dtype=np.int32),
        tri_keys=np.array([k for k, _ in tri_items], dtype=np.int64),
        tri_counts=np.array([c for _, c in tri_items], dtype=np.int32),
        lex_keys=np.array(sorted(lexicon), dtype=np.int64))
    print(f"{out}: {n} words, {len(bi_items)} bigrams, {len(tri_items)} trigrams, {len(lexicon)} lexicon bigrams, "
          f"{out.stat().st_size / 1e6:.1f} MB; held out: {', '.join(HELD_OUT)} "
          f"({skipped} clauses of other sources overlapping it skipped)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DATA / "accent_model.npz")
    build(ap.parse_args().out)


if __name__ == "__main__":
    main()

"""The project's scorer: a copy of the reference scorer's logic (eval/score.py), so the
repository stands alone. Keep it in step with the reference: same matching, same figures.

Score an extraction export against gold annotations.

usage: score.py --gold DIR --pred DIR [--json] [--per-doc] [--only NAME ...]
                [--min-cell-f1 X] [--min-row-f1 X]

Reads DIR/*.json gold files (../gold/SCHEMA.md) and the export's
documents.jsonl and items.jsonl (CONTRACT.md). Prints, per document and
overall:

  rows      precision / recall / F1 of table rows (matched by name, then stt)
  cells     precision / recall / F1 of cell content: every non-empty cell counts,
            scored by its text similarity to the matched cell (0 when unmatched)
  fields    mean similarity and exact-match rate of each field on matched rows
  accents   of the syllables whose letters match the gold, the share whose
            diacritics match too (diacritic restoration)
  units     B-cubed F1 of the canonical ids given to unit mentions, against the
            gold unit keys, over all documents together
  indicators  the same for indicator rows
  document  mean similarity of header fields; F1 of cited references

Exit status 1 when a --min-* threshold is not met, 2 on bad input.
"""
import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

ITEM_TEXT_FIELDS = ["section", "section_title", "stt", "name", "unit_of_measure",
                    "target", "expected_result", "deadline", "note"]
ITEM_LIST_FIELDS = ["lead", "coordinating", "monitoring"]
ITEM_OTHER_FIELDS = ["kind", "table", "amount"]
DOC_EXACT = ["admin_unit_type", "admin_unit_name", "province", "doc_number",
             "doc_symbol", "issue_date", "doc_type", "signer_name", "budget_total"]
DOC_FUZZY = ["issuing_body", "title", "signer_title", "budget_unit"]
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")


def norm(value):
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).translate(DASHES)
    text = text.replace(">=", "≥").replace("<=", "≤")
    return re.sub(r"\s+", " ", text).strip().casefold()


def fold(text):
    text = unicodedata.normalize("NFD", norm(text).replace("đ", "d"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def empty(value):
    return value is None or value == "" or value == [] or (isinstance(value, str) and not value.strip())


def text_sim(a, b):
    a, b = norm(a), norm(b)
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return Levenshtein.normalized_similarity(a, b)


def align_lists(gold, pred, threshold=0.6):
    """Greedy one-to-one alignment of two lists of strings; returns (pairs, sims)."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = text_sim(g, p)
            if s >= threshold:
                cands.append((s, i, j))
    cands.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for s, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j, s))
    return pairs


def list_sim(gold, pred):
    gold, pred = gold or [], pred or []
    if not gold and not pred:
        return 1.0
    if not gold or not pred:
        return 0.0
    total = sum(s for _, _, s in align_lists(gold, pred))
    p, r = total / len(pred), total / len(gold)
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def amount_sim(a, b):
    if a is None and b is None:
        return 1.0
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return 0.0
    return 1.0 if abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9) else 0.0


def field_sim(field, g, p):
    if field in ITEM_LIST_FIELDS:
        return list_sim(g, p)
    if field == "amount":
        return amount_sim(g, p)
    return text_sim(g, p)


def match_items(gold_items, pred_items):
    """One-to-one matching of rows: name similarity, with same stt and table as tie-breaks."""
    cands = []
    for i, g in enumerate(gold_items):
        gname = norm(g.get("name"))
        for j, p in enumerate(pred_items):
            pname = norm(p.get("name"))
            if not gname or not pname:
                continue
            s = fuzz.ratio(gname, pname) / 100
            if s < 0.5:
                s = max(s, fuzz.ratio(fold(gname), fold(pname)) / 100 - 0.05)
            if s < 0.5:
                continue
            bonus = 0.04 * (norm(g.get("stt")) == norm(p.get("stt"))) + 0.01 * (g.get("table") == p.get("table"))
            cands.append((s + bonus, i, j))
    cands.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for s, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


SYL = re.compile(r"\w+", re.UNICODE)


def accent_counts(gold_text, pred_text):
    """(syllables whose letters match, of which diacritics match too)."""
    g = SYL.findall(norm(gold_text))
    p = SYL.findall(norm(pred_text))
    if not g or not p:
        return 0, 0
    import difflib
    sm = difflib.SequenceMatcher(a=[fold(x) for x in g], b=[fold(x) for x in p], autojunk=False)
    base = good = 0
    for block in sm.get_matching_blocks():
        for k in range(block.size):
            base += 1
            good += g[block.a + k] == p[block.b + k]
    return base, good


def bcubed(pairs):
    """pairs: list of (gold_label, pred_label); a pred label of None is a singleton."""
    if not pairs:
        return None
    pairs = [(g, p if p is not None else f"__none_{k}") for k, (g, p) in enumerate(pairs)]
    by_gold, by_pred = defaultdict(list), defaultdict(list)
    for k, (g, p) in enumerate(pairs):
        by_gold[g].append(k)
        by_pred[p].append(k)
    prec = rec = 0.0
    for g, p in pairs:
        same = sum(1 for k in by_pred[p] if pairs[k][0] == g)
        prec += same / len(by_pred[p])
        rec += same / len(by_gold[g])
    prec, rec = prec / len(pairs), rec / len(pairs)
    return {"precision": prec, "recall": rec, "f1": 0.0 if prec + rec == 0 else 2 * prec * rec / (prec + rec), "n": len(pairs)}


def ref_key(ref):
    return re.sub(r"[\s.]", "", fold(ref)).upper()


def prf(tp_p, n_p, tp_r, n_r):
    p = tp_p / n_p if n_p else (1.0 if not n_r else 0.0)
    r = tp_r / n_r if n_r else (1.0 if not n_p else 0.0)
    return {"precision": p, "recall": r, "f1": 0.0 if p + r == 0 else 2 * p * r / (p + r)}


def load_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    sys.exit(f"score.py: {path}:{n}: {e}")
    return rows


def stem(path):
    return Path(str(path)).stem


def score(gold_dir, pred_dir, only=None):
    gold_files = sorted(Path(gold_dir).glob("*.json"))
    if only:
        gold_files = [g for g in gold_files if g.stem in only]
    if not gold_files:
        sys.exit(f"score.py: no gold files in {gold_dir}")
    pred_docs = {stem(d.get("source_file", "")): d for d in load_jsonl(Path(pred_dir) / "documents.jsonl")}
    pred_items = defaultdict(list)
    for it in load_jsonl(Path(pred_dir) / "items.jsonl"):
        pred_items[stem(it.get("source_file", ""))].append(it)

    per_doc = {}
    totals = defaultdict(float)
    field_acc = defaultdict(lambda: [0.0, 0, 0])  # sum sim, exact count, n
    unit_pairs, ind_pairs = [], []
    doc_field_acc = defaultdict(lambda: [0.0, 0])
    ref_tp_p = ref_np = ref_tp_r = ref_nr = 0
    acc_base = acc_good = 0

    for gf in gold_files:
        gold = json.loads(gf.read_text(encoding="utf-8"))
        name = gf.stem
        gitems = [g for g in gold.get("items", [])]
        pitems = pred_items.get(name, [])
        pairs = match_items(gitems, pitems)
        d = defaultdict(float)
        d["gold_rows"], d["pred_rows"], d["matched_rows"] = len(gitems), len(pitems), len(pairs)

        matched_g = {i: j for i, j in pairs}
        matched_p = {j: i for i, j in pairs}
        fields = ITEM_TEXT_FIELDS + ITEM_LIST_FIELDS + ["amount"]
        # recall side: every non-empty gold cell
        for i, g in enumerate(gitems):
            unc = set(g.get("uncertain") or [])
            for f in fields:
                if f in unc or empty(g.get(f)):
                    continue
                d["gold_cells"] += 1
                if i in matched_g:
                    d["cell_sim_r"] += field_sim(f, g.get(f), pitems[matched_g[i]].get(f))
        # precision side: every non-empty predicted cell
        for j, p in enumerate(pitems):
            for f in fields:
                if empty(p.get(f)):
                    continue
                if j in matched_p:
                    g = gitems[matched_p[j]]
                    if f in set(g.get("uncertain") or []):
                        continue
                    d["pred_cells"] += 1
                    d["cell_sim_p"] += field_sim(f, g.get(f), p.get(f))
                else:
                    d["pred_cells"] += 1
        # per-field accuracy, accents, canonical ids on matched rows
        for i, j in pairs:
            g, p = gitems[i], pitems[j]
            unc = set(g.get("uncertain") or [])
            for f in fields + ["kind", "table"]:
                if f in unc or (empty(g.get(f)) and empty(p.get(f))):
                    continue
                s = field_sim(f, g.get(f), p.get(f))
                fa = field_acc[f]
                fa[0] += s
                fa[1] += s == 1.0
                fa[2] += 1
            for f in ("name", "expected_result", "target", "section_title"):
                if f not in unc and not empty(g.get(f)):
                    b, good = accent_counts(g.get(f), p.get(f))
                    acc_base += b
                    acc_good += good
            for role in ITEM_LIST_FIELDS:
                gn, gk = g.get(role) or [], g.get(role + "_keys") or []
                pn, pk = p.get(role) or [], p.get(role + "_ids") or []
                if role in unc:
                    continue
                for a, b, _ in align_lists(gn, pn):
                    if a < len(gk):
                        unit_pairs.append((gk[a], pk[b] if b < len(pk) else None))
            if g.get("kind") == "indicator" and g.get("indicator_key") and "indicator_key" not in unc:
                ind_pairs.append((g["indicator_key"], p.get("indicator_id")))

        d["rows"] = prf(len(pairs), len(pitems), len(pairs), len(gitems))
        d["cells"] = prf(d["cell_sim_p"], d["pred_cells"], d["cell_sim_r"], d["gold_cells"])

        # document header
        gdoc, pdoc = gold.get("document", {}), pred_docs.get(name)
        dsum = dn = 0
        if pdoc is None:
            d["document_found"] = False
        doc_unc = set(gold.get("uncertain_document") or [])
        for f in DOC_EXACT + DOC_FUZZY:
            gv, pv = gdoc.get(f), (pdoc or {}).get(f)
            if f in doc_unc or (empty(gv) and empty(pv)):
                continue
            if f in DOC_EXACT:
                s = amount_sim(gv, pv) if f == "budget_total" else float(norm(gv) == norm(pv))
            else:
                s = text_sim(gv, pv)
            dsum += s
            dn += 1
            doc_field_acc[f][0] += s
            doc_field_acc[f][1] += 1
        d["document_fields"] = dsum / dn if dn else 1.0
        if "references" in doc_unc:
            gdoc = dict(gdoc, references=[])
            pdoc = dict(pdoc or {}, references=[])
        grefs = {ref_key(r) for r in gdoc.get("references") or []}
        prefs = {ref_key(r) for r in (pdoc or {}).get("references") or []}
        ref_tp_p += len(grefs & prefs)
        ref_np += len(prefs)
        ref_tp_r += len(grefs & prefs)
        ref_nr += len(grefs)
        d["references"] = prf(len(grefs & prefs), len(prefs), len(grefs & prefs), len(grefs))
        for k in ("gold_rows", "pred_rows", "matched_rows", "gold_cells", "pred_cells", "cell_sim_p", "cell_sim_r"):
            totals[k] += d[k]
        totals["doc_fields_sum"] += d["document_fields"]
        per_doc[name] = d

    overall = {
        "documents": len(gold_files),
        "rows": prf(totals["matched_rows"], totals["pred_rows"], totals["matched_rows"], totals["gold_rows"]),
        "cells": prf(totals["cell_sim_p"], totals["pred_cells"], totals["cell_sim_r"], totals["gold_cells"]),
        "fields": {f: {"mean_sim": v[0] / v[2], "exact": v[1] / v[2], "n": v[2]} for f, v in field_acc.items() if v[2]},
        "accents": {"syllables": acc_base, "accuracy": acc_good / acc_base if acc_base else None},
        "units": bcubed(unit_pairs),
        "indicators": bcubed(ind_pairs),
        "document_fields": totals["doc_fields_sum"] / len(gold_files),
        "document_field_detail": {f: v[0] / v[1] for f, v in doc_field_acc.items() if v[1]},
        "references": prf(ref_tp_p, ref_np, ref_tp_r, ref_nr),
        "counts": {k: totals[k] for k in ("gold_rows", "pred_rows", "matched_rows", "gold_cells", "pred_cells")},
    }
    return overall, per_doc


def fmt(x):
    return "  -  " if x is None else f"{x:.3f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    ap.add_argument("--per-doc", action="store_true")
    ap.add_argument("--only", nargs="*", help="gold file stems to score")
    ap.add_argument("--min-cell-f1", type=float)
    ap.add_argument("--min-row-f1", type=float)
    a = ap.parse_args()
    for f in ("documents.jsonl", "items.jsonl"):
        if not (Path(a.pred) / f).exists():
            print(f"score.py: {Path(a.pred) / f} is missing", file=sys.stderr)
            sys.exit(2)
    overall, per_doc = score(a.gold, a.pred, a.only)
    if a.json:
        print(json.dumps({"overall": overall, "per_doc": per_doc}, ensure_ascii=False, indent=1, default=float))
    else:
        if a.per_doc:
            print(f"{'document':36} {'rows':>5} {'pred':>5} {'rowF1':>6} {'cellF1':>7} {'docF':>6}")
            for name, d in per_doc.items():
                print(f"{name[:36]:36} {int(d['gold_rows']):5d} {int(d['pred_rows']):5d} "
                      f"{fmt(d['rows']['f1']):>6} {fmt(d['cells']['f1']):>7} {fmt(d['document_fields']):>6}")
        print("fields on matched rows (mean similarity / exact):")
        for f, v in sorted(overall["fields"].items()):
            print(f"  {f:16} {v['mean_sim']:.3f} / {v['exact']:.3f}  (n={v['n']})")
        print("document fields: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(overall["document_field_detail"].items())))
        u, i = overall["units"], overall["indicators"]
        print(f"references F1 {fmt(overall['references']['f1'])}   accents {fmt(overall['accents']['accuracy'])} "
              f"(n={overall['accents']['syllables']})   units B3-F1 {fmt(u and u['f1'])} (n={u and u['n']})   "
              f"indicators B3-F1 {fmt(i and i['f1'])} (n={i and i['n']})")
        r, c = overall["rows"], overall["cells"]
        print(f"rows P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}   "
              f"cells P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f}   document {overall['document_fields']:.3f}")
    ok = True
    if a.min_cell_f1 is not None and overall["cells"]["f1"] < a.min_cell_f1:
        ok = False
    if a.min_row_f1 is not None and overall["rows"]["f1"] < a.min_row_f1:
        ok = False
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Render answer keys (gold format, SCHEMA.md) as plan PDFs in the stress layouts of make_samples.py.

The stress set of make_samples.py draws its content from a small vocabulary;
this script prints the content of real answer keys instead (long task names,
real unit cells, parent and sub rows, many sections) in each stress layout:
Party or state header, tables ruled, ruled only between rows or borderless,
portrait or landscape, in appendices or in the body. It writes the answer key
of what it printed next to each PDF, so any key can be turned into documents
in layouts the extractor was not written against.

usage: python scripts/render_key.py KEY.json... --out DIR [--profiles 0,1,2,3,4,5] [--seed N]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_samples as ms  # noqa: E402  (a sibling script, not a package)

# printed column names per field (and table), one picked per document
HEADERS = {
    "stt": ["STT", "TT"],
    "name": {"indicators": ["Chỉ tiêu", "Tên chỉ tiêu", "Nội dung chỉ tiêu"],
             "tasks": ["Nhiệm vụ", "Nội dung nhiệm vụ", "Tên nhiệm vụ"], "budget": ["Nội dung", "Nhiệm vụ"]},
    "unit": ["Đơn vị tính", "ĐVT"],
    "result": {"indicators": ["Kết quả", "Chỉ tiêu đạt"], "tasks": ["Kết quả / sản phẩm", "Sản phẩm đầu ra"],
               "budget": ["Kết quả"]},
    "lead": ["Đơn vị chủ trì", "Cơ quan chủ trì"],
    "coord": ["Đơn vị phối hợp", "Cơ quan phối hợp"],
    "monitor": ["Đơn vị theo dõi, đánh giá"],
    "deadline": ["Thời gian hoàn thành", "Thời hạn", "Thời gian thực hiện"],
    "note": ["Ghi chú"],
    "amount": ["Kinh phí", "Tổng kinh phí"],
}
WIDTHS = {"stt": 12, "name": 80, "unit": 18, "result": 40, "lead": 42, "coord": 50, "monitor": 38,
          "deadline": 28, "note": 28, "amount": 50}
ORDER = ["stt", "name", "unit", "result", "lead", "coord", "monitor", "deadline", "note", "amount"]
_SIGN_BREAK = re.compile(
    r"(?<!PHÓ)\s+(?=KT\.|K/T|(?:PHÓ CHỦ TỊCH|CHỦ TỊCH|PHÓ TRƯỞNG BAN|TRƯỞNG BAN|PHÓ BÍ THƯ|BÍ THƯ)\b)")
_ANY_REF = re.compile(r"(?<![\w/.-])\d{1,4}\s*[-/]\s*[A-ZĐ][A-Za-zĐđ]*(?:\s*[-/]\s*[A-ZĐ][A-Za-zĐđ]*){1,3}(?![\w])")


def signature_lines(title: str) -> list[str]:
    """"KT. CHỦ TỊCH PHÓ CHỦ TỊCH" -> ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], as a signature block prints it."""
    parts = _SIGN_BREAK.split(title)
    lines: list[str] = []
    for part in parts:
        if lines and lines[-1] in ("KT.", "K/T") or (lines and lines[-1].endswith((" KT.", " K/T"))):
            lines[-1] += " " + part
        else:
            lines.append(part)
    return lines


def layout_for(table: str, items: list[dict], rng: random.Random) -> list[tuple]:
    """Columns for the fields the key fills in this table, each under a printed name."""
    present = {"stt", "name"}
    for it in items:
        present |= {f for f, k in (("unit", "unit_of_measure"), ("lead", "lead"), ("coord", "coordinating"),
                                   ("monitor", "monitoring"), ("deadline", "deadline"), ("note", "note"),
                                   ("amount", "amount")) if it.get(k)}
        if it.get("target") or it.get("expected_result"):
            present.add("result")
    fields = [f for f in ORDER if f in present]
    total = sum(WIDTHS[f] for f in fields)
    out = []
    for f in fields:
        names = HEADERS[f][table] if isinstance(HEADERS[f], dict) else HEADERS[f]
        out.append((f, rng.choice(names), WIDTHS[f] * 267 / total))
    return out


def rows_for(items: list[dict], seps: list[str], rng: random.Random) -> list[dict]:
    """The generator's row dicts (group rows where the section changes) for one table's items."""
    rows: list[dict] = []
    section = (None, None)
    for it in items:
        if (it["section"], it["section_title"]) != section:
            section = (it["section"], it["section_title"])
            if section != (None, None):
                rows.append({"group": section[0] or "", "title": section[1] or ""})
        sep = rng.choice(seps)

        def unit(names: list[str], keys: list[str] | None, sep: str = sep) -> tuple | None:
            return (list(names), list(keys or []), sep) if names else None

        rows.append(dict(
            kind=it["kind"], stt=it["stt"] or "", name=it["name"], unit=it.get("unit_of_measure"),
            result=it.get("target") or it.get("expected_result"), lead=unit(it["lead"], it.get("lead_keys")),
            coord=unit(it["coordinating"], it.get("coordinating_keys")),
            monitor=unit(it["monitoring"], it.get("monitoring_keys")), deadline=it.get("deadline"),
            note=it.get("note"), amount=round(it["amount"] * 10) if it.get("amount") is not None else None))
    return rows


def meta_for(doc: dict, refs: list[str], prof: dict) -> dict:
    date = (doc.get("issue_date") or "2025").split("-")
    number = doc.get("doc_number")
    return dict(
        t=doc["admin_unit_type"] or "xã", name=doc["admin_unit_name"] or "An Bình",
        province=doc["province"], issuer=doc["issuing_body"] or "UBND xã",
        cited=[(code, f"văn bản số {code} của cấp có thẩm quyền") for code in refs],
        number=int(number.split("/")[0].split("-")[0]) if number else None,
        year=int(date[0]), month=int(date[1]) if len(date) > 1 else None,
        day=int(date[2]) if len(date) > 2 else None, signer=doc.get("signer_name"),
        signature=signature_lines(doc.get("signer_title") or " ".join(ms.signature_title(prof))),
        title=doc["title"])


def render_key(key: dict, prof_index: int, out: Path, stem: str, seed: int) -> dict:
    """Print one key in one stress profile; returns the key of what was printed."""
    rng = random.Random(seed)
    doc = dict(key["document"])
    party = "ĐU" in (doc.get("doc_symbol") or "") or "TU" in (doc.get("doc_symbol") or "")
    prof = dict(ms.STRESS_PROFILES[prof_index], party=party, symbol=doc.get("doc_symbol") or "KH-UBND",
                number=bool(doc.get("doc_number")), day=True,
                issuer="party" if party else ("bcd" if (doc.get("issuing_body") or "").startswith("Ban Chỉ đạo")
                                              else "ubnd_full"))
    meta = meta_for(doc, list(doc.get("references") or []), prof)
    tables = []
    for table in ("indicators", "tasks", "budget"):
        items = [it for it in key["items"] if it["table"] == table]
        if items:
            total = round(doc["budget_total"] * 10) if table == "budget" and doc.get("budget_total") else None
            tables.append((table, layout_for(table, items, rng), rows_for(items, ["\n", "; "], rng), total))
    meta["sections"] = ", ".join(f"Phụ lục {r}" for r in ("I", "II", "III")[:len(tables)][:2])
    ms.register_fonts()
    printed = ms.render(out / "pdf" / f"{stem}.pdf", meta, prof, tables)
    own = re.sub(r"[\s/-]", "", doc.get("doc_number") or "#")
    found = [m.group(0) for m in _ANY_REF.finditer(printed.replace("\n", " "))]
    catalogue = [(code, "") for code in dict.fromkeys([*(doc.get("references") or []), *found])
                 if re.sub(r"[\s/-]", "", code) != own]
    doc.update(references=ms.find_references(printed, catalogue), signer_title=" ".join(meta["signature"]),
               budget_unit=doc.get("budget_unit") if doc.get("budget_total") else None)
    return ms.nfc({"source": f"{stem}.pdf", "document": doc, "items": key["items"]})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("keys", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--profiles", default=",".join(str(i) for i in range(len(ms.STRESS_PROFILES))))
    ap.add_argument("--seed", type=int, default=57)
    args = ap.parse_args()
    (args.out / "pdf").mkdir(parents=True, exist_ok=True)
    (args.out / "keys").mkdir(parents=True, exist_ok=True)
    for path in args.keys:
        key = json.loads(path.read_text(encoding="utf-8"))
        for p in (int(x) for x in args.profiles.split(",")):
            stem = f"{path.stem}_p{p}"
            printed_key = render_key(key, p, args.out, stem, args.seed + p)
            (args.out / "keys" / f"{stem}.json").write_text(
                json.dumps(printed_key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            print(f"{stem}: {len(printed_key['items'])} items")


if __name__ == "__main__":
    main()

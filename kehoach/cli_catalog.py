"""`kehoach catalog ...`: the catalog as a tool for analysts (match a text, review an export's misses).

WHY: the catalog is data an analyst extends (`--catalog my.yaml`); these commands show what
a name maps to and which names of a finished run mapped to nothing or only weakly, most
frequent first, and write those as a stub catalog to fill in.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
import yaml
from rapidfuzz import process
from rich.console import Console
from rich.table import Table

from kehoach import settings
from kehoach.export import atomic
from kehoach.normalize import catalog
from kehoach.normalize.text import fold

catalog_app = typer.Typer(no_args_is_help=True, help="Look up names in the catalog; review an export's misses.")
out = Console()
err = Console(stderr=True)
KINDS = {"body": catalog.bodies, "indicator": catalog.indicators}


def top_candidates(cat: catalog.Catalog, text: str, limit: int = 5) -> list[catalog.Match]:
    """The best `limit` catalog entries for `text` (one per id), with the catalog's own scorer."""
    query = catalog.normalise_name(text)
    if not query:
        return []
    best: dict[str, float] = {}
    for _choice, score, k in process.extract(query, cat._choices, scorer=cat.scorer, limit=limit * 4):
        key = cat._ids[k]
        best[key] = max(best.get(key, 0.0), float(score))
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [catalog.Match(id=k, name=cat.names[k], score=s) for k, s in ranked]


def _load(path: Path | None) -> None:
    if path is None:
        return
    try:
        catalog.use_user_catalog(catalog.load_user_catalog(path))
    except catalog.CatalogFileError as e:
        err.print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


CatalogOption = Annotated[Path | None, typer.Option("--catalog", help="User catalog (.yaml/.csv) merged over the "
                                                                        "shipped one.")]


@catalog_app.command("match")
def match_cmd(
    text: Annotated[str, typer.Argument(help="A body or indicator name as printed.")],
    kind: Annotated[str, typer.Option("--kind", help="body, indicator or both.")] = "both",
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Candidates per kind.")] = 5,
    user_catalog: CatalogOption = None,
) -> None:
    """Top catalog candidates for TEXT with their scores, and which one the pipeline would take."""
    _load(user_catalog)
    kinds = list(KINDS) if kind == "both" else [kind]
    if any(k not in KINDS for k in kinds):
        err.print(f"[red]error:[/red] unknown kind {kind!r}; choose from body, indicator, both")
        raise typer.Exit(2)
    for k in kinds:
        cat = KINDS[k]()
        chosen = cat.match(text)
        t = Table(title=f"{k}: {chosen.id if chosen else 'no match'} (cut-off {cat.cutoff:g})")
        for col in ("id", "name", "score"):
            t.add_column(col, justify="right" if col == "score" else "left")
        for m in top_candidates(cat, text, limit):
            t.add_row(m.id, m.name, f"{m.score:.1f}")
        out.print(t)


@dataclass(slots=True)
class Miss:
    kind: str  # body | indicator
    text: str
    count: int
    best_id: str | None
    best_score: float | None


def _rows(out_dir: Path, table: str) -> list[dict]:
    jsonl = out_dir / f"{table}.jsonl"
    if jsonl.exists():
        return [json.loads(ln) for ln in jsonl.read_text(encoding="utf-8").splitlines() if ln.strip()]
    path = out_dir / f"{table}.csv"
    if path.exists():
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    raise FileNotFoundError(f"{out_dir}: no {table}.jsonl or {table}.csv (run kehoach extract -o {out_dir} first)")


def _score(value) -> float | None:
    try:
        return None if value in (None, "") else float(value)
    except ValueError:
        return None


def review_misses(out_dir: Path, min_score: float = settings.CATALOG_REVIEW_SCORE) -> list[Miss]:
    """Unmapped and weakly mapped body mentions, and indicator rows with no catalog id, most frequent first."""
    counts: Counter[tuple[str, str]] = Counter()
    best: dict[tuple[str, str], tuple[str | None, float | None]] = {}
    for m in _rows(out_dir, "mentions"):
        score = _score(m.get("match_score"))
        if m.get("catalog_id") and score is not None and score >= min_score:
            continue
        key = ("body", " ".join(str(m.get("text") or "").split()))
        counts[key] += 1
        best[key] = (m.get("catalog_id") or None, score)
    for it in _rows(out_dir, "items"):
        if it.get("kind") == "indicator" and not it.get("indicator_id") and it.get("name"):
            key = ("indicator", " ".join(str(it["name"]).split()))
            counts[key] += 1
            best.setdefault(key, (None, None))
    misses = [Miss(k, t, n, *best[(k, t)]) for (k, t), n in counts.items() if t]
    return sorted(misses, key=lambda m: (-m.count, m.kind, m.text))


def stub_key(text: str, taken: set[str]) -> str:
    """A lower_snake key from the folded text, unique among `taken` (the analyst may rename it)."""
    base = "new_" + ("_".join(re.findall(r"[a-z0-9]+", fold(text)))[:40].strip("_") or "entry")
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    taken.add(key)
    return key


def stub_text(misses: list[Miss], fmt: str) -> str:
    """A catalog file (the --catalog format) listing each miss as an entry whose alias is the printed text."""
    taken: set[str] = set()
    entries = [(m, stub_key(m.text, taken)) for m in misses]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["kind", "key", "canonical_name", "aliases", "count", "best_guess"])
        for m, key in entries:
            w.writerow([m.kind, key, m.text, m.text, m.count, f"{m.best_id or ''} {m.best_score or ''}".strip()])
        return buf.getvalue()
    data: dict[str, list[dict]] = {}
    for m, key in entries:
        data.setdefault("bodies" if m.kind == "body" else "indicators", []).append(
            {"key": key, "name": m.text, "aliases": [m.text]})
    header = ("# kehoach catalog stub: rename each key (or use an existing id to add an alias to it),\n"
              "# fix the name, then pass this file with --catalog. Entries are most frequent first.\n")
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200)


@catalog_app.command("review")
def review_cmd(
    out_dir: Annotated[Path, typer.Argument(help="An output folder written by `kehoach extract`.")],
    stub: Annotated[Path | None, typer.Option("--stub", help="Write the misses as a catalog stub (.yaml or .csv) "
                                                             "to fill in.")] = None,
    min_score: Annotated[float, typer.Option("--min-score", help="Matches below this score are listed too.")
                         ] = settings.CATALOG_REVIEW_SCORE,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Rows shown.")] = 50,
) -> None:
    """Unmapped and low-score names of an export with their counts, most frequent first."""
    try:
        misses = review_misses(out_dir, min_score)
    except FileNotFoundError as e:
        err.print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    t = Table(title=f"catalog review: {len(misses)} name(s) unmapped or below {min_score:g}")
    for col in ("count", "kind", "text", "best guess", "score"):
        t.add_column(col, justify="right" if col in ("count", "score") else "left")
    for m in misses[:limit]:
        t.add_row(str(m.count), m.kind, m.text, m.best_id or "", "" if m.best_score is None else f"{m.best_score:.1f}")
    out.print(t)
    if stub is not None:
        fmt = "csv" if stub.suffix.lower() == ".csv" else "yaml"
        atomic.write_text(stub, stub_text(misses, fmt))
        out.print(f"wrote {len(misses)} stub entries to {stub}")

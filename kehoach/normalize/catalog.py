"""The canonical catalog of bodies and indicators, and fuzzy matching onto it.

The catalog ships with the package (normalize/data/*.csv). Each body entry has
its canonical name and the ways it is written; matching folds accents, expands
common abbreviations and drops the commune/ward tail ("xã", "phường"), then
takes the best rapidfuzz score above a cut-off. No match gives None: the
mention keeps its printed text and is flagged, never forced onto a wrong id.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from kehoach import settings
from kehoach.normalize.accents import needs_restoration, restore
from kehoach.normalize.text import fold

# folded abbreviation -> folded expansion, applied on word boundaries
ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "vp": "van phong", "tt": "trung tam",
    "ttpvhcc": "trung tam phuc vu hanh chinh cong", "pvhcc": "phuc vu hanh chinh cong",
    "tthcc": "trung tam phuc vu hanh chinh cong", "hcc": "hanh chinh cong", "ca": "cong an",
    "vhxh": "van hoa xa hoi", "vh-xh": "van hoa xa hoi", "vh xh": "van hoa xa hoi", "kt": "kinh te",
    "kthtdt": "kinh te ha tang do thi", "tyt": "tram y te", "bcd": "ban chi dao", "bch": "ban chi huy",
    "qs": "quan su", "mttq": "mat tran to quoc", "ubmttq": "uy ban mat tran to quoc", "dn": "doanh nghiep",
    "htx": "hop tac xa", "cnscd": "cong nghe so cong dong", "cds": "chuyen doi so", "cntt": "cong nghe thong tin",
    "ttdvth": "trung tam dich vu tong hop", "ct-xh": "chinh tri xa hoi", "bcvt": "buu chinh vien thong",
    "kh&cn": "khoa hoc va cong nghe", "khcn": "khoa hoc va cong nghe",
}
# "các cơ quan, đơn vị, ngành ..." names no body in particular: the catalog's generic entry
_GENERIC = re.compile(r"^(cac|tung|moi)\s+(co quan|don vi|nganh|phong|ban|to chuc)\b")
_SPECIFIC = re.compile(r"ngan hang|truong|doanh nghiep|cong nghe so|y te|cong an|quan su|doan thanh nien")
_LETTER_SPACED = re.compile(r"(?:\b[a-z0-9] ){3,}")  # three letters standing alone in a row
_TAIL = re.compile(r"\b(xa|phuong|dac khu|thi tran)(\s+[a-z]+){0,3}$")


_ABBREVIATION = re.compile(
    r"(?<![a-z0-9])(" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True)) + r")(?![a-z0-9])")


def _ocr_code(m: re.Match[str]) -> str:
    """An abbreviation whose Đ an OCR without Vietnamese read as P ("HPND" for "HĐND"), put right."""
    word = m.group()
    fixed = word.replace("p", "d")
    return fixed if word not in ABBREVIATIONS and fixed in ABBREVIATIONS else word


@lru_cache(maxsize=4096)
def normalise_name(text: str) -> str:
    """Folded, abbreviation-expanded, punctuation-free form used for matching."""
    t = re.sub(r"\s*-\s*", "-", fold(text).replace("&", " va "))  # "VH - XH" is written "VH-XH" too
    t = re.sub(r"(?<![a-z0-9])[a-z]*p[a-z]*(?![a-z0-9])", _ocr_code, t)
    t = _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], t)
    t = re.sub(r"[^a-z0-9 ]+", " ", t)
    t = re.sub(r"\b(va|cac)\b", " ", t)  # "và", and the plural "các" ("Ban điều hành các ấp")
    return re.sub(r"\s+", " ", t).strip()


def _alternatives(name: str) -> list[str]:
    """"Ban điều hành ấp / khu phố / thôn" -> each whole name: "Ban điều hành ấp", "... khu phố", "... thôn"."""
    parts = [p.strip() for p in name.split(" / ")]
    if len(parts) < 2 or len(parts[0].split()) < 2:
        return []
    head = parts[0].rsplit(" ", 1)[0]
    return [parts[0], *(f"{head} {alt}" for alt in parts[1:])]


@dataclass(frozen=True, slots=True)
class Match:
    id: str
    name: str
    score: float


class Catalog:
    """Aliases per canonical id; `match` returns the best id or None."""

    def __init__(self, entries: dict[str, tuple[str, list[str]]], cutoff: float, scorer,
                 generic_id: str | None = None, subset_fallback: bool = False) -> None:
        self.generic_id = generic_id
        self.subset_fallback = subset_fallback
        self.names = {key: canonical for key, (canonical, _) in entries.items()}
        self._choices: list[str] = []
        self._ids: list[str] = []
        for key, (canonical, aliases) in entries.items():
            for alias in [canonical, *_alternatives(canonical), *aliases]:
                norm = normalise_name(alias)
                if norm:
                    self._choices.append(norm)
                    self._ids.append(key)
        self.cutoff = cutoff
        self.scorer = scorer
        self._despaced: list[str] | None = None

    def _containing(self, query: str) -> tuple[str, float, int] | None:
        """The longest alias of 3+ words whose words all occur in the (longer) mention."""
        words = set(query.split())
        hits = [(len(c.split()), k) for k, c in enumerate(self._choices)
                if len(c.split()) >= 3 and set(c.split()) <= words]
        if not hits:
            return None
        k = max(hits)[1]
        return self._choices[k], float(settings.BODY_SUBSET_MIN), k

    @lru_cache(maxsize=8192)  # noqa: B019 - catalogs live for the process; names repeat across rows
    def match_closely(self, text: str | None) -> Match | None:
        """The entry whose whole name is close to the whole text (no generic or part-of-name fallback)."""
        query = normalise_name(text) if text and text.strip() else ""
        if not query:
            return None
        best = process.extractOne(query, self._choices, scorer=self.scorer, score_cutoff=self.cutoff)
        if best is None:
            stripped = _TAIL.sub("", query).strip()
            if stripped and stripped != query:
                best = process.extractOne(stripped, self._choices, scorer=self.scorer, score_cutoff=self.cutoff)
        if best is None:
            return None
        key = self._ids[best[2]]
        return Match(id=key, name=self.names[key], score=float(best[1]))

    @lru_cache(maxsize=8192)  # noqa: B019 - catalogs live for the process; names repeat across rows
    def match(self, text: str | None) -> Match | None:
        """The best entry for a mention; one written without accents or garbled by an English OCR
        ("Pang uy xa") is tried again once its accents are restored."""
        found = self._match(text)
        if found is None and text and needs_restoration(text):
            restored = restore(text).text
            if restored != text:
                found = self._match(restored)
        if found is None and text and _LETTER_SPACED.search(normalise_name(text)):
            found = self._match_despaced(normalise_name(text))
        return found

    def _match_despaced(self, query: str) -> Match | None:
        """Letter-spaced print an OCR split into letters ("P h o n g K i n h t e"): compared with
        every space removed, on both sides."""
        if self._despaced is None:
            self._despaced = [c.replace(" ", "") for c in self._choices]
        best = process.extractOne(query.replace(" ", ""), self._despaced, scorer=fuzz.ratio,
                                  score_cutoff=self.cutoff)
        if best is None:
            return None
        key = self._ids[best[2]]
        return Match(id=key, name=self.names[key], score=float(best[1]))

    def _match(self, text: str | None) -> Match | None:
        if not text or not text.strip():
            return None
        query = normalise_name(text)
        if not query:
            return None
        close = self.match_closely(text)
        if close is not None:
            return close
        folded = fold(text)
        if self.generic_id and _GENERIC.match(folded) and not _SPECIFIC.search(folded):
            return Match(id=self.generic_id, name=self.names[self.generic_id], score=float(self.cutoff))
        best = self._containing(query) if self.subset_fallback else None
        if best is None:
            return None
        key = self._ids[best[2]]
        return Match(id=key, name=self.names[key], score=float(best[1]))


def _read_csv(name: str) -> list[dict[str, str]]:
    with resources.files("kehoach.normalize").joinpath("data", name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


# --- the user catalog merged over the shipped one (`--catalog my.yaml|my.csv`) -----------------------------
# kind -> key -> (canonical name or "" to keep the shipped one, extra aliases). Plain data, so a batch passes
# it to each worker process (or Dask worker) explicitly and puts it in the cache key.
UserEntries = dict[str, dict[str, tuple[str, list[str]]]]
CATALOG_KINDS = {"body": "bodies", "bodies": "bodies", "indicator": "indicators", "indicators": "indicators"}
_user: UserEntries = {}


class CatalogFileError(ValueError):
    """A user catalog that cannot be read; the message names the file and the entry."""


def _split_aliases(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(a).strip() for a in value if str(a).strip()]
    return [a.strip() for a in str(value or "").split(";") if a.strip()]


def _add(out: UserEntries, where: str, kind: str, key: str, name: str, aliases: list[str]) -> None:
    if kind not in CATALOG_KINDS:
        raise CatalogFileError(f"{where}: kind {kind!r} is not body or indicator")
    if not re.fullmatch(r"[a-z0-9_]+", key or ""):
        raise CatalogFileError(f"{where}: key {key!r} must be lower-case letters, digits and _")
    entry = out.setdefault(CATALOG_KINDS[kind], {}).get(key, ("", []))
    out[CATALOG_KINDS[kind]][key] = (name or entry[0], [*entry[1], *aliases])


def parse_user_catalog(text: str, fmt: str, source: str = "catalog") -> UserEntries:
    """A user catalog from YAML ({bodies|indicators: [{key, name, aliases}]}) or CSV (kind,key,canonical_name,
    aliases with aliases separated by ";")."""
    out: UserEntries = {}
    if fmt == "csv":
        for n, row in enumerate(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))), start=2):
            _add(out, f"{source}:{n}", (row.get("kind") or "").strip().lower(), (row.get("key") or "").strip(),
                 (row.get("canonical_name") or row.get("name") or "").strip(), _split_aliases(row.get("aliases")))
        return out
    import yaml  # only a YAML catalog needs it

    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as e:
        raise CatalogFileError(f"{source}: not valid YAML ({' '.join(str(e).split())})") from None
    if not isinstance(data, dict):
        raise CatalogFileError(f"{source}: expected a mapping with 'bodies' and/or 'indicators'")
    for kind, entries in data.items():
        if not isinstance(entries, list):
            raise CatalogFileError(f"{source}: {kind} must be a list of entries")
        for n, e in enumerate(entries):
            if not isinstance(e, dict):
                raise CatalogFileError(f"{source}: {kind}[{n}] must be a mapping with key, name, aliases")
            _add(out, f"{source}: {kind}[{n}]", str(kind).lower(), str(e.get("key") or "").strip(),
                 str(e.get("name") or e.get("canonical_name") or "").strip(), _split_aliases(e.get("aliases")))
    return out


def load_user_catalog(path: Path) -> UserEntries:
    """Read `--catalog FILE` (.yaml/.yml or .csv)."""
    fmt = "csv" if path.suffix.lower() == ".csv" else "yaml" if path.suffix.lower() in (".yaml", ".yml") else ""
    if not fmt:
        raise CatalogFileError(f"{path}: a catalog is a .yaml, .yml or .csv file")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise CatalogFileError(f"{path}: unreadable ({e})") from None
    return parse_user_catalog(text, fmt, str(path))


def merge_entries(shipped: dict[str, tuple[str, list[str]]],
                  user: dict[str, tuple[str, list[str]]]) -> dict[str, tuple[str, list[str]]]:
    """User entries over shipped ones: a known key gains aliases (and a new name if given), a new key is added."""
    merged = dict(shipped)
    for key, (name, aliases) in user.items():
        old_name, old_aliases = merged.get(key, ("", []))
        new_name = name or old_name
        if not new_name:  # an alias list for a key the package does not know: its first alias names it
            new_name, aliases = (aliases[0], aliases[1:]) if aliases else (key, aliases)
        merged[key] = (new_name, [*old_aliases, *([old_name] if name and old_name else []), *aliases])
    return merged


def use_user_catalog(entries: UserEntries | None) -> None:
    """Make `entries` the user catalog of this process (idempotent; clears the built catalogs when it changes)."""
    global _user
    entries = entries or {}
    if entries != _user:
        _user = entries
        bodies.cache_clear()
        indicators.cache_clear()


def user_catalog() -> UserEntries:
    return _user


def fingerprint() -> str:
    """The shipped data files and the user catalog as one string, for cache keys."""
    parts = [resources.files("kehoach.normalize").joinpath("data", n).read_text(encoding="utf-8")
             for n in ("indicator_keys.csv", "unit_keys.csv")]
    return "\n".join(parts) + json.dumps(_user, ensure_ascii=False, sort_keys=True)


@lru_cache(maxsize=1)
def bodies() -> Catalog:
    entries = {}
    for row in _read_csv("unit_keys.csv"):
        aliases = [a.strip() for a in re.split(r"[;]", row.get("written_as_for_example") or "") if a.strip()]
        entries[row["key"]] = (row["canonical_name"], aliases)
    entries = merge_entries(entries, _user.get("bodies", {}))
    return Catalog(entries, settings.BODY_MATCH_MIN, fuzz.token_sort_ratio, generic_id="all_units",
                   subset_fallback=True)


@lru_cache(maxsize=1)
def indicators() -> Catalog:
    entries = {}
    for row in _read_csv("indicator_keys.csv"):
        name = re.sub(r"\s*\((group heading)\)\s*$", "", row["canonical_name"])
        aliases = [a.strip() for a in name.split(" / ")] if " / " in name else []
        entries[row["key"]] = (name, aliases)
    entries = merge_entries(entries, _user.get("indicators", {}))
    return Catalog(entries, settings.INDICATOR_MATCH_MIN, indicator_similarity)


def indicator_similarity(query: str, choice: str, **_: object) -> float:
    """token_set_ratio, capped by token_sort_ratio + 20: rewordings score high, but a short
    name that merely occurs inside a long one ("Y tế", "Giáo dục") does not. A row name
    that holds every word of a catalog name of 5+ words ("Tỷ lệ giao dịch không dùng tiền
    mặt tại các cơ sở kinh doanh" holds "giao dịch không dùng tiền mặt") is that indicator."""
    words = choice.split()
    if len(words) >= 5 and set(words) <= set(query.split()):
        return 100.0
    return min(fuzz.token_set_ratio(query, choice), fuzz.token_sort_ratio(query, choice) + 20)


def matches_indicator(name: str) -> float:
    """Similarity of the closest catalog indicator, 0 when none passes the cut-off."""
    m = indicators().match(name)
    return m.score if m else 0.0

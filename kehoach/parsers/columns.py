"""Column roles: which printed column name means what, matched fuzzily on folded text.

The vocabulary is data (data/columns.csv: role, name as printed, match, notes);
the order of ROLE_ORDER settles overlaps:
"Đơn vị chủ trì thực hiện" is the lead column even though it also contains
"đơn vị"; "Chỉ tiêu đạt" is a result column although it contains "chỉ tiêu".
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from kehoach import settings
from kehoach.normalize.text import fold
from kehoach.parsers.grid import Grid

_VOCABULARY = "data/columns.csv"
# monitoring first: "Đơn vị chủ trì, theo dõi, đánh giá" names the monitoring body
ROLE_ORDER = ["stt", "monitoring", "lead", "coordinating", "unit_of_measure", "deadline", "note", "amount",
              "result", "name"]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Column names by role, folded: `words` match as whole words inside a cell, `exact` only as the whole cell."""

    words: dict[str, list[str]]
    exact: dict[str, str]


def parse_vocabulary(text: str) -> Vocabulary:
    """The vocabulary from CSV text (role,name,match,notes); a bad line is a named error, not a silent skip."""
    words: dict[str, list[str]] = {role: [] for role in ROLE_ORDER}
    exact: dict[str, str] = {}
    for n, rec in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        role, name, match = (rec.get("role") or "").strip(), fold(rec.get("name") or ""), (rec.get("match") or "words")
        if role not in words or not name or match.strip() not in ("words", "exact"):
            raise ValueError(f"{_VOCABULARY} line {n}: expected role in {ROLE_ORDER}, a name and match "
                             f"words|exact, got {rec!r}")
        if match.strip() == "exact":
            exact[name] = role
        elif name not in words[role]:
            words[role].append(name)
    return Vocabulary(words=words, exact=exact)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The bundled column vocabulary, read once (kehoach/parsers/data/columns.csv: a new name is one line)."""
    return parse_vocabulary(resources.files("kehoach.parsers").joinpath(_VOCABULARY).read_text(encoding="utf-8"))


_TOKEN = re.compile(r"[a-z0-9]+")


def _contains(text: str, name: str) -> bool:
    return re.search(r"(?<![a-z0-9])" + re.escape(name) + r"(?![a-z0-9])", text) is not None


# an English OCR reads the capital "Đ" as "P" or "DP" ("Pon vi", "DPon vi"); no Vietnamese word
# starts with "p" but for "ph", so a "p" opening a word before a vowel is a "d" in a column name
OCR_ONSET = re.compile(r"(?<![a-z0-9])d?p(?=[aeiouy])")


@lru_cache(maxsize=4096)  # column names repeat on every page of every table
def role_of(header_text: str) -> str | None:
    """The role a printed column name stands for, or None when it is no known column.

    First pass: a known name appears in the cell as whole words (roles tried in
    ROLE_ORDER). Second pass, for OCR-damaged names: the whole cell is close to a
    known name (plain ratio, so a long data cell never matches a short name).
    """
    text = OCR_ONSET.sub("d", fold(header_text))
    if not text or len(text) > 60:  # long cells are data, not column names
        return None
    vocab = vocabulary()
    for role in ROLE_ORDER:
        if any(_contains(text, n) for n in vocab.words[role]):
            return role
    if text in vocab.exact:
        return vocab.exact[text]
    best, best_score = None, 0.0
    for role in ROLE_ORDER:
        for n in vocab.words[role]:
            if len(n) > 3:
                sc = fuzz.ratio(text, n)
                if sc > best_score:
                    best, best_score = role, sc
    return best if best_score >= settings.COLUMN_MATCH_MIN else None


@dataclass(slots=True)
class Header:
    first_row: int
    n_rows: int
    roles: list[str | None]  # one per grid column
    texts: list[str]  # printed column names, header rows joined

    @property
    def data_start(self) -> int:
        return self.first_row + self.n_rows


def _column_texts(grid: Grid, first: int, n: int) -> list[str]:
    texts = []
    for k in range(grid.n_cols):
        parts: list[str] = []
        for r in range(first, first + n):
            c = grid.covering(r, k)
            if c is not None and c.text and (not parts or parts[-1] != c.text):
                parts.append(c.text)
        texts.append(" ".join(parts))
    return texts


def roles_of(texts: list[str], keep_repeats: bool = False) -> list[str | None]:
    """The role of each printed column name of one header, a role printed twice kept once.

    A second "name" column is the result ("Chỉ tiêu" then "Chỉ tiêu năm 2026").
    Any other role printed again ("Chỉ tiêu đến năm 2025" | "Chỉ tiêu đến năm
    2030") counts for nothing while a header is looked for; once it is found,
    `keep_repeats` makes it a note, so its values reach the output, not lost.
    """
    roles = [role_of(t) for t in texts]
    seen: set[str] = set()
    for k, role in enumerate(roles):
        if role is None:
            continue
        if role in seen:
            roles[k] = "result" if role == "name" and "result" not in seen else ("note" if keep_repeats else None)
        if roles[k]:
            seen.add(roles[k])
    return roles


def _is_header(roles: list[str | None], n_cols: int) -> bool:
    found = [r for r in roles if r]
    need = min(settings.HEADER_MIN_ROLES, max(2, n_cols))
    return "name" in found and len(found) >= need


def _is_sub_header(grid: Grid, first: int) -> bool:
    """Does the row under a header row hold sub-column names ("Chủ trì" | "Phối hợp")?

    Only when the header row has a cell merged over several columns (the parent
    name), and every cell that starts in the row below is itself a column name,
    two at least. A data row (a task whose name happens to hold "giám sát",
    a group title holding "chỉ tiêu") never qualifies.
    """
    if not any(c.col_span > 1 for c in grid.row_cells(first)):
        return False
    below = [c.text for c in grid.row_cells(first + 1) if c.row == first + 1 and c.text.strip()]
    return len(below) >= 2 and all(role_of(t) for t in below)


def find_header(grid: Grid) -> Header | None:
    """The header row(s) of a grid: one row, or two when a merged name sits over sub-names."""
    for first in range(min(settings.HEADER_SEARCH_ROWS, grid.n_rows)):
        one = roles_of(_column_texts(grid, first, 1))
        if not _is_header(one, grid.n_cols):
            continue
        best = Header(first, 1, one, _column_texts(grid, first, 1))
        if first + 1 < grid.n_rows and _is_sub_header(grid, first):
            texts2 = _column_texts(grid, first, 2)
            two = roles_of(texts2)
            if "name" in two and sum(1 for r in two if r) >= sum(1 for r in one if r):
                best = Header(first, 2, two, texts2)
        best.roles = roles_of(best.texts, keep_repeats=True)
        return best
    return None


_ROW_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")


def guess_header(grid: Grid) -> Header | None:
    """Roles for a numbered table whose column names are not known (or not printed).

    Plan tables number their rows: the column holding row numbers is STT, the
    first column holding at least half as much text as the wordiest one is the
    name, and every other column is kept as a note, so no cell is lost. None
    when no column holds row numbers (a layout box, not a plan table).
    """
    numbered = [sum(1 for r in range(grid.n_rows) if _ROW_NUMBER.match(grid.text(r, k).strip()))
                for k in range(grid.n_cols)]
    if grid.n_cols < 2 or max(numbered, default=0) < 1:
        return None
    stt_k = max(range(grid.n_cols), key=lambda k: (numbered[k], -k))
    lengths = [sum(len(grid.text(r, k)) for r in range(grid.n_rows)) if k != stt_k else -1
               for k in range(grid.n_cols)]
    # the name is the first text-heavy column after STT (where plans print it), not just the longest
    name_k = next(k for k in range(grid.n_cols) if lengths[k] >= 0.5 * max(lengths))
    roles: list[str | None] = ["note"] * grid.n_cols
    roles[stt_k], roles[name_k] = "stt", "name"
    return Header(first_row=0, n_rows=0, roles=roles, texts=[""] * grid.n_cols)


def unknown_columns_warning(header: Header, page: int, table_index: int, title: str = "") -> str | None:
    """The warning naming printed column names no role knows, and the table they came from.

    The table is named by its number in the document (1-based) and the first
    line of its caption, so a user can add the name to data/columns.csv.
    """
    unknown = [" ".join(t.split()) for t, r in zip(header.texts, header.roles, strict=True) if r is None and t.strip()]
    if not unknown:
        return None
    caption = next((ln.strip() for ln in title.split("\n") if ln.strip()), "")
    caption = caption if len(caption) <= 60 else caption[:57] + "..."
    where = f"page {page}, table {table_index + 1}" + (f" ({caption})" if caption else "")
    names = ", ".join(repr(u) for u in dict.fromkeys(unknown))
    return f"{where}: column{'s' if len(unknown) > 1 else ''} {names} not read (no known meaning)"

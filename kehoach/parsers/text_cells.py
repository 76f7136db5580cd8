"""Assign the words of one flattened table row to its columns, by a scored best path.

A PDF-to-text tool writes a row printed line by printed line: one output line
can hold the end of the name, the unit, the target and the start of the lead
body ("% 100 (trừ văn bản mật) Văn phòng"), and a cell wrapped over several
lines comes back in pieces between the others. Within one output line the
words still run left to right through the columns; at a line break the reading
may go back to a column already started (its next wrapped line) or on to a new
one. Each word also looks like some columns more than others: bodies from the
catalog in unit columns, "%" and numbers in targets, months and years in
deadlines. Viterbi over states (current column, furthest column reached) finds
the most likely assignment; an empty cell is a column skipped, at a price.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from kehoach import settings
from kehoach.normalize import catalog
from kehoach.normalize.text import fold
from kehoach.normalize.units import BODY_HEADS
from kehoach.parsers.text_bodies import LIST_SEPARATOR, in_named_body, is_whole_body, juxtaposed

BODY_ROLES = ("lead", "coordinating", "monitoring")
# words that name no body but join body names ("các cơ quan, đơn vị thuộc UBND xã")
_JOINERS = {"xa", "phuong", "cac", "va", "cua", "thuoc", "tren", "dia", "ban", "lien", "quan", "co", "don", "vi",
            "nganh", "to", "chuc", "tai", "truc", "doan", "the", "ca", "nhan", "dan", "uy", "chuyen", "mon"}
_DEADLINE_WORDS = {"thuong", "xuyen", "hang", "nam", "quy", "thang", "truoc", "den", "het", "ngay", "giai", "doan",
                   "tu", "trong", "tuan", "dinh", "ky", "hoan", "thanh", "lien", "tuc", "moi", "khi", "nhu", "cau",
                   "i", "ii", "iii", "iv", "dot", "sau", "va", "tiep", "theo", "cuoi", "dau", "thoi", "gian",
                   # a deadline set by a condition: "Khi có hướng dẫn / yêu cầu của cấp trên", "Duy trì",
                   # "... và những năm tiếp theo"
                   "co", "huong", "dan", "yeu", "cua", "cap", "tren", "duy", "tri", "nhung"}
_UNIT_WORDS = {"%", "thu", "bac", "ha", "tang", "nguoi", "ho", "so", "co", "xa", "luot", "ty", "le", "ti",
               "doanh", "nghiep", "don", "vi", "chi", "van", "ban", "he", "thong", "km", "m2", "nhiem", "vu",
               "san", "pham", "cuoc", "lop", "diem", "tram", "trieu", "dong", "nghin", "cai", "bo",
               "mo", "hinh", "ung", "dung", "tai", "khoan", "giao", "dich", "thiet", "bi", "chuong", "trinh",
               "muc", "ke", "hoach", "bao", "cao", "truong", "hop", "phong", "kenh", "dia"}
# staying in one unit cell across two bodies' names printed side by side with no separator (text_bodies):
# a cell lists its bodies with ";" / "," or one a printed line, so side by side they are two cells'
# names. The price is what a mid-line cell opening at a head costs (TEXT_NEW_CELL_IN_LINE 1.0 less
# TEXT_OPEN_BONUS 0.5 and TEXT_HEAD_BONUS 0.5, i.e. 0) plus TEXT_NEW_CELL_IN_LINE and a head's
# bonus again: the boundary wins unless the words say clearly otherwise
JUXTAPOSED_STAY = 1.5
# a date in a deadline cell: "12/2025", "2026", "15/3/2026", and a quarter of a year, "I/2026", "IV/2025"
_DATE = re.compile(r"^\d{1,2}/\d{4}$|^\d{4}$|^\d{1,2}/\d{1,2}/\d{2,4}$|^[IV]{1,3}/\d{4}$")
# a year or a date read as an expected result (a phrase: "Báo cáo rà soát"): of the 858 expected
# results in the answer keys of the seeds and the sample plans none holds one, the deadline beside it does
RESULT_DATE = -1.0
_DAY_MONTH = re.compile(r"^\d{1,2}/\d{1,4}$")  # "30/6": a day of a month; "12/202": a date wrapped in its year
_NUMERIC = re.compile(r"^[≥≤><=~+]*\d[\d.,/%]*%?$|^[≥≤><=%]$|^\d+%$")


@dataclass(slots=True)
class Word:
    text: str
    line: int  # index of its output line within the row
    blank_before: bool  # a blank line stands between this word's line and the previous one
    line_start: bool
    line_len: int = 0  # characters of its output line


@lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    """Folded words of the body catalog's names and spellings (what unit columns are made of)."""
    words: set[str] = set()
    for choice in catalog.bodies()._choices:  # normalised names and spellings of every body
        words.update(choice.split())
    words.update({"phong", "van", "hoa", "xa", "hoi", "ubnd", "hdnd", "trung", "tam", "phuc", "vu", "hanh",
                  "chinh", "cong", "an", "y", "te", "tram", "kinh", "quan", "su", "mat", "tran", "to", "quoc",
                  "doan", "thanh", "nien", "phu", "nu", "nong", "dan", "cuu", "chien", "binh", "ngan",
                  "hang", "buu", "dien", "vien", "thong", "viettel", "vnpt", "doanh", "nghiep", "truong", "hoc",
                  "cnscd", "ttpvhcc", "vhxh", "ban", "chi", "huy", "dang", "uy", "bch", "bcd", "dao", "dich",
                  "tong", "hop", "nganh", "co", "don", "vi", "cac", "nhanh", "giao"})
    return frozenset(words)


def _token(word: str) -> str:
    return fold(word).strip(".,;:()\"“”'")


@dataclass(slots=True)
class Vocabulary:
    """Word counts of the whole document: how common a word is in its own running text.

    A word of the body catalog ("phát triển", "khoa học") that the document uses
    everywhere says little about a unit column; one it rarely uses outside the
    unit cells ("Phòng", "Trạm", "CNSCĐ") says much. Log-odds against this.
    """

    counts: dict[str, int]
    total: int

    @classmethod
    def of(cls, text: str) -> Vocabulary:
        counts: dict[str, int] = {}
        for t in re.findall(r"[a-z0-9]+", fold(text)):
            counts[t] = counts.get(t, 0) + 1
        return cls(counts, sum(counts.values()))

    def share(self, token: str) -> float:
        return (self.counts.get(token, 0) + 1) / (self.total + len(self.counts) + 1)


def _body_odds(parts: list[str], vocab: Vocabulary | None) -> float:
    body = _body_words()
    if vocab is None or vocab.total < settings.TEXT_VOCAB_MIN_WORDS:  # too little text to judge
        return settings.TEXT_BODY_WORD_MAX
    inside = 1.0 / len(body)
    odds = min(math.log(inside / vocab.share(p)) for p in parts)
    return max(settings.TEXT_BODY_WORD_MIN, min(settings.TEXT_BODY_WORD_MAX, settings.TEXT_BODY_ODDS_SCALE * odds))


def emission(word: str, role: str, numeric_result: bool, vocab: Vocabulary | None = None) -> float:
    """How much `word` looks like a word of a `role` column (log-odds-like, 0 = no opinion)."""
    t = _token(word)
    numeric = bool(_NUMERIC.match(word.strip(".,;()")))
    parts = re.findall(r"[a-z0-9]+", t)
    body = bool(parts) and all(p in _body_words() for p in parts)
    if role == "name":
        return -0.3 if numeric and word.strip() in ("%", "≥", "≤") else 0.0
    if role in BODY_ROLES:
        if numeric:
            return -2.0
        if t in _JOINERS or not t:
            return 0.0
        return _body_odds(parts, vocab) if body else -1.2
    if role == "unit_of_measure":
        if word.strip() == "%":
            return 3.0
        return 0.3 if t in _UNIT_WORDS else -2.5
    if role == "result":
        if not numeric_result and _DATE.match(word.strip(".,;()")):
            return RESULT_DATE
        if numeric:
            return 1.5
        return -settings.TEXT_TARGET_WORD_PENALTY if numeric_result else 0.0
    if role == "deadline":
        return _deadline_emission(word.strip(".,;()"), numeric, t)
    if role == "amount":
        return 2.0 if numeric else -2.5
    return -settings.TEXT_NOTE_WORD_PENALTY if role == "note" else -1.0  # unknown roles: rarely filled


def _deadline_emission(word: str, numeric: bool, token: str) -> float:
    """A deadline holds dates ("12/2025", "IV/2025", "2026", "30/6") and a day's number ("ngày 15"),
    never a share or a bound ("%", "≥ 90"), seldom another figure ("100", "1.200")."""
    if _DATE.match(word) or _DAY_MONTH.match(word):
        return 2.0
    if numeric:
        if word.isdigit() and int(word) <= 31:
            return settings.TEXT_DEADLINE_DAY
        return -settings.TEXT_DEADLINE_FIGURE
    return 1.2 if token in _DEADLINE_WORDS else -2.0


def _opens_cell(word: str) -> float:
    """A cell starts with a capital, a number, a bullet or a sign; a lower-case word rarely."""
    w = word.lstrip("(\"“'")
    if not w:
        return 0.0
    if w[0].isupper() or w[0].isdigit() or w[0] in "-–+•≥≤%><":
        return settings.TEXT_OPEN_BONUS
    return -settings.TEXT_OPEN_PENALTY


_OPEN_END = re.compile(r"(?:^(?:và|của|thuộc|với|các|cho|tại|trên|về)$|[-&/(]$)", re.IGNORECASE)


def body_heads(words: list[Word]) -> list[bool]:
    """Does a body's name start at each word ("Phòng ...", "Trung tâm ...", "Các cơ quan ...")?"""
    out = []
    for i, w in enumerate(words):
        pair = fold(w.text + (" " + words[i + 1].text if i + 1 < len(words) else ""))
        out.append(w.text[:1].isupper() and any(pair == h or pair.startswith(h + " ") for h in BODY_HEADS))
    return out


def open_cost(words: list[Word], i: int, role: str, heads: list[bool], wrapped: bool = False) -> float:
    """What opening a new cell of `role` at word i is worth, beyond its first letter. `wrapped`:
    each cell's run on a line is one of its wrapped lines (a centred row), which may end on "và"."""
    cost = _opens_cell(words[i].text)
    if role in BODY_ROLES:
        cost += settings.TEXT_HEAD_BONUS if heads[i] else -settings.TEXT_NOT_HEAD_PENALTY
    if not wrapped and not words[i].line_start and i and _OPEN_END.search(words[i - 1].text):
        cost -= settings.TEXT_OPEN_END_PENALTY  # "Phòng Văn hóa - | Xã hội": a name does not end on "-"
    if not wrapped and not words[i].line_start and words[i].text in ("-", "–") and i + 1 < len(words) \
            and not words[i + 1].line_start and words[i + 1].text[:1].islower():
        cost -= settings.TEXT_OPEN_END_PENALTY  # "chính trị - xã hội": a dash joining a name, no bullet
    if role in ("result", "unit_of_measure") and not words[i].line_start and _in_phrase(words, i):
        cost -= settings.TEXT_NUMBER_IN_PHRASE  # "người dân từ 15 tuổi trở lên": the name's own number
    return cost


def _in_phrase(words: list[Word], i: int) -> bool:
    """Is word i a number inside running text: a lower-case word after it on the same line?"""
    nxt = words[i + 1] if i + 1 < len(words) else None
    return bool(_NUMERIC.match(words[i].text.strip(".,;()"))) and nxt is not None and not nxt.line_start \
        and nxt.text[:1].isalpha() and nxt.text[:1].islower()


def emissions(words: list[Word], roles: list[str], numeric_result: bool, vocab: Vocabulary | None,
              heads: list[bool]) -> list[list[float]]:
    """`emission` of each word for each column, with what the words around it say: a word of a
    whole catalog name ("VH-XH" of "Phòng VH-XH") is a body's word at the least, and a body's
    name never follows a numeric target in its own cell ("100 VP HĐND")."""
    em = [[emission(w.text, r, numeric_result, vocab) for r in roles] for w in words]
    texts, line_starts = [w.text for w in words], [w.line_start for w in words]
    for i, named in enumerate(in_named_body(texts, line_starts, heads)):
        if named:
            em[i] = [max(e, settings.TEXT_BODY_WORD_MIN) if r in BODY_ROLES else e
                     for e, r in zip(em[i], roles, strict=True)]
    if numeric_result:
        for i, head in enumerate(heads):
            if head:
                em[i] = [e - settings.TEXT_TARGET_BODY_PENALTY if r == "result" else e
                         for e, r in zip(em[i], roles, strict=True)]
    return em


def assign(words: list[Word], roles: list[str], numeric_result: bool, vocab: Vocabulary | None = None,
           centred: bool = False) -> list[int]:
    """The column index (into `roles`) of each word, by Viterbi over (column, furthest column)
    (`best_path`)."""
    return best_path(words, roles, numeric_result, vocab, centred)[0]


def best_path(words: list[Word], roles: list[str], numeric_result: bool, vocab: Vocabulary | None = None,
              centred: bool = False) -> tuple[list[int], float]:
    """The column index (into `roles`) of each word, by Viterbi over (column, furthest column), and
    the path's score (how well the words read as cells of columns in this order).

    `centred`: the row's cells are centred on it, so a printed line holds only the cells tall
    enough to reach it, and going past a column on a line leaves it for a later line, not empty
    (TEXT_CENTRED_SKIP_COST in place of TEXT_SKIP_COST within a line), and each printed line
    starts again from the left, so going back to an earlier column at a line break costs nothing."""
    n_cols = len(roles)
    if not words:
        return [], 0.0
    neg = -1e18
    # state index: c * n_cols + m, with c <= m
    size = n_cols * n_cols
    score = [neg] * size
    back: list[list[int]] = []
    heads = body_heads(words)
    em = emissions(words, roles, numeric_result, vocab, heads)
    texts, line_starts = [w.text for w in words], [w.line_start for w in words]
    side_by_side = juxtaposed(texts, line_starts, heads)
    # a printed line that is one whole catalog body ("Phòng Văn hóa - Xã hội", "VP HĐND&UBND") is a
    # body cell's line, not a task's or an indicator's name wrapped onto it
    body_line = _body_lines(words, heads)
    name_roles = [r == "name" for r in roles]
    skip = settings.TEXT_SKIP_COST
    skip_in_line = settings.TEXT_CENTRED_SKIP_COST if centred else skip
    back_cost = 0.0 if centred else settings.TEXT_BACK_COST  # centred: each printed line starts again at the left
    for c in range(n_cols):
        # the first word opens column c; columns before it are empty
        score[c * n_cols + c] = em[0][c] - skip_in_line * c  # centred: a tall cell's line may come first
    back.append([-1] * size)
    for i in range(1, len(words)):
        w = words[i]
        new = [neg] * size
        ptr = [-1] * size
        opens_at = [open_cost(words, i, r, heads) for r in roles]
        # centred: a printed line holds a run of each cell tall enough to reach it, so a column
        # passed earlier on the row comes back later on a line (its run may go on in lower case)
        revisit_at = [max(o, -settings.TEXT_CENTRED_LOWER_RUN) - settings.TEXT_NEW_CELL_IN_LINE if centred
                      else -settings.TEXT_REVISIT_COST for o in opens_at]
        # a long output line is a line of the widest column, the name (plan tables print it widest)
        long_name = [settings.TEXT_LONG_LINE_NAME if w.line_start and r == "name"
                     and w.line_len >= settings.TEXT_LONG_LINE else 0.0 for r in roles]
        lower = _opens_cell(w.text) < 0
        # a plan names one lead body for a row far more often than several (the coordinating cell lists
        # them): a second body's name opening a line of the lead cell costs what that rarity says (on one
        # printed line, bodies listed "A; B" are one cell's, the line break is no column boundary)
        # (a line ending on ";" or "," lists the next body in the same cell: no extra body there)
        listed = LIST_SEPARATOR.search(words[i - 1].text) is not None
        extra_body = [settings.TEXT_LEAD_EXTRA_BODY if heads[i] and r == "lead" and not listed else 0.0
                      for r in roles]
        stay_in_line = [-JUXTAPOSED_STAY if side_by_side[i] and r in BODY_ROLES else 0.0 for r in roles]
        for s in range(size):
            base = score[s]
            if base <= neg / 2:
                continue
            c, m = divmod(s, n_cols)
            for c2 in range(n_cols):
                if w.line_start:
                    if c2 == c:
                        cost = (settings.TEXT_BLANK_STAY if w.blank_before else 0.0) - extra_body[c2]
                    elif c2 > m:
                        cost = opens_at[c2] - settings.TEXT_NEW_CELL - skip * (c2 - m - 1) \
                            + (settings.TEXT_BLANK_NEW if w.blank_before else 0.0)
                    else:
                        cost = -back_cost + (0.0 if lower else -0.5) \
                            + (settings.TEXT_BLANK_NEW if w.blank_before else 0.0)
                else:
                    if c2 < c:
                        continue
                    if c2 == c:
                        cost = stay_in_line[c2]
                    elif c2 > m:
                        cost = opens_at[c2] - settings.TEXT_NEW_CELL_IN_LINE - skip_in_line * (c2 - m - 1)
                    else:
                        cost = revisit_at[c2]
                if body_line[i] and name_roles[c2]:
                    cost -= settings.TEXT_BODY_LINE_IN_NAME
                m2 = max(m, c2)
                s2 = c2 * n_cols + m2
                v = base + cost + em[i][c2] + long_name[c2]
                if v > new[s2]:
                    new[s2] = v
                    ptr[s2] = s
        score = new
        back.append(ptr)
    # columns never reached are empty
    final = [score[s] - settings.TEXT_END_SKIP_COST * (n_cols - 1 - s % n_cols) for s in range(size)]
    s = max(range(size), key=final.__getitem__)
    best = final[s]
    path = []
    for i in range(len(words) - 1, -1, -1):
        path.append(s // n_cols)
        s = back[i][s]
    return path[::-1], best


_YEAR_HEAD = re.compile(r"^(?:\d{1,2}/)?\d{1,2}/(\d{1,3})$")  # "12/202", "15/3/20": a date cut in its year


def _year_wrapped(last: str, word: str) -> bool:
    """Is `word`, opening a cell's next line, the rest of the year `last` ends on (a 4-digit year)?"""
    m = _YEAR_HEAD.match(last)
    return m is not None and word.isdigit() and len(m.group(1)) + len(word) == 4


def row_words(lines: list[str]) -> list[Word]:
    """The words of a row's output lines, each with its line and where it stands on it."""
    words: list[Word] = []
    blank = False
    for k, line in enumerate(lines):
        toks = line.split()
        if not toks:
            blank = True
            continue
        for j, t in enumerate(toks):
            words.append(Word(t, k, blank and j == 0, j == 0, len(line.strip())))
        blank = False
    return words


def _body_lines(words: list[Word], heads: list[bool]) -> list[bool]:
    """For each word: does it open a printed line that is one whole catalog body's name (unless the
    line before ends on a word that goes on, "phối hợp với" / "Văn phòng HĐND và UBND xã")?"""
    out = [False] * len(words)
    for i, w in enumerate(words):
        if not (w.line_start and heads[i]) or (i and _OPEN_END.search(words[i - 1].text)):
            continue
        j = i + 1
        while j < len(words) and not words[j].line_start:
            j += 1
        out[i] = j - i <= 8 and is_whole_body(" ".join(x.text for x in words[i:j]))
    return out


def split_row(lines: list[str], roles: list[str], numeric_result: bool,
              vocab: Vocabulary | None = None, centred: bool = False) -> dict[int, str]:
    """The text of each column of one row (line breaks kept), from its output lines."""
    words = row_words(lines)
    cols = assign(words, roles, numeric_result, vocab, centred)
    out: dict[int, list[list[str]]] = {}
    last_line: dict[int, int] = {}
    for w, c in zip(words, cols, strict=True):
        parts = out.setdefault(c, [])
        if parts and last_line.get(c) != w.line and w.line_start and _year_wrapped(parts[-1][-1], w.text):
            parts[-1][-1] += w.text  # "12/202" / "5": a narrow cell wrapped the date inside its year
            last_line[c] = w.line
            continue
        if last_line.get(c) != w.line or not parts:
            parts.append([])
        parts[-1].append(w.text)
        last_line[c] = w.line
    return {c: "\n".join(" ".join(p) for p in parts) for c, parts in out.items()}

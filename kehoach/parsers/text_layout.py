"""Where a flattened table starts and where each of its rows starts, in plain text lines.

A PDF-to-text tool keeps the words of a table but not its rules: the header is
its column names wrapped over a few lines ("ST" / "T Chỉ tiêu Đơn vị" / "tính
Kết quả"), and a row is known only by its number at the start of a line. So
the header is found by reading column names (parsers/columns.py, the same
vocabulary as the PDF front-ends) out of the joined header lines, and a row
start is a line opening with the number that comes next in the table's own
numbering (1, 2, 6.1, a Roman group I, II): a number that does not follow
(a page number, "2" wrapped out of "mức 2") does not start a row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from kehoach import settings
from kehoach.normalize.text import collapse, fold
from kehoach.parsers.columns import OCR_ONSET, role_of, roles_of, vocabulary
from kehoach.parsers.text_centred import STT_OPEN as _STT_OPEN
from kehoach.parsers.text_centred import STT_SPLIT as _STT_SPLIT
from kehoach.parsers.text_centred import centred_above, centred_name_orders, column_name_words, header_words

# first words a column name can start with: a name boundary can only fall before one of them
_NAME_STARTS = sorted({" ".join(n.split()[:2]) for names in vocabulary().words.values() for n in names}
                      | {"yeu cau", "don vi", "co quan", "ghi chu", "thoi gian", "stt"}, key=len, reverse=True)
_ROW_CODE = re.compile(r"^\s*(?P<code>[IVXLC]{1,5}|[A-H]|\d{1,3}(?:\.\d{1,3}){0,2})\.?(?=\s|$)(?P<rest>.*)$")
_LETTERS = "ABCDEFGH"  # part letters above Roman groups or instead of them ("A. NHIỆM VỤ TRỌNG TÂM")
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
          "XVI", "XVII", "XVIII", "XIX", "XX"]
_BARE = {"don vi", "co quan"}
# a label printed over sub-columns (two header rows: "Đơn vị thực hiện" over "Chủ trì" | "Phối hợp"):
# no column of its own; a tool writes the first header row before the second, so the sub-columns
# come after the top row's later names and are put back where the label stands (_place_sub_columns)
_GROUP_LABELS = {"don vi thuc hien"}
_FIRST_WORDS = {n.split()[0] for names in vocabulary().words.values() for n in names
                if " " in n and len(n.split()[0]) >= 3}
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")


@dataclass(slots=True)
class TextHeader:
    """A table header read from text: its first and past-the-end line, roles and column names."""

    start: int
    end: int
    roles: list[str | None]
    texts: list[str]
    # other orders of the same names its lines allow (a centred header), for the rows to weigh
    others: list[tuple[list[str | None], list[str]]] = field(default_factory=list)


def _boundaries(folded: str) -> list[int]:
    """Positions in the joined header text where a column name may begin.

    A name never begins right after a comma ("Đơn vị chủ trì, theo dõi, đánh
    giá" is one column), only at the start of a known first word.
    """
    cuts = {0}
    for start in _NAME_STARTS:
        for m in re.finditer(r"(?<![a-z0-9])" + re.escape(start) + r"(?![a-z0-9])", folded):
            before = folded[:m.start()].rstrip()
            if m.start() and not before.endswith((",", "va", "/", "(")):
                cuts.add(m.start())
    # an OCR-garbled first word ("yeeu cau", "pon vi", "tén nhigm"): close to a known start
    words = list(re.finditer(r"\S+", folded))
    for k, m in enumerate(words[1:], start=1):
        pair = " ".join(w.group() for w in words[k:k + 2])
        if words[k - 1].group().endswith((",", "/", "(")) or words[k - 1].group() == "va":
            continue
        if any(fuzz.ratio(pair, start) >= settings.TEXT_HEADER_START_MATCH for start in _NAME_STARTS if " " in start):
            cuts.add(m.start())
        elif k == len(words) - 1 and (m.group() in _FIRST_WORDS
                                      or len(re.sub(r"[^a-z]", "", m.group())) <= settings.TEXT_HEADER_STUB_LETTERS):
            cuts.add(m.start())  # "... Ghi": the last name's first word, its rest wrapped away
    return sorted(cuts)




def _piece_score(piece: str, last: bool = False, lower: bool = False) -> float:
    """1 for a column name, -2 for none; a bare "đơn vị" / "cơ quan" is the start of a longer
    name ("Đơn vị" / "chủ trì" wrapped), so it scores below its whole. The last piece may be the
    first word of a name whose rest wrapped away ("Ghi" of a narrow "Ghi chú" column), or that
    word garbled by an OCR ("Gh,l"). A name gains up to TEXT_HEADER_COVER_BONUS by how much of
    the piece the known name covers, so "Thời gian thực hiện | Đơn vị chủ trì" beats "Thời gian
    thực | hiện Đơn vị chủ trì" (both are two names). A printed name opens with a capital: a piece
    opening on a lower-case word (`lower`) is the tail of the name before it ("Nội dung | nhiệm vụ")."""
    if piece in _GROUP_LABELS:
        return settings.TEXT_HEADER_GROUP_SCORE
    if piece in _BARE:
        return -1.0
    if last and (piece in _FIRST_WORDS or len(re.sub(r"[^a-z]", "", piece)) <= settings.TEXT_HEADER_STUB_LETTERS):
        return -0.5
    if not role_of(piece):
        return -2.0
    penalty = settings.TEXT_HEADER_LOWER_PENALTY if lower else 0.0
    return 1.0 + settings.TEXT_HEADER_COVER_BONUS * _coverage(piece) - penalty


@lru_cache(maxsize=4096)
def _coverage(piece: str) -> float:
    """Share of the piece's letters taken by the longest known column name inside it."""
    squeezed = piece.replace(" ", "")
    if not squeezed:
        return 0.0
    best = 0
    for names in vocabulary().words.values():
        for n in names:
            if len(n) > best and re.search(r"(?<![a-z0-9])" + re.escape(n) + r"(?![a-z0-9])", piece):
                best = len(n)
    return min(1.0, best / len(piece))


def _split_score(text: str) -> float:
    return _best_split(_header_fold(text), _lower_starts(text))[0]


def _lower_starts(text: str) -> frozenset[int]:
    """Positions (in the folded text) of words printed in lower case; empty when folding moved
    characters (then nothing is known of the capitals)."""
    text = _RULE_MARKS.sub(" ", text)
    if len(_header_fold(text)) != len(text):
        return frozenset()
    return frozenset(m.start() for m in re.finditer(r"(?<!\S)\S", text) if m.group().islower())


def _header_fold(text: str) -> str:
    """Folded header text, OCR rules dropped and an "Đ" read as "P" / "DP" given back ("Pon vi")."""
    return OCR_ONSET.sub("d", fold(_RULE_MARKS.sub(" ", text)))


def _best_split(folded: str, lower: frozenset[int] = frozenset()) -> tuple[float, list[int]]:
    """Best cuts of the folded header text. Two neighbouring pieces of the same role are one name
    cut in two ("Nội dung | nhiệm vụ", "Nội dung | chỉ tiêu"): the second scores as no name, unless
    both open with the same word (parallel columns: "Kết quả 2025 | Kết quả 2030")."""
    cuts = _boundaries(folded) + [len(folded)]
    # best[j][role of the last piece] = (score, cuts)
    best: list[dict[str | None, tuple[float, list[int]]]] = [{None: (0.0, [])}] + [{} for _ in cuts[1:]]
    for j in range(1, len(cuts)):
        for i in range(j):
            piece = folded[cuts[i]:cuts[j]].strip()
            base = _piece_score(piece, j == len(cuts) - 1, i > 0 and cuts[i] in lower)
            role = role_of(piece) if base > 0 else None
            for prev_role, (score, at) in best[i].items():
                sc = base
                if role is not None and role == prev_role and at:
                    prev = folded[at[-1]:cuts[i]].split()
                    if not prev or prev[0] != piece.split()[0]:
                        sc = -2.0
                total = score + sc
                if total > best[j].get(role, (-1e9, []))[0]:
                    best[j][role] = (total, at + [cuts[i]])
    return max(best[-1].values(), key=lambda v: v[0])


_RULE_MARKS = re.compile(r"[|\[\]{}]")  # table rules an OCR read as characters


def split_column_names(text: str) -> list[str]:
    """Column names in a header flattened to one string, split where the best set of names results.

    Dynamic programming over the possible cuts: a piece that is a known column
    name scores 1, a piece that is not costs 2, so "Yêu cầu về kết quả" stays one
    name although "kết quả" alone is one too.
    """
    text = collapse(_RULE_MARKS.sub(" ", text))
    folded = _header_fold(text)
    starts = _best_split(folded, _lower_starts(text))[1] + [len(folded)]
    # map cuts on the folded text back onto the printed text (fold keeps one char per char here
    # except for a few ligatures; fall back to word counts)
    words = text.split()
    folded_words = folded.split()
    if len(words) != len(folded_words):
        return [folded[a:b].strip() for a, b in zip(starts, starts[1:], strict=False)]
    pos, offsets = 0, []
    for w in folded_words:
        pos = folded.index(w, pos)
        offsets.append(pos)
        pos += len(w)
    out = []
    for a, b in zip(starts, starts[1:], strict=False):
        out.append(" ".join(w for w, o in zip(words, offsets, strict=True) if a <= o < b))
    return [o for o in out if o]


def _squeeze(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def repeated_header_end(lines: list[str], at: int, header: TextHeader) -> int | None:
    """Past-the-end line of the table's header printed again at line `at` (a new page), else None.

    The repeat is the same words: lines are taken while they spell the first
    header's names in order, so the data line after a one-line repeat stays data.
    """
    target = _squeeze(" ".join(header.texts[1:]))
    if not _STT_OPEN.match(fold(lines[at])):
        return None
    got = _squeeze(re.sub(r"^\s*\S+", "", lines[at], count=1))  # its STT word
    if not target.startswith(got):
        return None
    end = at + 1
    while end < len(lines) and len(got) < len(target):
        nxt = got + _squeeze(lines[end])
        if not target.startswith(nxt):
            break
        got, end = nxt, end + 1
    return end if len(got) >= settings.TEXT_REPEAT_SHARE * len(target) else None


def read_header(lines: list[str], at: int) -> TextHeader | None:
    """The header starting at line `at` (its STT name), or None when these lines are no header."""
    if not _STT_OPEN.match(fold(lines[at])):
        return None
    if (a := centred_above(lines, at)) and (orders := centred_name_orders(lines, at, a)) \
            and (centred := _header_of(orders[0], at - a, at + a + 1)) is not None:
        for names in orders[1:]:
            if (other := _header_of(names, at - a, at + a + 1)) is not None and other.roles != centred.roles \
                    and (other.roles, other.texts) not in centred.others:
                centred.others.append((other.roles, other.texts))
        return centred
    parts: list[str] = []
    end = at
    score = -1e9
    printed = 0
    for k in range(at, len(lines)):
        line = lines[k].strip()
        printed += bool(line)
        if printed > settings.TEXT_HEADER_MAX_LINES:
            break
        if k > at and line and (_ROW_CODE.match(line) and not _STT_OPEN.match(fold(line))):
            break
        if k > at and _not_names(line):
            break  # a row's first line above its number (cells centred on it): no column name
        if line:
            # a line that adds no column name (a data line under a one-line header) ends it
            with_line = _split_score(_STT_SPLIT.sub("STT", " ".join(p for p in parts + [line] if p)))
            # (words that wrap on a name's text may lower its covered share: that is no fall)
            if k > at and with_line < score - settings.TEXT_HEADER_COVER_BONUS:
                break
            score = max(score, with_line)
        parts.append(line)
        end = k + 1
    # "ST" / "T Chỉ tiêu": the STT name wrapped over two lines
    joined = _STT_SPLIT.sub("STT", " ".join(p for p in parts if p))
    texts = _place_sub_columns(_rejoin_split_names(split_column_names(joined)))
    return _header_of(texts, at, end)


def _not_names(line: str) -> bool:
    """A line of several words most of which name no column ("Tỷ lệ người dân từ 15 tuổi trở lên"):
    text of a row, not of the header above it."""
    words = header_words(line)
    if len(words) < settings.TEXT_HEADER_PLAIN_WORDS:
        return False
    names = column_name_words()
    return sum(w in names for w in words) < settings.TEXT_HEADER_NAME_SHARE * len(words)


def _rejoin_split_names(texts: list[str]) -> list[str]:
    """Column names with a two-line name put back together where a tool wrote its second word inside
    another name (a header of two rows: "Thời" ends one name, "hạn" sits inside the next, "Đơn vị chủ
    hạn trì", on the line it shares with it). The word moves when the name it sits in reads as a
    known name without it and the word before joined with it reads as one the header lacks."""
    out = list(texts)
    for i, text in enumerate(out):
        words = text.split()
        for k in range(1, len(words) - 1):
            rest = " ".join(words[:k] + words[k + 1:])
            if role_of(rest) is None or _coverage(_header_fold(rest)) <= _coverage(_header_fold(text)):
                continue
            for j in range(i - 1, -1, -1):
                q = out[j].split()
                joined = f"{q[-1]} {words[k]}"
                role = role_of(joined)
                if role is None or role in roles_of(out) or (len(q) > 1 and role_of(" ".join(q[:-1])) is None):
                    continue
                out[i] = rest
                out[j:j + 1] = ([" ".join(q[:-1])] if len(q) > 1 else []) + [joined]
                return _rejoin_split_names(out)
    return out


def _header_of(texts: list[str], start: int, end: int) -> TextHeader | None:
    """The header of these column names, or None when they name too few of a plan's columns."""
    strict = roles_of(texts)  # a role named twice counts once while deciding it is a header
    if "name" not in strict or sum(1 for r in strict if r and r != "stt") < settings.HEADER_MIN_ROLES - 1:
        return None
    roles = roles_of(texts, keep_repeats=True)
    if roles[0] != "stt":
        roles, texts = ["stt"] + roles, ["STT"] + texts
    # "Đơn vị chủ trì, theo dõi, đánh giá" with no other lead column: the body that leads it
    if "lead" not in roles and "monitoring" in roles:
        k = roles.index("monitoring")
        if "chu tri" in fold(texts[k]):
            # the interpreter reads the grid's header text again: name the column by its lead part
            roles[k], texts[k] = "lead", texts[k].split(",")[0]
    return TextHeader(start=start, end=end, roles=roles, texts=texts)


def is_group_label(text: str) -> bool:
    """Is this a label printed over sub-columns ("Đơn vị thực hiện" over "Chủ trì" | "Phối hợp")?"""
    return _header_fold(text).strip() in _GROUP_LABELS


def _place_sub_columns(texts: list[str]) -> list[str]:
    """Column names with a group label ("Đơn vị thực hiện") replaced by the sub-columns it spans.

    Its sub-columns are the run of body columns (lead, coordinating, monitoring) that comes after
    it; names between the label and that run are top-row columns right of the group.
    """
    for g, t in enumerate(texts):
        if not is_group_label(t):
            continue
        roles = [role_of(x) for x in texts]
        first = next((k for k in range(g + 1, len(texts)) if roles[k] in ("lead", "coordinating")), None)
        if first is None:
            return texts  # no sub-columns read: the label is the lead column itself
        last = first
        while last + 1 < len(texts) and roles[last + 1] in ("lead", "coordinating", "monitoring") \
                and roles[last + 1] not in roles[first:last + 1]:
            last += 1
        return texts[:g] + texts[first:last + 1] + texts[g + 1:first] + texts[last + 1:]
    return texts


@dataclass(slots=True)
class RowStart:
    code: str
    rest: str
    group: bool  # a Roman-numeral group row


class Numbering:
    """The table's running numbering: which codes may start the next row."""

    def __init__(self) -> None:
        self.group = -1  # index in _ROMAN of the last group row
        self.letter = -1  # index in _LETTERS of the last lettered part
        self.main = 0  # last main number
        self.sub: list[int] = []  # last sub-numbers under `main` (6.1 -> [1])

    def expected(self) -> set[str]:
        nxt = {str(self.main + 1), f"{self.main}.1" if self.main else "1"}
        if self.sub:
            nxt.add(f"{self.main}." + ".".join(map(str, self.sub[:-1] + [self.sub[-1] + 1])))
            nxt.add(f"{self.main}." + ".".join(map(str, self.sub + [1])))
            if len(self.sub) > 1:
                nxt.add(f"{self.main}.{self.sub[0] + 1}")
        if self.letter + 1 < len(_LETTERS):
            nxt.add(_LETTERS[self.letter + 1])
        if self.group + 1 < len(_ROMAN):
            nxt.add(_ROMAN[self.group + 1])
        if self.group >= 0 or self.letter >= 0:
            nxt.add("1")  # numbering may restart under each group
        return nxt

    def accept(self, line: str, next_text: str = "", goes_on: Callable[[str], bool] | None = None,
               later: Callable[[str], bool] | None = None, centred: bool = False) -> RowStart | None:
        """The row this line starts, if its code comes next in the numbering.

        A number out of sequence (printed twice, or one skipped: typing slips a
        reader reads through) still starts a row when a capitalised text follows
        it, on its line or, for a lone number, on the next line of the same page.

        `goes_on` (given for a table an OCR read with its rules, "|" in its lines) tells whether the
        numbering goes on after a code: a later line of the table opens with the number after it.
        There an OCR sets the row number on the middle line of a row centred on its number, inside
        the name's wrapped text ("14 thông tin của tỉnh, ..."): the next number, followed by the one
        after it further down, starts a row although a lower-case word follows it. An OCR also
        reads the rule right after a number as a "1" ("151 Y ... |" for 15 |): in a ruled line, a
        number out of sequence that is the expected one with a "1" glued on is that one.

        `later` (any table) tells whether a later line of the table opens with a code. A plan's own
        numbering may jump (rows renumbered by hand, a group left out: "13", "V", "16", "17", ...):
        a number a few past the expected one that opens a row starts it when the numbering goes on
        from it (the number after it opens a later line), and a group numeral one past the next
        one starts a group when it opens one, so the numbering resynchronises instead of every
        later row running into the last one read.
        """
        m = _ROW_CODE.match(line)
        if not m:
            return None
        code, rest = m.group("code"), m.group("rest").strip().lstrip("|").strip()  # "1 | Tên": an OCR'd rule
        if goes_on is not None and code not in self.expected() and code.endswith("1") and "|" in rest \
                and code[:-1] == str(self.main + 1) and self.main > 0:
            code = code[:-1]  # "151 ... |": the rule after "15" read as a "1"
        ruled = m.group("rest").lstrip().startswith("|")  # a rule after the number: a cell boundary
        first = next((c for c in rest if c.isalnum()), "")  # past OCR specks ("9 ;{EZI; ...")
        noisy = not rest[:1].isalnum() and first.isupper()
        # (a sign or "%" after the next number opens no wrapped text: a target's cell on the middle line)
        continued = goes_on is not None and code[:1].isdigit() and code in self.expected() \
            and (rest[:1] in "%≥≤<>" or any(goes_on(c) for c in _successors(code)))
        # `centred` (a table written by printed line, its cells centred on their row): the number
        # stands on the middle line, among the middle lines of its cells; the next number there
        # starts its row whatever follows it (the last row has no number after it to vouch for it)
        # (and a number printed twice or one skipped, a typing slip, as `accept` reads through it,
        # when the numbering goes on from it within two numbers)
        slip = code.isdigit() and int(code) in (self.main, self.main + 2) and self.main > 0
        # (a lone number at a page's edge, `next_text` empty, is its page number)
        centred_slip = centred and slip and goes_on is not None and bool(rest or next_text) \
            and any(goes_on(c) for c in _successors(code) + [str(int(code) + 2)])
        nxt = (str(self.main + 1), f"{self.main}.1" if self.main else "1")
        continued = continued or centred_slip or (centred and code in nxt)
        if rest and not ruled and not continued \
                and not (rest[:1].isupper() or rest[:1] in "(\"“-–" or rest[:1].isdigit() or noisy):
            return None  # a code followed by a lower-case word is wrapped text ("2 tuổi ...")
        if code not in self.expected():
            # a number one past the expected one, opening a long text: a row whose number was lost
            opens = (len(rest.split()) >= 3 and rest[:1].isupper()) or (not rest and next_text[:1].isupper()) \
                or centred_slip
            if not ((slip or self._resumes(code, later)) and opens):
                return None
        self._take(code)
        return RowStart(code=code, rest=rest, group=code in _ROMAN or code in _LETTERS)

    def _resumes(self, code: str, later: Callable[[str], bool] | None) -> bool:
        """Does the numbering jump to `code` and go on from it (see `accept`)?"""
        if later is None:
            return False
        if code.isdigit():
            n = int(code)
            return self.main > 0 and self.main + 1 < n <= self.main + settings.TEXT_NUMBER_JUMP_MAX \
                and later(str(n + 1))
        if code in _ROMAN:
            return self.group >= 0 and _ROMAN.index(code) == self.group + 2
        return False

    def _take(self, code: str) -> None:
        if code in _LETTERS and (code != _ROMAN[self.group + 1] if self.group + 1 < len(_ROMAN) else True):
            self.letter = _LETTERS.index(code)
            self.group = -1  # Roman groups restart under a new part
            return
        if code in _ROMAN:
            self.group = _ROMAN.index(code)
            return
        parts = [int(p) for p in code.split(".")]
        if len(parts) == 1 and parts[0] == 1 and self.main >= 1 and str(self.main + 1) != code:
            self.sub = []  # restart under a new group
        self.main, self.sub = parts[0], parts[1:]


def _successors(code: str) -> list[str]:
    """The codes that may come right after a row number: "6" -> 7, 6.1; "6.1" -> 6.2, 6.1.1, 7."""
    parts = [int(p) for p in code.split(".")]
    out = [".".join(map(str, parts[:-1] + [parts[-1] + 1])), code + ".1"]
    if len(parts) > 1:
        out.append(str(parts[0] + 1))
    return out


def opens_with_number(line: str, number: str) -> bool:
    """Does `line` open with the row number `number` (or that number with an OCR'd rule glued on,
    "151 ... |")?"""
    m = _ROW_CODE.match(line)
    if not m:
        return False
    code = m.group("code")
    return code == number or (code == number + "1" and "|" in m.group("rest"))


def opens_row(line: str, code: str) -> bool:
    """Does `line` start a row numbered `code`: the code alone, or before a capitalised word?"""
    m = _ROW_CODE.match(line)
    if not m or m.group("code") != code:
        return False
    rest = m.group("rest").strip().lstrip("|").strip()
    return not rest or rest[:1].isupper() or rest[:1] in "(\"“"


def is_ruled_ocr(lines: list[str]) -> bool:
    """Do enough of these table lines hold an OCR'd column rule ("|")?"""
    printed = [ln for ln in lines if ln.strip()]
    return bool(printed) and sum("|" in ln for ln in printed) >= settings.TEXT_RULED_SHARE * len(printed)


def is_page_number(line: str) -> bool:
    return _PAGE_NUMBER.match(line) is not None


def same_table(a: TextHeader, b: TextHeader) -> bool:
    """Is header `b` the table `a` printed again, as far as a text extraction lets us see?

    A PDF-to-text tool may mix the repeated header of a new page with the first
    cells under it, so the two are compared by their roles, loosely.
    """
    ra, rb = {r for r in a.roles if r}, {r for r in b.roles if r}
    if len(ra & rb) < settings.TEXT_REPEAT_SHARE * min(len(ra), len(rb)):
        return False
    # the same roles, but one names indicators ("Tên chỉ tiêu") and the other tasks ("Tên nhiệm vụ"):
    # two tables of one layout (the target and the expected result both read as "result")
    ka, kb = _name_kind(a), _name_kind(b)
    return ka is None or kb is None or ka == kb


def _name_kind(h: TextHeader) -> str | None:
    """indicators / tasks / budget, as the header's name column says, if it does."""
    from kehoach.parsers.kinds import table_type_from_caption

    return table_type_from_caption(h.texts[h.roles.index("name")]) if "name" in h.roles else None

"""The plain-text front-end: a flattened plan (.txt) back into the common pages and grids.

What a PDF-to-text tool or an OCR service returns keeps the words in reading
order and nothing else. This module rebuilds what the PDF front-ends give the
one interpreter: `PageText` for the body (pages at form feeds, or synthetic
pages of a fixed number of lines; line boxes are synthetic: x0 from the
indentation, top from the line index) and one `Grid` per table, its header
read from column names (text_layout), its rows cut at their numbers
(text_layout) and each row's words put in columns by a scored best path
(text_cells). Header fields, normalisation and export stay shared.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from kehoach import settings
from kehoach.errors import EmptyInput
from kehoach.ingest.encodings import read_text
from kehoach.normalize.text import collapse, fold, is_upper
from kehoach.parsers.grid import Grid, PageText, ParsedSource, TextLine
from kehoach.parsers.header_block import DOC_TYPES as DOCUMENT_TYPES
from kehoach.parsers.kinds import is_total_label, is_unit_statement
from kehoach.parsers.signature import opens_block
from kehoach.parsers.text_cells import Vocabulary, best_path, row_words, split_row
from kehoach.parsers.text_centred import centred_above, column_name_words, header_words
from kehoach.parsers.text_columns import is_layout, read_layout_header, read_layout_table
from kehoach.parsers.text_layout import (
    Numbering,
    TextHeader,
    is_page_number,
    is_ruled_ocr,
    opens_row,
    opens_with_number,
    read_header,
    repeated_header_end,
    same_table,
)
from kehoach.parsers.text_mirror import split_centred_row

METHOD = "text"
_ORGANS = ("uy ban nhan dan", "ubnd", "dang uy", "hoi dong nhan dan", "ban chi dao", "ban thuong vu")
# lines that close a table: the next appendix, a new document's header block, the signature
_TABLE_END = re.compile(r"^(?:phu luc|noi nhan|cong hoa xa hoi|tm\.? uy ban|kt\.? chu tich|tm\.? ban)")
_CAPTION_LINES = 8


@dataclass(slots=True)
class _Line:
    text: str
    index: int  # line number in the file, 0-based
    page: int


def _is_upper(text: str) -> bool:
    return is_upper(text, min_letters=2)  # a lone capital is a list letter, not a heading


def _split_pages(text: str) -> list[_Line]:
    """Lines with their page: a form feed starts a page; without any, every TEXT_PAGE_LINES lines."""
    out: list[_Line] = []
    has_ff = "\f" in text
    raw = text.replace("\f", "\n\f").split("\n") if has_ff else text.split("\n")  # a page starts a line
    page = 1
    for i, line in enumerate(raw):
        if has_ff:
            page += line.count("\f")
        else:
            page = 1 + i // settings.TEXT_PAGE_LINES
        out.append(_Line(line.replace("\f", ""), i, page))
    return out


# the right-hand column of the header block (Decree 30/2020 layout): national name, motto, place and date
# matched on the text with its marks removed (same length), so a file that lost its accents splits too
# (an English OCR garbles it: "XA HQI", "Poc 1ap —")
_MOTTO = re.compile(r"CONG HOA XA HOI CHU NGHIA")
# the right column's lines: the motto, its second line, the place and date (a place's words are in
# title case: "Lào Cai, ngày"; an acronym before it, "QĐ - UBND", is the number's)
_RIGHT_COLUMN = re.compile(r"\s(?=CONG HOA XA\b|(?:D|P|DP)oc\s+[l1]ap\s*[-–—]|(?:[A-Z][a-z]+\s){0,3}"
                           r"[A-Z][a-z]+,\s*ngay\b)")


def _bare(text: str) -> str:
    """`text` without its diacritics, one character for one (positions stay valid), case kept."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[:1] or ch
        out.append({"đ": "d", "Đ": "D"}.get(ch, base))
    return "".join(out)


_RECIPIENTS_LEAD = re.compile(r"^\s*N[ơo]i\s+nh[ậa]n\s*:?\s+", re.IGNORECASE)


def _split_signature_columns(lines: list[_Line]) -> list[_Line]:
    """Lines where a tool joined the "Nơi nhận:" column and the signature block beside it ("Nơi
    nhận: KT. CHỦ TỊCH") cut in two, so the signature parser sees the block's own first line."""
    out: list[_Line] = []
    for ln in lines:
        m = _RECIPIENTS_LEAD.match(ln.text)
        # (one space between: layout text keeps the block's place, its gap wide)
        if m and not m.group(0).endswith("  ") and opens_block(ln.text[m.end():].strip()):
            out.append(_Line(ln.text[:m.end()].rstrip(), ln.index, ln.page))
            out.append(_Line(ln.text[m.end():].strip(), ln.index, ln.page))
        else:
            out.append(ln)
    return out


def _split_header_columns(lines: list[_Line]) -> list[_Line]:
    """Header-block lines where a tool joined the two columns ("UBND XÃ A    CỘNG HÒA XÃ HỘI ...")
    cut back into the left and the right part, so the header parser sees each column's lines."""
    doc_at = next((i for i, ln in enumerate(lines) if fold(ln.text).rstrip(" :") in DOCUMENT_TYPES
                   and _is_upper(ln.text)), None)
    # the national motto heads the right column of every state document (Decree 30/2020), a letter
    # and a title run on after the document type ("QUYẾT ĐỊNH CHẤP THUẬN ...") included
    mottos = [i for i, ln in enumerate(lines) if _MOTTO.search(_bare(ln.text))]
    if doc_at is None and not mottos:
        return lines
    out: list[_Line] = []
    for i, ln in enumerate(lines):
        near = (doc_at is not None and i < doc_at and doc_at - i <= settings.TEXT_HEADER_BLOCK_LINES) \
            or any(0 <= i - a < settings.TEXT_MOTTO_BLOCK_LINES for a in mottos)
        m = _RIGHT_COLUMN.search(_bare(ln.text)) if near else None
        if m and ln.text[:m.start()].strip():
            out.append(_Line(ln.text[:m.start()].rstrip(), ln.index, ln.page))
            out.append(_Line(ln.text[m.end():], ln.index, ln.page))
        else:
            out.append(ln)
    return out


def _repeat_end(texts: list[str], at: int, h: TextHeader) -> int | None:
    """Past-the-end line of table `h`'s header printed again at `at`, or None."""
    end = repeated_header_end(texts, at, h)
    if end is not None:
        return end
    for again in (read_header(texts, at), read_layout_header(texts, at)):  # either reading may see the repeat
        if again is not None and same_table(h, again):
            return again.end
    return None


def _header_at(texts: list[str], at: int) -> TextHeader | None:
    """A table header on line `at`: its names read as text, or by position in layout text, whichever
    names more of the table's columns, by position when both name as many (in layout text, names
    centred in their cells mix when read as text)."""
    as_text, by_place = read_header(texts, at), read_layout_header(texts, at)
    if as_text is None or by_place is None:
        return as_text or by_place

    def named(h: TextHeader) -> int:
        return len({r for r in h.roles if r})

    return by_place if named(by_place) >= named(as_text) else as_text


def _find_tables(lines: list[_Line]) -> list[tuple[TextHeader, int]]:
    """Each table's header and its past-the-end line index (into `lines`)."""
    texts = [ln.text for ln in lines]
    found: list[tuple[TextHeader, int]] = []
    k = 0
    while k < len(lines):
        h = _header_at(texts, k)
        if h is None:
            k += 1
            continue
        end = h.end
        while end < len(lines):
            folded = fold(texts[end].strip())
            if _TABLE_END.match(folded) or (fold(texts[end]).rstrip(" :") in DOCUMENT_TYPES and _is_upper(texts[end])):
                break
            if "amount" in h.roles and (closed := _total_end(texts, end, h.end)) is not None:
                end = closed  # a budget's total after its rows closes the table: body text follows
                break
            again = _repeat_end(texts, end, h)
            nxt = _header_at(texts, end) if again is None else None
            if nxt is not None:
                # another table (its names may start above its STT line); its caption too: the unit
                # line and the numbered heading just above its header ("3. Dự toán kinh phí ...")
                end = _caption_start(texts, h.end, max(h.end, nxt.start))
                break
            end = again if again is not None else end + 1
        found.append((h, end))
        k = end
    return found


_SECTION_HEADING = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4})\.\s+[A-ZĐÀ-Ỹ]")


def _caption_start(texts: list[str], first: int, at: int) -> int:
    """Where the caption above a table's header on line `at` begins: the blank and unit lines
    ("Đơn vị tính: triệu đồng") just above it, and one numbered heading over them; no higher
    than line `first` (the rows of the table before it)."""
    k = at
    while k > first and (not texts[k - 1].strip() or is_unit_statement(texts[k - 1])):
        k -= 1
    if k > first and _SECTION_HEADING.match(texts[k - 1]):
        k -= 1
    return k if any(texts[j].strip() for j in range(k, at)) else at  # blank lines alone caption nothing


def _total_last(texts: list[str], at: int, stop: int) -> int | None:
    """The last line of a budget's total row starting on line `at`: `at` itself ("Tổng cộng
    2.450"), or the next printed line before `stop` when it holds the amount alone (a tool that
    writes each cell on its own line puts it under its label); None when `at` opens no total."""
    if _total_line(texts[at]):
        return at
    nxt = next((j for j in range(at + 1, stop) if texts[j].strip()), None)
    label = texts[at].strip()
    if nxt is not None and is_total_label(label) and _total_line(f"{label} {texts[nxt].strip()}"):
        return nxt
    return None


def _total_end(texts: list[str], at: int, first: int) -> int | None:
    """Past-the-end line of a budget table's grand total on line `at` (`_total_last`), when
    numbered rows come before it; else None. (A subtotal, "Cộng", closes a group of rows, not the
    table.)"""
    if not fold(texts[at].strip()).startswith("tong") or not any(_ROW_START.match(texts[j]) for j in range(first, at)):
        return None
    last = _total_last(texts, at, len(texts))
    return None if last is None else last + 1


_Row = tuple[str, bool, list[_Line]]  # a row's code, whether it is a group row, its output lines


@dataclass(slots=True)
class _Centring:
    """What a centred reading of a table's rows found (see `_centre`, `_centred_reading`)."""

    short: int = 0  # rows with fewer lines below their number than above it, on its page
    halves: int = 0  # rows with lines above their number
    name_middles: int = 0  # of those, rows whose number's line opens with a capital (a name's start)


def _rows(lines: list[_Line], h: TextHeader, end: int, unread: list[int] | None = None,
          centred: bool = False) -> tuple[list[_Row], _Centring]:
    """(code, is_group, lines) of each row, and what a `centred` reading found (`_Centring`); a
    repeated header or a lone page number is skipped.

    Lines before the first row (a note under the header) go to `unread`, so they stay page text.
    `centred` reads a table whose cells are centred on their row (`_centre`): the lines before the
    first number are its row's, and a number may stand inside its name's wrapped text.
    """
    texts = [ln.text for ln in lines]
    amounts = "amount" in h.roles  # a budget table: a lone number may be a row's amount, not a page number
    numbering = Numbering()
    rows: list[_Row] = []
    starts: list[tuple[int, int, int]] = []  # each row's page, count of lines from its number's line, its index
    pre: list[_Line] = []
    k = h.end
    ruled = is_ruled_ocr(texts[h.end:end]) or centred
    # pages parted by form feeds: a page number stands at a page's edge, a lone number inside is a
    # cell's ("80", a target printed alone); without them every lone number may be a page's
    paged = lines[h.end].page != lines[end - 1].page if end > h.end else False

    def ahead() -> range:
        return range(k + 1, min(end, k + settings.TEXT_SEQUENCE_LOOKAHEAD))

    def goes_on(number: str) -> bool:
        """Does a later line of the table, within TEXT_SEQUENCE_LOOKAHEAD lines, open with `number`?"""
        return any(opens_with_number(texts[j], number) for j in ahead())

    def later(code: str) -> bool:
        """Does a later line of the table, within TEXT_SEQUENCE_LOOKAHEAD lines, start a row `code`
        (the code alone, or before a capitalised word)?"""
        return any(opens_row(texts[j], code) for j in ahead())

    while k < end:
        again = _repeat_end(texts, k, h) if k > h.end else None
        if again is not None:
            printed = {t for j in range(k, again) for t in header_words(texts[j])} \
                | {t for name in h.texts for t in header_words(name)}
            while again < end and _header_tail(texts[again], printed):
                again += 1  # the wrapped tails of its column names ("chủ trì thực hiện")
            above = centred_above(texts, k)  # the upper halves of its names, read as the last row's lines
            if above and rows and len(rows[-1][2]) - starts[-1][1] >= above \
                    and rows[-1][2][-above:] == lines[k - above:k]:
                del rows[-1][2][-above:]  # page furniture, as the repeated header itself
            k = again
            continue
        line = lines[k]
        # a lone number at a page's edge or over a repeated header is a page number, never a slipped row number
        nxt_k = next((j for j in range(k + 1, end) if lines[j].text.strip()), None)
        prev = next((ln for ln in reversed(lines[h.end:k]) if ln.text.strip()), None)
        edge = nxt_k is None or lines[nxt_k].page != line.page or (prev is not None and prev.page != line.page) \
            or _repeat_end(texts, nxt_k, h) is not None
        start = numbering.accept(line.text, "" if edge else lines[nxt_k].text.strip(), goes_on if ruled else None,
                                 later, centred)
        if start is not None:
            rest = [_Line(start.rest, line.index, line.page)] if start.rest else []
            rows.append((start.code, start.group, rest))
            starts.append((line.page, len(rest), line.index))
        elif amounts and (last := _total_last(texts, k, end)) is not None:
            # "Tổng cộng 3.070": its own row, not the last item's (its amount maybe on the next line)
            total = line if last == k else _Line(f"{line.text.strip()} {texts[last].strip()}", line.index, line.page)
            rows.append((TOTAL_CODE, False, [total]))
            starts.append((line.page, 1, line.index))
            k = last
        elif is_page_number(line.text) and not (amounts and rows and _wants_amount(rows[-1][2])) \
                and (edge or not paged):
            pass  # page furniture between two printed pages of the table (a lone number elsewhere: a cell's)
        elif rows:
            rows[-1][2].append(line)
        elif centred and not is_unit_statement(line.text):
            pre.append(line)
        elif unread is not None and line.text.strip():
            unread.append(k)
        k += 1
    return _centre(pre, rows, starts) if centred else (rows, _Centring())


def _centre(pre: list[_Line], rows: list[_Row], starts: list[tuple[int, int, int]]) -> tuple[list[_Row], _Centring]:
    """Rows re-cut for cells centred on their row, as a tool that writes a table by printed line
    returns them: the number's line is the middle one of its row (every cell is centred on the
    same middle, so as many printed lines stand above it as below), so a row keeps as many lines
    after its number as stood before it, and the rest open the next row. A row does not run
    across a page here: lines of another page than its number's go to the row of their page.
    Also counts what tells a centred table from one whose rows start at their number (`_Centring`)."""
    out: list[_Row] = []
    found = _Centring()
    carry = pre
    for (code, group, row_lines), (page, head, index) in zip(rows, starts, strict=True):
        if out:
            out[-1][2].extend(ln for ln in carry if ln.page != page)
        above = [ln for ln in carry if ln.page == page]
        want = sum(1 for ln in above if ln.text.strip())
        after = row_lines[head:]
        if want and not group:  # (a number alone on its line: the line after it)
            found.halves += 1
            opening = row_lines[0].text if head else next((ln.text for ln in after if ln.text.strip()), "")
            found.name_middles += opening.strip()[:1].isupper()
        j = 0
        while j < len(after) and want > 0 and after[j].page == page:
            want -= bool(after[j].text.strip())
            j += 1
        found.short += want > 0 and (j == len(after) or after[j].page == page)
        # a number alone on its line keeps that line (empty) as the row's middle one
        middle = row_lines[:head] or [_Line("", index, page)]
        out.append((code, group, above + middle + row_lines[head:head + j]))
        carry = after[j:]
    if out:
        out[-1][2].extend(carry)
    return out, found


def _centred_reading(as_is: list[_Row], centred: list[_Row], found: _Centring, pre: list[_Line]) -> bool:
    """Is the centred reading of a table's rows the right one? Only if nearly every row has as many
    lines below its number as above (at most TEXT_CENTRED_SHORT_SHARE of them fewer), and either it
    finds rows the as-is reading refused (numbers printed on a row's middle line, before "%" or a
    wrapped word), or lines stand between the header and the first number (not a unit statement:
    the upper half of the first row), or most rows with lines above their number do not open a
    name on the number's line (where rows start at their number, the name starts there)."""
    if found.short > settings.TEXT_CENTRED_SHORT_SHARE * len(centred):
        return False
    return len(centred) > len(as_is) or any(ln.text.strip() and not is_unit_statement(ln.text) for ln in pre) \
        or (found.halves > 0 and 2 * found.name_middles < found.halves)


def _header_tail(text: str, printed: set[str]) -> bool:
    """Is this short line the wrapped tail of a header's column names: most of its words (allowing
    an OCR's slips) printed in the header lines above it, the others words of column names?"""
    words = header_words(text)
    if not words or len(words) > settings.TEXT_HEADER_TAIL_WORDS or _ROW_START.match(text):
        return False
    seen = [any(fuzz.ratio(w, p) >= settings.TEXT_HEADER_TAIL_MATCH for p in printed) for w in words]
    # the rest may be column-name words the header lines split or glued ("thuchién" / "hiện")
    return 2 * sum(seen) >= len(words) and all(s or w in column_name_words() for s, w in zip(seen, words, strict=True))


_ROW_START = re.compile(r"^\s*(?:\d|[IVX]+\b)")


TOTAL_CODE = ""  # the code of an unnumbered total row in `_rows`' output
_AMOUNT_AT_END = re.compile(r"(?:^|\s)\d[\d.,]*\s*$")


def _total_line(text: str) -> bool:
    """A budget table's total line: a total label ("Tổng cộng", "Cộng") and its amount at the end."""
    m = _AMOUNT_AT_END.search(text)
    return m is not None and is_total_label(text[:m.start()].strip())


def _wants_amount(row_lines: list[_Line]) -> bool:
    """Has this budget row's text no amount yet? Then a lone number under it is its amount: a
    PDF-to-text tool writes the amount cell after the name's wrapped lines, alone on a line."""
    printed = [ln.text for ln in row_lines if ln.text.strip()]
    return bool(printed) and not any(_AMOUNT_AT_END.search(t) for t in printed)


def _layout_grid(lines: list[_Line], h: TextHeader, end: int, caption: str) -> Grid | None:
    """A table from layout text (pdftotext -layout), read by character columns; None if it is not one."""
    if not is_layout([ln.text for ln in lines[h.start:end]]):
        return None
    start = h.start
    # a header centred on its row prints the first line of a wrapped name above the STT line
    while start > 0 and h.start - start < 2 and lines[start - 1].text.strip() \
            and len(lines[start - 1].text.split()) <= settings.TEXT_LAYOUT_HEADER_WORDS \
            and not is_unit_statement(lines[start - 1].text):
        start -= 1
    got = read_layout_table([ln.text for ln in lines[start:h.end]], [ln.text for ln in lines[h.end:end]],
                            [ln.page for ln in lines[h.end:end]])
    if got is None:
        return None
    _roles, names, rows = got
    table: list[list[str | None]] = [list(names)]
    for code, group, texts in rows:
        if group:
            title = collapse(" ".join(texts[1:]))
            table.append([code, title] + [None] * (len(names) - 2))
        else:
            table.append(texts)
    first, last = lines[h.start], lines[end - 1]
    return Grid.from_rows(table, page=first.page, method=METHOD, caption=caption,
                          bbox=(0.0, float(first.index), 0.0, float(last.index)))


def _grid(lines: list[_Line], h: TextHeader, end: int, caption: str, vocab: Vocabulary,
          unread: list[int] | None = None) -> Grid:
    if (layout := _layout_grid(lines, h, end, caption)) is not None:
        return layout
    numeric_result = "unit_of_measure" in h.roles
    doubtful: list[int] = []
    rows, _ = _rows(lines, h, end, unread)
    is_centred = False
    printed = [k for k in range(h.end, end) if lines[k].text.strip()]
    span = lines[printed[0]:printed[-1] + 1] if printed else []
    # a tool that writes a table by printed line leaves no blank line inside it (blank lines part
    # blocks of text written one after another: no reading by line can hold there)
    by_line = sum(1 for ln in span if not ln.text.strip()) <= settings.TEXT_CENTRED_BLANK_SHARE * len(span)
    if unread is not None and by_line:
        # lines between the header and the first number (a note, or the upper half of a first row
        # centred on its number), the lines after each number: the row's, or the next row's upper half
        left: list[int] = []
        centred, found = _rows(lines, h, end, left, centred=True)
        if _centred_reading(rows, centred, found, [lines[k] for k in unread]):
            rows, is_centred = centred, True
            unread[:] = left
    roles, names = _weigh_orders(h, rows, numeric_result, vocab, is_centred)
    value_roles = roles[1:]
    table: list[list[str | None]] = [list(names)]
    for code, group, row_lines in rows:
        if group:
            title = collapse(" ".join(ln.text for ln in row_lines))
            table.append([code, title] + [None] * (len(roles) - 2))
            continue
        texts = [ln.text for ln in row_lines]
        if code == TOTAL_CODE:
            m = _AMOUNT_AT_END.search(texts[0])
            row: list[str | None] = [None] * len(roles)
            row[1], row[roles.index("amount")] = texts[0][:m.start()].strip(), m.group(0).strip()
            table.append(row)
            continue
        if sum(len(t.split()) for t in texts) > settings.TEXT_MAX_ROW_WORDS:
            # no row number for pages on end (a numbering the rules missed): kept whole, flagged
            doubtful.append(len(table))
            table.append([code, "\n".join(texts)] + [""] * (len(value_roles) - 1))
            continue
        cells = (split_centred_row(texts, value_roles, numeric_result, vocab) if is_centred else None) \
            or split_row(texts, value_roles, numeric_result, vocab, is_centred)
        table.append([code] + [cells.get(c, "") for c in range(len(value_roles))])
    first = lines[h.start]
    last = lines[end - 1] if end > 0 else first
    grid = Grid.from_rows(table, page=first.page, method=METHOD, caption=caption,
                          bbox=(0.0, float(first.index), 0.0, float(last.index)))
    for c in grid.cells:
        if c.row in doubtful:
            c.confidence = settings.TEXT_DOUBTFUL_CONFIDENCE  # the interpreter flags it low_confidence
    return grid


def _weigh_orders(h: TextHeader, rows: list[_Row], numeric_result: bool, vocab: Vocabulary,
                  centred: bool) -> tuple[list[str], list[str]]:
    """The roles (None read as a note) and names of the header's columns, in the order its rows read
    best in. A centred header may leave a column's place open (`TextHeader.others`): each order is
    weighed by how well the first lines of the first TEXT_HEADER_ORDER_ROWS rows read as cells in
    it (the best-path score), and the order the lines and plans' habits gave wins a tie. Rows that
    are centred themselves keep that order: their lines show only the cells tall enough to reach them."""
    def roles_of_order(roles: list[str | None]) -> list[str]:
        return [r or "note" for r in roles]

    best_roles, best_names = roles_of_order(h.roles), list(h.texts)
    if not h.others or centred:  # (a centred row's lines hold only the cells tall enough: no order shows)
        return best_roles, best_names
    # a row whose cells start at its number prints every cell's first line on its first line, in
    # column order: the line that tells the order (later lines hold only the cells that wrap)
    sample = [[next(ln.text for ln in row_lines if ln.text.strip())] for code, group, row_lines in rows
              if not group and code != TOTAL_CODE and any(ln.text.strip() for ln in row_lines)]
    sample = sample[:settings.TEXT_HEADER_ORDER_ROWS]
    words = [row_words(texts) for texts in sample]

    def fit(roles: list[str]) -> float:
        return sum(best_path(w, roles[1:], numeric_result, vocab)[1] for w in words)

    best = fit(best_roles)
    for other_roles, other_names in h.others:
        roles = roles_of_order(other_roles)
        if (score := fit(roles)) > best:
            best, best_roles, best_names = score, roles, list(other_names)
    return best_roles, best_names


def _header_block(lines: list[_Line], body: list[_Line]) -> list[_Line]:
    """The body lines reordered so the header block comes first, before "KẾ HOẠCH".

    A text extraction may write the header block (organ, "CỘNG HÒA ...", number
    and date) after the body it heads, as it met the text boxes; the header
    parser reads it from the top of the first pages, so it is moved there.
    """
    doc_at = next((i for i, ln in enumerate(body) if fold(ln.text).rstrip(" :") in DOCUMENT_TYPES
                   and _is_upper(ln.text)), None)
    if doc_at is None:
        return body
    above = body[max(0, doc_at - settings.TEXT_HEADER_BLOCK_LINES):doc_at]
    if any("cong hoa" in fold(ln.text) for ln in above):
        return body
    for i, ln in enumerate(body):
        if i == doc_at or not _is_upper(ln.text) or not fold(ln.text).startswith(_ORGANS):
            continue
        window = body[i:i + 8]
        if any("cong hoa" in fold(w.text) for w in window):
            block: list[_Line] = []
            for w in body[i:i + settings.TEXT_HEADER_BLOCK_LINES]:
                f = fold(w.text)
                if f.startswith("phu luc") or (f.rstrip(" :") in DOCUMENT_TYPES and _is_upper(w.text)):
                    break
                block.append(w)
            ids = {id(b) for b in block}
            rest = [b for b in body if id(b) not in ids]
            top_page = body[0].page
            return [_Line(b.text, b.index, top_page) for b in block] + rest
    return body


_COLUMN_GAP = re.compile(r" {6,}")


def _pages(body: list[_Line]) -> list[PageText]:
    """Page texts. Layout text (a line with a wide gap: two columns side by side, as the header
    block and the signature print) gets geometry from character positions, its columns cut
    into separate segments, so the header parser can follow a column as on a PDF page."""
    geometry = any(_COLUMN_GAP.search(ln.text.strip()) for ln in body)
    pages: dict[int, list[TextLine]] = {}
    for ln in body:
        if not ln.text.strip():
            continue
        if geometry:
            for m in re.finditer(r"\S+(?: {1,5}\S+)*", ln.text):
                pages.setdefault(ln.page, []).append(TextLine(
                    text=collapse(m.group(0)), x0=float(m.start()), top=float(ln.index), x1=float(m.end()),
                    bottom=float(ln.index) + 0.9))
            continue
        indent = len(ln.text) - len(ln.text.lstrip())
        pages.setdefault(ln.page, []).append(TextLine(text=collapse(ln.text), x0=float(indent), top=float(ln.index),
                                                       x1=float(indent), bottom=float(ln.index)))
    n_pages = max(pages, default=1)
    return [PageText(page=p, lines=pages.get(p, [])) for p in range(1, n_pages + 1)]


def parse_text(text: str) -> ParsedSource:
    """Pages and grids of a decoded plain-text plan."""
    # accent-less text is restored later, on the grids and page lines (pipeline.build_records)
    lines = _split_pages(text)
    tables = _find_tables(lines)
    vocab = Vocabulary.of(text)
    grids: list[Grid] = []
    in_table: set[int] = set()
    prev_end = 0
    for h, end in tables:
        above = [k for k in range(prev_end, h.start) if lines[k].text.strip()][-_CAPTION_LINES:]
        unread: list[int] = []
        grids.append(_grid(lines, h, end, "\n".join(lines[k].text.strip() for k in above), vocab, unread))
        # the appendix title belongs to the table, not to the body (nor to the signature above it)
        titled = [k for k in above if fold(lines[k].text).startswith("phu luc")]
        in_table.update(range(titled[0] if titled else h.start, end))
        in_table.difference_update(unread)  # not read as table rows: kept as page text, not dropped
        prev_end = end
    body = [ln for k, ln in enumerate(lines) if k not in in_table]
    pages = _pages(_header_block(lines, _split_signature_columns(_split_header_columns(body))))
    # a plan without tables still reports its page count from the whole file
    page_count = max((ln.page for ln in lines), default=1)
    while len(pages) < page_count:
        pages.append(PageText(page=len(pages) + 1, lines=[]))
    return ParsedSource(pages=pages, grids=grids, method=METHOD, page_count=page_count)


def parse_text_file(path: Path) -> ParsedSource:
    """A .txt plan, its encoding decided by content (ingest/encodings.py)."""
    decoded = read_text(path)
    if not decoded.text.strip():
        raise EmptyInput("text file holds only white space")
    return parse_text(decoded.text)

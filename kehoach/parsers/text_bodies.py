"""Where one body's name ends and the next begins on one flattened line.

Inside a unit cell a plan lists several bodies with a separator ("Phòng Kinh
tế; TTPVHCC xã", "A, B") or one per printed line. When a PDF-to-text tool
joins two neighbouring cells on one output line ("Văn phòng / HĐND&UBND Phòng
Kinh tế xã"), the two names stand side by side with nothing between them: a
complete catalog body ("HĐND&UBND", "CA phường") then a body's head word
("Phòng"). That juxtaposition is a cell boundary far more often than a list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kehoach.normalize import catalog

# a word ending like this lists another body after it, in the same cell
LIST_SEPARATOR = re.compile(r"[;,]$")
# how many words back a complete name is looked for (the catalog's longest common names:
# "Trung tâm Phục vụ hành chính công" is 6 words)
_NAME_WORDS = 6
# a fuzzy catalog match this close counts as the whole name (the catalog's own cut-off is looser:
# it must name a mention, here it must tell a name is complete)
_COMPLETE_SCORE = 85.0


def is_whole_body(text: str) -> bool:
    """Is `text` one whole catalog body's name (a close match, not a mention)?"""
    m = catalog.bodies().match(text)
    return m is not None and m.score >= _COMPLETE_SCORE


def juxtaposed(words: Sequence[str], line_starts: Sequence[bool], heads: Sequence[bool]) -> list[bool]:
    """For each word: a body's head word right after a complete body's name on the same line, with
    no separator or joining word between ("CA phường Văn phòng ...", "HĐND&UBND Phòng ...")."""
    out = [False] * len(words)
    for i in range(len(words)):
        if not heads[i] or line_starts[i] or i == 0 or LIST_SEPARATOR.search(words[i - 1]):
            continue
        lo = i
        while lo > 0 and i - lo < _NAME_WORDS and not line_starts[lo] and not LIST_SEPARATOR.search(words[lo - 1]):
            lo -= 1
        out[i] = any(is_whole_body(" ".join(words[k:i])) for k in range(lo, i) if heads[k] or k == lo)
    return out


def in_named_body(words: Sequence[str], line_starts: Sequence[bool], heads: Sequence[bool]) -> list[bool]:
    """For each word: is it part of a whole catalog body's name printed on one line, from a head word
    on ("Phòng VH-XH", "TTDVTH phường")? Abbreviations the catalog knows only as whole spellings
    ("VH-XH", "KT,HT&ĐT") look like no body word one by one; the name as a whole does."""
    out = [False] * len(words)
    for k in range(len(words)):
        if not heads[k]:
            continue
        end = k + 1
        while end < len(words) and end - k < _NAME_WORDS and not line_starts[end]:
            end += 1
        for j in range(end, k, -1):  # the longest whole name from k
            if is_whole_body(" ".join(words[k:j])):
                out[k:j] = [True] * (j - k)
                break
    return out

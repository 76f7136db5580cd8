"""Restore the diacritics of accent-less or English-OCR-garbled Vietnamese text.

Each word token becomes a slot of candidates: the accented syllables whose stripped form is
the token's (or one the OCR confusion rules reach), each with the rule's cost. Numbers,
codes ("57-NQ/TW", "UBND") and capitalised abbreviations inside running text are fixed
slots, kept as printed. A second-order Viterbi search (pruned to a beam) picks the sequence
the trigram model and the costs like best; the printed case (upper, title, lower) and
every character between tokens are kept.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from kehoach import settings
from kehoach.ingest.quality import marked_share
from kehoach.normalize.accents import confusion
from kehoach.normalize.accents.model import BOS, NUM, Model, load
from kehoach.normalize.accents.syllables import (
    TOKEN,
    apply_case,
    case_of,
    classic_tone,
    is_roman,
    is_syllable_shape,
    nfc,
    ocr_key,
    strip,
)

# punctuation that ends a clause: the model's context starts again after it
_BREAK = re.compile(r"[.;:!?()\[\]\"“”]")
_CODE_JOINER = "-/&."
# a number glued to a word by the OCR or the typist ("2thang", "thang10"): the word is restored
_GLUED = re.compile(r"^(\d*)([^\W\d_]{2,})(\d*)$")
_CONFUSABLE_DIGITS = set("01468")  # digits an English OCR prints for Vietnamese letters (0 6 8: o, 1: l, 4: ã)


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    restored: str
    confidence: float = 1.0
    restorable: bool = False


@dataclass(slots=True)
class Restoration:
    """The restored text, what each word became and how sure the model is."""

    text: str
    original: str
    tokens: list[Token] = field(default_factory=list)
    confidence: float = 1.0  # mean confidence over restorable tokens

    @property
    def changed(self) -> bool:
        return self.text != self.original

    @property
    def low_confidence_tokens(self) -> list[Token]:
        return [t for t in self.tokens if t.restorable and t.confidence < settings.ACCENT_TOKEN_LOW]

    def doubtful(self, start: int = 0, end: int | None = None) -> bool:
        """Whether a restored word in text[start:end] (original offsets) is below `ACCENT_TOKEN_LOW`:
        on held-out text such lines are wrong half the time, the others one time in thirteen."""
        end = len(self.original) if end is None else end
        return any(start <= t.start < end for t in self.low_confidence_tokens)


def _heading_words(matches: list[re.Match[str]]) -> set[int]:
    """Indexes of capitalised words standing next to another capitalised syllable: a heading in
    capitals beside text in lower case on one printed line ("BAN CHI DAO    Doc lap"), not codes."""
    caps = [len(m.group()) > 1 and m.group().isupper() and is_syllable_shape(strip(m.group())) for m in matches]
    return {i for i, c in enumerate(caps) if c and ((i > 0 and caps[i - 1]) or (i + 1 < len(caps) and caps[i + 1]))}


def _is_code(text: str, m: re.Match[str], mostly_upper: bool) -> bool:
    """A number, a document code or an abbreviation: kept as printed."""
    tok = m.group()
    if not any(c.isalpha() for c in tok):
        return True
    if any(c.isdigit() for c in tok):
        digits = {c for c in tok if c.isdigit()}
        return not (digits <= _CONFUSABLE_DIGITS and len(tok) <= 6 and sum(c.isdigit() for c in tok) <= 2)
    before = text[m.start() - 1] if m.start() > 0 else " "
    after = text[m.end()] if m.end() < len(text) else " "
    if (tok.isupper() or any(c.isupper() for c in tok[1:])) and (
            before in _CODE_JOINER or after in _CODE_JOINER and after != "."):
        return True  # "KH-UBND", "57-NQ/TW", "HĐND&UBND", "06/QĐ-TTg" (mixed case: no syllable's)
    if tok.isupper() and not mostly_upper and (len(tok) > 1 or is_roman(tok)):
        return True  # "UBND", "CA", "VH" inside running text; a Roman numeral "I"
    if tok.isupper() and len(tok) > 1 and not any(c in "AEIOUY" for c in strip(tok).upper()):
        return True  # capitals without a vowel: "STT", "TT", "KT" (a garbled syllable keeps one)
    return is_roman(tok) and len(tok) > 1 and tok.isupper()


# abbreviations of bodies and document types (Decree 30/2020, appendix III) whose printed form has
# a "Đ" that a text without diacritics writes "D"; only unambiguous ones ("HD" is both "hướng dẫn"
# and "hợp đồng", so it stays as printed)
ABBREVIATIONS = {"HDND": "HĐND", "BCD": "BCĐ", "BCDTW": "BCĐTW", "DU": "ĐU", "QD": "QĐ", "ND": "NĐ",
                 "DTN": "ĐTN", "CDS": "CĐS", "TTDT": "TTĐT", "CNSCD": "CNSCĐ"}


def _letter_spaced(matches: list[re.Match[str]]) -> set[int]:
    """Indexes of tokens in a run of `ACCENT_SPACED_RUN`+ one-letter tokens: letter-spaced print
    ("P h o n g") that an OCR split into letters, not words; kept as read."""
    out: set[int] = set()
    run: list[int] = []
    for n, m in enumerate([*matches, None]):
        if m is not None and len(m.group()) == 1 and m.group().isalpha():
            run.append(n)
            continue
        if len(run) >= settings.ACCENT_SPACED_RUN:
            out.update(run)
        run = []
    return out


def _is_abbreviation(token: str) -> bool:
    """"HĐND", "UBND", "BCĐ": capitals that cannot be one syllable."""
    return len(token) > 1 and token.isupper() and not is_syllable_shape(strip(token))


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _candidates(model: Model, token: str) -> list[tuple[int, float]]:
    """(word id, cost) for one token, cheapest first, at most `ACCENT_MAX_CANDIDATES`."""
    key = ocr_key(token) if marked_share(token)[1] == 0 else strip(token)
    out: list[tuple[int, float]] = []
    caps = len(token) > 1 and token.isupper()
    short = len(token) == 1 or (caps and len(token) <= 2)
    for k, cost in confusion.candidate_keys(key, model.known_key, edits=not caps, letter_rules=not short):
        for wid in model.by_key[k]:
            out.append((wid, cost))
    if not out:
        return []
    out.sort(key=lambda p: p[1] - math.log(model.uni[p[0]]))
    return out[: settings.ACCENT_MAX_CANDIDATES]


def _decode(model: Model, slots: list[list[tuple[int, float]]]) -> tuple[list[int], list[float]]:
    """Best word id per slot and a confidence per slot (local posterior of the chosen word)."""
    bos = model.index[BOS]
    score_of = model.score
    beam: dict[tuple[int, int], float] = {(bos, bos): 0.0}
    back: list[dict[tuple[int, int], tuple[int, int]]] = []  # per step: state -> the state it came from
    for cands in slots:
        nxt: dict[tuple[int, int], float] = {}
        came: dict[tuple[int, int], tuple[int, int]] = {}
        for state, score in beam.items():
            u, v = state
            for w, cost in cands:
                s = score + score_of(u, v, w) - cost
                key = (v, w)
                if s > nxt.get(key, -1e18):
                    nxt[key] = s
                    came[key] = state
        if len(nxt) > settings.ACCENT_BEAM:
            nxt = dict(sorted(nxt.items(), key=lambda kv: -kv[1])[: settings.ACCENT_BEAM])
        beam = nxt
        back.append(came)
    best: list[int] = []
    if slots:
        state = max(beam, key=beam.__getitem__)
        for came in reversed(back):
            best.append(state[1])
            state = came[state]
        best.reverse()
    conf = []
    for i, cands in enumerate(slots):
        if len(cands) == 1:
            conf.append(1.0)
            continue
        u = best[i - 2] if i >= 2 else bos
        v = best[i - 1] if i >= 1 else bos
        local = []
        for w, cost in cands:
            s = model.score(u, v, w) - cost
            if i + 1 < len(best):
                s += model.score(v, w, best[i + 1])
            if i + 2 < len(best):
                s += model.score(w, best[i + 1], best[i + 2])
            local.append(s)
        top = max(local)
        z = sum(math.exp(s - top) for s in local)
        chosen = next(k for k, (w, _) in enumerate(cands) if w == best[i])
        conf.append(math.exp(local[chosen] - top) / z)
    return best, conf


def restore(text: str, model: Model | None = None) -> Restoration:
    """Accented text for accent-less (or English-OCR) Vietnamese; text with its diacritics comes back as is."""
    text = nfc(text)
    if not needs_restoration(text):
        return Restoration(text=text, original=text)
    model = model or load()
    line_upper = [(m.start(), _mostly_upper(m.group())) for m in re.finditer(r"[^\n]*", text)]
    # clauses, each decoded on its own; a line break is a wrap, not the end of a clause
    segments: list[list[tuple[re.Match[str], list[tuple[int, float]], bool, tuple[str, str]]]] = [[]]
    last = 0
    k = 0
    matches = list(TOKEN.finditer(text))
    spaced = _letter_spaced(matches)
    heading = _heading_words(matches)
    for n, m in enumerate(matches):
        while k + 1 < len(line_upper) and line_upper[k + 1][0] <= m.start():
            k += 1
        if _BREAK.search(text, last, m.start()):
            segments.append([])
        last = m.end()
        glued = _GLUED.match(m.group())
        digits = glued.group(1) + glued.group(3) if glued else ""
        if glued and digits and not (len(digits) == 1 and digits in _CONFUSABLE_DIGITS) \
                and marked_share(glued.group(2))[1] == 0 and not glued.group(2).isupper():  # "1ap" is "lập"
            cands = _candidates(model, glued.group(2))
            segments[-1].append((m, cands or [(model.index[NUM], 0.0)], bool(cands),
                                 (glued.group(1), glued.group(3))))
            continue
        if n in spaced or _is_code(text, m, line_upper[k][1] or n in heading) or marked_share(m.group())[1] > 0:
            tok = m.group()  # a word printed with its Vietnamese marks is never changed
            fixed = model.index[NUM] if tok.isdigit() else model.id_of(classic_tone(tok.lower()))
            segments[-1].append((m, [(fixed, 0.0)], False, ("", "")))
            continue
        cands = _candidates(model, m.group())
        segments[-1].append((m, cands or [(model.id_of(m.group().lower()), 0.0)], bool(cands), ("", "")))
    tokens: list[Token] = []
    out: list[str] = []
    cursor = 0
    for seg in segments:
        if not seg:
            continue
        ids, conf = _decode(model, [c for _, c, _, _ in seg])
        for (m, _, restorable, (pre, post)), wid, c in zip(seg, ids, conf, strict=True):
            word = m.group()[len(pre): len(m.group()) - len(post)]
            surface = pre + apply_case(model.vocab[wid], case_of(word)) + post if restorable \
                else ABBREVIATIONS.get(m.group(), m.group())
            out += [text[cursor:m.start()], surface]
            cursor = m.end()
            tokens.append(Token(m.group(), m.start(), m.end(), surface, c, restorable))
    out.append(text[cursor:])
    restored = "".join(out)
    scored = [t.confidence for t in tokens if t.restorable]
    return Restoration(text=restored, original=text, tokens=tokens,
                       confidence=sum(scored) / len(scored) if scored else 1.0)


def needs_restoration(text: str | None) -> bool:
    """Text written without Vietnamese diacritics (a page, a line or a cell).

    Long text is judged by the share of letters carrying a Vietnamese-only mark
    (ingest/quality.py); a short string (a cell, a name) has too few letters for a share, so
    it needs restoring when it carries no mark at all and holds a word the model knows only
    with accents ("Cong an xa"), not when it is a code or a foreign word ("UBND", "Viettel").
    """
    if not text or not text.strip():
        return False
    letters, share = marked_share(text)
    if 0 < letters < settings.ACCENT_SHORT_LETTERS:
        # the marks of a code ("HĐND xa") say nothing of the words around it
        letters, share = marked_share(" ".join(t for t in TOKEN.findall(text) if not _is_abbreviation(t)))
    if letters >= settings.ACCENT_SHORT_LETTERS:
        return share < settings.ACCENT_MAX_MARKED_SHARE
    if share > 0:
        return False
    model = load()
    for m in TOKEN.finditer(text):
        tok = m.group()
        if _is_code(text, m, _mostly_upper(text)):
            continue
        key = strip(tok)
        ids = model.by_key.get(key, [])
        if ids and model.vocab[ids[0]] != tok.lower():
            return True
        if not ids and confusion.candidate_keys(key, model.known_key):
            return True  # a garbled syllable ("s6", "Pang")
    return False

"""How an OCR engine without Vietnamese misreads Vietnamese letters, as rewrite rules with a cost.

An English model has no glyph for ơ, ư, ô, ă, đ or the stacked tone marks, so it reads each as
the nearest Latin shape it knows: ô as "6" or "o", ố as "d" or "b" (the mark fused with the
bowl), ư as "w" or "u", ứ as "ir", "it" or "tf" (the horn read as a second letter), ủ as "ti"
or "ii", đ as "P" or "D", ộ as "Q", l as "1", i as "l" or "j". Each rule maps a garbled piece
back to the stripped (accent-less) letters it stands for; the cost (natural-log units, like
the language model's scores) says how rarely the engine makes that mistake. Candidates are
the stripped keys the rules (at most `MAX_REWRITES` of them) or one plain edit reach, kept
only when the model knows them as syllables.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from kehoach import settings

# garbled piece -> (stripped piece it stands for, cost)
RULES: tuple[tuple[str, str, float], ...] = (
    # ô / ơ / ố / ổ: the hat or horn read as a digit or another bowl
    ("6", "o", 0.5), ("0", "o", 1.0), ("8", "o", 2.0), ("d", "o", 2.5), ("b", "o", 2.5), ("q", "o", 2.0),
    ("g", "o", 1.5), ("a", "o", 3.0), ("e", "o", 3.0), ("c", "o", 3.0), ("6e", "o", 0.5),
    # á / ã / â: the mark fused with the bowl ("cdc" for "các", "x4" for "xã")
    ("d", "a", 1.5), ("4", "a", 0.5),
    # đ / Đ: the barred D read as P, or as D
    ("p", "d", 1.0), ("o", "d", 3.0),
    # ư / ứ / ừ / ự / ủ / ú: the horn or the mark read as a letter of its own
    ("w", "u", 0.5), ("ir", "u", 1.0), ("it", "u", 1.0), ("tf", "u", 1.0), ("tr", "u", 2.0), ("ur", "u", 1.5),
    ("ti", "u", 1.0), ("ii", "u", 1.0), ("i", "u", 2.0), ("y", "u", 2.0), ("g", "u", 2.5), ("tt", "u", 1.5),
    ("tv", "u", 1.0), ("iv", "u", 1.0), ("if", "u", 1.0),
    ("a", "u", 3.0), ("wo", "uo", 0.5),
    # ă / â / ấ: the breve or hat read as another vowel
    ("i", "a", 2.5), ("e", "a", 2.5), ("o", "a", 3.0),
    # l / i / 1 / j
    ("1", "l", 0.5), ("1", "i", 1.0), ("l", "i", 1.5), ("j", "i", 0.5), ("i", "l", 2.5), ("f", "t", 2.5),
    # c / e, m / rn, h / li: letter shapes merged or split
    ("e", "c", 2.0), ("c", "e", 2.5), ("rn", "m", 1.5), ("li", "h", 2.5),
    # a stacked mark read as a symbol: ệ / ề as "¢" or "€", ỹ / ỷ as "§"
    ("¢", "e", 0.5), ("€", "e", 0.5), ("§", "y", 0.5),
)
_ALPHABET = "abcdeghiklmnopqrstuvxy"
# An English engine prints é (or è) where it saw a vowel with a stacked mark: ế, ệ, ể, but as
# often ố, ộ, ổ, ở ("bé" for "bộ", "phéi" for "phối"). The é is kept in the OCR key, and read
# as e (free) or as o (a small cost) before the other rules apply.
MARKED_E = "é"
_MARKED_E_READINGS = (("e", 0.0), ("o", 0.5))


def _rewrites(token: str, depth: int, rules: tuple[tuple[str, str, float], ...] = RULES) -> dict[str, float]:
    """Every string reached from `token` by up to `depth` non-overlapping rule applications, cheapest cost."""
    out = {token: 0.0}
    frontier = {(token, 0): 0.0}  # (string, position from which rewrites may start) -> cost
    for _ in range(depth):
        nxt: dict[tuple[str, int], float] = {}
        for (s, start), cost in frontier.items():
            for i in range(start, len(s)):
                for src, dst, c in rules:
                    if s.startswith(src, i):
                        t = s[:i] + dst + s[i + len(src):]
                        total = cost + c
                        key = (t, i + len(dst))
                        if total < nxt.get(key, 1e9):
                            nxt[key] = total
                        if total < out.get(t, 1e9):
                            out[t] = total
        frontier = nxt
    return out


def _edits1(word: str) -> set[str]:
    """Deletions, substitutions and insertions of one letter."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    out |= {a + c + b for a, b in splits for c in _ALPHABET}
    return out


# for one- and two-letter capitals: digits read as letters, and the barred D read as P ("PE" for "ĐỀ")
DIGIT_RULES = tuple(r for r in RULES if any(ch.isdigit() for ch in r[0]) or r[:2] == ("p", "d"))


@lru_cache(maxsize=65536)
def candidate_keys(garbled: str, known: Callable[[str], bool], edits: bool = True,
                   letter_rules: bool = True) -> tuple[tuple[str, float], ...]:
    """Stripped syllable keys the (lower-case, stripped) token may stand for, with their cost.

    The token itself costs nothing when it is a known key; a rule or an edit then costs
    `GARBLE_ON_VALID` more, since a well-formed syllable is usually read right. A plain
    one-letter edit costs `ACCENT_EDIT_COST` and is tried only when no rule reaches a key (and
    not for a word in capitals, mostly an abbreviation: "STT" is no misread "SỰ"). Without
    `letter_rules` only digits (and P for Đ) are read as letters: a lone "B" or "UB" (a cut word, a code)
    is not a misread "Ở".
    """
    valid = known(garbled)
    extra = settings.ACCENT_GARBLE_ON_VALID if valid else 0.0
    found: dict[str, float] = {garbled: 0.0} if valid else {}
    bases = [(garbled.replace(MARKED_E, e), c) for e, c in _MARKED_E_READINGS] if MARKED_E in garbled \
        else [(garbled, 0.0)]
    for base, base_cost in bases:
        rules = RULES if letter_rules else DIGIT_RULES
        for s, cost in _rewrites(base, settings.ACCENT_MAX_REWRITES, rules).items():
            if s != garbled and known(s):
                found[s] = min(found.get(s, 1e9), base_cost + cost + extra)
    garbled = bases[0][0]
    if not found and edits and len(garbled) >= 2:
        for s in _edits1(garbled):
            if known(s):
                found[s] = settings.ACCENT_EDIT_COST
    return tuple(sorted(found.items(), key=lambda kv: kv[1]))

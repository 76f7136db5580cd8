"""Is a token a well-formed Vietnamese syllable? Orthography rules, not a word list.

A Vietnamese syllable is written onset + rhyme + at most one tone mark. The
onsets and rhymes are closed sets, and a few spelling rules hold without
exception (k/gh/ngh before e, ê, i, y and c/g/ng elsewhere; a rhyme closed by
p, t, c or ch takes only the acute or the dot-below tone). A text layer whose
glyphs are mapped to the wrong Unicode ("6ӕ 4ĉ6&7"), or written by an OCR
without Vietnamese ("Ké hoach", "lap"), breaks these rules on many tokens; real
Vietnamese text breaks them only on abbreviations and foreign names. Checking
the rules instead of a dictionary keeps the check small, fast and free of data.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# tone marks (combining, after NFD): grave, acute, tilde, hook above, dot below
TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
STOP_TONES = frozenset("\u0301\u0323")  # the only tones a rhyme closed by p, t, c, ch can take

ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
          "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")
FRONT = frozenset("eêiy")  # vowels after which c/g/ng are spelt k/gh/ngh

_BASE_RHYMES = """
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich iêc iêm iên iêng iêp iêt iêu im in inh ip it iu
y yêm yên yêng yêt yêu
o oc oi om on ong op ot oong ooc
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung uôc uôi uôm uôn uông uôt up ut
ư ưa ưc ưi ưm ưn ưng ươc ươi ươm ươn ương ươp ươt ươu ưt ưu
ak ăk âk ek êk ik ok ôk uk ưk
"""
# (the -k rhymes write place names from the Central Highlands' languages: Đắk Lắk, Đắk Nông, Buôn Đôn)
# rhymes with the medial o/u (hoa, khoẻ, thuế, tuyên): not after qu, whose u is the medial already
_MEDIAL_RHYMES = """
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet
uân uâng uât uây uê uêch uênh uơ uy uya uych uyên uyêt uyn uynh uyp uyt uyu
"""
BASE_RHYMES = frozenset(_BASE_RHYMES.split())
RHYMES = BASE_RHYMES | frozenset(_MEDIAL_RHYMES.split())
STOP_ENDINGS = ("c", "ch", "p", "t", "k")

# every lower-case letter a Vietnamese syllable may contain once its tone is removed
VIETNAMESE_LETTERS = frozenset("abcdeghiklmnopqrstuvxyăâđêôơư")


def split_tone(token: str) -> tuple[str, str] | None:
    """(the lower-case token without its tone mark, the tone mark or ""); None for two tones."""
    tones = ""
    kept = []
    for ch in unicodedata.normalize("NFD", token.lower()):
        if ch in TONES:
            tones += ch
        else:
            kept.append(ch)
    if len(tones) > 1:
        return None
    return unicodedata.normalize("NFC", "".join(kept)), tones


def _rhyme_ok(onset: str, rhyme: str, tone: str) -> bool:
    if onset == "qu":
        valid = rhyme in BASE_RHYMES and not rhyme.startswith(("u", "o"))
    elif onset == "gi":
        # "gia", "giữa" (gi + rhyme), "gì" (gi alone), "giếng" (g + iêng, the i shared)
        valid = rhyme == "" or (rhyme in RHYMES and not rhyme.startswith(("i", "y"))) or ("i" + rhyme) in RHYMES
    else:
        valid = rhyme in RHYMES
    if not valid:
        return False
    if rhyme.endswith(STOP_ENDINGS) and tone not in STOP_TONES:
        return False
    first = rhyme[:1]
    if onset in ("c", "g", "ng") and first in FRONT:
        return False
    if onset in ("k", "gh", "ngh") and first not in FRONT:
        return False
    return True


@lru_cache(maxsize=65536)
def is_syllable(token: str) -> bool:
    """True when `token` (any case, any tone) spells one Vietnamese syllable."""
    parts = split_tone(token)
    if parts is None:
        return False
    bare, tone = parts
    if not bare or not all(ch in VIETNAMESE_LETTERS for ch in bare):
        return False
    for onset in ONSETS:
        if bare.startswith(onset) and _rhyme_ok(onset, bare[len(onset):], tone):
            return True
    return False


def _alphabet() -> frozenset[str]:
    letters = set("abcdefghijklmnopqrstuvwxyz")  # f, j, w, z: loan words and names
    for base in "aăâeêioôơuưy":
        for tone in ("", *TONES):
            letters.add(unicodedata.normalize("NFC", base + tone))
    letters.add("đ")
    return frozenset(letters | {c.upper() for c in letters})


ALPHABET = _alphabet()  # every precomposed letter of Vietnamese, both cases


def is_vietnamese_letter(ch: str) -> bool:
    """A letter of the Vietnamese alphabet in any case and with any tone (f, j, w, z allowed for loan words)."""
    return ch in ALPHABET

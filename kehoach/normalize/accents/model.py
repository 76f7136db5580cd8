"""The syllable trigram language model: loaded once, lazily, from the file shipped in the package.

Counts are stored (not probabilities) so that the build stays a plain count of the corpus
and the scoring rule can change without a rebuild. Scores use stupid backoff (Brants et al.
2007): relative frequency of the trigram, else `ACCENT_BACKOFF` times that of the bigram,
else of the add-one unigram. It is not a normalised distribution, but the decoder only
compares candidates for the same slot, which it ranks well, and it is cheap to look up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from kehoach import settings
from kehoach.normalize.accents.syllables import is_syllable_shape, strip

MODEL_FILE = "accent_model.npz"
BOS, UNK, NUM = "<s>", "<unk>", "<num>"
SPECIALS = (BOS, UNK, NUM)


@dataclass(slots=True)
class Model:
    vocab: list[str]
    index: dict[str, int]
    uni: list[int]
    bi: dict[int, int]
    tri: dict[int, int]
    lexicon: set[int]  # bigram keys inside a domain phrase (catalog bodies, place names)
    by_key: dict[str, list[int]]  # stripped form -> word ids, most frequent first
    total: int

    @property
    def bos(self) -> int:
        return 0  # SPECIALS come first in the vocabulary

    @property
    def size(self) -> int:
        return len(self.vocab)

    def known_key(self, key: str) -> bool:
        return key in self.by_key

    def id_of(self, word: str) -> int:
        return self.index.get(word, self.index[UNK])

    def score(self, u: int, v: int, w: int) -> float:
        """log-score of w after u v (stupid backoff), plus the domain-phrase bonus."""
        n = self.size
        if v == self.bos:  # text reaches us cut anywhere (a cell, a wrapped line): a clause start says little
            return math.log((self.uni[w] + 1) / (self.total + n))
        bonus = settings.ACCENT_LEXICON_BONUS if (v * n + w) in self.lexicon else 0.0
        c3 = self.tri.get((u * n + v) * n + w)
        if c3:
            return bonus + math.log(c3 / self.bi[u * n + v])
        c2 = self.bi.get(v * n + w)
        if c2:
            return bonus + settings.ACCENT_LOG_BACKOFF + math.log(c2 / self.uni[v])
        return bonus + 2 * settings.ACCENT_LOG_BACKOFF + math.log((self.uni[w] + 1) / (self.total + n))


def from_arrays(arrays: dict[str, np.ndarray]) -> Model:
    vocab = [str(w) for w in arrays["vocab"].tolist()]
    uni = [max(1, int(c)) for c in arrays["uni"].tolist()]
    by_key: dict[str, list[int]] = {}
    for i, w in enumerate(vocab):
        if w not in SPECIALS and is_syllable_shape(strip(w)):
            by_key.setdefault(strip(w), []).append(i)
    for ids in by_key.values():
        ids.sort(key=lambda i: -uni[i])
    return Model(
        vocab=vocab, index={w: i for i, w in enumerate(vocab)}, uni=uni,
        bi=dict(zip(arrays["bi_keys"].tolist(), arrays["bi_counts"].tolist(), strict=True)),
        tri=dict(zip(arrays["tri_keys"].tolist(), arrays["tri_counts"].tolist(), strict=True)),
        lexicon=set(arrays["lex_keys"].tolist()), by_key=by_key, total=sum(uni))


@lru_cache(maxsize=1)
def load() -> Model:
    """The shipped model, read on first use (a few hundred milliseconds, once per process)."""
    with resources.files("kehoach.normalize").joinpath("data", MODEL_FILE).open("rb") as f:
        with np.load(f) as data:
            return from_arrays({k: data[k] for k in data.files})

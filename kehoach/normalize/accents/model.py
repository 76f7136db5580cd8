"""The syllable trigram language model: loaded once, lazily, from the file shipped in the package.

Counts are stored (not probabilities) so that the build stays a plain count of the corpus
and the scoring rule can change without a rebuild. Scores use stupid backoff (Brants et al.
2007): relative frequency of the trigram, else `ACCENT_LOG_BACKOFF` times that of the bigram,
else of the add-one unigram. It is not a normalised distribution, but the decoder only
compares candidates for the same slot, which it ranks well, and it is cheap to look up.
"""

from __future__ import annotations

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
    tri_log: dict[int, float]  # trigram key -> log c(uvw)/c(uv)
    bi_log: dict[int, float]  # bigram key -> backoff + log c(vw)/c(v)
    uni_log: list[float]  # log of the add-one unigram
    lexicon: set[int]  # bigram keys inside a domain phrase (catalog bodies, place names)
    by_key: dict[str, list[int]]  # stripped form -> word ids, most frequent first
    n: int

    @property
    def size(self) -> int:
        return self.n

    def known_key(self, key: str) -> bool:
        return key in self.by_key

    def id_of(self, word: str) -> int:
        return self.index.get(word, self.index[UNK])

    def score(self, u: int, v: int, w: int) -> float:
        """log-score of w after u v (stupid backoff), plus the domain-phrase bonus."""
        if v == 0:  # after <s>: text reaches us cut anywhere (a cell, a wrapped line), a clause start says little
            return self.uni_log[w]
        n = self.n
        vw = v * n + w
        s = self.tri_log.get((u * n + v) * n + w)
        if s is None:
            s = self.bi_log.get(vw)
            if s is None:
                return 2 * settings.ACCENT_LOG_BACKOFF + self.uni_log[w]
        return s + settings.ACCENT_LEXICON_BONUS if vw in self.lexicon else s


def from_arrays(arrays: dict[str, np.ndarray]) -> Model:
    """The model from its stored counts; log-scores computed once here, vectorised, not per lookup."""
    vocab = [str(w) for w in arrays["vocab"].tolist()]
    n = len(vocab)
    uni = np.maximum(arrays["uni"].astype(np.float64), 1.0)
    bi_keys, bi_counts = arrays["bi_keys"], arrays["bi_counts"].astype(np.float64)
    tri_keys, tri_counts = arrays["tri_keys"], arrays["tri_counts"].astype(np.float64)
    bi_log = settings.ACCENT_LOG_BACKOFF + np.log(bi_counts / uni[bi_keys // n])
    context = bi_counts[np.searchsorted(bi_keys, tri_keys // n)]  # c(uv) of each trigram (bi_keys sorted)
    tri_log = np.log(tri_counts / context)
    uni_log = np.log((uni + 1) / (uni.sum() + n))
    uni_list = uni.astype(np.int64).tolist()
    by_key: dict[str, list[int]] = {}
    for i, w in enumerate(vocab):
        if w not in SPECIALS and is_syllable_shape(strip(w)):
            by_key.setdefault(strip(w), []).append(i)
    for ids in by_key.values():
        ids.sort(key=lambda i: -uni_list[i])
    return Model(
        vocab=vocab, index={w: i for i, w in enumerate(vocab)}, uni=uni_list,
        tri_log=dict(zip(tri_keys.tolist(), tri_log.tolist(), strict=True)),
        bi_log=dict(zip(bi_keys.tolist(), bi_log.tolist(), strict=True)),
        uni_log=uni_log.tolist(), lexicon=set(arrays["lex_keys"].tolist()), by_key=by_key, n=n)


@lru_cache(maxsize=1)
def load() -> Model:
    """The shipped model, read on first use (a few hundred milliseconds, once per process)."""
    with resources.files("kehoach.normalize").joinpath("data", MODEL_FILE).open("rb") as f:
        with np.load(f) as data:
            return from_arrays({k: data[k] for k in data.files})

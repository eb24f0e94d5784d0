"""The word lists of the spell checker, loaded once from iki_xl/data/ejaan/.

Sources (see iki_xl/data/ejaan/README.md for licences; tools/spelling_data.py rebuilds the
generated files):
- kata-id.txt.gz: every form of LibreOffice's Indonesian Hunspell dictionary (hunspell-id),
  expanded with its prefixes, suffixes and circumfixes; clitics are stripped at lookup.
- frekuensi-id.tsv.gz: wordfreq's Indonesian words with their Zipf frequency (×10): modern
  words the dictionary lacks, and the ranking of suggestions.
- kata-en.txt.gz: English words (wordfreq) that are not Indonesian.
- baku.tsv, salah-ketik.tsv, inggris.tsv, serapan.txt, tempat.txt: short curated lists, kept
  by hand.

Loading costs ~0.06 s and ~20 MB (measured on the development machine); `kamus()` caches.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

_MAX_REMEMBERED = 20_000  # searches for suggestions kept for words seen again
# clitics a form may carry, longest first; the rest must stay a word of its own
_CLITICS = ("nyalah", "nyakah", "nyapun", "lah", "kah", "pun", "nya", "ku", "mu")
# a stem shorter than this is not taken as a word carrying a clitic ("banya" is not ba + nya)
_MIN_STEM = 3
# affixes that the glued-word split must not take for words ("ter pulih kan")
_AFFIXES = frozenset(
    {
        "ter",
        "ber",
        "per",
        "pen",
        "pem",
        "men",
        "mem",
        "meng",
        "peng",
        "kan",
        "nya",
        "lah",
        "kah",
        "pun",
        "ke",
        "se",
        "an",
    }
)


def _data(name: str) -> bytes:
    return resources.files("iki_xl").joinpath("data", "ejaan", name).read_bytes()


def _lines(name: str) -> list[str]:
    raw = _data(name)
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return [line for line in raw.decode("utf-8").splitlines() if line and not line.startswith("#")]


def _pairs(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _lines(name):
        salah, benar = line.split("\t")
        out[salah.strip().casefold()] = benar.strip()
    return out


@dataclass(eq=False)
class Kamus:
    """The Indonesian word list with its English and non-standard companions."""

    id_forms: frozenset[str]  # hunspell-id forms, lower case
    frequency: dict[str, int]  # wordfreq's Indonesian words → Zipf × 10
    english: frozenset[str]  # English words that are not Indonesian
    baku: dict[str, str]  # non-standard form → standard form
    english_id: dict[str, str]  # English word → Indonesian word
    accepted: frozenset[str]  # loanwords and abbreviations accepted as they are
    places: frozenset[str]  # words that follow the preposition di / ke
    terms: frozenset[str] = frozenset()  # domain terms missing from both lists (istilah.txt)
    typos: dict[str, str] = field(
        default_factory=dict
    )  # known misspelling → word (salah-ketik.tsv)
    _pool: dict[int, list[str]] = field(default_factory=dict, repr=False)
    _stemmer: Any = field(default=None, repr=False)
    _memo: dict[str, bool] = field(default_factory=dict, repr=False)
    _by_length: dict[int, list[str]] = field(default_factory=dict, repr=False)
    _hits: dict[tuple[str, int], list[Any]] = field(default_factory=dict, repr=False)

    def is_indonesian(self, word: str) -> bool:
        """True if `word` (any case) is an Indonesian word form, with or without a clitic.

        A non-standard form (baku.tsv) and an English word are not Indonesian, even where a
        frequency list holds them ("resiko", "social")."""
        w = word.casefold()
        hit = self._memo.get(w)
        if hit is None:
            hit = self._memo[w] = self._is_indonesian(w)
        return hit

    def _is_indonesian(self, w: str) -> bool:
        if w in self.baku or w in self.english_id or w in self.typos:
            return False
        if self._known(w):
            return True
        for c in _CLITICS:
            if w.endswith(c) and len(w) - len(c) >= _MIN_STEM + (len(c) == 2):
                stem = w[: -len(c)]
                if stem not in self.baku and self._known(stem):
                    return True
        if "-" in w:  # reduplication and compounds: every part a word
            parts = [p for p in w.split("-") if p]
            return bool(parts) and all(self.is_indonesian(p) for p in parts)
        return self._affixed(w)

    def _known(self, w: str) -> bool:
        return (
            w in self.id_forms
            or w in self.accepted
            or w in self.terms
            or (w in self.frequency and w not in self.english and not self.glued_preposition(w))
        )

    def _affixed(self, w: str) -> bool:
        """An affixed form of a known root that the lists lack ("pengevaluasian",
        "terpulihkan", "kedisabilitasan"), found by the Sastrawi stemmer. A bare "-i" on a
        noun is not taken ("akuntabilitasi" is a typo, not akuntabilitas + i)."""
        if len(w) < 6 or not w.isalpha() or self.glued_preposition(w):
            return False
        root = self._stem(w)
        return (
            root != w
            and len(root) >= 4
            and w != root + "i"
            and root not in self.baku
            and root not in self.english_id
            and (self._known(root) or self._stemmer.get_dictionary().contains(root))
        )

    def _stem(self, w: str) -> str:
        if self._stemmer is None:
            from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
            from Sastrawi.Stemmer.Stemmer import Stemmer
            from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

            words = StemmerFactory().get_words()
            words.extend(sorted(self.terms | self.accepted))
            self._stemmer = Stemmer(ArrayDictionary(words))
        return str(self._stemmer.stem(w))

    def is_english(self, word: str) -> bool:
        w = word.casefold()
        return w in self.english_id or (w in self.english and w not in self.accepted)

    def glued_preposition(self, word: str) -> str | None:
        """ "di luar" for "diluar": the preposition di/ke glued to a place word."""
        w = word.casefold()
        for prep in ("di", "ke"):
            rest = w[len(prep) :]
            if w.startswith(prep) and rest in self.places and w not in self.id_forms:
                return f"{prep} {rest}"
        return None

    def known_for_split(self, part: str) -> bool:
        """A part of a glued word: a word of three letters or more that is not an affix
        ("ter", "kan"); "di"/"ke" before a place word is handled by glued_preposition."""
        p = part.casefold()
        if len(p) < 3 or p in _AFFIXES or p in self.english:
            return False
        return self.strong(p)

    def strong(self, word: str) -> bool:
        """A word of the lists themselves (not only found by the stemmer)."""
        w = word.casefold()
        return (
            w in self.id_forms
            or w in self.terms
            or w in self.accepted
            or (self.frequency.get(w, 0) >= 35 and w not in self.english)
        )

    def suggestions(
        self,
        word: str,
        limit: int = 3,
        max_distance: int = 2,
        context: Mapping[str, int] | None = None,
    ) -> list[str]:
        """Indonesian words nearest to `word` by optimal-string-alignment distance (a letter
        swapped, dropped, doubled or replaced costs 1); among the nearest, first a word the
        document uses (`context`: its words, lower case, or their first five letters), then
        one with the same first letter, then the more frequent."""
        w = word.casefold()
        n = len(w)
        if n < 3:
            return []
        hits = self._hits.get((w, max_distance))
        if hits is None:  # the search is the cost (~4 ms); the ranking below is cheap
            if len(self._hits) > _MAX_REMEMBERED:  # a long-lived process: bounded memory
                self._hits.clear()
            pool = self._pool_for(n)
            hits = self._hits[(w, max_distance)] = process.extract(
                w, pool, scorer=OSA.distance, score_cutoff=max_distance, limit=50
            )
        if not hits:
            return []

        ctx = context or {}

        def rank(hit: tuple[str, int | float, int]) -> tuple[float, bool, bool, int]:
            cand, dist = hit[0], hit[1]
            used = cand in ctx or cand[:5] in ctx
            return (dist, not used, cand[:1] != w[:1], -self.frequency.get(cand, 0))

        ranked = sorted(hits, key=rank)
        best = ranked[0][1]
        return [h[0] for h in ranked if h[1] == best][:limit]

    def _pool_for(self, n: int) -> list[str]:
        """The candidate words of length n-2 … n+2 (built once per length)."""
        if n in self._pool:
            return self._pool[n]
        if not self._by_length:
            words = (
                set(self.id_forms)
                | set(self.terms)
                | {w for w in self.frequency if w not in self.english and w not in self.baku}
            )
            words -= set(self.baku) | set(self.english_id) | set(self.typos)
            for w in sorted(words):
                self._by_length.setdefault(len(w), []).append(w)
        pool = [w for k in range(n - 2, n + 3) for w in self._by_length.get(k, ())]
        self._pool[n] = pool
        return pool

    def with_words(self, words: Iterable[str]) -> frozenset[str]:
        return frozenset(w.casefold() for w in words)


@lru_cache(maxsize=1)
def kamus() -> Kamus:
    """The shipped word lists (loaded on first use, then cached)."""
    freq: dict[str, int] = {}
    for line in _lines("frekuensi-id.tsv.gz"):
        w, z = line.split("\t")
        freq[w] = int(z)
    return Kamus(
        id_forms=frozenset(_lines("kata-id.txt.gz")),
        frequency=freq,
        english=frozenset(_lines("kata-en.txt.gz")),
        baku=_pairs("baku.tsv"),
        english_id=_pairs("inggris.tsv"),
        accepted=frozenset(w.casefold() for w in _lines("serapan.txt")),
        places=frozenset(_lines("tempat.txt")),
        terms=frozenset(w.casefold() for w in _lines("istilah.txt")),
        typos=_pairs("salah-ketik.tsv"),
    )

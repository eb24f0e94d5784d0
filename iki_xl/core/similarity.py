"""Near-duplicate texts: list items within a list, tugas lists across jabatan, a formula that
only repeats its indicator's name. rapidfuzz does the string work; this module decides what
to compare and where the thresholds lie (tuned on generated variants: tests/defects/tune.py).

Pure functions over strings; no Excel, no model.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

# Thresholds (tests/defects/tune.py prints the table they were chosen from)
ITEM_RATIO = 92.0  # two list items are near-duplicates at or above this fuzz.ratio …
ITEM_MAX_WORD_EDITS = 1  # … or when one word is added, dropped or replaced …
ITEM_SAME_HEAD = 2  # … and their first two words (the action and its object) are equal
LIST_ITEM_RATIO = 90.0  # an item "recurs" in another list at or above this ratio
LIST_SHARE = 0.9  # two tugas lists are near-identical when this share of items recurs
LIST_MIN_ITEMS = 3  # shorter lists are not compared (one-line tugas of a Kepala)
FORMULA_RATIO = 90.0  # a formula whose text is this close to the name is no formula
BLOCK_PER_KEY = 8  # cross-jabatan comparisons: earlier holders of one blocking key offered

_LIST_MARK = re.compile(r"^\s*(?:[a-z]\.|\d+[.)]|[-•])\s+", re.IGNORECASE)
_TRAIL = re.compile(r"[\s;:,.]*(?:\b(?:dan|serta|atau)\b)?[\s;:,.]*$", re.IGNORECASE)
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=16384)
def normalize_item(text: str) -> str:
    """A list item reduced to its words: no list letter, no trailing "; dan", no
    punctuation, lower case, single spaces."""
    t = _LIST_MARK.sub("", text)
    t = _TRAIL.sub("", t)
    t = _PUNCT.sub(" ", t.casefold())
    return _SPACE.sub(" ", t).strip()


def word_edits(a: str, b: str) -> int:
    """Words to add, drop or replace to turn normalised `a` into normalised `b`."""
    return int(Levenshtein.distance(a.split(), b.split()))


def item_similarity(a: str, b: str) -> float:
    """0–100: how close two list items are, after normalize_item."""
    return float(fuzz.ratio(normalize_item(a), normalize_item(b)))


def near_duplicate(a: str, b: str) -> bool:
    """Two items say the same thing: equal once normalised (punctuation, case), or, with
    the same first two words (the action and its object: "pelaksanaan bimbingan teknis …"
    and "pelaksanaan koordinasi teknis …" are two duties), one word apart or close by
    characters (ITEM_RATIO). Items of fewer than four words must be equal."""
    na, nb = normalize_item(a), normalize_item(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    wa, wb = na.split(), nb.split()
    if wa[:ITEM_SAME_HEAD] != wb[:ITEM_SAME_HEAD] or min(len(wa), len(wb)) < 4:
        return False
    if word_edits(na, nb) <= ITEM_MAX_WORD_EDITS:
        return True
    return fuzz.ratio(na, nb) >= ITEM_RATIO


def near_duplicate_items(items: Sequence[str]) -> list[tuple[int, int]]:
    """(earlier, later) index pairs of near-duplicate items in one list; each later item is
    paired once, with the first item it repeats."""
    out: list[tuple[int, int]] = []
    for j in range(1, len(items)):
        for i in range(j):
            if near_duplicate(items[i], items[j]):
                out.append((i, j))
                break
    return out


@dataclass(frozen=True, slots=True)
class ListMatch:
    """How much of list `b` recurs in list `a`."""

    share: float  # matched items / items of the longer list
    matched: int
    identical: bool


def list_similarity(a: Sequence[str], b: Sequence[str]) -> ListMatch:
    """Greedy one-to-one matching of normalised items: fuzz.ratio >= LIST_ITEM_RATIO, or one
    word apart (where one of the two has four words or more)."""
    na = [normalize_item(x) for x in a if normalize_item(x)]
    nb = [normalize_item(x) for x in b if normalize_item(x)]
    if not na or not nb:
        return ListMatch(0.0, 0, False)
    free = list(range(len(nb)))
    matched = 0
    for x in na:
        best, best_k = 0.0, -1
        for k in free:
            s = fuzz.ratio(x, nb[k], score_cutoff=LIST_ITEM_RATIO)
            long_enough = max(len(x.split()), len(nb[k].split())) >= 4
            if not s and long_enough and word_edits(x, nb[k]) <= ITEM_MAX_WORD_EDITS:
                s = LIST_ITEM_RATIO  # one word added, dropped or replaced
            if s > best:
                best, best_k = s, k
        if best_k >= 0:
            matched += 1
            free.remove(best_k)
    share = matched / max(len(na), len(nb))
    return ListMatch(share, matched, na == nb)


def near_keys(words: Sequence[str]) -> set[tuple[str, ...]]:
    """Blocking keys of a normalised text's words: the words, and the words with any one of
    them left out. Two texts one word apart (added, dropped or replaced) share a key."""
    keys = {tuple(words)}
    if len(words) >= 4:  # shorter texts are compared only when equal
        keys.update((*words[:i], *words[i + 1 :]) for i in range(len(words)))
    return keys


class Blocks:
    """Which earlier entries to compare a new one with: those that share a blocking key
    (`near_keys`). A key held by many entries is boilerplate; only its first `per_key`
    holders are offered, so a document of n entries costs O(n), never O(n²)."""

    def __init__(self, per_key: int = BLOCK_PER_KEY) -> None:
        self.per_key = per_key
        self._holders: dict[Hashable, list[int]] = {}

    def candidates(self, keys: Iterable[Hashable]) -> list[int]:
        """Earlier entries sharing a key, in order (an entry once)."""
        found: set[int] = set()
        for key in keys:
            found.update(self._holders.get(key, ())[: self.per_key])
        return sorted(found)

    def add(self, entry: int, keys: Iterable[Hashable]) -> None:
        for key in keys:
            holders = self._holders.setdefault(key, [])
            if len(holders) < self.per_key:
                holders.append(entry)


def similar_lists(lists: Sequence[Sequence[str]]) -> list[tuple[int, int, ListMatch]]:
    """(earlier, later, match) for lists that are identical or near-identical
    (LIST_SHARE of the items recur); each later list is paired once: with the first list it
    equals, else the first near-identical one among those sharing an item (`Blocks`: an
    item equal or one word apart — a near-identical list shares many)."""
    out: list[tuple[int, int, ListMatch]] = []
    exact: dict[tuple[str, ...], int] = {}
    blocks = Blocks()
    for j, items in enumerate(lists):
        normal = tuple(n for n in (normalize_item(x) for x in items) if n)
        if len(normal) < LIST_MIN_ITEMS:
            continue
        keys = {k for n in set(normal) for k in near_keys(n.split())}
        if normal in exact:
            i = exact[normal]
            out.append((i, j, ListMatch(1.0, len(normal), True)))
        else:
            exact[normal] = j
            for i in blocks.candidates(keys):
                m = list_similarity(lists[i], items)
                if m.share >= LIST_SHARE:
                    out.append((i, j, m))
                    break
        blocks.add(j, keys)
    return out


# Marks that make a text a formula, not a name: a sum, a fraction, an operator, "x 100%".
_FORMULA_MARK = re.compile(r"[Σ∑ƒ=÷×*]|\s[/+:]\s|\d\s*[/+]\s*\d|\b[xX]\s*100\s*%|\d\s*%")
_LABEL = re.compile(r"^\s*(?:penjelasan|formulasi|rumus)(?:\s+peng?h?itungan)?\s*:?\s*", re.I)


def formula_text(formulasi: str) -> str:
    """The formula without its label line ("Formulasi Penghitungan :")."""
    lines = [ln for ln in formulasi.splitlines() if ln.strip()]
    lines = [_LABEL.sub("", ln) for ln in lines]
    return "\n".join(ln for ln in lines if ln.strip())


def formula_equals_name(nama: str, formulasi: str) -> bool:
    """The formula only repeats the indicator's name: one line, no formula mark, and equal
    to the name once normalised, or one word apart, or at FORMULA_RATIO or above."""
    f = formula_text(formulasi)
    if not f or "\n" in f or _FORMULA_MARK.search(f):
        return False
    a, b = normalize_item(nama), normalize_item(f)
    if not a or not b:
        return False
    if a == b or word_edits(a, b) <= 1:
        return True
    return fuzz.ratio(a, b) >= FORMULA_RATIO

"""Threshold tuning for iki_xl/core/similarity.py on generated variants (prints the tables
the thresholds were chosen from).

- near-duplicate items: positives are seed items and a variant of each (same, punctuation,
  case, one word dropped / inserted / replaced); negatives are every other pair of items of
  one list in both examples and the pelaksana templates (the known duplicate f = g of
  Sampang's Ka. Sub Bagian Umum left out);
- near-identical tugas lists: positives are the injected copies of the corpus, negatives
  every other pair of tugas lists of the corpus' documents (units' names masked);
- formula ≈ name: positives are the injected formulas of the corpus, negatives every other
  indicator of the corpus.

Usage: python tests/defects/tune.py [--n 60]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rapidfuzz import fuzz

from iki_xl.core import similarity as sim
from iki_xl.core.rules.copies import Units
from tests.defects.make_defects import (
    BASES,
    load_base,
    make_corpus,
    pelaksana_templates,
    variant_of,
)

OPS = ("same", "punct", "case", "drop", "insert", "replace")


def item_rules() -> dict[str, object]:
    def first2(a: str, b: str) -> bool:
        return a.split()[:2] == b.split()[:2]

    rules: dict[str, object] = {}
    for t in (80, 85, 90, 92, 95):
        rules[f"ratio>={t}"] = lambda a, b, t=t: fuzz.ratio(a, b) >= t
        rules[f"ratio>={t} & same 2 first words"] = lambda a, b, t=t: (
            first2(a, b) and fuzz.ratio(a, b) >= t
        )
    rules["word edits<=1"] = lambda a, b: sim.word_edits(a, b) <= 1
    rules["word edits<=1 & same first word"] = lambda a, b: (
        a.split()[:1] == b.split()[:1] and sim.word_edits(a, b) <= 1
    )
    rules["word edits<=1 & same 2 first words"] = lambda a, b: (
        first2(a, b) and sim.word_edits(a, b) <= 1
    )
    rules["similarity.near_duplicate (chosen)"] = None
    return rules


def _item_pairs() -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """(op, item, variant) of every seed item and (item, other item) within a list."""
    lists = []
    for b in BASES:
        for j in load_base(b).jabatan:
            lists += [j.tugas, j.fungsi]
    lists += [t["tugas"] for t in pelaksana_templates()]
    neg = []
    for items in lists:
        for i in range(len(items)):
            for k in range(i + 1, len(items)):
                if sim.normalize_item(items[i]) != sim.normalize_item(items[k]):
                    neg.append((items[i], items[k]))
    rng = random.Random(1)
    pos: list[tuple[str, str, str]] = []
    for items in lists:
        for it in items:
            if len(it.split()) >= 5:
                for op in OPS:
                    v = variant_of(it, rng, (op,))
                    if op == "same" or v != it:
                        pos.append((op, it, v))
    return pos, neg


def tune_items() -> None:
    pos, neg = _item_pairs()
    print(f"near-duplicate items: {len(pos)} variant pairs, {len(neg)} distinct pairs")
    head = f"{'rule':40} " + " ".join(f"{op:>7}" for op in OPS) + f" {'recall':>7} {'false+':>7}"
    print(head)
    for name, rule in item_rules().items():

        def hit(a: str, b: str, rule: object = rule) -> bool:
            if rule is None:
                return sim.near_duplicate(a, b)
            na, nb = sim.normalize_item(a), sim.normalize_item(b)
            return bool(na and nb and (na == nb or rule(na, nb)))  # type: ignore[operator]

        per = Counter(op for op, a, b in pos if hit(a, b))
        tot = Counter(op for op, _, _ in pos)
        fp = sum(hit(a, b) for a, b in neg)
        rec = sum(per.values()) / len(pos)
        print(
            f"{name:40} "
            + " ".join(f"{per[op] / tot[op]:7.1%}" for op in OPS)
            + f" {rec:7.1%} {fp:7}"
        )


def tune_lists(n: int) -> None:
    corpus = make_corpus(n)
    pos, neg = [], []
    for k in corpus:
        units = Units(k.doc)
        lists = [[units.masked(t) for t in j.tugas] for j in k.doc.jabatan]
        gold = {}
        for c in k.cacat:
            if c.kind == "duplicate_tugas_across":
                b = int(c.jalur[8 : c.jalur.index("]")])
                a = int(re.search(r"jabatan\[(\d+)\]", c.detail).group(1))  # type: ignore[union-attr]
                gold[(a, b)] = True
        for b in range(len(lists)):
            for a in range(b):
                if min(len(lists[a]), len(lists[b])) < sim.LIST_MIN_ITEMS:
                    continue
                m = sim.list_similarity(lists[a], lists[b])
                (pos if (a, b) in gold else neg).append(m.share)
    print(f"\nnear-identical tugas lists (units masked): {len(pos)} copies, {len(neg)} other pairs")
    print(
        f"{'share >=':>9} {'recall':>7} {'false+':>7}   (max share of other pairs: {max(neg):.2f})"
    )
    for t in (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0):
        print(f"{t:9.2f} {sum(x >= t for x in pos) / len(pos):7.1%} {sum(x >= t for x in neg):7}")
    print("other pairs' shares, highest:", sorted(neg, reverse=True)[:8])


def tune_formula(n: int) -> None:
    corpus = make_corpus(n)
    pos, neg = [], []
    for k in corpus:
        gold = {c.jalur for c in k.cacat if c.kind == "formula_equals_name"}
        for a, j in enumerate(k.doc.jabatan):
            for b, kin in enumerate(j.kinerja):
                for c, i in enumerate(kin.indikator):
                    q = f"jabatan[{a}].kinerja[{b}].indikator[{c}].formulasi"
                    (pos if q in gold else neg).append((i.nama, i.formulasi))
    print(f"\nformula ≈ name: {len(pos)} injected, {len(neg)} other indicators")
    print(f"{'rule':44} {'recall':>7} {'false+':>7}")

    def ratio_only(t: float):  # type: ignore[no-untyped-def]
        return lambda nm, f: (
            fuzz.ratio(sim.normalize_item(nm), sim.normalize_item(sim.formula_text(f))) >= t
        )

    rules = {f"ratio>={t} (no mark filter)": ratio_only(t) for t in (70, 80, 90)}
    rules["similarity.formula_equals_name (chosen)"] = sim.formula_equals_name
    for name, rule in rules.items():
        rec = sum(rule(a, b) for a, b in pos) / max(1, len(pos))
        fp = sum(rule(a, b) for a, b in neg)
        print(f"{name:44} {rec:7.1%} {fp:7}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=60)
    args = ap.parse_args()
    tune_items()
    tune_lists(args.n)
    tune_formula(args.n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Spell check of the two bundled examples: words, findings, false positives per 1,000
words, and every finding with its explanation (seed_spelling.yaml). Also the load time and
memory of the word lists.

Usage: python tests/defects/spelling_report.py
"""

from __future__ import annotations

import re
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import yaml

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

EXPLAINED = Path(__file__).with_name("seed_spelling.yaml")


def explained() -> dict[str, dict[str, str]]:
    """base → "kind word" → "class reason"."""
    data = yaml.safe_load(EXPLAINED.read_text(encoding="utf-8"))
    return {b: {f"{k} {w}": f"{c} {r}" for k, w, c, r in rows} for b, rows in data.items()}


def report(base: str) -> tuple[int, Counter[str], list[tuple[str, str, int, str]]]:
    """(words, findings per class, rows (key, suggestion, count, reason)) for one example."""
    from iki_xl.core.spelling import document_misspellings, document_texts
    from tests.defects.make_defects import load_base

    doc = load_base(base)
    words = sum(len(re.findall(r"[A-Za-z]+", t)) for _, t in document_texts(doc))
    notes = explained().get(base, {})
    found: Counter[tuple[str, str]] = Counter()
    sugg: dict[tuple[str, str], str] = {}
    for _, m in document_misspellings(doc):
        key = (m.kind, m.word)
        found[key] += 1
        sugg.setdefault(key, m.suggestion or "")
    rows, classes = [], Counter()
    for (kind, word), n in sorted(found.items()):
        reason = notes.get(f"{kind} {word}", "UNEXPLAINED")
        cls = reason.split(" ")[0] if reason != "UNEXPLAINED" else "unexplained"
        classes[cls] += n
        rows.append((f"{kind} {word}", sugg[(kind, word)], n, reason))
    return words, classes, rows


def main() -> int:
    t0 = time.perf_counter()
    from iki_xl.core.spelling import kamus
    from iki_xl.core.spelling.dictionary import kamus as _k

    t1 = time.perf_counter()
    kb = kamus()
    t2 = time.perf_counter()
    kb.is_indonesian("pengevaluasian")  # the stemmer loads on first use
    t3 = time.perf_counter()
    _k.cache_clear()
    tracemalloc.start()
    kb = _k()
    mem = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(
        f"word lists: import {t1 - t0:.3f} s, load {t2 - t1:.3f} s, stemmer {t3 - t2:.3f} s, "
        f"peak {mem:.1f} MB (traced); "
        f"{len(kb.id_forms):,} hunspell-id forms, {len(kb.frequency):,} wordfreq words, "
        f"{len(kb.english):,} English words"
    )
    for base in ("probolinggo", "sampang"):
        t = time.perf_counter()
        words, classes, rows = report(base)
        dt = time.perf_counter() - t
        fp = classes["false_positive"] + classes["unexplained"]
        print(
            f"\n== {base}: {words} words, {sum(classes.values())} findings in {dt:.2f} s: "
            f"{classes['defect']} real defects, {classes['false_positive']} false positives, "
            f"{classes['unexplained']} unexplained → {1000 * fp / words:.2f} false positives "
            "per 1,000 words"
        )
        for key, s, n, reason in rows:
            print(f"  {key!s:60.60} ×{n:<3} → {s!s:30.30} {reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

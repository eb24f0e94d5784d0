"""The synthetic-defect corpus: deterministic, every kind present, scorable."""

from __future__ import annotations

from collections import Counter

from tests.defects.make_defects import KINDS, make_case, make_corpus
from tests.defects.reference_checker import check
from tests.defects.score import score, table


def test_deterministic_and_valid() -> None:
    a, b = make_case(3, 7), make_case(3, 7)
    assert a.doc == b.doc and a.cacat == b.cacat
    assert make_case(4, 7).doc != a.doc


def test_every_kind_in_every_document() -> None:
    corpus = make_corpus(12)
    for k in corpus:
        assert {c.kind for c in k.cacat} == set(KINDS), k.nama
        for c in k.cacat:
            assert c.jalur.startswith("jabatan[")
    counts = Counter(c.kind for k in corpus for c in k.cacat)
    assert min(counts.values()) >= 12


def test_reference_checker_scores() -> None:
    s = score(check, make_corpus(12))
    print(table(s))
    for kind in KINDS:
        assert s.recall(kind) >= 0.9, kind
        assert s.precision(kind) >= 0.95, kind

"""The synthetic-defect corpus: deterministic, every kind present, and the real `check()`
above the floors of the issue on a slice of it (the full run: `python -m tests.defects.score`,
recorded in docs/rules.md)."""

from __future__ import annotations

from collections import Counter

from iki_xl.core.rules import check
from iki_xl.core.rules.catalogue import RULES
from tests.defects.make_defects import KINDS, make_case, make_corpus
from tests.defects.score import CODES_OF_KIND, as_pairs, score, table

RECALL_FLOOR, PRECISION_FLOOR = 0.90, 0.95


def test_deterministic_and_valid() -> None:
    a, b = make_case(3, 7), make_case(3, 7)
    assert a.doc == b.doc and a.cacat == b.cacat
    assert make_case(4, 7).doc != a.doc


def test_every_kind_in_every_document() -> None:
    corpus = make_corpus(8)
    for k in corpus:
        assert {c.kind for c in k.cacat} == set(KINDS), k.nama
        for c in k.cacat:
            assert c.jalur.startswith("jabatan[")
    counts = Counter(c.kind for k in corpus for c in k.cacat)
    assert min(counts.values()) >= 8


def test_every_kind_is_reported_by_catalogued_rules() -> None:
    assert set(CODES_OF_KIND) == set(KINDS)
    assert all(code in RULES for codes in CODES_OF_KIND.values() for code in codes)
    assert as_pairs([("IKI-S014", "jabatan[1].kinerja[0].sasaran")]) == {
        ("copied_table", "jabatan[1].kinerja")
    }


def test_real_check_scores_above_the_floors_on_a_slice() -> None:
    """Ten documents of a seed the rules were not developed on (seconds, not minutes)."""
    s = score(check, make_corpus(10, seed=2024))
    print(table(s))
    for kind in KINDS:
        assert s.tp[kind] + s.fn[kind] >= 10, kind
        assert s.recall(kind) >= RECALL_FLOOR, (kind, s.misses)
        assert s.precision(kind) >= PRECISION_FLOOR, (kind, s.false)

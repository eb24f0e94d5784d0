"""The hostile corpus, first shard (tests/hostile/suite.py deals the cases), and the check
that docs/reliability.md is current. `pytest tests/hostile -m "not slow"` leaves out the
cases that take long on purpose (10,000 rows, 300 jabatan)."""

from __future__ import annotations

from pathlib import Path

from tests.hostile.suite import corpus, expected_markdown, shard_tests

baseline, test_hostile = shard_tests(0)

DOC = Path(__file__).resolve().parents[2] / "docs" / "reliability.md"


def test_docs_reliability_is_current() -> None:
    """docs/reliability.md is what a passing corpus run writes; regenerate it with
    `python -m tests.hostile.run --markdown docs/reliability.md` when this fails."""
    _, cases = corpus()
    assert DOC.read_text(encoding="utf-8") == expected_markdown(cases)

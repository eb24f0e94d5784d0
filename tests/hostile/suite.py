"""The hostile corpus as pytest tests, in two shards (`test_corpus.py`, `test_corpus_b.py`)
so that `pytest -n 2 --dist loadfile` runs them on both workers, and the check that
docs/reliability.md is current.

Each shard module calls `shard_tests(i)`: the corpus is made once per worker at collection
time in a temporary folder (about 30 s), the cases are dealt to the shards by their
expected run time, and each case × command is one test. The normal run's peak memory (the
base of the memory bounds) is measured once per worker.

docs/reliability.md is what `python -m tests.hostile.run --markdown docs/reliability.md`
writes after a run. Its table holds outcomes only (no timings), so it is deterministic:
when every corpus test passes, each run's outcome is "ok" (or "n/a" for a command that does
not exist yet), and `expected_markdown` rebuilds the same text from the case definitions.
A new case, a changed expectation or a command that appears makes the check fail until
the document is regenerated.
"""

from __future__ import annotations

import atexit
import contextlib
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

from tests.hostile import corpus as C
from tests.hostile import run as R

SHARDS = 2
_BUILT: dict[str, Any] = {}


def _cleanup(tmp: Path) -> None:
    for p in tmp.rglob("*"):
        if not p.is_symlink():
            with contextlib.suppress(OSError):
                p.chmod(0o755 if p.is_dir() else 0o644)
    shutil.rmtree(tmp, ignore_errors=True)


def corpus() -> tuple[Path, list[C.Case]]:
    """The corpus of this process (made once)."""
    if not _BUILT:
        tmp = Path(tempfile.mkdtemp(prefix="iki-hostile-test-"))
        atexit.register(_cleanup, tmp)
        _BUILT["tmp"] = tmp
        _BUILT["cases"] = C.make_corpus(tmp / "corpus")
    return _BUILT["tmp"], _BUILT["cases"]


def _cost(case: C.Case) -> float:
    return case.time_s * len(case.expect) * (4 if case.slow else 1)


def shard_of(cases: list[C.Case]) -> dict[str, int]:
    """Deal the cases to the shards, the most expensive first, each to the lighter shard."""
    load = [0.0] * SHARDS
    deal = {}
    for case in sorted(cases, key=lambda c: (-_cost(c), c.name)):
        i = load.index(min(load))
        deal[case.name] = i
        load[i] += _cost(case)
    return deal


def shard_tests(shard: int) -> tuple[Any, Any]:
    """(the baseline fixture, the parametrized test) of one shard, for a test module."""
    tmp, cases = corpus()
    deal = shard_of(cases)
    params = [
        pytest.param(
            case,
            command,
            id=f"{case.name}-{command}",
            marks=[pytest.mark.slow] if case.slow or case.time_s > 15 else [],
        )
        for case in cases
        if deal[case.name] == shard
        for command in case.expect
    ]

    @pytest.fixture(scope="module")
    def baseline() -> dict[str, float]:
        src = C.Sources(
            tmp / "corpus" / "_sources",
            tmp / "corpus" / "_sources" / "base.yaml",
            tmp / "corpus" / "_sources" / "base.xlsx",
            {},
        )
        return R.measure_baseline(src, tmp / f"baseline-{shard}")

    @pytest.mark.parametrize(("case", "command"), params)
    def test_hostile(case: C.Case, command: str, baseline: dict[str, float]) -> None:
        r = R.run_one(case, command, tmp / "out", baseline)
        if r.status == "n/a":
            pytest.skip("; ".join(r.reasons))
        assert r.ok, (
            f"{case.name} × {command}: "
            + "; ".join(r.reasons)
            + f"\n  $ (cd {case.folder} && {r.argv})"
        )

    return baseline, test_hostile


def expected_results(cases: list[C.Case]) -> list[R.Result]:
    """The outcome of every run when every corpus test passes."""
    return [R.Result(c.name, cmd, "ok") for c in cases for cmd in c.expect]


def expected_markdown(cases: list[C.Case]) -> str:
    return R.markdown(cases, expected_results(cases))

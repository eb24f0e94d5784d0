"""The hostile corpus as tests: one test per case × command (tests/hostile/corpus.py makes
the cases, tests/hostile/run.py runs and judges them as subprocesses).

The corpus is made once at collection time in a temporary folder (about 20 s); the normal
run's peak memory (the base of the memory bounds) is measured once per session. Cases that
take long on purpose (100,000 rows, 300 jabatan) or whose bound is a timeout are marked
slow: `pytest tests/hostile -m "not slow"` leaves them out.
"""

from __future__ import annotations

import atexit
import contextlib
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.hostile import corpus as C
from tests.hostile import run as R

_TMP = Path(tempfile.mkdtemp(prefix="iki-hostile-test-"))


def _cleanup() -> None:
    for p in _TMP.rglob("*"):
        if not p.is_symlink():
            with contextlib.suppress(OSError):
                p.chmod(0o755 if p.is_dir() else 0o644)
    shutil.rmtree(_TMP, ignore_errors=True)


atexit.register(_cleanup)
CASES = C.make_corpus(_TMP / "corpus")
PARAMS = [
    pytest.param(
        case,
        command,
        id=f"{case.name}-{command}",
        marks=[pytest.mark.slow] if case.slow or case.time_s > 15 else [],
    )
    for case in CASES
    for command in case.expect
]


@pytest.fixture(scope="session")
def baseline() -> dict[str, float]:
    src = C.Sources(
        _TMP / "corpus" / "_sources",
        _TMP / "corpus" / "_sources" / "base.yaml",
        _TMP / "corpus" / "_sources" / "base.xlsx",
        {},
    )
    return R.measure_baseline(src, _TMP / "baseline")


@pytest.mark.parametrize(("case", "command"), PARAMS)
def test_hostile(case: C.Case, command: str, baseline: dict[str, float]) -> None:
    if command == "laporan" and not R.laporan_exists():
        pytest.skip("`iki-xl laporan` does not exist yet")
    r = R.run_one(case, command, _TMP / "out", baseline)
    if r.status == "n/a":
        pytest.skip("; ".join(r.reasons))
    assert r.ok, (
        f"{case.name} × {command}: "
        + "; ".join(r.reasons)
        + f"\n  $ (cd {case.folder} && {r.argv})"
    )

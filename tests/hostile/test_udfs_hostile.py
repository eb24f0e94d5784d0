"""Every IKI worksheet function × every hostile argument: a short text or a finite float,
never an exception, inf or NaN, within a bounded time (tests/hostile/udfs.py).

The calls run in worker subprocesses (one run for the whole table, cached for the session);
each call is its own test so the failures read as a to-do list.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.hostile import udfs as H

CALLS = H.calls()


@pytest.fixture(scope="session")
def results() -> dict[str, dict[str, Any]]:
    return H.run_calls([c.id for c in CALLS])


@pytest.mark.parametrize("call", CALLS, ids=[c.id for c in CALLS])
def test_udf_hostile_argument(call: H.Call, results: dict[str, dict[str, Any]]) -> None:
    d = results[call.id]
    why = H.verdict(d)
    assert why is None, f"{call.id}: {why}"

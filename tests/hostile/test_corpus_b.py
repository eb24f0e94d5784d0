"""The hostile corpus, second shard (a file of its own so that `--dist loadfile` gives it
to the other worker; tests/hostile/suite.py deals the cases)."""

from __future__ import annotations

from tests.hostile.suite import shard_tests

baseline, test_hostile = shard_tests(1)

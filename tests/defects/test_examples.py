"""Every finding of the real check() on the two bundled examples has been read and is listed,
with why it is right, in seed_findings.yaml; no false positive is left."""

from __future__ import annotations

from collections import Counter

import pytest

from iki_xl.core.rules import check
from tests.defects.examples import read_findings
from tests.defects.make_defects import load_base


@pytest.mark.parametrize("base", ["probolinggo", "sampang"])
def test_every_finding_on_the_examples_is_read_and_listed(base: str) -> None:
    listed = read_findings()[base]
    found = Counter((f.code, f.jalur) for f in check(load_base(base)))
    expected = Counter((code, jalur) for code, entry in listed.items() for jalur in entry["at"])
    assert found - expected == Counter(), "new findings: read them, then list them"
    assert expected - found == Counter(), "listed findings that are gone: update the list"
    assert all(entry["reason"].strip() for entry in listed.values())


def test_no_false_positive_is_left() -> None:
    assert read_findings(false_positives=True) == {}

"""The bundled real documents, for the rules' tests on what planners actually write."""

from __future__ import annotations

import pytest

from iki_xl.core.model import Dokumen
from iki_xl.io.interchange import load
from tests.core.rules.document import CONTOH


@pytest.fixture(scope="module")
def sampang() -> Dokumen:
    return load(CONTOH / "sampang.yaml")


@pytest.fixture(scope="module")
def probolinggo() -> Dokumen:
    return load(CONTOH / "probolinggo.yaml")

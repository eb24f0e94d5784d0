"""Shared fixtures for the workbook tests: the bundled examples, completed and filled."""

from __future__ import annotations

from pathlib import Path

import pytest

from iki_xl.core.formulasi import complete
from iki_xl.core.model import Dokumen
from iki_xl.io import interchange

CONTOH = Path(__file__).resolve().parents[2] / "iki_xl" / "data" / "contoh"


def contoh(nama: str, *, figures: bool = True) -> Dokumen:
    """A bundled example, completed (kinds and components), with its example figures."""
    doc = complete(interchange.load(CONTOH / f"{nama}.yaml"))
    overlay = CONTOH / f"{nama}-contoh.yaml"
    if figures and overlay.exists():
        doc = interchange.apply_contoh(doc, overlay)
    return doc


@pytest.fixture(scope="session", params=["probolinggo", "sampang"])
def doc_contoh(request: pytest.FixtureRequest) -> Dokumen:
    return contoh(request.param)

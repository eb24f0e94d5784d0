"""model → workbook → model is the identity."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from iki_xl.core.model import (
    Dokumen,
    Indikator,
    Jabatan,
    Kinerja,
    Komponen,
    Level,
    RentangTarget,
)
from iki_xl.io import interchange
from iki_xl.io.read.workbook import read_workbook
from iki_xl.io.write.workbook import workbook_bytes, write_workbook
from tests.strategies import dokumen


def diff(a: Dokumen, b: Dokumen) -> str:
    return "\n".join(
        difflib.unified_diff(
            interchange.to_yaml(a).splitlines(), interchange.to_yaml(b).splitlines(), lineterm=""
        )
    )


def round_trip(doc: Dokumen, tmp: Path) -> Dokumen:
    path = tmp / "iki.xlsx"
    write_workbook(doc, path)
    return read_workbook(path).dokumen


def test_examples_identity(doc_contoh: Dokumen, tmp_path: Path) -> None:
    assert doc_contoh.jabatan, "example must have jabatan"
    read = round_trip(doc_contoh, tmp_path)
    assert read == doc_contoh, diff(doc_contoh, read)


def test_examples_have_no_reading_findings(doc_contoh: Dokumen, tmp_path: Path) -> None:
    path = tmp_path / "iki.xlsx"
    write_workbook(doc_contoh, path)
    assert read_workbook(path).findings == []


@pytest.mark.slow
@settings(
    max_examples=220,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(doc=dokumen())
def test_any_document_identity(doc: Dokumen, tmp_path: Path) -> None:
    read = round_trip(doc, tmp_path)
    assert read == doc, diff(doc, read)


def test_full_precision_and_text_starting_with_equals(tmp_path: Path) -> None:
    """Floats keep all 17 digits; text starting with '=' stays text; '85%' stays text."""
    ind = Indikator(
        nama="=SUM(A1:A2)",
        formulasi="=1+1",
        komponen=[Komponen(kode="A", nama="+x", realisasi=[0.1 + 0.2, "85%", None, 1e-300])],
        baseline=1 / 3,
        target=RentangTarget(bawah=0.30000000000000004, atas=2.5),
        skala=[Level(nama="Pratama", bawah=500, atas=600)],
        realisasi=["Madya", None, None, None],
    )
    doc = Dokumen(jabatan=[Jabatan(id="a", nama="A", kinerja=[Kinerja(indikator=[ind])])])
    read = round_trip(doc, tmp_path)
    assert read == doc, diff(doc, read)


def test_document_without_jabatan(tmp_path: Path) -> None:
    doc = Dokumen()
    assert round_trip(doc, tmp_path) == doc


def test_bytes_equal_the_file(tmp_path: Path) -> None:
    doc = Dokumen(jabatan=[Jabatan(id="x", nama="Kepala Dinas")])
    data = workbook_bytes(doc)
    assert data[:2] == b"PK"
    path = tmp_path / "a.xlsx"
    path.write_bytes(data)
    assert read_workbook(path).dokumen == doc

"""The IKI functions called as plain Python (xlwings' decorators do nothing on Linux)."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iki_xl.udfs import (
    IKI_CAPAIAN,
    IKI_CAPAIAN_INDIKATOR,
    IKI_NILAI,
    IKI_PREDIKAT,
    IKI_TAHUNAN,
)


def test_capaian_examples_of_the_brief() -> None:
    assert IKI_CAPAIAN(6.5, 7, "negatif") == pytest.approx(107.142857, rel=1e-6)
    assert IKI_CAPAIAN(9, 8, "negatif") == pytest.approx(87.5)
    assert IKI_CAPAIAN(92, 80, "range", 90) == pytest.approx(102.2222, rel=1e-5)
    assert IKI_CAPAIAN(85, 80, "range", 90) == 100.0
    assert IKI_CAPAIAN(45, 50) == pytest.approx(90.0)
    assert IKI_CAPAIAN("85%", "1.000,0") == pytest.approx(8.5)


def test_capaian_reasons_as_text() -> None:
    assert IKI_CAPAIAN(5, 0) == "target 0"
    assert IKI_CAPAIAN(None, 10) == "realisasi kosong"
    assert IKI_CAPAIAN(5, None) == "target kosong"
    assert IKI_CAPAIAN("abc", 10) == "realisasi bukan angka: 'abc'"
    assert IKI_CAPAIAN(5, 10, "miring") == "polaritas 'miring' tidak dikenal"


def test_nilai_per_jenis_formula() -> None:
    assert IKI_NILAI("persentase", [45, 50]) == pytest.approx(90.0)
    assert IKI_NILAI("Persentase", [[45], [50]], [["A"], ["B"]]) == pytest.approx(90.0)
    assert IKI_NILAI("rasio", [3, 4]) == pytest.approx(0.75)
    assert IKI_NILAI("jumlah", [3, 4, 5]) == 12.0
    assert IKI_NILAI("penurunan", [80], ["A"], None, 100) == pytest.approx(20.0)
    assert IKI_NILAI("indeks", [60, 70, 50], ["Ipar", "IDM", "Linc"], "(Ipar+IDM+Linc)/3") == (
        pytest.approx(60.0)
    )
    skala = (["Pratama", "Madya"], [500, 601], [600, 700])
    assert IKI_NILAI("status", ["Madya", None], [None, None], None, None, *skala) == 2.0
    assert IKI_NILAI("status", [650], [None], None, None, *skala) == 2.0
    assert IKI_NILAI("persentase", [1, 0]) == "pembagi 0"
    assert IKI_NILAI("persentase", [1, None]) == "B kosong"
    assert IKI_NILAI(None, [1, 2]) == "jenis formula belum diisi"
    assert IKI_NILAI("persentase", [1, 2], ["A", "A"]) == "kode komponen tidak valid atau ganda"
    assert IKI_NILAI("persen", [1, 2]) == "jenis formula 'persen' tidak dikenal"
    assert IKI_NILAI(None, 42) == 42.0  # one value, no kind: the indicator's own value


def test_tahunan_by_agregasi() -> None:
    blok = [[3, 4, 5, None], [1, 1, 1, None]]
    assert IKI_TAHUNAN("jumlah", None, blok, ["A", "B"]) == 15.0  # kumulatif by default
    assert IKI_TAHUNAN("jumlah", "akhir", blok, ["A", "B"]) == 6.0
    assert IKI_TAHUNAN("jumlah", "rata-rata", blok, ["A", "B"]) == 5.0
    assert IKI_TAHUNAN("persentase", None, [[None] * 4, [None] * 4], ["A", "B"]) == (
        "realisasi belum diisi"
    )


def test_capaian_indikator_and_predikat() -> None:
    assert IKI_CAPAIAN_INDIKATOR("realisasi belum diisi", 10) == "realisasi belum diisi"
    assert IKI_CAPAIAN_INDIKATOR(92, 80, 90, "range") == pytest.approx(102.2222, rel=1e-5)
    assert IKI_CAPAIAN_INDIKATOR(9, 8, None, "negatif") == pytest.approx(87.5)
    assert IKI_CAPAIAN_INDIKATOR(5, None) == "target belum diisi"
    skala = (["Pratama", "Madya", "Nindya"], [500, 601, 701], [600, 700, 800])
    assert IKI_CAPAIAN_INDIKATOR(2.0, "Nindya", None, None, "status", *skala) == (
        pytest.approx(200 / 3)
    )
    assert IKI_PREDIKAT(95) == "Sangat Tinggi"
    assert IKI_PREDIKAT(50) == "Sangat Rendah"
    assert IKI_PREDIKAT("target 0") == ""
    assert IKI_PREDIKAT(85, [["AA", 90], ["A", 80], ["B", None], [None, None]]) == "A"
    assert IKI_PREDIKAT(10, [["AA", 90], ["A", 80], ["B", None]]) == "B"


cell_value = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**20), 10**20),
    st.booleans(),
    st.text(max_size=8),
)
range_value = st.one_of(
    cell_value, st.lists(cell_value, max_size=4), st.lists(st.lists(cell_value))
)


def _safe(x: Any) -> None:
    assert isinstance(x, str) or (isinstance(x, float) and math.isfinite(x)), repr(x)


@settings(max_examples=300, deadline=None)
@given(a=range_value, b=range_value, c=range_value, d=range_value, e=cell_value)
def test_never_a_python_error(a: Any, b: Any, c: Any, d: Any, e: Any) -> None:
    """Any cell contents: a number or a short text, never an exception, inf or NaN."""
    _safe(IKI_CAPAIAN(a, b, c, d))
    _safe(IKI_NILAI(e, a, b, e, e, c, d, a))
    _safe(IKI_TAHUNAN(e, e, a, b, e, e, c, d, a))
    _safe(IKI_CAPAIAN_INDIKATOR(e, a, b, e, e, c, d, a))
    _safe(IKI_PREDIKAT(e, a))

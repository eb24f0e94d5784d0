"""Capaian by polarity (PermenPANRB 8/2021 and its worked examples), against an indicator's
target, the predikat, and the display clamp."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iki_xl.core.capaian import capaian, capaian_indikator, display_capaian, predikat
from iki_xl.core.formula import year_value
from iki_xl.core.model import (
    SKALA_PREDIKAT_BAKU,
    SKALA_PREDIKAT_SAKIP,
    Indikator,
    JenisFormula,
    Level,
    Polaritas,
    RentangTarget,
)
from iki_xl.core.numbers import Result

# ---------------------------------------------------------------- capaian by polarity


def test_positif() -> None:
    assert capaian(85, 100).value == pytest.approx(85.0)
    assert capaian(120, 100, "positif").value == pytest.approx(120.0)


def test_negatif_worked_examples_permenpanrb_8_2021() -> None:
    # T 7, R 6.5 → 107.1 %; T 8, R 9 → 87.5 %
    assert capaian(6.5, 7, "negatif").value == pytest.approx(107.142857, abs=1e-5)
    assert capaian(9, 8, Polaritas.NEGATIF).value == pytest.approx(87.5)


def test_negatif_t_over_r_option() -> None:
    assert capaian(6.5, 7, "negatif", metode_negatif="T/R").value == pytest.approx(7 / 6.5 * 100)


def test_range_band_above_below_inside() -> None:
    # band 80–90, R 92 → 92/90 = 102.2 % (the regulation's printed 113 % is wrong)
    assert capaian(92, 80, "range", 90).value == pytest.approx(102.2222, abs=1e-4)
    assert capaian(70, 80, "range", 90).value == pytest.approx(87.5)
    assert capaian(85, 80, "range", 90).value == 100.0
    assert capaian(80, 80, "range", 90).value == 100.0
    assert capaian(92, 90, "range", 80).value == pytest.approx(102.2222, abs=1e-4)  # bounds swapped


def test_range_needs_upper_bound() -> None:
    r = capaian(92, 80, "range")
    assert r.value is None and r.reason == "batas atas target kosong"


def test_target_zero_is_a_reason_not_a_crash() -> None:
    for pol in ("positif", "negatif"):
        assert capaian(5, 0, pol) == Result(None, "target 0")


def test_negatif_realisasi_zero() -> None:
    assert capaian(0, 8, "negatif").value == pytest.approx(200.0)  # (2T − 0)/T
    r = capaian(0, 8, "negatif", metode_negatif="T/R")
    assert r.value is None and r.reason == "realisasi 0"


def test_text_where_a_number_belongs() -> None:
    assert capaian("banyak", 10).reason == "realisasi bukan angka: 'banyak'"
    assert capaian(5, None).reason == "target kosong"
    assert capaian(5, 10, "miring").reason == "polaritas 'miring' tidak dikenal"
    assert capaian("85%", "1.000,0").value == pytest.approx(8.5)  # text read as meant
    assert capaian(5, 10, "").value == pytest.approx(50.0)  # blank polarity: positif


@given(
    r=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=8)),
    t=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=8)),
    pol=st.sampled_from(["positif", "negatif", "range", "", "x"]),
    ta=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
)
def test_capaian_never_raises_nor_returns_inf_or_nan(r, t, pol, ta) -> None:
    c = capaian(r, t, pol, ta)
    if c.value is None:
        assert c.reason
    else:
        assert math.isfinite(c.value)


# ---------------------------------------------------------------- an indicator's capaian


def test_capaian_indikator_band_target() -> None:
    ind = Indikator(jenis=JenisFormula.PERSENTASE, target=RentangTarget(bawah=80, atas=90))
    assert capaian_indikator(ind, Result(92.0)).value == pytest.approx(102.2222, abs=1e-4)
    assert capaian_indikator(ind.model_copy(update={"target": None}), Result(1.0)).reason == (
        "target belum diisi"
    )
    assert capaian_indikator(ind.model_copy(update={"target": " "}), Result(1.0)).reason == (
        "target belum diisi"
    )


def test_capaian_indikator_passes_a_missing_value_on() -> None:
    ind = Indikator(jenis=JenisFormula.PERSENTASE, target=80)
    assert capaian_indikator(ind, Result.failed("pembagi 0")) == Result(None, "pembagi 0")


def test_capaian_indikator_range_polarity_with_a_number_target_is_positif() -> None:
    ind = Indikator(jenis=JenisFormula.JUMLAH, target=10, polaritas=Polaritas.RANGE)
    assert capaian_indikator(ind, Result(5.0)).value == pytest.approx(50.0)


def test_capaian_of_a_status_indicator_compares_levels() -> None:
    kla = [
        Level(nama="Pratama", bawah=500, atas=600),
        Level(nama="Madya", bawah=601, atas=700),
        Level(nama="Nindya", bawah=701, atas=800),
    ]
    ind = Indikator(
        jenis=JenisFormula.STATUS, skala=kla, target="Nindya", realisasi=[None, "Madya", 750, None]
    )
    assert capaian_indikator(ind, year_value(ind)).value == pytest.approx(100.0)
    assert capaian_indikator(ind, Result(2.0)).value == pytest.approx(2 / 3 * 100)
    band = ind.model_copy(update={"target": RentangTarget(bawah=1, atas=2)})
    assert capaian_indikator(band, Result(2.0)).reason == "target status harus satu level"
    unknown = ind.model_copy(update={"target": "Istimewa"})
    assert capaian_indikator(unknown, Result(2.0)).reason == (
        "target level 'Istimewa' tidak ada di skala"
    )


# ---------------------------------------------------------------- predikat


@pytest.mark.parametrize(
    ("c", "p"),
    [
        (120, "Sangat Tinggi"),
        (91, "Sangat Tinggi"),
        (90.5, "Sangat Tinggi"),
        (90, "Tinggi"),
        (76, "Tinggi"),
        (75, "Sedang"),
        (66, "Sedang"),
        (65, "Rendah"),
        (51, "Rendah"),
        (50, "Sangat Rendah"),
        (-20, "Sangat Rendah"),
    ],
)
def test_predikat_default_scale(c: float, p: str) -> None:
    assert predikat(c, SKALA_PREDIKAT_BAKU) == p


def test_predikat_sakip_letters_and_no_value() -> None:
    assert predikat(85, SKALA_PREDIKAT_SAKIP) == "A"
    assert predikat(20, SKALA_PREDIKAT_SAKIP) == "D"
    assert predikat(None, SKALA_PREDIKAT_BAKU) == ""


def test_display_clamp_keeps_raw() -> None:
    assert display_capaian(250) == 200 and display_capaian(-5) == 0 and display_capaian(99) == 99

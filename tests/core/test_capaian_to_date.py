"""Capaian to date (s.d. TW n) across polaritas × target kind × agregasi, with worked numbers
a planner can check by hand: the value to date (formula.value_to_date) against the target to
date (capaian.target_to_date), and the year's predikat held back until TW IV."""

from __future__ import annotations

import pytest

from iki_xl.core.capaian import INCOMPLETE, capaian_to_date, target_to_date
from iki_xl.core.compute import compute_indikator
from iki_xl.core.formula import value_to_date
from iki_xl.core.model import (
    SKALA_PREDIKAT_BAKU,
    Agregasi,
    Indikator,
    JenisFormula,
    Level,
    Polaritas,
    RentangTarget,
)

N = None
LEVELS = [Level(nama=n) for n in ("Rendah", "Sedang", "Tinggi")]

# (what, indikator fields, n, expected target to date, expected value to date, capaian %)
CASES = [
    # kumulatif: realisasi and quarterly targets summed to date
    (
        "kumulatif, TW targets",
        dict(
            jenis=JenisFormula.JUMLAH,
            target=100,
            target_triwulan=[20, 30, 25, 25],
            realisasi=[10, 20, 30, 40],
        ),
        2,
        50,
        30,
        60.0,
    ),
    (
        "kumulatif, year target only",
        dict(jenis=JenisFormula.JUMLAH, target=100, realisasi=[10, 20, N, N]),
        2,
        100,
        30,
        30.0,
    ),
    (
        "kumulatif negatif",
        dict(
            jenis=JenisFormula.JUMLAH,
            polaritas=Polaritas.NEGATIF,
            target=40,
            target_triwulan=[10, 10, 10, 10],
            realisasi=[12, 13, N, N],
        ),
        2,
        20,
        25,
        75.0,
    ),  # (2·20 − 25)/20
    # akhir: the last filled quarter, against that quarter's target
    (
        "akhir, TW targets",
        dict(
            jenis=JenisFormula.PERSENTASE,
            agregasi=Agregasi.AKHIR,
            target=90,
            target_triwulan=[60, 70, 80, 90],
            realisasi=[50, 63, N, N],
        ),
        2,
        70,
        63,
        90.0,
    ),
    (
        "akhir negatif",
        dict(
            jenis=JenisFormula.PERSENTASE,
            agregasi=Agregasi.AKHIR,
            polaritas=Polaritas.NEGATIF,
            target=7,
            target_triwulan=[9, 8, 7.5, 7],
            realisasi=[9, 8.8, N, N],
        ),
        2,
        8,
        8.8,
        90.0,
    ),  # (2·8 − 8.8)/8
    # rata-rata: averaged to date, against the average of the quarterly targets
    (
        "rata-rata, TW targets",
        dict(
            jenis=JenisFormula.PERSENTASE,
            agregasi=Agregasi.RATA_RATA,
            target=80,
            target_triwulan=[70, 90, 80, 80],
            realisasi=[70, 80, N, N],
        ),
        2,
        80,
        75,
        93.75,
    ),
    # a band: inside 100 %, outside the nearer bound, lower better when negatif
    (
        "band inside",
        dict(
            jenis=JenisFormula.PERSENTASE,
            agregasi=Agregasi.AKHIR,
            target=RentangTarget(bawah=7, atas=8),
            realisasi=[7.5, N, N, N],
        ),
        1,
        RentangTarget(bawah=7, atas=8),
        7.5,
        100.0,
    ),
    (
        "band negatif below",
        dict(
            jenis=JenisFormula.PERSENTASE,
            agregasi=Agregasi.AKHIR,
            polaritas=Polaritas.NEGATIF,
            target=RentangTarget(bawah=7, atas=8),
            realisasi=[6.5, N, N, N],
        ),
        1,
        RentangTarget(bawah=7, atas=8),
        6.5,
        107.142857,
    ),
    (
        "band negatif above",
        dict(
            jenis=JenisFormula.PERSENTASE,
            agregasi=Agregasi.AKHIR,
            polaritas=Polaritas.NEGATIF,
            target=RentangTarget(bawah=7, atas=8),
            realisasi=[9, N, N, N],
        ),
        1,
        RentangTarget(bawah=7, atas=8),
        9,
        87.5,
    ),
    # status: the level reached against the level expected by that quarter
    (
        "status",
        dict(
            jenis=JenisFormula.STATUS,
            skala=LEVELS,
            target="Tinggi",
            target_triwulan=["Rendah", "Sedang", "Sedang", "Tinggi"],
            realisasi=["Rendah", "Sedang", N, N],
        ),
        2,
        "Sedang",
        2,
        100.0,
    ),
]


@pytest.mark.parametrize(("fields", "n", "target", "value", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])  # fmt: skip
def test_capaian_to_date(fields: dict, n: int, target, value, expected: float) -> None:
    ind = Indikator(nama="x", **fields)
    assert target_to_date(ind, n) == target
    v = value_to_date(ind, n)
    assert v.value == pytest.approx(value)
    assert capaian_to_date(ind, n, v).value == pytest.approx(expected, abs=1e-5)


def test_a_quarterly_target_missing_falls_back_to_the_year_target() -> None:
    ind = Indikator(nama="x", jenis=JenisFormula.JUMLAH, target=100,
                    target_triwulan=[20, N, 25, 25], realisasi=[10, 20, N, N])  # fmt: skip
    assert target_to_date(ind, 1) == 20
    assert target_to_date(ind, 2) == 100


def test_a_quarterly_target_that_is_no_number_says_so() -> None:
    ind = Indikator(nama="x", jenis=JenisFormula.JUMLAH, target=100,
                    target_triwulan=[20, "tiga puluh", 25, 25], realisasi=[10, 20, N, N])  # fmt: skip
    c = capaian_to_date(ind, 2, value_to_date(ind, 2))
    assert c.value is None and "tiga puluh" in c.reason


def test_no_year_predikat_before_tw_iv_even_when_low() -> None:
    # 30 of 100 by TW II is on track, not "Sangat Kurang": the year is not over
    ind = Indikator(nama="x", jenis=JenisFormula.JUMLAH, target=100,
                    realisasi=[10, 20, N, N])  # fmt: skip
    r = compute_indikator(ind, SKALA_PREDIKAT_BAKU)
    assert r.capaian_to_date.value == pytest.approx(30.0)
    assert r.predikat == "" and r.predikat_shown == INCOMPLETE and not r.complete
    full = ind.model_copy(update={"realisasi": [10, 20, 30, 40]})
    r = compute_indikator(full, SKALA_PREDIKAT_BAKU)
    assert r.complete and r.capaian.value == pytest.approx(100.0)
    assert r.predikat == "Sangat Tinggi"  # the default scale: > 90 %

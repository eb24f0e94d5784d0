"""The formula engine: each kind, each polarity, the regulation's worked examples, edges."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iki_xl.core.formula import (
    Hasil,
    baca_angka,
    capaian,
    capaian_indikator,
    hitung_ekspresi,
    level_status,
    nilai_dari_komponen,
    nilai_tahunan,
    nilai_triwulan,
    predikat,
    tampil_capaian,
)
from iki_xl.core.model import (
    SKALA_PREDIKAT_BAKU,
    SKALA_PREDIKAT_SAKIP,
    Agregasi,
    Indikator,
    JenisFormula,
    Komponen,
    Level,
    Polaritas,
    RentangTarget,
)

# ---------------------------------------------------------------- capaian by polarity


def test_positif() -> None:
    assert capaian(85, 100).nilai == pytest.approx(85.0)
    assert capaian(120, 100, "positif").nilai == pytest.approx(120.0)


def test_negatif_worked_examples_permenpanrb_8_2021() -> None:
    # T 7, R 6.5 → 107.1 %; T 8, R 9 → 87.5 %
    assert capaian(6.5, 7, "negatif").nilai == pytest.approx(107.142857, abs=1e-5)
    assert capaian(9, 8, Polaritas.NEGATIF).nilai == pytest.approx(87.5)


def test_negatif_t_over_r_option() -> None:
    assert capaian(6.5, 7, "negatif", metode_negatif="T/R").nilai == pytest.approx(7 / 6.5 * 100)


def test_range_band_above_below_inside() -> None:
    # band 80–90, R 92 → 92/90 = 102.2 % (the regulation's printed 113 % is wrong)
    assert capaian(92, 80, "range", 90).nilai == pytest.approx(102.2222, abs=1e-4)
    assert capaian(70, 80, "range", 90).nilai == pytest.approx(87.5)
    assert capaian(85, 80, "range", 90).nilai == 100.0
    assert capaian(80, 80, "range", 90).nilai == 100.0
    assert capaian(92, 90, "range", 80).nilai == pytest.approx(102.2222, abs=1e-4)  # bounds swapped


def test_range_needs_upper_bound() -> None:
    h = capaian(92, 80, "range")
    assert h.nilai is None and "batas atas" in h.alasan


def test_target_zero_is_a_reason_not_a_crash() -> None:
    for pol in ("positif", "negatif"):
        h = capaian(5, 0, pol)
        assert h == Hasil(None, "target 0")


def test_negatif_realisasi_zero() -> None:
    assert capaian(0, 8, "negatif").nilai == pytest.approx(200.0)  # (2T − 0)/T
    h = capaian(0, 8, "negatif", metode_negatif="T/R")
    assert h.nilai is None and h.alasan == "realisasi 0"


def test_text_where_a_number_belongs() -> None:
    assert capaian("banyak", 10).alasan == "realisasi bukan angka: 'banyak'"
    assert capaian(5, None).alasan == "target kosong"
    assert capaian(5, 10, "miring").alasan == "polaritas 'miring' tidak dikenal"


@given(
    r=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=8)),
    t=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=8)),
    pol=st.sampled_from(["positif", "negatif", "range", "", "x"]),
    ta=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
)
def test_capaian_never_raises_nor_returns_inf_or_nan(r, t, pol, ta) -> None:
    h = capaian(r, t, pol, ta)
    if h.nilai is None:
        assert h.alasan
    else:
        assert math.isfinite(h.nilai)


# ---------------------------------------------------------------- numbers typed as text


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("85%", 85.0),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("12,5", 12.5),
        (" 7 ", 7.0),
        ("-3", -3.0),
    ],
)
def test_baca_angka_reads_text_as_meant(teks: str, nilai: float) -> None:
    h = baca_angka(teks)
    assert h.nilai == pytest.approx(nilai)
    assert "dibaca sebagai" in h.catatan


@pytest.mark.parametrize("teks", ["abc", "1.2.3,4,5", "12 orang", "nan", "inf"])
def test_baca_angka_rejects_non_numbers(teks: str) -> None:
    h = baca_angka(teks)
    assert h.nilai is None and h.alasan.startswith("bukan angka")


def test_baca_angka_blank() -> None:
    assert baca_angka(None).alasan == "kosong"
    assert baca_angka("  ").alasan == "kosong"
    assert baca_angka(float("nan")).nilai is None


# ---------------------------------------------------------------- kinds


def test_persentase() -> None:
    assert nilai_dari_komponen(JenisFormula.PERSENTASE, {"A": 45, "B": 50}).nilai == pytest.approx(
        90
    )
    assert nilai_dari_komponen(JenisFormula.PERSENTASE, {"A": 1, "B": 0}).alasan == "pembagi 0"


def test_rasio() -> None:
    assert nilai_dari_komponen(JenisFormula.RASIO, {"A": 3, "B": 4}).nilai == pytest.approx(0.75)


def test_jumlah() -> None:
    assert nilai_dari_komponen(JenisFormula.JUMLAH, {"A": 3, "B": 4.5}).nilai == pytest.approx(7.5)


def test_penurunan_and_pertumbuhan_need_baseline() -> None:
    turun = nilai_dari_komponen(JenisFormula.PENURUNAN, {"A": 800}, baseline=1000)
    assert turun.nilai == pytest.approx(20.0)  # (1000 − 800) / 1000 × 100
    naik = nilai_dari_komponen(JenisFormula.PERTUMBUHAN, {"A": 1100}, baseline=1000)
    assert naik.nilai == pytest.approx(10.0)
    assert "baseline" in nilai_dari_komponen(JenisFormula.PENURUNAN, {"A": 1}).alasan
    assert nilai_dari_komponen(JenisFormula.PENURUNAN, {"A": 1}, baseline=0).alasan == "pembagi 0"


def test_indeks_expression_idg() -> None:
    # 002: IDG: 1/3 (Ipar + IDM + Linc)
    h = nilai_dari_komponen(
        JenisFormula.INDEKS, {"Ipar": 60, "IDM": 70, "Linc": 80}, ekspresi="1/3 * (Ipar+IDM+Linc)"
    )
    assert h.nilai == pytest.approx(70.0)


def test_indeks_expression_is_not_python_eval() -> None:
    for bahaya in ("__import__('os').system('true')", "open('/etc/passwd')", "A.__class__"):
        h = hitung_ekspresi(bahaya, {"A": 1.0})
        assert (
            h.nilai is None and "tidak dikenal" in h.alasan
        ) or "tidak dapat dihitung" in h.alasan
    assert hitung_ekspresi("A +* 2", {"A": 1.0}).alasan == "ekspresi 'A +* 2' tidak dapat dihitung"
    h = hitung_ekspresi("1/3 * (Ipar+IDM+Lin-Dist)", {"Ipar": 1, "IDM": 1, "Linc": 1})
    assert h.alasan == "nama 'Lin' tidak dikenal dalam ekspresi; komponen: Ipar, IDM, Linc"
    assert (
        hitung_ekspresi("akar(A)", {"A": 1.0}).alasan
        == "fungsi 'akar' tidak dikenal dalam ekspresi"
    )


def test_status_level_from_name_or_score() -> None:
    kla = [
        Level(nama="Pratama", bawah=500, atas=600),
        Level(nama="Madya", bawah=601, atas=700),
        Level(nama="Nindya", bawah=701, atas=800),
        Level(nama="Utama", bawah=801, atas=900),
        Level(nama="KLA", bawah=901, atas=1000),
    ]
    ind = Indikator(
        nama="Status Capaian Kabupaten Layak Anak (KLA)",
        jenis=JenisFormula.STATUS,
        skala=kla,
        target="Nindya",
        realisasi=[None, "Madya", 750, None],
    )
    assert level_status(750, kla) == "Nindya"
    assert nilai_triwulan(ind, 1).nilai == 2.0
    tahun = nilai_tahunan(ind)
    assert tahun.nilai == 3.0  # last filled quarter: 750 → Nindya
    assert capaian_indikator(ind, tahun).nilai == pytest.approx(100.0)
    tanpa_skala = ind.model_copy(update={"skala": []})
    assert nilai_tahunan(tanpa_skala).alasan == "skala status belum diisi"


def test_missing_quarter_and_text_in_component() -> None:
    ind = Indikator(
        nama="Persentase x",
        jenis=JenisFormula.PERSENTASE,
        komponen=[
            Komponen(kode="A", realisasi=[10, None, "lima", None]),
            Komponen(kode="B", realisasi=[20, None, 10, None]),
        ],
    )
    assert nilai_triwulan(ind, 0).nilai == pytest.approx(50)
    assert nilai_triwulan(ind, 1).alasan == "A kosong"
    assert nilai_triwulan(ind, 2).alasan == "A bukan angka: 'lima'"
    assert nilai_tahunan(ind).alasan == "A bukan angka: 'lima'"


def test_yearly_rollups() -> None:
    komp = [Komponen(kode="A", realisasi=[10, 20, 30, None])]
    jumlah = Indikator(jenis=JenisFormula.JUMLAH, komponen=komp)
    assert nilai_tahunan(jumlah).nilai == 60  # jumlah defaults to kumulatif
    akhir = jumlah.model_copy(update={"agregasi": Agregasi.AKHIR})
    assert nilai_tahunan(akhir).nilai == 30
    rata = jumlah.model_copy(update={"agregasi": Agregasi.RATA_RATA})
    assert nilai_tahunan(rata).nilai == pytest.approx(20)
    persen = Indikator(
        jenis=JenisFormula.PERSENTASE,
        agregasi=Agregasi.KUMULATIF,
        komponen=[
            Komponen(kode="A", realisasi=[5, 10, None, None]),
            Komponen(kode="B", realisasi=[10, 10, None, None]),
        ],
    )
    assert nilai_tahunan(persen).nilai == pytest.approx(75)  # ΣA / ΣB × 100
    kosong = Indikator(jenis=JenisFormula.JUMLAH, komponen=[Komponen(kode="A")])
    assert nilai_tahunan(kosong).alasan == "realisasi belum diisi"


def test_capaian_indikator_band_target() -> None:
    ind = Indikator(jenis=JenisFormula.PERSENTASE, target=RentangTarget(bawah=80, atas=90))
    assert capaian_indikator(ind, Hasil(92.0)).nilai == pytest.approx(102.2222, abs=1e-4)
    assert capaian_indikator(ind.model_copy(update={"target": None}), Hasil(1.0)).alasan == (
        "target belum diisi"
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
    assert tampil_capaian(250) == 200 and tampil_capaian(-5) == 0 and tampil_capaian(99) == 99

"""The value of an indicator from its components: each kind, status levels, the quarters
and the year, and expressions that are never Python's eval."""

from __future__ import annotations

import pytest

from iki_xl.core.formula import (
    default_agregasi,
    evaluate_expression,
    expression_error,
    filled_quarters,
    level_name,
    level_rank,
    quarter_value,
    value_from_komponen,
    year_value,
)
from iki_xl.core.model import Agregasi, Indikator, JenisFormula, Komponen, Level

KLA = [
    Level(nama="Pratama", bawah=500, atas=600),
    Level(nama="Madya", bawah=601, atas=700),
    Level(nama="Nindya", bawah=701, atas=800),
    Level(nama="Utama", bawah=801, atas=900),
    Level(nama="KLA", bawah=901, atas=1000),
]

# ---------------------------------------------------------------- kinds


def test_persentase() -> None:
    assert value_from_komponen(JenisFormula.PERSENTASE, {"A": 45, "B": 50}).value == pytest.approx(
        90
    )
    assert value_from_komponen(JenisFormula.PERSENTASE, {"A": 1, "B": 0}).reason == "pembagi 0"
    assert value_from_komponen(JenisFormula.PERSENTASE, {"A": 1}).reason == (
        "perlu pembilang dan penyebut"
    )


def test_rasio() -> None:
    assert value_from_komponen(JenisFormula.RASIO, {"A": 3, "B": 4}).value == pytest.approx(0.75)


def test_jumlah() -> None:
    assert value_from_komponen(JenisFormula.JUMLAH, {"A": 3, "B": 4.5}).value == pytest.approx(7.5)
    assert value_from_komponen(JenisFormula.JUMLAH, {}).reason == "komponen kosong"


def test_no_kind_and_status_have_no_value_from_komponen() -> None:
    assert value_from_komponen(None, {"A": 1}).reason == "jenis formula belum diisi"
    assert value_from_komponen(JenisFormula.STATUS, {"A": 1}).reason == (
        "status dinilai dari level, bukan komponen"
    )


def test_text_in_a_component_is_read_with_a_note() -> None:
    r = value_from_komponen(JenisFormula.JUMLAH, {"A": "1.234,5", "B": 1})
    assert r.value == pytest.approx(1235.5)
    assert r.note == "teks '1.234,5' dibaca sebagai 1.234,5"


def test_penurunan_and_pertumbuhan_need_baseline() -> None:
    turun = value_from_komponen(JenisFormula.PENURUNAN, {"A": 800}, baseline=1000)
    assert turun.value == pytest.approx(20.0)  # (1000 − 800) / 1000 × 100
    naik = value_from_komponen(JenisFormula.PERTUMBUHAN, {"A": 1100}, baseline=1000)
    assert naik.value == pytest.approx(10.0)
    assert value_from_komponen(JenisFormula.PENURUNAN, {"A": 1}).reason == (
        "baseline tahun lalu kosong"
    )
    assert value_from_komponen(JenisFormula.PENURUNAN, {"A": 1}, baseline=0).reason == "pembagi 0"


def test_indeks_expression_idg() -> None:
    # 002: IDG: 1/3 (Ipar + IDM + Linc)
    r = value_from_komponen(
        JenisFormula.INDEKS, {"Ipar": 60, "IDM": 70, "Linc": 80}, ekspresi="1/3 * (Ipar+IDM+Linc)"
    )
    assert r.value == pytest.approx(70.0)
    # an indeks without expression sums its components
    assert value_from_komponen(JenisFormula.INDEKS, {"A": 1, "B": 2}).value == 3.0


def test_indeks_expression_is_not_python_eval() -> None:
    for danger in ("__import__('os').system('true')", "open('/etc/passwd')", "A.__class__"):
        r = evaluate_expression(danger, {"A": 1.0})
        assert (
            r.value is None and "tidak dikenal" in r.reason
        ) or "tidak dapat dihitung" in r.reason
    assert evaluate_expression("A +* 2", {"A": 1.0}).reason == (
        "ekspresi 'A +* 2' tidak dapat dihitung"
    )
    r = evaluate_expression("1/3 * (Ipar+IDM+Lin-Dist)", {"Ipar": 1, "IDM": 1, "Linc": 1})
    assert r.reason == "nama 'Lin' tidak dikenal dalam ekspresi; komponen: Ipar, IDM, Linc"
    assert evaluate_expression("akar(A)", {"A": 1.0}).reason == (
        "fungsi 'akar' tidak dikenal dalam ekspresi"
    )
    assert evaluate_expression("  ", {}).reason == "ekspresi kosong"
    assert evaluate_expression("A / 0", {"A": 1.0}).reason == "pembagi 0"
    assert evaluate_expression("sqrt(A) + max(A, 2)", {"A": 9.0}).value == 12.0


def test_expression_error() -> None:
    assert expression_error("(A + B) / 2", ("A", "B")) == ""
    assert expression_error("A / (B - B)", ("A", "B")) == ""  # 0 only for these test values
    assert expression_error("A + C", ("A", "B")) == (
        "nama 'C' tidak dikenal dalam ekspresi; komponen: A, B"
    )


# ---------------------------------------------------------------- status levels


def test_status_level_from_name_or_score() -> None:
    ind = Indikator(
        nama="Status Capaian Kabupaten Layak Anak (KLA)",
        jenis=JenisFormula.STATUS,
        skala=KLA,
        target="Nindya",
        realisasi=[None, "Madya", 750, None],
    )
    assert level_name(750, KLA) == "Nindya"
    assert level_name(" nindya ", KLA) == "Nindya"
    assert level_name("Istimewa", KLA) == ""
    assert quarter_value(ind, 1).value == 2.0
    year = year_value(ind)
    assert year.value == 3.0  # last filled quarter: 750 → Nindya
    without_scale = ind.model_copy(update={"skala": []})
    assert year_value(without_scale).reason == "skala status belum diisi"


def test_level_rank_reasons() -> None:
    assert level_rank("Istimewa", KLA).reason == "level 'Istimewa' tidak ada di skala"
    assert level_rank(1234.5, KLA).reason == "nilai 1.234,5 di luar skala"
    assert level_rank(None, KLA).reason == "kosong"
    assert level_rank("Madya", []).reason == "skala status belum diisi"


# ---------------------------------------------------------------- quarters and the year


def test_missing_quarter_and_text_in_component() -> None:
    ind = Indikator(
        nama="Persentase x",
        jenis=JenisFormula.PERSENTASE,
        komponen=[
            Komponen(kode="A", realisasi=[10, None, "lima", None]),
            Komponen(kode="B", realisasi=[20, None, 10, None]),
        ],
    )
    assert quarter_value(ind, 0).value == pytest.approx(50)
    assert quarter_value(ind, 1).reason == "A kosong"
    assert quarter_value(ind, 2).reason == "A bukan angka: 'lima'"
    assert year_value(ind).reason == "A bukan angka: 'lima'"
    assert filled_quarters(ind) == [0, 2]


def test_yearly_rollups() -> None:
    komp = [Komponen(kode="A", realisasi=[10, 20, 30, None])]
    jumlah = Indikator(jenis=JenisFormula.JUMLAH, komponen=komp)
    assert year_value(jumlah).value == 60  # jumlah defaults to kumulatif
    akhir = jumlah.model_copy(update={"agregasi": Agregasi.AKHIR})
    assert year_value(akhir).value == 30
    rata = jumlah.model_copy(update={"agregasi": Agregasi.RATA_RATA})
    assert year_value(rata).value == pytest.approx(20)
    persen = Indikator(
        jenis=JenisFormula.PERSENTASE,
        agregasi=Agregasi.KUMULATIF,
        komponen=[
            Komponen(kode="A", realisasi=[5, 10, None, None]),
            Komponen(kode="B", realisasi=[10, 10, None, None]),
        ],
    )
    assert year_value(persen).value == pytest.approx(75)  # ΣA / ΣB × 100
    kosong = Indikator(jenis=JenisFormula.JUMLAH, komponen=[Komponen(kode="A")])
    assert year_value(kosong).reason == "realisasi belum diisi"


def test_value_entered_without_components() -> None:
    ind = Indikator(jenis=JenisFormula.JUMLAH, realisasi=[1, "2", None, 4])
    assert quarter_value(ind, 1).value == 2.0
    assert filled_quarters(ind) == [0, 1, 3]
    assert year_value(ind).value == 7.0  # kumulatif over the filled quarters
    assert year_value(ind.model_copy(update={"agregasi": Agregasi.AKHIR})).value == 4.0


def test_default_agregasi() -> None:
    assert default_agregasi(JenisFormula.JUMLAH) is Agregasi.KUMULATIF
    for jenis in (None, JenisFormula.PERSENTASE, JenisFormula.STATUS, JenisFormula.INDEKS):
        assert default_agregasi(jenis) is Agregasi.AKHIR

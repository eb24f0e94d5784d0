"""Reading formula prose as the seeds print it, and writing it back."""

from __future__ import annotations

import pytest
from hypothesis import given

from iki_xl.core.formulasi import baca_formulasi, lengkapi_indikator, tulis_formulasi
from iki_xl.core.model import Indikator, JenisFormula, Komponen, Level
from tests.strategies import teks

P = JenisFormula


@pytest.mark.parametrize(
    ("formulasi", "nama", "jenis", "komponen"),
    [
        # 000 Sekretaris: the fraction over two lines, the drifted "X 100%" re-attached
        (
            "Formulasi Pengitungan :\nJumlah Pegawai yang mendapat pelayanan\n"
            "Jumlah Pegawai yang mengajukan Pelayanan\nX 100%",
            "Persentase Peningkatan Kualitas Pelayanan",
            P.PERSENTASE,
            ["Jumlah Pegawai yang mendapat pelayanan", "Jumlah Pegawai yang mengajukan Pelayanan"],
        ),
        # 002 Kepala Dinas
        (
            "∑ PMKS yg ditangani / ∑ PMKS seluruhnya × 100%",
            "Persentase PMKS yang terpulihkan",
            P.PERSENTASE,
            ["PMKS yg ditangani", "PMKS seluruhnya"],
        ),
        ("Jumlah A / Jumlah B X100%", "", P.PERSENTASE, ["Jumlah A", "Jumlah B"]),
        # 000 Kasi: a sum
        (
            "Formulasi Pengitungan :\nƒ(x) = Σ Klien yang pernah direhabilitasi di Shelter",
            "Jumlah Klien",
            P.JUMLAH,
            ["Klien yang pernah direhabilitasi di Shelter"],
        ),
        # a fraction with no × 100 % under a "Persentase" name stays persentase
        ("Jumlah PMKS yang menerima\nJumlah PMKS", "Persentase PMKS", P.PERSENTASE, None),
        ("Jumlah dokter\nJumlah penduduk", "Rasio dokter", P.RASIO, None),
        (
            "Jumlah PMKS (N-1) - Jumlah PMKS (N)\nJumlah PMKS (N-1)\nX 100%",
            "Persentase Penurunan Penyandang PMKS",
            P.PENURUNAN,
            ["Jumlah PMKS"],
        ),
        (
            "Penjelasan :\nKlien adalah penerima manfaat.\nFormulasi Penghitungan :\nƒ(x) =Σ Klien",
            "Jumlah Klien",
            P.JUMLAH,
            ["Klien"],
        ),
        ("-", "Status Capaian Kabupaten Layak Anak (KLA)", P.STATUS, []),
        ("", "Jumlah laporan yang disusun", P.JUMLAH, []),
        ("", "Uraian bebas", None, []),
    ],
)
def test_baca_formulasi(
    formulasi: str, nama: str, jenis: P | None, komponen: list[str] | None
) -> None:
    d = baca_formulasi(formulasi, nama)
    assert d.jenis is jenis
    if komponen is not None:
        assert d.komponen == komponen


def test_index_heading_and_definitions() -> None:
    teks_idg = (
        "IDG: 1/3 (Ipar+IDM+Lin-Dist)\nIpar= indeks keterwakilan di parlemen\n"
        "IDM= indeks pengambilan keputusan\nLinc= indeks distribusi pendapatan."
    )
    d = baca_formulasi(teks_idg, "Indeks Pemberdayaan Gender (IDG)")
    assert d.jenis is P.INDEKS
    assert d.kode == ["Ipar", "IDM", "Linc"]
    assert d.komponen[2] == "indeks distribusi pendapatan"
    assert d.ekspresi == "1/3 * (Ipar+IDM+Lin-Dist)"  # the real defect is kept, for the validator


def test_lengkapi_fills_kind_and_components_only_when_absent() -> None:
    ind = Indikator(nama="Persentase x", formulasi="Jumlah A\nJumlah B\nX 100%")
    full = lengkapi_indikator(ind)
    assert full.jenis is P.PERSENTASE
    assert [k.kode for k in full.komponen] == ["A", "B"]
    assert lengkapi_indikator(full) == full
    stated = Indikator(
        jenis=P.JUMLAH, komponen=[Komponen(kode="X")], formulasi="Jumlah A\nJumlah B"
    )
    assert lengkapi_indikator(stated) == stated


def test_tulis_formulasi_fraction_and_sum() -> None:
    ind = Indikator(
        jenis=P.PERSENTASE,
        komponen=[
            Komponen(kode="A", nama="Jumlah PD yang melaksanakan PPRG"),
            Komponen(kode="B", nama="Jumlah PD"),
        ],
    )
    assert (
        tulis_formulasi(ind, baris=False) == "Jumlah PD yang melaksanakan PPRG / Jumlah PD × 100%"
    )
    baris = tulis_formulasi(ind).splitlines()
    assert baris[0] == "Jumlah PD yang melaksanakan PPRG" and baris[2] == "Jumlah PD × 100%"
    jumlah = Indikator(jenis=P.JUMLAH, komponen=[Komponen(kode="A", nama="Klien")])
    assert tulis_formulasi(jumlah) == "ƒ(x) = Σ Klien"
    idg = Indikator(
        nama="IDG",
        jenis=P.INDEKS,
        ekspresi="1/3 * (Ipar+IDM)",
        komponen=[
            Komponen(kode="Ipar", nama="indeks parlemen"),
            Komponen(kode="IDM", nama="indeks keputusan"),
        ],
    )
    assert tulis_formulasi(idg).splitlines() == [
        "IDG: 1/3 × (Ipar+IDM)",
        "Ipar = indeks parlemen",
        "IDM = indeks keputusan",
    ]
    status = Indikator(jenis=P.STATUS, skala=[Level(nama="Pratama", bawah=500, atas=600)])
    assert tulis_formulasi(status) == "Level: Pratama (500–600)"


def test_written_fraction_reads_back_as_the_same_kind() -> None:
    for jenis in (P.PERSENTASE, P.RASIO, P.JUMLAH):
        komp = [
            Komponen(kode="A", nama="Jumlah klien"),
            Komponen(kode="B", nama="Jumlah seluruh klien"),
        ]
        ind = Indikator(
            nama="Persentase" if jenis is P.PERSENTASE else "", jenis=jenis, komponen=komp
        )
        for baris in (True, False):
            d = baca_formulasi(tulis_formulasi(ind, baris=baris), ind.nama)
            assert d.jenis is jenis, (jenis, baris)


@given(teks(120), teks(40))
def test_baca_formulasi_never_raises(formulasi: str, nama: str) -> None:
    d = baca_formulasi(formulasi, nama)
    assert len(d.kode) == len(d.komponen)

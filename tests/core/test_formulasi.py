"""Reading formula prose as the seeds print it, and writing it back."""

from __future__ import annotations

import pytest
from hypothesis import given

from iki_xl.core.formulasi import (
    FRACTION_BAR,
    complete,
    complete_indikator,
    component_code,
    read_formulasi,
    render_formulasi,
)
from iki_xl.core.model import Dokumen, Indikator, Jabatan, JenisFormula, Kinerja, Komponen, Level
from tests.strategies import text

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
def test_read_formulasi(
    formulasi: str, nama: str, jenis: P | None, komponen: list[str] | None
) -> None:
    d = read_formulasi(formulasi, nama)
    assert d.jenis is jenis
    if komponen is not None:
        assert d.komponen == komponen


def test_index_heading_and_definitions() -> None:
    idg_text = (
        "IDG: 1/3 (Ipar+IDM+Lin-Dist)\nIpar= indeks keterwakilan di parlemen\n"
        "IDM= indeks pengambilan keputusan\nLinc= indeks distribusi pendapatan."
    )
    d = read_formulasi(idg_text, "Indeks Pemberdayaan Gender (IDG)")
    assert d.jenis is P.INDEKS
    assert d.kode == ["Ipar", "IDM", "Linc"]
    assert d.komponen[2] == "indeks distribusi pendapatan"
    assert d.ekspresi == "1/3 * (Ipar+IDM+Lin-Dist)"  # the real defect is kept, for the validator


def test_complete_fills_kind_and_components_only_when_absent() -> None:
    ind = Indikator(nama="Persentase x", formulasi="Jumlah A\nJumlah B\nX 100%")
    full = complete_indikator(ind)
    assert full.jenis is P.PERSENTASE
    assert [k.kode for k in full.komponen] == ["A", "B"]
    assert complete_indikator(full) == full
    stated = Indikator(
        jenis=P.JUMLAH, komponen=[Komponen(kode="X")], formulasi="Jumlah A\nJumlah B"
    )
    assert complete_indikator(stated) == stated


def test_render_formulasi_fraction_and_sum() -> None:
    ind = Indikator(
        jenis=P.PERSENTASE,
        komponen=[
            Komponen(kode="A", nama="Jumlah PD yang melaksanakan PPRG"),
            Komponen(kode="B", nama="Jumlah PD"),
        ],
    )
    assert (
        render_formulasi(ind, lines=False) == "Jumlah PD yang melaksanakan PPRG / Jumlah PD × 100%"
    )
    lines = render_formulasi(ind).splitlines()
    assert lines == ["Jumlah PD yang melaksanakan PPRG", FRACTION_BAR, "Jumlah PD × 100%"]
    jumlah = Indikator(jenis=P.JUMLAH, komponen=[Komponen(kode="A", nama="Klien")])
    assert render_formulasi(jumlah) == "ƒ(x) = Σ Klien"
    idg = Indikator(
        nama="IDG",
        jenis=P.INDEKS,
        ekspresi="1/3 * (Ipar+IDM)",
        komponen=[
            Komponen(kode="Ipar", nama="indeks parlemen"),
            Komponen(kode="IDM", nama="indeks keputusan"),
        ],
    )
    assert render_formulasi(idg).splitlines() == [
        "IDG: 1/3 × (Ipar+IDM)",
        "Ipar = indeks parlemen",
        "IDM = indeks keputusan",
    ]
    status = Indikator(jenis=P.STATUS, skala=[Level(nama="Pratama", bawah=500, atas=600)])
    assert render_formulasi(status) == "Level: Pratama (500–600)"


def test_written_fraction_reads_back_as_the_same_kind() -> None:
    for jenis in (P.PERSENTASE, P.RASIO, P.JUMLAH):
        komp = [
            Komponen(kode="A", nama="Jumlah klien"),
            Komponen(kode="B", nama="Jumlah seluruh klien"),
        ]
        ind = Indikator(
            nama="Persentase" if jenis is P.PERSENTASE else "", jenis=jenis, komponen=komp
        )
        for lines in (True, False):
            d = read_formulasi(render_formulasi(ind, lines=lines), ind.nama)
            assert d.jenis is jenis, (jenis, lines)


@given(text(120), text(40))
def test_read_formulasi_never_raises(formulasi: str, nama: str) -> None:
    d = read_formulasi(formulasi, nama)
    assert len(d.kode) == len(d.komponen)


def test_read_formulasi_depends_on_the_name_only_through_its_kind() -> None:
    text = "Jumlah A yang ditangani (N-1) / Jumlah A (N-1)"
    naik = read_formulasi(text, "Persentase Kenaikan PAD")
    turun = read_formulasi(text, "Persentase Penurunan PMKS")
    assert (naik.jenis, turun.jenis) == (P.PERTUMBUHAN, P.PENURUNAN)  # the growth word decides
    assert read_formulasi("A / B × 100%", "Persentase X") == read_formulasi(
        "A / B × 100%", "Persentase Y lain"
    )


def test_times_100_and_fraction_are_read() -> None:
    d = read_formulasi("Jumlah A / Jumlah B X100%", "")
    assert d.times_100 and d.fraction
    d = read_formulasi("ƒ(x) = Σ Klien", "Jumlah Klien")
    assert not d.times_100 and not d.fraction


def test_render_formulasi_change_and_levels() -> None:
    turun = Indikator(jenis=P.PENURUNAN, komponen=[Komponen(kode="A", nama="PMKS")])
    assert render_formulasi(turun, lines=False) == "(PMKS (N−1) − PMKS (N)) / PMKS (N−1) × 100%"
    assert render_formulasi(turun).splitlines() == [
        "PMKS (N−1) − PMKS (N)",
        FRACTION_BAR,
        "PMKS (N−1) × 100%",
    ]
    status = Indikator(
        jenis=P.STATUS,
        skala=[Level(nama="A", bawah=1234.5, atas=None), Level(nama="B")],
    )
    assert render_formulasi(status) == "Level: A (1.234,5–…), B"
    free = Indikator(formulasi="uraian bebas")
    assert render_formulasi(free) == "uraian bebas"


def test_complete_copies_only_when_something_is_missing() -> None:
    full = Indikator(jenis=P.JUMLAH, komponen=[Komponen(kode="A")])
    done = Dokumen(jabatan=[Jabatan(id="a", kinerja=[Kinerja(indikator=[full])])])
    assert complete(done) is done
    partial = Indikator(nama="Jumlah klien", formulasi="ƒ(x) = Σ Klien")
    doc = Dokumen(jabatan=[Jabatan(id="a", kinerja=[Kinerja(indikator=[partial])])])
    before = doc.model_copy(deep=True)
    completed = complete(doc)
    assert doc == before  # the input is never modified
    ind = completed.jabatan[0].kinerja[0].indikator[0]
    assert ind.jenis is P.JUMLAH and [(k.kode, k.nama) for k in ind.komponen] == [("A", "Klien")]


def test_complete_takes_the_expression_of_an_index() -> None:
    ind = Indikator(
        nama="IDG",
        formulasi="IDG: 1/3 (Ipar+IDM)\nIpar= indeks parlemen\nIDM= indeks keputusan",
    )
    full = complete_indikator(ind)
    assert full.jenis is P.INDEKS
    assert [k.kode for k in full.komponen] == ["Ipar", "IDM"]
    assert full.ekspresi == "1/3 * (Ipar+IDM)"


def test_component_code() -> None:
    assert [component_code(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "K27", "K28"]

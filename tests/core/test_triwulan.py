"""The Laporan Capaian Kinerja Triwulan rows: what a planner reads for a quarter."""

from __future__ import annotations

import pytest

from iki_xl.core.capaian import INCOMPLETE
from iki_xl.core.model import Dokumen, Indikator, Instansi, Jabatan, JenisFormula, Kinerja, Komponen
from iki_xl.core.triwulan import triwulan_report, triwulan_rows
from tests.io.conftest import contoh


def doc() -> Dokumen:
    jumlah = Indikator(
        nama="Jumlah warga yang dibina",
        jenis=JenisFormula.JUMLAH,
        satuan="orang",
        target=100,
        target_triwulan=[20, 30, 25, 25],
        komponen=[Komponen(kode="A", nama="warga", realisasi=[10, 30, 20, 40])],
        faktor_pendukung=["", "Relawan bertambah", "", ""],
        faktor_penghambat=["Anggaran belum cair", "", "", ""],
        tindak_lanjut=["", "Jadwal dipercepat", "", ""],
    )
    persen = Indikator(nama="Persentase laporan tepat waktu", jenis=JenisFormula.PERSENTASE,
                       satuan="%", target=90,
                       komponen=[Komponen(kode="A", nama="tepat", realisasi=[9, 18, None, None]),
                                 Komponen(kode="B", nama="semua", realisasi=[10, 20, None, None])])  # fmt: skip
    tanpa = Indikator(nama="Indikator tanpa target", jenis=JenisFormula.JUMLAH,
                      komponen=[Komponen(kode="A", nama="x", realisasi=[1, None, None, None])])  # fmt: skip
    return Dokumen(
        instansi=Instansi(nama="Dinas Sosial Kota Contoh", tahun=2025),
        jabatan=[
            Jabatan(id="kabid", nama="Kepala Bidang Rehabilitasi Sosial", unit="Bidang Rehsos",
                    kinerja=[Kinerja(sasaran="Warga terbina", indikator=[jumlah, persen])]),
            Jabatan(id="kasi", nama="Kepala Seksi Data", unit="Sekretariat",
                    kinerja=[Kinerja(sasaran="Data rapi", indikator=[tanpa])]),
        ],
    )  # fmt: skip


def test_rows_of_tw_ii_to_date_with_the_quarter_s_faktor() -> None:
    rows = triwulan_rows(doc(), 2)
    assert [r.indikator for r in rows] == [
        "Jumlah warga yang dibina", "Persentase laporan tepat waktu", "Indikator tanpa target"
    ]  # fmt: skip
    jumlah, persen, tanpa = rows
    # kumulatif: 10 + 30 = 40 against 20 + 30 = 50
    assert (jumlah.target, jumlah.realisasi) == (50, 40)
    assert jumlah.capaian == pytest.approx(80.0)
    assert (jumlah.pendukung, jumlah.penghambat, jumlah.tindak_lanjut) == (
        "Relawan bertambah", "", "Jadwal dipercepat"
    )  # fmt: skip
    # persentase, akhir: 18/20 = 90 % against the year's 90 (no quarterly targets)
    assert (persen.target, persen.realisasi, persen.capaian) == (90, pytest.approx(90.0), 100.0)
    assert tanpa.capaian is None and tanpa.keterangan == "target belum diisi"
    assert {r.predikat for r in rows} == {INCOMPLETE}  # the year is not over
    assert {r.dinas for r in rows} == {"Dinas Sosial Kota Contoh"}


def test_tw_iv_gives_the_year_s_predikat_only_where_the_year_is_complete() -> None:
    jumlah, persen, _ = triwulan_rows(doc(), 4)
    assert jumlah.capaian == pytest.approx(100.0) and jumlah.predikat == "Sangat Tinggi"
    assert persen.predikat == INCOMPLETE  # TW III and IV not reported


def test_per_bidang_average_counts_only_indicators_with_a_capaian() -> None:
    report = triwulan_report([(doc(), None)], 2)
    assert report.title == "LAPORAN CAPAIAN KINERJA TRIWULAN II TAHUN 2025"
    rehsos, sekretariat = report.per_bidang()
    assert (rehsos.unit, rehsos.indikator, rehsos.dinilai) == ("Bidang Rehsos", 2, 2)
    assert rehsos.value == pytest.approx(90.0)  # (80 + 100) / 2
    assert (sekretariat.dinilai, sekretariat.value) == (0, None)


def test_quarter_outside_one_to_four() -> None:
    with pytest.raises(ValueError, match="1–4"):
        triwulan_rows(doc(), 5)


@pytest.mark.parametrize("name", ["probolinggo", "sampang"])
def test_examples_report_their_faktor_and_no_low_predikat_for_an_incomplete_year(
    name: str,
) -> None:
    rows = triwulan_rows(contoh(name), 2)
    assert any(r.pendukung and "(CONTOH)" in r.pendukung for r in rows)
    assert {r.predikat for r in rows} == {INCOMPLETE}
    assert sum(r.capaian is not None for r in rows) >= len(rows) // 2

"""Indicator rules (IKI-I…): what an indicator and its formula must say; a trigger and
near misses for each."""

from __future__ import annotations

import pytest

from iki_xl.core.model import Dokumen, JenisFormula
from iki_xl.core.rules import check
from tests.core.rules.document import (
    I_KD,
    I_SEK,
    I_SUB,
    KD,
    SEK,
    SUB,
    Mutation,
    Trigger,
    assert_fires,
    at,
    codes,
    findings_after,
    group_codes,
    ind,
    jabatan_no,
    set_kd,
)


def _expression(d: Dokumen) -> None:
    i = ind(d, KD)
    i.nama = "Indeks Pemberdayaan Gender (IDG)"
    i.jenis = JenisFormula.INDEKS
    i.formulasi = (
        "IDG: 1/3 (Ipar+IDM+Lin-Dist)\nIpar= indeks parlemen\nIDM= indeks keputusan\n"
        "Linc= indeks pendapatan."
    )
    i.satuan = "indeks"
    i.komponen = []
    i.target = 65


TRIGGERS: list[Trigger] = [
    ("IKI-I001", set_kd(nama=""), f"{I_KD}.nama"),
    ("IKI-I002", set_kd(formulasi="-"), f"{I_KD}.formulasi"),
    ("IKI-I003", set_kd(sumber_data=" - "), f"{I_KD}.sumber_data"),
    (
        "IKI-I004",
        set_kd(
            nama="Layanan pengaduan terselesaikan",
            formulasi="Layanan pengaduan yang diselesaikan",
            komponen=[],
            jenis=None,
            satuan="",
        ),
        f"{I_KD}.jenis",
    ),
    (
        "IKI-I005",
        set_kd(formulasi="ƒ(x) = Σ PMKS yang tertangani", komponen=[], jenis=None),
        f"{I_KD}.formulasi",
    ),
    (
        "IKI-I006",
        set_kd(formulasi="Jumlah PMKS yang tertangani × 100%", komponen=[], jenis=None),
        f"{I_KD}.formulasi",
    ),
    (
        "IKI-I007",
        set_kd(formulasi="Jumlah PMKS yang tertangani\nJumlah PMKS seluruhnya"),
        f"{I_KD}.formulasi",
    ),
    (
        "IKI-I008",
        set_kd(formulasi="Formulasi Penghitungan : Persentase PMKS yang tertangani."),
        f"{I_KD}.formulasi",
    ),
    ("IKI-I009", lambda d: setattr(ind(d, SUB), "skala", []), f"{I_SUB}.skala"),
    ("IKI-I010", set_kd(satuan="orang"), f"{I_KD}.satuan"),
    (
        "IKI-I011",
        lambda d: d.jabatan[KD].kinerja[0].indikator.append(ind(d, KD).model_copy(deep=True)),
        "jabatan[0].kinerja[0].indikator[1].nama",
    ),
    ("IKI-I012", set_kd(sumber_data="Dinsos PPPA"), f"{I_KD}.sumber_data"),
    ("IKI-I013", _expression, f"{I_KD}.ekspresi"),
    (
        "IKI-I014",
        lambda d: setattr(
            ind(d, SEK), "formulasi", "ƒ(x) = Σ Perempuan Rawan Sosial Ekonomi yang disusun"
        ),
        f"{I_SEK}.formulasi",
    ),
    (
        "IKI-I015",
        set_kd(formulasi="Formulasi Penghitungan :\nPersentase PMKS tertangani"),
        f"{I_KD}.formulasi",
    ),
    ("IKI-I016", set_kd(nama="Data PMKS yang tertangani"), f"{I_KD}.nama"),
    (
        "IKI-I017",
        lambda d: setattr(ind(d, SEK), "formulasi", "ƒ(x) = Σ Jumlah dokumen perencanaan"),
        f"{I_SEK}.formulasi",
    ),
]


def test_every_indikator_rule_has_a_trigger() -> None:
    assert sorted({code for code, _, _ in TRIGGERS}) == group_codes("I")


@pytest.mark.parametrize(("code", "mutate", "jalur"), TRIGGERS, ids=[t[0] for t in TRIGGERS])
def test_rule_fires_at_its_jalur(code: str, mutate: Mutation, jalur: str) -> None:
    assert_fires(code, mutate, jalur)


def test_messages() -> None:
    [i013] = [f for f in findings_after(_expression) if f.code == "IKI-I013"]
    assert i013.message == (
        "Ekspresi indeks 'Indeks Pemberdayaan Gender (IDG)' '1/3 * (Ipar+IDM+Lin-Dist)' tidak "
        "dapat dihitung: nama 'Lin' tidak dikenal dalam ekspresi; komponen: Ipar, IDM, Linc."
    )
    [i014] = [f for f in findings_after(TRIGGERS[13][1]) if f.code == "IKI-I014"]
    assert i014.message == (
        "Indikator 'Jumlah dokumen perencanaan yang disusun' menghitung 'dokumen perencanaan', "
        "tetapi formulasinya menjumlahkan 'Perempuan Rawan Sosial Ekonomi'."
    )


def test_messages_of_the_wording_rules() -> None:
    [i015] = [f for f in findings_after(TRIGGERS[14][1]) if f.code == "IKI-I015"]
    assert i015.message == (
        "Formulasi indikator 'Persentase PMKS yang tertangani' hampir sama dengan nama "
        "indikatornya: 'Persentase PMKS tertangani'."
    )
    [i016] = [f for f in findings_after(TRIGGERS[15][1]) if f.code == "IKI-I016"]
    assert "diawali 'Data'" in i016.message
    [i017] = [f for f in findings_after(TRIGGERS[16][1]) if f.code == "IKI-I017"]
    assert i017.message.endswith("'Σ Jumlah'.")
    assert i017.saran == "Pakai salah satu: 'Σ …' atau 'Jumlah …'."


# ---------------------------------------------------------------- near misses


@pytest.mark.parametrize(
    "formulasi",
    [
        "Jumlah PMKS yang tertangani / Jumlah PMKS seluruhnya × 100%",  # a formula mark
        "Persentase PMKS yang tertangani\nJumlah PMKS seluruhnya",  # two lines
        "Persentase bantuan sosial yang disalurkan tepat waktu",  # another text
    ],
)
def test_formula_that_is_more_than_the_name_is_not_i015(formulasi: str) -> None:
    assert "IKI-I015" not in codes(findings_after(set_kd(formulasi=formulasi)))


def test_formula_equal_to_the_name_is_i008_not_i015() -> None:
    found = codes(findings_after(set_kd(formulasi="Persentase PMKS yang tertangani")))
    assert "IKI-I008" in found and "IKI-I015" not in found


@pytest.mark.parametrize(
    "nama",
    [
        "Persentase PMKS yang tertangani",
        "PersentasePenyandang Masalah Kesejahteraan Sosial yang tertangani",  # glued
        "Jumllah PMKS yang tertangani",  # a measure word misspelt: B001's job
        "Tingkat kepuasan masyarakat",
        "Cakupan pelayanan PMKS",
        "Anak terlantar yang mendapat Persentase bantuan",  # a measure word further on
    ],
)
def test_names_that_measure_are_not_i016(nama: str) -> None:
    assert "IKI-I016" not in codes(findings_after(set_kd(nama=nama)))


@pytest.mark.parametrize(
    "nama", ["Tersedianya data PMKS", "Pelaksanaan bimbingan teknis", "Dokumen Renja"]
)
def test_names_of_things_or_activities_are_i016(nama: str) -> None:
    assert "IKI-I016" in codes(findings_after(set_kd(nama=nama)))


@pytest.mark.parametrize(
    "formulasi",
    ["ƒ(x) = Σ dokumen perencanaan yang disusun", "Jumlah dokumen perencanaan (Σ per triwulan)"],
)
def test_one_mark_of_a_sum_is_not_i017(formulasi: str) -> None:
    assert "IKI-I017" not in codes(
        findings_after(lambda d: setattr(ind(d, SEK), "formulasi", formulasi))
    )


def test_jumlah_with_persen_in_the_name_of_a_jumlah() -> None:
    findings = findings_after(
        lambda d: setattr(
            ind(d, SEK), "formulasi", "Jumlah dokumen yang disusun\nJumlah dokumen\n× 100%"
        )
    )
    assert "IKI-I005" in codes(findings)


def test_percentage_name_with_sum_formula_reports_kind_not_denominator() -> None:
    findings = findings_after(
        set_kd(formulasi="ƒ(x) = Σ PMKS yang tertangani", komponen=[], jenis=None)
    )
    assert "IKI-I005" in codes(findings)
    assert "IKI-I006" not in codes(findings)
    assert "IKI-I010" not in codes(findings)  # the kind is the problem, not the unit


def test_jumlah_subject_matches_through_an_acronym() -> None:
    def mutate(d: Dokumen) -> None:
        ind(d, SEK).nama = "Jumlah Perangkat Daerah yang melaksanakan PPRG"
        ind(d, SEK).formulasi = "ƒ(x) = Σ PD yang melaksanakan PPRG"

    assert "IKI-I014" not in codes(findings_after(mutate))


def test_office_as_source_is_reported_once_per_office_per_jabatan() -> None:
    def mutate(d: Dokumen) -> None:
        second = ind(d, KD).model_copy(deep=True)
        second.nama = "Persentase PMKS yang dibina"
        d.jabatan[KD].kinerja[0].indikator.append(second)
        for i in d.jabatan[KD].kinerja[0].indikator:
            i.sumber_data = "Dinsos PPPA"

    findings = [f for f in findings_after(mutate) if f.code == "IKI-I012"]
    assert [f.jalur for f in findings] == [f"{I_KD}.sumber_data"]
    assert findings[0].message == (
        "Sumber data 'Dinsos PPPA' menyebut unit kerja, bukan dokumen atau data "
        "(juga pada 1 indikator lain di jabatan ini)."
    )


def test_an_office_named_with_its_data_is_a_source() -> None:
    assert findings_after(set_kd(sumber_data="Laporan bulanan Dinsos PPPA")) == []


# ---------------------------------------------------------------- Sampang (seed 002)


def test_sampang_kla_status_indicators_without_scale(sampang: Dokumen) -> None:
    kd, sek = jabatan_no(sampang, "kepala-dinas"), jabatan_no(sampang, "sekretaris")
    assert set(at(check(sampang), "IKI-I009")) == {
        f"jabatan[{kd}].kinerja[2].indikator[0].skala",
        f"jabatan[{sek}].kinerja[2].indikator[0].skala",
    }


def test_sampang_idg_expression_names_an_undefined_component(sampang: Dokumen) -> None:
    kd = jabatan_no(sampang, "kepala-dinas")
    findings = [f for f in check(sampang) if f.code == "IKI-I013"]
    assert f"jabatan[{kd}].kinerja[1].indikator[0].ekspresi" in {f.jalur for f in findings}
    assert "Lin" in findings[0].message


def test_sampang_fractions_printed_without_times_100(sampang: Dokumen) -> None:
    # read from the seed: Kabid Rehabilitasi 5, Kabid Pemberdayaan 1 (the TMP one has it),
    # Kabid Perlindungan 3, Kabid PPPA 5 fractions print no "× 100%"
    per_jabatan: dict[str, int] = {}
    for f in check(sampang):
        if f.code == "IKI-I007":
            per_jabatan[f.jabatan] = per_jabatan.get(f.jabatan, 0) + 1
    nama = {j.id: j.nama for j in sampang.jabatan}
    assert per_jabatan == {
        nama["kabid-rehabilitasi-sosial"]: 5,
        nama["kabid-pemberdayaan-sosial"]: 1,
        nama["kabid-perlindungan-jaminan-sosial"]: 3,
        nama["kabid-pppa"]: 5,
    }


# ---------------------------------------------------------------- Probolinggo (seed 000)


def test_probolinggo_indicators_without_sumber_data(probolinggo: Dokumen) -> None:
    kp = jabatan_no(probolinggo, "kasubag-program-keuangan")
    ka = jabatan_no(probolinggo, "kasi-rehabilitasi-sosial-anak-lansia")
    assert set(at(check(probolinggo), "IKI-I003")) == {
        f"jabatan[{kp}].kinerja[0].indikator[1].sumber_data",
        f"jabatan[{kp}].kinerja[0].indikator[2].sumber_data",
        f"jabatan[{ka}].kinerja[0].indikator[1].sumber_data",
        f"jabatan[{ka}].kinerja[0].indikator[2].sumber_data",
    }


def test_probolinggo_kasi_jaminan_sosial_counts_something_else(probolinggo: Dokumen) -> None:
    js = jabatan_no(probolinggo, "kasi-jaminan-sosial")
    assert f"jabatan[{js}].kinerja[0].indikator[0].formulasi" in at(check(probolinggo), "IKI-I014")

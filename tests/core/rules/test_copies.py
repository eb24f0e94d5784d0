"""Rules across jabatan (IKI-S014, S019–S023, rules/copies.py): copied lists and tables,
another unit's name, same names, mixed name styles. A trigger for each, and near misses."""

from __future__ import annotations

import pytest

from iki_xl.core.model import Dokumen, Jabatan, JenisJabatan
from iki_xl.core.rules import check
from iki_xl.core.rules.copies import Units, name_style, normalize_units, unit_of
from tests.core.rules.document import (
    KD,
    SEK,
    SUB,
    Mutation,
    Trigger,
    add_jabatan,
    assert_fires,
    at,
    codes,
    findings_after,
    ind,
)

TUGAS_UMUM = [
    "Menyusun rencana kerja Sub Bagian Umum;",
    "Melaksanakan urusan rumah tangga dan keprotokolan;",
    "Melaksanakan pengelolaan arsip dan perpustakaan;",
    "Menyusun laporan pelaksanaan kegiatan Sub Bagian Umum.",
]


def _keuangan(tugas: list[str]) -> Mutation:
    """A Kepala Sub Bagian Keuangan beside the Kepala Sub Bagian Umum, with these tugas."""

    def mutate(d: Dokumen) -> None:
        d.jabatan[SUB].tugas = list(TUGAS_UMUM)
        add_jabatan(d, id="kasubag-keuangan", nama="Kepala Sub Bagian Keuangan", tugas=tugas)
        ind(d, 3).nama = "Persentase laporan keuangan yang tepat waktu"

    return mutate


def _near_table(d: Dokumen) -> None:
    d.jabatan[SEK].kinerja = [k.model_copy(deep=True) for k in d.jabatan[KD].kinerja]
    ind(d, SEK).nama = "Persentase PMKS yang sudah tertangani"
    ind(d, SEK).mendukung = "Persentase PMKS yang tertangani"


def _mixed_case(d: Dokumen) -> None:
    add_jabatan(d, id="kasi-rehsos", nama="Kepala Seksi Rehabilitasi Sosial")
    add_jabatan(d, id="kasi-dayasos", nama="KEPALA SEKSI PEMBERDAYAAN SOSIAL")
    ind(d, 3).nama = "Persentase PMKS yang direhabilitasi"
    ind(d, 4).nama = "Persentase PSKS yang diberdayakan"


_COPY = [t.replace("Umum", "Keuangan") for t in TUGAS_UMUM]

TRIGGERS: list[Trigger] = [
    ("IKI-S019", _keuangan(_COPY), "jabatan[3].tugas"),
    (
        "IKI-S020",
        _keuangan(["Menyusun rencana kerja Sub Bagian Umum;", "Mengelola keuangan Dinas."]),
        "jabatan[3].tugas[0]",
    ),
    ("IKI-S021", lambda d: add_jabatan(d, id="x", unit="Bidang Lain"), "jabatan[3].nama"),
    ("IKI-S022", _near_table, "jabatan[1].kinerja"),
    ("IKI-S023", _mixed_case, "jabatan[4].nama"),
]


@pytest.mark.parametrize(("code", "mutate", "jalur"), TRIGGERS, ids=[t[0] for t in TRIGGERS])
def test_rule_fires_at_its_jalur(code: str, mutate: Mutation, jalur: str) -> None:
    assert_fires(code, mutate, jalur)


def test_messages() -> None:
    [s019] = [f for f in findings_after(TRIGGERS[0][1]) if f.code == "IKI-S019"]
    assert s019.message == (
        "Daftar tugas jabatan ini sama dengan daftar tugas 'Kepala Sub Bagian Umum'."
    )
    [s020] = [f for f in findings_after(TRIGGERS[1][1]) if f.code == "IKI-S020"]
    assert s020.message == (
        "Butir tugas a menyebut unit lain: 'Subbagian Umum', bukan 'Subbagian Keuangan'."
    )
    [s023] = [f for f in findings_after(_mixed_case) if f.code == "IKI-S023"]
    assert s023.message == (
        "Nama jabatan 'KEPALA SEKSI PEMBERDAYAAN SOSIAL' ditulis dengan HURUF BESAR, "
        "jabatan lain dengan Huruf Awal Kapital."
    )


def test_a_near_copy_of_a_list_is_reported_with_its_share() -> None:
    changed = [*_COPY[:3], "Menyusun laporan kegiatan Sub Bagian Keuangan."]
    changed[1] = "Melaksanakan urusan rumah tangga serta keprotokolan;"
    [s019] = [f for f in findings_after(_keuangan(changed)) if f.code == "IKI-S019"]
    assert "hampir sama (4 dari 4 butir sama)" in s019.message


def test_sibling_lists_sharing_boilerplate_are_not_copies() -> None:
    own = [
        "Menyusun rencana kerja Sub Bagian Keuangan;",
        "Melaksanakan penyusunan anggaran Dinas;",
        "Melaksanakan penatausahaan keuangan;",
        "Menyusun laporan pelaksanaan kegiatan Sub Bagian Keuangan.",
    ]
    assert "IKI-S019" not in codes(findings_after(_keuangan(own)))


def _seksi(tugas: list[str]) -> Mutation:
    """Two Seksi under a Kepala Bidang Sosial; the first has these tugas."""

    def mutate(d: Dokumen) -> None:
        d.jabatan[SEK].nama = "Kepala Bidang Sosial"
        d.jabatan[SUB].nama = "Kepala Seksi Rehabilitasi"
        add_jabatan(d, id="kasi-dayasos", nama="Kepala Seksi Pemberdayaan")
        d.jabatan[SUB].tugas = tugas
        ind(d, 3).nama = "Status Capaian Kecamatan Layak Anak"

    return mutate


def test_naming_its_own_unit_or_the_atasan_unit_is_fine() -> None:
    own = [
        "Membantu Kepala Bidang Sosial menyusun rencana;",
        "Menyusun laporan Seksi Rehabilitasi.",
    ]
    assert findings_after(_seksi(own)) == []
    other = [own[0], "Menyusun laporan Seksi Pemberdayaan."]
    assert at(findings_after(_seksi(other)), "IKI-S020") == ["jabatan[2].tugas[1]"]


def test_same_name_in_the_same_unit_is_s003_only() -> None:
    found = findings_after(lambda d: add_jabatan(d, id="kasubag-umum-2"))
    assert "IKI-S003" in codes(found) and "IKI-S021" not in codes(found)


def test_names_that_differ_only_by_punctuation_are_the_same_name() -> None:
    found = findings_after(
        lambda d: add_jabatan(d, id="x", unit="Bidang Lain", nama="Kepala Sub. Bagian Umum")
    )
    assert at(found, "IKI-S021") == ["jabatan[3].nama"]


def test_an_exact_table_copy_is_s014_not_s022() -> None:
    def mutate(d: Dokumen) -> None:
        d.jabatan[SEK].kinerja = [k.model_copy(deep=True) for k in d.jabatan[KD].kinerja]

    found = findings_after(mutate)
    assert "IKI-S014" in codes(found) and "IKI-S022" not in codes(found)


def test_tables_with_other_indicators_are_not_copies() -> None:
    assert not {"IKI-S014", "IKI-S022"} & codes(findings_after(lambda d: None))


def test_mixed_styles_need_a_majority() -> None:
    assert "IKI-S023" not in codes(findings_after(lambda d: None))  # three names only
    assert name_style("KEPALA DINAS SOSIAL") == "UPPER"
    assert name_style("Ka. Sub Bagian Umum") == "Title"
    assert name_style("Kepala seksi penanganan fakir miskin") == "lower"


def test_units_are_read_from_names_and_found_word_by_word() -> None:
    def jab(nama: str) -> Jabatan:
        return Jabatan(id=nama, nama=nama, jenis=JenisJabatan.PENGAWAS)

    assert unit_of(jab("KepalaSeksi Jaminan Sosial.")) == "seksi jaminan sosial"
    assert unit_of(jab("Ka. SUB BAGIAN UMUM DINAS SOSIAL PPPA")) == "subbagian umum"
    assert unit_of(jab("Sekretaris")) is None
    assert normalize_units("Seksikepahlawanan") == "seksi kepahlawanan"
    doc = Dokumen(jabatan=[jab("Kepala Seksi Jaminan Sosial"), jab("Kepala Seksi Jaminan")])
    units = Units(doc)
    words = ["menyusun", "laporan", "seksi", "jaminan", "sosial", "dan", "seksi", "jaminan"]
    assert [u for _, _, u in units.spans(words)] == ["seksi jaminan sosial", "seksi jaminan"]
    assert units.masked("Laporan Seksi Jaminan Sosial.") == "laporan unit"


def test_the_seeds_copies(sampang: Dokumen, probolinggo: Dokumen) -> None:
    found = check(sampang)
    assert at(found, "IKI-S014") == ["jabatan[1].kinerja[0].sasaran"]  # Sekretaris = Kepala Dinas
    assert not {"IKI-S019", "IKI-S020", "IKI-S021", "IKI-S022"} & codes(found)
    found = check(probolinggo)
    assert not {"IKI-S014", "IKI-S019", "IKI-S020", "IKI-S021", "IKI-S022"} & codes(found)
    # "KepalaSeksi penanganan fakir miskin.": the one name in lower case
    assert [f.message.split("'")[1] for f in found if f.code == "IKI-S023"] == [
        "KepalaSeksi penanganan fakir miskin."
    ]

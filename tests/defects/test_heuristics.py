"""Reference heuristics (reference_checker.py): a trigger and a non-trigger test each."""

from __future__ import annotations

import copy

import pytest

from iki_xl.core.model import Dokumen, Indikator, Jabatan, Kinerja
from tests.defects import reference_checker as rc
from tests.defects.make_defects import load_base


@pytest.mark.parametrize(
    "text",
    [
        "Menyusun laporan pelaksanaan program dan",
        "Melaksanakan koordinasi,",
        "sesuai dengan",
        "pelaksanaan tugas serta",
        "Jumlah korban (KK yang",
        "Jumlah PMKS yang\nJumlah PMKS seluruhnya",
    ],
)
def test_truncation_trigger(text: str) -> None:
    assert rc.truncated(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pelaksanaan monitoring, evaluasi dan pelaporan program kerja Dinas; dan",
        "Melaksanakan tugas lain sesuai dengan tugas dan fungsinya.",
        "Formulasi Penghitungan :",
        "Jumlah PMKS (Penyandang Masalah Kesejahteraan Sosial)",
    ],
)
def test_truncation_non_trigger(text: str) -> None:
    assert rc.truncated(text) is None


LIST = [
    "Menyusun rencana kerja Seksi;",
    "Membagi tugas kepada bawahan;",
    "Menyiapkan bahan koordinasi;",
    "Menyusun laporan Seksi; dan",
    "Melaksanakan tugas lain yang diberikan oleh atasan.",
]


def test_list_not_last() -> None:
    assert rc.list_not_last(LIST) == []
    moved = [LIST[0], LIST[4], *LIST[1:4]]
    assert rc.list_not_last(moved) == [1]


def test_list_dan() -> None:
    assert rc.list_dan(LIST) == []
    assert rc.list_dan(["Menyusun rencana; dan", *LIST[1:]]) == [0]
    assert rc.list_dan([*LIST[:4], LIST[4] + "; dan"]) == [4]


def test_merged_items() -> None:
    assert rc.merged_items(LIST) == []
    assert rc.merged_items(
        ["Menyusun rencana kerja; Membagi tugas kepada bawahan;", *LIST[2:]]
    ) == [0]
    assert rc.merged_items(["Mencatat barang inventaris Menyimpan dokumen;", *LIST[2:]]) == [0]
    ok = [
        "Jumlah Keg. Penyediaan Sarpras;",
        "Pelaksanaan Monitoring, Evaluasi dan Pelaporan Kegiatan;",
    ]
    assert rc.merged_items(ok) == []


def test_near_duplicate_items() -> None:
    assert rc.near_duplicate_items(LIST) == []
    assert rc.near_duplicate_items([*LIST[:4], "menyusun rencana kerja Seksi.", LIST[4]]) == [
        (0, 4)
    ]


def _doc(*jabatan: Jabatan) -> Dokumen:
    return Dokumen(jabatan=list(jabatan))


def _kasi(i: int, unit: str, tugas: list[str], nama: str | None = None) -> Jabatan:
    return Jabatan(id=f"kasi-{i}", nama=nama or f"Kepala Seksi {unit}", tugas=tugas, atasan="kabid")


PELAKSANA = [
    "Menerima surat masuk;",
    "Mengarsipkan naskah dinas;",
    "Menyiapkan bahan rapat;",
    "Mengetik konsep surat; dan",
    "Melaksanakan tugas lain yang diberikan oleh atasan.",
]


def test_duplicate_tugas_across() -> None:
    a = Jabatan(id="p1", nama="Pengadministrasi Umum", tugas=PELAKSANA)
    b = Jabatan(
        id="p2",
        nama="Pengelola Data",
        tugas=[*PELAKSANA[:3], "Mengetik konsep surat;", PELAKSANA[4]],
    )
    c = Jabatan(
        id="p3",
        nama="Pengemudi",
        tugas=[
            "Mengemudikan kendaraan dinas;",
            "Merawat kendaraan;",
            "Mencatat bahan bakar;",
            PELAKSANA[4],
        ],
    )
    assert rc.duplicate_tugas_across(_doc(a, b, c)) == [(0, 1)]
    assert rc.duplicate_tugas_across(_doc(a, c)) == []


def test_duplicate_tugas_across_ignores_unit_names_only_in_copies() -> None:
    doc = load_base("probolinggo")
    assert rc.duplicate_tugas_across(doc) == []  # sibling Seksi share boilerplate only
    d = copy.deepcopy(doc)
    kasi_a, kasi_b = d.jabatan[4], d.jabatan[5]
    kasi_b.tugas = [
        t.replace("Anak dan Lanjut Usia", "Penyandang Disabilitas") for t in kasi_a.tugas
    ]
    assert (4, 5) in rc.duplicate_tugas_across(d)


def test_wrong_unit_copy() -> None:
    kabid = Jabatan(id="kabid", nama="Kepala Bidang Perlindungan dan Jaminan Sosial")
    a = _kasi(
        1,
        "Jaminan Sosial",
        [
            "Menyusun laporan kegiatan Seksi Jaminan Sosial;",
            "Melaksanakan tugas lain dari Kepala Bidang Perlindungan dan Jaminan Sosial.",
        ],
    )
    b = _kasi(
        2,
        "Perlindungan Sosial Korban Bencana",
        ["Menyusun laporan kegiatan Seksi Perlindungan Sosial Korban Bencana;"],
    )
    assert rc.wrong_unit_items(_doc(kabid, a, b)) == []
    b.tugas = ["Menyusun laporan kegiatan Seksi Jaminan Sosial;"]
    assert rc.wrong_unit_items(_doc(kabid, a, b)) == [(2, "tugas", 0, "seksi jaminan sosial")]


def test_same_name_jabatan() -> None:
    a, b = (
        _kasi(1, "Jaminan Sosial", []),
        _kasi(2, "Jaminan Sosial", [], "KepalaSeksi Jaminan Sosial."),
    )
    assert rc.same_name_jabatan(_doc(a, b)) == [(0, 1)]
    assert rc.same_name_jabatan(_doc(a, _kasi(3, "Advokasi", []))) == []


def _table(nama: str, formulasi: str) -> list[Kinerja]:
    return [
        Kinerja(sasaran="Meningkatnya X", indikator=[Indikator(nama=nama, formulasi=formulasi)])
    ]


def test_copied_table() -> None:
    a = Jabatan(
        id="a", nama="A", kinerja=_table("Persentase PMKS yang ditangani", "Jumlah A\nJumlah B")
    )
    b = Jabatan(
        id="b", nama="B", kinerja=_table("Persentase PMKS yang ditangani.", "Jumlah A\nJumlah B")
    )
    c = Jabatan(id="c", nama="C", kinerja=_table("Jumlah Klien di Shelter", "ƒ(x) = Σ Klien"))
    e = Jabatan(id="e", nama="E")
    assert rc.copied_tables(_doc(a, b, c, e)) == [(0, 1)]
    assert rc.copied_tables(_doc(a, c, e, Jabatan(id="f", nama="F"))) == []


def test_mixed_case_names() -> None:
    names = [
        "Kepala Seksi Jaminan Sosial",
        "Kepala Seksi Advokasi",
        "Kepala Bidang Perlindungan",
        "Sekretaris Dinas Sosial",
    ]
    js = [Jabatan(id=str(i), nama=n) for i, n in enumerate(names)]
    assert rc.mixed_case_names(_doc(*js)) == []
    js.append(Jabatan(id="x", nama="KEPALA SEKSI KORBAN BENCANA"))
    assert rc.mixed_case_names(_doc(*js)) == [(4, "UPPER", "Title")]


def test_not_a_measure() -> None:
    assert rc.not_a_measure("Data PMKS yang ditangani") == "Data"
    assert rc.not_a_measure("Tersedianya data penerima bantuan") == "Tersedianya"
    for ok in (
        "Persentase PMKS yang ditangani",
        "Jumllah Klien",
        "Indeks Pemberdayaan Gender",
        "PersentasePenyandangMasalahKesejahteraanSosial (PMKS)",
        "Status Capaian KLA",
    ):
        assert rc.not_a_measure(ok) is None


def test_double_sum() -> None:
    assert rc.double_sum("∑ Jumlah TMP yang dipelihara\n∑ Jumlah seluruh TMP") == "∑ Jumlah"
    assert rc.double_sum("ƒ(x) = Σ Klien yang direhabilitasi") is None


def test_abbreviation_repeat() -> None:
    exp = rc.document_expansions(["Lembaga Kesejahteraan Sosial (LKS) adalah organisasi"])
    assert exp["LKS"] == "Lembaga Kesejahteraan Sosial"
    assert rc.abbreviation_repeats("Persentase Penurunan Penyandang PMKS", exp) == [
        ("PMKS", "Penyandang")
    ]
    assert rc.abbreviation_repeats("Jumlah Lembaga LKS yang dibina", exp) == [("LKS", "Lembaga")]
    assert rc.abbreviation_repeats("Lembaga Kesejahteraan Sosial (LKS) yang dibina", exp) == []
    assert rc.abbreviation_repeats("Jumlah PMKS yang ditangani", exp) == []


def test_every_finding_has_a_message_and_saran() -> None:
    for t in rc.check(load_base("sampang")):
        assert t.pesan and t.saran and t.kind and t.jalur.startswith("jabatan[")

"""Sheet names of jabatan: readable, whole words, unique without "(2)", at most 31
characters — on both bundled examples and on two realistic 50- and 30-jabatan Dinas.

Each list pairs (jabatan name, sheet name) so a reviewer reads what a planner will see.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from iki_xl import layout as L
from iki_xl.core.jabatan_names import SHEET_ABBREVIATIONS, SHEET_SHORTHAND, normal_name
from iki_xl.io import interchange
from tests.io.conftest import CONTOH

PROBOLINGGO = [
    ("Sekretaris", "Sekretaris"),
    ("KepalaSub. Bagian Tata Usaha", "Kasubag Tata Usaha"),
    ("KepalaSub. Bagian Program dan Keuangan", "Kasubag Program dan Keuangan"),
    ("Kepala Bidang Pelayanan dan Rehabilitasi Sosial", "Kabid Pelay. dan Rehab. Sosial"),
    (
        "Kepala Seksi Pelayanan dan Rehabilitasi Sosial Anak dan Lanjut Usia.",
        "Kasi Yanrehsos Anak & Lansia",
    ),
    (
        "Kepala Seksi Pelayanan dan Rehabilitasi Sosial Penyandang Disabilitas.",
        "Kasi Yanrehsos Disabilitas",
    ),
    ("Kepala Seksi Pelayanan dan Rehabilitasi Sosial Tuna Sosial.", "Kasi Yanrehsos Tuna Sosial"),
    ("Kepala Bidang Pemberdayaan Sosial.", "Kabid Pemberdayaan Sosial"),
    ("KepalaSeksi Kepahlawanan, Keperintisan dan Kesetiakawanan Sosial.", "Kasi K3S"),
    ("KepalaSeksi penanganan fakir miskin.", "Kasi penanganan fakir miskin"),
    (
        "KepalaSeksi Pemberdayaan Kelembagaan Sosial dan Partisipasi Sosial.",
        "Kasi Pemb. Kelemb. Sosial",
    ),
    ("KepalaBidang Perlindungan dan Jaminan Sosial.", "Kabid Perlind. & Jaminan Sosial"),
    ("KepalaSeksi Perlindungan Sosial Korban Bencana.", "Kasi Linsos Korban Bencana"),
    ("KepalaSeksi Jaminan Sosial.", "Kasi Jaminan Sosial"),
    ("KepalaSeksi Advokasi dan Lembaga Konsultasi Kesejahteraan Keluarga", "Kasi Advokasi & LK3"),
]
SAMPANG = [
    ("KEPALA DINAS SOSIAL PPPA KABUPATEN SAMPANG", "Kepala Dinas Sosial PPPA"),
    ("SEKRETARIS DINAS SOSIAL PPPA KABUPATEN SAMPANG", "Sekretaris Dinas Sosial PPPA"),
    ("Ka. SUB BAGIAN UMUM DINAS SOSIAL PPPA KABUPATEN SAMPANG", "Kasubag Umum"),
    (
        "Ka. BIDANG REHABILITASI SOSIAL DINAS SOSIAL PPPA KABUPATEN SAMPANG",
        "Kabid Rehabilitasi Sosial",
    ),
    (
        "Ka. BIDANG PEMBERDAYAAN SOSIAL DINAS SOSIAL PPPA KABUPATEN SAMPANG",
        "Kabid Pemberdayaan Sosial",
    ),
    (
        "Ka. BIDANG PERLINDUNGAN DAN JAMINAN SOSIAL DINAS SOSIAL PPPA KABUPATEN SAMPANG",
        "Kabid Perlind. & Jaminan Sosial",
    ),
    (
        "Ka. BIDANG PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK DINAS SOSIAL PPPA KABUPATEN SAMPANG",
        "Kabid PPPA",
    ),
]
# A Dinas Sosial P3A with 50 jabatan: structural, functional and pelaksana, two
# Pengadministrasi Umum told apart by their Bidang.
DINAS_SOSIAL = [
    ("Kepala Dinas Sosial", "Kepala Dinas Sosial"),
    ("Sekretaris Dinas Sosial", "Sekretaris Dinas Sosial"),
    ("Kepala Sub Bagian Umum dan Kepegawaian", "Kasubag Umum dan Kepegawaian"),
    ("Kepala Sub Bagian Keuangan", "Kasubag Keuangan"),
    ("Kepala Sub Bagian Perencanaan, Evaluasi dan Pelaporan", "Kasubag PEP"),
    ("Kepala Bidang Rehabilitasi Sosial", "Kabid Rehabilitasi Sosial"),
    ("Kepala Seksi Rehabilitasi Sosial Anak dan Lanjut Usia", "Kasi Rehsos Anak & Lansia"),
    ("Kepala Seksi Rehabilitasi Sosial Penyandang Disabilitas", "Kasi Rehsos Peny. Disabilitas"),
    (
        "Kepala Seksi Rehabilitasi Sosial Tuna Sosial dan Korban Perdagangan Orang",
        "Kasi Rehsos Tuna Sosial",
    ),
    ("Kepala Bidang Perlindungan dan Jaminan Sosial", "Kabid Perlind. & Jaminan Sosial"),
    ("Kepala Seksi Perlindungan Sosial Korban Bencana Alam", "Kasi Linsos Korban Bencana Alam"),
    ("Kepala Seksi Perlindungan Sosial Korban Bencana Sosial", "Kasi Linsos Korban Bencana"),
    ("Kepala Seksi Jaminan Sosial Keluarga", "Kasi Jaminan Sosial Keluarga"),
    ("Kepala Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin", "Kabid Dayasos & PFM"),
    (
        "Kepala Seksi Pemberdayaan Sosial Perorangan, Keluarga dan Kelembagaan Masyarakat",
        "Kasi Dayasos Perorangan",
    ),
    ("Kepala Seksi Kepahlawanan, Keperintisan, Kesetiakawanan dan Restorasi Sosial", "Kasi K2KRS"),
    ("Kepala Seksi Penanganan Fakir Miskin Perdesaan", "Kasi PFM Perdesaan"),
    ("Kepala Seksi Penanganan Fakir Miskin Perkotaan", "Kasi PFM Perkotaan"),
    ("Kepala Bidang Pemberdayaan Perempuan dan Perlindungan Anak", "Kabid PPPA"),
    ("Kepala Seksi Kualitas Hidup Perempuan dan Keluarga", "Kasi Kualitas Hidup Perempuan"),
    ("Kepala Seksi Perlindungan Khusus Anak", "Kasi Perlindungan Khusus Anak"),
    ("Kepala Seksi Pemenuhan Hak Anak", "Kasi Pemenuhan Hak Anak"),
    ("Kepala UPTD Perlindungan Perempuan dan Anak", "Kepala UPTD PPA"),
    (
        "Kepala Sub Bagian Tata Usaha UPTD Perlindungan Perempuan dan Anak",
        "Kasubag Tata Usaha UPTD PPA",
    ),
    ("Pekerja Sosial Ahli Pertama", "Pekerja Sosial Ahli Pertama"),
    ("Pekerja Sosial Ahli Muda", "Pekerja Sosial Ahli Muda"),
    ("Pekerja Sosial Ahli Madya", "Pekerja Sosial Ahli Madya"),
    ("Pekerja Sosial Terampil", "Pekerja Sosial Terampil"),
    ("Penyuluh Sosial Ahli Pertama", "Penyuluh Sosial Ahli Pertama"),
    ("Penyuluh Sosial Ahli Muda", "Penyuluh Sosial Ahli Muda"),
    ("Perencana Ahli Pertama", "Perencana Ahli Pertama"),
    ("Perencana Ahli Muda", "Perencana Ahli Muda"),
    ("Analis Kebijakan Ahli Pertama", "Analis Kebijakan Ahli Pertama"),
    ("Analis Kebijakan Ahli Muda", "Analis Kebijakan Ahli Muda"),
    ("Analis Sumber Daya Manusia Aparatur Ahli Pertama", "Analis SDM Ahli Pertama"),
    ("Pranata Komputer Ahli Pertama", "Pranata Komputer Ahli Pertama"),
    ("Arsiparis Terampil", "Arsiparis Terampil"),
    ("Pengelola Pengadaan Barang/Jasa Ahli Pertama", "Pengelola PBJ Ahli Pertama"),
    ("Analis Keuangan Pusat dan Daerah Ahli Pertama", "Analis KPD Ahli Pertama"),
    ("Pranata Hubungan Masyarakat Ahli Pertama", "Pranata Humas Ahli Pertama"),
    ("Pengadministrasi Umum", "Pengadministrasi Umum"),
    ("Pengadministrasi Perkantoran", "Pengadministrasi Perkantoran"),
    ("Pengelola Keuangan", "Pengelola Keuangan"),
    ("Bendahara Pengeluaran", "Bendahara Pengeluaran"),
    ("Pengelola Data Penyandang Masalah Kesejahteraan Sosial", "Pengelola Data PMKS"),
    ("Pengelola Layanan Kesejahteraan Sosial", "Pengelola Layanan Kesej. Sosial"),
    ("Pendamping Rehabilitasi Sosial", "Pendamping Rehabilitasi Sosial"),
    ("Pengadministrasi Umum pada Bidang Rehabilitasi Sosial", "Pengadm. Umum Bid. Rehsos"),
    (
        "Pengadministrasi Umum pada Bidang Perlindungan dan Jaminan Sosial",
        "Pengadm. Umum Bid. Linjamsos",
    ),
    ("Pengemudi", "Pengemudi"),
]
DINAS_PENDIDIKAN = [
    ("Kepala Dinas Pendidikan dan Kebudayaan", "Kepala Dinas Pend. dan Kebud."),
    ("Sekretaris Dinas Pendidikan dan Kebudayaan", "Sekretaris Dinas Pend. & Kebud."),
    ("Kepala Subbagian Umum dan Kepegawaian", "Kasubag Umum dan Kepegawaian"),
    ("Kepala Subbagian Keuangan dan Aset", "Kasubag Keuangan dan Aset"),
    ("Kepala Subbagian Program, Evaluasi dan Pelaporan", "Kasubag PEP"),
    (
        "Kepala Bidang Pembinaan Pendidikan Anak Usia Dini dan Pendidikan Nonformal",
        "Kabid Pembinaan PAUD dan PNF",
    ),
    (
        "Kepala Seksi Kurikulum dan Penilaian Pendidikan Anak Usia Dini",
        "Kasi Kurikulum & Penilaian PAUD",
    ),
    (
        "Kepala Seksi Kelembagaan dan Sarana Prasarana Pendidikan Nonformal",
        "Kasi Kelemb. dan Sarpras PNF",
    ),
    ("Kepala Bidang Pembinaan Sekolah Dasar", "Kabid Pembinaan Sekolah Dasar"),
    ("Kepala Seksi Kurikulum dan Penilaian Sekolah Dasar", "Kasi Kurikulum dan Penilaian SD"),
    (
        "Kepala Seksi Kelembagaan dan Sarana Prasarana Sekolah Dasar",
        "Kasi Kelembagaan dan Sarpras SD",
    ),
    (
        "Kepala Seksi Peserta Didik dan Pembangunan Karakter Sekolah Dasar",
        "Kasi PDPK Sekolah Dasar",
    ),
    ("Kepala Bidang Pembinaan Sekolah Menengah Pertama", "Kabid Pembinaan SMP"),
    (
        "Kepala Seksi Kurikulum dan Penilaian Sekolah Menengah Pertama",
        "Kasi Kurikulum & Penilaian SMP",
    ),
    (
        "Kepala Seksi Kelembagaan dan Sarana Prasarana Sekolah Menengah Pertama",
        "Kasi Kelemb. dan Sarpras SMP",
    ),
    (
        "Kepala Seksi Peserta Didik dan Pembangunan Karakter Sekolah Menengah Pertama",
        "Kasi PDPK SMP",
    ),
    ("Kepala Bidang Guru dan Tenaga Kependidikan", "Kabid GTK"),
    ("Kepala Seksi Guru dan Tenaga Kependidikan Sekolah Dasar", "Kasi GTK SD"),
    ("Kepala Seksi Guru dan Tenaga Kependidikan Sekolah Menengah Pertama", "Kasi GTK SMP"),
    (
        "Kepala Seksi Pendidik dan Tenaga Kependidikan Pendidikan Anak Usia Dini dan Pendidikan Nonformal",
        "Kasi PTK PAUD dan PNF",
    ),
    ("Kepala Bidang Kebudayaan", "Kabid Kebudayaan"),
    ("Kepala Seksi Cagar Budaya dan Permuseuman", "Kasi Cagar Budaya & Permuseuman"),
    ("Kepala Seksi Kesenian dan Tradisi", "Kasi Kesenian dan Tradisi"),
    ("Pengawas Sekolah Ahli Madya", "Pengawas Sekolah Ahli Madya"),
    ("Penilik Ahli Muda", "Penilik Ahli Muda"),
    ("Pamong Belajar Ahli Pertama", "Pamong Belajar Ahli Pertama"),
    ("Pranata Komputer Terampil", "Pranata Komputer Terampil"),
    ("Pengelola Data Pokok Pendidikan", "Pengelola Data Pokok Pendidikan"),
    ("Pengadministrasi Umum", "Pengadministrasi Umum"),
    ("Bendahara Pengeluaran", "Bendahara Pengeluaran"),
]
ALL = {
    "probolinggo": PROBOLINGGO,
    "sampang": SAMPANG,
    "dinas_sosial": DINAS_SOSIAL,
    "dinas_pendidikan": DINAS_PENDIDIKAN,
}
SHORT = {short for _, short in (*SHEET_ABBREVIATIONS, *SHEET_SHORTHAND)} | {
    "Kasi",
    "Kabid",
    "Kasubag",
    "&",
}


@pytest.mark.parametrize("name", ["probolinggo", "sampang"])
def test_the_examples_data_gives_exactly_these_names(name: str) -> None:
    doc = interchange.load(CONTOH / f"{name}.yaml")
    pairs = ALL[name]
    assert [j.nama for j in doc.jabatan] == [full for full, _ in pairs]
    assert L.jabatan_sheet_names(j.nama for j in doc.jabatan) == [s for _, s in pairs]


@pytest.mark.parametrize("name", list(ALL))
def test_names_are_unique_short_and_without_numbers(name: str) -> None:
    pairs = ALL[name]
    assert L.jabatan_sheet_names(full for full, _ in pairs) == [s for _, s in pairs]
    sheets = [s for _, s in pairs]
    assert len({s.casefold() for s in sheets}) == len(sheets)
    for s in sheets:
        L.check_sheet_name(s)
        assert len(s) <= L.SHEET_NAME_MAX
        assert not re.search(r"\(\d+\)$", s), s
        assert not re.search(r"(?i)\b(dan|serta|atau)$|[&,]$", s), s


@pytest.mark.parametrize("name", list(ALL))
def test_every_word_is_whole_a_word_of_the_name_or_a_listed_abbreviation(name: str) -> None:
    for full, sheet in ALL[name]:
        words = {w.rstrip(",;") for w in normal_name(L._FORBIDDEN.sub(" ", full)).split(" ")}
        for w in sheet.split(" "):
            assert w.rstrip(",;") in words | SHORT, (full, sheet, w)


def test_names_that_fit_keep_every_word_after_the_title() -> None:
    assert L.jabatan_sheet_names(
        ["KepalaSeksi Jaminan Sosial.", "Kepala Sub Bagian Keuangan", "Pekerja Sosial Ahli Muda"]
    ) == ["Kasi Jaminan Sosial", "Kasubag Keuangan", "Pekerja Sosial Ahli Muda"]


def test_the_same_name_twice_is_numbered_and_a_clash_is_never_solved_by_dropping_words() -> None:
    assert L.jabatan_sheet_names(["Pekerja Sosial Ahli Pertama"] * 3) == [
        "Pekerja Sosial Ahli Pertama",
        "Pekerja Sosial Ahli Pertama (2)",
        "Pekerja Sosial Ahli Pertama (3)",
    ]
    # the name fits; a shorter free form would drop "Baru": numbered instead
    assert L.jabatan_sheet_names(["Jabatan Baru"], taken=["Jabatan Baru"]) == ["Jabatan Baru (2)"]
    # two names that differ only by the region the first one drops
    assert L.jabatan_sheet_names(
        ["Kepala Dinas Sosial Kabupaten Sampang Madura Timur Raya", "Kepala Dinas Sosial"]
    ) == ["Kepala Dinas Sosial", "Kepala Dinas Sosial (2)"]


def test_a_clash_is_solved_by_a_more_abbreviated_form() -> None:
    assert L.jabatan_sheet_names(
        ["Kasi Pelay. Anak", "Kepala Seksi Pelayanan Anak"], taken=["Kasi Pelayanan Anak"]
    ) == ["Kasi Pelay. Anak", "Kasi Pelayanan Anak (2)"]  # no free readable form left
    assert L.jabatan_sheet_names(
        ["Kepala Seksi Pelayanan Anak"], taken=["Kasi Pelayanan Anak"]
    ) == ["Kasi Pelay. Anak"]


def test_a_single_overlong_word_is_the_only_thing_ever_cut() -> None:
    word = "A" + "b" * 40
    assert L.jabatan_sheet_names([word, word]) == [word[:31], word[:27] + " (2)"]


def test_findings_name_the_full_jabatan_not_the_sheet(tmp_path: Path) -> None:
    from iki_xl.app.check import check_file
    from iki_xl.core.formulasi import complete
    from iki_xl.io.write.workbook import write_workbook

    doc = complete(interchange.load(CONTOH / "sampang.yaml"))
    path = tmp_path / "sampang.xlsx"
    write_workbook(doc, path)
    findings = check_file(path).findings
    shortened = {s for full, s in SAMPANG if s != full}
    on_sheets = [f for f in findings if f.sheet in shortened]
    assert on_sheets  # findings do sit on the shortened sheets …
    # … and name the jabatan (a finding on the whole document, IKI-C001 once, the Dinas)
    assert {f.jabatan for f in on_sheets} <= {j.nama for j in doc.jabatan} | {doc.instansi.nama}

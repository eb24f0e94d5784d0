"""The bundled Probolinggo example (seed 000): counts, formula kinds, kept defects, overlay."""

from __future__ import annotations

from pathlib import Path

import pytest

import iki_xl
from iki_xl.core.formulasi import lengkapi
from iki_xl.core.hitung import hitung_indikator
from iki_xl.core.model import Dokumen, Indikator, JenisFormula, JenisJabatan
from iki_xl.io.interchange import BerkasContoh, baca_yaml, muat, terapkan_contoh

CONTOH = Path(iki_xl.__file__).parent / "data" / "contoh"
DATA = CONTOH / "probolinggo.yaml"
OVERLAY = CONTOH / "probolinggo-contoh.yaml"

P = JenisFormula.PERSENTASE
J = JenisFormula.JUMLAH

# Read from seed 000_ad97f89fa170d8b6.txt by a person, jabatan by jabatan, in document
# order: (number of kinerja/sasaran rows, number of indicators). An empty kinerja cell
# continues the sasaran above. NOT computed from the data under test.
JUMLAH_DIBACA: dict[str, tuple[int, int]] = {
    "sekretaris": (1, 4),
    "kasubag-tata-usaha": (1, 3),
    "kasubag-program-keuangan": (1, 3),
    "kabid-pelayanan-rehabilitasi-sosial": (1, 1),
    "kasi-rehabilitasi-sosial-anak-lansia": (1, 3),
    "kasi-rehabilitasi-sosial-disabilitas": (1, 4),
    "kasi-rehabilitasi-sosial-tuna-sosial": (4, 4),
    "kabid-pemberdayaan-sosial": (2, 2),
    "kasi-kepahlawanan": (2, 2),
    "kasi-fakir-miskin": (1, 3),
    "kasi-kelembagaan-sosial": (1, 3),
    "kabid-perlindungan-jaminan-sosial": (1, 1),
    "kasi-perlindungan-korban-bencana": (1, 2),
    "kasi-jaminan-sosial": (1, 3),
    "kasi-advokasi-lk3": (1, 2),
}

# Every indicator of the document with the kind its formula text states, read by a person:
# a printed fraction with its (re-attached) "X 100%" is persentase, "ƒ(x) = Σ …" is jumlah.
# (jabatan id, indicator no within the jabatan, kind, first words of the indicator name).
JENIS_DIBACA: list[tuple[str, int, JenisFormula, str]] = [
    ("sekretaris", 1, P, "Persentase Peningkatan Kualitas Pelayanan"),
    ("sekretaris", 2, P, "Persentase Peningkatan sarana"),
    ("sekretaris", 3, P, "Persentase Peningkatan Disiplin"),
    ("sekretaris", 4, P, "Persentase peningkatan kualitas laporan"),
    ("kasubag-tata-usaha", 1, J, "Jumlah Alat kantor"),
    ("kasubag-tata-usaha", 2, P, "Persentase Kegiatan Peringatan"),
    ("kasubag-tata-usaha", 3, P, "Persentase kegiatan verivikasi"),
    ("kasubag-program-keuangan", 1, P, "Persentase Dokumen Perencanaan"),
    ("kasubag-program-keuangan", 2, P, "Presentase Kegiatan Bimtek"),
    ("kasubag-program-keuangan", 3, P, "Persentase warga penerima"),
    ("kabid-pelayanan-rehabilitasi-sosial", 1, P, "PersentasePenyandangMasalah"),
    ("kasi-rehabilitasi-sosial-anak-lansia", 1, J, "Jumlah Lanjut Usia terlantar"),
    ("kasi-rehabilitasi-sosial-anak-lansia", 2, J, "Jumlah Anak Nakal"),
    ("kasi-rehabilitasi-sosial-anak-lansia", 3, J, "Jumlah Klien"),
    ("kasi-rehabilitasi-sosial-disabilitas", 1, J, "Jumlah Penyandang Disabilitas yang mend"),
    ("kasi-rehabilitasi-sosial-disabilitas", 2, J, "Jumlah Anak Berkebutuhan Khusus"),
    ("kasi-rehabilitasi-sosial-disabilitas", 3, J, "Jumlah Penyandang Disabilitas yang meng"),
    ("kasi-rehabilitasi-sosial-disabilitas", 4, J, "Jumlah Peserta/Klien"),
    ("kasi-rehabilitasi-sosial-tuna-sosial", 1, J, "Jumlah PMKS yang terjaring"),
    ("kasi-rehabilitasi-sosial-tuna-sosial", 2, J, "Jumlah Korban HIV AIDS"),
    ("kasi-rehabilitasi-sosial-tuna-sosial", 3, J, "Jumlah Tuna Sosial"),
    ("kasi-rehabilitasi-sosial-tuna-sosial", 4, J, "Jumlah Pemulung"),
    ("kabid-pemberdayaan-sosial", 1, P, "Persentase Kegiatan penyelenggaraan"),
    ("kabid-pemberdayaan-sosial", 2, P, "PersentasePenyandangMasalah"),
    ("kasi-kepahlawanan", 1, P, "Prosentase Kegiatan Peringatan"),
    ("kasi-kepahlawanan", 2, P, "Persentase Kegiatan Operasional"),
    ("kasi-fakir-miskin", 1, J, "Jumlah peserta pelatihan enterpreneurship"),
    ("kasi-fakir-miskin", 2, J, "Jumlah fakir miskin yang mendapatkan"),
    ("kasi-fakir-miskin", 3, J, "Jumlah fakir miskin yang mendapat pelatihan"),
    ("kasi-kelembagaan-sosial", 1, J, "Jumlah Peserta Lembaga Kesejahteraan"),
    ("kasi-kelembagaan-sosial", 2, J, "Jumlah Peserta Orsos"),
    ("kasi-kelembagaan-sosial", 3, J, "Jumlah peserta TKSK dan PSM"),
    ("kabid-perlindungan-jaminan-sosial", 1, P, "PersentasePenyandangMasalah"),
    ("kasi-perlindungan-korban-bencana", 1, J, "Jumlah Peserta yang"),
    ("kasi-perlindungan-korban-bencana", 2, J, "Jumlah Pendamping PKH"),
    ("kasi-jaminan-sosial", 1, J, "Jumlah Lanjut Usia"),
    ("kasi-jaminan-sosial", 2, J, "Jumlah Anak terlantar"),
    ("kasi-jaminan-sosial", 3, J, "Jumlah Warga Miskin"),
    ("kasi-advokasi-lk3", 1, J, "Jumlah Anak sekolah"),
    ("kasi-advokasi-lk3", 2, J, "Jumlah masyarakat"),
]


@pytest.fixture(scope="module")
def mentah() -> Dokumen:
    return muat(DATA)


@pytest.fixture(scope="module")
def doc(mentah: Dokumen) -> Dokumen:
    return lengkapi(mentah)


@pytest.fixture(scope="module")
def contoh(doc: Dokumen) -> Dokumen:
    return terapkan_contoh(doc, OVERLAY)


def _ind(doc: Dokumen, jabatan: str, no: int) -> Indikator:
    jab = doc.cari(jabatan)
    assert jab is not None, jabatan
    return jab.semua_indikator()[no - 1][1]


# ---------------------------------------------------------------- the document


def test_lima_belas_jabatan_dalam_urutan_dokumen(mentah: Dokumen) -> None:
    assert len(mentah.jabatan) == 15
    assert [j.id for j in mentah.jabatan] == list(JUMLAH_DIBACA)
    ins = mentah.instansi
    assert (ins.pemerintah, ins.nama, ins.kota) == (
        "Kota Probolinggo",
        "Dinas Sosial",
        "Probolinggo",
    )
    assert ins.alamat == "Jl. Raya Dringu No. 13"
    assert ins.telepon == "(0335) 421431"
    assert ins.email == "dinsos.probolinggokota@gmail.com"


@pytest.mark.parametrize(("jabatan", "jumlah"), list(JUMLAH_DIBACA.items()))
def test_jumlah_kinerja_dan_indikator(
    mentah: Dokumen, jabatan: str, jumlah: tuple[int, int]
) -> None:
    jab = mentah.cari(jabatan)
    assert jab is not None
    assert (len(jab.kinerja), len(jab.semua_indikator())) == jumlah


def test_tabel_jenis_mencakup_semua_indikator(mentah: Dokumen) -> None:
    semua = [(j.id, n) for j in mentah.jabatan for n in range(1, len(j.semua_indikator()) + 1)]
    assert semua == [(j, n) for j, n, _, _ in JENIS_DIBACA]
    assert len(semua) == 40


@pytest.mark.parametrize(
    ("jabatan", "no", "jenis", "awal_nama"),
    JENIS_DIBACA,
    ids=[f"{j}-{n}" for j, n, _, _ in JENIS_DIBACA],
)
def test_jenis_formula_terdeteksi(
    doc: Dokumen, jabatan: str, no: int, jenis: JenisFormula, awal_nama: str
) -> None:
    ind = _ind(doc, jabatan, no)
    assert ind.nama.startswith(awal_nama)
    assert ind.formulasi.strip(), "every indicator prints a formula cell"
    assert ind.jenis is jenis
    if jenis is P:
        assert [k.kode for k in ind.komponen] == ["A", "B"]
        assert ind.formulasi.endswith("\nX 100%")
    else:
        assert [k.kode for k in ind.komponen] == ["A"]
        assert "X 100%" not in ind.formulasi
    assert all(k.nama for k in ind.komponen)


def test_tanda_x100_terpasang_sesuai_halaman(mentah: Dokumen) -> None:
    # "X 100%" marks printed at the end of each page in the seed, counted by a person
    tanda_per_halaman = {
        "sekretaris": 4,
        "kasubag-tata-usaha": 2,
        "kasubag-program-keuangan": 3,
        "kabid-pelayanan-rehabilitasi-sosial": 1,
        "kabid-pemberdayaan-sosial": 2,
        "kasi-kepahlawanan": 2,
        "kabid-perlindungan-jaminan-sosial": 1,
    }
    terpasang = {
        j.id: sum(i.formulasi.count("X 100%") for _, i in j.semua_indikator())
        for j in mentah.jabatan
    }
    assert {k: v for k, v in terpasang.items() if v} == tanda_per_halaman
    for jab in mentah.jabatan:
        for _, ind in jab.semua_indikator():
            baris = ind.formulasi.splitlines()
            if "X 100%" in ind.formulasi:  # prefix, numerator, denominator, mark
                assert len(baris) == 4 and baris[-1] == "X 100%"
                assert baris[0].startswith("Formulasi Peng")
            else:  # an optional prefix, then the sum on one line
                assert baris[-1].startswith("ƒ(x) =")
                assert len(baris) <= 2


def test_dokumen_tidak_menyatakan_jenis_komponen_target(mentah: Dokumen) -> None:
    for jab in mentah.jabatan:
        for _, ind in jab.semua_indikator():
            assert ind.jenis is None and ind.komponen == [] and ind.target is None
            assert ind.realisasi == [None, None, None, None]


def test_jenis_jabatan_atasan_unit(mentah: Dokumen) -> None:
    adm, pgw = JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS
    sek = "Sekretariat"
    pel = "Bidang Pelayanan dan Rehabilitasi Sosial"
    pem = "Bidang Pemberdayaan Sosial"
    lin = "Bidang Perlindungan dan Jaminan Sosial"
    kabid_pel = "kabid-pelayanan-rehabilitasi-sosial"
    kabid_pem = "kabid-pemberdayaan-sosial"
    kabid_lin = "kabid-perlindungan-jaminan-sosial"
    harap = {
        "sekretaris": (adm, None, sek),
        "kasubag-tata-usaha": (pgw, "sekretaris", sek),
        "kasubag-program-keuangan": (pgw, "sekretaris", sek),
        kabid_pel: (adm, None, pel),
        "kasi-rehabilitasi-sosial-anak-lansia": (pgw, kabid_pel, pel),
        "kasi-rehabilitasi-sosial-disabilitas": (pgw, kabid_pel, pel),
        "kasi-rehabilitasi-sosial-tuna-sosial": (pgw, kabid_pel, pel),
        kabid_pem: (adm, None, pem),
        "kasi-kepahlawanan": (pgw, kabid_pem, pem),
        "kasi-fakir-miskin": (pgw, kabid_pem, pem),
        "kasi-kelembagaan-sosial": (pgw, kabid_pem, pem),
        kabid_lin: (adm, None, lin),
        "kasi-perlindungan-korban-bencana": (pgw, kabid_lin, lin),
        "kasi-jaminan-sosial": (pgw, kabid_lin, lin),
        "kasi-advokasi-lk3": (pgw, kabid_lin, lin),
    }
    assert {j.id: (j.jenis, j.atasan, j.unit) for j in mentah.jabatan} == harap


def test_tugas_dan_fungsi_lengkap(mentah: Dokumen) -> None:
    # (tugas, fungsi) lines as printed, counted by a person from the seed; a one-paragraph
    # tugas is one line, "3. FUNGSI : -" is ["-"], no FUNGSI printed is []
    harap = {
        "sekretaris": (1, 12),
        "kasubag-tata-usaha": (13, 0),
        "kasubag-program-keuangan": (15, 0),
        "kabid-pelayanan-rehabilitasi-sosial": (1, 5),
        "kasi-rehabilitasi-sosial-anak-lansia": (10, 1),
        "kasi-rehabilitasi-sosial-disabilitas": (10, 1),
        "kasi-rehabilitasi-sosial-tuna-sosial": (11, 0),
        "kabid-pemberdayaan-sosial": (1, 5),
        "kasi-kepahlawanan": (10, 0),
        "kasi-fakir-miskin": (9, 0),
        "kasi-kelembagaan-sosial": (10, 0),
        "kabid-perlindungan-jaminan-sosial": (1, 5),
        "kasi-perlindungan-korban-bencana": (10, 0),
        "kasi-jaminan-sosial": (11, 0),
        "kasi-advokasi-lk3": (11, 0),
    }
    assert {j.id: (len(j.tugas), len(j.fungsi)) for j in mentah.jabatan} == harap
    for jid in ("kasi-rehabilitasi-sosial-anak-lansia", "kasi-rehabilitasi-sosial-disabilitas"):
        jab = mentah.cari(jid)
        assert jab is not None and jab.fungsi == ["-"]
    teks = [t for j in mentah.jabatan for t in j.tugas + j.fungsi]
    assert all(t == " ".join(t.split()) for t in teks), "wrapped lines joined, spaces collapsed"
    assert not any(t[1:3] == ". " and t[0] in "abcdefghijklmno" for t in teks), "letters stripped"


def test_teks_satu_baris_tanpa_spasi_ganda(mentah: Dokumen) -> None:
    for jab in mentah.jabatan:
        assert jab.nama == " ".join(jab.nama.split())
        for kin in jab.kinerja:
            assert kin.sasaran == " ".join(kin.sasaran.split())
            for ind in kin.indikator:
                for s in (ind.nama, ind.sumber_data, *ind.formulasi.splitlines()):
                    assert s == " ".join(s.split()), s


# ---------------------------------------------------------------- defects kept as printed


def test_nama_jabatan_seperti_tercetak(mentah: Dokumen) -> None:
    nama = {j.id: j.nama for j in mentah.jabatan}
    assert nama["kasubag-tata-usaha"] == "KepalaSub. Bagian Tata Usaha"
    assert nama["kasubag-program-keuangan"] == "KepalaSub. Bagian Program dan Keuangan"
    assert nama["kasi-fakir-miskin"] == "KepalaSeksi penanganan fakir miskin."
    assert nama["kabid-perlindungan-jaminan-sosial"] == (
        "KepalaBidang Perlindungan dan Jaminan Sosial."
    )


def test_salah_ketik_dipertahankan(mentah: Dokumen) -> None:
    sekre = mentah.cari("sekretaris")
    assert sekre is not None
    assert "programkerja" in sekre.tugas[0]
    assert "umum,perkantoran" in sekre.tugas[0]
    assert sekre.fungsi[7] == "Pelaksanaan pengelolaan keuangan keuangan Dinas;"
    assert _ind(mentah, "sekretaris", 1).formulasi.startswith("Formulasi Pengitungan :\n")
    tu3 = _ind(mentah, "kasubag-tata-usaha", 3)
    assert "verivikasi" in tu3.nama
    assert "pemerikasaan" in tu3.formulasi and "pemeriksanaan" in tu3.formulasi
    assert _ind(mentah, "kasubag-program-keuangan", 2).nama.startswith("Presentase")
    assert _ind(mentah, "kasi-kepahlawanan", 1).nama.startswith("Prosentase")
    pk = mentah.cari("kasubag-program-keuangan")
    assert pk is not None and pk.tugas[10] == "Melaksanakan Akuntabilitasi Kinerja Dinas;"
    kabid = mentah.cari("kabid-pelayanan-rehabilitasi-sosial")
    assert kabid is not None
    assert kabid.kinerja[0].sasaran == (
        "MeningkatnyaKesejahteraanPenyandangMasalahKesejahteraanSosial (PMKS)"
    )
    assert kabid.kinerja[0].indikator[0].nama == (
        "PersentasePenyandangMasalahKesejahteranSosial (PMKS) yang mendapatkanrehabilitasiSosial"
    )
    assert "ditelantarkan oelh" in _ind(mentah, "kasi-jaminan-sosial", 2).penjelasan
    assert "Keterampilan Usaha.." in _ind(mentah, "kasi-fakir-miskin", 3).formulasi


@pytest.mark.parametrize(
    ("jabatan", "no"),
    [
        ("kasubag-program-keuangan", 2),
        ("kasubag-program-keuangan", 3),
        ("kasi-rehabilitasi-sosial-anak-lansia", 2),
        ("kasi-rehabilitasi-sosial-anak-lansia", 3),
    ],
)
def test_sumber_data_kosong_seperti_dokumen(mentah: Dokumen, jabatan: str, no: int) -> None:
    assert _ind(mentah, jabatan, no).sumber_data == ""


def test_sumber_data_lainnya_terisi(mentah: Dokumen) -> None:
    kosong = {
        (j.id, n)
        for j in mentah.jabatan
        for n, (_, i) in enumerate(j.semua_indikator(), start=1)
        if not i.sumber_data
    }
    assert kosong == {
        ("kasubag-program-keuangan", 2),
        ("kasubag-program-keuangan", 3),
        ("kasi-rehabilitasi-sosial-anak-lansia", 2),
        ("kasi-rehabilitasi-sosial-anak-lansia", 3),
    }
    assert _ind(mentah, "sekretaris", 1).sumber_data == "Bidang Sekretariat"
    assert _ind(mentah, "kasi-jaminan-sosial", 3).sumber_data == (
        "- Bidang Perlindungan dan Jaminan Sosial"
    )


def test_indikator_dan_formula_tidak_sejalan(mentah: Dokumen) -> None:
    jamsos = _ind(mentah, "kasi-jaminan-sosial", 1)
    assert jamsos.nama == "Jumlah Lanjut Usia yang mendapatkan bantuan"
    assert "Perempuan Rawan Sosial Ekonomi" in jamsos.formulasi
    disab = _ind(mentah, "kasi-rehabilitasi-sosial-disabilitas", 1)
    assert disab.nama == "Jumlah Penyandang Disabilitas yang mendapatkan Bantuan."
    assert "mengikuti Pelatihan Keterampilan Usaha." in disab.formulasi


def test_penjelasan_terpisah_dari_formulasi(mentah: Dokumen) -> None:
    tuna = _ind(mentah, "kasi-rehabilitasi-sosial-tuna-sosial", 3)
    assert [b[:14] for b in tuna.penjelasan.splitlines()] == [
        "- Tuna Susila ",
        "- Gelandangan ",
        "- Pengemis ada",
    ]
    assert "berulang-ulang" in tuna.penjelasan
    for jab in mentah.jabatan:
        for _, ind in jab.semua_indikator():
            assert "Penjelasan" not in ind.formulasi
            assert not ind.penjelasan.startswith("Penjelasan")


def test_sel_kinerja_kosong_ikut_sasaran_di_atasnya(mentah: Dokumen) -> None:
    sekre = mentah.cari("sekretaris")
    assert sekre is not None
    assert sekre.kinerja[0].sasaran == (
        "Meningkatnya kapasitas kinerja pegawai, sistem administrasi pemerintahan, "
        "pelaporan kinerja dan keuangan"
    )
    tuna = mentah.cari("kasi-rehabilitasi-sosial-tuna-sosial")
    assert tuna is not None
    assert [k.sasaran for k in tuna.kinerja] == [
        "Optimalisasi Penanganan PMKS Oleh Komite PMKS",
        "Meningkatnya Penanganan Korban HIV AIDS (ODHA)",
        "Meningkatnya Penanganan Gelandangan/Pengemis, Ekspsikotik/Tuna Susila.",
        "Pembinaan dan Pelatihan Ketrampilan Bagi Pemulung",
    ]
    assert all(k.indikator for j in mentah.jabatan for k in j.kinerja), "no empty sasaran"


# ---------------------------------------------------------------- example figures overlay


def test_overlay_berlabel_contoh() -> None:
    berkas = BerkasContoh.model_validate(baca_yaml(OVERLAY))
    assert "CONTOH" in berkas.keterangan and "BUKAN dari dokumen asli" in berkas.keterangan
    kepala = berkas.instansi["kepala"]
    assert all(kepala[k].startswith("CONTOH") for k in ("nama", "pangkat", "nip"))
    # one entry per indicator, no duplicates
    assert sorted((i.jabatan, i.no) for i in berkas.isian) == sorted(
        (j, n) for j, n, _, _ in JENIS_DIBACA
    )


def test_overlay_instansi(contoh: Dokumen) -> None:
    ins = contoh.instansi
    assert ins.tahun == 2024
    assert ins.pemerintah == "Kota Probolinggo"  # the document's own fields survive
    assert ins.alamat == "Jl. Raya Dringu No. 13"
    assert ins.nomor_keputusan.startswith("CONTOH")
    assert ins.tanggal_keputusan == "2 Januari 2024"
    assert len(ins.menimbang) == 2 and ins.menimbang[0].startswith("bahwa")
    for dasar in (
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja",
        "Reformasi Birokrasi Nomor 53 Tahun 2014",
        "Reformasi Birokrasi Nomor 8 Tahun 2021",
    ):
        assert any(dasar in m for m in ins.mengingat), dasar


def test_overlay_capaian_setiap_indikator(contoh: Dokumen) -> None:
    capaian: list[float] = []
    predikat: set[str] = set()
    for jab, no, _, _ in JENIS_DIBACA:
        h = hitung_indikator(_ind(contoh, jab, no), contoh.skala_predikat)
        assert h.capaian.nilai is not None, (jab, no, h.capaian.alasan)
        capaian.append(h.capaian.nilai)
        predikat.add(h.predikat)
    assert len(capaian) == 40
    biasa = [c for c in capaian if 80 <= c <= 110]
    assert len(biasa) >= 0.6 * len(capaian), "most capaian 80–110 %"
    assert any(c < 70 for c in capaian), "a few low"
    assert 1 <= sum(c > 100 for c in capaian) <= 3, "one or two above 100 %"
    assert len(predikat) >= 4


def test_overlay_triwulan_iv_kosong(contoh: Dokumen) -> None:
    kosong = [
        (j.id, n)
        for j in contoh.jabatan
        for n, (_, i) in enumerate(j.semua_indikator(), start=1)
        if all(k.realisasi[3] is None for k in i.komponen)
    ]
    assert 3 <= len(kosong) <= 8
    # persentase: the year takes the last filled quarter (III): 3 / 4 against 100
    h = hitung_indikator(_ind(contoh, "kasubag-tata-usaha", 3), contoh.skala_predikat)
    assert h.triwulan[3].nilai is None
    assert h.tahunan.nilai == pytest.approx(75.0)
    assert h.capaian.nilai == pytest.approx(75.0)
    # jumlah: the year sums the filled quarters: 4 + 6 + 5 = 15 against 30
    h = hitung_indikator(
        _ind(contoh, "kasi-rehabilitasi-sosial-anak-lansia", 3), contoh.skala_predikat
    )
    assert h.tahunan.nilai == pytest.approx(15.0)
    assert h.capaian.nilai == pytest.approx(50.0)
    assert h.predikat == "Sangat Rendah"


def test_overlay_persentase_contoh_hitungan(contoh: Dokumen) -> None:
    # Kabid Perlindungan dan Jaminan Sosial: 1020 / 1400 × 100 = 72.857 % against 75
    h = hitung_indikator(
        _ind(contoh, "kabid-perlindungan-jaminan-sosial", 1), contoh.skala_predikat
    )
    assert h.tahunan.nilai == pytest.approx(1020 / 1400 * 100)
    assert h.capaian.nilai == pytest.approx(1020 / 1400 * 100 / 75 * 100)
    assert h.predikat == "Sangat Tinggi"

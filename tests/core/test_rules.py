"""The validation catalogue: every rule triggered once, and not triggered on a clean document
nor on the near misses a real document contains."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from iki_xl.core.findings import Keparahan, Temuan
from iki_xl.core.model import (
    Dokumen,
    Indikator,
    Instansi,
    Jabatan,
    JenisFormula,
    JenisJabatan,
    Kinerja,
    Komponen,
    Level,
    RentangTarget,
)
from iki_xl.core.rules import ATURAN, KATALOG, katalog_markdown, perbaiki_teks, periksa

ROOT = Path(__file__).resolve().parents[2]

SKALA_KLA = [
    Level(nama="Pratama", bawah=500, atas=600),
    Level(nama="Madya", bawah=601, atas=700),
    Level(nama="Nindya", bawah=701, atas=800),
    Level(nama="Utama", bawah=801, atas=900),
    Level(nama="KLA", bawah=901, atas=1000),
]

IND_KD = "Persentase PMKS yang tertangani"
IND_SEK = "Jumlah dokumen perencanaan yang disusun"


def baik() -> Dokumen:
    """A clean document: no rule fires on it."""
    return Dokumen(
        instansi=Instansi(pemerintah="Kabupaten Contoh", nama="Dinas Sosial"),
        jabatan=[
            Jabatan(
                id="kepala-dinas",
                nama="Kepala Dinas Sosial",
                jenis=JenisJabatan.JPT_PRATAMA,
                unit="Pimpinan",
                tugas=["Membantu Bupati melaksanakan urusan pemerintahan bidang sosial."],
                fungsi=[
                    "perumusan kebijakan bidang sosial;",
                    "pelaksanaan kebijakan bidang sosial.",
                ],
                kinerja=[
                    Kinerja(
                        sasaran="Meningkatnya Kesejahteraan Sosial PMKS",
                        indikator=[
                            Indikator(
                                nama=IND_KD,
                                formulasi="Jumlah PMKS yang tertangani\nJumlah PMKS seluruhnya\n× 100%",
                                sumber_data="Laporan penanganan PMKS (aplikasi SIKS-NG)",
                                satuan="%",
                                target=80,
                                komponen=[
                                    Komponen(
                                        kode="A",
                                        nama="PMKS yang tertangani",
                                        realisasi=[20, 40, 60, 80],
                                    ),
                                    Komponen(
                                        kode="B",
                                        nama="PMKS seluruhnya",
                                        realisasi=[100, 100, 100, 100],
                                    ),
                                ],
                            )
                        ],
                    )
                ],
            ),
            Jabatan(
                id="sekretaris",
                nama="Sekretaris",
                jenis=JenisJabatan.ADMINISTRATOR,
                unit="Sekretariat",
                atasan="kepala-dinas",
                tugas=["Mengoordinasikan perumusan program kerja dan keuangan."],
                fungsi=[
                    "Pengoordinasian perencanaan program kerja Dinas;",
                    "Pengelolaan keuangan Dinas.",
                ],
                kinerja=[
                    Kinerja(
                        sasaran="Meningkatnya kualitas perencanaan dan pelaporan",
                        indikator=[
                            Indikator(
                                nama=IND_SEK,
                                formulasi="ƒ(x) = Σ dokumen perencanaan yang disusun",
                                sumber_data="Dokumen Renja dan RKA",
                                satuan="dokumen",
                                target=4,
                                komponen=[
                                    Komponen(
                                        kode="A", nama="dokumen perencanaan", realisasi=[1, 1, 1, 1]
                                    )
                                ],
                                mendukung=IND_KD,
                            )
                        ],
                    )
                ],
            ),
            Jabatan(
                id="kasubag-umum",
                nama="Kepala Sub Bagian Umum",
                jenis=JenisJabatan.PENGAWAS,
                unit="Sekretariat",
                atasan="sekretaris",
                tugas=[
                    "Melaksanakan urusan rumah tangga dan keprotokolan;",
                    "Melaksanakan kegiatan kehumasan.",
                ],
                fungsi=["-"],
                kinerja=[
                    Kinerja(
                        sasaran="Terwujudnya Kabupaten Layak Anak",
                        indikator=[
                            Indikator(
                                nama="Status Capaian Kabupaten Layak Anak (KLA)",
                                jenis=JenisFormula.STATUS,
                                formulasi="Level: Pratama (500–600), Madya (601–700)",
                                skala=SKALA_KLA,
                                sumber_data="Hasil evaluasi KLA Kementerian PPPA",
                                satuan="level",
                                target="Madya",
                                realisasi=[None, None, None, "Madya"],
                                mendukung=IND_SEK,
                            )
                        ],
                    )
                ],
            ),
        ],
    )


def kode(temuan: list[Temuan]) -> set[str]:
    return {t.kode for t in temuan}


def di(temuan: list[Temuan], k: str) -> list[str]:
    return [t.jalur for t in temuan if t.kode == k]


KD, SEK, SUB = 0, 1, 2
I_KD = "jabatan[0].kinerja[0].indikator[0]"
I_SEK = "jabatan[1].kinerja[0].indikator[0]"
I_SUB = "jabatan[2].kinerja[0].indikator[0]"


def ind(doc: Dokumen, j: int) -> Indikator:
    return doc.jabatan[j].kinerja[0].indikator[0]


def _set(**ubah: object) -> Callable[[Dokumen], None]:
    """Mutator of the Kepala Dinas' indicator."""

    def f(d: Dokumen) -> None:
        for k, v in ubah.items():
            setattr(ind(d, KD), k, v)

    return f


def _tambah_jabatan(d: Dokumen, **isi: object) -> None:
    dasar = d.jabatan[SUB].model_copy(deep=True)
    for k, v in isi.items():
        setattr(dasar, k, v)
    d.jabatan.append(dasar)


def _siklus(d: Dokumen) -> None:
    d.jabatan[KD].atasan = "kasubag-umum"


def _ekspresi(d: Dokumen) -> None:
    i = ind(d, KD)
    i.nama = "Indeks Pemberdayaan Gender (IDG)"
    i.jenis = JenisFormula.INDEKS
    i.formulasi = "IDG: 1/3 (Ipar+IDM+Lin-Dist)\nIpar= indeks parlemen\nIDM= indeks keputusan\nLinc= indeks pendapatan."
    i.satuan = "indeks"
    i.komponen = []
    i.target = 65


def _komponen_a(tw: int, nilai: object) -> Callable[[Dokumen], None]:
    def f(d: Dokumen) -> None:
        ind(d, KD).komponen[0].realisasi[tw] = nilai  # type: ignore[call-overload]

    return f


def _komponen_b(tw: int, nilai: object) -> Callable[[Dokumen], None]:
    def f(d: Dokumen) -> None:
        ind(d, KD).komponen[1].realisasi[tw] = nilai  # type: ignore[call-overload]

    return f


def _penurunan(baseline: float | None) -> Callable[[Dokumen], None]:
    def f(d: Dokumen) -> None:
        i = ind(d, KD)
        i.nama = "Persentase Penurunan PMKS"
        i.jenis = JenisFormula.PENURUNAN
        i.formulasi = "PMKS (N−1) − PMKS (N)\nPMKS (N−1)\n× 100%"
        i.komponen = [Komponen(kode="A", nama="PMKS", realisasi=[90, 85, 80, 75])]
        i.baseline = baseline
        i.target = 10

    return f


def _tabel_sama(d: Dokumen) -> None:
    d.jabatan[SEK].kinerja = [k.model_copy(deep=True) for k in d.jabatan[KD].kinerja]
    ind(d, SEK).mendukung = IND_KD


def _tugas(j: int, *baris: str) -> Callable[[Dokumen], None]:
    def f(d: Dokumen) -> None:
        d.jabatan[j].tugas = list(baris)

    return f


# (code, mutation of the clean document, jalur of the expected finding)
PEMICU: list[tuple[str, Callable[[Dokumen], None], str]] = [
    ("IKI-S001", lambda d: setattr(d.jabatan[SUB], "nama", " "), "jabatan[2].nama"),
    ("IKI-S002", lambda d: setattr(d.jabatan[SUB], "jenis", None), "jabatan[2].jenis"),
    ("IKI-S003", lambda d: _tambah_jabatan(d, id="kasubag-umum-2"), "jabatan[3].nama"),
    ("IKI-S004", lambda d: _tambah_jabatan(d, nama="Kepala Sub Bagian Keuangan"), "jabatan[3].id"),
    ("IKI-S005", lambda d: setattr(d.jabatan[SUB], "atasan", None), "jabatan[2].atasan"),
    (
        "IKI-S006",
        lambda d: setattr(d.jabatan[SUB], "atasan", "kabid-tidak-ada"),
        "jabatan[2].atasan",
    ),
    ("IKI-S007", _siklus, "jabatan[0].atasan"),
    ("IKI-S008", lambda d: setattr(d.jabatan[SUB], "kinerja", []), "jabatan[2].kinerja"),
    (
        "IKI-S009",
        lambda d: d.jabatan[SUB].kinerja.append(
            Kinerja(sasaran="Meningkatnya Kualitas Hidup Perempuan")
        ),
        "jabatan[2].kinerja[1].sasaran",
    ),
    ("IKI-S010", _tugas(SUB), "jabatan[2].tugas"),
    ("IKI-S011", lambda d: setattr(d.jabatan[SEK], "fungsi", ["-"]), "jabatan[1].fungsi"),
    (
        "IKI-S012",
        _tugas(
            SUB,
            "a;",
            "membantu penyelesaian masalah hukum;",
            "Membantu penyelesaian  masalah hukum; dan",
        ),
        "jabatan[2].tugas[2]",
    ),
    (
        "IKI-S013",
        lambda d: d.jabatan[SEK].fungsi.append("pengelolaan keuangan dinas;"),
        "jabatan[1].fungsi[2]",
    ),
    ("IKI-S014", _tabel_sama, "jabatan[1].kinerja[0].sasaran"),
    ("IKI-I001", _set(nama=""), f"{I_KD}.nama"),
    ("IKI-I002", _set(formulasi="-"), f"{I_KD}.formulasi"),
    ("IKI-I003", _set(sumber_data=" - "), f"{I_KD}.sumber_data"),
    (
        "IKI-I004",
        _set(
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
        _set(formulasi="ƒ(x) = Σ PMKS yang tertangani", komponen=[], jenis=None),
        f"{I_KD}.formulasi",
    ),
    (
        "IKI-I006",
        _set(formulasi="Jumlah PMKS yang tertangani × 100%", komponen=[], jenis=None),
        f"{I_KD}.formulasi",
    ),
    (
        "IKI-I007",
        _set(formulasi="Jumlah PMKS yang tertangani\nJumlah PMKS seluruhnya"),
        f"{I_KD}.formulasi",
    ),
    (
        "IKI-I008",
        _set(formulasi="Formulasi Penghitungan : Persentase PMKS yang tertangani."),
        f"{I_KD}.formulasi",
    ),
    ("IKI-I009", lambda d: setattr(ind(d, SUB), "skala", []), f"{I_SUB}.skala"),
    ("IKI-I010", _set(satuan="orang"), f"{I_KD}.satuan"),
    (
        "IKI-I011",
        lambda d: d.jabatan[KD].kinerja[0].indikator.append(ind(d, KD).model_copy(deep=True)),
        "jabatan[0].kinerja[0].indikator[1].nama",
    ),
    ("IKI-I012", _set(sumber_data="Dinsos PPPA"), f"{I_KD}.sumber_data"),
    ("IKI-I013", _ekspresi, f"{I_KD}.ekspresi"),
    (
        "IKI-I014",
        lambda d: setattr(
            ind(d, SEK), "formulasi", "ƒ(x) = Σ Perempuan Rawan Sosial Ekonomi yang disusun"
        ),
        f"{I_SEK}.formulasi",
    ),
    ("IKI-N001", _set(target="delapan puluh"), f"{I_KD}.target"),
    ("IKI-N002", _komponen_a(1, "40,0"), f"{I_KD}.komponen[0].realisasi[1]"),
    ("IKI-N003", _komponen_a(0, -5), f"{I_KD}.komponen[0].realisasi[0]"),
    ("IKI-N004", _komponen_a(2, 120), f"{I_KD}.komponen[0].realisasi[2]"),
    ("IKI-N005", _komponen_b(3, 0), f"{I_KD}.komponen[1].realisasi[3]"),
    ("IKI-N006", _set(target=120), f"{I_KD}.target"),
    ("IKI-N007", _set(target=40), f"{I_KD}.target"),
    ("IKI-N008", _komponen_a(1, None), f"{I_KD}.komponen[0].realisasi[1]"),
    ("IKI-N009", _penurunan(None), f"{I_KD}.baseline"),
    ("IKI-N010", _set(target=None), f"{I_KD}.target"),
    ("IKI-C001", lambda d: setattr(ind(d, SEK), "mendukung", ""), f"{I_SEK}.mendukung"),
    (
        "IKI-C002",
        lambda d: setattr(ind(d, SEK), "mendukung", "Persentase PMKS"),
        f"{I_SEK}.mendukung",
    ),
    ("IKI-B001", _set(nama="Presentase PMKS yang tertangani"), f"{I_KD}.nama"),
    (
        "IKI-B002",
        lambda d: setattr(d.jabatan[SUB], "nama", "KepalaSub. Bagian Umum"),
        "jabatan[2].nama",
    ),
    (
        "IKI-B003",
        lambda d: setattr(
            d.jabatan[SEK], "fungsi", ["Pelaksanaan pengelolaan keuangan keuangan Dinas;"]
        ),
        "jabatan[1].fungsi[0]",
    ),
    (
        "IKI-B004",
        lambda d: setattr(d.jabatan[KD].kinerja[0], "sasaran", "Meningkatnya  Kesejahteraan"),
        "jabatan[0].kinerja[0].sasaran",
    ),
    ("IKI-B005", _tugas(SUB, "penyusunan perundang- undangan;"), "jabatan[2].tugas[0]"),
    ("IKI-B006", _tugas(SUB, "administrasi umum,perkantoran dan kehumasan"), "jabatan[2].tugas[0]"),
    ("IKI-B007", _tugas(SUB, "penyusunan system informasi data gender"), "jabatan[2].tugas[0]"),
]


def test_clean_document_has_no_finding() -> None:
    assert periksa(baik()) == []


def test_every_rule_has_a_trigger() -> None:
    assert sorted({k for k, _, _ in PEMICU}) == sorted(ATURAN)


@pytest.mark.parametrize(("k", "ubah", "jalur"), PEMICU, ids=[p[0] for p in PEMICU])
def test_rule_triggers_at_its_jalur(k: str, ubah: Callable[[Dokumen], None], jalur: str) -> None:
    doc = baik()
    ubah(doc)
    salinan = doc.model_copy(deep=True)
    temuan = periksa(doc)
    assert jalur in di(temuan, k), [(t.kode, t.jalur, t.pesan) for t in temuan]
    t = next(t for t in temuan if t.kode == k and t.jalur == jalur)
    assert t.keparahan is ATURAN[k].keparahan
    assert t.pesan and t.saran and t.jabatan
    assert doc == salinan  # validation never changes an input


@pytest.mark.parametrize(("k", "ubah", "jalur"), PEMICU, ids=[p[0] for p in PEMICU])
def test_rule_silent_on_clean_document(k: str, ubah: Callable[[Dokumen], None], jalur: str) -> None:
    del ubah, jalur
    assert k not in kode(periksa(baik()))


# ---------------------------------------------------------------- near misses (no finding)


def _tanpa(ubah: Callable[[Dokumen], None]) -> list[Temuan]:
    doc = baik()
    ubah(doc)
    return periksa(doc)


def test_fungsi_dash_is_fine_below_administrator() -> None:
    assert _tanpa(lambda d: setattr(d.jabatan[SUB], "fungsi", [])) == []


def test_administrator_without_atasan_is_fine_in_an_eselon_iii_iv_document() -> None:
    def ubah(d: Dokumen) -> None:
        del d.jabatan[KD]
        d.jabatan[0].atasan = None
        ind(d, 0).mendukung = ""

    assert _tanpa(ubah) == []


def test_administrator_without_atasan_is_flagged_when_the_kepala_dinas_is_present() -> None:
    assert di(_tanpa(lambda d: setattr(d.jabatan[SEK], "atasan", None)), "IKI-S005") == [
        "jabatan[1].atasan"
    ]


def test_same_nama_in_another_unit_is_not_a_duplicate() -> None:
    assert "IKI-S003" not in kode(_tanpa(lambda d: _tambah_jabatan(d, id="x", unit="Bidang Lain")))


def test_cascading_is_not_checked_when_the_atasan_is_not_in_the_document() -> None:
    def ubah(d: Dokumen) -> None:
        d.jabatan[SUB].atasan = "kabid-luar"
        ind(d, SUB).mendukung = ""

    assert kode(_tanpa(ubah)) == {"IKI-S006"}


def test_mendukung_matches_ignoring_case_and_spacing() -> None:
    temuan = _tanpa(
        lambda d: setattr(ind(d, SEK), "mendukung", " persentase PMKS  yang tertangani ")
    )
    assert kode(temuan) == {"IKI-B004"}  # the double space, not the cascading


def test_cascading_empty_mendukung_is_one_finding_per_jabatan() -> None:
    def ubah(d: Dokumen) -> None:
        tambahan = ind(d, SEK).model_copy(deep=True)
        tambahan.nama = "Jumlah laporan keuangan yang disusun"
        tambahan.formulasi = "ƒ(x) = Σ laporan keuangan yang disusun"
        tambahan.komponen = []
        d.jabatan[SEK].kinerja[0].indikator.append(tambahan)
        for i in d.jabatan[SEK].kinerja[0].indikator:
            i.mendukung = ""

    temuan = [t for t in _tanpa(ubah) if t.kode == "IKI-C001"]
    assert [t.jalur for t in temuan] == [f"{I_SEK}.mendukung"]
    assert "1 indikator lain" in temuan[0].pesan


def test_yearly_indicator_filled_in_tw_iv_only_is_in_order() -> None:
    def ubah(d: Dokumen) -> None:
        ind(d, KD).komponen[0].realisasi = [None, None, None, 80]
        ind(d, KD).komponen[1].realisasi = [None, None, None, 100]

    assert _tanpa(ubah) == []


def test_low_capaian_mid_year_is_not_flagged_until_tw_iv() -> None:
    def ubah(d: Dokumen) -> None:
        ind(d, KD).komponen[0].realisasi = [10, 20, None, None]
        ind(d, KD).komponen[1].realisasi = [100, 100, None, None]

    assert _tanpa(ubah) == []


def test_high_capaian_is_flagged_at_once() -> None:
    def ubah(d: Dokumen) -> None:
        ind(d, KD).target = 20
        ind(d, KD).komponen[0].realisasi = [50, None, None, None]
        ind(d, KD).komponen[1].realisasi = [100, None, None, None]

    assert di(_tanpa(ubah), "IKI-N007") == [f"{I_KD}.target"]


def test_numbers_typed_as_text_are_read_as_meant_with_an_info() -> None:
    temuan = _tanpa(_set(target="80%"))
    assert [(t.kode, t.keparahan) for t in temuan] == [("IKI-N002", Keparahan.INFO)]
    assert "80" in temuan[0].saran


def test_status_level_name_from_its_scale_is_fine_and_others_are_not() -> None:
    assert _tanpa(lambda d: setattr(ind(d, SUB), "target", "nindya")) == []
    temuan = _tanpa(lambda d: setattr(ind(d, SUB), "realisasi", [None, None, None, "Istimewa"]))
    assert di(temuan, "IKI-N001") == [f"{I_SUB}.realisasi[3]"]
    assert "Pratama" in temuan[0].saran


def test_range_target_above_100_for_persentase() -> None:
    temuan = _tanpa(_set(target=RentangTarget(bawah=90, atas=110)))
    assert di(temuan, "IKI-N006") == [f"{I_KD}.target"]


def test_zero_over_zero_in_an_earlier_quarter_is_not_an_error() -> None:
    def ubah(d: Dokumen) -> None:
        ind(d, KD).komponen[0].realisasi = [0, 40, 60, 80]
        ind(d, KD).komponen[1].realisasi = [0, 100, 100, 100]

    assert _tanpa(ubah) == []


def test_zero_over_zero_in_the_quarter_that_makes_the_year_is_an_error() -> None:
    def ubah(d: Dokumen) -> None:
        ind(d, KD).komponen[0].realisasi = [20, 40, 60, 0]
        ind(d, KD).komponen[1].realisasi = [100, 100, 100, 0]

    assert di(_tanpa(ubah), "IKI-N005") == [f"{I_KD}.komponen[1].realisasi[3]"]


def test_penurunan_with_baseline_zero_is_a_zero_denominator() -> None:
    assert di(_tanpa(_penurunan(0)), "IKI-N005") == [f"{I_KD}.baseline"]


def test_penurunan_with_baseline_is_clean() -> None:
    assert "IKI-N009" not in kode(_tanpa(_penurunan(100)))


def test_jumlah_with_persen_in_the_name_of_a_jumlah() -> None:
    temuan = _tanpa(
        lambda d: setattr(
            ind(d, SEK), "formulasi", "Jumlah dokumen yang disusun\nJumlah dokumen\n× 100%"
        )
    )
    assert "IKI-I005" in kode(temuan)


def test_percentage_name_with_sum_formula_reports_kind_not_denominator() -> None:
    temuan = _tanpa(_set(formulasi="ƒ(x) = Σ PMKS yang tertangani", komponen=[], jenis=None))
    assert "IKI-I005" in kode(temuan)
    assert "IKI-I006" not in kode(temuan)


def test_jumlah_subject_matches_through_an_acronym() -> None:
    def ubah(d: Dokumen) -> None:
        ind(d, SEK).nama = "Jumlah Perangkat Daerah yang melaksanakan PPRG"
        ind(d, SEK).formulasi = "ƒ(x) = Σ PD yang melaksanakan PPRG"

    assert "IKI-I014" not in kode(_tanpa(ubah))


def test_all_findings_are_collected_not_only_the_first() -> None:
    def ubah(d: Dokumen) -> None:
        ind(d, KD).sumber_data = ""
        ind(d, KD).nama = "Presentase PMKS yang tertangani"
        d.jabatan[SUB].tugas = []

    assert {"IKI-I003", "IKI-B001", "IKI-S010"} <= kode(_tanpa(ubah))


# ---------------------------------------------------------------- language near misses


@pytest.mark.parametrize(
    "teks",
    [
        "Dinsos PPPA",  # an acronym after a word
        "DinsosPPPA",  # a word glued to an acronym: left alone (real office names do this)
        "PermenPANRB 8/2021 dan KemenPPPA",
        "aplikasi eKinerja dan SiLPA",
        "pengaduan melalui WhatsApp dan YouTube",
        "Kegiatan Peringatan/Upacara/Hari-hari besar",
        "anak telantar dan lanjut usia terlantar",  # KBBI: both spellings accepted
        "IDG: 1/3 (Ipar+IDM+Lin-Dist)",
        "Rp 1.234,5 juta, 12,5 %",
        "dinsos.probolinggokota@gmail.com",
        "bidang sosial, sosial budaya",  # a comma between: not a doubled word
    ],
)
def test_language_rules_leave_real_words_alone(teks: str) -> None:
    temuan = _tanpa(_tugas(SUB, teks))
    assert [t for t in temuan if t.kode.startswith("IKI-B")] == [], (
        teks if "social" not in teks else []
    )


def test_language_near_miss_english_word_is_an_info() -> None:
    temuan = _tanpa(_tugas(SUB, "Rehabilitasi social diluar panti"))
    assert [(t.kode, t.keparahan, t.saran) for t in temuan] == [
        ("IKI-B007", Keparahan.INFO, "Rehabilitasi sosial diluar panti")
    ]


def test_suggestion_is_the_fully_corrected_text() -> None:
    asli = "PersentasePenyandangMasalahKesejahteranSosial (PMKS) yang  mendapatkan"
    assert perbaiki_teks(asli) == (
        "Persentase Penyandang Masalah Kesejahteraan Sosial (PMKS) yang mendapatkan"
    )
    temuan = _tanpa(_set(nama=asli))
    b = {t.kode: t for t in temuan if t.kode.startswith("IKI-B")}
    assert set(b) == {"IKI-B001", "IKI-B002", "IKI-B004"}
    assert {t.saran for t in b.values()} == {perbaiki_teks(asli)}
    assert "'Kesejahteran' → 'Kesejahteraan'" in b["IKI-B001"].pesan


def test_misspelling_keeps_the_letter_case() -> None:
    assert perbaiki_teks("PRESENTASE dan Prosentase dan pengitungan") == (
        "PERSENTASE dan Persentase dan penghitungan"
    )


# ---------------------------------------------------------------- the catalogue


def test_catalogue_codes_are_stable_unique_and_described() -> None:
    kodes = [a.kode for a in KATALOG]
    assert len(kodes) == len(set(kodes))
    for a in KATALOG:
        assert a.kode[:4] == "IKI-" and a.kode[4] in "SINCB" and a.kode[5:].isdigit()
        assert a.judul and a.alasan and a.perbaikan


def test_docs_rules_md_is_current() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == katalog_markdown(), (
        "docs/rules.md is stale: run `make docs`"
    )

"""Language rules (IKI-B…): the spell check's findings by rule, spacing, an acronym beside
its own expansion, a text cut off. The saran names each word with its suggestion
("kata → usulan"), never the whole cell rewritten."""

from __future__ import annotations

import re

import pytest

from iki_xl.core.findings import Severity
from iki_xl.core.model import Dokumen
from iki_xl.core.rules import check
from iki_xl.core.rules.text import abbreviation_repeats, document_expansions, truncated
from iki_xl.io.interchange import load
from tests.core.rules.document import (
    CONTOH,
    I_KD,
    KD,
    SEK,
    SUB,
    Mutation,
    Trigger,
    assert_fires,
    findings_after,
    group_codes,
    jabatan_no,
    set_kd,
    set_tugas,
)

TRIGGERS: list[Trigger] = [
    ("IKI-B001", set_kd(nama="Presentase PMKS yang tertangani"), f"{I_KD}.nama"),
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
    ("IKI-B005", set_tugas(SUB, "penyusunan perundang- undangan;"), "jabatan[2].tugas[0]"),
    (
        "IKI-B006",
        set_tugas(SUB, "administrasi umum,perkantoran dan kehumasan"),
        "jabatan[2].tugas[0]",
    ),
    (
        "IKI-B007",
        set_tugas(SUB, "penyusunan system informasi data gender"),
        "jabatan[2].tugas[0]",
    ),
    ("IKI-B008", set_tugas(SUB, "Menyusun analisa resiko bencana;"), "jabatan[2].tugas[0]"),
    ("IKI-B009", set_tugas(SUB, "Penanganan penderita HIV/ AIDS;"), "jabatan[2].tugas[0]"),
    (
        "IKI-B010",
        set_kd(nama="Persentase Penyandang PMKS yang tertangani"),
        f"{I_KD}.nama",
    ),
    (
        "IKI-B011",
        set_tugas(SUB, "Melaksanakan urusan rumah tangga sesuai dengan"),
        "jabatan[2].tugas[0]",
    ),
]


def test_every_language_rule_has_a_trigger() -> None:
    assert sorted({code for code, _, _ in TRIGGERS}) == group_codes("B")


@pytest.mark.parametrize(("code", "mutate", "jalur"), TRIGGERS, ids=[t[0] for t in TRIGGERS])
def test_rule_fires_at_its_jalur(code: str, mutate: Mutation, jalur: str) -> None:
    assert_fires(code, mutate, jalur)


@pytest.mark.parametrize(
    ("text", "message", "saran"),
    [
        (
            "penyusunan perundang- undangan;",
            "Tanda hubung diikuti spasi: 'perundang- undangan;'.",
            "'perundang- undangan;' → 'perundang-undangan;'.",
        ),
        (
            "umum,perkantoran",
            "Tidak ada spasi setelah koma: 'umum,perkantoran'.",
            "'umum,perkantoran' → 'umum, perkantoran'.",
        ),
        ("Rehabilitasi social", "Kata bahasa Inggris: 'social' → 'sosial'.", "social → sosial."),
        ("data data", "Kata berulang: 'data data'.", "data data → data."),
        ("KepalaSub. Bagian", "Kata berdempet: 'KepalaSub'.", "KepalaSub → Kepala Sub."),
        ("a  b", "Spasi ganda di 'a b'.", "'a  b' → 'a b'."),  # quoted with spaces collapsed
        (
            "Menyusun analisa resiko",
            "Bentuk tidak baku: 'analisa' → 'analisis', 'resiko' → 'risiko'.",
            "analisa → analisis; resiko → risiko.",
        ),
        ("pelatihan Usaha..", "Spasi atau tanda baca: 'Usaha..'.", "'Usaha..' → 'Usaha.'."),
        (
            "Melaksanakan tugas, Pengitungan dan Pengitungan ulang",
            "Salah ketik: 'Pengitungan' → 'Penghitungan'.",  # the same word once
            "Pengitungan → Penghitungan.",
        ),
    ],
)
def test_messages_and_saran_name_each_word(text: str, message: str, saran: str) -> None:
    findings = [f for f in findings_after(set_tugas(SUB, text)) if f.code.startswith("IKI-B")]
    assert [(f.message, f.saran) for f in findings] == [(message, saran)]


def test_every_misspelling_of_a_text_is_in_one_finding() -> None:
    original = "PersentasePenyandangMasalahKesejahteranSosial (PMKS) yang  mendapatkan"
    findings = findings_after(set_kd(nama=original))
    b = {f.code: f for f in findings if f.code.startswith("IKI-B")}
    assert set(b) == {"IKI-B002", "IKI-B004"}
    assert b["IKI-B002"].saran == (
        "PersentasePenyandangMasalahKesejahteranSosial → Persentase Penyandang Masalah "
        "Kesejahteraan Sosial."  # the glued typo corrected too
    )
    assert b["IKI-B004"].saran == "'(PMKS) yang  mendapatkan' → '(PMKS) yang mendapatkan'."


def test_a_word_the_lists_do_not_know_is_asked_about() -> None:
    [f] = [
        f
        for f in findings_after(set_tugas(SUB, "Menyusun laporan qwzxkj;"))
        if f.code == "IKI-B001"
    ]
    assert f.message == "Salah ketik: 'qwzxkj' (tidak dikenal)."
    assert f.saran == "periksa ejaan 'qwzxkj' (bila nama atau singkatan, biarkan)."


def test_misspelling_keeps_the_letter_case() -> None:
    [f] = [
        f
        for f in findings_after(set_tugas(SUB, "PRESENTASE dan Prosentase"))
        if f.code == "IKI-B001"
    ]
    assert f.saran == "PRESENTASE → PERSENTASE; Prosentase → Persentase."


# ---------------------------------------------------------------- near misses


@pytest.mark.parametrize(
    "text",
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
        "pelaksanaan monitoring dan evaluasi kegiatan Sub Bagian Umum",  # loanwords, "Sub"
        "Menyusun laporan pelaksanaan kegiatan; dan",  # the list's connector, not a cut
        "Jumlah PMKS (Penyandang Masalah Kesejahteraan Sosial)",  # an expansion, not a repeat
        "Melaksanakan tugas lain sesuai dengan tugas dan fungsinya.",
    ],
)
def test_language_rules_leave_real_words_alone(text: str) -> None:
    findings = findings_after(set_tugas(SUB, text))
    assert [f for f in findings if f.code.startswith("IKI-B")] == [], text


def test_english_word_is_an_info_and_its_saran_the_word() -> None:
    findings = findings_after(set_tugas(SUB, "Rehabilitasi social di luar panti"))
    assert [(f.code, f.severity, f.saran) for f in findings] == [
        ("IKI-B007", Severity.INFO, "social → sosial.")
    ]


def test_the_dinas_own_vocabulary_is_accepted() -> None:
    """A word the document uses in several texts (a programme's name) is the Dinas's."""

    def mutate(d: Dokumen) -> None:
        d.jabatan[SUB].tugas = [
            "Melaksanakan kegiatan Komdax di kecamatan;",
            "Melaksanakan pembinaan Komdax.",
        ]

    assert findings_after(mutate) == []
    alone = findings_after(set_tugas(SUB, "Melaksanakan kegiatan Komdax di kecamatan;"))
    assert [f.code for f in alone] == ["IKI-B001"]


@pytest.mark.parametrize(
    "text",
    [
        "Menyusun laporan pelaksanaan program dan",
        "Melaksanakan koordinasi,",
        "Melaksanakan tugas sesuai dengan",
        "pelaksanaan tugas serta",
        "Jumlah korban (KK yang",
        "Jumlah PMKS yang\nJumlah PMKS seluruhnya",
    ],
)
def test_truncation_trigger(text: str) -> None:
    assert truncated(text)


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
    assert truncated(text) is None


def test_abbreviation_repeat() -> None:
    exp = document_expansions(["Lembaga Kesejahteraan Sosial (LKS) adalah organisasi"])
    assert exp["LKS"] == "Lembaga Kesejahteraan Sosial"
    assert [(r.acronym, r.word, r.written) for r in abbreviation_repeats(
        "Persentase Penurunan Penyandang PMKS", exp
    )] == [("PMKS", "Penyandang", "Penyandang PMKS")]  # fmt: skip
    assert [r.word for r in abbreviation_repeats("Jumlah Lembaga LKS yang dibina", exp)] == [
        "Lembaga"
    ]
    assert abbreviation_repeats("Lembaga Kesejahteraan Sosial (LKS) yang dibina", exp) == []
    assert abbreviation_repeats("Jumlah PMKS yang ditangani", exp) == []


def test_abbreviation_saran_drops_the_word() -> None:
    [f] = [f for f in findings_after(TRIGGERS[9][1]) if f.code == "IKI-B010"]
    assert f.saran == "'Penyandang PMKS' → 'PMKS' (atau tulis kepanjangannya saja)."


# ---------------------------------------------------------------- the seeds


def test_sampang_misspellings_each_at_its_field(sampang: Dokumen) -> None:
    findings = [f for f in check(sampang) if f.code == "IKI-B001"]
    kabid_pjs = jabatan_no(sampang, "kabid-perlindungan-jaminan-sosial")
    kabid_pppa = jabatan_no(sampang, "kabid-pppa")
    expected = {
        f"jabatan[{kabid_pjs}].kinerja[0].indikator[2].nama": ("Presentase", "Persentase"),
        f"jabatan[{kabid_pjs}].kinerja[0].indikator[1].formulasi": ("Jummlah", "Jumlah"),
        f"jabatan[{kabid_pppa}].kinerja[0].indikator[0].nama": ("resposif", "responsif"),
    }
    for jalur, (wrong, right) in expected.items():
        f = next(f for f in findings if f.jalur == jalur)
        assert f"'{wrong}' → '{right}'" in f.message
        assert f.saran == f"{wrong} → {right}."


def test_sampang_truncated_texts(sampang: Dokumen) -> None:
    kabid_pjs = jabatan_no(sampang, "kabid-perlindungan-jaminan-sosial")
    assert {f.jalur for f in check(sampang) if f.code == "IKI-B011"} == {
        f"jabatan[{kabid_pjs}].kinerja[0].indikator[2].nama",  # "… darurat & pasca"
        f"jabatan[{kabid_pjs}].kinerja[0].indikator[2].formulasi",
    }


def test_probolinggo_sekretaris_doubled_word(probolinggo: Dokumen) -> None:
    sek = jabatan_no(probolinggo, "sekretaris")
    findings = [f for f in check(probolinggo) if f.code == "IKI-B003"]
    assert [f.jalur for f in findings] == [f"jabatan[{sek}].fungsi[7]"]
    assert findings[0].saran == "keuangan keuangan → keuangan."


def test_probolinggo_glued_kepala_sub(probolinggo: Dokumen) -> None:
    tu = jabatan_no(probolinggo, "kasubag-tata-usaha")
    f = next(f for f in check(probolinggo) if f.jalur == f"jabatan[{tu}].nama")
    assert f.code == "IKI-B002"
    assert f.saran == "KepalaSub → Kepala Sub."


def _texts(doc: Dokumen) -> list[tuple[str, str]]:
    """(jalur, text) of every text field a planner writes."""
    result = []
    for j, jab in enumerate(doc.jabatan):
        result.append((f"jabatan[{j}].nama", jab.nama))
        result += [(f"jabatan[{j}].tugas[{t}]", s) for t, s in enumerate(jab.tugas)]
        result += [(f"jabatan[{j}].fungsi[{f}]", s) for f, s in enumerate(jab.fungsi)]
        for k, kin in enumerate(jab.kinerja):
            result.append((f"jabatan[{j}].kinerja[{k}].sasaran", kin.sasaran))
            for n, ind in enumerate(kin.indikator):
                p = f"jabatan[{j}].kinerja[{k}].indikator[{n}]"
                result += [
                    (f"{p}.{m}", getattr(ind, m))
                    for m in ("nama", "formulasi", "penjelasan", "sumber_data")
                ]
    return result


@pytest.mark.parametrize("name", ["sampang", "probolinggo"])
def test_every_presentase_prosentase_pengitungan_is_found_at_its_field(name: str) -> None:
    doc = load(CONTOH / f"{name}.yaml")
    wrong = re.compile(r"(?i)(presentase|prosentase|pengitungan)")
    expected = {jalur for jalur, text in _texts(doc) if wrong.search(text)}
    assert expected, "the seed keeps these misspellings"
    findings = [f for f in check(doc) if f.code == "IKI-B001" and wrong.search(f.message)]
    assert {f.jalur for f in findings} == expected
    for f in findings:
        assert re.fullmatch(r"(\w+ → \w+(; )?)+\.", f.saran), f.saran

"""Language rules (IKI-B…): typos, glued words, a word twice, spacing, English words; the
suggestion is always the whole text corrected."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iki_xl.core.findings import Severity
from iki_xl.core.model import Dokumen
from iki_xl.core.rules import check, language
from iki_xl.core.rules.language import corrected_text
from iki_xl.core.rules.words import ENGLISH, TYPOS, correct_words, match_case
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
]


def test_every_language_rule_has_a_trigger() -> None:
    assert sorted({code for code, _, _ in TRIGGERS}) == group_codes("B")


@pytest.mark.parametrize(("code", "mutate", "jalur"), TRIGGERS, ids=[t[0] for t in TRIGGERS])
def test_rule_fires_at_its_jalur(code: str, mutate: Mutation, jalur: str) -> None:
    assert_fires(code, mutate, jalur)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("penyusunan perundang- undangan;", "Tanda hubung diikuti spasi: 'perundang- undangan'."),
        ("umum,perkantoran", "Tidak ada spasi setelah koma: 'umum,perkantoran'."),
        ("Rehabilitasi social", "Kata bahasa Inggris: 'social' → 'sosial'."),
        ("data data", "Kata berulang: 'data data'."),
        ("KepalaSub. Bagian", "Kata berdempet: 'KepalaSub.'."),
        ("a  b", "Spasi ganda di 'a b'."),  # quoted with spaces collapsed
    ],
)
def test_messages(text: str, message: str) -> None:
    findings = [f for f in findings_after(set_tugas(SUB, text)) if f.code.startswith("IKI-B")]
    assert [f.message for f in findings] == [message]
    assert findings[0].saran == corrected_text(text)


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
    ],
)
def test_language_rules_leave_real_words_alone(text: str) -> None:
    findings = findings_after(set_tugas(SUB, text))
    assert [f for f in findings if f.code.startswith("IKI-B")] == [], text


def test_language_near_miss_english_word_is_an_info() -> None:
    findings = findings_after(set_tugas(SUB, "Rehabilitasi social diluar panti"))
    assert [(f.code, f.severity, f.saran) for f in findings] == [
        ("IKI-B007", Severity.INFO, "Rehabilitasi sosial diluar panti")
    ]


def test_suggestion_is_the_fully_corrected_text() -> None:
    original = "PersentasePenyandangMasalahKesejahteranSosial (PMKS) yang  mendapatkan"
    assert corrected_text(original) == (
        "Persentase Penyandang Masalah Kesejahteraan Sosial (PMKS) yang mendapatkan"
    )
    findings = findings_after(set_kd(nama=original))
    b = {f.code: f for f in findings if f.code.startswith("IKI-B")}
    assert set(b) == {"IKI-B001", "IKI-B002", "IKI-B004"}
    assert {f.saran for f in b.values()} == {corrected_text(original)}
    assert "'Kesejahteran' → 'Kesejahteraan'" in b["IKI-B001"].message


def test_misspelling_keeps_the_letter_case() -> None:
    assert corrected_text("PRESENTASE dan Prosentase dan pengitungan") == (
        "PERSENTASE dan Persentase dan penghitungan"
    )
    assert match_case("SOCIAL", "sosial") == "SOSIAL"
    assert match_case("Social", "sosial") == "Sosial"
    assert match_case("social", "sosial") == "sosial"
    assert correct_words("Presentase x", TYPOS) == ("Persentase x", [("Presentase", "Persentase")])


# ---------------------------------------------------------------- the shortcut


_TEST_WORDS = [
    *TYPOS, *ENGLISH, "Presentase", "SOCIAL", "data", "Data", "ſocial",
    "jumlah", "pmks", "x", "ab1", "dan", "Kelvin", "ǅ", "İ", "KepalaSub", "WhatsApp",
]  # fmt: skip


def _detected(text: str) -> bool:
    """Whether any language rule's own search finds something in the text."""
    apart = language._split_glued(text)
    return bool(
        apart != text
        or correct_words(apart, TYPOS)[1]
        or correct_words(apart, ENGLISH)[1]
        or any(language._same_word_twice(m) for m in language._REPEATED.finditer(text))
        or language._DOUBLE_SPACE.search(text)
        or language._HYPHEN_SPACE.search(text)
        or language._NO_SPACE_AFTER_COMMA.search(text)
    )


@given(
    st.lists(
        st.one_of(st.sampled_from(_TEST_WORDS), st.text(min_size=1, max_size=6)),
        max_size=8,
    ),
    st.lists(st.sampled_from([" ", "  ", "\n", "-", ", ", ",", "_", "2", "- "]), max_size=8),
)
def test_texts_the_correction_leaves_unchanged_have_no_finding_to_lose(
    words: list[str], gaps: list[str]
) -> None:
    """A text whose corrected form is itself is skipped without the searches: that shortcut
    must hide no finding, and a text with a finding always gets a different suggestion."""
    text = "".join(w + (gaps[i] if i < len(gaps) else " ") for i, w in enumerate(words))
    assert bool(language._findings_of(text)) == _detected(text)
    assert _detected(text) == (corrected_text(text) != text)


# ---------------------------------------------------------------- the seeds


def test_sampang_misspellings_each_at_its_field(sampang: Dokumen) -> None:
    findings = [f for f in check(sampang) if f.code == "IKI-B001"]
    kabid_pjs = jabatan_no(sampang, "kabid-perlindungan-jaminan-sosial")
    kabid_pppa = jabatan_no(sampang, "kabid-pppa")
    expected = {
        f"jabatan[{kabid_pjs}].kinerja[0].indikator[2].nama": "Presentase",
        f"jabatan[{kabid_pjs}].kinerja[0].indikator[1].formulasi": "Jummlah",
        f"jabatan[{kabid_pppa}].kinerja[0].indikator[0].nama": "resposif",
    }
    for jalur, wrong in expected.items():
        f = next(f for f in findings if f.jalur == jalur)
        assert wrong in f.message
        assert wrong not in f.saran


def test_probolinggo_sekretaris_doubled_word(probolinggo: Dokumen) -> None:
    sek = jabatan_no(probolinggo, "sekretaris")
    findings = [f for f in check(probolinggo) if f.code == "IKI-B003"]
    assert [f.jalur for f in findings] == [f"jabatan[{sek}].fungsi[7]"]
    assert findings[0].saran == "Pelaksanaan pengelolaan keuangan Dinas;"


def test_probolinggo_glued_kepala_sub(probolinggo: Dokumen) -> None:
    tu = jabatan_no(probolinggo, "kasubag-tata-usaha")
    f = next(f for f in check(probolinggo) if f.jalur == f"jabatan[{tu}].nama")
    assert f.code == "IKI-B002"
    assert f.saran == "Kepala Sub. Bagian Tata Usaha"


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
        assert not wrong.search(f.saran)

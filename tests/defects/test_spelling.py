"""Spell checker: a trigger and a non-trigger test for each kind, the seeds' real typos,
and no unexplained finding on the two bundled examples."""

from __future__ import annotations

import pytest

from iki_xl.core.spelling import (
    check_text,
    check_word,
    document_misspellings,
    kamus,
    misspellings,
    repeated_words,
    spacing_issues,
    vocabulary,
)
from tests.defects.make_defects import load_base
from tests.defects.spelling_report import explained

SEED_TYPOS = [
    "Presentase",
    "Pengitungan",
    "verivikasi",
    "pemerikasaan",
    "Jummlah",
    "resposif",
    "kesejahteran",
    "oelh",
    "menertima",
    "pemberdayaa",
    "pengeloaan",
    "standart",
    "singkronisasi",
    "akuntabilitasi",
]


@pytest.mark.parametrize("word", SEED_TYPOS)
def test_seed_typos_are_found(word: str) -> None:
    found = check_word(word)
    assert found is not None and found[0] in ("typo", "baku")


@pytest.mark.parametrize(
    ("word", "kind", "suggestion"),
    [
        ("Pengitungan", "typo", "Penghitungan"),
        ("pemerikasaan", "typo", "pemeriksaan"),
        ("oelh", "typo", "oleh"),
        ("resiko", "baku", "risiko"),
        ("ketrampilan", "baku", "keterampilan"),
        ("perijinan", "baku", "perizinan"),
        ("social", "english", "sosial"),
        ("criteria", "english", "kriteria"),
        ("asset", "english", "aset"),
        ("logistic", "english", "logistik"),
        ("programkerja", "glued", "program kerja"),
        ("KepalaSeksi", "glued", "Kepala Seksi"),
        ("diluar", "glued", "di luar"),
    ],
)
def test_word_trigger(word: str, kind: str, suggestion: str) -> None:
    assert check_word(word) == (kind, suggestion)


@pytest.mark.parametrize(
    "word",
    [
        "persentase",
        "penghitungan",
        "mengoordinasikan",
        "kesejahteraan",
        "sosialnya",
        "disabilitas",
        "pengevaluasian",
        "terpulihkan",
        "perundang-undangan",
        "tugas-tugas",
        "difasilitasi",
        "monitoring",
        "kebencanaan",
        "telantar",
        "terlantar",
    ],
)
def test_word_non_trigger(word: str) -> None:
    assert check_word(word) is None


def test_acronyms_abbreviations_glosses_are_not_flagged() -> None:
    text = "Jumlah Keg. PMKS yang ditangani (maintenance) oleh TKSK"
    assert misspellings(text) == []


def test_misspelling_positions_and_messages() -> None:
    text = "Jumlah PMKS yang menertima pelayanan"
    (m,) = misspellings(text)
    assert text[m.start : m.end] == "menertima"
    assert m.message == "Salah ketik: 'menertima' → 'menerima'"
    assert "menerima" in m.saran


def test_shouting_text_is_checked_word_by_word() -> None:
    found = misspellings("KEPALA DINAS SOSAIL PPPA KABUPATEN SAMPANG", accepted={"sampang", "pppa"})
    assert [(m.word, m.suggestion) for m in found] == [("SOSAIL", "SOSIAL")]


@pytest.mark.parametrize(
    "text",
    [
        "Penanganan HIV/ AIDS",
        "pelatihan Usaha..",
        "urusan umum,perkantoran dan",
        "Melaksanakan, penyusunan laporan",
        "peraturan perundang- undangan",
        "data , dan",
    ],
)
def test_spacing_trigger(text: str) -> None:
    assert spacing_issues(text)


@pytest.mark.parametrize(
    "text",
    [
        "Penanganan HIV/AIDS",
        "Jumlah 1,5 juta",
        "merencanakan, melaksanakan dan mengendalikan",
        "ƒ(x) = Σ Klien",
        "Formulasi Penghitungan :",
        "dan lain-lain...",
    ],
)
def test_spacing_non_trigger(text: str) -> None:
    assert spacing_issues(text) == []


def test_repeated_word() -> None:
    assert [m.word for m in repeated_words("pengelolaan keuangan keuangan Dinas")] == [
        "keuangan keuangan"
    ]
    assert repeated_words("kupu-kupu dan tugas-tugas") == []


def test_vocabulary_accepts_the_dinas_words_but_not_a_repeated_typo() -> None:
    texts = [
        "Jumlah Komdax yang dibina",
        "Pembinaan Komdax",
        "Formulasi Pengitungan :",
        "Formulasi Pengitungan :",
        "Jumlah PMKS",
        "IDG: 1/3 (Ipar+IDM)",
    ]
    voc = vocabulary(texts, names=["Kota Probolinggo"], units=["orang"])
    assert {"komdax", "pmks", "ipar", "idm", "probolinggo", "orang"} <= voc
    assert "pengitungan" not in voc


def test_check_text_orders_findings() -> None:
    found = check_text("Pengelolaan keuangan keuangan sistim,data")
    assert [m.kind for m in found] == sorted(
        [m.kind for m in found], key=lambda k: [x.kind for x in found].index(k)
    )
    assert {m.kind for m in found} == {"repeated_word", "baku", "spacing"}


@pytest.mark.parametrize("base", ["probolinggo", "sampang"])
def test_every_finding_on_the_examples_is_explained(base: str) -> None:
    notes = explained()[base]
    keys = {f"{m.kind} {m.word}" for _, m in document_misspellings(load_base(base))}
    assert keys - set(notes) == set()
    assert not [k for k in keys if notes[k].startswith("false_positive")]


def test_load_is_cached_and_quick() -> None:
    import time

    kamus.cache_clear()
    t = time.perf_counter()
    kb = kamus()
    assert time.perf_counter() - t < 1.0  # ~0.1 s on the development machine
    assert kamus() is kb
    assert len(kb.id_forms) > 100_000

"""similarity.py: near-duplicate items, near-identical lists, formula ≈ name."""

from __future__ import annotations

from iki_xl.core import similarity as sim

ITEM = "Menyusun laporan pelaksanaan program dan kegiatan Seksi Jaminan Sosial; dan"


def test_near_duplicate_trigger() -> None:
    assert sim.near_duplicate(
        ITEM, "menyusun laporan pelaksanaan program dan kegiatan Seksi Jaminan Sosial."
    )
    assert sim.near_duplicate(
        ITEM, "Menyusun laporan pelaksanaan program kegiatan Seksi Jaminan Sosial;"
    )
    assert sim.near_duplicate(
        ITEM, "Menyusun laporan pelaksanaan program dan kegiatan Dinas Seksi Jaminan Sosial"
    )


def test_near_duplicate_non_trigger() -> None:
    a = "pelaksanaan kebijakan teknis penyelenggaraan rehabilitasi sosial bagi anak"
    b = "pelaksanaan bimbingan teknis penyelenggaraan rehabilitasi sosial bagi anak"
    assert not sim.near_duplicate(a, b)  # another duty: the object differs
    assert not sim.near_duplicate(
        "pengelolaan administrasi keuangan", "pengelolaan administrasi umum"
    )


def test_near_duplicate_items_pairs_each_later_item_once() -> None:
    items = [
        "Menyusun rencana kerja Seksi;",
        "Membagi tugas kepada bawahan;",
        "menyusun rencana kerja seksi.",
        "Menyusun rencana kerja Seksi",
    ]
    assert sim.near_duplicate_items(items) == [(0, 2), (0, 3)]


def test_similar_lists() -> None:
    a = [
        f"Melaksanakan tugas nomor {w} dengan baik;"
        for w in ["satu", "dua", "tiga", "empat", "lima"]
    ]
    b = [*a[:4], "Melaksanakan tugas nomor lima dengan baik."]
    c = ["Menyusun anggaran;", "Mengelola arsip;", "Melayani tamu;"]
    (m,) = sim.similar_lists([a, c, b])
    assert m[:2] == (0, 2) and m[2].share == 1.0
    assert sim.similar_lists([a, c]) == []
    assert sim.similar_lists([["satu hal"], ["satu hal"]]) == []  # too short to compare


def test_formula_equals_name() -> None:
    nama = "Persentase Organisasi Perempuan yang dibina"
    assert sim.formula_equals_name(
        nama, "Formulasi Penghitungan :\npersentase organisasi perempuan yang dibina."
    )
    assert sim.formula_equals_name(nama, "Persentase Organisasi Perempuan yang telah dibina")
    assert not sim.formula_equals_name(
        nama, "Jumlah Organisasi Perempuan yang dibina\nJumlah organisasi yang ada"
    )
    assert not sim.formula_equals_name("Jumlah Klien di Shelter", "ƒ(x) = Σ Klien di Shelter")
    assert not sim.formula_equals_name(nama, "-")


def test_normalize_item() -> None:
    assert sim.normalize_item("a. Menyusun  Laporan, Dinas; dan") == "menyusun laporan dinas"


def test_list_items_one_word_apart_match_when_one_has_four_words() -> None:
    a = ["melaksanakan tugas unit", "menyusun laporan kegiatan", "menyiapkan bahan rapat"]
    b = ["melaksanakan tugas dinas unit", *a[1:]]
    assert sim.list_similarity(a, b).matched == 3
    # three words each, one apart: two duties, not a copy
    assert sim.list_similarity(["menyusun laporan unit"], ["menyusun rencana unit"]).matched == 0

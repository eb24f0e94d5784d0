"""Structure rules (IKI-S…): names, ids, atasan, tugas and fungsi, kinerja, copied tables."""

from __future__ import annotations

import pytest

from iki_xl.core.findings import Severity
from iki_xl.core.model import Dokumen, Kinerja
from iki_xl.core.rules import check
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
    group_codes,
    ind,
    jabatan_no,
    set_tugas,
)


def _cycle(d: Dokumen) -> None:
    d.jabatan[KD].atasan = "kasubag-umum"


def _same_table(d: Dokumen) -> None:
    d.jabatan[SEK].kinerja = [k.model_copy(deep=True) for k in d.jabatan[KD].kinerja]
    ind(d, SEK).mendukung = "Persentase PMKS yang tertangani"


TRIGGERS: list[Trigger] = [
    ("IKI-S001", lambda d: setattr(d.jabatan[SUB], "nama", " "), "jabatan[2].nama"),
    ("IKI-S002", lambda d: setattr(d.jabatan[SUB], "jenis", None), "jabatan[2].jenis"),
    ("IKI-S003", lambda d: add_jabatan(d, id="kasubag-umum-2"), "jabatan[3].nama"),
    ("IKI-S004", lambda d: add_jabatan(d, nama="Kepala Sub Bagian Keuangan"), "jabatan[3].id"),
    ("IKI-S005", lambda d: setattr(d.jabatan[SUB], "atasan", None), "jabatan[2].atasan"),
    (
        "IKI-S006",
        lambda d: setattr(d.jabatan[SUB], "atasan", "kabid-tidak-ada"),
        "jabatan[2].atasan",
    ),
    ("IKI-S007", _cycle, "jabatan[0].atasan"),
    ("IKI-S008", lambda d: setattr(d.jabatan[SUB], "kinerja", []), "jabatan[2].kinerja"),
    (
        "IKI-S009",
        lambda d: d.jabatan[SUB].kinerja.append(
            Kinerja(sasaran="Meningkatnya Kualitas Hidup Perempuan")
        ),
        "jabatan[2].kinerja[1].sasaran",
    ),
    ("IKI-S010", set_tugas(SUB), "jabatan[2].tugas"),
    ("IKI-S011", lambda d: setattr(d.jabatan[SEK], "fungsi", ["-"]), "jabatan[1].fungsi"),
    (
        "IKI-S012",
        set_tugas(
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
    ("IKI-S014", _same_table, "jabatan[1].kinerja[0].sasaran"),
    ("IKI-S024", lambda d: d.jabatan.insert(SEK, d.jabatan.pop(SUB)), "jabatan[1].nama"),
]


def test_every_structure_rule_has_a_trigger() -> None:
    """Here, in test_lists.py (the lists) and in test_copies.py (across jabatan)."""
    from tests.core.rules import test_copies, test_lists

    every = [*TRIGGERS, *test_lists.TRIGGERS, *test_copies.TRIGGERS]
    assert sorted({code for code, _, _ in every}) == group_codes("S")


@pytest.mark.parametrize(("code", "mutate", "jalur"), TRIGGERS, ids=[t[0] for t in TRIGGERS])
def test_rule_fires_at_its_jalur(code: str, mutate: Mutation, jalur: str) -> None:
    assert_fires(code, mutate, jalur)


def test_messages() -> None:
    [s012] = [f for f in findings_after(TRIGGERS[11][1]) if f.code == "IKI-S012"]
    assert s012.message == (
        "Baris tugas c sama dengan baris b: 'Membantu penyelesaian masalah hukum; dan'."
    )
    assert s012.saran == "Hapus baris tugas c, atau tulis tugas yang seharusnya."
    s007 = [f for f in findings_after(_cycle) if f.code == "IKI-S007"]
    assert {f.jalur for f in s007} == {
        "jabatan[0].atasan",
        "jabatan[1].atasan",
        "jabatan[2].atasan",
    }
    assert s007[0].message == (
        "Atasan berputar: Kepala Dinas Sosial → Kepala Sub Bagian Umum → Sekretaris → "
        "Kepala Dinas Sosial."
    )


def test_sheet_order_is_reported_once_for_the_dinas() -> None:
    def mutate(d: Dokumen) -> None:
        d.instansi.nama = "Dinas Sosial"
        d.jabatan.insert(SEK, d.jabatan.pop(SUB))  # Kasubag before its Sekretaris

    [s024] = [f for f in findings_after(mutate) if f.code == "IKI-S024"]
    assert s024.jabatan == "Dinas Sosial"
    assert s024.message == (
        "Urutan sheet berbeda dari struktur organisasi: sheet jabatan ke-2 'Kepala Sub Bagian "
        "Umum', menurut atasan seharusnya 'Sekretaris' (1 jabatan perlu dipindah). Lampiran "
        "dicetak menurut urutan sheet."
    )


def test_sheet_order_of_the_org_chart_or_of_unknown_atasan_is_fine() -> None:
    assert "IKI-S024" not in codes(findings_after(lambda d: None))

    # no atasan anywhere: the tree is the document's order, nothing to compare
    def no_tree(d: Dokumen) -> None:
        for jab in d.jabatan:
            jab.atasan = None

    assert "IKI-S024" not in codes(findings_after(no_tree))
    # an atasan cycle is S007's; the order is not judged
    assert "IKI-S024" not in codes(findings_after(_cycle))


def test_atasan_not_used_by_the_dinas_is_reported_once() -> None:
    def mutate(d: Dokumen) -> None:
        d.instansi.nama = "Dinas Sosial"
        for jab in d.jabatan:
            jab.atasan = None

    s005 = [f for f in findings_after(mutate) if f.code == "IKI-S005"]
    assert [(f.jabatan, f.jalur) for f in s005] == [("Dinas Sosial", "jabatan[1].atasan")]
    assert "seluruh dokumen (2 jabatan)" in s005[0].message


# ---------------------------------------------------------------- near misses (no finding)


def test_fungsi_dash_is_fine_below_administrator() -> None:
    assert findings_after(lambda d: setattr(d.jabatan[SUB], "fungsi", [])) == []


def test_administrator_without_atasan_is_fine_in_an_eselon_iii_iv_document() -> None:
    def mutate(d: Dokumen) -> None:
        del d.jabatan[KD]
        d.jabatan[0].atasan = None
        ind(d, 0).mendukung = ""

    assert findings_after(mutate) == []


def test_administrator_without_atasan_is_flagged_when_the_kepala_dinas_is_present() -> None:
    assert at(findings_after(lambda d: setattr(d.jabatan[SEK], "atasan", None)), "IKI-S005") == [
        "jabatan[1].atasan"
    ]


def test_same_nama_in_another_unit_is_not_a_duplicate() -> None:
    assert "IKI-S003" not in codes(
        findings_after(lambda d: add_jabatan(d, id="x", unit="Bidang Lain"))
    )


# ---------------------------------------------------------------- Sampang (seed 002)


def test_sampang_kasubag_umum_kinerja_rows_without_indicator(sampang: Dokumen) -> None:
    j = jabatan_no(sampang, "kasubag-umum")
    findings = check(sampang)
    assert set(at(findings, "IKI-S009")) == {
        f"jabatan[{j}].kinerja[1].sasaran",
        f"jabatan[{j}].kinerja[2].sasaran",
    }
    assert all(f.severity is Severity.GALAT for f in findings if f.code == "IKI-S009")


def test_sampang_kasubag_umum_duplicated_tugas_f_g(sampang: Dokumen) -> None:
    j = jabatan_no(sampang, "kasubag-umum")
    findings = [f for f in check(sampang) if f.code == "IKI-S012"]
    assert [f.jalur for f in findings] == [f"jabatan[{j}].tugas[6]"]
    assert "tugas g sama dengan baris f" in findings[0].message


def test_sampang_sekretaris_table_is_the_kepala_dinas_table(sampang: Dokumen) -> None:
    j = jabatan_no(sampang, "sekretaris")
    findings = [f for f in check(sampang) if f.code == "IKI-S014"]
    assert [f.jalur for f in findings] == [f"jabatan[{j}].kinerja[0].sasaran"]
    assert "KEPALA DINAS" in findings[0].message

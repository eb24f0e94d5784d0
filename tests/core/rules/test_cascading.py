"""Cascading rules (IKI-C…): each Pengawas and Administrator indicator supports one of its
atasan's."""

from __future__ import annotations

import pytest

from iki_xl.core.model import Dokumen
from tests.core.rules.document import (
    I_SEK,
    IND_KD,
    SEK,
    SUB,
    Mutation,
    Trigger,
    assert_fires,
    codes,
    findings_after,
    group_codes,
    ind,
)

TRIGGERS: list[Trigger] = [
    ("IKI-C001", lambda d: setattr(ind(d, SEK), "mendukung", ""), f"{I_SEK}.mendukung"),
    (
        "IKI-C002",
        lambda d: setattr(ind(d, SEK), "mendukung", "Persentase PMKS"),
        f"{I_SEK}.mendukung",
    ),
]


def test_every_cascading_rule_has_a_trigger() -> None:
    assert sorted({code for code, _, _ in TRIGGERS}) == group_codes("C")


@pytest.mark.parametrize(("code", "mutate", "jalur"), TRIGGERS, ids=[t[0] for t in TRIGGERS])
def test_rule_fires_at_its_jalur(code: str, mutate: Mutation, jalur: str) -> None:
    assert_fires(code, mutate, jalur)


def test_messages_name_the_atasan_and_its_indicators() -> None:
    [c002] = [f for f in findings_after(TRIGGERS[1][1]) if f.code == "IKI-C002"]
    assert c002.message == "'Persentase PMKS' bukan indikator atasan 'Kepala Dinas Sosial'."
    assert c002.saran == f"Pilih salah satu indikator atasan: {IND_KD}."


# ---------------------------------------------------------------- near misses


def test_cascading_is_not_checked_when_the_atasan_is_not_in_the_document() -> None:
    def mutate(d: Dokumen) -> None:
        d.jabatan[SUB].atasan = "kabid-luar"
        ind(d, SUB).mendukung = ""

    assert codes(findings_after(mutate)) == {"IKI-S006"}


def test_mendukung_matches_ignoring_case_and_spacing() -> None:
    findings = findings_after(
        lambda d: setattr(ind(d, SEK), "mendukung", " persentase PMKS  yang tertangani ")
    )
    assert codes(findings) == {"IKI-B004"}  # the double space, not the cascading


def test_cascading_empty_mendukung_is_one_finding_per_jabatan() -> None:
    def mutate(d: Dokumen) -> None:
        more = ind(d, SEK).model_copy(deep=True)
        more.nama = "Jumlah laporan keuangan yang disusun"
        more.formulasi = "ƒ(x) = Σ laporan keuangan yang disusun"
        more.komponen = []
        d.jabatan[SEK].kinerja[0].indikator.append(more)
        for i in d.jabatan[SEK].kinerja[0].indikator:
            i.mendukung = ""

    findings = [f for f in findings_after(mutate) if f.code == "IKI-C001"]
    assert [f.jalur for f in findings] == [f"{I_SEK}.mendukung"]
    assert "1 indikator lain" in findings[0].message


def test_column_the_dinas_does_not_use_is_one_finding_for_the_dinas() -> None:
    """No indicator of the document fills Mendukung: one C001, not one per jabatan."""

    def mutate(d: Dokumen) -> None:
        d.instansi.nama = "Dinas Sosial"
        for jab in d.jabatan:
            for _, i in jab.semua_indikator():
                i.mendukung = ""

    findings = [f for f in findings_after(mutate) if f.code == "IKI-C001"]
    assert [(f.jabatan, f.jalur) for f in findings] == [("Dinas Sosial", f"{I_SEK}.mendukung")]
    assert "seluruh dokumen (2 indikator di 2 jabatan" in findings[0].message
    assert "dapat diabaikan" in findings[0].saran


def test_column_used_somewhere_keeps_one_finding_per_jabatan() -> None:
    def mutate(d: Dokumen) -> None:
        ind(d, SEK).mendukung = ""  # the Kasubag's indicator still names the Sekretaris'

    findings = [f for f in findings_after(mutate) if f.code == "IKI-C001"]
    assert [(f.jabatan, f.jalur) for f in findings] == [("Sekretaris", f"{I_SEK}.mendukung")]

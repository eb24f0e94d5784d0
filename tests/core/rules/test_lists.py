"""List rules (IKI-S015–S018, rules/lists.py): the lettered tugas and fungsi lists. A trigger
for each, and the near misses a real list holds."""

from __future__ import annotations

import pytest

from iki_xl.core.model import Dokumen
from iki_xl.core.rules import check
from iki_xl.core.rules.lists import merged_items, misplaced_dan, not_last
from tests.core.rules.document import (
    SEK,
    SUB,
    Mutation,
    Trigger,
    assert_fires,
    at,
    codes,
    findings_after,
    jabatan_no,
    set_tugas,
)

LIST = [
    "Menyusun rencana kerja Seksi;",
    "Membagi tugas kepada bawahan;",
    "Menyiapkan bahan koordinasi pelaksanaan kegiatan;",
    "Menyusun laporan pelaksanaan kegiatan Seksi; dan",
    "Melaksanakan tugas lain yang diberikan oleh atasan.",
]


def _fungsi(*lines: str) -> Mutation:
    def mutate(d: Dokumen) -> None:
        d.jabatan[SEK].fungsi = list(lines)

    return mutate


TRIGGERS: list[Trigger] = [
    ("IKI-S015", set_tugas(SUB, LIST[0], LIST[4], *LIST[1:4]), "jabatan[2].tugas[1]"),
    (
        "IKI-S016",
        set_tugas(SUB, "Menyusun rencana kerja Seksi; dan", *LIST[1:]),
        "jabatan[2].tugas[0]",
    ),
    (
        "IKI-S017",
        set_tugas(SUB, "Menyusun rencana kerja Seksi; Membagi tugas kepada bawahan;", *LIST[2:]),
        "jabatan[2].tugas[0]",
    ),
    (
        "IKI-S018",
        _fungsi(
            "Pengoordinasian perencanaan program kerja Dinas;",
            "Pengelolaan keuangan Dinas;",
            "Pengoordinasian perencanaan program kerja Dinas Sosial.",
        ),
        "jabatan[1].fungsi[2]",
    ),
]


@pytest.mark.parametrize(("code", "mutate", "jalur"), TRIGGERS, ids=[t[0] for t in TRIGGERS])
def test_rule_fires_at_its_jalur(code: str, mutate: Mutation, jalur: str) -> None:
    assert_fires(code, mutate, jalur)


def test_messages() -> None:
    [s015] = [f for f in findings_after(TRIGGERS[0][1]) if f.code == "IKI-S015"]
    assert s015.message == (
        "Butir tugas b 'Melaksanakan tugas lain yang diberikan oleh atasan.' bukan butir "
        "terakhir (daftar ini punya 5 butir)."
    )
    [s018] = [f for f in findings_after(TRIGGERS[3][1]) if f.code == "IKI-S018"]
    assert s018.saran == "Hapus butir c atau bedakan isinya dari butir a."


def test_a_well_formed_list_has_no_finding() -> None:
    assert findings_after(set_tugas(SUB, *LIST)) == []
    assert not_last(LIST) == misplaced_dan(LIST) == merged_items(LIST) == []


def test_last_item_ending_with_dan_is_misplaced() -> None:
    assert misplaced_dan([*LIST[:4], LIST[4] + "; dan"]) == [4]
    assert "IKI-S016" in codes(findings_after(set_tugas(SUB, *LIST[:4], LIST[4] + "; dan")))


def test_a_line_repeated_exactly_is_s012_not_s018() -> None:
    found = findings_after(set_tugas(SUB, *LIST[:3], LIST[0], *LIST[3:]))
    assert at(found, "IKI-S012") == ["jabatan[2].tugas[3]"]
    assert "IKI-S018" not in codes(found)


@pytest.mark.parametrize(
    "items",
    [
        # an abbreviation with a period, Title Case phrases: one item each
        [
            "Jumlah Keg. Penyediaan Sarpras;",
            "Pelaksanaan Monitoring, Evaluasi dan Pelaporan Kegiatan;",
        ],
        # two parallel duties: the same first word, another object
        [
            "pelaksanaan kebijakan teknis di bidang sosial;",
            "pelaksanaan bimbingan teknis di bidang sosial;",
            "pelaksanaan koordinasi teknis di bidang sosial;",
        ],
    ],
)
def test_real_list_shapes_are_left_alone(items: list[str]) -> None:
    assert findings_after(_fungsi(*items)) == []


def test_capitalised_verb_in_mid_item_is_a_merged_item() -> None:
    assert merged_items(["Mencatat barang inventaris Menyimpan dokumen;", *LIST[2:]]) == [0]


def test_sampang_kasubag_umum_repeated_line_is_exact_only(sampang: Dokumen) -> None:
    umum = jabatan_no(sampang, "kasubag-umum")
    findings = check(sampang)
    assert at(findings, "IKI-S012") == [f"jabatan[{umum}].tugas[6]"]
    assert not {"IKI-S015", "IKI-S016", "IKI-S017", "IKI-S018"} & codes(findings)


def test_probolinggo_lists_have_no_structure_finding(probolinggo: Dokumen) -> None:
    assert not {"IKI-S015", "IKI-S016", "IKI-S017", "IKI-S018"} & codes(check(probolinggo))

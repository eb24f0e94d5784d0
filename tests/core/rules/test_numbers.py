"""Number rules (IKI-N…): targets and realisations as typed, divisions, the capaian review."""

from __future__ import annotations

import pytest

from iki_xl.core.findings import Severity
from iki_xl.core.formulasi import complete
from iki_xl.core.model import Dokumen, JenisFormula, Komponen, RentangTarget
from iki_xl.core.rules import check
from iki_xl.io.interchange import apply_contoh, load
from tests.core.rules.document import (
    CONTOH,
    I_KD,
    I_SUB,
    KD,
    SUB,
    Mutation,
    Trigger,
    assert_fires,
    at,
    codes,
    findings_after,
    group_codes,
    ind,
    set_kd,
)


def _komponen(c: int, q: int, value: object) -> Mutation:
    """Set quarter q of component c of the Kepala Dinas' indicator."""

    def mutate(d: Dokumen) -> None:
        ind(d, KD).komponen[c].realisasi[q] = value  # type: ignore[call-overload]

    return mutate


def _penurunan(baseline: float | None) -> Mutation:
    def mutate(d: Dokumen) -> None:
        i = ind(d, KD)
        i.nama = "Persentase Penurunan PMKS"
        i.jenis = JenisFormula.PENURUNAN
        i.formulasi = "PMKS (N−1) − PMKS (N)\nPMKS (N−1)\n× 100%"
        i.komponen = [Komponen(kode="A", nama="PMKS", realisasi=[90, 85, 80, 75])]
        i.baseline = baseline
        i.target = 10

    return mutate


def _realisasi(a: list[object], b: list[object], **fields: object) -> Mutation:
    def mutate(d: Dokumen) -> None:
        ind(d, KD).komponen[0].realisasi = a  # type: ignore[assignment]
        ind(d, KD).komponen[1].realisasi = b  # type: ignore[assignment]
        for k, v in fields.items():
            setattr(ind(d, KD), k, v)

    return mutate


TRIGGERS: list[Trigger] = [
    ("IKI-N001", set_kd(target="delapan puluh"), f"{I_KD}.target"),
    ("IKI-N002", _komponen(0, 1, "40,0"), f"{I_KD}.komponen[0].realisasi[1]"),
    ("IKI-N003", _komponen(0, 0, -5), f"{I_KD}.komponen[0].realisasi[0]"),
    ("IKI-N004", _komponen(0, 2, 120), f"{I_KD}.komponen[0].realisasi[2]"),
    ("IKI-N005", _komponen(1, 3, 0), f"{I_KD}.komponen[1].realisasi[3]"),
    ("IKI-N006", set_kd(target=120), f"{I_KD}.target"),
    ("IKI-N007", set_kd(target=40), f"{I_KD}.target"),
    ("IKI-N008", _komponen(0, 1, None), f"{I_KD}.komponen[0].realisasi[1]"),
    ("IKI-N009", _penurunan(None), f"{I_KD}.baseline"),
    ("IKI-N010", set_kd(target=None), f"{I_KD}.target"),
    # persentase, akhir: the year's target is TW IV's
    ("IKI-N011", set_kd(target=80, target_triwulan=[60, 70, 75, 85]), f"{I_KD}.target"),
]


def test_every_number_rule_has_a_trigger() -> None:
    assert sorted({code for code, _, _ in TRIGGERS}) == group_codes("N")


@pytest.mark.parametrize(("code", "mutate", "jalur"), TRIGGERS, ids=[t[0] for t in TRIGGERS])
def test_rule_fires_at_its_jalur(code: str, mutate: Mutation, jalur: str) -> None:
    assert_fires(code, mutate, jalur)


def _message(code: str, mutate: Mutation) -> tuple[str, str]:
    [f] = [f for f in findings_after(mutate) if f.code == code]
    return f.message, f.saran


def test_quarterly_targets_as_typed_and_against_the_year() -> None:
    # a quarterly target typed as text, or no number at all
    assert _message("IKI-N002", set_kd(target_triwulan=[60, "70,5", 75, 80]))[0] == (
        "Target TW II diketik sebagai teks '70,5'; dibaca sebagai 70,5."
    )
    found = findings_after(set_kd(target_triwulan=[60, "tujuh puluh", 75, 80]))
    assert at(found, "IKI-N001") == [f"{I_KD}.target_triwulan[1]"]
    # agreeing with the year's target: no N011, whatever the agregasi
    agree = set_kd(target=80, target_triwulan=[60, 70, 75, 80])
    assert "IKI-N011" not in codes(findings_after(agree))
    average = set_kd(target=80, agregasi="rata-rata", target_triwulan=[70, 90, 80, 80])
    assert "IKI-N011" not in codes(findings_after(average))
    assert _message("IKI-N011", set_kd(target=80, target_triwulan=[60, 70, 75, 85]))[0] == (
        "Target tahunan 'Persentase PMKS yang tertangani' 80, sedangkan target TW IV 85; "
        "capaian tahunan dihitung terhadap target triwulan."
    )
    # only when all four are given
    partial = set_kd(target=80, target_triwulan=[60, 70, None, 85])
    assert "IKI-N011" not in codes(findings_after(partial))


def test_messages_print_numbers_in_indonesian_notation() -> None:
    assert _message("IKI-N002", _komponen(0, 1, "1.234,5")) == (
        "Realisasi A TW II diketik sebagai teks '1.234,5'; dibaca sebagai 1.234,5.",
        "Ketik 1.234,5 sebagai angka.",
    )
    assert _message("IKI-N003", _komponen(0, 0, -1234.5))[0] == (
        "Realisasi A TW I negatif (-1.234,5)."
    )
    assert _message("IKI-N004", _komponen(0, 2, 120.5))[0] == (
        "TW III: pembilang A (120,5) lebih besar dari penyebut B (100)."
    )
    assert _message("IKI-N006", set_kd(target=1e7))[0] == (
        "Target persentase 'Persentase PMKS yang tertangani' 10.000.000, di atas 100."
    )
    assert _message("IKI-N006", set_kd(target=RentangTarget(bawah=90, atas=112.5)))[0] == (
        "Batas atas target persentase 'Persentase PMKS yang tertangani' 112,5, di atas 100."
    )
    assert _message("IKI-N007", set_kd(target=7.5))[0] == (
        "Capaian indikator 'Persentase PMKS yang tertangani' 1.066,7% (di atas 150%); "
        "periksa target dan realisasinya."
    )
    assert _message("IKI-N008", _komponen(0, 1, None)) == (
        "Realisasi TW II kosong, padahal TW III sudah terisi.",
        "Isi realisasi TW II (0 bila memang tidak ada).",
    )


# ---------------------------------------------------------------- near misses


def test_yearly_indicator_filled_in_tw_iv_only_is_in_order() -> None:
    assert findings_after(_realisasi([None, None, None, 80], [None, None, None, 100])) == []


def test_low_capaian_mid_year_is_not_flagged_until_tw_iv() -> None:
    assert findings_after(_realisasi([10, 20, None, None], [100, 100, None, None])) == []
    assert at(findings_after(_realisasi([10, 20, 30, 30], [100] * 4)), "IKI-N007") == [
        f"{I_KD}.target"
    ]


def test_high_capaian_is_flagged_at_once() -> None:
    mutate = _realisasi([50, None, None, None], [100, None, None, None], target=20)
    assert at(findings_after(mutate), "IKI-N007") == [f"{I_KD}.target"]


def test_numbers_typed_as_text_are_read_as_meant_with_an_info() -> None:
    findings = findings_after(set_kd(target="80%"))
    assert [(f.code, f.severity) for f in findings] == [("IKI-N002", Severity.INFO)]
    assert "80" in findings[0].saran


def test_status_level_name_from_its_scale_is_fine_and_others_are_not() -> None:
    assert findings_after(lambda d: setattr(ind(d, SUB), "target", "nindya")) == []
    findings = findings_after(
        lambda d: setattr(ind(d, SUB), "realisasi", [None, None, None, "Istimewa"])
    )
    assert at(findings, "IKI-N001") == [f"{I_SUB}.realisasi[3]"]
    assert "Pratama" in findings[0].saran


def test_range_target_above_100_for_persentase() -> None:
    findings = findings_after(set_kd(target=RentangTarget(bawah=90, atas=110)))
    assert at(findings, "IKI-N006") == [f"{I_KD}.target"]


def test_zero_over_zero_in_an_earlier_quarter_is_not_an_error() -> None:
    assert findings_after(_realisasi([0, 40, 60, 80], [0, 100, 100, 100])) == []


def test_zero_over_zero_in_the_quarter_that_makes_the_year_is_an_error() -> None:
    findings = findings_after(_realisasi([20, 40, 60, 0], [100, 100, 100, 0]))
    assert at(findings, "IKI-N005") == [f"{I_KD}.komponen[1].realisasi[3]"]


def test_penurunan_with_baseline_zero_is_a_zero_denominator() -> None:
    assert at(findings_after(_penurunan(0)), "IKI-N005") == [f"{I_KD}.baseline"]


def test_penurunan_with_baseline_is_clean() -> None:
    assert "IKI-N009" not in codes(findings_after(_penurunan(100)))


# ---------------------------------------------------------------- the examples' figures


@pytest.mark.parametrize("name", ["sampang", "probolinggo"])
def test_example_figures_raise_no_number_galat(name: str) -> None:
    doc = apply_contoh(complete(load(CONTOH / f"{name}.yaml")), CONTOH / f"{name}-contoh.yaml")
    galat = {
        f.code for f in check(doc) if f.code.startswith("IKI-N") and f.severity is Severity.GALAT
    }
    # Sampang's example has 0 / 0 in TW I ("no disaster in triwulan I"): no finding
    assert galat == set()

"""Capaian (achievement) of a value against its target, and its predikat.

PermenPANRB 8/2021, chapter VI: positif R / T; negatif (2T − R) / T (some e-SAKIP
applications use T / R, offered as an option). A band [Tmin, Tmax] is 100 % inside it;
outside it the nearer bound is the target, and the indicator's polaritas decides which side
is better (for a lower-is-better band, below it is better).

Through the year an indicator is measured against its target to date (`target_to_date`):
the roll-up of its quarterly targets, or the year's target when those are not filled. The
year's capaian and its predikat exist only once the year is complete (TW IV filled); before
that the indicator is "belum lengkap", never a low predikat.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from iki_xl.core.formula import default_agregasi, level_rank
from iki_xl.core.model import (
    Agregasi,
    BandPredikat,
    Indikator,
    Isian,
    JenisFormula,
    Polaritas,
    RentangTarget,
    Target,
)
from iki_xl.core.numbers import Result, finite, parse_number

NEGATIF_BAKU = "2T-R"  # PermenPANRB 8/2021; "T/R" is the e-SAKIP variant
INCOMPLETE = "belum lengkap"  # the year's capaian before TW IV is filled


def _polaritas(value: Polaritas | str) -> Polaritas | None:
    if isinstance(value, Polaritas):
        return value
    try:
        return Polaritas(str(value).strip().lower() or "positif")
    except ValueError:
        return None


def _ratio(R: float, T: float, negatif: bool, metode_negatif: str) -> Result:
    if T == 0:
        return Result.failed("target 0")
    if not negatif:
        return finite(R / T * 100)
    if metode_negatif == "T/R":
        return Result.failed("realisasi 0") if R == 0 else finite(T / R * 100)
    return finite((2 * T - R) / T * 100)


def capaian(
    realisasi: Isian,
    target: Isian,
    polaritas: Polaritas | str = Polaritas.POSITIF,
    target_atas: Isian = None,
    *,
    metode_negatif: str = NEGATIF_BAKU,
) -> Result:
    """Capaian in percent (raw, not clamped).

    With `target_atas` the target is a band [target, target_atas] (polaritas range needs
    one); outside it the nearer bound counts, lower-is-better when polaritas is negatif.
    """
    pol = _polaritas(polaritas)
    if pol is None:
        return Result.failed(f"polaritas '{polaritas}' tidak dikenal")
    r = parse_number(realisasi)
    if r.value is None:
        return Result.failed(f"realisasi {r.reason}")
    t = parse_number(target)
    if t.value is None:
        return Result.failed(f"target {t.reason}")
    R, T = r.value, t.value
    band = pol is Polaritas.RANGE or not (
        target_atas is None or (isinstance(target_atas, str) and not target_atas.strip())
    )
    if band:
        upper = parse_number(target_atas)
        if upper.value is None:
            return Result.failed(f"batas atas target {upper.reason}")
        low, high = min(T, upper.value), max(T, upper.value)
        if low <= R <= high:
            return Result(100.0)
        T = high if high < R else low
    return _ratio(R, T, pol is Polaritas.NEGATIF, metode_negatif)


def _blank(x: Target) -> bool:
    return x is None or (isinstance(x, str) and not x.strip())


def capaian_against(
    ind: Indikator, value: Result, target: Target, *, metode_negatif: str = NEGATIF_BAKU
) -> Result:
    """Capaian of an indicator's value against a target (number, band or level)."""
    if not value.ok:
        return value
    if _blank(target):
        return Result.failed("target belum diisi")
    # "range" needs a band; without one it measures as positif (higher is better)
    pol: Polaritas = Polaritas.POSITIF if ind.polaritas is Polaritas.RANGE else ind.polaritas
    if ind.jenis is JenisFormula.STATUS:
        if isinstance(target, RentangTarget):
            return Result.failed("target status harus satu level")
        t = level_rank(target, ind.skala)
        if not t.ok:
            return Result.failed(f"target {t.reason}")
        return capaian(value.value, t.value, pol, metode_negatif=metode_negatif)
    if isinstance(target, RentangTarget):  # the band: below it is better when negatif
        return capaian(value.value, target.bawah, pol, target.atas, metode_negatif=metode_negatif)
    return capaian(value.value, target, pol, metode_negatif=metode_negatif)


def capaian_indikator(
    ind: Indikator, value: Result, *, metode_negatif: str = NEGATIF_BAKU
) -> Result:
    """Capaian of an indicator's value against its year's target."""
    return capaian_against(ind, value, ind.target, metode_negatif=metode_negatif)


# ---------------------------------------------------------------- through the year


def quarter_targets_given(ind: Indikator, n: int) -> bool:
    """Whether the quarterly targets of TW I..n are all filled (and the target no band)."""
    if n < 1 or isinstance(ind.target, RentangTarget):
        return False
    return all(not _blank(t) for t in ind.target_triwulan[:n])


def target_to_date(ind: Indikator, n: int) -> Target:
    """The target to measure the value over TW I..n against: the quarterly targets rolled
    up by the indicator's agregasi (kumulatif: their sum; akhir: TW n's; rata-rata: their
    average), or the year's target when they are not all filled."""
    if not quarter_targets_given(ind, n):
        return ind.target
    targets = ind.target_triwulan[:n]
    how = ind.agregasi or default_agregasi(ind.jenis)
    if ind.jenis is JenisFormula.STATUS or how is Agregasi.AKHIR:
        return targets[-1]
    numbers = [parse_number(t) for t in targets]
    bad = next((t for t, r in zip(targets, numbers, strict=True) if not r.ok), None)
    if bad is not None:
        return bad  # measured against it, the capaian says why it is no number
    total = math.fsum(r.value or 0.0 for r in numbers)
    return total if how is Agregasi.KUMULATIF else total / len(numbers)


def capaian_to_date(ind: Indikator, n: int, value: Result) -> Result:
    """Capaian of the value over TW I..n against the target to date."""
    return capaian_against(ind, value, target_to_date(ind, n))


def display_capaian(c: float, low: float = 0.0, high: float = 200.0) -> float:
    """Capaian clamped for display (applications show 0–200 %); keep the raw figure too."""
    return min(max(c, low), high)


def predikat(c: float | None, skala: Sequence[BandPredikat]) -> str:
    """The predikat for a capaian in percent; '' when there is no capaian or no band fits."""
    if c is None:
        return ""
    for band in sorted(
        skala, key=lambda b: -math.inf if b.di_atas is None else b.di_atas, reverse=True
    ):
        if band.di_atas is None or c > band.di_atas:
            return band.predikat
    return ""

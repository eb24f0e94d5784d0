"""Capaian (achievement) of a value against its target, and its predikat.

PermenPANRB 8/2021, chapter VI: positif R / T; negatif (2T − R) / T (some e-SAKIP
applications use T / R, offered as an option); a band [Tmin, Tmax] is 100 % inside it,
otherwise measured against the nearer bound.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from iki_xl.core.formula import level_rank
from iki_xl.core.model import BandPredikat, Indikator, Isian, JenisFormula, Polaritas, RentangTarget
from iki_xl.core.numbers import Result, finite, parse_number

NEGATIF_BAKU = "2T-R"  # PermenPANRB 8/2021; "T/R" is the e-SAKIP variant


def capaian(
    realisasi: Isian,
    target: Isian,
    polaritas: Polaritas | str = Polaritas.POSITIF,
    target_atas: Isian = None,
    *,
    metode_negatif: str = NEGATIF_BAKU,
) -> Result:
    """Capaian in percent (raw, not clamped). For range, `target` is the band's lower bound."""
    if isinstance(polaritas, Polaritas):
        pol = polaritas
    else:
        try:
            pol = Polaritas(str(polaritas).strip().lower() or "positif")
        except ValueError:
            return Result.failed(f"polaritas '{polaritas}' tidak dikenal")
    r = parse_number(realisasi)
    if r.value is None:
        return Result.failed(f"realisasi {r.reason}")
    t = parse_number(target)
    if t.value is None:
        return Result.failed(f"target {t.reason}")
    R, T = r.value, t.value
    if pol is Polaritas.RANGE:
        upper = parse_number(target_atas)
        if upper.value is None:
            return Result.failed(f"batas atas target {upper.reason}")
        low, high = min(T, upper.value), max(T, upper.value)
        if low <= R <= high:
            return Result(100.0)
        T = high if high < R else low
    if T == 0:
        return Result.failed("target 0")
    if pol is Polaritas.NEGATIF:
        if metode_negatif == "T/R":
            return Result.failed("realisasi 0") if R == 0 else finite(T / R * 100)
        return finite((2 * T - R) / T * 100)
    return finite(R / T * 100)


def capaian_indikator(
    ind: Indikator, value: Result, *, metode_negatif: str = NEGATIF_BAKU
) -> Result:
    """Capaian of an indicator's value against its target (number, band or level)."""
    if not value.ok:
        return value
    target = ind.target
    if target is None or (isinstance(target, str) and not target.strip()):
        return Result.failed("target belum diisi")
    if ind.jenis is JenisFormula.STATUS:
        if isinstance(target, RentangTarget):
            return Result.failed("target status harus satu level")
        t = level_rank(target, ind.skala)
        if not t.ok:
            return Result.failed(f"target {t.reason}")
        return capaian(value.value, t.value, ind.polaritas, metode_negatif=metode_negatif)
    if isinstance(target, RentangTarget):
        return capaian(value.value, target.bawah, Polaritas.RANGE, target.atas)
    pol = Polaritas.POSITIF if ind.polaritas is Polaritas.RANGE else ind.polaritas
    return capaian(value.value, target, pol, metode_negatif=metode_negatif)


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

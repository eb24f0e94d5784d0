"""The IKI functions for Excel (xlwings UDFs): thin wrappers over the core.

Every function returns a number or a short Bahasa Indonesia text a planner can read in the
cell ("target 0", "pembagi 0", "realisasi belum diisi") — never an exception, inf or NaN.
On Linux and macOS xlwings' decorators do nothing, so these are plain Python functions;
the VBA wrappers are generated from this module with xlwings' `generate_vba_wrapper`, so
signatures stay simple: positional arguments with defaults, ranges as 1-D/2-D lists. The
argument names are the ones Excel's function wizard shows.

A jabatan sheet's formulas (see `iki_xl.layout.indikator_formulas`) pass the indicator's
block: the Kode column (a row with an empty code is the indicator's own, directly entered
realisasi), the Realisasi columns, Ekspresi, Baseline and the Skala Status columns.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from typing import Any, TypeVar

import xlwings as xw
from pydantic import ValidationError

from iki_xl.core.capaian import capaian, capaian_indikator, predikat
from iki_xl.core.compute import IndikatorResult, compute_indikator, nilai_cells
from iki_xl.core.formula import quarter_value, year_value
from iki_xl.core.formulasi import complete_indikator, component_code
from iki_xl.core.model import (
    Agregasi,
    BandPredikat,
    Indikator,
    Isian,
    JenisFormula,
    Komponen,
    Level,
    Polaritas,
    RentangTarget,
    Target,
    skala_baku,
)
from iki_xl.core.numbers import Result, parse_number

Cell = float | str
_F = TypeVar("_F", bound=Callable[..., Any])


def _never_raise(function: _F) -> _F:
    """Last line of defence: whatever happens, the cell gets a text, never an exception."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Cell:
        try:
            result = function(*args, **kwargs)
        except Exception as e:  # a planner's cell must never show a Python error
            return f"tidak dapat dihitung ({e.__class__.__name__})"
        if isinstance(result, float) and not math.isfinite(result):
            return "hasil tidak terhingga"
        return result  # type: ignore[no-any-return]

    return wrapper  # type: ignore[return-value]


# ---------------------------------------------------------------- argument unpacking


class _Refused(Exception):
    """A cell's input that cannot be used; the message goes into the cell."""


def _is_empty(v: Any) -> bool:
    return v is None or (isinstance(v, str) and v == "")


def _as_isian(v: Any) -> Isian:
    if _is_empty(v):
        return None
    if isinstance(v, bool):
        return "BENAR" if v else "SALAH"
    if isinstance(v, int | float):
        return float(v)
    return str(v)


def _rows(x: Any) -> list[list[Any]]:
    """A range as a list of rows (a scalar or None is one cell; a flat list is one column)."""
    if not isinstance(x, list | tuple):
        return [[x]]
    if not x:
        return []
    if not isinstance(x[0], list | tuple):
        return [[v] for v in x]
    return [list(r) for r in x]


def _flat(x: Any) -> list[Any]:
    """A range (any shape) as a flat list, row by row."""
    return [v for r in _rows(x) for v in r]


def _text(v: Any) -> str:
    if _is_empty(v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _choice(v: Any, enum: Any, what: str) -> Any:
    if _is_empty(v):
        return None
    t = re.sub(r"\s+", " ", str(v)).strip().casefold()
    for x in enum:
        if str(x).casefold() == t:
            return x
    raise _Refused(f"{what} '{v}' tidak dikenal")


def _number(v: Any, what: str) -> float | None:
    if _is_empty(v):
        return None
    r = parse_number(_as_isian(v))
    if r.value is None:
        raise _Refused(f"{what} bukan angka")
    return r.value


def _levels(level: Any, bawah: Any, atas: Any) -> list[Level]:
    names, lows, highs = _flat(level), _flat(bawah), _flat(atas)
    result = []
    for i in range(max(len(names), len(lows), len(highs))):
        n = names[i] if i < len(names) else None
        lo = lows[i] if i < len(lows) else None
        hi = highs[i] if i < len(highs) else None
        if _is_empty(n) and _is_empty(lo) and _is_empty(hi):
            continue
        result.append(
            Level(nama=_text(n), bawah=_number(lo, "skor bawah"), atas=_number(hi, "skor atas"))
        )
    return result


def _indikator_from_block(
    jenis: Any,
    realisasi: list[list[Any]],
    kode: Any,
    ekspresi: Any = None,
    baseline: Any = None,
    level: Any = None,
    level_bawah: Any = None,
    level_atas: Any = None,
    agregasi: Any = None,
) -> Indikator:
    """Rebuild the indicator from its block: rows of realisasi (1 or 4 values each) beside
    the Kode column. Without codes, several values are components A, B, C …; one value is
    the indicator's own realisasi."""
    codes = _flat(kode) if kode is not None else None
    if codes is None:
        codes = [component_code(i) for i in range(len(realisasi))] if len(realisasi) > 1 else [None]
    direct: list[Isian] = [None, None, None, None]
    komponen: list[Komponen] = []
    for i, row in enumerate(realisasi):
        values = [_as_isian(v) for v in row[:4]] + [None] * (4 - len(row[:4]))
        code = codes[i] if i < len(codes) else None
        if _is_empty(code):
            if i == 0:
                direct = values
            continue
        komponen.append(Komponen(kode=_text(code), realisasi=values))
    try:
        return Indikator(
            jenis=_choice(jenis, JenisFormula, "jenis formula"),
            komponen=komponen,
            ekspresi=_text(ekspresi),
            baseline=_number(baseline, "baseline"),
            skala=_levels(level, level_bawah, level_atas),
            realisasi=direct,
            agregasi=_choice(agregasi, Agregasi, "agregasi"),
        )
    except ValidationError:
        raise _Refused("kode komponen tidak valid atau ganda") from None


def _cell(r: Result) -> Cell:
    return r.value if r.value is not None else r.reason


def _target(target: Any, target_atas: Any) -> Target:
    """Target cell(s) as the reader reads them: a band when Target Atas is filled."""
    t = _as_isian(target)
    if _is_empty(target_atas):
        return t
    high = parse_number(_as_isian(target_atas)).value
    low = parse_number(t).value if t is not None else None
    if high is None or low is None:
        return t
    return RentangTarget(bawah=min(low, high), atas=max(low, high))


# ---------------------------------------------------------------- the functions


def _block_result(blok: Any) -> IndikatorResult | None:
    from iki_xl.io.read.jabatan_sheet import read_block

    ind = read_block(_rows(blok))
    return None if ind is None else compute_indikator(complete_indikator(ind), [])


@xw.func(category="IKI")
@xw.arg("blok", ndim=2)
def IKI_NILAI_TW(blok: Any) -> list[list[Cell]]:
    """Nilai TW I–IV of the indicator whose block starts at the first row of `blok` (its
    rows, columns No … Skor Atas; rows after the block may follow): one row of four values,
    blank for a quarter with nothing filled, and for a row that starts no indicator."""
    try:
        result = _block_result(blok)
        if result is None:
            return [["", "", "", ""]]
        return [[_finite(v) for v in nilai_cells(result)[:4]]]
    except Exception as e:  # a planner's cell must never show a Python error
        return [[f"tidak dapat dihitung ({e.__class__.__name__})", "", "", ""]]


@xw.func(category="IKI")
@xw.arg("blok", ndim=2)
@_never_raise
def IKI_NILAI_SD(blok: Any) -> Cell:
    """The value to date (s.d. TW) of the indicator whose block starts at the first row of
    `blok`: by its agregasi over the quarters filled; the year's value once TW IV is."""
    result = _block_result(blok)
    return "" if result is None else nilai_cells(result)[4]


def _finite(v: float | str) -> Cell:
    return "hasil tidak terhingga" if isinstance(v, float) and not math.isfinite(v) else v


@xw.func(category="IKI")
@_never_raise
def IKI_CAPAIAN(
    realisasi: Any, target: Any, polaritas: Any = None, target_atas: Any = None
) -> Cell:
    """Capaian (%) of a realisation against its target. polaritas: positif (default),
    negatif (2T − R) / T, or range (target = lower bound, target_atas = upper bound)."""
    pol = _text(polaritas) or "positif"
    return _cell(capaian(_as_isian(realisasi), _as_isian(target), pol, _as_isian(target_atas)))


@xw.func(category="IKI")
@xw.arg("nilai", ndim=1)
@xw.arg("kode", ndim=1)
@xw.arg("level", ndim=1)
@xw.arg("level_bawah", ndim=1)
@xw.arg("level_atas", ndim=1)
@_never_raise
def IKI_NILAI(
    jenis: Any,
    nilai: Any,
    kode: Any = None,
    ekspresi: Any = None,
    baseline: Any = None,
    level: Any = None,
    level_bawah: Any = None,
    level_atas: Any = None,
) -> Cell:
    """The indicator's value for one period from its components' values.

    =IKI_NILAI("persentase", A2:A3) → A2 / A3 × 100; with a Kode column the codes name
    the components (indeks: used in ekspresi); status: the level's rank on the scale."""
    try:
        rows = [[v] for v in _flat(nilai)]
        ind = _indikator_from_block(
            jenis, rows, kode, ekspresi, baseline, level, level_bawah, level_atas
        )
    except _Refused as e:
        return str(e)
    return _cell(quarter_value(ind, 0))


@xw.func(category="IKI")
@xw.arg("realisasi", ndim=2)
@xw.arg("kode", ndim=1)
@xw.arg("level", ndim=1)
@xw.arg("level_bawah", ndim=1)
@xw.arg("level_atas", ndim=1)
@_never_raise
def IKI_TAHUNAN(
    jenis: Any,
    agregasi: Any,
    realisasi: Any,
    kode: Any = None,
    ekspresi: Any = None,
    baseline: Any = None,
    level: Any = None,
    level_bawah: Any = None,
    level_atas: Any = None,
) -> Cell:
    """The year's value from the block of realisasi (one row per component, TW I–IV
    across), by agregasi: kumulatif, akhir or rata-rata (empty: the kind's default)."""
    try:
        ind = _indikator_from_block(
            jenis, _rows(realisasi), kode, ekspresi, baseline, level, level_bawah, level_atas,
            agregasi,
        )  # fmt: skip
    except _Refused as e:
        return str(e)
    return _cell(year_value(ind))


@xw.func(category="IKI")
@xw.arg("level", ndim=1)
@xw.arg("level_bawah", ndim=1)
@xw.arg("level_atas", ndim=1)
@_never_raise
def IKI_CAPAIAN_INDIKATOR(
    nilai: Any,
    target: Any,
    target_atas: Any = None,
    polaritas: Any = None,
    jenis: Any = None,
    level: Any = None,
    level_bawah: Any = None,
    level_atas: Any = None,
) -> Cell:
    """Capaian (%) of an indicator's yearly value against its target: a number, a band
    (Target and Target Atas), or for status a level name. A text value (the reason the
    year has no value) is passed on unchanged."""
    if isinstance(nilai, str) and nilai.strip():
        r = parse_number(nilai)
        if r.value is None:
            return nilai
        nilai = r.value
    try:
        ind = Indikator(
            jenis=_choice(jenis, JenisFormula, "jenis formula"),
            polaritas=_choice(polaritas, Polaritas, "polaritas") or Polaritas.POSITIF,
            target=_target(target, target_atas),
            skala=_levels(level, level_bawah, level_atas),
        )
    except _Refused as e:
        return str(e)
    value = parse_number(_as_isian(nilai))
    if value.value is None:
        return f"nilai {value.reason}"
    return _cell(capaian_indikator(ind, value))


@xw.func(category="IKI")
@xw.arg("skala", ndim=2)
@_never_raise
def IKI_PREDIKAT(capaian: Any, skala: Any = None) -> Cell:
    """The predikat of a capaian (%) on a scale: rows of (predikat, capaian di atas), read
    from the top; an empty bound takes the rest. Without a scale: the LKjIP 5-band scale."""
    if _is_empty(capaian) or isinstance(capaian, bool):
        return ""
    c = parse_number(_as_isian(capaian)).value
    if c is None:
        return ""
    if skala is None:
        bands = skala_baku()
    else:
        bands = []
        for row in _rows(skala):
            name = row[0] if row else None
            bound = row[1] if len(row) > 1 else None
            if _is_empty(name) and _is_empty(bound):
                continue
            di_atas = None if _is_empty(bound) else parse_number(_as_isian(bound)).value
            bands.append(BandPredikat(predikat=_text(name), di_atas=di_atas))
    return predikat(c, bands)


__all__ = [
    "IKI_CAPAIAN",
    "IKI_CAPAIAN_INDIKATOR",
    "IKI_NILAI",
    "IKI_NILAI_SD",
    "IKI_NILAI_TW",
    "IKI_PREDIKAT",
    "IKI_TAHUNAN",
]

"""The IKI functions for Excel (xlwings UDFs): thin wrappers over the core.

Every function returns a number or a short Bahasa Indonesia text a planner can read in the
cell ("target 0", "pembagi 0", "realisasi belum diisi") — never an exception, inf or NaN.
On Linux and macOS xlwings' decorators do nothing, so these are plain Python functions;
the VBA wrappers are generated from this module with xlwings' `generate_vba_wrapper`, so
signatures stay simple: positional arguments with defaults, ranges as 1-D/2-D lists.

A jabatan sheet's formulas (see `iki_xl.layout.rumus_indikator`) pass the indicator's block:
the Kode column (a row with an empty code is the indicator's own, directly entered
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

from iki_xl.core import formula as F
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
)

Hasil = float | str
_F = TypeVar("_F", bound=Callable[..., Any])


def _aman(fungsi: _F) -> _F:
    """Last line of defence: whatever happens, the cell gets a text, never an exception."""

    @functools.wraps(fungsi)
    def bungkus(*args: Any, **kwargs: Any) -> Hasil:
        try:
            hasil = fungsi(*args, **kwargs)
        except Exception as e:  # a planner's cell must never show a Python error
            return f"tidak dapat dihitung ({e.__class__.__name__})"
        if isinstance(hasil, float) and not math.isfinite(hasil):
            return "hasil tidak terhingga"
        return hasil  # type: ignore[no-any-return]

    return bungkus  # type: ignore[return-value]


# ---------------------------------------------------------------- argument unpacking


def _kosong(v: Any) -> bool:
    return v is None or (isinstance(v, str) and v == "")


def _isian(v: Any) -> Isian:
    if _kosong(v):
        return None
    if isinstance(v, bool):
        return "BENAR" if v else "SALAH"
    if isinstance(v, int | float):
        return float(v)
    return str(v)


def _baris(x: Any) -> list[list[Any]]:
    """A range as a list of rows (a scalar or None is one cell; a flat list is one column)."""
    if not isinstance(x, list | tuple):
        return [[x]]
    if not x:
        return []
    if not isinstance(x[0], list | tuple):
        return [[v] for v in x]
    return [list(r) for r in x]


def _datar(x: Any) -> list[Any]:
    """A range (any shape) as a flat list, row by row."""
    return [v for r in _baris(x) for v in r]


def _teks(v: Any) -> str:
    if _kosong(v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _pilih(v: Any, enum: Any, apa: str) -> Any:
    if _kosong(v):
        return None
    t = re.sub(r"\s+", " ", str(v)).strip().casefold()
    for x in enum:
        if str(x).casefold() == t:
            return x
    raise _Tolak(f"{apa} '{v}' tidak dikenal")


class _Tolak(Exception):
    """A cell's input that cannot be used; the message goes into the cell."""


def _angka(v: Any, apa: str) -> float | None:
    if _kosong(v):
        return None
    h = F.baca_angka(_isian(v))
    if h.nilai is None:
        raise _Tolak(f"{apa} bukan angka")
    return h.nilai


def _skala(level: Any, bawah: Any, atas: Any) -> list[Level]:
    nama, b, a = _datar(level), _datar(bawah), _datar(atas)
    n = max(len(nama), len(b), len(a))
    hasil = []
    for i in range(n):
        vn = nama[i] if i < len(nama) else None
        vb = b[i] if i < len(b) else None
        va = a[i] if i < len(a) else None
        if _kosong(vn) and _kosong(vb) and _kosong(va):
            continue
        hasil.append(
            Level(nama=_teks(vn), bawah=_angka(vb, "skor bawah"), atas=_angka(va, "skor atas"))
        )
    return hasil


def _indikator(
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
    kolom_kode = _datar(kode) if kode is not None else None
    if kolom_kode is None:
        kolom_kode = [F_kode(i) for i in range(len(realisasi))] if len(realisasi) > 1 else [None]
    langsung: list[Isian] = [None, None, None, None]
    komponen: list[Komponen] = []
    for i, baris in enumerate(realisasi):
        nilai = [_isian(v) for v in baris[:4]] + [None] * (4 - len(baris[:4]))
        kd = kolom_kode[i] if i < len(kolom_kode) else None
        if _kosong(kd):
            if i == 0:
                langsung = nilai
            continue
        komponen.append(Komponen(kode=_teks(kd), realisasi=nilai))
    try:
        return Indikator(
            jenis=_pilih(jenis, JenisFormula, "jenis formula"),
            komponen=komponen,
            ekspresi=_teks(ekspresi),
            baseline=_angka(baseline, "baseline"),
            skala=_skala(level, level_bawah, level_atas),
            realisasi=langsung,
            agregasi=_pilih(agregasi, Agregasi, "agregasi"),
        )
    except ValidationError:
        raise _Tolak("kode komponen tidak valid atau ganda") from None


def F_kode(i: int) -> str:
    """Default component codes: A, B, C …"""
    return chr(ord("A") + i) if i < 26 else f"K{i + 1}"


def _hasil(h: F.Hasil) -> Hasil:
    return h.nilai if h.nilai is not None else h.alasan


def _target(target: Any, target_atas: Any) -> Target:
    """Target cell(s) as the reader reads them: a band when Target Atas is filled."""
    t = _isian(target)
    if _kosong(target_atas):
        return t
    atas = F.baca_angka(_isian(target_atas)).nilai
    bawah = F.baca_angka(t).nilai if t is not None else None
    if atas is None or bawah is None:
        return t
    return RentangTarget(bawah=min(bawah, atas), atas=max(bawah, atas))


# ---------------------------------------------------------------- the functions


@xw.func(category="IKI")
@_aman
def IKI_CAPAIAN(
    realisasi: Any, target: Any, polaritas: Any = None, target_atas: Any = None
) -> Hasil:
    """Capaian (%) of a realisation against its target. polaritas: positif (default),
    negatif (2T − R) / T, or range (target = lower bound, target_atas = upper bound)."""
    pol = _teks(polaritas) or "positif"
    return _hasil(F.capaian(_isian(realisasi), _isian(target), pol, _isian(target_atas)))


@xw.func(category="IKI")
@xw.arg("nilai", ndim=1)
@xw.arg("kode", ndim=1)
@xw.arg("level", ndim=1)
@xw.arg("level_bawah", ndim=1)
@xw.arg("level_atas", ndim=1)
@_aman
def IKI_NILAI(
    jenis: Any,
    nilai: Any,
    kode: Any = None,
    ekspresi: Any = None,
    baseline: Any = None,
    level: Any = None,
    level_bawah: Any = None,
    level_atas: Any = None,
) -> Hasil:
    """The indicator's value for one period from its components' values.

    =IKI_NILAI("persentase", A2:A3) → A2 / A3 × 100; with a Kode column the codes name
    the components (indeks: used in ekspresi); status: the level's rank on the scale."""
    try:
        baris = [[v] for v in _datar(nilai)]
        ind = _indikator(jenis, baris, kode, ekspresi, baseline, level, level_bawah, level_atas)
    except _Tolak as e:
        return str(e)
    return _hasil(F.nilai_triwulan(ind, 0))


@xw.func(category="IKI")
@xw.arg("realisasi", ndim=2)
@xw.arg("kode", ndim=1)
@xw.arg("level", ndim=1)
@xw.arg("level_bawah", ndim=1)
@xw.arg("level_atas", ndim=1)
@_aman
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
) -> Hasil:
    """The year's value from the block of realisasi (one row per component, TW I–IV
    across), by agregasi: kumulatif, akhir or rata-rata (empty: the kind's default)."""
    try:
        ind = _indikator(
            jenis, _baris(realisasi), kode, ekspresi, baseline, level, level_bawah, level_atas,
            agregasi,
        )  # fmt: skip
    except _Tolak as e:
        return str(e)
    return _hasil(F.nilai_tahunan(ind))


@xw.func(category="IKI")
@xw.arg("level", ndim=1)
@xw.arg("level_bawah", ndim=1)
@xw.arg("level_atas", ndim=1)
@_aman
def IKI_CAPAIAN_INDIKATOR(
    nilai: Any,
    target: Any,
    target_atas: Any = None,
    polaritas: Any = None,
    jenis: Any = None,
    level: Any = None,
    level_bawah: Any = None,
    level_atas: Any = None,
) -> Hasil:
    """Capaian (%) of an indicator's yearly value against its target: a number, a band
    (Target and Target Atas), or for status a level name. A text value (the reason the
    year has no value) is passed on unchanged."""
    if isinstance(nilai, str) and nilai.strip():
        h = F.baca_angka(nilai)
        if h.nilai is None:
            return nilai
        nilai = h.nilai
    try:
        pol = _pilih(polaritas, Polaritas, "polaritas") or Polaritas.POSITIF
        ind = Indikator(
            jenis=_pilih(jenis, JenisFormula, "jenis formula"),
            polaritas=pol,
            target=_target(target, target_atas),
            skala=_skala(level, level_bawah, level_atas),
        )
    except _Tolak as e:
        return str(e)
    v = _isian(nilai)
    h_nilai = F.baca_angka(v)
    if h_nilai.nilai is None:
        return f"nilai {h_nilai.alasan}"
    return _hasil(F.capaian_indikator(ind, h_nilai))


@xw.func(category="IKI")
@xw.arg("skala", ndim=2)
@_aman
def IKI_PREDIKAT(capaian: Any, skala: Any = None) -> Hasil:
    """The predikat of a capaian (%) on a scale: rows of (predikat, capaian di atas), read
    from the top; an empty bound takes the rest. Without a scale: the LKjIP 5-band scale."""
    if _kosong(capaian) or isinstance(capaian, bool):
        return ""
    c = F.baca_angka(_isian(capaian)).nilai
    if c is None:
        return ""
    if skala is None:
        from iki_xl.core.model import skala_baku

        pita = skala_baku()
    else:
        pita = []
        for baris in _baris(skala):
            nama = baris[0] if baris else None
            batas = baris[1] if len(baris) > 1 else None
            if _kosong(nama) and _kosong(batas):
                continue
            di_atas = None if _kosong(batas) else F.baca_angka(_isian(batas)).nilai
            pita.append(BandPredikat(predikat=_teks(nama), di_atas=di_atas))
    return F.predikat(c, pita)


__all__ = [
    "IKI_CAPAIAN",
    "IKI_CAPAIAN_INDIKATOR",
    "IKI_NILAI",
    "IKI_PREDIKAT",
    "IKI_TAHUNAN",
]

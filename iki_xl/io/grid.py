"""Grids: a sheet's values as one 2-D list, the same shape from every source.

python-calamine gives "" for an empty cell, xlwings gives None, a one-row or one-cell
`used_range.value` comes back as a flat list or a scalar. Everything here turns those into
the reader's terms: `kosong()`, `teks()`, `isian()`, `angka()`.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from iki_xl.core.model import Isian

Grid = list[list[Any]]


def normalisasi(nilai: Any) -> Grid:
    """xlwings `used_range.value` (scalar, flat list or list of lists) → list of lists."""
    if nilai is None:
        return []
    if not isinstance(nilai, list | tuple):
        return [[nilai]]
    if not nilai:
        return []
    if not isinstance(nilai[0], list | tuple):
        return [list(nilai)]
    if type(nilai) is list and all(type(r) is list for r in nilai):
        return nilai  # already a list of lists (calamine): the reader never changes a grid
    return [list(r) for r in nilai]


def geser(grid: Grid, baris: int, kolom: int) -> Grid:
    """Pad a grid whose first cell is at 0-based (baris, kolom) so it starts at A1."""
    if baris <= 0 and kolom <= 0:
        return grid
    kiri = [None] * max(kolom, 0)
    return [[] for _ in range(max(baris, 0))] + [kiri + list(r) for r in grid]


def kosong(v: Any) -> bool:
    return v is None or v == ""


def _angka_ke_teks(x: float) -> str:
    if math.isfinite(x) and x == int(x) and abs(x) < 1e16:
        return str(int(x))
    return repr(x)


def teks(v: Any) -> str:
    """A text field: blank → ""; a number a planner typed → its digits."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "BENAR" if v else "SALAH"
    if isinstance(v, int | float):
        return _angka_ke_teks(float(v))
    if isinstance(v, dt.datetime | dt.date | dt.time):
        return v.isoformat()
    return str(v)


def isian(v: Any) -> Isian:
    """A realisation/target cell as the model holds it: number, text as typed, or None."""
    if v is None or v == "":
        return None
    if isinstance(v, float):
        return v
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "BENAR" if v else "SALAH"
    if isinstance(v, int):
        return float(v)
    return teks(v)


def adalah_tanggal(v: Any) -> bool:
    return isinstance(v, dt.datetime | dt.date | dt.time | dt.timedelta)


def angka(v: Any) -> float | str | None:
    """A number field: blank → None, a number → float, anything else → the text (caller
    reports it)."""
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return teks(v)
    if isinstance(v, int | float):
        return float(v)
    return teks(v)


def sel_grid(grid: Grid, baris: int, kolom: int) -> Any:
    if baris < len(grid):
        r = grid[baris]
        if kolom < len(r):
            return r[kolom]
    return None

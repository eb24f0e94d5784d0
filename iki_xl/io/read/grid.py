"""Grids: a sheet's values as one 2-D list, the same shape from every source.

python-calamine gives "" for an empty cell, xlwings gives None, a one-row or one-cell
`used_range.value` comes back as a flat list or a scalar. Everything here turns those into
the reader's terms: `is_empty`, `text`, `as_isian`, `as_number`.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from iki_xl.core.model import Isian
from iki_xl.core.numbers import format_date

Grid = list[list[Any]]


def normalise(value: Any) -> Grid:
    """xlwings `used_range.value` (scalar, flat list or list of lists) → list of lists."""
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        return [[value]]
    if not value:
        return []
    if not isinstance(value[0], list | tuple):
        return [list(value)]
    return [list(r) for r in value]


def offset(grid: Grid, row: int, column: int) -> Grid:
    """Pad a grid whose first cell is at 0-based (row, column) so it starts at A1."""
    if row <= 0 and column <= 0:
        return grid
    left = [None] * max(column, 0)
    return [[] for _ in range(max(row, 0))] + [left + list(r) for r in grid]


def is_empty(v: Any) -> bool:
    return v is None or v == ""


def grid_cell(grid: Grid, row: int, column: int) -> Any:
    if row < len(grid) and column < len(grid[row]):
        return grid[row][column]
    return None


def is_date(v: Any) -> bool:
    return isinstance(v, dt.datetime | dt.date | dt.time | dt.timedelta)


def _number_text(x: float) -> str:
    if math.isfinite(x) and x == int(x) and abs(x) < 1e16:
        return str(int(x))
    return repr(x)


def text(v: Any) -> str:
    """A text field: blank → ""; a number a planner typed → its digits."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "BENAR" if v else "SALAH"
    if isinstance(v, int | float):
        return _number_text(float(v))
    if isinstance(v, dt.datetime | dt.date):  # a date cell: the date as printed in a decree
        return format_date(v)
    if isinstance(v, dt.time):
        return v.isoformat()
    return str(v)


def as_isian(v: Any) -> Isian:
    """A realisation/target cell as the model holds it: number, text as typed, or None."""
    if is_empty(v):
        return None
    if isinstance(v, bool):
        return "BENAR" if v else "SALAH"
    if isinstance(v, int | float):
        return float(v)
    return v if isinstance(v, str) else text(v)


def as_number(v: Any) -> float | str | None:
    """A number field: blank → None, a number → float, anything else → its text (the
    caller reports it)."""
    if is_empty(v):
        return None
    if isinstance(v, int | float) and not isinstance(v, bool):
        return float(v)
    return text(v)

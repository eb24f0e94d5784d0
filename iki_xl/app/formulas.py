"""Which formula every computed cell of a read workbook should hold, so that Hitung Ulang
can put back what a planner overwrote. Pure: it works on the reader's result and grids."""

from __future__ import annotations

import re

from iki_xl import layout as L
from iki_xl.core.findings import cell_position
from iki_xl.io.read.grid import Grid, grid_cell, is_empty
from iki_xl.io.read.workbook import ReadResult

_INDIKATOR = re.compile(r"^jabatan\[(\d+)\]\.kinerja\[\d+\]\.indikator\[\d+\]$")
_KINERJA = re.compile(r"^jabatan\[(\d+)\]\.kinerja\[\d+\]$")
# the columns of a block's rows below its first (components and levels)
_BLOCK_COLS = tuple(
    i for i, k in enumerate(L.TABLE) if k.role != "computed" and k.key not in L.FIRST_ROW_KEYS
)

Cell = tuple[int, int]  # 0-based (row, column)


def position(ref: str) -> Cell:
    """0-based (row, column) of "C12"."""
    row, column = cell_position(ref)
    return row - 1, column - 1


def _row_filled(grid: Grid, r: int) -> bool:
    return any(not is_empty(grid_cell(grid, r, c)) for c in _BLOCK_COLS)


def _columns_in_place(read: ReadResult, jalur: str, column: int) -> bool:
    """Whether the indicator's table has the layout's columns (a planner may have inserted
    one: then the layout's formulas would point at the wrong cells, and are left alone)."""
    if column != L.COL["no_indikator"]:
        return False
    for key in ("jenis", "baseline", "sumber_data"):
        where = read.cells.get(f"{jalur}.{key}")
        if where is None or position(where[1])[1] != L.COL[key]:
            return False
    return True


def expected_formulas(read: ReadResult, grids: dict[str, Grid]) -> dict[str, dict[Cell, str]]:
    """Per jabatan sheet: the formula every computed cell should hold, by 0-based cell.

    The formulas are the layout's (`indikator_formulas`, `atasan_name_formula`), as the
    writer puts them. An indicator's block runs from its first row to the row before the
    next indicator, kinerja or the Tugas heading, trimmed to its last row with anything in it.
    """
    starts: dict[str, list[int]] = {}
    bounds: dict[str, list[int]] = {}
    for jalur, (sheet, ref) in read.cells.items():
        row, column = position(ref)
        if _INDIKATOR.match(jalur):
            bounds.setdefault(sheet, []).append(row)
            if _columns_in_place(read, jalur, column):
                starts.setdefault(sheet, []).append(row)
        elif _KINERJA.match(jalur) or jalur.endswith((".tugas", ".fungsi")):
            bounds.setdefault(sheet, []).append(row)
    result: dict[str, dict[Cell, str]] = {}
    for i, sheet in enumerate(read.jabatan_sheets):
        grid = grids.get(sheet, [])
        formulas: dict[Cell, str] = {}
        where = read.cells.get(f"jabatan[{i}].atasan")
        if where is not None and where[0] == sheet:
            row, column = position(where[1])
            if column == L.HEADER_VALUE_COL:
                formulas[(row, L.ATASAN_NAME_COL)] = L.atasan_name_formula(row)
        lines = sorted(set(bounds.get(sheet, [])))
        for b0 in sorted(starts.get(sheet, [])):
            after = [g for g in lines if g > b0]
            b1 = (after[0] - 1) if after else len(grid) - 1
            while b1 > b0 and not _row_filled(grid, b1):
                b1 -= 1
            for key, f in L.indikator_formulas(b0, b1).items():
                formulas[(b0, L.COL[key])] = f
        result[sheet] = formulas
    return result

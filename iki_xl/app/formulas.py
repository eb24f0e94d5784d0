"""Which formula every computed cell of a read workbook should hold, so that Hitung Ulang
can put back what a planner overwrote, deleted or left stale. Pure: it works on the reader's
result and grids."""

from __future__ import annotations

import re
from dataclasses import dataclass

from iki_xl import layout as L
from iki_xl.core.findings import cell_position
from iki_xl.io.read.grid import Grid
from iki_xl.io.read.workbook import ReadResult

_INDIKATOR = re.compile(r"^jabatan\[(\d+)\]\.kinerja\[\d+\]\.indikator\[\d+\]$")
_KINERJA = re.compile(r"^jabatan\[(\d+)\]\.kinerja\[\d+\]$")

Cell = tuple[int, int]  # 0-based (row, column)


@dataclass(frozen=True, slots=True)
class Expected:
    """The formula a cell (or, for an array, a range of cells) should hold."""

    first: Cell
    last: Cell  # the same as `first` for a one-cell formula
    formula: str

    @property
    def array(self) -> bool:
        return self.first != self.last


def position(ref: str) -> Cell:
    """0-based (row, column) of "C12"."""
    row, column = cell_position(ref)
    return row - 1, column - 1


def _columns_in_place(read: ReadResult, jalur: str, column: int) -> bool:
    """Whether the indicator's table has the layout's columns (a planner may have inserted
    one: then the layout's formulas would point at the wrong cells, and are left alone)."""
    if column != L.COL["no_indikator"]:
        return False
    for key in ("jenis", "baseline", "target", "sumber_data"):
        where = read.cells.get(f"{jalur}.{key}")
        if where is None or position(where[1])[1] != L.COL[key]:
            return False
    return True


def _starts(read: ReadResult) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Per sheet: the first rows of indicators whose columns are the layout's, and every
    row that ends a block (a kinerja, an indicator, the Tugas and Fungsi headings)."""
    indikator: dict[str, list[int]] = {}
    bounds: dict[str, list[int]] = {}
    for jalur, (sheet, ref) in read.cells.items():
        row, column = position(ref)
        if _INDIKATOR.match(jalur):
            bounds.setdefault(sheet, []).append(row)
            if _columns_in_place(read, jalur, column):
                indikator.setdefault(sheet, []).append(row)
        elif _KINERJA.match(jalur) or jalur.endswith((".tugas", ".fungsi")):
            bounds.setdefault(sheet, []).append(row)
    return indikator, bounds


def expected_formulas(read: ReadResult, grids: dict[str, Grid]) -> dict[str, list[Expected]]:
    """Per jabatan sheet: the formula every computed cell should hold.

    The formulas are the layout's (`indikator_formulas`, `atasan_name_formula`), as the
    writer puts them: an indicator's block is fenced by the next row that starts a kinerja,
    an indicator or the Tugas list (the end of the sheet when there is none)."""
    indikator, bounds = _starts(read)
    result: dict[str, list[Expected]] = {}
    for i, sheet in enumerate(read.jabatan_sheets):
        expected: list[Expected] = []
        where = read.cells.get(f"jabatan[{i}].atasan")
        if where is not None and where[0] == sheet:
            row, column = position(where[1])
            if column == L.HEADER_VALUE_COL:
                cell = (row, L.ATASAN_NAME_COL)
                expected.append(Expected(cell, cell, L.atasan_name_formula(row)))
        lines = sorted(set(bounds.get(sheet, [])))
        end = len(grids.get(sheet, []))
        for b0 in sorted(indikator.get(sheet, [])):
            fence = min((g for g in lines if g > b0), default=max(end, b0 + 1))
            formulas = L.indikator_formulas(b0, fence)
            c0, c1 = L.UDF_COLS
            expected.append(Expected((b0, c0), (b0, c1), formulas.pop("nilai0")))
            for key, f in formulas.items():
                cell = (b0, L.COL[key])
                expected.append(Expected(cell, cell, f))
        result[sheet] = expected
    return result


_LOGICAL = re.compile(r"\b(TRUE|FALSE)\(\)")


def _normal(formula: str) -> str:
    """How formulas are compared: without spaces, braces of an array, letter case; FALSE()
    and TRUE() as FALSE and TRUE (LibreOffice writes the functions, Excel the constants)."""
    return _LOGICAL.sub(r"\1", re.sub(r"\s+", "", formula).strip("{}").upper())


def same_formula(current: str, expected: str) -> bool:
    return _normal(current) == _normal(expected)

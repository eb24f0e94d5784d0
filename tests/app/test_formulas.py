"""The formulas Hitung Ulang puts back: for a freshly written workbook, exactly the ones
the writer wrote, cell by cell."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import openpyxl
from python_calamine import CalamineWorkbook

from iki_xl import layout as L
from iki_xl.app.formulas import expected_formulas, position
from iki_xl.io.read.workbook import read_grids


def _grids(path: Path) -> dict[str, list[list[Any]]]:
    wb = CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    try:
        return {n: wb.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in wb.sheet_names}
    finally:
        wb.close()


def test_position_is_zero_based() -> None:
    assert position("A1") == (0, 0)
    assert position("C12") == (11, 2)


def test_expected_formulas_are_the_written_ones(workbooks: dict[str, Path]) -> None:
    from openpyxl.worksheet.formula import ArrayFormula

    for path in workbooks.values():
        grids = _grids(path)
        read = read_grids(grids.items())
        expected = expected_formulas(read, grids)
        assert list(expected) == read.jabatan_sheets
        wb = openpyxl.load_workbook(path)
        for sheet, formulas in expected.items():
            written: dict[tuple[int, int], str] = {}
            for row in wb[sheet].iter_rows():
                for c in row:
                    v = c.value
                    if isinstance(v, ArrayFormula):
                        written[(c.row - 1, c.column - 1)] = f"{v.ref} {v.text}"
                    elif isinstance(v, str) and v.startswith("="):
                        written[(c.row - 1, c.column - 1)] = v
            wanted = {
                e.first: (f"{L.range_ref(*e.first, *e.last)} {e.formula}" if e.array else e.formula)
                for e in formulas
            }
            assert wanted == written, sheet
            jab = read.dokumen.jabatan[read.jabatan_sheets.index(sheet)]
            assert sum(e.array for e in formulas) == len(jab.semua_indikator())  # one each

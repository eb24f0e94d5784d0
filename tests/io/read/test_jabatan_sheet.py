"""One jabatan sheet's grid: grids that do not start at A1 (xlwings' used range), and
component codes the model refuses, read as valid ones with a finding at their cell."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from iki_xl import layout as L
from iki_xl.core.findings import cell_position
from iki_xl.core.model import Dokumen, Jabatan, Kinerja
from iki_xl.io.read.cell_map import KOMPONEN_CODE
from iki_xl.io.read.jabatan_sheet import read_jabatan_sheet
from iki_xl.io.read.workbook import read_workbook
from iki_xl.io.write.workbook import workbook_bytes, write_workbook
from tests.io.conftest import contoh


def _grids(data: bytes) -> list[tuple[str, list[list[Any]]]]:
    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    try:
        return [
            (n, wb.get_sheet_by_name(n).to_python(skip_empty_area=False)) for n in wb.sheet_names
        ]
    finally:
        wb.close()


def test_xlwings_grid_with_origin() -> None:
    """The macros pass used_range.value (None for blanks) that may not start at A1."""
    doc = Dokumen(jabatan=[Jabatan(id="a", nama="A", kinerja=[Kinerja(sasaran="S")])])
    grid = dict(_grids(workbook_bytes(doc)))["A"]
    grid = [[None if v == "" else v for v in r[1:]] for r in grid[1:]]  # starts at B2
    read = read_jabatan_sheet("A", grid, prefix="jabatan[7]", origin=(1, 1))
    assert read is not None
    assert read.jabatan == doc.jabatan[0]
    assert read.cells["jabatan[7].kinerja[0].sasaran"] == ("A", "B11")
    assert read.cells["jabatan[7].nama"] == ("A", "D3")


def _moved(ref: str, rows: int, columns: int) -> str:
    r, c = cell_position(ref)
    return L.cell_ref(r - 1 + rows, c - 1 + columns)


def test_origin_moves_every_cell_and_finding() -> None:
    """A grid whose first cell is at D4 of the sheet: the same jabatan, and every cell of
    the map and of the findings (a wrong dropdown text on each sheet) three rows down and
    three columns right."""
    doc = contoh("sampang")
    jabatan_sheets = 0
    for name, grid in _grids(workbook_bytes(doc)):
        first = read_jabatan_sheet(name, grid, prefix="jabatan[4]")
        if first is None:
            assert read_jabatan_sheet(name, grid, origin=(3, 3)) is None
            continue
        r, c = cell_position(first.cells["jabatan[4].kinerja[0].indikator[0].jenis"][1])
        grid[r - 1][c - 1] = "persen"
        at_a1 = read_jabatan_sheet(name, grid, prefix="jabatan[4]")
        at_d4 = read_jabatan_sheet(name, grid, prefix="jabatan[4]", origin=(3, 3))
        assert at_a1 is not None and at_d4 is not None
        assert at_a1.findings
        jabatan_sheets += 1
        assert at_d4.jabatan == at_a1.jabatan
        assert at_d4.cells == {j: (s, _moved(c, 3, 3)) for j, (s, c) in at_a1.cells.items()}
        assert [f.cell for f in at_d4.findings] == [_moved(f.cell, 3, 3) for f in at_a1.findings]
    assert jabatan_sheets == len(doc.jabatan)


@pytest.mark.parametrize(
    ("typed", "read_as"), [("é", "_"), ("B-1", "B_1"), ("1", "K1"), ("A", "A_2")]
)
def test_bad_component_code_is_fixed_and_indicator_kept(
    tmp_path: Path, typed: str, read_as: str
) -> None:
    """A component code the model refuses ("é", "B-1", a digit, a second "A") is read as a
    valid one with a finding at its cell; the indicator keeps its components, realisation
    and target (a non-ASCII letter once made the model refuse the whole indicator)."""
    doc = contoh("probolinggo")
    path = tmp_path / "k.xlsx"
    write_workbook(doc, path)
    jalur = next(
        f"jabatan[{j}].kinerja[{k}].indikator[{n}]"
        for j, jab in enumerate(doc.jabatan)
        for k, kin in enumerate(jab.kinerja)
        for n, ind in enumerate(kin.indikator)
        if len(ind.komponen) == 2 and ind.target is not None
    )
    before_read = read_workbook(path)
    j, k, n = (int(x) for x in re.findall(r"\d+", jalur))
    before = before_read.dokumen.jabatan[j].kinerja[k].indikator[n]
    sheet, cell = before_read.cells[f"{jalur}.komponen[1].kode"]
    wb = openpyxl.load_workbook(path)
    wb[sheet][cell].value = typed
    wb.save(path)
    read = read_workbook(path)
    ind = read.dokumen.jabatan[j].kinerja[k].indikator[n]
    assert [c.kode for c in ind.komponen] == [before.komponen[0].kode, read_as]
    assert [c.realisasi for c in ind.komponen] == [c.realisasi for c in before.komponen]
    assert ind.target == before.target and ind.nama == before.nama
    assert [(f.code, f.sheet, f.cell) for f in read.findings] == [(KOMPONEN_CODE, sheet, cell)]

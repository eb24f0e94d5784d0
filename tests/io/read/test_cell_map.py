"""The reader's map jalur → (sheet, cell): every value of the model is found at its cell,
for the examples and for any document; planner mistakes in any cell never make the reader
raise, and the document it returns is valid."""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from python_calamine import CalamineWorkbook

from iki_xl.core.findings import cell_position
from iki_xl.core.model import Dokumen
from iki_xl.errors import UnusableFile
from iki_xl.io.read.workbook import read_grids, read_workbook
from iki_xl.io.write.workbook import workbook_bytes, write_workbook
from tests.io.conftest import contoh
from tests.strategies import dokumen

Grids = dict[str, list[list[Any]]]


def _grids(data: bytes) -> Grids:
    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    try:
        return {n: wb.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in wb.sheet_names}
    finally:
        wb.close()


def _model_value(doc: Dokumen, jalur: str) -> Any:
    obj: Any = doc
    for part in jalur.replace("[", ".[").split("."):
        if not part:
            continue
        obj = obj[int(part[1:-1])] if part.startswith("[") else getattr(obj, part)
    return obj


def _leaves(x: Any, jalur: str) -> list[tuple[str, Any]]:
    if isinstance(x, dict):
        if set(x) == {"bawah", "atas"} and jalur.endswith("target"):
            return [(f"{jalur}.bawah", x["bawah"]), (f"{jalur}.atas", x["atas"])]
        return [d for k, v in x.items() for d in _leaves(v, f"{jalur}.{k}" if jalur else k)]
    if isinstance(x, list):
        return [d for i, v in enumerate(x) for d in _leaves(v, f"{jalur}[{i}]")]
    return [(jalur, x)]


def _check_map(doc: Dokumen, cells: dict[str, tuple[str, str]], grids: Grids) -> int:
    """Every leaf jalur of the model is in the map and its cell holds the model's value;
    returns how many were checked."""
    checked = 0
    for jalur, value in _leaves(doc.model_dump(), ""):
        if jalur.startswith("jabatan[") and ".realisasi[" in jalur and ".komponen[" not in jalur:
            ind = _model_value(doc, jalur.rsplit(".realisasi", 1)[0])
            if ind.komponen and all(x is None for x in ind.realisasi):
                continue  # not on the sheet: an indicator with components and no own values
        assert jalur in cells, f"{jalur} missing from the cell map"
        sheet, cell = cells[jalur]
        row, column = cell_position(cell)
        grid = grids[sheet]
        found = grid[row - 1][column - 1] if row - 1 < len(grid) else ""
        if value is None:
            assert found in ("", None), f"{sheet}!{cell}: expected empty got {found!r}"
        elif hasattr(value, "value"):
            assert found == value.value, f"{sheet}!{cell}: expected {value} got {found!r}"
        else:
            assert (
                found == value
                or str(found) == str(value)
                or found == float(value if not isinstance(value, str) else "nan")
            ), f"{sheet}!{cell}: expected {value!r} got {found!r}"
        checked += 1
    return checked


def test_cell_map_of_the_examples_points_at_every_value(doc_contoh: Dokumen) -> None:
    data = workbook_bytes(doc_contoh)
    read = read_grids(_grids(data).items())
    assert read.dokumen == doc_contoh
    assert _check_map(doc_contoh, read.cells, _grids(data)) > 200
    _valid(read.dokumen)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(doc=dokumen())
def test_cell_map_of_any_document_points_at_every_value(doc: Dokumen, tmp_path: Path) -> None:
    path = tmp_path / "h.xlsx"
    write_workbook(doc, path)
    read = read_workbook(path)
    assert read.dokumen == doc
    _check_map(doc, read.cells, _grids(path.read_bytes()))
    _valid(read.dokumen)


def _valid(doc: Dokumen) -> None:
    """What the reader returns is a valid document: pydantic makes the same of its dump."""
    assert Dokumen.model_validate(doc.model_dump()) == doc


def test_planner_mistakes_in_any_cell_never_raise_and_read_valid() -> None:
    """Planner mistakes in every kind of cell: the reader never raises (but for a workbook
    left without any jabatan sheet) and the document it returns is valid."""
    grids = list(_grids(workbook_bytes(contoh("probolinggo"))).items())
    rnd = random.Random(7)
    typed = ["", None, "85%", "1.234,5", "abc", 3.5, -2.0, 7, True, dt.datetime(2024, 1, 2),
             "A B", "A", "Madya", "persentase", "negatif", "range", "12,5", 0.0, "é"]  # fmt: skip
    read_count = 0
    for _ in range(20):
        edited = [(n, [list(b) for b in g]) for n, g in grids]
        for _n, g in edited:
            for _ in range(30):
                r = rnd.randrange(len(g)) if g else 0
                if g and g[r]:
                    g[r][rnd.randrange(len(g[r]))] = rnd.choice(typed)
        try:
            read = read_grids(edited)
        except UnusableFile:
            continue
        _valid(read.dokumen)
        read_count += 1
    assert read_count > 10

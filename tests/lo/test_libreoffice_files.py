"""Workbooks that another program saved read the same (issue 12, item 6): both examples,
filled, written as .xlsx and .xlsm, re-saved by LibreOffice headless and read back to the
same document and the same findings; planner edits made through UNO (move a sheet, insert
and delete empty rows in the table and between Tugas lines) read back as expected."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from iki_xl.app.check import check_workbook
from iki_xl.app.new_workbook import write_new_workbook
from iki_xl.core.model import Dokumen
from iki_xl.io.read.workbook import ReadResult, read_workbook
from tests.io.conftest import contoh
from tests.lo.uno import LibreOffice

pytestmark = pytest.mark.slow


def _written(tmp_path: Path, name: str, suffix: str) -> tuple[Path, ReadResult]:
    path = tmp_path / f"IKI {name}{suffix}"
    write_new_workbook(contoh(name), path)
    return path, read_workbook(path)


def _row(read: ReadResult, jalur: str) -> tuple[str, int]:
    """(sheet, Excel row number) of a jalur in the reader's cell map."""
    sheet, cell = read.cells[jalur]
    m = re.fullmatch(r"[A-Z]+(\d+)", cell)
    assert m, cell
    return sheet, int(m.group(1))


@pytest.mark.parametrize("suffix", [".xlsx", ".xlsm"])
@pytest.mark.parametrize("name", ["probolinggo", "sampang"])
def test_a_workbook_resaved_by_libreoffice_reads_the_same(
    libreoffice: LibreOffice, tmp_path: Path, name: str, suffix: str
) -> None:
    path, before = _written(tmp_path, name, suffix)
    with libreoffice.open(path) as doc:
        resaved = doc.save_as(tmp_path / f"resaved{suffix}")
    after = read_workbook(resaved)
    assert after.findings == before.findings
    assert after.dokumen == before.dokumen
    assert after.sheet_order == before.sheet_order
    assert check_workbook(after).findings == check_workbook(before).findings
    with zipfile.ZipFile(resaved) as z:
        parts = set(z.namelist())
    assert ("xl/vbaProject.bin" in parts) is (suffix == ".xlsm")  # LibreOffice keeps the VBA


def test_moving_and_renaming_a_sheet(libreoffice: LibreOffice, tmp_path: Path) -> None:
    path, before = _written(tmp_path, "sampang", ".xlsx")
    first, last = before.jabatan_sheets[0], before.jabatan_sheets[-1]
    with libreoffice.open(path) as doc:
        names = doc.sheet_names()
        doc.move_sheet(last, names.index(first))
        assert doc.sheet_names().index(last) == names.index(first)
        doc.rename_sheet(first, "Kadis")  # a planner's own tab name
        edited = doc.save_as(tmp_path / "moved.xlsx")
    after = read_workbook(edited)
    jabatan = list(before.dokumen.jabatan)
    expected = [jabatan[-1], *jabatan[:-1]]
    assert [j.id for j in after.dokumen.jabatan] == [j.id for j in expected]
    assert after.dokumen == Dokumen.model_validate(
        {**before.dokumen.model_dump(), "jabatan": [j.model_dump() for j in expected]}
    )
    assert after.jabatan_sheets == [last, "Kadis", *before.jabatan_sheets[1:-1]]
    assert after.findings == []


def _edited(
    libreoffice: LibreOffice, path: Path, out: Path, edits: list[tuple[str, str, int]]
) -> ReadResult:
    with libreoffice.open(path) as doc:
        for op, sheet, row in edits:
            getattr(doc, op)(sheet, row)
        return read_workbook(doc.save_as(out))


def test_an_empty_row_inserted_between_indicators_changes_nothing(
    libreoffice: LibreOffice, tmp_path: Path
) -> None:
    path, before = _written(tmp_path, "probolinggo", ".xlsx")
    sheet, row = _row(before, "jabatan[0].kinerja[0].indikator[1].nama")
    sheet2, row2 = _row(before, "jabatan[3].kinerja[0]")  # a kinerja's first row
    after = _edited(
        libreoffice,
        path,
        tmp_path / "rows.xlsx",
        [("insert_rows", sheet, row), ("insert_rows", sheet2, row2)],
    )
    assert after.dokumen == before.dokumen
    assert after.findings == []
    # the rows below moved down by one
    assert after.cells["jabatan[0].kinerja[0].indikator[1].nama"] == (sheet, f"D{row + 1}")


def test_an_empty_row_between_tugas_lines_changes_nothing(
    libreoffice: LibreOffice, tmp_path: Path
) -> None:
    path, before = _written(tmp_path, "sampang", ".xlsx")
    sheet, row = _row(before, "jabatan[2].tugas[1]")
    after = _edited(libreoffice, path, tmp_path / "tugas.xlsx", [("insert_rows", sheet, row)])
    assert after.dokumen == before.dokumen
    assert after.findings == []
    assert _row(after, "jabatan[2].tugas[1]") == (sheet, row + 1)


def test_deleting_empty_rows_changes_nothing(libreoffice: LibreOffice, tmp_path: Path) -> None:
    path, before = _written(tmp_path, "sampang", ".xlsx")
    sheet, heading = _row(before, "jabatan[1].tugas")  # the Tugas heading
    table_sheet, row = _row(before, "jabatan[4].kinerja[0].indikator[1].nama")
    with libreoffice.open(path) as doc:
        gap = heading - 1  # the empty row between the table and the Tugas heading
        assert [doc.value(sheet, f"{c}{gap}") for c in "ABCD"] == [None] * 4
        # LibreOffice deletes no row of a protected sheet: lift it, as a planner would
        # (Review → Unprotect Sheet), and put it back
        for name in {sheet, table_sheet}:
            doc.unprotect_sheet(name)
        doc.delete_rows(sheet, gap)
        doc.insert_rows(table_sheet, row)  # an empty row in the table, then gone again
        doc.delete_rows(table_sheet, row)
        for name in {sheet, table_sheet}:
            doc.protect_sheet(name)
        after = read_workbook(doc.save_as(tmp_path / "deleted.xlsx"))
    assert after.dokumen == before.dokumen
    assert after.findings == []
    assert _row(after, "jabatan[1].tugas") == (sheet, heading - 1)

"""The UNO harness itself (tests/lo/uno.py): each operation does what it says, against a
workbook our writer made, and a timeout stops LibreOffice and the next call starts it
again."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from iki_xl import layout as L
from iki_xl.io.write.workbook import write_workbook
from tests.io.conftest import contoh
from tests.lo.uno import LibreOffice, UnoError, UnoTimeout

pytestmark = pytest.mark.slow


@pytest.fixture
def sampang(tmp_path: Path) -> Path:
    path = tmp_path / "sampang.xlsx"
    write_workbook(contoh("sampang"), path)
    return path


def _first_nilai(path: Path) -> tuple[str, str, str]:
    """(sheet, cell, formula) of the first IKI_NILAI_SD cell, as our writer wrote it."""
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("=IKI_NILAI_SD("):
                    return ws.title, c.coordinate, c.value
    raise AssertionError("no IKI_NILAI_SD formula")


def test_formulas_read_in_excel_and_libreoffice_grammar(
    libreoffice: LibreOffice, sampang: Path
) -> None:
    sheet, cell, written = _first_nilai(sampang)
    with libreoffice.open(sampang) as doc:
        excel = doc.formula(sheet, cell)
        api = doc.formula(sheet, cell, grammar="api")
        assert excel.upper() == written.upper()  # an unknown function prints in lower case
        assert api.upper() == written.replace(",", ";").upper()
        assert doc.formula(sheet, "A1") == L.JABATAN_TITLE  # not a formula: its text


def test_values_formulas_and_the_two_recalculations(
    libreoffice: LibreOffice, sampang: Path
) -> None:
    sheet, cell, _ = _first_nilai(sampang)
    with libreoffice.open(sampang) as doc:
        cached = doc.value(sheet, cell)
        assert cached not in (None, "") and "#" not in str(cached)  # the writer's cached value
        doc.set_value(sheet, "AZ1", 4)
        doc.set_formula(sheet, "AZ2", "=AZ1*2+SUM(1,2)")
        doc.set_formula(sheet, "AZ3", "=AZ1+SUM(1;2)", grammar="api")
        doc.set_value(sheet, "AZ4", "=not a formula")
        assert doc.formula(sheet, "AZ2") == "=AZ1*2+SUM(1,2)"
        assert doc.value(sheet, "AZ2") == 11.0 and doc.value(sheet, "AZ3") == 7.0
        assert doc.value(sheet, "AZ4") == "=not a formula" and doc.value(sheet, "AZ5") is None
        doc.set_value(sheet, "AZ1", 10)
        doc.calculate()  # dirty cells only: ours, not the UDF cells
        assert doc.value(sheet, "AZ2") == 23.0
        assert doc.value(sheet, cell) == cached
        doc.calculate_all()  # everything: LibreOffice does not know IKI_NILAI
        assert doc.value(sheet, cell) != cached


def test_rename_move_and_save_as_both_kinds(
    libreoffice: LibreOffice, sampang: Path, tmp_path: Path
) -> None:
    with libreoffice.open(sampang) as doc:
        names = doc.sheet_names()
        doc.rename_sheet(names[2], "Kadis")
        doc.move_sheet("Kadis", len(names) - 1)
        doc.move_sheet(names[-1], 0)
        assert doc.sheet_names() == [names[-1], *names[:2], *names[3:-1], "Kadis"]
        xlsx = doc.save_as(tmp_path / "out.xlsx")
        xlsm = doc.save_as(tmp_path / "out.xlsm")
        with pytest.raises(ValueError):
            doc.save_as(tmp_path / "out.ods")
    assert openpyxl.load_workbook(xlsx).sheetnames == [names[-1], *names[:2], *names[3:-1], "Kadis"]
    with zipfile.ZipFile(xlsm) as z:
        assert "macroEnabled" in z.read("[Content_Types].xml").decode()


def test_errors_name_the_problem(libreoffice: LibreOffice, sampang: Path) -> None:
    with libreoffice.open(sampang) as doc, pytest.raises(UnoError, match="no sheet 'Tidak Ada'"):
        doc.insert_rows("Tidak Ada", 3)
    with pytest.raises(UnoError, match=r"open failed.*tidak-ada\.xlsx"):
        libreoffice.open(sampang.with_name("tidak-ada.xlsx"))


def test_a_timeout_stops_libreoffice_and_the_next_call_starts_it(
    libreoffice: LibreOffice, sampang: Path
) -> None:
    doc = libreoffice.open(sampang)
    starts = libreoffice.starts
    with pytest.raises(UnoTimeout):
        libreoffice.call("sleep", seconds=30, timeout=1)
    assert not libreoffice.running()
    with pytest.raises(UnoError, match="restarted"):
        doc.sheet_names()  # the document went with the old LibreOffice
    with libreoffice.open(sampang) as again:
        assert L.SHEET_INSTANSI in again.sheet_names()
    assert libreoffice.starts == starts + 1

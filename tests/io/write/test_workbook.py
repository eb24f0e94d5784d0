"""The planner workbook as written: sheet names follow Excel's rules, full names stay on the
sheet, the template's hidden sheets, one table layout."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from iki_xl import layout as L
from iki_xl.core.model import Dokumen, Jabatan
from iki_xl.errors import ExcelLimit
from iki_xl.io.read.workbook import read_workbook
from iki_xl.io.write.workbook import workbook_bytes, write_workbook
from tests.io.conftest import contoh


def test_sheet_names_follow_excels_rules() -> None:
    names = L.jabatan_sheet_names(
        [
            "KEPALA DINAS SOSIAL PPPA KABUPATEN SAMPANG",
            "Kasi [Rehab]: Anak/Lansia*?",
            "kepala dinas sosial pppa",
            "Instansi",
            "'Sekretaris'",
            "history",
            "",
        ]
    )
    assert names[0] == "Kepala Dinas Sosial PPPA"  # capitals in title case, region dropped
    assert names[1] == "Kasi Rehab Anak Lansia"
    assert names[2] == "kepala dinas sosial pppa (2)"
    assert names[3] == "Instansi (2)"
    assert names[4] == "Sekretaris"
    assert names[5] == "history (2)"
    assert names[6] == "Jabatan"
    for n in names:
        assert len(n) <= 31
        L.check_sheet_name(n)
    assert len({n.casefold() for n in names}) == len(names)


def test_check_sheet_name_refuses() -> None:
    for wrong in ("a" * 32, "a/b", "'a", ""):
        with pytest.raises(ExcelLimit):
            L.check_sheet_name(wrong)


def test_full_name_stays_on_the_sheet(tmp_path: Path) -> None:
    long_name = "Kepala Seksi Rehabilitasi Sosial Anak dan Lanjut Usia Dinas Sosial"
    doc = Dokumen(jabatan=[Jabatan(id="kasi", nama=long_name)])
    path = tmp_path / "a.xlsx"
    write_workbook(doc, path)
    ws = openpyxl.load_workbook(path).worksheets[2]
    assert len(ws.title) <= 31
    assert ws["D3"].value == long_name
    assert read_workbook(path).dokumen == doc


def test_template_conf_and_blank_sheet(tmp_path: Path) -> None:
    doc = contoh("sampang", figures=False)
    path = tmp_path / "t.xlsx"
    write_workbook(doc, path, for_template=True)
    wb = openpyxl.load_workbook(path)
    conf = wb[L.SHEET_XLWINGS_CONF]
    assert conf.sheet_state == "hidden"
    assert (conf["A1"].value, conf["B1"].value) == ("UDF Modules", "iki_xl.udfs")
    assert wb[L.SHEET_BLANK_JABATAN].sheet_state == "hidden"
    assert read_workbook(path).dokumen == doc  # the blank sheet is not a jabatan


def test_xlsm_is_not_written_here(tmp_path: Path) -> None:
    """The macro-enabled workbook is the app layer's (`write_new_workbook`)."""
    with pytest.raises(ValueError, match=r"app\.new_workbook"):
        write_workbook(Dokumen(), tmp_path / "a.xlsm")
    assert not list(tmp_path.iterdir())


def test_table_layout_in_one_place() -> None:
    """Every table column key is unique and the header keys the reader uses are unique."""
    assert len(L.COL) == len(L.TABLE)
    assert len(L.header_keys()) == len(L.TABLE)
    with zipfile.ZipFile(io.BytesIO(workbook_bytes(Dokumen()))) as z:
        assert "xl/workbook.xml" in z.namelist()


def test_instansi_rows_are_as_tall_as_their_wrapped_texts() -> None:
    """LibreOffice and Excel do not autofit a generated file's rows: a Menimbang or
    Mengingat item of two or more lines printed over the next row until the height was set."""
    from iki_xl.io.text_height import height_for_lines, line_count

    doc = contoh("probolinggo")
    ws = openpyxl.load_workbook(io.BytesIO(workbook_bytes(doc)))[L.SHEET_INSTANSI]
    width = L.INSTANSI_WIDTHS[L.INSTANSI_VALUE_COL]
    long = [
        (c.row, c.value)
        for c in ws[openpyxl.utils.get_column_letter(L.INSTANSI_VALUE_COL + 1)]
        if isinstance(c.value, str)
        and c.alignment.wrap_text  # not the scale's note, which runs on to the right
        and line_count(c.value, width, L.FONT_SIZE) > 1
    ]
    assert len(long) >= len(doc.instansi.mengingat) // 2  # the decree's long items are there
    for row, text in long:
        lines = line_count(text, width, L.FONT_SIZE)
        assert ws.row_dimensions[row].height >= height_for_lines(lines, L.FONT_SIZE) - 0.01, text

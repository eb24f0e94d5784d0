"""A new planner workbook: .xlsm is the macro-enabled template filled with the document,
.xlsx the plain workbook; both read back as the document."""

from __future__ import annotations

import zipfile
from pathlib import Path

from iki_xl.app.new_workbook import write_new_workbook
from iki_xl.core.model import Dokumen, Jabatan, Kinerja
from iki_xl.io.read.workbook import read_workbook


def _doc() -> Dokumen:
    return Dokumen(jabatan=[Jabatan(id="a", nama="Kepala Seksi A", kinerja=[Kinerja(sasaran="S")])])


def test_xlsm_is_a_filled_copy_of_the_template(tmp_path: Path) -> None:
    doc = _doc()
    path = tmp_path / "a.xlsm"
    write_new_workbook(doc, path)
    with zipfile.ZipFile(path) as z:
        assert "xl/vbaProject.bin" in z.namelist()
        assert "customUI/customUI14.xml" in z.read("_rels/.rels").decode()
        assert b"macroEnabled" in z.read("[Content_Types].xml")
    assert read_workbook(path).dokumen == doc


def test_xlsx_has_no_macros(tmp_path: Path) -> None:
    doc = _doc()
    path = tmp_path / "a.xlsx"
    write_new_workbook(doc, path)
    with zipfile.ZipFile(path) as z:
        assert "xl/vbaProject.bin" not in z.namelist()
        assert b"macroEnabled" not in z.read("[Content_Types].xml")
    assert read_workbook(path).dokumen == doc

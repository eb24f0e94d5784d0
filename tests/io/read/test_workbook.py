"""Reading a workbook as a planner leaves it: edits survive, sheets are recognised by their
layout, extra sheets are ignored, mistakes are findings and unusable files one clear error."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from iki_xl.errors import UnusableFile
from iki_xl.io.read.cell_map import UNKNOWN_CHOICE
from iki_xl.io.read.workbook import read_workbook
from iki_xl.io.write.workbook import write_workbook
from tests.io.conftest import contoh


def test_planner_edits_survive(tmp_path: Path) -> None:
    """Change a target and two realisations with openpyxl: exactly those changes come back."""
    doc = contoh("sampang")
    original = tmp_path / "asli.xlsx"
    write_workbook(doc, original)
    before = original.read_bytes()
    cells = read_workbook(original).cells
    wb = openpyxl.load_workbook(original)
    jalur_t = "jabatan[0].kinerja[0].indikator[0].target"
    jalur_a = "jabatan[0].kinerja[0].indikator[0].komponen[0].realisasi[1]"
    jalur_b = "jabatan[1].kinerja[0].indikator[0].komponen[1].realisasi[3]"
    for jalur, value in ((jalur_t, 77.5), (jalur_a, 123.0), (jalur_b, "45")):
        sheet, cell = cells[jalur]
        wb[sheet][cell].value = value
    edited = tmp_path / "diubah.xlsx"
    wb.save(edited)
    read = read_workbook(edited)
    expected = doc.model_copy(deep=True)
    expected.jabatan[0].kinerja[0].indikator[0].target = 77.5
    expected.jabatan[0].kinerja[0].indikator[0].komponen[0].realisasi[1] = 123.0
    expected.jabatan[1].kinerja[0].indikator[0].komponen[1].realisasi[3] = "45"
    assert read.dokumen == expected
    assert read.dokumen != doc
    assert read.findings == []
    assert original.read_bytes() == before  # reading never modifies its input


def test_sheets_are_recognised_by_layout_not_name(tmp_path: Path) -> None:
    doc = contoh("sampang", figures=False)
    path = tmp_path / "a.xlsx"
    write_workbook(doc, path)
    wb = openpyxl.load_workbook(path)
    first = wb.worksheets[2]
    first.title = "Nama Lain Sama Sekali"
    wb.move_sheet(first, offset=3)
    notes = wb.create_sheet("Catatan saya", 0)
    notes["A1"] = "catatan perencana"
    notes["B5"] = "Indikator Kinerja"
    path2 = tmp_path / "b.xlsx"
    wb.save(path2)
    read = read_workbook(path2)
    assert {j.id for j in read.dokumen.jabatan} == {j.id for j in doc.jabatan}
    assert read.dokumen.cari(doc.jabatan[0].id) == doc.jabatan[0]
    assert "Catatan saya" not in read.jabatan_sheets
    assert read.sheet_order.index("Catatan saya") == 0


@pytest.mark.parametrize(
    "content",
    [b"bukan workbook", b"PK\x03\x04rusak" + b"\x00" * 40],
    ids=["text", "broken-zip"],
)
def test_unusable_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    with pytest.raises(UnusableFile) as e:
        read_workbook(path)
    assert "\n" not in str(e.value)


def test_no_jabatan_sheet_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "kosong.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "halo"
    wb.save(path)
    with pytest.raises(UnusableFile, match="tidak ada sheet jabatan"):
        read_workbook(path)
    with pytest.raises(UnusableFile, match="tidak ditemukan"):
        read_workbook(tmp_path / "tidak-ada.xlsx")


def test_mistakes_are_findings_not_exceptions(tmp_path: Path) -> None:
    """A planner's wrong dropdown text and a text baseline become findings with a cell."""
    doc = contoh("sampang", figures=False)
    path = tmp_path / "a.xlsx"
    write_workbook(doc, path)
    cells = read_workbook(path).cells
    wb = openpyxl.load_workbook(path)
    s1, c1 = cells["jabatan[0].kinerja[0].indikator[0].jenis"]
    s2, c2 = cells["jabatan[0].kinerja[0].indikator[0].baseline"]
    wb[s1][c1].value = "persen"
    wb[s2][c2].value = "12,5"
    wb.save(path)
    read = read_workbook(path)
    ind = read.dokumen.jabatan[0].kinerja[0].indikator[0]
    assert ind.jenis is None and ind.baseline == 12.5
    codes = {(f.code, f.sheet, f.cell) for f in read.findings}
    assert (UNKNOWN_CHOICE, s1, c1) in codes
    assert any(f.cell == c2 and f.sheet == s2 for f in read.findings)

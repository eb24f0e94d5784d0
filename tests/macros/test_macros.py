"""Hitung Ulang, Tambah Jabatan, Konsolidasi, Bantuan, the error path, and the ribbon's
RunPython lines, against the fake Excel."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
import xlwings as xw

from iki_xl import layout as L
from iki_xl import macros
from tests.macros.fake_excel import FakeExcel, FakeSheet, parse_address

RIBBON = Path(macros.__file__).parent / "template" / "vba" / "Ribbon.bas"
ID_ROW = L.HEADER_FIRST_ROW + [k for k, _ in L.JABATAN_HEADER].index("id")


def pos(cell: str) -> tuple[int, int]:
    r0, c0, _, _ = parse_address(cell)[0]
    return r0, c0


def referensi_list(ex: FakeExcel) -> list[tuple[Any, Any]]:
    """(id, name) rows of Referensi's jabatan list, as far as the defined name reaches."""
    lp = ex.find(L.SHEET_REFERENSI)
    address = ex.names[L.NAME_JABATAN_TABLE].split("!")[1]
    r0, c0, r1, _ = parse_address(address)[0]
    assert c0 == L.REFERENSI_JABATAN_COL
    return [(lp.values.get((r, c0)), lp.values.get((r, c0 + 1))) for r in range(r0, r1 + 1)]


def first_jabatan(ex: FakeExcel) -> FakeSheet:
    return next(lp for lp in ex.sheets if lp.formulas and lp.visible)


# ---------------------------------------------------------------- recalculate


def test_recalculate_restores_overwritten_formulas_and_calculates(excel: Any) -> None:
    ex: FakeExcel = excel("sampang")
    lp = first_jabatan(ex)
    original = dict(lp.formulas)
    row = min(r for (r, c) in lp.formulas if c == L.COL["capaian"])
    capaian = (row, L.COL["capaian"])
    atasan = next(p for p in lp.formulas if p[1] == L.ATASAN_NAME_COL)
    # the planner typed over the capaian and cleared the atasan's name
    del lp.formulas[capaian]
    lp.values[capaian] = 95.0
    del lp.formulas[atasan]
    lp.values.pop(atasan, None)

    macros.recalculate(ex.book)

    assert lp.formulas == original  # exactly the writer's formulas, nothing else touched
    assert ex.calculations == 1
    assert lp.protected  # protection lifted for the write and put back
    assert ex.alerts and lp.name in ex.alerts[-1]["prompt"] and "2 rumus" in ex.alerts[-1]["prompt"]
    assert ex.status_bar is False


def test_recalculate_with_nothing_to_restore_is_silent_and_keeps_formulas(excel: Any) -> None:
    ex: FakeExcel = excel("sampang")
    formulas = {lp.name: dict(lp.formulas) for lp in ex.sheets}
    referensi = referensi_list(ex)
    macros.recalculate(ex.book)
    assert {lp.name: lp.formulas for lp in ex.sheets} == formulas
    assert ex.calculations == 1
    assert ex.alerts == []
    assert referensi_list(ex) == referensi  # the list the writer wrote is already right
    assert ex.calls["formula.set"] == 0


def test_recalculate_refreshes_the_atasan_list(excel: Any) -> None:
    ex: FakeExcel = excel("sampang")
    lp = first_jabatan(ex)
    name_cell = (L.HEADER_FIRST_ROW, L.HEADER_VALUE_COL)
    lp.values[name_cell] = "KEPALA DINAS (NAMA BARU)"
    macros.recalculate(ex.book)
    listed = referensi_list(ex)
    id_ = lp.values[(ID_ROW, L.HEADER_VALUE_COL)]
    assert (id_, "KEPALA DINAS (NAMA BARU)") in listed
    assert (
        ex.names[L.NAME_JABATAN_IDS]
        .split("!")[1]
        .startswith(f"${L.column_letters(L.REFERENSI_JABATAN_COL)}$2:")
    )
    assert ex.find(L.SHEET_REFERENSI).protected


# ---------------------------------------------------------------- add_jabatan


def test_add_jabatan_twice(excel: Any) -> None:
    ex: FakeExcel = excel("sampang")
    blank_before = ex.find(L.SHEET_BLANK_JABATAN).copy("x")
    jabatan = [lp.name for lp in ex.sheets if lp.formulas and lp.visible]
    count = len(referensi_list(ex))

    macros.add_jabatan(ex.book)
    macros.add_jabatan(ex.book)

    names = ex.sheet_names()
    assert "Jabatan Baru" in names and "Jabatan Baru (2)" in names
    # placed after the last jabatan sheet, in order, visible, the second one active
    i = names.index(jabatan[-1])
    assert names[i + 1 : i + 3] == ["Jabatan Baru", "Jabatan Baru (2)"]
    new = [ex.find("Jabatan Baru"), ex.find("Jabatan Baru (2)")]
    assert all(lp.visible for lp in new)
    assert ex.active == "Jabatan Baru (2)"
    id_ = [lp.values[(ID_ROW, L.HEADER_VALUE_COL)] for lp in new]
    assert id_[0] != id_[1] and all(re.fullmatch(r"jabatan-[0-9a-f]{8}", i) for i in id_)
    # listed for the atasan dropdown: the defined names reach them
    listed = referensi_list(ex)
    assert len(listed) == count + 2
    assert [i for i, _ in listed[-2:]] == id_
    # a copy of the blank sheet: same layout and formulas; the blank sheet itself untouched
    blank = ex.find(L.SHEET_BLANK_JABATAN)
    assert not blank.visible
    assert blank.values == blank_before.values
    assert new[0].formulas == blank.formulas
    assert new[0].protected
    assert ex.status_bar is False


def test_add_jabatan_without_blank_sheet_explains(excel: Any) -> None:
    ex: FakeExcel = excel("sampang")
    ex.sheets.remove(ex.find(L.SHEET_BLANK_JABATAN))
    before = ex.sheet_names()
    macros.add_jabatan(ex.book)
    assert ex.sheet_names() == before
    assert len(ex.alerts) == 1
    assert L.SHEET_BLANK_JABATAN in ex.alerts[0]["prompt"]
    assert ex.alerts[0]["mode"] == "critical"
    assert "Terjadi kesalahan" not in ex.alerts[0]["prompt"]


# ---------------------------------------------------------------- consolidate


def test_consolidate_writes_beside_the_workbook_and_opens_it(excel: Any, tmp_path: Path) -> None:
    ex: FakeExcel = excel("sampang")
    macros.consolidate(ex.book)
    target = tmp_path / "IKI Sampang - Pengajuan IKI.xlsx"
    assert target.is_file()
    assert ex.opened == [str(target)]
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames[:4] == ["Keputusan", "Lampiran", "Rekap", "Ringkasan"]
    assert len(ex.alerts) == 1 and str(target) in ex.alerts[0]["prompt"]
    assert "galat" in ex.alerts[0]["prompt"] and ex.alerts[0]["mode"] == "info"
    assert "DRAF" in ex.alerts[0]["prompt"]  # the Sampang example keeps its galat
    word = target.with_suffix(".docx")
    assert str(word) in ex.alerts[0]["prompt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["IKI Sampang.xlsx", target.name, word.name]
    )  # both files, no temporary file left behind
    assert any("INDIKATOR KINERJA INDIVIDU" in p.text for p in docx.Document(str(word)).paragraphs)
    assert ex.status_bar is False


def test_consolidate_unsaved_workbook_asks_to_save(excel: Any, tmp_path: Path) -> None:
    ex: FakeExcel = excel("sampang")
    ex.fullname = "Book1"
    macros.consolidate(ex.book)
    assert ex.opened == []
    assert "Simpan buku kerja ini dulu" in ex.alerts[0]["prompt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["IKI Sampang.xlsx"]


# ---------------------------------------------------------------- help


def test_help_activates_petunjuk(excel: Any) -> None:
    ex: FakeExcel = excel("sampang")
    macros.help(ex.book)
    assert ex.active == L.SHEET_PETUNJUK
    assert "Petunjuk" in ex.alerts[0]["prompt"] and ex.alerts[0]["mode"] == "info"


# ---------------------------------------------------------------- failures


def test_unexpected_exception_becomes_an_alert(excel: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    ex: FakeExcel = excel("sampang")

    def broken(read: Any) -> Any:
        raise RuntimeError("mesin aturan rusak")

    monkeypatch.setattr("iki_xl.app.check.check_workbook", broken)
    macros.validate(ex.book)  # does not raise
    assert len(ex.alerts) == 1
    assert ex.alerts[0]["prompt"] == (
        "Terjadi kesalahan: mesin aturan rusak. Laporkan ke pengembang dengan berkas ini."
    )
    assert ex.alerts[0]["mode"] == "critical"
    assert ex.status and ex.status[-1] is False and ex.status_bar is False
    assert ex.screen_updating is True


def test_password_protected_sheet_is_explained(excel: Any) -> None:
    ex: FakeExcel = excel("sampang")
    lp = first_jabatan(ex)
    lp.password = "rahasia"
    macros.validate(ex.book)
    assert lp.protected  # still protected, nothing forced
    assert f"Sheet '{lp.name}' diproteksi dengan kata sandi" in ex.alerts[-1]["prompt"]
    assert ex.status_bar is False


def test_not_an_iki_workbook(excel: Any) -> None:
    ex: FakeExcel = excel("sampang")
    ex.sheets[:] = [FakeSheet("Sheet1")]
    macros.recalculate(ex.book)
    assert "bukan workbook IKI" in ex.alerts[0]["prompt"]
    assert ex.calculations == 0


# ---------------------------------------------------------------- the ribbon's calls


def test_every_ribbon_call_exists_and_takes_book_none() -> None:
    text = RIBBON.read_text(encoding="utf-8")
    names = re.findall(r'RunPython "import iki_xl\.macros as m; m\.(\w+)\(', text)
    assert names == [
        "validate", "recalculate", "add_jabatan", "new_year", "consolidate",
        "quarterly_report", "quarterly_report", "compare",
    ]  # fmt: skip
    # the one argument VBA passes: the quarter, a single digit it has checked
    assert re.findall(r"m\.quarterly_report\((\w*)", text) == ["", "triwulan"]
    # Bantuan is VBA only now; `help` stays for workbooks distributed before, which call it
    for n in [*names, "help"]:
        function = getattr(macros, n)
        param = list(inspect.signature(function).parameters.values())
        assert param[0].name == "book" and param[0].default is None
        assert all(p.default is None for p in param)


def test_book_none_uses_the_caller(excel: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    ex: FakeExcel = excel("sampang")
    monkeypatch.setattr(xw.Book, "caller", classmethod(lambda cls: ex.book))
    macros.help()
    assert ex.active == L.SHEET_PETUNJUK


def test_recalculate_repairs_a_stale_range(excel: Any) -> None:
    """A component row added below an indicator's last component outside its range (as an
    older workbook, or a range shrunk by a deleted fence row, leaves it): Hitung Ulang
    writes the formulas over the whole block again."""
    ex: FakeExcel = excel("sampang")
    lp = first_jabatan(ex)
    original = dict(lp.formulas)
    arrays = dict(lp.arrays)
    first, box = next(iter(arrays.items()))
    b0 = first[0]
    fence = next(r for (r, c) in sorted(lp.arrays) if r > b0)  # the next indicator's row
    stale = L.indikator_formulas(b0, fence - 1)  # a range that misses the block's last row
    assert stale != L.indikator_formulas(b0, fence)
    for key, f in stale.items():
        if key == "nilai0":
            for c in range(box[1], box[3] + 1):
                lp.formulas[(b0, c)] = f
        else:
            lp.formulas[(b0, L.COL[key])] = f

    macros.recalculate(ex.book)

    assert lp.formulas == original
    assert lp.arrays == arrays
    assert ex.calculations == 1
    assert "rentangnya tidak lagi sesuai" in ex.alerts[-1]["prompt"]

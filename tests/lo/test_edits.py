"""Planner edits made through LibreOffice's UNO API (issue 12, items 1 and 6): a component
row added below an indicator's last component, an indicator row added, an indicator's rows
deleted. After each: the formulas cover their blocks (or Hitung Ulang, run on the edited
file through the fake Excel, puts them right), the read-back document holds the edit, and
the findings are those of the edit only."""

from __future__ import annotations

from pathlib import Path

import pytest

from iki_xl import layout as L
from iki_xl import macros
from iki_xl.app.check import check_workbook
from iki_xl.app.formulas import expected_formulas, same_formula
from iki_xl.core.compute import compute_indikator
from iki_xl.core.formulasi import complete
from iki_xl.io.read.workbook import ReadResult, read_grids, read_workbook
from tests.app.test_formulas import _grids
from tests.lo.test_libreoffice_files import _row, _written
from tests.lo.uno import LibreOffice
from tests.macros.fake_excel import FakeExcel, a1, load_xlsx

pytestmark = pytest.mark.slow

KASUBAG_TU = "jabatan[1].kinerja[0]"  # Probolinggo: indicator 0 is a jumlah with component A


def _stale(path: Path) -> list[str]:
    """Cells whose formula differs from what the layout expects for the file as it reads."""
    grids = _grids(path)
    read = read_grids(grids.items())
    sheets, _ = load_xlsx(path.read_bytes())
    by_name = {s.name: s for s in sheets}
    stale = []
    for sheet, expected in expected_formulas(read, grids).items():
        lp = by_name[sheet]
        for e in expected:
            current = lp.formulas.get(e.first, "")
            if not same_formula(current, e.formula) or "#REF" in current.upper():
                stale.append(f"{sheet}!{a1(e.first)}")
    return stale


def _placed(read: ReadResult) -> list[tuple[str, str, str]]:
    return [(f.code, f.sheet, f.message) for f in check_workbook(read).findings]


def test_a_component_added_below_the_last_is_read_and_covered(
    libreoffice: LibreOffice, tmp_path: Path
) -> None:
    path, before = _written(tmp_path, "probolinggo", ".xlsx")
    sheet, row = _row(before, f"{KASUBAG_TU}.indikator[1]")  # the next indicator's row
    with libreoffice.open(path) as doc:
        doc.insert_rows(sheet, row)  # below component A, above the next indicator
        doc.set_value(sheet, f"I{row}", "B")
        doc.set_value(sheet, f"J{row}", "alat kantor dari hibah")
        for col, v in zip("KLMN", (1, 2, 0, 1), strict=True):
            doc.set_value(sheet, f"{col}{row}", v)
        edited = doc.save_as(tmp_path / "komponen.xlsx")
    after = read_workbook(edited)
    ind = after.dokumen.jabatan[1].kinerja[0].indikator[0]
    assert [k.kode for k in ind.komponen] == ["A", "B"]
    assert ind.komponen[1].realisasi == [1, 2, 0, 1]
    result = compute_indikator(complete(after.dokumen).jabatan[1].kinerja[0].indikator[0], [])
    assert result.year.value == pytest.approx(6 + 11 + 9 + 8 + 1 + 2 + 0 + 1)
    # the range grew with the insert: every formula of the sheet still covers its block
    assert _stale(edited) == []
    # the rest of the document is unchanged
    rest = after.dokumen.model_copy(deep=True)
    rest.jabatan[1].kinerja[0].indikator[0].komponen.pop()
    assert rest == before.dokumen


def test_an_indicator_added_gets_its_formulas_from_hitung_ulang(
    libreoffice: LibreOffice, tmp_path: Path
) -> None:
    path, before = _written(tmp_path, "probolinggo", ".xlsx")
    sheet, row = _row(before, f"{KASUBAG_TU}.indikator[1]")
    typed = {"C": "1.1.2", "D": "Jumlah rapat koordinasi yang dilaksanakan", "E": "jumlah",
             "F": "Jumlah rapat koordinasi", "I": "A", "J": "rapat", "K": 2, "L": 3,
             "T": "kali", "U": "positif", "V": 10, "AL": "Notulen rapat"}  # fmt: skip
    with libreoffice.open(path) as doc:
        doc.insert_rows(sheet, row)
        for col, v in typed.items():
            doc.set_value(sheet, f"{col}{row}", v)
        edited = doc.save_as(tmp_path / "indikator.xlsx")
    after = read_workbook(edited)
    names = [i.nama for _, i in after.dokumen.jabatan[1].semua_indikator()]
    old = [i.nama for _, i in before.dokumen.jabatan[1].semua_indikator()]
    assert names == [old[0], typed["D"], *old[1:]]
    # an inserted row has no formulas, and the previous indicator's block now reaches past it:
    # exactly those two indicators' formulas are not the layout's …
    stale = _stale(edited)
    assert stale and {c.split("!")[0] for c in stale} == {sheet}
    assert {int("".join(ch for ch in c.split("!")[1] if ch.isdigit())) for c in stale} == {
        row - 1, row
    }  # fmt: skip
    # Validasi says so …
    ex = FakeExcel.from_xlsx(edited.read_bytes(), str(edited))
    macros.validate(ex.book)
    assert f"{len(stale)} rumus IKI belum ada atau tidak sesuai" in ex.alerts[-1]["prompt"]
    # … and Hitung Ulang writes them (run on this very file through the fake Excel)
    ex = _recalculated(edited, sheet)
    assert "rumus" in ex.alerts[-1]["prompt"].lower()


def _recalculated(edited: Path, sheet: str) -> FakeExcel:
    """Hitung Ulang run on the edited file (through the fake Excel): afterwards every
    formula of the sheet is the layout's."""
    ex = FakeExcel.from_xlsx(edited.read_bytes(), str(edited))
    macros.recalculate(ex.book)
    grids = _grids(edited)
    lp = ex.find(sheet)
    for e in expected_formulas(read_grids(grids.items()), grids)[sheet]:
        assert same_formula(lp.formulas.get(e.first, ""), e.formula), a1(e.first)
    return ex


def test_deleting_the_next_indicator_leaves_the_block_whole(
    libreoffice: LibreOffice, tmp_path: Path
) -> None:
    """Kasubag Tata Usaha: indicator 2 (a persentase, components A and B) is fenced by
    indicator 3's first row. The planner deletes indicator 3: the range shrinks to end on
    B's row, and the native cells must still see B (here the only component with TW IV)."""
    path, before = _written(tmp_path, "probolinggo", ".xlsx")
    sheet, b0 = _row(before, f"{KASUBAG_TU}.indikator[1]")
    _, third = _row(before, f"{KASUBAG_TU}.indikator[2]")
    _, tugas = _row(before, "jabatan[1].tugas")
    tw_akhir = f"{L.column_letters(L.COL['tw_akhir'])}{b0}"
    with libreoffice.open(path) as doc:
        doc.set_value(sheet, f"N{b0}", None)  # component A without TW IV; B keeps its own
        # LibreOffice deletes no row of a protected sheet (Excel does, when the rows are
        # unlocked whole, as ours are): lift it, as a planner would in LibreOffice
        doc.unprotect_sheet(sheet)
        doc.delete_rows(sheet, third, tugas - 1 - third)  # indicator 3, up to the gap row
        doc.protect_sheet(sheet)
        doc.calculate_all()
        assert doc.value(sheet, tw_akhir) == 4  # B's TW IV still counts
        edited = doc.save_as(tmp_path / "hapus.xlsx")
    after = read_workbook(edited)
    expected = before.dokumen.model_copy(deep=True)
    kin = expected.jabatan[1].kinerja[0]
    gone = kin.indikator.pop(2)
    kin.indikator[1].komponen[0].realisasi[3] = None
    assert after.dokumen == expected
    # findings: no new kind on any sheet, fewer or as many, none about the deleted indicator
    # (a grouped finding counts one indicator less: "… dan 1 indikator lain")
    found, found_before = _placed(after), _placed(before)
    assert {(c, s) for c, s, _ in found} <= {(c, s) for c, s, _ in found_before}
    assert len(found) <= len(found_before)
    assert not any(gone.nama.strip() in m for _, _, m in found)
    _recalculated(edited, sheet)


def test_deleting_an_indicator_in_the_middle(libreoffice: LibreOffice, tmp_path: Path) -> None:
    path, before = _written(tmp_path, "probolinggo", ".xlsx")
    sheet, first = _row(before, f"{KASUBAG_TU}.indikator[1]")
    _, nxt = _row(before, f"{KASUBAG_TU}.indikator[2]")
    with libreoffice.open(path) as doc:
        doc.unprotect_sheet(sheet)
        doc.delete_rows(sheet, first, nxt - first)
        doc.protect_sheet(sheet)
        edited = doc.save_as(tmp_path / "hapus.xlsx")
    after = read_workbook(edited)
    expected = before.dokumen.model_copy(deep=True)
    expected.jabatan[1].kinerja[0].indikator.pop(1)
    assert after.dokumen == expected
    assert not any("#REF" in f.upper() for f in _formulas(edited, sheet))
    _recalculated(edited, sheet)


def _formulas(path: Path, sheet: str) -> list[str]:
    sheets, _ = load_xlsx(path.read_bytes())
    return list(next(s for s in sheets if s.name == sheet).formulas.values())

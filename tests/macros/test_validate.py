"""The Validasi macro against a fake Excel: same findings as the headless path, marks on the
right cells and only there, last run's marks cleared, nothing the planner typed changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iki_xl import layout as L
from iki_xl import live, macros
from iki_xl.app.check import Checked, check_file, check_workbook
from iki_xl.core.findings import Finding
from iki_xl.io.read.workbook import read_grids
from iki_xl.io.write.report import (
    REPORT_WIDTHS,
    SEVERITY_COLORS,
    cell_notes,
    header_row,
    report_grid,
    severity_counts,
)
from tests.macros.conftest import contoh_data
from tests.macros.fake_excel import FakeExcel, FakeSheet, parse_address

HV = L.SHEET_HASIL_VALIDASI


def typed(ex: FakeExcel) -> dict[str, tuple[dict[Any, Any], dict[Any, str]]]:
    """Values and formulas of every sheet but the report."""
    return {lp.name: (dict(lp.values), dict(lp.formulas)) for lp in ex.sheets if lp.name != HV}


def colors(ex: FakeExcel) -> dict[str, dict[Any, str]]:
    return {lp.name: dict(lp.colors) for lp in ex.sheets if lp.name != HV}


def notes(ex: FakeExcel) -> dict[str, dict[Any, str]]:
    return {lp.name: dict(lp.notes) for lp in ex.sheets if lp.name != HV}


def pos(cell: str) -> tuple[int, int]:
    r0, c0, _, _ = parse_address(cell)[0]
    return r0, c0


def as_stored(v: Any) -> Any:
    """A grid value as Excel keeps it: '' is an empty cell, a leading ' is not stored."""
    if v == "":
        return None
    if isinstance(v, str) and v.startswith("'"):
        return v[1:]
    if isinstance(v, int):
        return float(v)
    return v


@pytest.fixture(scope="module")
def sampang(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Sampang validated once; the tests below only look."""
    data = contoh_data("sampang")
    path = tmp_path_factory.mktemp("sampang") / "IKI Sampang.xlsx"
    path.write_bytes(data)
    ex = FakeExcel.from_xlsx(data, str(path))
    before = {
        "typed": typed(ex),
        "colors": colors(ex),
        "protected": {lp.name: lp.protected for lp in ex.sheets},
    }
    macros.validate(ex.book)
    checked = check_file(path)
    return {
        "ex": ex,
        "path": path,
        "before": before,
        "findings": checked.findings,
        "order": checked.sheet_order,
    }


def test_report_equals_headless_grid(sampang: dict[str, Any]) -> None:
    ex: FakeExcel = sampang["ex"]
    expected = report_grid(sampang["findings"], sheet_order=sampang["order"])
    assert len(sampang["findings"]) > 20  # the example's known defects are there
    # written in one block at A1 of the report sheet
    block = [(s, a, v) for s, a, v in ex.block_writes if s == HV and a == "A1"]
    assert len(block) == 1
    assert block[0][2] == expected
    # and that is what the sheet holds now (formulas for the links)
    lp = ex.find(HV)
    for r, row in enumerate(expected):
        for c, v in enumerate(row):
            assert lp.content((r, c)) == as_stored(v), (r, c)
    # links point at the offending cells
    first = expected[header_row(sampang["findings"]) + 1]
    f = sampang["findings"][0]
    assert first[3] == f'=HYPERLINK("#\'{f.sheet}\'!{f.cell}","{f.sheet}!{f.cell}")'


def test_report_sheet_created_after_the_last_sheet_and_active(sampang: dict[str, Any]) -> None:
    ex: FakeExcel = sampang["ex"]
    assert ex.sheet_names()[-1] == HV
    assert ex.active == HV
    lp = ex.find(HV)
    assert lp.column_widths[0] == REPORT_WIDTHS[0]
    # the hidden columns remembering the marks
    assert lp.column_widths[live.MARKS_COL] == 0


def test_marks_the_right_cells_with_fill_and_note(sampang: dict[str, Any]) -> None:
    ex: FakeExcel = sampang["ex"]
    per_cell = cell_notes(sampang["findings"])
    assert per_cell
    for (sheet, cell), (severity, text) in per_cell.items():
        lp = ex.find(sheet)
        assert lp.colors[pos(cell)] == SEVERITY_COLORS[severity].upper(), (sheet, cell)
        assert lp.notes[pos(cell)] == live.NOTE_PREFIX + text
    # no other cell changed colour, no other note
    before = sampang["before"]["colors"]
    marked = {(s, pos(c)) for s, c in per_cell}
    for name, w in colors(ex).items():
        for p in set(w) | set(before[name]):
            if (name, p) not in marked:
                assert w.get(p) == before[name].get(p), (name, p)
    assert sum(len(c) for c in notes(ex).values()) == len(per_cell)


def test_validation_changes_no_input_and_restores_protection(sampang: dict[str, Any]) -> None:
    ex: FakeExcel = sampang["ex"]
    assert typed(ex) == sampang["before"]["typed"]
    before = sampang["before"]["protected"]
    assert {n: p for n, p in ((lp.name, lp.protected) for lp in ex.sheets) if n in before} == before
    assert any(before.values())  # the jabatan sheets were protected: marks lifted it


def test_alert_gives_counts_and_status_bar_restored(sampang: dict[str, Any]) -> None:
    ex: FakeExcel = sampang["ex"]
    assert len(ex.alerts) == 1
    alert = ex.alerts[0]
    for label, n in severity_counts(sampang["findings"]):
        assert f"{label}: {n}\n" in alert["prompt"] + "\n"
    galat = dict(severity_counts(sampang["findings"]))["Galat"]
    assert alert["mode"] == ("critical" if galat else "info")
    assert alert["title"] == "IKI – Validasi"
    assert ex.status[0] is not False and str(ex.status[0]).startswith("IKI: ")
    assert ex.status_bar is False
    assert ex.screen_updating is True


def test_second_run_clears_the_first_runs_marks(excel: Any) -> None:
    ex: FakeExcel = excel("sampang")
    real = colors(ex)
    macros.validate(ex.book)
    first = {(s, c): k for (s, c), (k, _) in cell_notes(_findings(ex)).items()}
    (s_note, c_note) = next(iter(first))
    # the planner fixes one typo: that cell's finding goes away
    # ("resposif": the one finding of its cell; the "Presentase" cell is also truncated)
    typo = next((s, c) for (s, c) in first if "resposif" in str(ex.find(s).values.get(pos(c), "")))
    lp = ex.find(typo[0])
    lp.values[pos(typo[1])] = lp.values[pos(typo[1])].replace("resposif", "responsif")
    assert lp.notes[pos(typo[1])].startswith(live.NOTE_PREFIX)
    # a planner's note replaces ours on another flagged cell
    lp_note: FakeSheet = ex.find(s_note)
    lp_note.notes[pos(c_note)] = "catatan saya sendiri"

    macros.validate(ex.book)
    second = cell_notes(_findings(ex))
    assert typo not in second
    assert pos(typo[1]) not in lp.notes  # our note removed
    assert lp.colors.get(pos(typo[1])) == real[typo[0]].get(pos(typo[1]))  # original fill back
    assert lp_note.notes[pos(c_note)] == "catatan saya sendiri"

    # a third run with nothing changed leaves exactly the same marks
    w2, n2 = colors(ex), notes(ex)
    macros.validate(ex.book)
    assert colors(ex) == w2
    assert notes(ex) == n2
    # every mark's colour is the severity's, every unflagged cell has its original fill
    for name, w in w2.items():
        for p in set(w) | set(real[name]):
            key = next(((s, c) for (s, c) in second if s == name and pos(c) == p), None)
            if key is None:
                assert w.get(p) == real[name].get(p), (name, p)
            else:
                assert w[p] == SEVERITY_COLORS[second[key][0]].upper()


def _findings(ex: FakeExcel) -> list[Finding]:
    """The findings of the workbook as it is now in the fake, through the headless path."""
    sheets = []
    for lp in ex.sheets:
        _r0, _c0, r1, c1 = lp.used_box()
        sheets.append(
            (lp.name, [[lp.values.get((r, c)) for c in range(c1 + 1)] for r in range(r1 + 1)])
        )
    return check_workbook(read_grids(sheets)).findings


def test_no_findings_gives_info_box(excel: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    ex: FakeExcel = excel("sampang")
    # the macro imports the app layer when it runs: patched where it is looked up
    monkeypatch.setattr(
        "iki_xl.app.check.check_workbook",
        lambda read: Checked(read.dokumen, [], list(read.sheet_order)),
    )
    macros.validate(ex.book)
    assert ex.alerts[-1]["mode"] == "info"
    assert "tidak ada temuan" in ex.alerts[-1]["prompt"]
    assert not any(notes(ex).values())


def test_probolinggo_com_calls_are_per_sheet_not_per_cell(excel: Any) -> None:
    ex: FakeExcel = excel("probolinggo")
    n_sheet = len(ex.sheets)
    n_cells = sum(len(lp.values) + len(lp.formulas) for lp in ex.sheets)
    macros.validate(ex.book)
    p = ex.calls
    marked = sum(1 for (r, c) in ex.find(HV).values if c == live.MARKS_COL and r > 0)
    assert marked == len(cell_notes(check_file(Path(ex.fullname)).findings))
    # grids: one used range and one value read per sheet, the report and the marks' memory
    # written as two blocks; per jabatan sheet one more used range and one formula read
    # (are the IKI formulas there, or is Hitung Ulang needed?)
    n_jabatan = len(check_file(Path(ex.fullname)).dokumen.jabatan)
    assert p["used_range"] == n_sheet + n_jabatan
    assert p["value.get"] == n_sheet
    assert p["formula.get"] == n_jabatan
    assert p["value.set"] == 2
    # marks: per marked cell one fill read, one note read, one note added; fills written in
    # groups by severity
    assert p["color.get"] == marked
    assert p["note.get"] == marked
    assert p["color.set"] <= marked
    total = ex.range_calls()
    print(
        f"validate on Probolinggo: {n_sheet} sheets, {n_cells} cells, {marked} marked cells, "
        f"{total} range-level calls: {dict(p)}"
    )
    assert total <= 2 * n_sheet + 4 * marked + 20
    assert total < n_cells / 5  # reading cell by cell alone would be n_cells calls


def test_a_fresh_workbook_needs_no_hitung_ulang(sampang: dict[str, Any]) -> None:
    ex: FakeExcel = sampang["ex"]
    assert "Validasi selesai" in ex.alerts[-1]["prompt"]
    assert "rumus IKI belum ada" not in ex.alerts[-1]["prompt"]

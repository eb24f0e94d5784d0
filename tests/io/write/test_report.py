"""The Hasil Validasi report as the macro writes it (one grid) and its marks per cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from iki_xl.app.check import check_file
from iki_xl.core.findings import Finding, Severity
from iki_xl.io.write.report import (
    REPORT_COLUMNS,
    RULE_COLUMNS,
    RULES_ROW,
    SEVERITY_LABELS,
    cell_notes,
    header_row,
    report_grid,
    rule_counts,
    safe_text,
)
from iki_xl.io.write.workbook import write_workbook
from tests.io.conftest import contoh


def test_grid_for_the_macro_is_rectangular_with_hyperlink_formulas(tmp_path: Path) -> None:
    path = tmp_path / "sampang.xlsx"
    write_workbook(contoh("sampang"), path)
    checked = check_file(path)
    grid = report_grid(checked.findings, sheet_order=checked.sheet_order)
    assert len({len(b) for b in grid}) == 1
    assert grid[0][0] == "Hasil Validasi"
    top = header_row(checked.findings)
    assert grid[top] == list(REPORT_COLUMNS)
    assert len(grid) == top + 1 + len(checked.findings)
    where = str(grid[top + 1][3])
    assert where.startswith("=HYPERLINK(\"#'") and where.endswith('")')
    # first things first: the first finding is a galat, the counts per rule on top
    assert grid[top + 1][1] == "Galat"
    assert grid[RULES_ROW][:4] == list(RULE_COLUMNS)
    rules = rule_counts(checked.findings)
    assert [r[:3] for r in grid[RULES_ROW + 1 : RULES_ROW + 1 + len(rules)]] == [
        [code, SEVERITY_LABELS[s], n] for code, s, n, _ in rules
    ]
    assert sum(n for _, _, n, _ in rules) == len(checked.findings)


@pytest.mark.parametrize(
    ("typed", "written"),
    [("=SUM(A1)", "'=SUM(A1)"), ("+62", "'+62"), ("@x", "'@x"), ("-5", "'-5"), ("-", "-")],
)
def test_text_through_xlwings_stays_text(typed: str, written: str) -> None:
    assert safe_text(typed) == written


def test_cell_notes_take_the_worst_severity_and_every_message() -> None:
    def f(code: str, severity: Severity, cell: str = "C5", saran: str = "") -> Finding:
        return Finding(code, severity, f"pesan {code}", saran, sheet="A", cell=cell)

    notes = cell_notes(
        [
            f("X1", Severity.INFO),
            f("X2", Severity.GALAT, saran="perbaiki"),
            f("X3", Severity.PERINGATAN, cell="D5"),
            Finding("X4", Severity.GALAT, "tanpa sel", jalur="jabatan[0]"),
        ]
    )
    assert set(notes) == {("A", "C5"), ("A", "D5")}
    severity, text = notes[("A", "C5")]
    assert severity is Severity.GALAT
    assert text == "X1 (Info): pesan X1\n\nX2 (Galat): pesan X2\nSaran: perbaiki"

"""Findings: placement by the longest known jalur prefix, sorting, counting, the JSON shape."""

from __future__ import annotations

import dataclasses

import pytest

from iki_xl.core.findings import (
    Finding,
    Severity,
    cell_position,
    count_by_rule,
    count_by_severity,
    place,
    sort_findings,
)


def _f(jalur: str = "", sheet: str = "", cell: str = "", code: str = "X") -> Finding:
    return Finding(
        code=code, severity=Severity.INFO, message="p", jalur=jalur, sheet=sheet, cell=cell
    )


def test_place_uses_the_longest_known_prefix() -> None:
    cells = {"jabatan[0].kinerja[1].sasaran": ("A", "B7"), "jabatan[0]": ("A", "A1")}
    placed = place(
        [
            _f("jabatan[0].kinerja[1].sasaran"),
            _f("jabatan[0].kinerja[1].indikator[2].nama"),
            _f("instansi.nama"),
        ],
        cells,
    )
    assert [(f.sheet, f.cell) for f in placed] == [("A", "B7"), ("A", "A1"), ("", "")]


def test_place_ends_when_no_prefix_is_known() -> None:
    for jalur in ("jabatan[0]", "jabatan", "a.b[3].c", "[2]", "x[1][2]"):
        assert place([_f(jalur)], {}) == [_f(jalur)]


def test_place_keeps_a_place_already_set() -> None:
    assert place([_f("jabatan[0]", "S", "C3")], {"jabatan[0]": ("A", "A1")})[0].cell == "C3"


def test_sort_by_sheet_order_row_column() -> None:
    findings = [
        _f(sheet="B", cell="A2"),
        _f(sheet="A", cell="C10"),
        _f(sheet="A", cell="AA2"),
        _f(sheet="A", cell="B2"),
    ]
    expected = [("A", "B2"), ("A", "AA2"), ("A", "C10"), ("B", "A2")]
    assert [(f.sheet, f.cell) for f in sort_findings(findings, {"A": 0, "B": 1})] == expected
    # the workbook's sheet order as a list says the same
    assert [(f.sheet, f.cell) for f in sort_findings(findings, ["A", "B"])] == expected
    assert cell_position("AA2") == (2, 27) and cell_position("") == (0, 0)
    assert cell_position("$c$12") == (12, 3)


def test_sort_puts_sheets_in_workbook_order_then_unknown_ones_then_unplaced_by_jalur() -> None:
    findings = [
        _f("jabatan[10].nama"),
        _f(sheet="Z", cell="A1"),
        _f("jabatan[2].nama", code="B"),
        _f(sheet="Jabatan 2", cell="A1"),
        _f("jabatan[2].nama", code="A"),
        _f(sheet="Jabatan 1", cell="C3", code="Y"),
        _f(sheet="Jabatan 1", cell="C3", code="X"),
    ]
    got = sort_findings(findings, ["Jabatan 1", "Jabatan 2"])
    assert [(f.sheet, f.cell, f.jalur, f.code) for f in got] == [
        ("Jabatan 1", "C3", "", "X"),
        ("Jabatan 1", "C3", "", "Y"),
        ("Jabatan 2", "A1", "", "X"),
        ("Z", "A1", "", "X"),
        ("", "", "jabatan[2].nama", "A"),
        ("", "", "jabatan[2].nama", "B"),
        ("", "", "jabatan[10].nama", "X"),  # by index, not as text
    ]


def test_sort_puts_galat_first_then_peringatan_then_info() -> None:
    def f(severity: Severity, sheet: str = "", cell: str = "", jalur: str = "") -> Finding:
        return Finding("X", severity, "m", jalur=jalur, sheet=sheet, cell=cell)

    findings = [
        f(Severity.INFO, "Jabatan 1", "A1"),
        f(Severity.PERINGATAN, "Jabatan 2", "B2"),
        f(Severity.GALAT, "Jabatan 2", "C9"),
        f(Severity.PERINGATAN, jalur="jabatan[0].nama"),
        f(Severity.GALAT, "Jabatan 1", "C30"),
        f(Severity.INFO, jalur="jabatan[1].nama"),
    ]
    got = sort_findings(findings, ["Jabatan 1", "Jabatan 2"])
    assert [(x.severity, x.sheet, x.cell, x.jalur) for x in got] == [
        (Severity.GALAT, "Jabatan 1", "C30", ""),
        (Severity.GALAT, "Jabatan 2", "C9", ""),
        (Severity.PERINGATAN, "Jabatan 2", "B2", ""),
        (Severity.PERINGATAN, "", "", "jabatan[0].nama"),
        (Severity.INFO, "Jabatan 1", "A1", ""),
        (Severity.INFO, "", "", "jabatan[1].nama"),
    ]


def test_count_by_rule_puts_the_worst_and_most_frequent_first() -> None:
    findings = [
        Finding("IKI-B001", Severity.PERINGATAN, "m"),
        Finding("IKI-I003", Severity.GALAT, "m"),
        Finding("IKI-S012", Severity.PERINGATAN, "m"),
        Finding("IKI-B001", Severity.PERINGATAN, "m"),
        Finding("IKI-B007", Severity.INFO, "m"),
    ]
    assert count_by_rule(findings) == [
        ("IKI-I003", Severity.GALAT, 1),
        ("IKI-B001", Severity.PERINGATAN, 2),
        ("IKI-S012", Severity.PERINGATAN, 1),
        ("IKI-B007", Severity.INFO, 1),
    ]
    assert count_by_rule([]) == []


def test_count_by_severity() -> None:
    counts = count_by_severity([_f(), Finding(code="Y", severity=Severity.GALAT, message="")])
    assert counts == {Severity.GALAT: 1, Severity.PERINGATAN: 0, Severity.INFO: 1}


def test_a_finding_is_immutable_and_its_json_has_exactly_the_cli_keys() -> None:
    f = _f("jabatan[0]", "Jabatan 1", "C3")
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.cell = "D4"  # type: ignore[misc]
    assert f.to_json() == {
        "code": "X",
        "severity": "info",
        "sheet": "Jabatan 1",
        "cell": "C3",
        "jabatan": "",
        "message": "p",
        "saran": "",
    }
    assert hash(f) == hash(_f("jabatan[0]", "Jabatan 1", "C3"))

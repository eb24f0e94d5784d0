"""Findings: a planner's mistake as an immutable record, never an exception.

Rules produce findings that point into the model (`jalur`, e.g.
"jabatan[3].kinerja[0].indikator[1].sumber_data"); the workbook reader knows which sheet
and cell each jalur came from, and `place` fills `sheet` and `cell` in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum


class Severity(StrEnum):
    GALAT = "galat"
    PERINGATAN = "peringatan"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # stable, e.g. "IKI-I002"
    severity: Severity
    message: str  # what is wrong, in Bahasa Indonesia
    saran: str = ""  # how to fix it
    jabatan: str = ""  # nama of the jabatan concerned
    jalur: str = ""  # where in the model
    sheet: str = ""
    cell: str = ""  # "C12"

    def to_json(self) -> dict[str, str]:
        """The CLI's JSON shape: exactly these keys."""
        return {
            "code": self.code,
            "severity": str(self.severity),
            "sheet": self.sheet,
            "cell": self.cell,
            "jabatan": self.jabatan,
            "message": self.message,
            "saran": self.saran,
        }


_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def cell_position(ref: str) -> tuple[int, int]:
    """(row, column), both 1-based, of an A1 reference; (0, 0) when there is none."""
    m = _CELL.match(ref.upper())
    if not m:
        return (0, 0)
    column = 0
    for c in m.group(1):
        column = column * 26 + ord(c) - 64
    return (int(m.group(2)), column)


_LAST_INDEX = re.compile(r"\[\d+\]$")


def place(findings: Iterable[Finding], cells: Mapping[str, tuple[str, str]]) -> list[Finding]:
    """Fill sheet and cell from a map jalur → (sheet, cell); the longest known prefix wins."""
    result = []
    for f in findings:
        jalur = f.jalur
        where = cells.get(jalur) if jalur else None
        while where is None and jalur:
            parent = jalur.rsplit(".", 1)[0] if "." in jalur else _LAST_INDEX.sub("", jalur)
            if parent == jalur:  # nothing left to cut: no known prefix
                break
            jalur = parent
            where = cells.get(jalur) if jalur else None
        if where is not None and not (f.sheet and f.cell):
            f = replace(f, sheet=f.sheet or where[0], cell=f.cell or where[1])
        result.append(f)
    return result


def _jalur_key(jalur: str) -> tuple[object, ...]:
    return tuple(int(x) if x.isdigit() else x for x in re.split(r"\[(\d+)\]", jalur))


SEVERITY_RANK = {Severity.GALAT: 0, Severity.PERINGATAN: 1, Severity.INFO: 2}


def sort_findings(
    findings: Iterable[Finding], sheet_order: Mapping[str, int] | Sequence[str] | None = None
) -> list[Finding]:
    """First things first: galat, then peringatan, then info; within a severity the placed
    findings by sheet (workbook order when known), row, column and code, then the unplaced
    ones by jalur (jabatan by number). The one sort of the report, the CLI and the JSON."""
    if sheet_order is not None and not isinstance(sheet_order, Mapping):
        sheet_order = {s: i for i, s in enumerate(sheet_order)}
    order = sheet_order or {}

    def placed(f: Finding) -> tuple[int, str, int, int, str]:
        row, column = cell_position(f.cell)
        return (order.get(f.sheet, len(order)), f.sheet, row, column, f.code)

    def unplaced(f: Finding) -> tuple[tuple[object, ...], str]:
        return (_jalur_key(f.jalur), f.code)

    result: list[Finding] = []
    findings = list(findings)
    for severity in Severity:
        mine = [f for f in findings if f.severity is severity]
        result += sorted((f for f in mine if f.sheet), key=placed)
        result += sorted((f for f in mine if not f.sheet), key=unplaced)
    return result


def count_by_rule(findings: Iterable[Finding]) -> list[tuple[str, Severity, int]]:
    """(code, severity, how many) of each rule that found something: by severity, then the
    most frequent first, then by code."""
    counts: dict[str, tuple[Severity, int]] = {}
    for f in findings:
        severity, n = counts.get(f.code, (f.severity, 0))
        counts[f.code] = (severity, n + 1)
    rows = [(code, severity, n) for code, (severity, n) in counts.items()]
    return sorted(rows, key=lambda r: (SEVERITY_RANK[r[1]], -r[2], r[0]))


def count_by_severity(findings: Iterable[Finding]) -> dict[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for f in findings:
        counts[f.severity] += 1
    return counts

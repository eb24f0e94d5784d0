"""Reading one sheet: the map jalur → (sheet, "A1") of everything read, and the reading
findings, each at its cell.

A jalur is a path into the model the way pydantic reports it:
`jabatan[3].kinerja[0].indikator[1].sumber_data`. The map is a plain dict: the validator
places its findings through it (`findings.place`), the macros find cells in it.
"""

from __future__ import annotations

from typing import Any

from iki_xl import layout as L
from iki_xl.core.findings import Finding, Severity
from iki_xl.core.numbers import parse_number
from iki_xl.io.read.grid import as_isian, as_number, is_date, is_empty, text

CellMap = dict[str, tuple[str, str]]

# Stable codes of reading findings (the rules' catalogue has codes of its own).
UNKNOWN_CHOICE = "IKI-X001"  # a dropdown value that is not in the list
NOT_A_NUMBER = "IKI-X002"  # a number field holding text that is not a number
KOMPONEN_CODE = "IKI-X003"  # a component code that is invalid or used twice
TARGET_BAND = "IKI-X004"  # a target band that cannot be read
OUTSIDE_BLOCK = "IKI-X005"  # a value outside the place the reader looks for it
MISSING_COLUMN = "IKI-X006"  # a table column whose header is missing
JABATAN_ID = "IKI-X007"  # a jabatan sheet without ID, or an ID used twice
SHEET = "IKI-X008"  # a sheet that could not be read, or a second Instansi sheet
DATE = "IKI-X009"  # a date where a number or text was expected
MODEL = "IKI-X010"  # anything else the model refuses (reported, value left out)
ERROR_VALUE = "IKI-X011"  # an Excel error value (#DIV/0!, #N/A …) cached in an input cell
FORMULA_GONE = "IKI-X012"  # a computed cell holding a typed value instead of its formula
# IKI-X013, a text over Excel's 32,767-character cell limit: core/limits.py (data files too)


class SheetReader:
    """Collects the cell map and the findings while one sheet's grid is parsed.

    Rows and columns are 0-based positions in the grid; `origin` is the grid's first cell
    in the sheet (xlwings' used range need not start at A1).
    """

    def __init__(self, sheet: str, origin: tuple[int, int] = (0, 0), jabatan: str = "") -> None:
        self.sheet = sheet
        self.row0, self.column0 = origin
        self.jabatan = jabatan
        self.cells: CellMap = {}
        self.findings: list[Finding] = []
        self.rows: list[int] = []  # grid row of each indicator's first row, as read

    def ref(self, r: int, c: int) -> str:
        return L.cell_ref(r + self.row0, c + self.column0)

    def record(self, jalur: str, r: int, c: int) -> None:
        self.cells[jalur] = (self.sheet, self.ref(r, c))

    def finding(
        self,
        code: str,
        message: str,
        r: int,
        c: int,
        *,
        jalur: str = "",
        saran: str = "",
        severity: Severity = Severity.PERINGATAN,
    ) -> None:
        self.findings.append(
            Finding(
                code=code,
                severity=severity,
                message=message,
                saran=saran,
                jabatan=self.jabatan,
                jalur=jalur,
                sheet=self.sheet,
                cell=self.ref(r, c),
            )
        )

    # typed cell readers ------------------------------------------------------------

    def choice(self, v: Any, options: dict[str, Any], what: str, r: int, c: int, jalur: str) -> Any:
        """A dropdown value (options: normalised label → value); None when blank or unknown."""
        if is_empty(v):
            return None
        x = options.get(L.normal_label(text(v)))
        if x is None:
            allowed = ", ".join(str(d) for d in options.values())
            self.finding(
                UNKNOWN_CHOICE,
                f"{what} '{text(v)}' tidak dikenal",
                r,
                c,
                jalur=jalur,
                saran=f"pilih salah satu: {allowed}",
            )
        return x

    def number(self, v: Any, what: str, r: int, c: int, jalur: str) -> float | None:
        x = as_number(v)
        if x is None or isinstance(x, float):
            return x
        if is_date(v):
            self.finding(DATE, f"{what} berisi tanggal, bukan angka", r, c, jalur=jalur)
            return None
        parsed = parse_number(x)
        if parsed.value is not None:
            self.finding(
                NOT_A_NUMBER,
                f"{what} diketik sebagai teks '{x}', dibaca sebagai angka",
                r,
                c,
                jalur=jalur,
                saran="ketik sebagai angka",
                severity=Severity.INFO,
            )
            return parsed.value
        self.finding(
            NOT_A_NUMBER, f"{what} '{x}' bukan angka", r, c, jalur=jalur, saran="isi angka"
        )
        return None

    def isian(self, v: Any, what: str, r: int, c: int, jalur: str) -> Any:
        if is_date(v):
            self.finding(
                DATE,
                f"{what} berisi tanggal ({text(v)})",
                r,
                c,
                jalur=jalur,
                saran="format sel sebagai angka atau teks, lalu ketik ulang",
            )
        return as_isian(v)

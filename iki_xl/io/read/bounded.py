"""What the package scan lets the reader do beyond calamine's values: read a sheet whose
extent is absurd within bounds, and name the Excel error values calamine reads as empty."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from iki_xl import layout as L
from iki_xl.core.findings import Finding, Severity
from iki_xl.io.read import cell_map as M
from iki_xl.io.read.package import Package, SheetScan


def read_bounded_sheet(
    path: Path, sheet: str, scan: SheetScan, columns: int
) -> tuple[list[list[Any]], list[Finding]]:
    """The sheet's grid up to `columns` columns and its last row with content there, read
    as a stream (openpyxl read-only: memory follows the cells present, not the extent),
    and a finding naming the far cells left out."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    try:
        ws = wb[sheet]
        rows: dict[int, list[Any]] = {}
        for i, row in enumerate(ws.iter_rows(max_col=columns, values_only=True)):
            if any(v is not None for v in row):
                rows[i] = ["" if v is None else v for v in row]
    finally:
        wb.close()
    last = max(rows, default=-1)
    empty: list[Any] = []
    grid = [rows.get(i, empty) for i in range(last + 1)]
    for ref in scan.errors:  # openpyxl gives the error's text: the reader sees it as empty
        r, c = _position(ref)
        if r < len(grid) and c < len(grid[r]):
            grid[r][c] = ""
    far = L.cell_ref(scan.rows - 1, scan.columns - 1)
    finding = Finding(
        M.OUTSIDE_BLOCK,
        Severity.PERINGATAN,
        f"sheet ini berisi nilai sampai {far}, jauh di luar tabel; hanya kolom A sampai "
        f"{L.cell_ref(0, columns - 1)[:-1]} yang dibaca",
        saran=f"hapus isi sel yang tidak dipakai (tekan Ctrl+End untuk menemukannya, mis. {far})",
        sheet=sheet,
        cell=far,
    )
    return grid, [finding]


def _position(ref: str) -> tuple[int, int]:
    from iki_xl.io.read.package import cell_position

    r, c = cell_position(ref)
    return r - 1, c - 1


def error_values(
    cells: dict[str, tuple[str, str]], package: Package, jabatan: dict[str, str]
) -> list[Finding]:
    """A galat for every cached Excel error value in a cell the reader took a value from
    (a computed column's error is the formula's business, not the planner's input)."""
    where = {place: jalur for jalur, place in cells.items()}
    found = []
    for sheet, scan in package.sheets.items():
        for ref, error in sorted(scan.errors.items(), key=lambda kv: _position(kv[0])):
            jalur = where.get((sheet, ref))
            if jalur is None:
                continue
            found.append(
                Finding(
                    M.ERROR_VALUE,
                    Severity.GALAT,
                    f"sel berisi galat Excel {error}; nilainya tidak dapat dibaca",
                    saran="ganti dengan angka (atau kosongkan bila belum ada datanya)",
                    jabatan=jabatan.get(sheet, ""),
                    jalur=jalur,
                    sheet=sheet,
                    cell=ref,
                )
            )
    return found

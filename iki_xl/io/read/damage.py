"""A jabatan sheet a planner damaged: nothing on it may vanish without a galat naming it.

- a sheet that has the jabatan profile block (Jabatan, ID Jabatan …) but whose table
  header is not recognised (a label renamed, cells merged over it) would otherwise be taken
  for a planner's notes sheet and its jabatan silently left out;
- a table column whose header label is gone (merged over) while its cells hold values
  would be dropped with all those values;
- a computed cell (Nilai, Capaian, Predikat …) holding a typed value: its formula is gone
  and the value shown is the planner's, not the computed one.
"""

from __future__ import annotations

from typing import Any

from iki_xl import layout as L
from iki_xl.core.findings import Finding, Severity
from iki_xl.io.read import cell_map as M
from iki_xl.io.read.grid import Grid, is_empty, text
from iki_xl.io.read.package import SheetScan

_PROFILE = {L.normal_label(label) for _, label in L.JABATAN_HEADER}
_TABLE_LABELS = {
    L.normal_label(L.COLUMNS[k].title) for k in ("indikator", "sasaran", "no_indikator")
}
_COMPUTED = tuple(k.key for k in L.TABLE if k.role == "computed")
_SCAN_ROWS = 40


def damaged_jabatan_sheet(sheet: str, grid: Grid) -> Finding | None:
    """A galat for a sheet that looks like a jabatan sheet whose table cannot be found."""
    profile: dict[int, int] = {}  # column → profile labels stacked in it
    table_row = -1
    for r, row in enumerate(grid[:_SCAN_ROWS]):
        for c, v in enumerate(row):
            if isinstance(v, str) and v:
                label = L.normal_label(v)
                if label in _PROFILE:
                    profile[c] = profile.get(c, 0) + 1
                if label in _TABLE_LABELS and table_row < 0:
                    table_row = r
    if max(profile.values(), default=0) < 3 and table_row < 0:
        return None
    r = table_row if table_row >= 0 else L.TABLE_HEADER_ROW
    nama = ""
    for row in grid[:_SCAN_ROWS]:
        for c, v in enumerate(row):
            if isinstance(v, str) and L.normal_label(v) == L.normal_label("Jabatan"):
                shift = L.HEADER_VALUE_COL - L.HEADER_LABEL_COL
                nama = text(row[c + shift]) if c + shift < len(row) else ""
                break
        if nama:
            break
    what = f"jabatan '{nama}'" if nama else "jabatan di sheet ini"
    return Finding(
        M.SHEET,
        Severity.GALAT,
        f"kepala tabel tidak dikenali (judul kolom '{L.COLUMNS['sasaran'].title}' dan "
        f"'{L.COLUMNS['indikator'].title}' tidak ditemukan berdampingan); {what} tidak dibaca",
        saran="kembalikan judul kolom tabel seperti semula dan batalkan sel yang digabung",
        jabatan=nama,
        sheet=sheet,
        cell=L.cell_ref(r, 0),
    )


def untitled_columns(
    sheet: str, grid: Grid, h1: int, columns: dict[str, int], jabatan: str, origin: tuple[int, int]
) -> list[Finding]:
    """A galat for each column under the table header without a label whose cells hold
    values, when a column of the layout was not found (its label merged over or deleted)."""
    missing = [
        L.COLUMNS[k.key].title for k in L.TABLE if k.role == "input" and k.key not in columns
    ]
    if not missing:
        return []
    top = grid[h1] if h1 < len(grid) else []
    below = grid[h1 + 1] if h1 + 1 < len(grid) else []
    span = max(columns.values(), default=0) + 1
    found = []
    for c in range(span):
        if c in columns.values():
            continue
        labels = [row[c] if c < len(row) else None for row in (top, below)]
        if not all(is_empty(v) for v in labels):
            continue  # a planner's own column, with a title: ignored on purpose
        body = next(
            (r for r in range(h1 + 2, len(grid)) if c < len(grid[r]) and not is_empty(grid[r][c])),
            None,
        )
        if body is None:
            continue
        found.append(
            Finding(
                M.MISSING_COLUMN,
                Severity.GALAT,
                f"kolom tanpa judul berisi isian (mis. {L.cell_ref(body + origin[0], c + origin[1])}) "
                f"yang tidak dibaca; judul kolom tidak ditemukan: {', '.join(missing)}",
                saran="batalkan penggabungan sel judul tabel dan kembalikan judul kolomnya",
                jabatan=jabatan,
                sheet=sheet,
                cell=L.cell_ref(h1 + origin[0], c + origin[1]),
            )
        )
    return found


def overwritten_formulas(
    sheet: str, grid: Grid, columns: dict[str, int], rows: list[int], jabatan: str, scan: SheetScan
) -> list[Finding]:
    """A peringatan for each computed cell of an indicator's first row (0-based `rows`)
    that holds a value but no formula (headless: the package scan knows the formulas)."""
    if not scan.formulas and not scan.arrays:
        return []  # a workbook without IKI formulas at all (not made from the template)
    found = []
    for r in rows:
        row = grid[r] if r < len(grid) else []
        for key in _COMPUTED:
            c = columns.get(key)
            if c is None or c >= len(row) or is_empty(row[c]):
                continue
            ref = L.cell_ref(r, c)
            if scan.has_formula(ref) or ref in scan.errors:
                continue
            found.append(
                Finding(
                    M.FORMULA_GONE,
                    Severity.PERINGATAN,
                    f"sel {L.COLUMNS[key].title} berisi nilai yang diketik "
                    f"({_short(row[c])}), rumusnya terhapus",
                    saran="tekan Hitung Ulang pada tab IKI untuk mengembalikan rumus",
                    jabatan=jabatan,
                    sheet=sheet,
                    cell=ref,
                )
            )
    return found


def _short(v: Any) -> str:
    t = text(v)
    return t if len(t) <= 40 else t[:39] + "…"

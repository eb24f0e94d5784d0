"""A whole workbook → the document, the cell map of everything read, the reading findings.

Each sheet is read as one grid of values (python-calamine headless; `used_range.value`
through xlwings in live Excel). Jabatan sheets are recognised by their table header, the
Instansi sheet by its title; other sheets (Petunjuk, Referensi, a planner's notes) are
ignored. A planner's mistake becomes a finding with sheet and cell; only an unusable file
raises `UnusableFile`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iki_xl.core.findings import Finding, Severity
from iki_xl.core.model import Dokumen, Instansi, Jabatan, skala_baku
from iki_xl.errors import UnusableFile
from iki_xl.io.read import cell_map as M
from iki_xl.io.read.bounded import error_values, read_bounded_sheet
from iki_xl.io.read.cell_map import CellMap
from iki_xl.io.read.damage import damaged_jabatan_sheet, overwritten_formulas
from iki_xl.io.read.grid import normalise
from iki_xl.io.read.instansi_sheet import InstansiSheet, is_instansi_sheet, read_instansi_sheet
from iki_xl.io.read.jabatan_sheet import JabatanSheet, read_jabatan_sheet
from iki_xl.io.read.package import SheetScan, inspect_package


@dataclass
class ReadResult:
    dokumen: Dokumen
    cells: CellMap = field(default_factory=dict)
    sheet_order: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    jabatan_sheets: list[str] = field(default_factory=list)  # the sheet of jabatan[i]


def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return s[:40] or "jabatan"


def _unique_id(
    i: int, sheet: str, js: JabatanSheet, used: set[str]
) -> tuple[Jabatan, Finding | None]:
    """The jabatan with an ID of its own: an empty or repeated one is made from the name
    (IKI-X007)."""
    jab = js.jabatan
    if jab.id and jab.id not in used:
        return jab, None
    base = _slug(jab.nama or sheet)
    new, n = base, 2
    while new in used:
        new = f"{base}-{n}"
        n += 1
    what = f"ID jabatan '{jab.id}' sudah dipakai sheet lain" if jab.id else "ID jabatan kosong"
    finding = Finding(
        code=M.JABATAN_ID,
        severity=Severity.PERINGATAN,
        message=f"{what}; dibaca sebagai '{new}'",
        saran="isi ID Jabatan yang unik",
        jabatan=jab.nama,
        jalur=f"jabatan[{i}].id",
        sheet=sheet,
        cell=js.cells.get(f"jabatan[{i}].id", (sheet, "A1"))[1],
    )
    return jab.model_copy(update={"id": new}), finding


def read_grids(
    sheets: Iterable[tuple[str, Any]],
    source: str = "workbook",
    scans: Mapping[str, SheetScan] | None = None,
) -> ReadResult:
    """Parse a workbook given as (sheet name, grid) pairs in workbook order; `sheets` may be
    a generator, so that each grid is parsed as it is loaded and then let go. `scans`
    (headless only: the package check's view of each sheet's XML) lets the reader tell a
    computed cell whose formula was typed over."""
    order: list[str] = []
    findings: list[Finding] = []
    instansi: InstansiSheet | None = None
    jabatan: list[tuple[str, JabatanSheet]] = []
    any_jabatan_layout = False
    for name, grid in sheets:
        order.append(name)
        if instansi is None and (found := read_instansi_sheet(name, grid)) is not None:
            instansi = found
            continue
        js = read_jabatan_sheet(name, grid, prefix=f"jabatan[{len(jabatan)}]")
        if js is None:
            damaged = damaged_jabatan_sheet(name, normalise(grid))
            if damaged is not None:  # never silently dropped: a galat names the sheet
                findings.append(damaged)
                any_jabatan_layout = True
            elif is_instansi_sheet(normalise(grid)):
                findings.append(
                    Finding(
                        M.SHEET, Severity.PERINGATAN, "sheet profil instansi kedua diabaikan",
                        sheet=name, cell="A1",
                    )
                )  # fmt: skip
            continue
        any_jabatan_layout = True
        if scans is not None and name in scans:
            js.findings.extend(
                overwritten_formulas(
                    name, normalise(grid), js.columns, js.rows, js.jabatan.nama, scans[name]
                )
            )
        if not js.blank:
            jabatan.append((name, js))
    if not any_jabatan_layout:
        raise UnusableFile(f"{source}: bukan workbook IKI (tidak ada sheet jabatan)")
    cells: CellMap = {}
    if instansi is not None:
        cells.update(instansi.cells)
        findings.extend(instansi.findings)
    else:
        findings.append(
            Finding(
                M.SHEET,
                Severity.PERINGATAN,
                "sheet Instansi tidak ditemukan; profil instansi dibiarkan kosong",
            )
        )
    daftar: list[Jabatan] = []
    used: set[str] = set()
    for i, (name, js) in enumerate(jabatan):
        jab, finding = _unique_id(i, name, js, used)
        used.add(jab.id)
        daftar.append(jab)
        if finding is not None:
            findings.append(finding)
        cells.update(js.cells)
        findings.extend(js.findings)
    doc = Dokumen(
        instansi=instansi.instansi if instansi else Instansi(),
        skala_predikat=instansi.skala_predikat if instansi else skala_baku(),
        jabatan=daftar,
    )
    return ReadResult(doc, cells, order, findings, [n for n, _ in jabatan])


DENSE_CELLS = 12_000_000  # a sheet's extent calamine may allocate densely (~0.5 GB)
KEEP_COLUMNS = 1024  # an oversized sheet is read up to this column (the table has ~70)


def read_workbook(path: Path | str) -> ReadResult:
    """Read an IKI workbook (.xlsx/.xlsm) with python-calamine (values only), after the
    package check of `io.read.package` (bombs, duplicate parts, DTDs, CFB files refused;
    a sheet whose extent is absurd read in bounds, the far cells named)."""
    from python_calamine import CalamineWorkbook

    path = Path(path)
    package = inspect_package(path)
    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception:  # calamine raises several types for zip/xml/format errors
        raise UnusableFile(f"{path}: bukan workbook Excel yang dapat dibaca") from None
    unreadable: list[str] = []
    extra: list[Finding] = []

    def sheets() -> Iterator[tuple[str, Any]]:
        for name in wb.sheet_names:
            scan = package.sheets.get(name)
            try:
                if scan is not None and scan.cells > DENSE_CELLS:
                    grid, note = read_bounded_sheet(path, name, scan, KEEP_COLUMNS)
                    extra.extend(note)
                else:
                    grid = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
            except Exception:
                unreadable.append(name)
                grid = []
            yield name, grid

    try:
        result = read_grids(sheets(), str(path), scans=package.sheets)
    finally:
        wb.close()
    result.findings += extra
    result.findings += [
        Finding(
            M.SHEET,
            Severity.GALAT,
            "sheet ini tidak dapat dibaca (XML rusak); isinya tidak masuk dokumen",
            saran="buka berkas di Excel dan simpan ulang, atau salin isi sheet ke sheet baru",
            sheet=n,
            cell="A1",
        )
        for n in unreadable
    ]
    names = dict(zip(result.jabatan_sheets, (j.nama for j in result.dokumen.jabatan), strict=False))
    result.findings += error_values(result.cells, package, names)
    return result

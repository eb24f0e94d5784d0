"""Working on a live workbook through xlwings: every sheet read as one grid, protection
lifted for a moment, fills and notes, and the marks a validation leaves on the cells.

Excel over COM is slow per call, so a sheet is read in ONE call
(`used_range.options(ndim=2).value`); the only per-cell calls are the validation marks
(one fill and one note per offending cell). Protected sheets: the template protects its
sheets without a password; `unprotected` lifts the protection for that moment and puts it
back with the same permissions (through the sheet's COM object — xlwings has no protection
API).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import xlwings as xw

from iki_xl import layout as L
from iki_xl.errors import IkiError

if TYPE_CHECKING:
    from iki_xl.core.findings import Finding
    from iki_xl.io.read.grid import Grid
    from iki_xl.io.read.workbook import ReadResult

log = logging.getLogger(__name__)

APP_TITLE = "IKI"
# Marks of the last validation run live in hidden columns of "Hasil Validasi", right of
# the report: one row per marked cell, so the next run restores exactly those cells.
MARKS_COL = 26  # 0-based column AA
MARKS_HEADER = ("Tanda Validasi IKI (jangan diubah)", "Sel", "Warna asli", "Warna tanda", "Catatan")
NOTE_PREFIX = "Validasi IKI:\n"  # first line of every note we add; others are left alone
NOTE_MAX = 2000
ADDRESS_MAX = 250  # Excel's Range("A1,B2,…") takes at most 255 characters

# Worksheet.Protect keyword arguments kept when a sheet is unprotected and protected again.
_PROTECTION_PERMISSIONS = (
    "AllowFormattingCells",
    "AllowFormattingColumns",
    "AllowFormattingRows",
    "AllowInsertingColumns",
    "AllowInsertingRows",
    "AllowInsertingHyperlinks",
    "AllowDeletingColumns",
    "AllowDeletingRows",
    "AllowSorting",
    "AllowFiltering",
    "AllowUsingPivotTables",
)


class Stop(IkiError):
    """A macro stops with a message for the planner (missing sheet, unsaved workbook …)."""


def status(book: xw.Book, message: str) -> None:
    book.app.status_bar = f"{APP_TITLE}: {message}"


# ---------------------------------------------------------------- reading the workbook


@dataclass
class Book:
    """The workbook as the reader sees it: every sheet's grid (from A1), in order."""

    sheets: dict[str, xw.Sheet]
    grids: dict[str, Grid]
    read: ReadResult | None = None
    order: list[str] = field(default_factory=list)


def _sheet_grid(sheet: xw.Sheet) -> Grid:
    """One sheet's values as one grid starting at A1 (a single COM read of the values)."""
    from iki_xl.io.read.grid import normalise, offset

    used = sheet.used_range
    return offset(normalise(used.options(ndim=2).value), used.row - 1, used.column - 1)


def read_book(book: xw.Book, *, model: bool = True) -> Book:
    """Read every sheet as one grid and, with `model`, parse them (`read_grids`)."""
    from iki_xl.io.read.workbook import read_grids

    sheets = {s.name: s for s in book.sheets}
    grids: dict[str, Grid] = {}
    for i, (name, sheet) in enumerate(sheets.items(), start=1):
        status(book, f"membaca sheet {i} dari {len(sheets)} ({name}) …")
        grids[name] = _sheet_grid(sheet)
    result = Book(sheets, grids, order=list(sheets))
    if model:
        status(book, "membaca isian …")
        result.read = read_grids(list(grids.items()), book.name)
    return result


# ---------------------------------------------------------------- where the workbook is

# The xlwings.conf keys xlwings itself reads to find the local copy of a workbook that
# lives on OneDrive or SharePoint (then Excel's FullName is an https URL).
CLOUD_KEYS = ("ONEDRIVE_CONSUMER_WIN", "ONEDRIVE_COMMERCIAL_WIN", "SHAREPOINT_WIN")


def xlwings_conf(grid: Grid) -> dict[str, str]:
    """The xlwings.conf sheet as xlwings reads it: key (upper case) in column A, value in
    B, down to the first empty key."""
    from iki_xl.io.read.grid import grid_cell, is_empty, text

    conf: dict[str, str] = {}
    for r in range(len(grid)):
        key = grid_cell(grid, r, 0)
        if is_empty(key):
            break
        conf[text(key).strip().upper()] = text(grid_cell(grid, r, 1)).strip()
    return conf


def _raw_fullname(book: xw.Book) -> str:
    """Excel's own FullName, and what xlwings makes of it (the local path of a synced
    OneDrive/SharePoint file on Windows; it raises when it cannot tell)."""
    try:
        return str(book.fullname)
    except Exception:
        log.info("xlwings could not turn FullName into a local path", exc_info=True)
        return str(book.api.FullName)


def local_fullname(book: xw.Book, conf: dict[str, str]) -> Path | None:
    """The workbook's file on this computer; None when it is saved in the cloud and no
    local copy is found. Raises `Stop` when the workbook was never saved."""
    full = _raw_fullname(book)
    if "://" in full:
        from xlwings.utils import fullname_url_to_local_path

        try:
            full = fullname_url_to_local_path(
                full, *(os.path.expandvars(conf.get(k, "")) or None for k in CLOUD_KEYS)
            )
        except Exception:
            log.info("no local copy of %s", full, exc_info=True)
            return None
    path = Path(full)
    if not path.is_absolute() or not path.suffix:
        raise Stop(
            "Simpan buku kerja ini dulu (File → Save As): berkas keluaran ditulis di folder "
            "yang sama dengan buku kerja."
        )
    return path


def ask_open_path(book: xw.Book, title: str) -> Path | None:
    """Excel's own "Open" dialog (no file is opened by it): an IKI workbook or data file to
    read; None when the planner cancels. Raises `Stop` when the dialog is not available."""
    try:
        answer = book.app.api.GetOpenFilename(
            FileFilter="IKI (*.xlsm;*.xlsx;*.yaml;*.json),*.xlsm;*.xlsx;*.yaml;*.json",
            Title=title,
        )
    except Exception:
        log.warning("GetOpenFilename failed", exc_info=True)
        raise Stop(
            "Dialog pilih berkas tidak tersedia. Bandingkan dari baris perintah: "
            "iki-xl banding LAMA BARU -o perbandingan.xlsx"
        ) from None
    if answer is False or answer is None or not str(answer).strip():
        return None
    return Path(str(answer))


def ask_save_path(
    book: xw.Book, suggested: str, what: str = "berkas pengajuan IKI", action: str = "Konsolidasi"
) -> Path:
    """Excel's own "Save As" dialog (no file is saved by it): where to write `suggested`
    (`what`, named in the dialog's title). Raises `Stop` when the planner cancels or the
    dialog is not available."""
    try:
        answer = book.app.api.GetSaveAsFilename(
            InitialFilename=suggested,
            FileFilter="Buku Kerja Excel (*.xlsx),*.xlsx",
            Title=f"Simpan {what}",
        )
    except Exception:
        log.warning("GetSaveAsFilename failed", exc_info=True)
        answer = None
    if answer is None:
        raise Stop(
            "Buku kerja ini tersimpan di OneDrive/SharePoint dan salinannya di komputer ini "
            "tidak ditemukan. Isi lokasi folder OneDrive di sheet xlwings.conf "
            f"({', '.join(CLOUD_KEYS)}), atau simpan buku kerja di folder lokal."
        )
    if answer is False or not str(answer).strip():
        raise Stop(f"{action} dibatalkan: tidak ada lokasi untuk {what}.")
    path = Path(str(answer))
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


# ---------------------------------------------------------------- protection


@contextmanager
def unprotected(sheet: xw.Sheet) -> Iterator[None]:
    """Lift a sheet's (password-less) protection for a moment, then restore it as it was."""
    api = sheet.api
    if not api.ProtectContents:
        yield
        return
    p = api.Protection
    permissions = {k: bool(getattr(p, k)) for k in _PROTECTION_PERMISSIONS}
    drawings, scenarios = bool(api.ProtectDrawingObjects), bool(api.ProtectScenarios)
    try:
        api.Unprotect("")
    except Exception:
        raise Stop(
            f"Sheet '{sheet.name}' diproteksi dengan kata sandi. Buka proteksinya dulu "
            "(Review → Unprotect Sheet), lalu jalankan lagi."
        ) from None
    try:
        yield
    finally:
        api.Protect("", DrawingObjects=drawings, Contents=True, Scenarios=scenarios, **permissions)


# ---------------------------------------------------------------- cells and colours


def addresses(cells: Iterable[str]) -> list[str]:
    """Cells as few multi-area addresses ("A1,C3,…") as Excel's 255-character limit allows."""
    result: list[str] = []
    current = ""
    for c in cells:
        if current and len(current) + 1 + len(c) > ADDRESS_MAX:
            result.append(current)
            current = ""
        current = f"{current},{c}" if current else c
    if current:
        result.append(current)
    return result


def hex_color(color: Any) -> str:
    """xlwings' colour (RGB tuple or None) as "#RRGGBB" ("" for no fill)."""
    if color is None:
        return ""
    if isinstance(color, str):
        return color.upper()
    r, g, b = color
    return f"#{int(r):02X}{int(g):02X}{int(b):02X}"


def fill(sheet: xw.Sheet, by_color: dict[str, list[str]]) -> None:
    for color, cells in by_color.items():
        for address in addresses(cells):
            sheet.range(address).color = color or None


# ---------------------------------------------------------------- validation marks


@dataclass(frozen=True)
class Mark:
    sheet: str
    cell: str
    original: str  # original fill, "#RRGGBB" or "" (none)
    set_to: str  # the fill we set
    note: bool  # we added the note


def stored_marks(grid: Grid) -> list[Mark]:
    from iki_xl.io.read.grid import grid_cell, text

    if L.normal_label(text(grid_cell(grid, 0, MARKS_COL))) != L.normal_label(MARKS_HEADER[0]):
        return []
    marks = []
    for r in range(1, len(grid)):
        sheet, cell = text(grid_cell(grid, r, MARKS_COL)), text(grid_cell(grid, r, MARKS_COL + 1))
        if not sheet or not cell:
            break
        marks.append(
            Mark(
                sheet,
                cell,
                text(grid_cell(grid, r, MARKS_COL + 2)).upper(),
                text(grid_cell(grid, r, MARKS_COL + 3)).upper(),
                text(grid_cell(grid, r, MARKS_COL + 4)) == "ya",
            )
        )
    return marks


def remove_marks(wb: Book, marks: list[Mark]) -> None:
    """Take last run's marks off: our notes, and the original fill where ours is still on."""
    by_sheet: dict[str, list[Mark]] = {}
    for m in marks:
        by_sheet.setdefault(m.sheet, []).append(m)
    for name, sheet_marks in by_sheet.items():
        sheet = wb.sheets.get(name)
        if sheet is None:  # the sheet was deleted or renamed since
            continue
        with unprotected(sheet):
            restore: dict[str, list[str]] = {}
            for m in sheet_marks:
                rng = sheet.range(m.cell)
                if m.note:
                    note = rng.note
                    if note is not None and note.text.startswith(NOTE_PREFIX):
                        note.delete()
                if hex_color(rng.color) == m.set_to:  # the planner has not recoloured it
                    restore.setdefault(m.original, []).append(m.cell)
            fill(sheet, restore)


def add_marks(wb: Book, findings: list[Finding]) -> list[Mark]:
    """Fill each offending cell by its worst severity and add a note (unless it has one)."""
    from iki_xl.io.write.report import SEVERITY_COLORS, cell_notes

    by_sheet: dict[str, list[tuple[str, Any, str]]] = {}
    for (name, cell), (severity, text) in cell_notes(findings).items():
        if name in wb.sheets:
            by_sheet.setdefault(name, []).append((cell, severity, text))
    marks: list[Mark] = []
    for name, cells in by_sheet.items():
        sheet = wb.sheets[name]
        with unprotected(sheet):
            by_color: dict[str, list[str]] = {}
            for cell, severity, text in cells:
                rng = sheet.range(cell)
                original = hex_color(rng.color)
                add_note = rng.note is None
                if add_note:
                    rng.add_note((NOTE_PREFIX + text)[:NOTE_MAX])
                color = SEVERITY_COLORS[severity].upper()
                by_color.setdefault(color, []).append(cell)
                marks.append(Mark(name, cell, original, color, add_note))
            fill(sheet, by_color)
    return marks

"""One jabatan sheet: the header block, the indicator table, the Tugas and Fungsi lists.

The computed cells are formulas calling the IKI functions, with the core's result as their
cached value. Every position comes from `iki_xl.layout`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from iki_xl import layout as L
from iki_xl.core.compute import compute_indikator
from iki_xl.core.keputusan import CONTOH_MARK
from iki_xl.core.model import BandPredikat, Indikator, Isian, Jabatan, Kinerja, RentangTarget
from iki_xl.core.numbers import Result, list_letter
from iki_xl.io.text_height import height_for_lines, line_count
from iki_xl.io.write.cells import write_merged, write_number, write_text
from iki_xl.io.write.styles import Styles, row_height


def _width(c0: int, c1: int) -> float:
    return sum(L.TABLE[i].width for i in range(c0, c1 + 1))


def _cached(result: Result) -> float | str:
    """The cached value of a computed cell: the number, or the reason there is none."""
    return result.value if result.value is not None else result.reason


class _Table:
    """Writes the indicator table and collects the lines each row needs (row → lines):
    neither Excel nor LibreOffice autofits the rows of a generated file."""

    def __init__(self, ws: Worksheet, skala: Sequence[BandPredikat], styles: Styles) -> None:
        self.ws = ws
        self.skala = skala
        self.styles = styles
        self.lines: dict[int, int] = {}

    def text(self, r: int, c: int, s: str, fmt: Format) -> None:
        write_text(self.ws, r, c, s, fmt)
        if s:
            n = line_count(s, L.TABLE[c].width, L.FONT_SIZE)
            if n > self.lines.get(r, 1):
                self.lines[r] = n

    def isian(self, r: int, c: int, v: Isian, fmt: Format) -> None:
        if isinstance(v, str):
            self.text(r, c, v, fmt)
        else:
            write_number(self.ws, r, c, v, fmt)

    def set_heights(self) -> None:
        for row, n in self.lines.items():
            if n > 1:
                self.ws.set_row(row, height_for_lines(n, L.FONT_SIZE))

    def kinerja(self, r: int, no: int, kin: Kinerja) -> int:
        """Write one kinerja from row r; return the number of rows used."""
        if not kin.indikator:
            blank_row(self.ws, r, self.styles, first=True)
            n = 1
        else:
            n = 0
            for i, ind in enumerate(kin.indikator):
                n += self.indikator(r + n, f"{no}.{i + 1}", ind)
        self.ws.write_number(r, L.COL["no_kinerja"], no, self.styles.input_marker)
        self.text(r, L.COL["sasaran"], kin.sasaran, self.styles.input_text)
        return n

    def indikator(self, r0: int, no_ik: str, ind: Indikator) -> int:
        """Write one indicator's block from row r0; return the number of rows used."""
        K, g = L.COL, self.styles
        rows, n = indikator_rows(ind)
        for j in range(n):
            blank_row(self.ws, r0 + j, g, first=j == 0)
        text, number = g.input_text, g.input_number
        self.text(r0, K["no_indikator"], no_ik, g.input_marker)
        self.text(r0, K["indikator"], ind.nama, text)
        self.text(r0, K["jenis"], str(ind.jenis or ""), text)
        self.text(r0, K["formulasi"], ind.formulasi, text)
        self.text(r0, K["penjelasan"], ind.penjelasan, text)
        self.text(r0, K["ekspresi"], ind.ekspresi, text)
        self.text(r0, K["satuan"], ind.satuan, text)
        self.text(r0, K["polaritas"], str(ind.polaritas), text)
        if isinstance(ind.target, RentangTarget):
            write_number(self.ws, r0, K["target"], ind.target.bawah, number)
            write_number(self.ws, r0, K["target_atas"], ind.target.atas, number)
        else:
            self.isian(r0, K["target"], ind.target, number)
        self.text(r0, K["agregasi"], str(ind.agregasi or ""), text)
        write_number(self.ws, r0, K["baseline"], ind.baseline, number)
        self.text(r0, K["sumber_data"], ind.sumber_data, text)
        self.text(r0, K["mendukung"], ind.mendukung, text)
        for j, komponen in enumerate(rows):
            r = r0 + j
            if komponen is None:
                realisasi = ind.realisasi
            else:
                self.text(r, K["kode"], komponen.kode, text)
                self.text(r, K["komponen"], komponen.nama, text)
                realisasi = komponen.realisasi
            for q, c in enumerate(L.REALISASI_COLS):
                self.isian(r, c, realisasi[q], number)
        for j, level in enumerate(ind.skala):
            self.text(r0 + j, K["level"], level.nama, text)
            write_number(self.ws, r0 + j, K["level_bawah"], level.bawah, number)
            write_number(self.ws, r0 + j, K["level_atas"], level.atas, number)
        self.computed(r0, r0 + n - 1, ind)
        return n

    def computed(self, r0: int, r1: int, ind: Indikator) -> None:
        """The formulas of the block r0..r1, with the core's result as cached value."""
        result = compute_indikator(ind, self.skala)
        formulas = L.indikator_formulas(r0, r1)
        fmt, K, ws = self.styles.computed, L.COL, self.ws
        for q in range(4):
            key = f"nilai{q}"
            ws.write_formula(r0, K[key], formulas[key], fmt["result"], _cached(result.quarters[q]))
        ws.write_formula(r0, K["tahunan"], formulas["tahunan"], fmt["result"], _cached(result.year))
        ws.write_formula(
            r0, K["capaian"], formulas["capaian"], fmt["percent"], _cached(result.capaian)
        )
        ws.write_formula(r0, K["predikat"], formulas["predikat"], fmt["text"], result.predikat)


def indikator_rows(ind: Indikator) -> tuple[list[Any], int]:
    """Rows of an indicator's block: first the direct-realisasi row (None; when the indicator
    has no components, or has directly entered values too), then one row per component; and
    the block's height (at least one row, and room for every level of its scale)."""
    direct = not ind.komponen or any(x is not None for x in ind.realisasi)
    rows: list[Any] = ([None] if direct else []) + list(ind.komponen)
    return rows, max(len(rows), len(ind.skala), 1)


def blank_row(ws: Worksheet, r: int, g: Styles, *, first: bool) -> None:
    """Formatting of an empty table row (no values)."""
    for c, k in enumerate(L.TABLE):
        if k.role == "computed":
            ws.write_blank(r, c, None, g.computed_continuation)
        elif first or (k.key not in L.FIRST_ROW_KEYS and k.key not in ("no_kinerja", "sasaran")):
            fmt = g.input_marker if k.role == "marker" else g.input(k.format)
            ws.write_blank(r, c, None, fmt)
        else:
            fmt = g.continuation if k.format == "text" else g.continuation_number
            ws.write_blank(r, c, None, fmt)


def _table_header(ws: Worksheet, g: Styles) -> None:
    r1, r2 = L.TABLE_HEADER_ROW, L.TABLE_HEADER_ROW + 1
    columns = L.TABLE
    i = 0
    while i < len(columns):
        k = columns[i]
        if not k.group:
            ws.merge_range(r1, i, r2, i, k.title, g.header)
            i += 1
            continue
        j = i
        while j + 1 < len(columns) and columns[j + 1].group == k.group:
            j += 1
        if j > i:
            ws.merge_range(r1, i, r1, j, k.group, g.header)
        else:
            write_text(ws, r1, i, k.group, g.header)
        for c in range(i, j + 1):
            write_text(ws, r2, c, columns[c].title, g.header)
        i = j + 1
    ws.set_row(r1, 18)
    ws.set_row(r2, 30)


def _jabatan_header(ws: Worksheet, jab: Jabatan, atasan_name: str, g: Styles) -> None:
    last = L.HEADER_VALUE_LAST_COL
    ws.merge_range(L.TITLE_ROW, 0, L.TITLE_ROW, last, L.JABATAN_TITLE, g.title)
    ws.set_row(L.TITLE_ROW, 22)
    values = {
        "nama": jab.nama,
        "jenis": str(jab.jenis or ""),
        "unit": jab.unit,
        "atasan": jab.atasan or "",
        "id": jab.id,
    }
    value_col = L.HEADER_VALUE_COL
    for i, (key, label) in enumerate(L.JABATAN_HEADER):
        r = L.HEADER_FIRST_ROW + i
        write_text(ws, r, L.HEADER_LABEL_COL, label, g.label)
        write_text(ws, r, L.HEADER_LABEL_COL + 1, ":", g.colon)
        if key == "atasan":
            write_text(ws, r, value_col, values[key], g.input_text)
            ws.merge_range(r, L.ATASAN_NAME_COL, r, last, "", g.computed["text"])
            ws.write_formula(
                r, L.ATASAN_NAME_COL, L.atasan_name_formula(r), g.computed["text"], atasan_name
            )
        else:
            write_merged(ws, r, value_col, r, last, values[key], g.input_text)
            if key == "nama" and values[key]:
                ws.set_row(r, row_height(values[key], _width(value_col, last)))
    rows = {k: L.HEADER_FIRST_ROW + i for i, (k, _) in enumerate(L.JABATAN_HEADER)}
    ws.data_validation(
        rows["jenis"], value_col, rows["jenis"], value_col,
        {"validate": "list", "source": "=DaftarJenisJabatan"},
    )  # fmt: skip
    ws.data_validation(
        rows["atasan"], value_col, rows["atasan"], value_col,
        {"validate": "list", "source": f"={L.NAME_JABATAN_IDS}", "error_type": "warning",
         "error_title": "Atasan", "error_message": "ID jabatan ini tidak ada di daftar jabatan."},
    )  # fmt: skip


def _write_list(ws: Worksheet, r: int, label: str, items: Sequence[str], g: Styles) -> int:
    """A heading row and one row per line; an empty list still gets one empty line."""
    write_text(ws, r, L.LIST_MARKER_COL, label, g.prose_heading)
    width = _width(L.LIST_TEXT_COL, L.LIST_LAST_COL)
    lines = list(items) or [""]
    for i, s in enumerate(lines):
        rr = r + 1 + i
        write_text(ws, rr, L.LIST_MARKER_COL, f"{list_letter(i)}.", g.list_marker)
        write_merged(ws, rr, L.LIST_TEXT_COL, rr, L.LIST_LAST_COL, s, g.input_text)
        ws.set_row(rr, row_height(s, width))
    return 1 + len(lines)


def _dropdowns(ws: Worksheet, first: int, last: int) -> None:
    for c, k in enumerate(L.TABLE):
        if k.dropdown:
            options: dict[str, Any] = {"validate": "list", "source": f"={k.dropdown}"}
            if not k.strict_dropdown:
                options["show_error"] = False
            ws.data_validation(first, c, last, c, options)


def _mark_contoh(ws: Worksheet, g: Styles) -> None:
    """Example figures (the demo): said on the sheet, under its title, and on every page."""
    write_text(ws, L.TITLE_ROW + 1, 0, CONTOH_MARK, g.contoh)
    ws.set_header(f'&C&"Arial,Bold"&11{CONTOH_MARK}')


def _print_and_protect(ws: Worksheet) -> None:
    ws.freeze_panes(L.TABLE_HEADER_ROW + 2, L.COL["indikator"] + 1)
    ws.set_landscape()
    ws.set_paper(L.PAPER_A4)
    ws.fit_to_pages(L.PAGES_WIDE, 0)
    ws.repeat_rows(L.TABLE_HEADER_ROW, L.TABLE_HEADER_ROW + 1)
    ws.repeat_columns(0, L.COL["indikator"])
    ws.set_margins(**L.MARGINS)
    ws.set_footer(L.FOOTER)
    ws.protect(
        "",
        {
            "insert_rows": True,
            "delete_rows": True,
            "format_rows": True,
            "format_columns": True,
            "format_cells": True,
        },
    )


def write_jabatan_sheet(
    ws: Worksheet,
    jab: Jabatan,
    atasan_name: str,
    skala: Sequence[BandPredikat],
    styles: Styles,
    *,
    blank_rows: int = 0,
    contoh: bool = False,
) -> None:
    """Write a jabatan's sheet; `blank_rows` empty table rows follow its kinerja (the blank
    sheets a planner starts from); `contoh`: its figures are examples (marked CONTOH)."""
    for i, k in enumerate(L.TABLE):
        ws.set_column(i, i, k.width)
    _jabatan_header(ws, jab, atasan_name, styles)
    _table_header(ws, styles)
    r = first = L.TABLE_HEADER_ROW + 2
    table = _Table(ws, skala, styles)
    for no, kin in enumerate(jab.kinerja, start=1):
        r += table.kinerja(r, no, kin)
    table.set_heights()
    for _ in range(blank_rows):
        blank_row(ws, r, styles, first=True)
        r += 1
    _dropdowns(ws, first, max(r, first + 1))  # also covers the empty row after the table
    r += 1
    for key, label in L.JABATAN_LISTS:
        items = jab.tugas if key == "tugas" else jab.fungsi
        r += _write_list(ws, r, label, items, styles) + 1
    if contoh:
        _mark_contoh(ws, styles)
    _print_and_protect(ws)

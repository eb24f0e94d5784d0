"""One jabatan sheet: the header block, the indicator table, the Tugas and Fungsi lists.

The computed cells are formulas with the core's result as their cached value, so the file
reads right in any program before Excel recalculates: one IKI function call per indicator
(an array over Nilai TW I–IV, Nilai s.d. TW and s.d. TW), the rest native Excel formulas
(`layout.indikator_formulas`). Every position comes from `iki_xl.layout`.

Protection: the sheet is protected, but every row of the table and of the lists is
unlocked, whole, because Excel deletes a row of a protected sheet only when every cell of
it is unlocked. The computed cells are guarded by a validation that refuses typing instead
(and Hitung Ulang puts back any formula that was removed).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from iki_xl import layout as L
from iki_xl.core.compute import compute_indikator, nilai_cells, shown, target_cell
from iki_xl.core.keputusan import CONTOH_MARK
from iki_xl.core.model import BandPredikat, Indikator, Isian, Jabatan, Kinerja, RentangTarget
from iki_xl.core.numbers import list_letter
from iki_xl.io.text_height import height_for_lines, line_count
from iki_xl.io.write.cells import write_merged, write_number, write_text
from iki_xl.io.write.styles import Styles, row_height

# rows below the table's first row that validations and conditional formats cover, so
# that rows a planner inserts are covered too
COVERED_ROWS = 1000


def _width(c0: int, c1: int) -> float:
    return sum(L.TABLE[i].width for i in range(c0, c1 + 1))


class _Rows:
    """The heights the rows need (neither Excel nor LibreOffice autofits the rows of a
    generated file), set once per row together with the row's unlocked format."""

    def __init__(self) -> None:
        self.heights: dict[int, float] = {}

    def need(self, r: int, height: float) -> None:
        if height > self.heights.get(r, 0.0):
            self.heights[r] = height

    def set(self, ws: Worksheet, first: int, last: int, fmt: Format) -> None:
        for r in range(first, last + 1):
            ws.set_row(r, self.heights.get(r), fmt)


class _Table:
    """Writes the indicator table."""

    def __init__(self, ws: Worksheet, skala: Sequence[BandPredikat], g: Styles, rows: _Rows):
        self.ws, self.skala, self.g, self.rows = ws, skala, g, rows
        # (first row, cached values) of each indicator: its formulas are written once the
        # row after its block (its fence) is known
        self.formulas: list[tuple[int, dict[str, Any]]] = []
        self.starts: list[int] = []  # every row that starts a kinerja or an indicator

    def text(self, r: int, c: int, s: str, fmt: Format) -> None:
        write_text(self.ws, r, c, s, fmt)
        if s:
            n = line_count(s, L.TABLE[c].width, L.FONT_SIZE)
            if n > 1:
                self.rows.need(r, height_for_lines(n, L.FONT_SIZE))

    def isian(self, r: int, c: int, v: Isian, fmt: Format) -> None:
        if isinstance(v, str):
            self.text(r, c, v, fmt)
        else:
            write_number(self.ws, r, c, v, fmt)

    def kinerja(self, r: int, no: int, kin: Kinerja) -> int:
        """Write one kinerja from row r; return the number of rows used."""
        self.starts.append(r)
        if not kin.indikator:
            blank_row(self.ws, r, self.g, first=True)
            n = 1
        else:
            n = 0
            for i, ind in enumerate(kin.indikator):
                n += self.indikator(r + n, f"{no}.{i + 1}", ind)
        self.ws.write_number(r, L.COL["no_kinerja"], no, self.g.input_marker)
        self.text(r, L.COL["sasaran"], kin.sasaran, self.g.input_text)
        return n

    def _first_row(self, r0: int, no_ik: str, ind: Indikator) -> None:
        K, g = L.COL, self.g
        text, number = g.input_text, g.input_number
        self.text(r0, K["no_indikator"], no_ik, g.input_marker)
        for key, value in (
            ("indikator", ind.nama),
            ("jenis", str(ind.jenis or "")),
            ("formulasi", ind.formulasi),
            ("penjelasan", ind.penjelasan),
            ("ekspresi", ind.ekspresi),
            ("satuan", ind.satuan),
            ("polaritas", str(ind.polaritas)),
            ("agregasi", str(ind.agregasi or "")),
            ("sumber_data", ind.sumber_data),
            ("mendukung", ind.mendukung),
        ):
            self.text(r0, K[key], value, text)
        if isinstance(ind.target, RentangTarget):
            write_number(self.ws, r0, K["target"], ind.target.bawah, number)
            write_number(self.ws, r0, K["target_atas"], ind.target.atas, number)
        else:
            self.isian(r0, K["target"], ind.target, number)
        write_number(self.ws, r0, K["baseline"], ind.baseline, number)
        for q in range(4):
            self.isian(r0, K[f"target_tw{q}"], ind.target_triwulan[q], number)
            self.text(r0, K[f"pendukung{q}"], ind.faktor_pendukung[q], text)
            self.text(r0, K[f"penghambat{q}"], ind.faktor_penghambat[q], text)
            self.text(r0, K[f"tindak_lanjut{q}"], ind.tindak_lanjut[q], text)

    def indikator(self, r0: int, no_ik: str, ind: Indikator) -> int:
        """Write one indicator's block from row r0; return the number of rows used."""
        K, g = L.COL, self.g
        self.starts.append(r0)
        rows, n = indikator_rows(ind)
        for j in range(n):
            blank_row(self.ws, r0 + j, g, first=j == 0)
        self._first_row(r0, no_ik, ind)
        for j, komponen in enumerate(rows):
            r = r0 + j
            if komponen is None:
                realisasi = ind.realisasi
            else:
                self.text(r, K["kode"], komponen.kode, g.input_text)
                self.text(r, K["komponen"], komponen.nama, g.input_text)
                realisasi = komponen.realisasi
            for q, c in enumerate(L.REALISASI_COLS):
                self.isian(r, c, realisasi[q], g.input_number)
        for j, level in enumerate(ind.skala):
            self.text(r0 + j, K["level"], level.nama, g.input_text)
            write_number(self.ws, r0 + j, K["level_bawah"], level.bawah, g.input_number)
            write_number(self.ws, r0 + j, K["level_atas"], level.atas, g.input_number)
        result = compute_indikator(ind, self.skala)
        cached = {
            "nilai": nilai_cells(result),
            "target_sd": target_cell(ind, result),
            "capaian_sd": shown(result.capaian_to_date),
            "capaian": shown(result.capaian),
            "predikat": result.predikat_shown,
        }
        self.formulas.append((r0, cached))
        return n

    def write_formulas(self, end: int) -> None:
        """Each indicator's formulas, fenced by the next row that starts a kinerja or an
        indicator, or by `end`."""
        for r0, cached in self.formulas:
            fence = min((s for s in self.starts if s > r0), default=end)
            write_formulas(self.ws, r0, fence, self.g, cached)


_BLANK: dict[str, Any] = {
    "nilai": ("", "", "", "", "", ""),
    "target_sd": "",
    "capaian_sd": "",
    "capaian": "",
    "predikat": "",
}


def write_formulas(
    ws: Worksheet, r0: int, fence: int, g: Styles, cached: dict[str, Any] = _BLANK
) -> None:
    """The computed cells of the indicator whose first row is r0 and whose block ends
    before `fence`, with their cached values (blank: a row where no indicator starts yet)."""
    formulas = L.indikator_formulas(r0, fence)
    fmt = g.computed
    quarters, value_to_date, last_quarter = (
        cached["nilai"][:4],
        cached["nilai"][4],
        cached["nilai"][5],
    )
    c0, c1 = L.UDF_COLS
    ws.write_array_formula(
        r0, c0, r0, c1, "{" + formulas["nilai0"] + "}", fmt[L.TABLE[c0].format], quarters[0]
    )
    for i, v in enumerate(quarters[1:], start=1):  # the array's other cells hold its values
        c = c0 + i
        if isinstance(v, str):
            write_text(ws, r0, c, v, fmt[L.TABLE[c].format])
        else:
            write_number(ws, r0, c, float(v), fmt[L.TABLE[c].format])
    values = {"nilai_sd": value_to_date, "tw_akhir": last_quarter} | {
        key: cached[key] for key in ("target_sd", "capaian_sd", "capaian", "predikat")
    }
    for key, v in values.items():
        c = L.COL[key]
        ws.write_formula(r0, c, formulas[key], fmt[L.TABLE[c].format], v)


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
            ws.merge_range(r, L.ATASAN_NAME_COL, r, last, "", g.computed_locked)
            ws.write_formula(
                r, L.ATASAN_NAME_COL, L.atasan_name_formula(r), g.computed_locked, atasan_name
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


def _write_list(
    ws: Worksheet, r: int, label: str, items: Sequence[str], g: Styles, rows: _Rows
) -> int:
    """A heading row and one row per line; an empty list still gets one empty line."""
    write_text(ws, r, L.LIST_MARKER_COL, label, g.prose_heading)
    width = _width(L.LIST_TEXT_COL, L.LIST_LAST_COL)
    lines = list(items) or [""]
    for i, s in enumerate(lines):
        rr = r + 1 + i
        write_text(ws, rr, L.LIST_MARKER_COL, f"{list_letter(i)}.", g.list_marker)
        write_merged(ws, rr, L.LIST_TEXT_COL, rr, L.LIST_LAST_COL, s, g.input_text)
        rows.need(rr, row_height(s, width))
    return 1 + len(lines)


def _validations(ws: Worksheet, first: int) -> None:
    """Per column: the dropdown list, if any, and the input message Excel shows; computed
    columns refuse typing."""
    last = first + COVERED_ROWS
    for c, k in enumerate(L.TABLE):
        options: dict[str, Any] = {"input_title": k.title[:32], "input_message": k.hint}
        if k.role == "computed":
            options |= {
                "validate": "custom",
                "value": "=FALSE",
                "error_title": "Sel dihitung otomatis",
                "error_message": "Sel ini diisi oleh rumus IKI. Ketik di sel kuning; "
                "rumus yang terhapus dikembalikan oleh Hitung Ulang.",
            }
        elif k.dropdown:
            options |= {"validate": "list", "source": f"={k.dropdown}"}
            if not k.strict_dropdown:
                options["show_error"] = False
        else:
            options["validate"] = "any"
        ws.data_validation(first, c, last, c, options)


def _band(cell: str) -> str:
    """The position (1 = top) of a capaian's band on the Instansi scale."""
    bounds = f"INDEX({L.NAME_SKALA},0,2)"
    return f'1+SUMPRODUCT(({bounds}<>"")*({bounds}>={cell}))'


def _conditional_formats(ws: Worksheet, first: int, g: Styles) -> None:
    """Capaian and predikat coloured by the capaian's band on the Instansi scale, grey while
    the year is incomplete; empty required cells of an indicator or kinerja marked red."""
    last = first + COVERED_ROWS

    def ref(key: str, *, fixed_column: bool = False) -> str:
        c = L.column_letters(L.COL[key])
        return f"{'$' if fixed_column else ''}{c}{first + 1}"

    for key, value in (
        ("capaian_sd", "capaian_sd"),
        ("capaian", "capaian"),
        ("predikat", "capaian"),
    ):
        c = L.COL[key]
        v = ref(value, fixed_column=True)
        rules = [(f'={ref(key)}="belum lengkap"', g.band_incomplete)]
        rules += [
            (f"=AND(ISNUMBER({v}),{_band(v)}={i + 1})", fmt) for i, fmt in enumerate(g.bands[:-1])
        ]
        rules.append((f"=AND(ISNUMBER({v}),{_band(v)}>={len(g.bands)})", g.bands[-1]))
        for criteria, fmt in rules:
            ws.conditional_format(
                first, c, last, c, {"type": "formula", "criteria": criteria, "format": fmt}
            )
    # an indicator row has a name; a kinerja row a number in No (the lists' letters are text)
    indikator = f'{ref("indikator", fixed_column=True)}<>""'
    kinerja = f"ISNUMBER({ref('no_kinerja', fixed_column=True)})"
    for key, marker in (("formulasi", indikator), ("sumber_data", indikator), ("sasaran", kinerja)):
        c = L.COL[key]
        criteria = f'=AND({marker},{ref(key)}="")'
        ws.conditional_format(
            first, c, last, c, {"type": "formula", "criteria": criteria, "format": g.required_empty}
        )


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
    sheets a planner starts from), each with the computed formulas ready, so that an
    indicator typed into any of them computes at once; `contoh`: its figures are examples
    (marked CONTOH)."""
    for i, k in enumerate(L.TABLE):
        ws.set_column(i, i, k.width)
    _jabatan_header(ws, jab, atasan_name, styles)
    _table_header(ws, styles)
    r = first = L.TABLE_HEADER_ROW + 2
    rows = _Rows()
    table = _Table(ws, skala, styles, rows)
    for no, kin in enumerate(jab.kinerja, start=1):
        r += table.kinerja(r, no, kin)
    blank_first = r
    for _ in range(blank_rows):
        blank_row(ws, r, styles, first=True)
        r += 1
    # the fence of the last block, and of each blank row, is the Tugas heading: an empty
    # row is left between it and the table
    tugas = r + 1
    table.write_formulas(tugas)
    for b in range(blank_first, r):
        write_formulas(ws, b, tugas, styles)
    _validations(ws, first)
    _conditional_formats(ws, first, styles)
    r = tugas
    for key, label in L.JABATAN_LISTS:
        items = jab.tugas if key == "tugas" else jab.fungsi
        r += _write_list(ws, r, label, items, styles, rows) + 1
    rows.set(ws, first, r, styles.row_unlocked)
    if contoh:
        _mark_contoh(ws, styles)
    _print_and_protect(ws)

"""The Instansi sheet: the profile of the Dinas, Menimbang, Mengingat, the predikat scale."""

from __future__ import annotations

from typing import Any

from xlsxwriter.worksheet import Worksheet

from iki_xl import layout as L
from iki_xl.core.model import Dokumen
from iki_xl.core.numbers import list_letter
from iki_xl.io.text_height import line_count, text_height
from iki_xl.io.write.cells import write_number, write_text
from iki_xl.io.write.styles import Styles

SKALA_NOTE = (
    "Dibaca dari atas: predikat diberikan bila capaian (%) lebih dari batasnya; "
    "batas kosong = semua capaian sisanya. Dipakai oleh fungsi IKI_PREDIKAT."
)


def _fit(ws: Worksheet, r: int, text: object) -> None:
    """A row tall enough for its wrapped value: neither Excel nor LibreOffice autofits the
    rows of a generated file (Menimbang and Mengingat items run to several lines)."""
    width = L.INSTANSI_WIDTHS[L.INSTANSI_VALUE_COL]
    if isinstance(text, str) and line_count(text, width, L.FONT_SIZE) > 1:
        ws.set_row(r, text_height(text, width, L.FONT_SIZE))


def _fields(ws: Worksheet, doc: Dokumen, g: Styles, r: int) -> int:
    """The profile fields and the Menimbang/Mengingat lists from row r; returns the next row."""
    label_col, value_col = L.INSTANSI_LABEL_COL, L.INSTANSI_VALUE_COL
    for jalur, label, number_format in L.INSTANSI_FIELDS:
        write_text(ws, r, label_col, label, g.label)
        value: Any = doc.instansi
        for part in jalur.split("."):
            value = getattr(value, part)
        if number_format == "integer":
            write_number(ws, r, value_col, None if value is None else float(value), g.input_number)
        else:
            write_text(ws, r, value_col, value, g.input_text)
            _fit(ws, r, value)
        r += 1
    for key, label in L.INSTANSI_LISTS:
        r += 1
        write_text(ws, r, label_col, label, g.label)
        r += 1
        for i, s in enumerate(getattr(doc.instansi, key) or [""]):
            marker = f"{list_letter(i)}." if key == "menimbang" else f"{i + 1}."
            write_text(ws, r, label_col, marker, g.list_marker)
            write_text(ws, r, value_col, s, g.input_text)
            _fit(ws, r, s)
            r += 1
    return r


def write_instansi_sheet(ws: Worksheet, doc: Dokumen, g: Styles) -> str:
    """Write the Instansi sheet; return the reference of the predikat scale table."""
    ws.set_column(0, 0, L.INSTANSI_WIDTHS[0])
    ws.set_column(1, 1, L.INSTANSI_WIDTHS[1])
    write_text(ws, 0, 0, L.INSTANSI_TITLE, g.title)
    ws.set_row(0, 22)
    write_text(ws, 1, 0, "Isi sel berwarna kuning. Sel biru dihitung otomatis.", g.subtitle)
    label_col, value_col = L.INSTANSI_LABEL_COL, L.INSTANSI_VALUE_COL
    r = _fields(ws, doc, g, L.INSTANSI_FIRST_ROW) + 1
    write_text(ws, r, label_col, L.SKALA_LABEL, g.label)
    write_text(ws, r, value_col, SKALA_NOTE, g.subtitle)
    r += 1
    write_text(ws, r, label_col, L.SKALA_HEADER[0], g.header)
    write_text(ws, r, value_col, L.SKALA_HEADER[1], g.header)
    r += 1
    skala = doc.skala_predikat
    n = max(L.SKALA_MIN_ROWS, len(skala) + 3)
    for i in range(n):
        band = skala[i] if i < len(skala) else None
        write_text(ws, r + i, label_col, band.predikat if band else "", g.input_text)
        write_number(ws, r + i, value_col, band.di_atas if band else None, g.input_number)
    reference = (
        f"='{L.SHEET_INSTANSI}'!{L.range_ref(r, label_col, r + n - 1, value_col, absolute=True)}"
    )
    ws.protect("", {"insert_rows": True, "delete_rows": True, "format_rows": True,
                    "format_columns": True})  # fmt: skip
    ws.set_portrait()
    ws.set_paper(L.PAPER_A4)
    ws.fit_to_pages(1, 0)
    return reference

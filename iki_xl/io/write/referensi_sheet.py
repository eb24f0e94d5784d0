"""The Referensi sheet: the dropdown lists and the jabatan list, with their defined names."""

from __future__ import annotations

from collections.abc import Sequence

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from iki_xl import layout as L
from iki_xl.core.model import Agregasi, Dokumen, JenisFormula, JenisJabatan, Polaritas
from iki_xl.io.write.cells import write_text
from iki_xl.io.write.styles import Styles


def write_referensi_sheet(ws: Worksheet, wb: Workbook, doc: Dokumen, g: Styles) -> None:
    lists: dict[str, Sequence[str]] = {
        "DaftarJenisJabatan": [str(x) for x in JenisJabatan],
        "DaftarJenisFormula": [str(x) for x in JenisFormula],
        "DaftarSatuan": L.SATUAN_CHOICES,
        "DaftarPolaritas": [str(x) for x in Polaritas],
        "DaftarAgregasi": [str(x) for x in Agregasi],
    }
    sheet = L.quote_sheet(L.SHEET_REFERENSI)
    for c, (name, title) in enumerate(L.REFERENSI_LISTS):
        ws.set_column(c, c, 16)
        write_text(ws, 0, c, title, g.header)
        for i, s in enumerate(lists[name]):
            write_text(ws, 1 + i, c, s, g.referensi)
        wb.define_name(name, f"={sheet}!{L.range_ref(1, c, len(lists[name]), c, absolute=True)}")
    c = L.REFERENSI_JABATAN_COL
    ws.set_column(c, c, 28)
    ws.set_column(c + 1, c + 1, 60)
    write_text(ws, 0, c, "ID Jabatan", g.header)
    write_text(ws, 0, c + 1, "Nama Jabatan", g.header)
    for i, jab in enumerate(doc.jabatan):
        write_text(ws, 1 + i, c, jab.id, g.referensi)
        write_text(ws, 1 + i, c + 1, jab.nama, g.referensi)
    n = max(len(doc.jabatan), 1)
    wb.define_name(L.NAME_JABATAN_IDS, f"={sheet}!{L.range_ref(1, c, n, c, absolute=True)}")
    wb.define_name(L.NAME_JABATAN_TABLE, f"={sheet}!{L.range_ref(1, c, n, c + 1, absolute=True)}")
    ws.protect("", {"format_columns": True})

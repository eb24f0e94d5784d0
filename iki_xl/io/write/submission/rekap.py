"""The Rekap sheet: one row per indicator, everything computed, as an Excel table.

Rows are written as they arrive (one Dinas at a time), so a Pemda recap never holds more
than one Dinas' rows; the table is added at the end.
"""

from __future__ import annotations

from collections.abc import Iterable

from xlsxwriter.workbook import Workbook

from iki_xl.core.rekap import REKAP_COLUMNS, RekapRow, rekap_cells
from iki_xl.io.text_height import text_height
from iki_xl.io.write.cells import Formats, write_value
from iki_xl.io.write.submission.pages import set_print

SHEET = "Rekap"
TABLE_NAME = "RekapIKI"
WIDTHS = {
    "No": 5,
    "Perangkat Daerah": 26,
    "Bidang/Unit": 22,
    "Jabatan": 30,
    "Jenis Jabatan": 14,
    "Atasan": 26,
    "Kinerja": 34,
    "Indikator Kinerja": 40,
    "Jenis Formula": 12,
    "Satuan": 9,
    "Polaritas": 9,
    "Target": 10,
    "Nilai Tahunan": 11,
    "Capaian (%)": 11,
    "Predikat": 13,
    "Sumber Data": 24,
    "Keterangan": 30,
}
# columns whose long texts wrap (the row is made taller for them)
WRAPPED = {
    "Perangkat Daerah", "Bidang/Unit", "Jabatan", "Atasan", "Kinerja", "Indikator Kinerja",
    "Sumber Data", "Keterangan",
}  # fmt: skip
MAX_ROW_HEIGHT = 409  # points: Excel's limit


class RekapSheet:
    """`add` the rows of each Dinas as they arrive, then `finish` once."""

    def __init__(self, wb: Workbook, formats: Formats) -> None:
        self.ws = ws = wb.add_worksheet(SHEET)
        self.n = 0
        self.widths = [float(WIDTHS.get(k, 10)) for k in REKAP_COLUMNS]
        for i, w in enumerate(self.widths):
            ws.set_column(i, i, w)
        self.f_text = formats(text_wrap=True)
        self.f_number = formats(num_format="#,##0.##")
        self.f_percent = formats(num_format="0.00")
        self.f_no = formats(num_format="0", align="center")
        self.f_header = formats(bold=True, text_wrap=True, valign="vcenter", align="center")
        self.capaian_col = REKAP_COLUMNS.index("Capaian (%)")
        self.wrapped = [i for i, k in enumerate(REKAP_COLUMNS) if k in WRAPPED]
        ws.freeze_panes(1, 0)
        ws.set_row(0, 30)
        set_print(ws, landscape=True, footer_title="Rekap IKI")
        ws.repeat_rows(0)

    def add(self, rows: Iterable[RekapRow]) -> None:
        ws = self.ws
        for row in rows:
            self.n += 1
            r = self.n
            height = 15.0
            for c, v in enumerate(rekap_cells(self.n, row)):
                if v is None or v == "":
                    continue  # an empty cell of the table: nothing to write
                if c == 0:
                    fmt = self.f_no
                elif c == self.capaian_col:
                    fmt = self.f_percent
                elif isinstance(v, float):
                    fmt = self.f_number
                else:
                    fmt = self.f_text
                write_value(ws, r, c, v, fmt, cut=True)
                if c in self.wrapped and isinstance(v, str) and len(v) > self.widths[c]:
                    height = max(height, text_height(v, self.widths[c]))
            if height > 15.0:
                ws.set_row(r, min(height, MAX_ROW_HEIGHT))

    def finish(self) -> None:
        if self.n == 0:  # an Excel table needs a data row
            for c in range(len(REKAP_COLUMNS)):
                write_value(self.ws, 1, c, None, self.f_text)
        self.ws.add_table(
            0,
            0,
            max(self.n, 1),
            len(REKAP_COLUMNS) - 1,
            {
                "name": TABLE_NAME,
                "style": "Table Style Medium 2",
                "columns": [{"header": k, "header_format": self.f_header} for k in REKAP_COLUMNS],
            },
        )

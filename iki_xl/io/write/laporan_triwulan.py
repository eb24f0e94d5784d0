"""The Laporan Capaian Kinerja Triwulan as an .xlsx (XlsxWriter), printed A4 landscape.

Sheet "Laporan TW n": one row per indicator — target, realisasi and capaian to date, the
predikat (only once the year is complete) and the quarter's faktor — with the header row
repeated on every page, at 9 pt and 100 %: the columns fit the page's width. Sheet "Capaian
per Bidang": the average capaian to date per bidang and its chart, placed below the table.
Values only: no formula, no link, no macro.
"""

from __future__ import annotations

from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from iki_xl.core.numbers import QUARTERS
from iki_xl.core.triwulan import TriwulanReport, TriwulanRow
from iki_xl.io.atomic import temporary_path
from iki_xl.io.write.cells import Value
from iki_xl.io.write.printed_table import PrintedTable

# (title, width in characters, row field): widths chosen so the table prints at 100 %
COLUMNS = (
    ("No", 4, ""),
    ("Perangkat Daerah", 14, "dinas"),
    ("Jabatan", 13, "jabatan"),
    ("Indikator Kinerja", 22, "indikator"),
    ("Satuan", 6, "satuan"),
    ("Target s.d. {tw}", 8, "target"),
    ("Realisasi s.d. {tw}", 8, "realisasi"),
    ("Capaian s.d. {tw} (%)", 8, "capaian"),
    ("Predikat", 10, "predikat"),
    ("Faktor Pendukung", 14, "pendukung"),
    ("Faktor Penghambat", 14, "penghambat"),
    ("Tindak Lanjut", 14, "tindak_lanjut"),
)
# a Dinas report has no Perangkat Daerah column: its width goes to the texts
DINAS_WIDTHS = {
    "jabatan": 16,
    "indikator": 26,
    "pendukung": 16,
    "penghambat": 16,
    "tindak_lanjut": 16,
}


def _columns(pemda: bool) -> list[tuple[str, float, str]]:
    if pemda:
        return [(t, float(w), f) for t, w, f in COLUMNS]
    return [(t, float(DINAS_WIDTHS.get(f, w)), f) for t, w, f in COLUMNS if f != "dinas"]


def _cell(row: TriwulanRow, field: str, no: int) -> Value:
    if not field:
        return float(no)
    if field == "capaian" and row.capaian is None:
        return row.keterangan  # the reason, in the capaian's place
    v: Value = getattr(row, field)
    return v


class _Sheets:
    def __init__(self, wb: Workbook, report: TriwulanReport, pemda: bool, scope: str) -> None:
        self.wb, self.report, self.pemda, self.scope = wb, report, pemda, scope
        self.tw = QUARTERS[report.triwulan - 1]
        self.table = PrintedTable(wb)

    def _sheet(self, name: str, widths: list[float], header: list[str]) -> tuple[Worksheet, int]:
        note = (
            f"Keadaan s.d. {self.tw}: realisasi dan capaian sampai triwulan ini dibanding target "
            "s.d. triwulan ini (target triwulan bila diisi, selain itu target tahunan). "
            "Predikat baru dinilai setelah TW IV."
        )
        return self.table.sheet(
            name, widths, title=self.report.title, subtitle=self.scope, note=note,
            footer=f"{self.report.title} — {self.scope}", header=header, header_height=36,
        )  # fmt: skip

    def indikator(self) -> None:
        columns = _columns(self.pemda)
        widths = [w for _, w, _ in columns]
        ws, r = self._sheet(
            f"Laporan {self.tw}", widths, [t.format(tw=self.tw) for t, _, _ in columns]
        )
        capaian = [c for c, (_, _, field) in enumerate(columns) if field == "capaian"]
        for no, row in enumerate(self.report.rows, start=1):
            values = [_cell(row, field, no) for _, _, field in columns]
            self.table.row(ws, r + no, values, widths, capaian)

    def bidang(self) -> None:
        widths = [24.0, 30.0, 12.0, 12.0, 14.0] if self.pemda else [30.0, 12.0, 12.0, 14.0]
        header = [
            "Bidang/Unit", "Jumlah indikator", "Indikator dinilai",
            f"Rata-rata capaian s.d. {self.tw} (%)",
        ]  # fmt: skip
        if self.pemda:
            header.insert(0, "Perangkat Daerah")
        ws, r = self._sheet("Capaian per Bidang", widths, header)
        first = r + 1
        for a in self.report.per_bidang():
            r += 1
            cells: list[Value] = [a.unit, float(a.indikator), float(a.dinilai), a.value]
            if self.pemda:
                cells.insert(0, a.dinas)
            self.table.row(ws, r, cells, widths, [len(cells) - 1])
        if r >= first:
            self.chart(ws, first, r, len(widths) - 1, r + 2)

    def chart(self, ws: Worksheet, first: int, last: int, value_col: int, below: int) -> None:
        """A bar chart of the averages, anchored two rows below the table: never over it."""
        chart = self.wb.add_chart({"type": "bar"})
        assert chart is not None
        name = ws.get_name().replace("'", "''")
        label_col = value_col - 3
        chart.add_series(
            {
                "name": f"Rata-rata capaian s.d. {self.tw} (%)",
                "categories": [name, first, label_col, last, label_col],
                "values": [name, first, value_col, last, value_col],
                "data_labels": {"value": True, "num_format": "0.0"},
                "fill": {"color": "#4472C4"},
            }
        )
        chart.set_title({"name": f"Rata-rata capaian s.d. {self.tw} per bidang"})
        chart.set_legend({"none": True})
        chart.set_x_axis({"name": "Capaian (%)", "min": 0})
        chart.set_y_axis({"reverse": True, "num_font": {"size": 8}})
        chart.set_size({"width": 620, "height": max(240, 60 + 24 * (last - first + 1))})
        ws.insert_chart(xl_rowcol_to_cell(below, 0), chart)


def write_laporan_triwulan(report: TriwulanReport, path: Path | str, *, scope: str) -> Path:
    """Write the report atomically; `scope`: the Dinas' name, or the Pemda's."""
    path = Path(path)
    pemda = len({row.dinas for row in report.rows}) > 1
    with temporary_path(path) as tmp:
        wb = xlsxwriter.Workbook(
            str(tmp),
            {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
        )
        wb.set_properties({"title": report.title, "subject": scope})
        sheets = _Sheets(wb, report, pemda, scope)
        sheets.indikator()
        sheets.bidang()
        wb.close()
    return path

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
from iki_xl.io.text_height import text_height
from iki_xl.io.write.cells import Formats, write_merged, write_value
from iki_xl.io.write.submission.pages import set_print

FONT, SIZE = "Arial", 9
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


def _print(ws: Worksheet, footer: str, header_row: int | None = None) -> None:
    set_print(ws, landscape=True, footer_title=footer)
    if header_row is not None:
        ws.repeat_rows(header_row)


class _Sheets:
    def __init__(self, wb: Workbook, report: TriwulanReport, pemda: bool) -> None:
        self.wb, self.report, self.pemda = wb, report, pemda
        self.tw = QUARTERS[report.triwulan - 1]
        f = Formats(wb, {"font_name": FONT, "font_size": SIZE, "valign": "top"})
        self.title = f(bold=True, font_size=12)
        self.subtitle = f(bold=True, font_size=10)
        self.header = f(bold=True, border=1, text_wrap=True, align="center", valign="vcenter",
                        bg_color="#D9D9D9")  # fmt: skip
        self.text = f(border=1, text_wrap=True)
        self.number = f(border=1, num_format="#,##0.##")
        self.percent = f(border=1, num_format="0.00")
        self.note = f(italic=True, font_size=8, text_wrap=True)

    def heading(self, ws: Worksheet, widths: list[float], scope: str) -> int:
        last = len(widths) - 1
        write_merged(ws, 0, 0, 0, last, self.report.title, self.title)
        write_merged(ws, 1, 0, 1, last, scope, self.subtitle)
        note = (
            f"Keadaan s.d. {self.tw}: realisasi dan capaian sampai triwulan ini dibanding target "
            "s.d. triwulan ini (target triwulan bila diisi, selain itu target tahunan). "
            "Predikat baru dinilai setelah TW IV."
        )
        write_merged(ws, 2, 0, 2, last, note, self.note)
        ws.set_row(2, text_height(note, sum(widths), 8))
        return 4

    def table(self, scope: str) -> None:
        ws = self.wb.add_worksheet(f"Laporan {self.tw}")
        columns = _columns(self.pemda)
        widths = [w for _, w, _ in columns]
        for c, w in enumerate(widths):
            ws.set_column(c, c, w)
        r = self.heading(ws, widths, scope)
        for c, (title, _, _) in enumerate(columns):
            write_value(ws, r, c, title.format(tw=self.tw), self.header)
        ws.set_row(r, 36)
        header = r
        for no, row in enumerate(self.report.rows, start=1):
            r += 1
            self.row(ws, r, no, row, columns)
        _print(ws, f"{self.report.title} — {scope}", header)
        ws.freeze_panes(header + 1, 0)

    def row(self, ws: Worksheet, r: int, no: int, row: TriwulanRow, columns: list) -> None:
        height = 15.0
        for c, (_, width, field) in enumerate(columns):
            v = float(no) if not field else getattr(row, field)
            if field == "capaian" and v is None:
                v = row.keterangan  # the reason, in the capaian's place
            fmt = self.percent if field == "capaian" and isinstance(v, float) else (
                self.number if isinstance(v, float) else self.text
            )  # fmt: skip
            write_value(ws, r, c, v, fmt, cut=True)
            if isinstance(v, str) and v:
                height = max(height, text_height(v, width, SIZE))
        ws.set_row(r, min(height, 409))

    def bidang(self, scope: str) -> None:
        ws = self.wb.add_worksheet("Capaian per Bidang")
        widths = [24.0, 30.0, 12.0, 12.0, 14.0] if self.pemda else [30.0, 12.0, 12.0, 14.0]
        for c, w in enumerate(widths):
            ws.set_column(c, c, w)
        r = self.heading(ws, widths, scope)
        titles = [
            "Bidang/Unit",
            "Jumlah indikator",
            "Indikator dinilai",
            f"Rata-rata capaian s.d. {self.tw} (%)",
        ]
        if self.pemda:
            titles.insert(0, "Perangkat Daerah")
        for c, t in enumerate(titles):
            write_value(ws, r, c, t, self.header)
        ws.set_row(r, 30)
        first = r + 1
        for a in self.report.per_bidang():
            r += 1
            cells = [a.unit, float(a.indikator), float(a.dinilai), a.value]
            if self.pemda:
                cells.insert(0, a.dinas)
            for c, v in enumerate(cells):
                fmt = (
                    self.percent
                    if c == len(cells) - 1
                    else (self.number if isinstance(v, float) else self.text)
                )
                write_value(ws, r, c, v, fmt, cut=True)
        last = r
        _print(ws, f"{self.report.title} — {scope}")
        if last >= first:
            self.chart(ws, first, last, len(widths) - 1, r + 2)

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
        sheets = _Sheets(wb, report, pemda)
        sheets.table(scope)
        sheets.bidang(scope)
        wb.close()
    return path

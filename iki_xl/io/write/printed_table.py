"""A sheet that is one printed table: a title, a subtitle, a note, the header row repeated on
every page, rows as tall as their wrapped text. The home of the reports a planner prints
from a table of values (Laporan Triwulan, Perbandingan IKI). Values only, never a formula.
"""

from __future__ import annotations

from collections.abc import Sequence

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from iki_xl.io.text_height import text_height
from iki_xl.io.write.cells import Formats, Value, write_merged, write_value
from iki_xl.io.write.submission.pages import set_print

FONT, SIZE = "Arial", 9  # 9 pt printed at 100 %: readable, and the columns fit A4
NOTE_SIZE = 8
MAX_ROW = 409  # Excel's tallest row, in points


class PrintedTable:
    """Formats of one workbook's printed tables, and the writing of one table."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        f = Formats(wb, {"font_name": FONT, "font_size": SIZE, "valign": "top"})
        self.title = f(bold=True, font_size=12)
        self.subtitle = f(bold=True, font_size=10)
        self.note = f(italic=True, font_size=NOTE_SIZE, text_wrap=True)
        self.header = f(bold=True, border=1, text_wrap=True, align="center", valign="vcenter",
                        bg_color="#D9D9D9")  # fmt: skip
        self.text = f(border=1, text_wrap=True)
        self.number = f(border=1, num_format="#,##0.##")
        self.percent = f(border=1, num_format="0.00")

    def sheet(
        self,
        name: str,
        widths: Sequence[float],
        *,
        title: str,
        subtitle: str,
        note: str = "",
        footer: str,
        header: Sequence[str],
        header_height: float = 30,
    ) -> tuple[Worksheet, int]:
        """The sheet with its heading and header row; the row index of the header."""
        ws = self.wb.add_worksheet(name)
        for c, w in enumerate(widths):
            ws.set_column(c, c, w)
        last = len(widths) - 1
        write_merged(ws, 0, 0, 0, last, title, self.title)
        write_merged(ws, 1, 0, 1, last, subtitle, self.subtitle)
        if note:
            write_merged(ws, 2, 0, 2, last, note, self.note)
            ws.set_row(2, text_height(note, sum(widths), NOTE_SIZE))
        r = 4
        for c, t in enumerate(header):
            write_value(ws, r, c, t, self.header)
        ws.set_row(r, header_height)
        set_print(ws, landscape=True, footer_title=footer)
        ws.repeat_rows(r)
        ws.freeze_panes(r + 1, 0)
        return ws, r

    def row(
        self,
        ws: Worksheet,
        r: int,
        values: Sequence[Value],
        widths: Sequence[float],
        percent: Sequence[int] = (),
    ) -> None:
        """One body row; the columns in `percent` hold a capaian (two decimals)."""
        height = 15.0
        for c, v in enumerate(values):
            if isinstance(v, float):
                fmt = self.percent if c in percent else self.number
            else:
                fmt = self.text
            write_value(ws, r, c, v, fmt, cut=True)
            if isinstance(v, str) and v:
                height = max(height, text_height(v, widths[c], SIZE))
        ws.set_row(r, min(height, MAX_ROW))

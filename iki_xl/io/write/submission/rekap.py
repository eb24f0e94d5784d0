"""The Rekap sheet: one row per indicator, everything computed, as one Excel table, printed
readable on A4 landscape at 100 % (9 pt).

The columns come from `core.rekap.REKAP`. On paper the table is split into page-wide parts:
the key columns (No, Indikator Kinerja) lead every part (print titles), the other
columns are packed into parts group by group (vertical page breaks), and the header row is
repeated on every page. Columns are sized to their content when the rows are known up front
(one Dinas); a Pemda recap, whose rows stream in one Dinas at a time, uses the widths of
`REKAP` so that row heights can be set as the rows arrive.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook

from iki_xl.core.numbers import format_number
from iki_xl.core.rekap import REKAP, REKAP_COLUMNS, Cell, RekapColumn, RekapRow, rekap_cells
from iki_xl.io.text_height import height_for_lines, line_count, text_height, text_width
from iki_xl.io.write.cells import Formats, write_value
from iki_xl.io.write.submission.pages import A4_LONG, MARGINS, column_width_pt, set_print

SHEET = "Rekap"
TABLE_NAME = "RekapIKI"
SIZE = 9  # points: the Rekap's text at 100 %
MAX_ROW_HEIGHT = 409  # points: Excel's limit
PRINT_WIDTH = (A4_LONG - (MARGINS["left"] + MARGINS["right"]) * 72) * 0.97  # some slack
ONE_DINAS_HIDDEN = ("Perangkat Daerah",)  # the same on every row of one Dinas: in the title


def _natural_width(k: RekapColumn, values: Iterable[Cell]) -> float:
    """The width a column's content asks for: at least the header's longest word, at most
    k.width (longer texts wrap)."""
    header = max(text_width(w, SIZE, bold=True) for w in k.title.split()) + 0.5
    longest = 0.0
    for v in values:
        if v is None or v == "":
            continue
        text = format_number(v, 2) if isinstance(v, float) else v
        longest = max(longest, text_width(text, SIZE) + 0.5)
        if longest >= k.width:
            return k.width
    return max(header, min(longest, k.width))


def content_widths(rows: Sequence[RekapRow]) -> list[float]:
    """Each column's width sized to its content (at most `RekapColumn.width`)."""
    cells = [rekap_cells(no, row) for no, row in enumerate(rows, start=1)]
    return [_natural_width(k, (c[i] for c in cells)) for i, k in enumerate(REKAP)]


def page_parts(widths: Sequence[float], hidden: Sequence[bool]) -> list[int]:
    """Columns before which a printed part starts (vertical page breaks).

    Key columns lead every part; the others are packed group by group, a group split only
    when it alone is wider than a part.
    """
    room = PRINT_WIDTH - sum(
        column_width_pt(w) for k, w in zip(REKAP, widths, strict=True) if k.key
    )
    breaks: list[int] = []
    used = 0.0
    i = 0
    while i < len(REKAP):
        k = REKAP[i]
        if k.key or hidden[i]:
            i += 1
            continue
        group = [
            j for j in range(i, len(REKAP)) if REKAP[j].group == k.group and not hidden[j]
        ] if k.group else [i]  # fmt: skip
        group_width = sum(column_width_pt(widths[j]) for j in group)
        if used and used + group_width > room:
            breaks.append(i)
            used = 0.0
        for j in group:
            w = column_width_pt(widths[j])
            if used and used + w > room:  # a group wider than a part: split it
                breaks.append(j)
                used = 0.0
            used += w
        i = group[-1] + 1
    return breaks


class RekapSheet:
    """`add` the rows of each Dinas as they arrive, then `finish` once.

    `rows`: all rows known up front (one Dinas): the columns are sized to them and the
    Perangkat Daerah column is hidden (the title names the Dinas).
    """

    def __init__(
        self,
        wb: Workbook,
        formats: Formats,
        *,
        title: str = "Rekap IKI",
        rows: Sequence[RekapRow] | None = None,
    ) -> None:
        self.ws = ws = wb.add_worksheet(SHEET)
        self.n = 0
        self.widths = content_widths(rows) if rows is not None else [k.width for k in REKAP]
        hidden = [rows is not None and k.title in ONE_DINAS_HIDDEN for k in REKAP]
        for i, w in enumerate(self.widths):
            ws.set_column(i, i, w, None, {"hidden": True} if hidden[i] else None)
        f = formats
        self.f_header = f(
            font_size=SIZE, bold=True, text_wrap=True, valign="vcenter", align="center"
        )
        self.f_kind: dict[str, Format] = {
            "text": f(font_size=SIZE, text_wrap=True, indent=1),  # apart from a number
            "number": f(font_size=SIZE, num_format="#,##0.##"),
            "percent": f(font_size=SIZE, num_format="0.00"),
            "no": f(font_size=SIZE, num_format="0", align="center"),
        }
        self.f_note = f(font_size=SIZE, text_wrap=True, italic=True, indent=1)
        self.header_height = max(
            text_height(k.title, w, SIZE, True) for k, w in zip(REKAP, self.widths, strict=True)
        )
        ws.freeze_panes(1, sum(1 for k in REKAP if k.key))
        ws.set_row(0, self.header_height)
        set_print(ws, landscape=True, footer_title=title, fit=False)
        ws.repeat_rows(0)
        ws.repeat_columns(0, sum(1 for k in REKAP if k.key) - 1)
        ws.set_v_pagebreaks(page_parts(self.widths, hidden))

    def add(self, rows: Iterable[RekapRow]) -> None:
        ws = self.ws
        for row in rows:
            self.n += 1
            r = self.n
            lines = 1
            for c, v in enumerate(rekap_cells(self.n, row)):
                if v is None or v == "":
                    continue  # an empty cell of the table: nothing to write
                k = REKAP[c]
                kind = "text" if isinstance(v, str) else k.kind
                fmt = self.f_kind[kind] if row.has_indikator else self.f_note
                if isinstance(v, str):
                    lines = max(lines, line_count(v, self.widths[c] - 1, SIZE))  # the indent
                write_value(ws, r, c, v, fmt, cut=True)
            ws.set_row(r, min(height_for_lines(lines, SIZE), MAX_ROW_HEIGHT))

    def finish(self) -> None:
        if self.n == 0:  # an Excel table needs a data row
            for c in range(len(REKAP)):
                write_value(self.ws, 1, c, None, self.f_kind["text"])
        self.ws.add_table(
            0,
            0,
            max(self.n, 1),
            len(REKAP) - 1,
            {
                "name": TABLE_NAME,
                "style": "Table Style Light 1",
                "columns": [{"header": k, "header_format": self.f_header} for k in REKAP_COLUMNS],
            },
        )

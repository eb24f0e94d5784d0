"""The Ringkasan sheet: counts per jenis jabatan and per predikat, average capaian per
bidang (and per Dinas for a Pemda) with a chart, and the validation counts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from iki_xl.core.findings import Severity
from iki_xl.core.rekap import Average, Ringkasan
from iki_xl.io.text_height import DEFAULT_SIZE, text_height, text_width
from iki_xl.io.write.cells import Formats, write_merged, write_value
from iki_xl.io.write.submission.pages import (
    A4_LONG,
    MARGINS,
    column_width_pt,
    mark_pages,
    merged_width,
    page_height,
    set_print,
)

SHEET = "Ringkasan"
NAME_WIDTHS = (30.0, 28.0)  # Perangkat Daerah, Bidang/Unit; the counts follow
AVERAGE_HEADER = ("Jumlah indikator", "Indikator dinilai", "Rata-rata capaian (%)")
ROW = 15.0  # points: a one-line row
HEADER_ROW = 30.0
AVERAGE_NOTE = (
    "Capaian tiap indikator dibatasi 0–200% sebelum dirata-rata; indikator tanpa capaian "
    "(target atau realisasi belum diisi) tidak ikut dihitung."
)


def column_widths(rk: Ringkasan) -> list[float]:
    """The names' widths, then each count column as wide as the longest word of a header
    above it (a header wraps between words, never inside one)."""
    columns: list[list[str]] = [[] for _ in range(len(rk.predikat_columns) + 2)]
    for headers in (
        [*rk.jenis_columns, "Jumlah"],
        [*rk.predikat_columns, "Jumlah"],
        AVERAGE_HEADER,
        ("Galat", "Peringatan", "Info"),
    ):
        for c, h in enumerate(headers):
            while c >= len(columns):
                columns.append([])
            columns[c].extend(h.split())
    counts = [
        max([9.0, *(text_width(w, DEFAULT_SIZE, bold=True) + 1.2 for w in words)])
        for words in columns
    ]
    return [*NAME_WIDTHS, *counts]


class _Ringkasan:
    """Writes the tables one under the other (`r`: the next row)."""

    def __init__(self, ws: Worksheet, formats: Formats, ringkasan: Ringkasan, pemda: bool) -> None:
        self.ws = ws
        self.widths = column_widths(ringkasan)
        # the widest table: Perangkat Daerah (two columns), the predikat, Jumlah
        self.columns = max(5, 3 + len(ringkasan.predikat_columns), 3 + len(ringkasan.jenis_columns))
        self.page = page_height(self.widths[: self.columns], landscape=True)
        self.used = 0.0  # points used on the current page
        self.breaks: list[int] = []
        self.rk = ringkasan
        self.pemda = pemda
        self.r = 0
        f = formats
        self.f_title = f(bold=True, font_size=13)
        self.f_subtitle = f(bold=True, font_size=11)
        self.f_header = f(
            bold=True,
            border=1,
            text_wrap=True,
            align="center",
            valign="vcenter",
            bg_color="#D9D9D9",
        )
        self.f_text = f(border=1, text_wrap=True)
        self.f_number = f(border=1, num_format="0")
        self.f_percent = f(border=1, num_format="0.00")
        self.f_total = f(border=1, bold=True)
        self.f_total_number = f(border=1, bold=True, num_format="0")
        self.f_note = f(italic=True, font_size=9, text_wrap=True)
        self.f_mark = f(bold=True, font_color="#C00000")
        self.averages_shown: list[Average] = []  # what the chart shows

    def cell(self, c: int, v: float | str | None, fmt: Format) -> None:
        write_value(self.ws, self.r, c, v, fmt, cut=True)

    def keep(self, height: float) -> None:
        """Start a new page here unless `height` points still fit on this one. The pages
        are broken by us, not by the spreadsheet: the chart's place depends on them."""
        if self.used > 0 and self.used + height > self.page:
            self.breaks.append(self.r)
            self.used = 0.0

    @staticmethod
    def height(height: float, *texts: tuple[str | None, float]) -> float:
        """At least `height`, taller for (text, width) pairs that wrap."""
        for text, width in texts:
            if text:
                height = max(height, text_height(text, width, DEFAULT_SIZE))
        return height

    def next_row(self, height: float = ROW, *texts: tuple[str | None, float]) -> None:
        """End the row (its cells are written)."""
        height = self.height(height, *texts)
        self.ws.set_row(self.r, height)
        self.used += height
        self.r += 1

    def table_row(self, height: float, header: Callable[[], None]) -> None:
        """Before a table's row: when it does not fit, a new page that repeats the header."""
        if self.used > 0 and self.used + height > self.page:
            self.keep(height)
            header()

    def count_table(
        self, title: str, columns: list[str], counts: Mapping[str, Mapping[str, int]]
    ) -> None:
        """A count per Dinas and column, with the row's sum (and, for a Pemda, the totals)."""
        ws, name = self.ws, "Perangkat Daerah"
        names = merged_width(self.widths[:2])
        first = [self.height(ROW, (d, names)) for d in self.rk.dinas[:3]]
        self.keep(ROW + HEADER_ROW + sum(first))  # the title with its first rows
        self.cell(0, title, self.f_subtitle)
        self.next_row()
        headers = [*columns, "Jumlah"]

        def header() -> None:
            for c, k in enumerate(headers):
                self.cell(c + 2, k, self.f_header)
            write_merged(ws, self.r, 0, self.r, 1, name, self.f_header, cut=True)
            self.next_row(HEADER_ROW, *((k, self.widths[c + 2]) for c, k in enumerate(headers)))

        header()
        total = [0] * len(columns)
        for d in self.rk.dinas:
            count = counts[d]
            self.table_row(self.height(ROW, (d, names)), header)
            write_merged(ws, self.r, 0, self.r, 1, d, self.f_text, cut=True)
            for c, k in enumerate(columns):
                self.cell(c + 2, float(count.get(k, 0)), self.f_number)
                total[c] += count.get(k, 0)
            self.cell(len(columns) + 2, float(sum(count.get(k, 0) for k in columns)), self.f_number)
            self.next_row(ROW, (d, names))
        if self.pemda:
            write_merged(ws, self.r, 0, self.r, 1, "Jumlah", self.f_total, cut=True)
            for c, t in enumerate(total):
                self.cell(c + 2, float(t), self.f_total_number)
            self.cell(len(columns) + 2, float(sum(total)), self.f_total_number)
            self.next_row()
        self.next_row()

    def average_table(
        self, title: str, second: str, rows: Iterable[tuple[str, str | None, Average]]
    ) -> list[int]:
        """A table of average capaian; returns its data rows (a page break repeats the
        header between them)."""
        rows = list(rows)
        heights = [self.height(ROW, (d, self.widths[0]), (u, self.widths[1])) for d, u, _ in rows]
        self.keep(ROW + HEADER_ROW + sum(heights[:3]))  # the title with its first rows
        self.cell(0, title, self.f_subtitle)
        self.next_row()
        titles = ("Perangkat Daerah", second, *AVERAGE_HEADER)

        def header() -> None:
            for c, k in enumerate(titles):
                self.cell(c, k, self.f_header)
            self.next_row(HEADER_ROW, *((k, self.widths[c]) for c, k in enumerate(titles)))

        header()
        data: list[int] = []
        for (d, unit, average), height in zip(rows, heights, strict=True):
            self.table_row(height, header)
            data.append(self.r)
            self.cell(0, d, self.f_text)
            self.cell(1, unit, self.f_text)
            self.cell(2, float(average.indikator), self.f_number)
            self.cell(3, float(average.dinilai), self.f_number)
            self.cell(4, average.value, self.f_percent)
            self.next_row(ROW, (d, self.widths[0]), (unit, self.widths[1]))
        return data

    def averages(self) -> tuple[list[int], int]:
        """Average capaian per bidang (and per Dinas for a Pemda); returns the chart's data
        rows and category column."""
        rk = self.rk
        rows = self.average_table(
            "Rata-rata capaian per bidang",
            "Bidang/Unit",
            ((d, unit, average) for (d, unit), average in rk.per_bidang.items()),
        )
        write_merged(self.ws, self.r, 0, self.r, 4, AVERAGE_NOTE, self.f_note, cut=True)
        self.next_row(26)
        self.next_row()
        series = (rows, 1)
        self.averages_shown = list(rk.per_bidang.values())
        if self.pemda:
            rows = self.average_table(
                "Rata-rata capaian per Perangkat Daerah",
                "",
                ((d, None, rk.per_dinas[d]) for d in rk.dinas),
            )
            series = (rows, 0)
            self.averages_shown = [rk.per_dinas[d] for d in rk.dinas]
            self.next_row()
        return series

    def findings_table(self) -> None:
        """The validation counts: counted only when the validator was available."""
        self.keep(ROW * 3)
        self.cell(0, "Hasil pemeriksaan (validasi)", self.f_subtitle)
        self.next_row()
        if not self.rk.validated:
            self.cell(0, "Pemeriksaan belum tersedia: temuan tidak dihitung.", self.f_note)
            self.next_row()
            return
        for c, k in enumerate(("Perangkat Daerah", "", "Galat", "Peringatan", "Info")):
            self.cell(c, k, self.f_header)
        self.next_row()
        for d in self.rk.dinas:
            counts = self.rk.counts.get(d)
            self.cell(0, d, self.f_text)
            self.cell(1, None, self.f_text)
            for c, s in enumerate(Severity):
                self.cell(
                    c + 2, None if counts is None else float(counts.get(str(s), 0)), self.f_number
                )
            self.next_row(ROW, (d, self.widths[0]))


def _ranges(sheet: str, column: str, rows: list[int]) -> str:
    """A chart's reference to these rows: one range, or a union of the runs between the
    header rows a page break repeated."""
    runs: list[list[int]] = []
    for r in rows:
        if runs and r == runs[-1][-1] + 1:
            runs[-1].append(r)
        else:
            runs.append([r])
    parts = [f"'{sheet}'!${column}${run[0] + 1}:${column}${run[-1] + 1}" for run in runs]
    return f"={parts[0]}" if len(parts) == 1 else f"=({','.join(parts)})"


def _chart(wb: Workbook, w: _Ringkasan, series: tuple[list[int], int], *, pemda: bool) -> None:
    """A bar chart of the average capaian under the tables (never over a cell), on a new
    page when it does not fit under them on theirs."""
    rows, category_col = series
    if not rows or all(a.value is None for a in w.averages_shown):
        return  # nothing assessed yet: no chart of empty bars
    ws = w.ws
    chart = wb.add_chart({"type": "bar"})
    assert chart is not None
    name = ws.get_name()
    letter = "AB"[category_col]
    chart.add_series(
        {
            "name": "Rata-rata capaian (%)",
            "categories": _ranges(name, letter, rows),
            "values": _ranges(name, "E", rows),
            "data_labels": {"value": True, "num_format": "0.0"},
            "fill": {"color": "#4472C4"},
        }
    )
    chart.set_title(
        {"name": "Rata-rata capaian per " + ("Perangkat Daerah" if pemda else "bidang")}
    )
    chart.set_legend({"none": True})
    chart.set_x_axis({"name": "Capaian (%)", "min": 0})
    chart.set_y_axis({"reverse": True, "num_font": {"size": 8}})
    print_width = (A4_LONG - (MARGINS["left"] + MARGINS["right"]) * 72) * 0.95
    width_pt = min(print_width, sum(column_width_pt(x) for x in w.widths[: w.columns]))
    height_pt = min(w.page - 2 * ROW, max(200.0, 45 + 20 * len(rows)))
    w.next_row()  # one empty row between the tables and the chart
    w.keep(height_pt + 2 * ROW)  # the chart whole on one page: a new one when it does not fit
    if w.used == 0:  # on a new page: one empty row above it, or LibreOffice draws its top
        w.next_row()  # edge at the foot of the page before
    chart.set_size({"width": round(width_pt * 4 / 3), "height": round(height_pt * 4 / 3)})
    ws.insert_chart(xl_rowcol_to_cell(w.r, 0), chart, {"object_position": 3})
    # the rows the chart covers stay empty: their height is what the anchor was computed on
    for _ in range(int(height_pt / ROW) + 2):
        w.next_row()


def write_ringkasan_sheet(
    wb: Workbook,
    ws: Worksheet,
    formats: Formats,
    rk: Ringkasan,
    title: str,
    *,
    pemda: bool,
    marks: Sequence[str] = (),
) -> None:
    """Write the Ringkasan into `ws` (added early so a Pemda recap can open on it)."""
    set_print(ws, landscape=True, footer_title="Ringkasan IKI")
    mark_pages(ws, marks)
    w = _Ringkasan(ws, formats, rk, pemda)
    for c, width in enumerate(w.widths):
        ws.set_column(c, c, width)
    w.cell(0, "RINGKASAN INDIKATOR KINERJA INDIVIDU", w.f_title)
    w.next_row(20)
    w.cell(0, title, w.f_subtitle)
    w.next_row()
    for m in marks:
        w.cell(0, m, w.f_mark)
        w.next_row()
    w.next_row()
    w.count_table("Jumlah jabatan per jenis jabatan", rk.jenis_columns, rk.jabatan_per_jenis)
    w.count_table("Jumlah indikator per predikat capaian", rk.predikat_columns, rk.predikat)
    series = w.averages()
    w.findings_table()
    _chart(wb, w, series, pemda=pemda)
    ws.set_h_pagebreaks(w.breaks)
    ws.print_area(0, 0, max(w.r - 1, 0), w.columns - 1)

"""The Ringkasan sheet: counts per jenis jabatan and per predikat, average capaian per
bidang (and per Dinas for a Pemda) with a chart, and the validation counts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from iki_xl.core.findings import Severity
from iki_xl.core.rekap import Average, Ringkasan
from iki_xl.io.write.cells import Formats, write_merged, write_value
from iki_xl.io.write.submission.pages import set_print

SHEET = "Ringkasan"
AVERAGE_NOTE = (
    "Capaian tiap indikator dibatasi 0–200% sebelum dirata-rata; indikator tanpa capaian "
    "(target atau realisasi belum diisi) tidak ikut dihitung."
)


class _Ringkasan:
    """Writes the tables one under the other (`r`: the next row)."""

    def __init__(self, ws: Worksheet, formats: Formats, ringkasan: Ringkasan, pemda: bool) -> None:
        self.ws = ws
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

    def cell(self, c: int, v: float | str | None, fmt: Format) -> None:
        write_value(self.ws, self.r, c, v, fmt, cut=True)

    def count_table(
        self, title: str, columns: list[str], counts: Mapping[str, Mapping[str, int]]
    ) -> None:
        """A count per Dinas and column, with the row's sum (and, for a Pemda, the totals)."""
        ws, name = self.ws, "Perangkat Daerah"
        self.cell(0, title, self.f_subtitle)
        self.r += 1
        for c, k in enumerate([name, *columns, "Jumlah"]):
            self.cell(c if c == 0 else c + 1, k, self.f_header)
        write_merged(ws, self.r, 0, self.r, 1, name, self.f_header, cut=True)
        ws.set_row(self.r, 30)
        self.r += 1
        total = [0] * len(columns)
        for d in self.rk.dinas:
            count = counts[d]
            write_merged(ws, self.r, 0, self.r, 1, d, self.f_text, cut=True)
            for c, k in enumerate(columns):
                self.cell(c + 2, float(count.get(k, 0)), self.f_number)
                total[c] += count.get(k, 0)
            self.cell(len(columns) + 2, float(sum(count.get(k, 0) for k in columns)), self.f_number)
            self.r += 1
        if self.pemda:
            write_merged(ws, self.r, 0, self.r, 1, "Jumlah", self.f_total, cut=True)
            for c, t in enumerate(total):
                self.cell(c + 2, float(t), self.f_total_number)
            self.cell(len(columns) + 2, float(sum(total)), self.f_total_number)
            self.r += 1
        self.r += 1

    def average_table(
        self, title: str, second: str, rows: Iterable[tuple[str, str | None, Average]]
    ) -> tuple[int, int]:
        """A table of average capaian; returns its first and last data row."""
        self.cell(0, title, self.f_subtitle)
        self.r += 1
        header = ("Perangkat Daerah", second, "Jumlah indikator", "Indikator dinilai")
        for c, k in enumerate((*header, "Rata-rata capaian (%)")):
            self.cell(c, k, self.f_header)
        self.ws.set_row(self.r, 30)
        self.r += 1
        first = self.r
        for d, unit, average in rows:
            self.cell(0, d, self.f_text)
            self.cell(1, unit, self.f_text)
            self.cell(2, float(average.indikator), self.f_number)
            self.cell(3, float(average.dinilai), self.f_number)
            self.cell(4, average.value, self.f_percent)
            self.r += 1
        return first, self.r - 1

    def averages(self) -> tuple[int, int, int]:
        """Average capaian per bidang (and per Dinas for a Pemda); returns the chart's
        (first row, last row, category column)."""
        rk = self.rk
        first, last = self.average_table(
            "Rata-rata capaian per bidang",
            "Bidang/Unit",
            ((d, unit, average) for (d, unit), average in rk.per_bidang.items()),
        )
        write_merged(self.ws, self.r, 0, self.r, 4, AVERAGE_NOTE, self.f_note, cut=True)
        self.ws.set_row(self.r, 26)
        self.r += 2
        series = (first, last, 1)
        if self.pemda:
            first, last = self.average_table(
                "Rata-rata capaian per Perangkat Daerah",
                "",
                ((d, None, rk.per_dinas[d]) for d in rk.dinas),
            )
            series = (first, last, 0)
            self.r += 1
        return series

    def findings_table(self) -> None:
        """The validation counts: counted only when the validator was available."""
        self.cell(0, "Hasil pemeriksaan (validasi)", self.f_subtitle)
        self.r += 1
        if not self.rk.validated:
            self.cell(0, "Pemeriksaan belum tersedia: temuan tidak dihitung.", self.f_note)
            self.r += 1
            return
        for c, k in enumerate(("Perangkat Daerah", "", "Galat", "Peringatan", "Info")):
            self.cell(c, k, self.f_header)
        self.r += 1
        for d in self.rk.dinas:
            counts = self.rk.counts.get(d)
            self.cell(0, d, self.f_text)
            self.cell(1, None, self.f_text)
            for c, s in enumerate(Severity):
                self.cell(
                    c + 2, None if counts is None else float(counts.get(str(s), 0)), self.f_number
                )
            self.r += 1


def _chart(wb: Workbook, ws: Worksheet, series: tuple[int, int, int], *, pemda: bool) -> None:
    """A bar chart of the average capaian beside the tables."""
    first, last, category_col = series
    if last < first:
        return
    chart = wb.add_chart({"type": "bar"})
    assert chart is not None
    name = ws.get_name()
    letter = "AB"[category_col]
    chart.add_series(
        {
            "name": "Rata-rata capaian (%)",
            "categories": f"='{name}'!${letter}${first + 1}:${letter}${last + 1}",
            "values": f"='{name}'!$E${first + 1}:$E${last + 1}",
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
    chart.set_size({"width": 640, "height": max(260, 60 + 26 * (last - first + 1))})
    ws.insert_chart(xl_rowcol_to_cell(0, 6), chart)


def write_ringkasan_sheet(
    wb: Workbook, ws: Worksheet, formats: Formats, rk: Ringkasan, title: str, *, pemda: bool
) -> None:
    """Write the Ringkasan into `ws` (added early so a Pemda recap can open on it)."""
    ws.set_column(0, 0, 38)
    ws.set_column(1, 1, 34)
    ws.set_column(2, 12, 13)
    set_print(ws, landscape=True, footer_title="Ringkasan IKI")
    w = _Ringkasan(ws, formats, rk, pemda)
    w.cell(0, "RINGKASAN INDIKATOR KINERJA INDIVIDU", w.f_title)
    w.r += 1
    w.cell(0, title, w.f_subtitle)
    w.r += 2
    w.count_table("Jumlah jabatan per jenis jabatan", rk.jenis_columns, rk.jabatan_per_jenis)
    w.count_table("Jumlah indikator per predikat capaian", rk.predikat_columns, rk.predikat)
    series = w.averages()
    w.findings_table()
    _chart(wb, ws, series, pemda=pemda)

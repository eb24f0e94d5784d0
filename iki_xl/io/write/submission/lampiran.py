"""The Lampiran sheet: one block per jabatan (Jabatan, Tugas, Fungsi, the KINERJA table),
laid out for print on A4 landscape.

Every row gets an estimated height (word wrap simulated with per-character widths of the
font LibreOffice and Excel use), and page breaks are placed so that each jabatan starts on a
new page (as in the printed documents), a kinerja and its indicators stay together, and a
table that must continue on the next page repeats its header row there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from iki_xl.core.keputusan import PLACEHOLDER, KeputusanText
from iki_xl.core.lampiran import NO_INDIKATOR, KinerjaGroup, LampiranBlock, LampiranRow, filled
from iki_xl.core.numbers import list_letter
from iki_xl.io.text_height import DEFAULT_SIZE, text_height
from iki_xl.io.write.cells import Formats, write_merged, write_value
from iki_xl.io.write.submission.pages import mark_pages, merged_width, page_height, set_print

SHEET = "Lampiran"
LAMPIRAN_COLUMNS = (
    "KINERJA",
    "INDIKATOR KINERJA",
    "PENJELASAN/FORMULASI PENGHITUNGAN",
    "SUMBER DATA",
)
WIDTHS = (30.0, 34.0, 52.0, 22.0)  # Excel character units; fits A4 landscape at 100 %
MAX_PAGE_BREAKS = 1023  # Excel's limit

RowWriter = Callable[[Worksheet, int], None]
NOTE = LampiranRow(NO_INDIKATOR, "", "")  # the one row of a jabatan without indicators


def _nothing(ws: Worksheet, r: int) -> None:
    """An empty row: only its height."""


@dataclass(frozen=True, slots=True)
class _Row:
    height: float
    write: RowWriter
    spacer: bool = False  # an empty spacer row, left out at the top of a page


@dataclass(frozen=True, slots=True)
class _Unit:
    """Rows that must be printed on one page. `table`: rows of the KINERJA table."""

    rows: list[_Row]
    table: bool = False
    table_header: bool = False  # starts with the table's header row
    new_page: bool = False  # starts a jabatan: always on a new page

    @property
    def height(self) -> float:
        return sum(r.height for r in self.rows)


def _write(ws: Worksheet, r: int, c: int, v: str | None, fmt: Format) -> None:
    write_value(ws, r, c, v, fmt, cut=True)


class LampiranSheet:
    def __init__(self, wb: Workbook, formats: Formats) -> None:
        self.ws = wb.add_worksheet(SHEET)
        self.formats = formats
        self.page = page_height(WIDTHS, landscape=True)
        border = {"border": 1, "text_wrap": True}
        self.f_header = formats(
            bold=True, align="center", valign="vcenter", bg_color="#D9D9D9", **border
        )
        self.f_cell = formats(**border)
        self.f_title = formats(bold=True, font_size=12, align="center", valign="vcenter")
        self.f_label = formats(bold=True)
        self.f_text = formats(text_wrap=True)
        self.f_text_bold = formats(text_wrap=True, bold=True)
        self.f_note = formats(border=1, text_wrap=True, italic=True)
        self.header_height = max(
            text_height(t, w, DEFAULT_SIZE, True)
            for t, w in zip(LAMPIRAN_COLUMNS, WIDTHS, strict=True)
        )

    # rows ---------------------------------------------------------
    def _table_header(self) -> _Row:
        def write(ws: Worksheet, r: int) -> None:
            for c, text in enumerate(LAMPIRAN_COLUMNS):
                _write(ws, r, c, text, self.f_header)

        return _Row(self.header_height + 4, write)

    def _text_row(self, label: str, text: str, marker: str = "", bold: bool = False) -> _Row:
        value = f"{marker} {text}" if marker else text  # the planner's text unchanged
        height = text_height(value, merged_width(WIDTHS[1:]), DEFAULT_SIZE, bold)

        def write(ws: Worksheet, r: int) -> None:
            _write(ws, r, 0, label, self.f_label)
            write_merged(ws, r, 1, r, 3, value, self.f_text_bold if bold else self.f_text, cut=True)

        return _Row(height, write)

    def _indikator_writer(
        self, k: KinerjaGroup, row: LampiranRow | None, first: bool, n: int
    ) -> RowWriter:
        def write(ws: Worksheet, r: int) -> None:
            if first:
                write_merged(ws, r, 0, r + n - 1, 0, k.sasaran, self.f_cell, cut=True)
            if row is NOTE:
                write_merged(ws, r, 1, r, 3, NO_INDIKATOR, self.f_note, cut=True)
            elif row is None:
                for c in (1, 2, 3):
                    _write(ws, r, c, None, self.f_cell)
            else:
                _write(ws, r, 1, row.indikator, self.f_cell)
                _write(ws, r, 2, row.formulasi, self.f_cell)
                _write(ws, r, 3, row.sumber_data, self.f_cell)

        return write

    def _kinerja(self, k: KinerjaGroup, note: bool = False) -> list[list[_Row]]:
        """The rows of one kinerja, split into chunks that each fit on a page. `note`: the
        jabatan has no indicator at all (the row says so)."""
        rows: list[LampiranRow | None] = [*k.rows] or [NOTE if note else None]
        heights = [
            text_height(NO_INDIKATOR, merged_width(WIDTHS[1:]))
            if row is None or row is NOTE
            else max(
                text_height(row.indikator, WIDTHS[1]),
                text_height(row.formulasi, WIDTHS[2]),
                text_height(row.sumber_data, WIDTHS[3]),
            )
            for row in rows
        ]
        room = self.page - self.header_height - 8
        chunks: list[list[int]] = [[]]
        used = 0.0
        for i, h in enumerate(heights):
            if chunks[-1] and used + h > room:
                chunks.append([])
                used = 0.0
            chunks[-1].append(i)
            used += h
        result = []
        for chunk in chunks:
            sasaran_height = text_height(k.sasaran, WIDTHS[0])
            chunk_heights = [heights[i] for i in chunk]
            short = sasaran_height - sum(chunk_heights)
            if short > 0:  # the merged kinerja cell needs more room than its indicators
                chunk_heights[-1] += short
            result.append(
                [
                    _Row(h, self._indikator_writer(k, rows[i], j == 0, len(chunk)))
                    for j, (i, h) in enumerate(zip(chunk, chunk_heights, strict=True))
                ]
            )
        return result

    def _block_units(self, block: LampiranBlock) -> list[_Unit]:
        title_width = merged_width(WIDTHS)

        def title(ws: Worksheet, r: int) -> None:
            write_merged(ws, r, 0, r, 3, "INDIKATOR KINERJA INDIVIDU", self.f_title, cut=True)

        head = [
            _Row(text_height("X", title_width, 12, True) + 4, title),
            _Row(8, _nothing),
            self._text_row(
                "1. JABATAN :", block.nama if filled(block.nama) else PLACEHOLDER, bold=True
            ),
        ]
        units = [_Unit(head, new_page=True)]

        def items(label: str, texts: Sequence[str]) -> None:
            if not texts:
                units.append(_Unit([self._text_row(label, "-")]))
                return
            for i, text in enumerate(texts):
                marker = f"{list_letter(i)}." if len(texts) > 1 else ""
                units.append(_Unit([self._text_row(label if i == 0 else "", text, marker)]))

        items("2. TUGAS :", block.tugas)
        items("3. FUNGSI :", block.fungsi)
        spacer = _Row(10, _nothing, spacer=True)
        note = not block.has_indikator
        kinerja = block.kinerja or (KinerjaGroup("", ()),)
        chunks = [c for k in kinerja for c in self._kinerja(k, note)]
        for i, rows in enumerate(chunks):
            if i == 0:
                units.append(_Unit([spacer, self._table_header(), *rows], True, True))
            else:
                units.append(_Unit(rows, table=True))
        return units

    # layout -------------------------------------------------------
    def _lampiran_header(self, text: KeputusanText) -> tuple[int, float]:
        """LAMPIRAN / NOMOR / TANGGAL / TENTANG at the top; returns (next row, height used)."""
        ws = self.ws
        label = self.formats(bold=False, align="right")
        r, used = 0, 0.0
        for name, value in text.lampiran:
            height = text_height(value, merged_width(WIDTHS[2:]))
            _write(ws, r, 1, f"{name} :", label)
            write_merged(ws, r, 2, r, 3, value, self.f_text, cut=True)
            ws.set_row(r, height)
            used += height
            r += 1
        ws.set_row(r, 16)
        return r + 1, used + 16

    def write(
        self, text: KeputusanText, blocks: Sequence[LampiranBlock], marks: Sequence[str] = ()
    ) -> Worksheet:
        ws = self.ws
        for i, w in enumerate(WIDTHS):
            ws.set_column(i, i, w)
        ws.hide_gridlines(2)
        set_print(ws, landscape=True, footer_title=f"Lampiran {text.judul[0].title()}")
        mark_pages(ws, marks)
        r, used = self._lampiran_header(text)
        breaks: list[int] = []
        in_table = False
        for no, block in enumerate(blocks):
            for unit in self._block_units(block):
                overflows = used > 0 and used + unit.height > self.page
                # every jabatan but the first starts a new page; any other unit when it
                # does not fit on this one
                new_page = no > 0 if unit.new_page else overflows
                if new_page:
                    breaks.append(r)
                    used = 0.0
                    if unit.table and not unit.table_header and in_table:
                        header = self._table_header()
                        header.write(ws, r)
                        ws.set_row(r, header.height)
                        used += header.height
                        r += 1
                for i, row in enumerate(unit.rows):
                    if new_page and i == 0 and row.spacer:
                        continue
                    row.write(ws, r)
                    ws.set_row(r, row.height)
                    used += row.height
                    r += 1
                in_table = unit.table
        ws.set_h_pagebreaks(breaks[:MAX_PAGE_BREAKS])
        ws.print_area(0, 0, max(r - 1, 0), 3)
        return ws

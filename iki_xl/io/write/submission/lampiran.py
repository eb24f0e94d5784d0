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
MAX_ROW_HEIGHT = 409  # points: Excel's limit

RowWriter = Callable[[Worksheet, int], None]
NOTE = LampiranRow(NO_INDIKATOR, "", "")  # the one row of a jabatan without indicators


def _nothing(ws: Worksheet, r: int) -> None:
    """An empty row: only its height."""


@dataclass(frozen=True, slots=True)
class _Row:
    height: float
    write: RowWriter
    spacer: bool = False  # an empty spacer row, left out at the top of a page


Item = tuple[LampiranRow | None, float]  # an indicator row (None: empty) and its height


@dataclass(frozen=True, slots=True)
class _Unit:
    """Rows that must be printed on one page. `table`: rows of the KINERJA table.

    `split`: the first kinerja rows of a table (kinerja, items): when they do not fit under
    the jabatan's head, as many as fit stay there with the header row, the rest continue on
    the next page (the kinerja cell printed again): a header never stands alone on a page,
    and the head is not left on a page of its own.
    """

    rows: list[_Row]
    table: bool = False
    table_header: bool = False  # starts with the table's header row
    new_page: bool = False  # starts a jabatan: always on a new page
    split: tuple[KinerjaGroup, list[Item]] | None = None

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
        self.r = 0  # the next row
        self.used = 0.0  # points used on the current page
        self.breaks: list[int] = []
        self.in_table = False
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

    def _kinerja(self, k: KinerjaGroup, note: bool = False) -> list[list[Item]]:
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
        chunks: list[list[Item]] = [[]]
        used = 0.0
        for row, h in zip(rows, heights, strict=True):
            if chunks[-1] and used + h > room:
                chunks.append([])
                used = 0.0
            chunks[-1].append((row, h))
            used += h
        return chunks

    def _rows(self, k: KinerjaGroup, items: Sequence[Item]) -> list[_Row]:
        """The rows of a chunk, the kinerja cell merged down over them."""
        heights = [h for _, h in items]
        short = text_height(k.sasaran, WIDTHS[0]) - sum(heights)
        if short > 0:  # the merged kinerja cell needs more room than its indicators
            heights[-1] += short
        return [
            _Row(h, self._indikator_writer(k, row, j == 0, len(items)))
            for j, ((row, _), h) in enumerate(zip(items, heights, strict=True))
        ]

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
        note = not block.has_indikator
        kinerja = block.kinerja or (KinerjaGroup("", ()),)
        chunks = [(k, c) for k in kinerja for c in self._kinerja(k, note)]
        for i, (k, chunk) in enumerate(chunks):
            if i == 0:
                lead = [_Row(10, _nothing, spacer=True), self._table_header()]
                units.append(_Unit([*lead, *self._rows(k, chunk)], True, True, split=(k, chunk)))
            else:
                units.append(_Unit(self._rows(k, chunk), table=True))
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

    def _new_page(self, *, continued: bool) -> None:
        """Break before the next row; a table that goes on repeats its header row."""
        self.breaks.append(self.r)
        self.used = 0.0
        if continued:
            self._put(self._table_header())

    def _put(self, row: _Row) -> None:
        row.write(self.ws, self.r)
        height = min(row.height, MAX_ROW_HEIGHT)  # a longer cell's end is on screen only
        self.ws.set_row(self.r, height)
        self.used += height
        self.r += 1

    def _place(self, unit: _Unit, *, first_block: bool) -> None:
        """Print a unit: every jabatan but the first on a new page, any other unit on the
        next page when it does not fit on this one (a table's start split to fit)."""
        overflows = self.used > 0 and self.used + unit.height > self.page
        if unit.split is not None and overflows:
            k, items = unit.split
            room = self.page - self.used - unit.rows[0].height - unit.rows[1].height
            fit = 0
            while fit < len(items) and sum(h for _, h in items[: fit + 1]) <= room:
                fit += 1
            if 0 < fit < len(items):  # the header and the first rows stay under the head
                for row in [*unit.rows[:2], *self._rows(k, items[:fit])]:
                    self._put(row)
                self._new_page(continued=True)
                for row in self._rows(k, items[fit:]):
                    self._put(row)
                self.in_table = True
                return
        new_page = not first_block if unit.new_page else overflows
        if new_page:
            self._new_page(continued=unit.table and not unit.table_header and self.in_table)
        for i, row in enumerate(unit.rows):
            if not (new_page and i == 0 and row.spacer):
                self._put(row)
        self.in_table = unit.table

    def write(
        self, text: KeputusanText, blocks: Sequence[LampiranBlock], marks: Sequence[str] = ()
    ) -> Worksheet:
        ws = self.ws
        for i, w in enumerate(WIDTHS):
            ws.set_column(i, i, w)
        ws.hide_gridlines(2)
        set_print(ws, landscape=True, footer_title=f"Lampiran {text.judul[0].title()}")
        mark_pages(ws, marks)
        self.r, self.used = self._lampiran_header(text)
        for no, block in enumerate(blocks):
            for unit in self._block_units(block):
                self._place(unit, first_block=no == 0)
        ws.set_h_pagebreaks(self.breaks[:MAX_PAGE_BREAKS])
        ws.print_area(0, 0, max(self.r - 1, 0), 3)
        return ws

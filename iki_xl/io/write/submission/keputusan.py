"""The Keputusan sheet: the decree of the Kepala Dinas, printed on A4 portrait."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from iki_xl.core.keputusan import KeputusanText
from iki_xl.core.numbers import list_letter
from iki_xl.io.text_height import text_height
from iki_xl.io.write.cells import Formats, write_merged, write_value
from iki_xl.io.write.submission.pages import mark_pages, merged_width, page_height, set_print

SHEET = "Keputusan"
WIDTHS = (14.0, 2.0, 4.0, 34.0, 34.0)  # label, ':', letter, text, text/signature
KOP_SIZES = (13, 15, 10, 10, 11)
GAP_BEFORE_SIGNATURE = 18


class _Keputusan:
    """Writes the decree row by row (`r`: the next row), and breaks pages itself: a row
    that would not fit on the page starts the next one, and the signature block (from
    "Ditetapkan di" to the NIP) is one unit that never splits."""

    def __init__(self, ws: Worksheet, formats: Formats) -> None:
        self.ws = ws
        self.f = formats
        self.r = 0
        self.used = 0.0  # points used on the current page
        self.page = page_height(WIDTHS, landscape=False)
        self.breaks: list[int] = []
        self.label = formats(font_size=11)
        self.body = formats(font_size=11, text_wrap=True, align="justify")

    def keep(self, height: float) -> None:
        """Start a new page unless `height` points still fit on this one."""
        if self.used > 0 and self.used + height > self.page:
            self.breaks.append(self.r)
            self.used = 0.0

    def end_row(self, height: float) -> None:
        self.ws.set_row(self.r, height)
        self.used += height
        self.r += 1

    def text(self, c: int, text: str, fmt: Format) -> None:
        write_value(self.ws, self.r, c, text, fmt, cut=True)

    def merged(self, c1: int, c2: int, text: str, fmt: Format) -> None:
        write_merged(self.ws, self.r, c1, self.r, c2, text, fmt, cut=True)

    def centred(self, text: str, size: float = 11, bold: bool = True, rule: int = 0) -> None:
        """A centred line over the whole width; `rule`: a bottom border of that style."""
        extra = {"bottom": rule} if rule else {}
        fmt = self.f(
            bold=bold, font_size=size, align="center", valign="vcenter", text_wrap=True, **extra
        )
        height = text_height(text, merged_width(WIDTHS), size, bold)
        self.keep(height)
        self.merged(0, 4, text, fmt)
        self.end_row(height)

    def gap(self, height: float = 8) -> None:
        if self.used == 0:
            return  # no empty space at the top of a page
        self.end_row(height)

    def items(self, title: str, items: Sequence[str], marker: Callable[[int], str]) -> None:
        """Menimbang / Mengingat: the title and ':' on the first line, markers when more."""
        for i, text in enumerate(items):
            height = text_height(text, merged_width(WIDTHS[3:]), 11) + 2
            self.keep(height)
            self.text(0, title if i == 0 else "", self.label)
            self.text(1, ":" if i == 0 else "", self.label)
            self.text(2, marker(i) if len(items) > 1 else "", self.label)
            self.merged(3, 4, text, self.body)
            self.end_row(height)
        self.gap(8)

    def labelled(self, label: str, text: str, fmt: Format, bold: bool = False) -> None:
        """Menetapkan and each diktum: label, ':', the text over the rest of the width."""
        height = text_height(text, merged_width(WIDTHS[2:]), 11, bold) + 2
        self.keep(height)
        self.text(0, label, self.label)
        self.text(1, ":", self.label)
        self.merged(2, 4, text, fmt)
        self.end_row(height)

    def signature_lines(self, n: KeputusanText) -> list[tuple[str, Format | None, float]]:
        """(text, format, height) of each row from "Ditetapkan di" to the NIP."""
        f, width = self.f, WIDTHS[4]
        signed = f(font_size=11, text_wrap=True)
        centre = f(font_size=11, text_wrap=True, align="center")
        lines: list[tuple[str, Format | None, float]] = [
            (f"Ditetapkan di : {n.ditetapkan_di}", signed, 0),
            (f"Pada tanggal  : {n.pada_tanggal}", f(font_size=11, text_wrap=True, bottom=1), 0),
            ("", None, 8),
            (
                n.jabatan_penanda + ",",
                f(font_size=11, bold=True, text_wrap=True, align="center"),
                0,
            ),
            ("", None, 64),  # room for the signature and the stamp
            (n.nama, f(font_size=11, bold=True, underline=1, text_wrap=True, align="center"), 0),
            (n.pangkat, centre, 0),
            (f"NIP. {n.nip}", centre, 0),
        ]
        return [
            (t, fmt, h or text_height(t, width, 11, i in (3, 5)))
            for i, (t, fmt, h) in enumerate(lines)
        ]

    def signature(self, lines: Sequence[tuple[str, Format | None, float]]) -> None:
        """The signature block on the right half: one unit, kept on one page."""
        self.keep(sum(h for _, _, h in lines))
        for text, fmt, height in lines:
            if fmt is not None:
                self.text(4, text, fmt)
            self.end_row(height)


def write_keputusan_sheet(
    wb: Workbook, formats: Formats, n: KeputusanText, marks: Sequence[str] = ()
) -> Worksheet:
    ws = wb.add_worksheet(SHEET)
    for i, w in enumerate(WIDTHS):
        ws.set_column(i, i, w)
    ws.hide_gridlines(2)
    set_print(ws, landscape=False, footer_title=n.judul[0].title())
    mark_pages(ws, marks)
    k = _Keputusan(ws, formats)
    for i, (text, size) in enumerate(zip(n.kop, KOP_SIZES, strict=True)):
        last = i == len(n.kop) - 1
        k.centred(text, size, i in (0, 1, 4), 6 if last else 0)  # a rule under the kop
    k.gap(14)
    for i, text in enumerate(n.judul):
        k.centred(text, 11, True)
        if i == 1:
            k.gap(6)
    k.gap(10)
    k.centred(n.pejabat, 11, True)
    k.gap(10)
    k.items("Menimbang", n.menimbang, lambda i: f"{list_letter(i)}.")
    k.items("Mengingat", n.mengingat, lambda i: f"{i + 1}.")
    k.centred("MEMUTUSKAN:", 11, True)
    k.gap(6)
    k.labelled("Menetapkan", n.menetapkan, formats(font_size=11, bold=True, text_wrap=True), True)
    k.gap(6)
    signature = k.signature_lines(n)
    *diktum, (last, last_text) = n.diktum
    for name, text in diktum:
        k.labelled(name, text, k.body)
    # the last diktum goes with the signature: a signature page never stands without text
    last_height = text_height(last_text, merged_width(WIDTHS[2:]), 11) + 2
    k.keep(last_height + GAP_BEFORE_SIGNATURE + sum(h for _, _, h in signature))
    k.labelled(last, last_text, k.body)
    k.gap(GAP_BEFORE_SIGNATURE)
    k.signature(signature)
    ws.set_h_pagebreaks(k.breaks)
    ws.print_area(0, 0, max(k.r - 1, 0), 4)
    return ws

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
from iki_xl.io.write.submission.pages import merged_width, set_print

SHEET = "Keputusan"
WIDTHS = (14.0, 2.0, 4.0, 34.0, 34.0)  # label, ':', letter, text, text/signature
KOP_SIZES = (13, 15, 10, 10, 11)


class _Keputusan:
    """Writes the decree row by row (`r`: the next row)."""

    def __init__(self, ws: Worksheet, formats: Formats) -> None:
        self.ws = ws
        self.f = formats
        self.r = 0
        self.label = formats(font_size=11)
        self.body = formats(font_size=11, text_wrap=True, align="justify")

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
        self.merged(0, 4, text, fmt)
        self.ws.set_row(self.r, text_height(text, merged_width(WIDTHS), size, bold))
        self.r += 1

    def gap(self, height: float = 8) -> None:
        self.ws.set_row(self.r, height)
        self.r += 1

    def items(self, title: str, items: Sequence[str], marker: Callable[[int], str]) -> None:
        """Menimbang / Mengingat: the title and ':' on the first line, markers when more."""
        for i, text in enumerate(items):
            self.text(0, title if i == 0 else "", self.label)
            self.text(1, ":" if i == 0 else "", self.label)
            self.text(2, marker(i) if len(items) > 1 else "", self.label)
            self.merged(3, 4, text, self.body)
            self.ws.set_row(self.r, text_height(text, merged_width(WIDTHS[3:]), 11) + 2)
            self.r += 1
        self.gap(8)

    def labelled(self, label: str, text: str, fmt: Format, bold: bool = False) -> None:
        """Menetapkan and each diktum: label, ':', the text over the rest of the width."""
        self.text(0, label, self.label)
        self.text(1, ":", self.label)
        self.merged(2, 4, text, fmt)
        self.ws.set_row(self.r, text_height(text, merged_width(WIDTHS[2:]), 11, bold) + 2)
        self.r += 1

    def signature(self, n: KeputusanText) -> None:
        """Ditetapkan di / Pada tanggal, then the signature block on the right half."""
        ws, f, width = self.ws, self.f, WIDTHS[4]
        signed = f(font_size=11, text_wrap=True)
        signed_centre = f(font_size=11, text_wrap=True, align="center")
        for text, fmt in (
            (f"Ditetapkan di : {n.ditetapkan_di}", signed),
            (f"Pada tanggal  : {n.pada_tanggal}", f(font_size=11, text_wrap=True, bottom=1)),
        ):
            self.text(4, text, fmt)
            ws.set_row(self.r, text_height(text, width, 11))
            self.r += 1
        self.gap(8)
        text = n.jabatan_penanda + ","
        self.text(4, text, f(font_size=11, bold=True, text_wrap=True, align="center"))
        ws.set_row(self.r, text_height(text, width, 11, True))
        self.r += 1
        self.gap(64)  # room for the signature and the stamp
        self.text(4, n.nama, f(font_size=11, bold=True, underline=1, align="center"))
        self.r += 1
        self.text(4, n.pangkat, signed_centre)
        ws.set_row(self.r, text_height(n.pangkat, width, 11))
        self.r += 1
        self.text(4, f"NIP. {n.nip}", signed_centre)


def write_keputusan_sheet(wb: Workbook, formats: Formats, n: KeputusanText) -> Worksheet:
    ws = wb.add_worksheet(SHEET)
    for i, w in enumerate(WIDTHS):
        ws.set_column(i, i, w)
    ws.hide_gridlines(2)
    set_print(ws, landscape=False, footer_title=n.judul[0].title())
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
    for name, text in n.diktum:
        k.labelled(name, text, k.body)
    k.gap(18)
    k.signature(n)
    ws.print_area(0, 0, k.r, 4)
    return ws

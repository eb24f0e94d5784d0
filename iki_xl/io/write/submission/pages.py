"""Page geometry of the submission (A4, in points) and its print setup.

The Lampiran is laid out for print by us, not by the spreadsheet: row heights are
estimated (`iki_xl.io.text_height`) and page breaks placed against `page_height`.
"""

from __future__ import annotations

from collections.abc import Sequence

from xlsxwriter.worksheet import Worksheet

A4_SHORT, A4_LONG = 595.3, 841.9
# inches; the top leaves room for the marks' header (DRAF, CONTOH) whether printed or not,
# so a page breaks at the same place with and without them
MARGINS = {"left": 0.6, "right": 0.6, "top": 0.8, "bottom": 0.75}
FOOTER_MARGIN = 0.3
HEADER_MARGIN = 0.25
PAGE_FILL = 0.93  # fill at most this share of a page: estimates are estimates


def column_width_pt(width: float) -> float:
    """Printed width of a column of `width` character units (7 px digit, 5 px padding)."""
    return (int(width * 7 + 0.5) + 5) * 0.75


def merged_width(widths: Sequence[float]) -> float:
    """Width in character units of merged columns (each column adds its 5 px padding)."""
    return sum(widths) + (len(widths) - 1) * 5 / 7


def page_height(widths: Sequence[float], *, landscape: bool) -> float:
    """Usable height of one printed page in sheet points, after fit-to-width scaling."""
    paper_width, paper_height = (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
    print_width = paper_width - (MARGINS["left"] + MARGINS["right"]) * 72
    print_height = paper_height - (MARGINS["top"] + MARGINS["bottom"]) * 72
    scale = min(1.0, print_width / sum(column_width_pt(w) for w in widths))
    return print_height / scale * PAGE_FILL


def set_print(
    ws: Worksheet, *, landscape: bool, footer_title: str = "", pages_wide: int = 1, fit: bool = True
) -> None:
    """A4, margins, fit to `pages_wide` pages wide (`fit` False: printed at 100 %, pages
    broken by the sheet), footer: the title left, the page right."""
    ws.set_paper(9)  # A4
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.set_margins(**MARGINS)
    if fit:
        ws.fit_to_pages(pages_wide, 0)
    else:
        ws.set_print_scale(100)
    footer = f"&L&8{footer_title.replace('&', '&&')}&R&8Halaman &P dari &N"
    ws.set_footer(footer, {"margin": FOOTER_MARGIN})


def mark_pages(ws: Worksheet, marks: Sequence[str]) -> None:
    """The marks (DRAF …, CONTOH …) in the header of every printed page; none: no header."""
    if marks:
        text = "\n".join(m.replace("&", "&&") for m in marks)
        ws.set_header(f'&C&"Arial,Bold"&11{text}', {"margin": HEADER_MARGIN})

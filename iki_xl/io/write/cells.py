"""Writing cells safely with XlsxWriter: the one home every writer uses.

Text is always written as a string cell, never as a formula, so "=SUM(A1)" or "+62…" a
planner typed arrives as text. A number is written only when Excel can store it. Formats are
made once per distinct set of options (`Formats`).
"""

from __future__ import annotations

import math
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from iki_xl.errors import ExcelLimit
from iki_xl.layout import cell_ref

TEXT_MAX = 32767  # Excel's limit on the characters of one cell

Value = float | int | str | None


class Formats:
    """The formats of one workbook: call with options → a Format, made once per options.

    `base` (font, size, alignment …) is under every format; the options override it.
    """

    def __init__(self, wb: Workbook, base: dict[str, Any] | None = None) -> None:
        self._wb = wb
        self._made: dict[tuple[tuple[str, Any], ...], Format] = {}
        self.base: dict[str, Any] = dict(base or {})

    def __call__(self, **options: Any) -> Format:
        merged = self.base | options
        key = tuple(sorted(merged.items()))
        if key not in self._made:
            self._made[key] = self._wb.add_format(merged)
        return self._made[key]


def write_text(
    ws: Worksheet,
    r: int,
    c: int,
    s: str,
    fmt: Format | None = None,
    *,
    cut: bool = False,
    empty_as_blank: bool = True,
) -> None:
    """Text as a string cell, never a formula, even when it starts with '='.

    Empty text is a blank cell (`empty_as_blank=False`: an empty string cell, as the
    validation report always wrote). Text over Excel's 32,767 characters raises
    `ExcelLimit` naming sheet and cell; `cut=True` cuts it instead (the submission).
    """
    if len(s) > TEXT_MAX:
        if not cut:
            raise ExcelLimit(
                f"teks di sheet '{ws.name}' sel {cell_ref(r, c)} lebih dari {TEXT_MAX} karakter"
            )
        s = s[:TEXT_MAX]
    if s == "" and empty_as_blank:
        ws.write_blank(r, c, None, fmt)
        return
    ws.write_string(r, c, s, fmt)


def write_number(ws: Worksheet, r: int, c: int, x: float | None, fmt: Format | None = None) -> None:
    """A number, or a blank cell for None. Excel cannot store inf or NaN: `ExcelLimit`."""
    if x is None:
        ws.write_blank(r, c, None, fmt)
        return
    if math.isnan(x) or math.isinf(x):
        raise ExcelLimit(
            f"nilai tak terhingga di sheet '{ws.name}' sel {cell_ref(r, c)} tidak dapat disimpan"
        )
    ws.write_number(r, c, x, fmt)


def write_value(
    ws: Worksheet, r: int, c: int, v: Value, fmt: Format | None = None, *, cut: bool = False
) -> None:
    """A value, never a formula: a finite number, else blank (None, inf, NaN, empty text);
    a bool as its text; text through `write_text`."""
    if v is None:
        ws.write_blank(r, c, None, fmt)
    elif isinstance(v, bool):
        write_text(ws, r, c, str(v), fmt)
    elif isinstance(v, int | float):
        if math.isfinite(v):
            ws.write_number(r, c, v, fmt)
        else:
            ws.write_blank(r, c, None, fmt)
    else:
        write_text(ws, r, c, v, fmt, cut=cut)


def write_merged(
    ws: Worksheet,
    r1: int,
    c1: int,
    r2: int,
    c2: int,
    text: str,
    fmt: Format | None = None,
    *,
    cut: bool = False,
) -> None:
    """A merged range whose value is text (through `write_text`); one cell is not merged."""
    if r1 != r2 or c1 != c2:
        ws.merge_range(r1, c1, r2, c2, "", fmt)
    write_text(ws, r1, c1, text, fmt, cut=cut)

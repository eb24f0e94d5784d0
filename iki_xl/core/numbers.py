"""Numbers as planners type them, and how every message and sheet prints them.

`Result` is what every computation returns: a number, or no number and the reason in
Bahasa Indonesia ("target 0", "pembagi 0"). `parse_number` reads a cell the way the planner
meant it; `format_number` is the one Indonesian notation ("1.234,5") used everywhere, `format_date`
the one for dates ("2 Januari 2024").
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model (pydantic) is not imported at run time: the layout, and with it
    from iki_xl.core.model import Isian  # every ribbon click, imports this module

QUARTERS = ("TW I", "TW II", "TW III", "TW IV")


@dataclass(frozen=True, slots=True)
class Result:
    """A computed number, or the reason there is none. `note` tells how text was read."""

    value: float | None
    reason: str = ""
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.value is not None

    @staticmethod
    def failed(reason: str) -> Result:
        return Result(None, reason)


INFINITE = Result(None, "hasil tidak terhingga")


def fsum(values: Iterable[float]) -> float:
    """math.fsum, but an overflowing sum is inf (or NaN), never an OverflowError: the
    callers' `finite` turns it into a reason."""
    values = list(values)
    try:
        return math.fsum(values)
    except OverflowError:  # "intermediate overflow in fsum": e.g. 1e308 four times
        return sum(values)


def finite(x: float, note: str = "") -> Result:
    """`x` as a result, or the reason when it is inf or NaN (never stored, never shown)."""
    return Result(x, note=note) if math.isfinite(x) else INFINITE


_ID = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.234,5
_EN = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,234.5
_COMMA = re.compile(r"^[+-]?\d+,\d+$")  # 12,5
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_number(x: Isian | int | bool) -> Result:
    """Read a cell as a number the way the planner meant it.

    "85%" → 85, "1.234,5" → 1234.5, "12,5" → 12.5. Blank or "-" → no value ("kosong").
    """
    if x is None:
        return Result.failed("kosong")
    if isinstance(x, bool):
        return Result.failed(f"bukan angka: {x}")
    if isinstance(x, int | float):
        return finite(float(x))
    text = str(x).strip().replace("\u00a0", "").replace(" ", "")
    if not text or text in {"-", "–"}:
        return Result.failed("kosong")
    if text.endswith("%"):
        text = text[:-1]
    if _PLAIN.match(text):
        number = float(text)
    elif _ID.match(text):
        number = float(text.replace(".", "").replace(",", "."))
    elif _EN.match(text):
        number = float(text.replace(",", ""))
    elif _COMMA.match(text):
        number = float(text.replace(",", "."))
    else:
        return Result.failed(f"bukan angka: '{x}'")
    return finite(number, note=f"teks '{x}' dibaca sebagai {format_number(number)}")


def format_number(x: float, decimals: int = 4) -> str:
    """Indonesian notation: thousands with '.', decimals with ',', trailing zeros dropped.

    1234.5 → "1.234,5"; 85.0 → "85"; 0.12345 → "0,1235" (at most `decimals` places).
    """
    if not math.isfinite(x):
        return "tak terhingga"
    text = f"{x:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in {"-0", ""}:
        text = "0"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def list_letter(i: int) -> str:
    """The marker of item i (0-based) of a lettered list: a, b, … z, aa, ab …"""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(ord("a") + r) + s
    return s


MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
# A date written by a program, not a planner: "2024-01-02", "2024-01-02T00:00:00"
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?)?\s*$")


def format_date(value: dt.date | str) -> str:
    """The one Indonesian date: date(2024, 1, 2) or "2024-01-02" → "2 Januari 2024".

    A date cell of a workbook and a YAML date arrive as dates; an ISO text is how a program
    (not a planner) writes one. Any other text is the planner's and returned unchanged.
    """
    if isinstance(value, str):
        m = _ISO_DATE.match(value)
        if m is None:
            return value
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:  # "2024-02-30" is no date: the text as written
            return value
    else:
        day = value
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

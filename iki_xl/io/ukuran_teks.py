"""Estimating how tall a wrapped text is in a cell, for the rows we size ourselves.

Neither Excel (merged cells) nor LibreOffice reliably autofits the rows of a generated file,
so every writer (planner workbook, submission, validation report) sets row heights from this
one estimate.
"""

from __future__ import annotations

import math
from functools import lru_cache

UKURAN = 10  # points: the font size the estimate assumes unless told otherwise

# Advance widths in em of two fonts: Arial (what Excel uses) and DejaVu Sans (what
# LibreOffice falls back to without Arial). Column widths are counted in digit widths of the
# workbook's font, so each width is taken relative to that font's digit, and the larger of
# the two is used: the estimate then holds in both programs.
_ARIAL = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,:;()-/%",
        [
            0.556,
            0.556,
            0.5,
            0.556,
            0.556,
            0.278,
            0.556,
            0.556,
            0.222,
            0.222,
            0.5,
            0.222,
            0.833,
            0.556,
            0.556,
            0.556,
            0.556,
            0.333,
            0.5,
            0.278,
            0.556,
            0.5,
            0.722,
            0.5,
            0.5,
            0.5,
            0.667,
            0.667,
            0.722,
            0.722,
            0.667,
            0.611,
            0.778,
            0.722,
            0.278,
            0.5,
            0.667,
            0.556,
            0.833,
            0.722,
            0.778,
            0.667,
            0.778,
            0.722,
            0.667,
            0.611,
            0.722,
            0.667,
            0.944,
            0.667,
            0.667,
            0.611,
            0.278,
            0.278,
            0.278,
            0.278,
            0.278,
            0.333,
            0.333,
            0.333,
            0.278,
            0.889,
        ],
        strict=True,
    )
)
_DEJAVU = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,:;()-/%",
        [
            0.613,
            0.635,
            0.550,
            0.635,
            0.615,
            0.352,
            0.635,
            0.634,
            0.278,
            0.278,
            0.579,
            0.278,
            0.974,
            0.634,
            0.612,
            0.635,
            0.635,
            0.411,
            0.521,
            0.392,
            0.634,
            0.592,
            0.818,
            0.592,
            0.592,
            0.525,
            0.684,
            0.686,
            0.698,
            0.770,
            0.632,
            0.575,
            0.775,
            0.752,
            0.295,
            0.295,
            0.656,
            0.557,
            0.863,
            0.748,
            0.787,
            0.603,
            0.787,
            0.695,
            0.635,
            0.611,
            0.732,
            0.684,
            0.989,
            0.685,
            0.611,
            0.685,
            0.318,
            0.318,
            0.318,
            0.337,
            0.337,
            0.390,
            0.390,
            0.361,
            0.337,
            0.950,
        ],
        strict=True,
    )
)
_ANGKA_ARIAL, _ANGKA_DEJAVU = 0.556, 0.636


@lru_cache(maxsize=512)
def _lebar_huruf(c: str) -> float:
    """Advance width of a character in digit widths (the unit of Excel's column width)."""
    if c in _ARIAL:
        return max(_ARIAL[c] / _ANGKA_ARIAL, _DEJAVU[c] / _ANGKA_DEJAVU)
    if c.isdigit():
        return 1.0
    if c in "―—∑Σ×ƒ%&@WM":
        return 1.6
    return 1.0


@lru_cache(maxsize=8192)  # the Rekap repeats the same texts (dinas, jabatan, sasaran) often
def jumlah_baris(teks: str, lebar: float, ukuran: float = UKURAN, tebal: bool = False) -> int:
    """How many lines `teks` takes when wrapped at word boundaries in a cell `lebar`
    character units wide (Excel's column width unit: the digit width of the font)."""
    kali = (1.12 if tebal else 1.0) * ukuran / UKURAN
    muat = max(lebar - 0.6, 1.0)
    spasi = _lebar_huruf(" ") * kali
    n = 0
    for paragraf in teks.split("\n"):
        n += 1
        x = 0.0
        for kata in paragraf.split(" "):
            w = sum(_lebar_huruf(c) for c in kata) * kali
            if x > 0 and x + spasi + w > muat:
                n += 1
                x = 0.0
            elif x > 0:
                x += spasi
            if w > muat:  # a word longer than the line breaks inside itself
                n += math.ceil(w / muat) - 1
                w = w % muat
            x += w
    return n


def tinggi_teks(teks: str, lebar: float, ukuran: float = UKURAN, tebal: bool = False) -> float:
    """Row height in points for `teks` in a cell `lebar` character units wide."""
    return tinggi_untuk(jumlah_baris(teks, lebar, ukuran, tebal), ukuran)


def tinggi_untuk(baris: int, ukuran: float = UKURAN) -> float:
    """Row height in points for `baris` lines of text."""
    return baris * ukuran * 1.2 + 4.5

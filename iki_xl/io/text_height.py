"""How tall a wrapped text is in a cell, for the rows we size ourselves.

Neither Excel (merged cells) nor LibreOffice reliably autofits the rows of a generated file,
so every writer (planner workbook, submission, validation report) sets row heights from this
one estimate.
"""

from __future__ import annotations

import math
from functools import lru_cache

DEFAULT_SIZE = 10  # points: the font size the estimate assumes unless told otherwise

# Advance widths in em of two fonts: Arial (what Excel uses) and DejaVu Sans (what
# LibreOffice falls back to without Arial), for these characters. Column widths are counted
# in digit widths of the workbook's font, so each width is taken relative to that font's
# digit, and the larger of the two is used: the estimate then holds in both programs.
_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,:;()-/%"
_ARIAL = dict(
    zip(
        _CHARS,
        map(
            float,
            [
                "0.556",
                "0.556",
                "0.5",
                "0.556",
                "0.556",
                "0.278",
                "0.556",
                "0.556",
                "0.222",
                "0.222",
                "0.5",
                "0.222",
                "0.833",
                "0.556",
                "0.556",
                "0.556",
                "0.556",
                "0.333",
                "0.5",
                "0.278",
                "0.556",
                "0.5",
                "0.722",
                "0.5",
                "0.5",
                "0.5",
                "0.667",
                "0.667",
                "0.722",
                "0.722",
                "0.667",
                "0.611",
                "0.778",
                "0.722",
                "0.278",
                "0.5",
                "0.667",
                "0.556",
                "0.833",
                "0.722",
                "0.778",
                "0.667",
                "0.778",
                "0.722",
                "0.667",
                "0.611",
                "0.722",
                "0.667",
                "0.944",
                "0.667",
                "0.667",
                "0.611",
                "0.278",
                "0.278",
                "0.278",
                "0.278",
                "0.278",
                "0.333",
                "0.333",
                "0.333",
                "0.278",
                "0.889",
            ],
        ),
        strict=True,
    )
)
_DEJAVU = dict(
    zip(
        _CHARS,
        map(
            float,
            [
                "0.613",
                "0.635",
                "0.55",
                "0.635",
                "0.615",
                "0.352",
                "0.635",
                "0.634",
                "0.278",
                "0.278",
                "0.579",
                "0.278",
                "0.974",
                "0.634",
                "0.612",
                "0.635",
                "0.635",
                "0.411",
                "0.521",
                "0.392",
                "0.634",
                "0.592",
                "0.818",
                "0.592",
                "0.592",
                "0.525",
                "0.684",
                "0.686",
                "0.698",
                "0.77",
                "0.632",
                "0.575",
                "0.775",
                "0.752",
                "0.295",
                "0.295",
                "0.656",
                "0.557",
                "0.863",
                "0.748",
                "0.787",
                "0.603",
                "0.787",
                "0.695",
                "0.635",
                "0.611",
                "0.732",
                "0.684",
                "0.989",
                "0.685",
                "0.611",
                "0.685",
                "0.318",
                "0.318",
                "0.318",
                "0.337",
                "0.337",
                "0.39",
                "0.39",
                "0.361",
                "0.337",
                "0.95",
            ],
        ),
        strict=True,
    )
)
_DIGIT_ARIAL, _DIGIT_DEJAVU = 0.556, 0.636


@lru_cache(maxsize=512)
def _char_width(c: str) -> float:
    """Advance width of a character in digit widths (the unit of Excel's column width)."""
    if c in _ARIAL:
        return max(_ARIAL[c] / _DIGIT_ARIAL, _DEJAVU[c] / _DIGIT_DEJAVU)
    if c.isdigit():
        return 1.0
    if c in "―—∑Σ×ƒ%&@WM":
        return 1.6
    return 1.0


def text_width(text: str, size: float = DEFAULT_SIZE, bold: bool = False) -> float:
    """Column width (character units) that holds the longest line of `text` unwrapped."""
    scale = (1.12 if bold else 1.0) * size / DEFAULT_SIZE
    longest = max(sum(_char_width(c) for c in line) for line in text.split("\n"))
    return longest * scale + 0.6


@lru_cache(maxsize=8192)  # the Rekap repeats the same texts (dinas, jabatan, sasaran) often
def line_count(text: str, width: float, size: float = DEFAULT_SIZE, bold: bool = False) -> int:
    """How many lines `text` takes when wrapped at word boundaries in a cell `width`
    character units wide (Excel's column width unit: the digit width of the font)."""
    scale = (1.12 if bold else 1.0) * size / DEFAULT_SIZE
    room = max(width - 0.6, 1.0)
    space = _char_width(" ") * scale
    n = 0
    for paragraph in text.split("\n"):
        n += 1
        x = 0.0
        for word in paragraph.split(" "):
            w = sum(_char_width(c) for c in word) * scale
            if x > 0 and x + space + w > room:
                n += 1
                x = 0.0
            elif x > 0:
                x += space
            if w > room:  # a word longer than the line breaks inside itself
                n += math.ceil(w / room) - 1
                w = w % room
            x += w
    return n


def text_height(text: str, width: float, size: float = DEFAULT_SIZE, bold: bool = False) -> float:
    """Row height in points for `text` in a cell `width` character units wide."""
    return height_for_lines(line_count(text, width, size, bold), size)


def height_for_lines(lines: int, size: float = DEFAULT_SIZE) -> float:
    """Row height in points for `lines` lines of text."""
    return lines * size * 1.2 + 4.5

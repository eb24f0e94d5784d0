"""Measuring a printed PDF (pdfplumber: every character with its size and box, every
rectangle and path), for the tests that judge the submission as LibreOffice prints it."""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber

from iki_xl.io.pdf import to_png

BAR = (0.267, 0.447, 0.769)  # the chart's bars: #4472C4
FOOTER = re.compile(r"Halaman \d+ dari \d+")


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    text: str
    chars: list[dict[str, Any]]
    words: list[dict[str, Any]]
    rects: list[dict[str, Any]]
    curves: list[dict[str, Any]]
    height: float = 595.3


def read_pdf(path: Path) -> list[Page]:
    with pdfplumber.open(path) as pdf:
        return [
            Page(
                i,
                p.extract_text() or "",
                list(p.chars),
                p.extract_words(),
                list(p.rects),
                list(p.curves),
            )
            for i, p in enumerate(pdf.pages, start=1)
        ]


def plain_text(path: Path) -> str:
    """The PDF's text in reading order (pdftotext without -layout: a table cell's lines
    stay together, where a layout extraction interleaves the columns)."""
    process = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    )
    return process.stdout


def squeeze(text: str) -> str:
    """Text without any whitespace: a wrapped line or a glued word compares equal."""
    return "".join(text.split())


def content(page: Page, marks: Iterable[str]) -> str:
    """A page's text without its header (the marks) and its footer."""
    lines = [ln for ln in page.text.splitlines() if ln.strip() not in set(marks)]
    lines = [ln for ln in lines if not FOOTER.search(ln)]
    return squeeze("\n".join(lines))


def _colour(x: Any) -> tuple[float, ...]:
    return tuple(round(float(v), 3) for v in x) if isinstance(x, list | tuple) else ()


def is_bar(shape: dict[str, Any]) -> bool:
    return _colour(shape.get("non_stroking_color")) == BAR


def is_grey(shape: dict[str, Any]) -> bool:
    """A shaded table header cell (#D9D9D9)."""
    return _colour(shape.get("non_stroking_color")) == (0.851, 0.851, 0.851)


def chart_box(page: Page) -> tuple[float, float, float, float] | None:
    """The smallest drawn box (x0, top, x1, bottom) that holds every bar of the chart."""
    bars = [r for r in page.rects if is_bar(r)]
    if not bars:
        return None
    x0 = min(b["x0"] for b in bars)
    top = min(b["top"] for b in bars)
    x1 = max(b["x1"] for b in bars)
    bottom = max(b["bottom"] for b in bars)
    boxes = [
        (s["x0"], s["top"], s["x1"], s["bottom"])
        for s in [*page.rects, *page.curves]
        if not is_bar(s)
        and s["x0"] <= x0
        and s["top"] <= top
        and s["x1"] >= x1
        and s["bottom"] >= bottom
    ]
    return min(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1])) if boxes else None


def inside(box: tuple[float, float, float, float], shape: dict[str, Any]) -> bool:
    """Whether a word or a shape's box intersects `box`."""
    x0, top, x1, bottom = box
    return shape["x0"] < x1 and shape["x1"] > x0 and shape["top"] < bottom and shape["bottom"] > top


def png_pixels(path: Path) -> tuple[int, int, int, bytes]:
    """Decode an 8-bit PNG (gray or RGB, as pdftoppm writes): width, height, channels, rows."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos : pos + 4])
        kind, chunk = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8
            channels = {0: 1, 2: 3, 6: 4}[color]
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = width * channels
    out = bytearray()
    previous = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            a = row[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if f == 1:
                row[x] = (row[x] + a) & 255
            elif f == 2:
                row[x] = (row[x] + b) & 255
            elif f == 3:
                row[x] = (row[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                row[x] = (row[x] + pred) & 255
        out += row
        previous = row
    return width, height, channels, bytes(out)


def bar_pixels(pdf: Path, page: int, dpi: int = 20) -> int:
    """How many pixels of the chart's bar colour the rendered page shows (what is seen,
    after clipping)."""
    with tempfile.TemporaryDirectory() as tmp:
        _, _, channels, px = png_pixels(to_png(pdf, Path(tmp) / "p", page=page, dpi=dpi))
    target = tuple(round(v * 255) for v in BAR)
    return sum(
        1
        for i in range(0, len(px), channels)
        if channels >= 3 and all(abs(px[i + k] - target[k]) <= 12 for k in range(3))
    )

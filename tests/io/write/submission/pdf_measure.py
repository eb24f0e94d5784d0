"""Measuring a printed PDF (pdfplumber: every character with its size and box, every
rectangle and path), for the tests that judge the submission as LibreOffice prints it."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber

from iki_xl.io.write.submission.pages import MARGINS

BAR = (0.267, 0.447, 0.769)  # the chart's bars: #4472C4
FOOTER = re.compile(r"Halaman \d+ dari \d+")
TOP, BOTTOM = MARGINS["top"] * 72, MARGINS["bottom"] * 72  # the xlsx pages' print area


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    text: str
    chars: list[dict[str, Any]]
    words: list[dict[str, Any]]
    rects: list[dict[str, Any]]
    curves: list[dict[str, Any]]
    height: float = 595.3

    def visible(self, shape: dict[str, Any]) -> bool:
        """Inside the printed area: LibreOffice also writes the part of a drawing that
        falls past the page's cells, clipped away (pdfplumber does not apply clipping)."""
        return shape["top"] >= TOP - 1 and shape["bottom"] <= self.height - BOTTOM + 1


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
    bars = [r for r in page.rects if is_bar(r) and page.visible(r)]
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

"""Limits of the files the document goes into: a text longer than an Excel cell holds.

Excel keeps at most 32,767 characters in a cell, counted as Excel counts them: UTF-16 code
units, so a character outside the Basic Multilingual Plane (most emoji) counts twice. A
longer text cannot be written whole into the planner workbook or the submission; it is a
galat with its jalur, never cut silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from iki_xl.core.findings import Finding, Severity
from iki_xl.core.model import Dokumen
from iki_xl.core.numbers import format_number

EXCEL_CELL_CHARS = 32_767
TEXT_TOO_LONG = "IKI-X013"  # a text over Excel's cell limit (a reading code: see io/read)


def excel_length(text: str) -> int:
    """The length of `text` as Excel counts it (UTF-16 code units)."""
    if len(text) <= EXCEL_CELL_CHARS // 2:  # cannot be over the limit: skip the encoding
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _texts(value: Any, jalur: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield jalur, value
    elif isinstance(value, BaseModel):
        for name, v in value.__dict__.items():
            yield from _texts(v, f"{jalur}.{name}" if jalur else name)
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            yield from _texts(v, f"{jalur}[{i}]")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _texts(v, f"{jalur}.{k}")


def text_limits(doc: Dokumen) -> list[Finding]:
    """A galat for every text of the document longer than an Excel cell holds."""
    found = []
    for jalur, text in _texts(doc, ""):
        n = excel_length(text)
        if n > EXCEL_CELL_CHARS:
            jabatan = ""
            if jalur.startswith("jabatan["):
                i = int(jalur[len("jabatan[") : jalur.index("]")])
                jabatan = doc.jabatan[i].nama
            found.append(
                Finding(
                    code=TEXT_TOO_LONG,
                    severity=Severity.GALAT,
                    message=(
                        f"teks {format_number(n)} karakter melebihi batas sel Excel "
                        f"{format_number(EXCEL_CELL_CHARS)} karakter; di berkas keluaran teks "
                        "ini dipotong"
                    ),
                    saran="perpendek teks ini, atau pecah menjadi beberapa butir",
                    jabatan=jabatan,
                    jalur=jalur,
                )
            )
    return found

"""The submission's Lampiran parsed back with independent readers (openpyxl, python-docx),
every text exactly as the cell or the Word table holds it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl

from iki_xl.core.lampiran import NO_INDIKATOR
from iki_xl.io.write.submission.lampiran import LAMPIRAN_COLUMNS

TITLE = "INDIKATOR KINERJA INDIVIDU"
LABELS = {"1. JABATAN :": "nama", "2. TUGAS :": "tugas", "3. FUNGSI :": "fungsi"}


@dataclass
class Block:
    nama: str = ""
    tugas: list[str] = field(default_factory=list)  # as printed: "a. " marker included
    fungsi: list[str] = field(default_factory=list)
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # kinerja printed with NO_INDIKATOR


def cell_text(v: object) -> str:
    return "" if v is None else str(v)


def _head(block: Block, part: str, label: str, text: str) -> str:
    """One line of the block's head; returns the part it belongs to."""
    part = LABELS.get(label, part)
    if part == "nama" and label:
        block.nama = text
    elif part in ("tugas", "fungsi"):
        getattr(block, part).append(text)
    return part


def read_lampiran(path: Path) -> list[Block]:
    """The Lampiran sheet parsed back: a kinerja cell merged down holds its indicators."""
    ws = openpyxl.load_workbook(path)["Lampiran"]
    continuation: dict[int, int] = {}  # row → top row of its merged kinerja cell
    for m in ws.merged_cells.ranges:
        if m.min_col == 1 and m.max_col == 1:
            for r in range(m.min_row + 1, m.max_row + 1):
                continuation[r] = m.min_row
    blocks: list[Block] = []
    part = ""
    for r, (a, b, c, d) in enumerate(ws.iter_rows(min_col=1, max_col=4, values_only=True), start=1):
        a_, b_, c_, d_ = map(cell_text, (a, b, c, d))
        if a_ == TITLE:
            blocks.append(Block())
            part = ""
            continue
        if not blocks:
            continue
        if (a_, b_, c_, d_) == LAMPIRAN_COLUMNS:
            part = "table"
        elif part != "table":
            if a_ or b_:
                part = _head(blocks[-1], part, a_, b_)
        elif b_ == NO_INDIKATOR and not c_ and not d_:
            blocks[-1].notes.append(a_)
        elif b_ or c_ or d_:
            top = continuation.get(r)
            sasaran = cell_text(ws.cell(top, 1).value) if top else a_
            blocks[-1].rows.append((sasaran, b_, c_, d_))
    return blocks


def read_lampiran_docx(path: Path) -> list[Block]:
    """The Lampiran of the Word document: each jabatan's head table, then its 4-column table
    (python-docx gives a vertically merged cell's text on every row it spans)."""
    blocks: list[Block] = []
    for table in docx.Document(str(path)).tables:
        first = [c.text for c in table.rows[0].cells]
        if first and first[0] in LABELS:
            blocks.append(Block())
            part = ""
            for row in table.rows:
                label, marker, text = (c.text for c in row.cells)
                printed = f"{marker} {text}" if marker else text
                part = _head(blocks[-1], part, label, printed)
        elif tuple(first) == LAMPIRAN_COLUMNS:
            for row in table.rows[1:]:
                a, b, c, d = (cell.text for cell in row.cells)
                if b == NO_INDIKATOR and c == d == NO_INDIKATOR:  # merged across B–D
                    blocks[-1].notes.append(a)
                elif b or c or d:
                    blocks[-1].rows.append((a, b, c, d))
    return blocks

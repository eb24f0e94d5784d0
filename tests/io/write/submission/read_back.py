"""The submission's Lampiran parsed back with an independent reader (openpyxl)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import openpyxl

from iki_xl.io.write.submission.lampiran import LAMPIRAN_COLUMNS


def cell_text(v: object) -> str:
    return "" if v is None else str(v)


def read_lampiran(path: Path) -> list[dict[str, Any]]:
    """The Lampiran sheet parsed back into blocks: nama, tugas, fungsi, table rows."""
    ws = openpyxl.load_workbook(path)["Lampiran"]
    blocks: list[dict[str, Any]] = []
    part = ""
    sasaran = ""
    for a, b, c, d in ws.iter_rows(min_col=1, max_col=4, values_only=True):
        a_, b_, c_, d_ = map(cell_text, (a, b, c, d))
        if a_ == "INDIKATOR KINERJA INDIVIDU":
            blocks.append({"nama": "", "tugas": [], "fungsi": [], "rows": [], "sasaran": []})
            part = ""
            continue
        if not blocks:
            continue
        if (a_, b_, c_, d_) == LAMPIRAN_COLUMNS:
            part = "table"
            continue
        if a_.startswith("1. JABATAN"):
            blocks[-1]["nama"] = b_
        elif a_.startswith("2. TUGAS"):
            part = "tugas"
        elif a_.startswith("3. FUNGSI"):
            part = "fungsi"
        if part in ("tugas", "fungsi") and b_:
            blocks[-1][part].append(re.sub(r"^[a-z]+\. ", "", b_))
        elif part == "table":
            if a_:
                sasaran = a_
                blocks[-1]["sasaran"].append(a_)
            if b_ or c_ or d_:
                blocks[-1]["rows"].append((sasaran, b_, c_, d_))
    return blocks

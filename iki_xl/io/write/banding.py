"""The Perbandingan IKI (what changed between two years' IKI) as a printed table."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import xlsxwriter

from iki_xl.core.banding import Perubahan
from iki_xl.io.atomic import temporary_path
from iki_xl.io.write.printed_table import PrintedTable

HEADER = ("No", "Perubahan", "Jabatan", "Indikator", "Semula", "Menjadi")
WIDTHS = (4.0, 14.0, 26.0, 34.0, 26.0, 26.0)  # fits A4 landscape at 100 %


def summary(changes: list[Perubahan]) -> str:
    """'3 indikator baru, 1 jabatan dihapus, …' in the order of the table; or none."""
    if not changes:
        return "Tidak ada perubahan."
    counts = Counter(c.jenis for c in changes)
    return ", ".join(f"{n} {jenis}" for jenis, n in counts.items()) + "."


def write_banding(changes: list[Perubahan], path: Path | str, *, title: str, subtitle: str) -> Path:
    """Write the table atomically: one row per change, in the new document's order."""
    path = Path(path)
    with temporary_path(path) as tmp:
        wb = xlsxwriter.Workbook(
            str(tmp),
            {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
        )
        wb.set_properties({"title": title, "subject": subtitle})
        table = PrintedTable(wb)
        ws, r = table.sheet(
            "Perbandingan", WIDTHS, title=title, subtitle=subtitle, note=summary(changes),
            footer=f"{title} — {subtitle}", header=HEADER,
        )  # fmt: skip
        for no, c in enumerate(changes, start=1):
            values = [float(no), str(c.jenis), c.jabatan, c.indikator, c.lama, c.baru]
            table.row(ws, r + no, values, WIDTHS)
        wb.close()
    return path

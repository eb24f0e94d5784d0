"""Findings: a planner's mistake as a frozen record, never an exception.

Rules produce findings that point into the model (`jalur`, e.g.
"jabatan[3].kinerja[0].indikator[1].sumber_data"); the workbook reader knows which sheet
and cell each jalur came from and fills `sheet` and `sel` in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum


class Keparahan(StrEnum):
    GALAT = "galat"
    PERINGATAN = "peringatan"
    INFO = "info"


@dataclass(frozen=True)
class Temuan:
    kode: str  # stable code, e.g. "IKI-I002"
    keparahan: Keparahan
    pesan: str  # what is wrong, in Bahasa Indonesia
    saran: str = ""  # how to fix it
    jabatan: str = ""  # nama of the jabatan concerned
    jalur: str = ""  # where in the model
    sheet: str = ""
    sel: str = ""  # "C12"

    def ke_json(self) -> dict[str, str]:
        """The CLI's JSON shape: exactly these keys."""
        return {
            "code": self.kode,
            "severity": str(self.keparahan),
            "sheet": self.sheet,
            "cell": self.sel,
            "jabatan": self.jabatan,
            "message": self.pesan,
            "saran": self.saran,
        }


_SEL = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def kolom_ke_angka(huruf: str) -> int:
    n = 0
    for c in huruf:
        n = n * 26 + ord(c) - 64
    return n


def posisi_sel(sel: str) -> tuple[int, int]:
    """(row, column) of an A1 reference; (0, 0) when there is none."""
    m = _SEL.match(sel.upper())
    return (int(m.group(2)), kolom_ke_angka(m.group(1))) if m else (0, 0)


def urutkan(
    temuan: Iterable[Temuan], urutan_sheet: Mapping[str, int] | None = None
) -> list[Temuan]:
    """Sorted by sheet (workbook order when given), row, column, then code."""
    urutan = urutan_sheet or {}

    def kunci(t: Temuan) -> tuple[int, str, int, int, str]:
        baris, kolom = posisi_sel(t.sel)
        return (urutan.get(t.sheet, len(urutan)), t.sheet, baris, kolom, t.kode)

    return sorted(temuan, key=kunci)


def tempatkan(temuan: Iterable[Temuan], peta: Mapping[str, tuple[str, str]]) -> list[Temuan]:
    """Fill sheet and cell from a map jalur → (sheet, cell); the longest known prefix wins."""
    hasil = []
    for t in temuan:
        jalur = t.jalur
        while jalur and jalur not in peta:
            induk = jalur.rsplit(".", 1)[0] if "." in jalur else re.sub(r"\[\d+\]$", "", jalur)
            if induk == jalur:  # nothing left to cut: no known prefix
                break
            jalur = induk
        if jalur in peta:
            sheet, sel = peta[jalur]
            t = replace(t, sheet=t.sheet or sheet, sel=t.sel or sel)
        hasil.append(t)
    return hasil


def hitung_keparahan(temuan: Iterable[Temuan]) -> dict[Keparahan, int]:
    jumlah = dict.fromkeys(Keparahan, 0)
    for t in temuan:
        jumlah[t.keparahan] += 1
    return jumlah

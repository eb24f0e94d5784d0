"""Findings: a planner's mistake as an immutable record, never an exception.

Rules produce findings that point into the model (`jalur`, e.g.
"jabatan[3].kinerja[0].indikator[1].sumber_data"); the workbook reader knows which sheet
and cell each jalur came from and fills `sheet` and `sel` in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Final


class Keparahan(StrEnum):
    GALAT = "galat"
    PERINGATAN = "peringatan"
    INFO = "info"


class Temuan:
    """One finding. Immutable: its attributes are Final (the compiled build enforces them).
    A plain class rather than a frozen dataclass, which the compiled build makes about 15×
    slower to create; equality, hash and repr are a dataclass's."""

    __slots__ = ("jabatan", "jalur", "keparahan", "kode", "pesan", "saran", "sel", "sheet")

    def __init__(
        self,
        kode: str,  # stable code, e.g. "IKI-I002"
        keparahan: Keparahan,
        pesan: str,  # what is wrong, in Bahasa Indonesia
        saran: str = "",  # how to fix it
        jabatan: str = "",  # nama of the jabatan concerned
        jalur: str = "",  # where in the model
        sheet: str = "",
        sel: str = "",  # "C12"
    ) -> None:
        self.kode: Final = kode
        self.keparahan: Final = keparahan
        self.pesan: Final = pesan
        self.saran: Final = saran
        self.jabatan: Final = jabatan
        self.jalur: Final = jalur
        self.sheet: Final = sheet
        self.sel: Final = sel

    def _isi(self) -> tuple[str, Keparahan, str, str, str, str, str, str]:
        return (
            self.kode, self.keparahan, self.pesan, self.saran, self.jabatan, self.jalur,
            self.sheet, self.sel,
        )  # fmt: skip

    def __eq__(self, lain: object) -> bool:
        if not isinstance(lain, Temuan):
            return NotImplemented
        return self._isi() == lain._isi()

    def __hash__(self) -> int:
        return hash(self._isi())

    def __repr__(self) -> str:
        return (
            f"Temuan(kode={self.kode!r}, keparahan={self.keparahan!r}, pesan={self.pesan!r}, "
            f"saran={self.saran!r}, jabatan={self.jabatan!r}, jalur={self.jalur!r}, "
            f"sheet={self.sheet!r}, sel={self.sel!r})"
        )

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
        tempat = peta.get(jalur) if jalur else None
        while tempat is None and jalur:
            induk = jalur.rsplit(".", 1)[0] if "." in jalur else _INDEKS_AKHIR.sub("", jalur)
            if induk == jalur:  # nothing left to cut: no known prefix
                break
            jalur = induk
            tempat = peta.get(jalur) if jalur else None
        if tempat is not None and not (t.sheet and t.sel):
            t = Temuan(
                t.kode, t.keparahan, t.pesan, t.saran, t.jabatan, t.jalur,
                t.sheet or tempat[0], t.sel or tempat[1],
            )  # fmt: skip
        hasil.append(t)
    return hasil


_INDEKS_AKHIR = re.compile(r"\[\d+\]$")


def hitung_keparahan(temuan: Iterable[Temuan]) -> dict[Keparahan, int]:
    jumlah = dict.fromkeys(Keparahan, 0)
    for t in temuan:
        jumlah[t.keparahan] += 1
    return jumlah

"""The Laporan Capaian Kinerja Triwulan: for a chosen quarter, every indicator's target,
realisasi and capaian to date, its predikat (only once the year is complete), and the faktor
the planner wrote for that quarter; the average capaian to date per bidang.

Pure: the io layer lays the rows out (`iki_xl.io.write.laporan_triwulan`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from iki_xl.core.capaian import INCOMPLETE, capaian_to_date, display_capaian, predikat
from iki_xl.core.capaian import target_to_date as target_at
from iki_xl.core.formula import last_quarter, value_to_date
from iki_xl.core.keputusan import PLACEHOLDER, dinas_name
from iki_xl.core.model import BandPredikat, Dokumen, Indikator, JenisFormula, RentangTarget, Target
from iki_xl.core.numbers import QUARTERS, Result, format_number
from iki_xl.core.rekap import NO_UNIT

Cell = float | str | None


@dataclass(frozen=True, slots=True)
class TriwulanRow:
    """One indicator in the report of quarter `triwulan` (1..4)."""

    dinas: str
    unit: str
    jabatan: str
    kinerja: str
    indikator: str
    satuan: str
    target: Cell  # the target to date (s.d. TW n)
    realisasi: Cell  # the value to date
    capaian: float | None  # raw percent, to date
    predikat: str  # the year's predikat at TW IV; "belum lengkap" before
    keterangan: str  # why there is no capaian, when there is none
    pendukung: str
    penghambat: str
    tindak_lanjut: str


def _target(t: Target) -> Cell:
    if isinstance(t, RentangTarget):
        return f"{format_number(t.bawah)}–{format_number(t.atas)}"
    if isinstance(t, str):
        return t.strip() or None
    return t


def _realisasi(ind: Indikator, value: Result) -> Cell:
    if value.value is None:
        return None
    if ind.jenis is JenisFormula.STATUS:  # a status value is its rank: show the level
        return ind.skala[int(value.value) - 1].nama if 1 <= value.value <= len(ind.skala) else None
    return value.value


def triwulan_row(
    dinas: str,
    unit: str,
    jabatan: str,
    kinerja: str,
    ind: Indikator,
    q: int,
    skala: Sequence[BandPredikat],
) -> TriwulanRow:
    value = value_to_date(ind, q)
    c = capaian_to_date(ind, q, value)
    complete = q == 4 and last_quarter(ind) == 4
    return TriwulanRow(
        dinas=dinas,
        unit=unit,
        jabatan=jabatan,
        kinerja=kinerja,
        indikator=ind.nama.strip(),
        satuan=ind.satuan.strip(),
        target=_target(target_at(ind, q)),
        realisasi=_realisasi(ind, value),
        capaian=c.value,
        predikat=predikat(c.value, skala) if complete else INCOMPLETE,
        keterangan="" if c.ok else c.reason,
        pendukung=ind.faktor_pendukung[q - 1].strip(),
        penghambat=ind.faktor_penghambat[q - 1].strip(),
        tindak_lanjut=ind.tindak_lanjut[q - 1].strip(),
    )


def triwulan_rows(doc: Dokumen, q: int, dinas: str | None = None) -> list[TriwulanRow]:
    """One row per indicator of quarter q (1..4), jabatan in the document's order."""
    if not 1 <= q <= 4:
        raise ValueError(f"triwulan harus 1–4, bukan {q}")
    label = dinas if dinas is not None else (dinas_name(doc.instansi) or PLACEHOLDER)
    return [
        triwulan_row(
            label, jab.unit.strip(), jab.nama.strip(), kin.sasaran.strip(), ind, q,
            doc.skala_predikat,
        )
        for jab in doc.jabatan
        for kin in jab.kinerja
        for ind in kin.indikator
    ]  # fmt: skip


@dataclass
class BidangAverage:
    """Average capaian to date (each clamped to 0–200 %) of one bidang's indicators."""

    dinas: str
    unit: str
    indikator: int = 0
    dinilai: int = 0
    total: float = 0.0

    @property
    def value(self) -> float | None:
        return self.total / self.dinilai if self.dinilai else None


@dataclass
class TriwulanReport:
    """What the report of one quarter holds, for one Dinas or a whole Pemda."""

    triwulan: int
    tahun: int | None
    rows: list[TriwulanRow] = field(default_factory=list)

    @property
    def title(self) -> str:
        year = f" TAHUN {self.tahun}" if self.tahun else ""
        return f"LAPORAN CAPAIAN KINERJA TRIWULAN {QUARTERS[self.triwulan - 1][3:]}{year}"

    def per_bidang(self) -> list[BidangAverage]:
        averages: dict[tuple[str, str], BidangAverage] = {}
        for row in self.rows:
            key = (row.dinas, row.unit or NO_UNIT)
            a = averages.setdefault(key, BidangAverage(*key))
            a.indikator += 1
            if row.capaian is not None:
                a.dinilai += 1
                a.total += display_capaian(row.capaian)
        return list(averages.values())


def triwulan_report(docs: Iterable[tuple[Dokumen, str | None]], q: int) -> TriwulanReport:
    """The report of quarter q over one or several documents ((document, Dinas label))."""
    rows: list[TriwulanRow] = []
    tahun = None
    for doc, dinas in docs:
        rows += triwulan_rows(doc, q, dinas)
        tahun = tahun or doc.instansi.tahun
    return TriwulanReport(q, tahun, rows)

"""The Rekap (one row per indicator, everything computed) and the Ringkasan (counts and
averages), for one Dinas or a whole Pemda.

`dinas_rekap` makes the small, picklable record a reading worker sends back at Pemda
scale; `Ringkasan` accumulates one Dinas at a time (memory grows with the number of
bidang, not with the documents).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from iki_xl.core.capaian import INCOMPLETE, display_capaian
from iki_xl.core.compute import IndikatorResult, compute_indikator
from iki_xl.core.findings import Finding, Severity
from iki_xl.core.keputusan import PLACEHOLDER, dinas_name
from iki_xl.core.lampiran import NO_INDIKATOR, jabatan_order
from iki_xl.core.model import (
    Dokumen,
    Indikator,
    Isian,
    Jabatan,
    JenisFormula,
    JenisJabatan,
    Kinerja,
    RentangTarget,
)
from iki_xl.core.numbers import QUARTERS, format_number

NO_JENIS = "(jenis belum diisi)"
NO_UNIT = "(unit belum diisi)"
NOT_ASSESSED = "Belum dinilai"
INCOMPLETE_LABEL = "Belum lengkap"  # the Ringkasan's column of indicators whose year runs
JENIS_ORDER: tuple[str, ...] = (*(str(j) for j in JenisJabatan), NO_JENIS)

Cell = float | str | None


@dataclass(frozen=True, slots=True)
class RekapRow:
    """One indicator of one jabatan, with everything computed (crosses from the reading
    workers to the writer by pickle)."""

    dinas: str
    unit: str
    jabatan: str
    jenis_jabatan: str
    atasan: str
    kinerja: str
    indikator: str
    jenis: str  # the formula kind
    satuan: str
    polaritas: str
    target: Cell
    realisasi: tuple[Cell, Cell, Cell, Cell]  # the indicator's value per quarter
    nilai: Cell  # the year's value
    capaian: float | None  # raw percent (not clamped)
    predikat: str
    sumber_data: str
    keterangan: str  # why there is no capaian, when there is none
    has_indikator: bool = True  # False: a jabatan without indicators (its one row)


ColumnKind = Literal["no", "text", "number", "percent"]


@dataclass(frozen=True, slots=True)
class RekapColumn:
    """One column of the Rekap: its header, how a row fills it, how it prints.

    The list REKAP is the one place a column is added: the writer sizes, wraps and splits
    the printed Rekap into page-wide parts from it. `key` columns lead every printed part;
    a `group` is kept on one part when it fits. `width`: the most character units a cell
    may take before its text wraps.
    """

    title: str
    value: Callable[[int, RekapRow], Cell]
    width: float
    kind: ColumnKind = "text"
    group: str = ""
    key: bool = False


def _realisasi(q: int) -> Callable[[int, RekapRow], Cell]:
    return lambda no, row: row.realisasi[q]


REKAP: tuple[RekapColumn, ...] = (
    RekapColumn("No", lambda no, row: float(no), 4, "no", key=True),
    RekapColumn("Indikator Kinerja", lambda no, row: row.indikator, 30, key=True),
    RekapColumn("Perangkat Daerah", lambda no, row: row.dinas, 22, group="jabatan"),
    RekapColumn("Jabatan", lambda no, row: row.jabatan, 26, group="jabatan"),
    RekapColumn("Bidang/Unit", lambda no, row: row.unit, 20, group="jabatan"),
    RekapColumn("Jenis Jabatan", lambda no, row: row.jenis_jabatan, 13, group="jabatan"),
    RekapColumn("Atasan", lambda no, row: row.atasan, 24, group="jabatan"),
    RekapColumn("Kinerja", lambda no, row: row.kinerja, 30, group="definisi"),
    RekapColumn("Jenis Formula", lambda no, row: row.jenis, 11, group="definisi"),
    RekapColumn("Satuan", lambda no, row: row.satuan, 9, group="definisi"),
    RekapColumn("Polaritas", lambda no, row: row.polaritas, 9, group="definisi"),
    RekapColumn("Sumber Data", lambda no, row: row.sumber_data, 24, group="definisi"),
    RekapColumn("Target", lambda no, row: row.target, 10, "number", group="angka"),
    *(
        RekapColumn(f"Realisasi {q}", _realisasi(i), 10, "number", group="angka")
        for i, q in enumerate(QUARTERS)
    ),
    RekapColumn("Nilai Tahunan", lambda no, row: row.nilai, 10, "number", group="angka"),
    RekapColumn("Capaian (%)", lambda no, row: row.capaian, 9, "percent", group="angka"),
    RekapColumn("Predikat", lambda no, row: row.predikat, 12, group="angka"),
    RekapColumn("Keterangan", lambda no, row: row.keterangan, 26, group="angka"),
)
REKAP_COLUMNS: tuple[str, ...] = tuple(k.title for k in REKAP)


def rekap_cells(no: int, row: RekapRow) -> tuple[Cell, ...]:
    """A Rekap row in the order of REKAP."""
    return tuple(k.value(no, row) for k in REKAP)


def _target(t: object) -> Cell:
    if isinstance(t, RentangTarget):
        return f"{format_number(t.bawah)}–{format_number(t.atas)}"
    if isinstance(t, int | float) and not isinstance(t, bool):
        return float(t)
    if isinstance(t, str):
        return t.strip() or None
    return None


def _as_typed(x: Isian) -> Cell:
    if isinstance(x, str):
        return x.strip() or None
    return x


def _row(
    dinas: str, jab: Jabatan, atasan: str, kin: Kinerja, ind: Indikator, r: IndikatorResult
) -> RekapRow:
    status = ind.jenis is JenisFormula.STATUS
    quarters = tuple(
        _as_typed(ind.realisasi[q]) if status or not v.ok else v.value
        for q, v in enumerate(r.quarters)
    )
    rank = r.year.value
    nilai: Cell = rank
    if status and rank is not None and 1 <= rank <= len(ind.skala):
        nilai = ind.skala[int(rank) - 1].nama  # a status value is its rank: show the level
    return RekapRow(
        dinas=dinas,
        unit=jab.unit.strip(),
        jabatan=jab.nama.strip(),
        jenis_jabatan=str(jab.jenis) if jab.jenis else "",
        atasan=atasan,
        kinerja=kin.sasaran.strip(),
        indikator=ind.nama.strip(),
        jenis=str(ind.jenis) if ind.jenis else "",
        satuan=ind.satuan.strip(),
        polaritas=str(ind.polaritas),
        target=_target(ind.target),
        realisasi=(quarters[0], quarters[1], quarters[2], quarters[3]),
        nilai=nilai,
        capaian=r.capaian.value,
        # an incomplete year says so, in the predikat's place: never a low predikat
        predikat=INCOMPLETE if r.capaian.reason == INCOMPLETE else r.predikat,
        sumber_data=ind.sumber_data.strip(),
        keterangan="" if r.capaian.ok else r.capaian.reason,
    )


def _no_indikator_row(dinas: str, jab: Jabatan, atasan: str) -> RekapRow:
    """The row of a jabatan without indicators: listed, with the Lampiran's note."""
    return RekapRow(
        dinas=dinas, unit=jab.unit.strip(), jabatan=jab.nama.strip(),
        jenis_jabatan=str(jab.jenis) if jab.jenis else "", atasan=atasan,
        kinerja="; ".join(k.sasaran.strip() for k in jab.kinerja if k.sasaran.strip()),
        indikator=NO_INDIKATOR, jenis="", satuan="", polaritas="", target=None,
        realisasi=(None, None, None, None), nilai=None, capaian=None, predikat="",
        sumber_data="", keterangan="", has_indikator=False,
    )  # fmt: skip


def rekap_rows(
    doc: Dokumen, dinas: str | None = None, *, org_chart: bool = False
) -> list[RekapRow]:
    """One row per indicator (one for a jabatan without any), jabatan in the Lampiran's
    order: the document's (sheet) order, or the org chart's with `org_chart`."""
    label = dinas if dinas is not None else dinas_name(doc.instansi)
    nama = {j.id: j.nama.strip() for j in doc.jabatan}
    rows = []
    for jab, _ in jabatan_order(doc, org_chart=org_chart):
        atasan = nama.get(jab.atasan or "", "")
        if not any(k.indikator for k in jab.kinerja):
            rows.append(_no_indikator_row(label, jab, atasan))
        for kin in jab.kinerja:
            for ind in kin.indikator:
                r = compute_indikator(ind, doc.skala_predikat)
                rows.append(_row(label, jab, atasan, kin, ind, r))
    return rows


def count_findings(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {str(s): 0 for s in Severity}
    for f in findings:
        counts[str(f.severity)] += 1
    return counts


@dataclass
class DinasRekap:
    """What one Dinas contributes to a consolidation: small and picklable.

    `counts` (findings per severity) is None when validation was not available.
    """

    dinas: str
    sumber: str
    rows: list[RekapRow]
    jabatan_per_jenis: dict[str, int]
    predikat_order: list[str]
    counts: dict[str, int] | None = None
    galat_examples: list[str] = field(default_factory=list)  # a few galat messages, for the CLI

    @property
    def galat(self) -> int:
        return (self.counts or {}).get(str(Severity.GALAT), 0)

    @property
    def indikator(self) -> int:
        return sum(1 for r in self.rows if r.has_indikator)


def dinas_rekap(
    doc: Dokumen,
    findings: Sequence[Finding] | None = None,
    *,
    sumber: str = "",
    dinas: str | None = None,
    org_chart: bool = False,
) -> DinasRekap:
    """The Rekap rows and the counts of one Dinas. `findings` None: validation unavailable."""
    label = dinas or dinas_name(doc.instansi) or sumber or PLACEHOLDER
    jenis = Counter(str(j.jenis) if j.jenis else NO_JENIS for j in doc.jabatan)
    examples = [
        (f"{f.sheet}!{f.cell} " if f.sheet else "") + (f"{f.jabatan}: " if f.jabatan else "")
        + f.message
        for f in findings or []
        if f.severity is Severity.GALAT
    ]  # fmt: skip
    return DinasRekap(
        dinas=label,
        sumber=sumber,
        rows=rekap_rows(doc, label, org_chart=org_chart),
        jabatan_per_jenis=dict(jenis),
        predikat_order=[b.predikat for b in doc.skala_predikat],
        counts=None if findings is None else count_findings(findings),
        galat_examples=examples[:5],
    )


# ---------------------------------------------------------------- the Ringkasan


@dataclass
class Average:
    indikator: int = 0
    dinilai: int = 0
    total: float = 0.0

    def add(self, capaian: float | None) -> None:
        self.indikator += 1
        if capaian is not None:
            self.dinilai += 1
            self.total += display_capaian(capaian)

    @property
    def value(self) -> float | None:
        """Average capaian (each clamped to 0–200 % as displayed) over assessed indicators."""
        return self.total / self.dinilai if self.dinilai else None


@dataclass
class Ringkasan:
    """Counts and averages, accumulated one Dinas at a time (`add`)."""

    dinas: list[str] = field(default_factory=list)
    jabatan_per_jenis: dict[str, Counter[str]] = field(default_factory=dict)
    indikator_per_jenis: dict[str, Counter[str]] = field(default_factory=dict)
    predikat: dict[str, Counter[str]] = field(default_factory=dict)
    predikat_order: list[str] = field(default_factory=list)
    per_bidang: dict[tuple[str, str], Average] = field(default_factory=dict)
    per_dinas: dict[str, Average] = field(default_factory=dict)
    counts: dict[str, dict[str, int] | None] = field(default_factory=dict)

    def add(self, r: DinasRekap) -> None:
        d = r.dinas
        self.dinas.append(d)
        self.jabatan_per_jenis[d] = Counter(r.jabatan_per_jenis)
        self.counts[d] = r.counts
        per_jenis: Counter[str] = Counter()
        per_predikat: Counter[str] = Counter()
        average = self.per_dinas.setdefault(d, Average())
        for p in r.predikat_order:
            if p not in self.predikat_order:
                self.predikat_order.append(p)
        for row in r.rows:
            if not row.has_indikator:
                continue  # a jabatan without indicators counts no indicator
            per_jenis[row.jenis_jabatan or NO_JENIS] += 1
            if row.predikat == INCOMPLETE:
                per_predikat[INCOMPLETE_LABEL] += 1
            else:
                per_predikat[row.predikat or NOT_ASSESSED] += 1
            if row.predikat and row.predikat not in (*self.predikat_order, INCOMPLETE):
                self.predikat_order.append(row.predikat)
            self.per_bidang.setdefault((d, row.unit or NO_UNIT), Average()).add(row.capaian)
            average.add(row.capaian)
        self.indikator_per_jenis[d] = per_jenis
        self.predikat[d] = per_predikat

    @property
    def predikat_columns(self) -> list[str]:
        """The scale's predikat, then the indicators not judged: their year still runs
        (TW IV empty), or they have no capaian at all."""
        return [*self.predikat_order, INCOMPLETE_LABEL, NOT_ASSESSED]

    @property
    def jenis_columns(self) -> list[str]:
        """Jenis jabatan that occur, in the order of JenisJabatan."""
        present = {j for c in self.jabatan_per_jenis.values() for j in c if c[j]}
        return [j for j in JENIS_ORDER if j in present]

    @property
    def validated(self) -> bool:
        return any(c is not None for c in self.counts.values())


def summarize(rekaps: Iterable[DinasRekap]) -> Ringkasan:
    r = Ringkasan()
    for x in rekaps:
        r.add(x)
    return r

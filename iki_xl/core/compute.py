"""Everything computed for one indicator: per-quarter values, the value to date, the
target and capaian to date, the year's capaian and predikat."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from iki_xl.core.capaian import (
    INCOMPLETE,
    NEGATIF_BAKU,
    capaian_against,
    display_capaian,
    predikat,
    target_to_date,
)
from iki_xl.core.formula import filled_quarters, last_quarter, level_rank, quarter_value, year_value
from iki_xl.core.model import BandPredikat, Indikator, JenisFormula, RentangTarget, Target
from iki_xl.core.numbers import Result


@dataclass(frozen=True, slots=True)
class IndikatorResult:
    quarters: tuple[Result, Result, Result, Result]
    last_quarter: int  # 1..4: the last quarter with a realisation filled in; 0: none
    year: Result  # the value over the filled quarters: to date, the year's once complete
    filled: tuple[bool, bool, bool, bool]  # which quarters have a realisation filled in
    target_to_date: Target
    capaian_to_date: Result  # raw percent, against the target to date
    capaian: Result  # the year's capaian (raw percent): "belum lengkap" before TW IV
    predikat: str  # the year's predikat; "" without the year's capaian

    @property
    def complete(self) -> bool:
        return self.last_quarter == 4

    @property
    def capaian_display(self) -> float | None:
        """The year's capaian clamped to 0–200 % for display."""
        c = self.capaian.value
        return None if c is None else display_capaian(c)

    @property
    def predikat_shown(self) -> str:
        """What a sheet shows in the Predikat column: the predikat, or "belum lengkap"."""
        return self.predikat if self.complete else INCOMPLETE


def compute_indikator(
    ind: Indikator, skala: Sequence[BandPredikat], *, metode_negatif: str = NEGATIF_BAKU
) -> IndikatorResult:
    q0, q1, q2, q3 = (quarter_value(ind, q) for q in range(4))
    n = last_quarter(ind)
    value = year_value(ind)
    target = target_to_date(ind, n)
    to_date = capaian_against(ind, value, target, metode_negatif=metode_negatif)
    # the year's capaian is the capaian to date once TW IV is filled: against the quarterly
    # targets rolled up when they are all given (a rule warns when they disagree with the
    # year's Target), else against the year's Target
    year = to_date if n == 4 else (Result.failed(INCOMPLETE) if value.ok else value)
    filled = filled_quarters(ind)
    return IndikatorResult(
        (q0, q1, q2, q3),
        n,
        value,
        (0 in filled, 1 in filled, 2 in filled, 3 in filled),
        target,
        to_date,
        year,
        predikat(year.value, skala),
    )


# ---------------------------------------------------------------- as a sheet shows them

Shown = float | str


def shown(r: Result) -> Shown:
    """A result in a cell: the number, or the reason there is none."""
    return r.value if r.value is not None else r.reason


def nilai_cells(r: IndikatorResult) -> tuple[Shown, Shown, Shown, Shown, Shown, int]:
    """Nilai TW I–IV (blank for a quarter with nothing filled), the value to date and the
    last quarter filled: what the jabatan sheet's one UDF call returns."""
    q = tuple(shown(v) if f else "" for v, f in zip(r.quarters, r.filled, strict=True))
    return (q[0], q[1], q[2], q[3], shown(r.year), r.last_quarter)


def target_cell(ind: Indikator, r: IndikatorResult) -> Shown:
    """The Target s.d. TW cell: the target to date; a band's lower bound (Target Atas
    holds the upper); for a status indicator the rank of its level on the scale."""
    t = r.target_to_date
    if isinstance(t, RentangTarget):
        return t.bawah
    if t is None or t == "":
        return ""
    if ind.jenis is JenisFormula.STATUS:
        return shown(level_rank(t, ind.skala))
    return t

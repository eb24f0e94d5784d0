"""Everything computed for one indicator: per-quarter values, the year, capaian, predikat."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from iki_xl.core.capaian import NEGATIF_BAKU, capaian_indikator, display_capaian, predikat
from iki_xl.core.formula import quarter_value, year_value
from iki_xl.core.model import BandPredikat, Indikator
from iki_xl.core.numbers import Result


@dataclass(frozen=True, slots=True)
class IndikatorResult:
    quarters: tuple[Result, Result, Result, Result]
    year: Result
    capaian: Result  # raw percent
    predikat: str

    @property
    def capaian_display(self) -> float | None:
        """Capaian clamped to 0–200 % for display."""
        c = self.capaian.value
        return None if c is None else display_capaian(c)


def compute_indikator(
    ind: Indikator, skala: Sequence[BandPredikat], *, metode_negatif: str = NEGATIF_BAKU
) -> IndikatorResult:
    q0, q1, q2, q3 = (quarter_value(ind, q) for q in range(4))
    year = year_value(ind)
    c = capaian_indikator(ind, year, metode_negatif=metode_negatif)
    return IndikatorResult((q0, q1, q2, q3), year, c, predikat(c.value, skala))

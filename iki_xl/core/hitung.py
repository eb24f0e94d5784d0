"""Everything computed for one indicator: per-quarter values, the year, capaian, predikat."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from iki_xl.core.formula import (
    NEGATIF_BAKU,
    Hasil,
    capaian_indikator,
    nilai_tahunan,
    nilai_triwulan,
    predikat,
    tampil_capaian,
)
from iki_xl.core.model import BandPredikat, Indikator


@dataclass(frozen=True)
class HasilIndikator:
    triwulan: tuple[Hasil, Hasil, Hasil, Hasil]
    tahunan: Hasil
    capaian: Hasil  # raw percent
    predikat: str

    @property
    def capaian_tampil(self) -> float | None:
        """Capaian clamped to 0–200 % for display."""
        c = self.capaian.nilai
        return None if c is None else tampil_capaian(c)


def hitung_indikator(
    ind: Indikator, skala: Sequence[BandPredikat], *, metode_negatif: str = NEGATIF_BAKU
) -> HasilIndikator:
    tw = (
        nilai_triwulan(ind, 0),
        nilai_triwulan(ind, 1),
        nilai_triwulan(ind, 2),
        nilai_triwulan(ind, 3),
    )
    tahunan = nilai_tahunan(ind)
    c = capaian_indikator(ind, tahunan, metode_negatif=metode_negatif)
    return HasilIndikator(tw, tahunan, c, predikat(c.nilai, skala))

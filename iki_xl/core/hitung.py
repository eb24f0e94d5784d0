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


def _triwulan(ind: Indikator) -> tuple[Hasil, Hasil, Hasil, Hasil]:
    return (
        nilai_triwulan(ind, 0),
        nilai_triwulan(ind, 1),
        nilai_triwulan(ind, 2),
        nilai_triwulan(ind, 3),
    )


def hitung_indikator(
    ind: Indikator, skala: Sequence[BandPredikat], *, metode_negatif: str = NEGATIF_BAKU
) -> HasilIndikator:
    tw = _triwulan(ind)
    tahunan = nilai_tahunan(ind, tw)
    c = capaian_indikator(ind, tahunan, metode_negatif=metode_negatif)
    return HasilIndikator(tw, tahunan, c, predikat(c.nilai, skala))


Posisi = tuple[int, int, int]  # (jabatan, kinerja, indikator) in the document


class HitunganDokumen:
    """What has been computed for the indicators of ONE document, so that the rules (the
    capaian review) and the Rekap compute each indicator once.

    Keyed by the indicator's position (jabatan, kinerja, indikator); an entry is used only
    for the very same `Indikator` object it was computed from, so a copied or changed
    document is simply computed again — never answered from another document's numbers.
    Make one per document (e.g. per `periksa` call) and drop it with the document; nothing
    here is global. Only the standard negative-polarity method (`NEGATIF_BAKU`) is kept.

    Hand it to `rules.periksa(doc, hitungan=h)`, then to
    `consolidate.rekap_dinas(doc, ..., hitungan=h)`.
    """

    __slots__ = ("_isi",)

    def __init__(self) -> None:
        # position → (indicator, year's value, capaian, quarters or None)
        self._isi: dict[Posisi, tuple[Indikator, Hasil, Hasil, tuple[Hasil, ...] | None]] = {}

    def __len__(self) -> int:
        return len(self._isi)

    def capaian(self, pos: Posisi, ind: Indikator) -> tuple[Hasil, Hasil]:
        """(year's value, capaian): exactly `hitung_indikator(ind, …)`'s, without the four
        quarter values and the predikat."""
        e = self._isi.get(pos)
        if e is not None and e[0] is ind:
            return e[1], e[2]
        tahunan = nilai_tahunan(ind)
        c = capaian_indikator(ind, tahunan)
        self._isi[pos] = (ind, tahunan, c, None)
        return tahunan, c

    def hasil(self, pos: Posisi, ind: Indikator, skala: Sequence[BandPredikat]) -> HasilIndikator:
        """Exactly `hitung_indikator(ind, skala)`, reusing what was computed already."""
        e = self._isi.get(pos)
        if e is None or e[0] is not ind:
            h = hitung_indikator(ind, skala)
            self._isi[pos] = (ind, h.tahunan, h.capaian, h.triwulan)
            return h
        tw = e[3]
        if tw is None:
            tw = _triwulan(ind)
            self._isi[pos] = (ind, e[1], e[2], tw)
        t0, t1, t2, t3 = tw
        return HasilIndikator((t0, t1, t2, t3), e[1], e[2], predikat(e[2].nilai, skala))

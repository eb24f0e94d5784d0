"""The next year's IKI from this year's: the same jabatan, tugas, fungsi, kinerja, indicators
and formulas; this year's value becomes the baseline (N−1); targets, realisasi and faktor
are emptied; the decree's year moves on and its number and date are emptied (placeholders).

What the planner wrote stays as written: Menimbang and Mengingat cite regulations with their
own years and are not touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from iki_xl.core.formula import default_agregasi, last_quarter, value_to_date, year_value
from iki_xl.core.model import Dokumen, Indikator, JenisFormula, teks_kosong, triwulan_kosong
from iki_xl.core.numbers import Result

# the kinds whose value is a change against the baseline: next year's baseline is the level
# measured this year (the first component), not the change
CHANGE_KINDS = (JenisFormula.PENURUNAN, JenisFormula.PERTUMBUHAN)


@dataclass
class TahunBaru:
    dokumen: Dokumen
    baseline_diisi: int = 0
    baseline_kosong: list[str] = field(default_factory=list)  # "jabatan — indikator: why"


def baseline_from(ind: Indikator) -> Result:
    """This year's value as next year's baseline: only for a complete year (TW IV filled)."""
    if ind.jenis is JenisFormula.STATUS:
        return Result.failed("indikator status tidak memakai baseline")
    if last_quarter(ind) != 4:
        return Result.failed("realisasi TW IV belum diisi")
    if ind.jenis in CHANGE_KINDS:
        if not ind.komponen:
            return Result.failed("nilai yang diukur tidak diketahui (realisasi tanpa komponen)")
        how = ind.agregasi or default_agregasi(ind.jenis)
        level = ind.model_copy(
            update={"jenis": JenisFormula.JUMLAH, "komponen": ind.komponen[:1], "agregasi": how}
        )
        return value_to_date(level, 4)
    return year_value(ind)


def _empty(ind: Indikator, baseline: float | None) -> None:
    ind.baseline = baseline
    ind.target = None
    ind.target_triwulan = triwulan_kosong()
    ind.realisasi = triwulan_kosong()
    for k in ind.komponen:
        k.realisasi = triwulan_kosong()
    ind.faktor_pendukung = teks_kosong()
    ind.faktor_penghambat = teks_kosong()
    ind.tindak_lanjut = teks_kosong()


def tahun_baru(doc: Dokumen, tahun: int) -> TahunBaru:
    """The document of year `tahun` made from `doc` (which is not changed)."""
    if doc.instansi.tahun is not None and tahun <= doc.instansi.tahun:
        raise ValueError(f"tahun baru harus sesudah {doc.instansi.tahun} (bukan {tahun})")
    new = doc.model_copy(deep=True)
    new.instansi.tahun = tahun
    new.instansi.nomor_keputusan = ""
    new.instansi.tanggal_keputusan = ""
    result = TahunBaru(new)
    old = [i for jab in doc.jabatan for _, i in jab.semua_indikator()]
    where = [(jab, i) for jab in new.jabatan for _, i in jab.semua_indikator()]
    for before, (jab, ind) in zip(old, where, strict=True):
        value = baseline_from(before)
        if value.value is not None:
            result.baseline_diisi += 1
        elif before.jenis is not JenisFormula.STATUS:
            result.baseline_kosong.append(
                f"{jab.nama.strip()} — {ind.nama.strip()}: {value.reason}"
            )
        _empty(ind, value.value)
    return result

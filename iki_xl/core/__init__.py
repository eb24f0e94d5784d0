"""Pure-Python core: the IKI model, formulas, rules and consolidation. No Excel I/O here."""

from iki_xl.core.formula import Hasil, baca_angka, capaian, nilai_tahunan, nilai_triwulan, predikat
from iki_xl.core.formulasi import baca_formulasi, lengkapi, tulis_formulasi
from iki_xl.core.model import (
    Agregasi,
    BandPredikat,
    Dokumen,
    Indikator,
    Instansi,
    Jabatan,
    JenisFormula,
    JenisJabatan,
    Kinerja,
    Komponen,
    Level,
    Pejabat,
    Polaritas,
    RentangTarget,
)

__all__ = [
    "Agregasi",
    "BandPredikat",
    "Dokumen",
    "Hasil",
    "Indikator",
    "Instansi",
    "Jabatan",
    "JenisFormula",
    "JenisJabatan",
    "Kinerja",
    "Komponen",
    "Level",
    "Pejabat",
    "Polaritas",
    "RentangTarget",
    "baca_angka",
    "baca_formulasi",
    "capaian",
    "lengkapi",
    "nilai_tahunan",
    "nilai_triwulan",
    "predikat",
    "tulis_formulasi",
]

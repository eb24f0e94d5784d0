"""The model's enum members as module constants, for the compiled hot paths.

In the compiled build every `JenisFormula.STATUS` is a class-attribute lookup through the
enum's metaclass (about 100 ns, measured), and the rules compare kinds a few dozen times
per indicator; a Final constant of a compiled module is a C static. Compare with `is`:
the model holds the members themselves. Plain Python reads them like any module name.
"""

from __future__ import annotations

from typing import Final

from iki_xl.core.model import Agregasi, JenisFormula, JenisJabatan, Polaritas

PERSENTASE: Final = JenisFormula.PERSENTASE
JUMLAH: Final = JenisFormula.JUMLAH
RASIO: Final = JenisFormula.RASIO
PENURUNAN: Final = JenisFormula.PENURUNAN
PERTUMBUHAN: Final = JenisFormula.PERTUMBUHAN
INDEKS: Final = JenisFormula.INDEKS
STATUS: Final = JenisFormula.STATUS

KUMULATIF: Final = Agregasi.KUMULATIF
AKHIR: Final = Agregasi.AKHIR
RATA_RATA: Final = Agregasi.RATA_RATA

POSITIF: Final = Polaritas.POSITIF
NEGATIF: Final = Polaritas.NEGATIF
RANGE: Final = Polaritas.RANGE

JPT_PRATAMA: Final = JenisJabatan.JPT_PRATAMA
ADMINISTRATOR: Final = JenisJabatan.ADMINISTRATOR
PENGAWAS: Final = JenisJabatan.PENGAWAS
FUNGSIONAL: Final = JenisJabatan.FUNGSIONAL
PELAKSANA: Final = JenisJabatan.PELAKSANA

"""The IKI document model: Instansi, Jabatan, Kinerja (sasaran) and Indikator.

Field names are the domain's own words; they are also the keys of the YAML/JSON
interchange. Nothing is required that a real document may lack: an IKI without targets,
without fungsi, or with an empty Sumber Data is still a document to hold and validate.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from iki_xl.core.numbers import format_date


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class JenisJabatan(StrEnum):
    JPT_PRATAMA = "JPT Pratama"
    ADMINISTRATOR = "Administrator"
    PENGAWAS = "Pengawas"
    FUNGSIONAL = "Fungsional"
    PELAKSANA = "Pelaksana"


class JenisFormula(StrEnum):
    PERSENTASE = "persentase"
    JUMLAH = "jumlah"
    RASIO = "rasio"
    PENURUNAN = "penurunan"
    PERTUMBUHAN = "pertumbuhan"
    INDEKS = "indeks"
    STATUS = "status"


class Polaritas(StrEnum):
    POSITIF = "positif"
    NEGATIF = "negatif"
    RANGE = "range"


class Agregasi(StrEnum):
    KUMULATIF = "kumulatif"
    AKHIR = "akhir"
    RATA_RATA = "rata-rata"


# A cell a planner fills: a number, or text that may or may not be one ("85%", "1.234,5",
# "Madya"). Text is kept as typed; the formula engine decides what it means.
Isian = float | str | None
Triwulan = Annotated[list[Isian], Field(min_length=4, max_length=4)]


def triwulan_kosong() -> list[Isian]:
    return [None, None, None, None]


# One text per quarter (TW I–IV): faktor pendukung, faktor penghambat, tindak lanjut.
TeksTriwulan = Annotated[list[str], Field(min_length=4, max_length=4)]


def teks_kosong() -> list[str]:
    return ["", "", "", ""]


class Pejabat(_Model):
    nama: str = ""
    pangkat: str = ""
    nip: str = ""


class Instansi(_Model):
    pemerintah: str = ""  # "Kota Probolinggo", "Kabupaten Sampang"
    nama: str = ""  # "Dinas Sosial"
    alamat: str = ""
    telepon: str = ""
    email: str = ""
    kota: str = ""  # "Ditetapkan di …"
    tahun: int | None = None
    nomor_keputusan: str = ""
    tanggal_keputusan: str = ""  # as the planner writes it: "2 Januari 2024"
    kepala: Pejabat = Field(default_factory=Pejabat)
    menimbang: list[str] = Field(default_factory=list)
    mengingat: list[str] = Field(default_factory=list)
    # Not empty: the figures of this document are examples (CONTOH), and this says so.
    contoh: str = ""

    @field_validator("tanggal_keputusan", mode="before")
    @classmethod
    def _tanggal(cls, value: object) -> object:
        """A YAML date (2024-01-02 unquoted) is held as it is printed: 2 Januari 2024."""
        return format_date(value) if isinstance(value, dt.date) else value


class RentangTarget(_Model):
    """A target band [bawah, atas] for polaritas range."""

    bawah: float
    atas: float

    @model_validator(mode="after")
    def _urut(self) -> RentangTarget:
        if self.bawah > self.atas:
            raise ValueError(f"batas bawah {self.bawah} lebih besar dari batas atas {self.atas}")
        return self


Target = float | RentangTarget | str | None


class Level(_Model):
    """One step of a status/level scale, e.g. KLA 'Madya' for scores 601–700."""

    nama: str
    bawah: float | None = None
    atas: float | None = None


class Komponen(_Model):
    kode: str  # short identifier used in ekspresi: A, B, Ipar, IDM …
    nama: str = ""
    realisasi: Triwulan = Field(default_factory=triwulan_kosong)


# A component code: used as a name in indeks expressions, so an identifier.
KODE_KOMPONEN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class Indikator(_Model):
    nama: str = ""
    jenis: JenisFormula | None = None  # None: not stated; detected from formulasi
    formulasi: str = ""  # as printed in the document
    penjelasan: str = ""
    komponen: list[Komponen] = Field(default_factory=list)
    ekspresi: str = ""  # for indeks: "(Ipar + IDM + Linc) / 3"
    baseline: float | None = None  # penurunan/pertumbuhan: the value of year N−1
    skala: list[Level] = Field(default_factory=list)  # for status: ordered low → high
    satuan: str = ""
    polaritas: Polaritas = Polaritas.POSITIF
    target: Target = None  # the year's target
    # Targets per quarter. Per period for kumulatif indicators (the target to date is their
    # sum), the level expected at the end of each quarter for akhir, averaged for rata-rata.
    target_triwulan: Triwulan = Field(default_factory=triwulan_kosong)
    # Realisasi entered directly as the indicator's value (status levels, or a value
    # the planner does not derive from components). Used when komponen is empty.
    realisasi: Triwulan = Field(default_factory=triwulan_kosong)
    agregasi: Agregasi | None = None  # None: the kind's default (jumlah → kumulatif)
    sumber_data: str = ""
    mendukung: str = ""  # the atasan's indikator (its nama) this one supports
    # What the quarterly monitoring reports per quarter (TW I–IV), as the planner writes it.
    faktor_pendukung: TeksTriwulan = Field(default_factory=teks_kosong)
    faktor_penghambat: TeksTriwulan = Field(default_factory=teks_kosong)
    tindak_lanjut: TeksTriwulan = Field(default_factory=teks_kosong)

    # A field validator, not a model one: pydantic runs "after" model validators again on
    # every instance nested in a parent being validated, and this check is then repeated.
    @field_validator("komponen")
    @classmethod
    def _kode_unik(cls, komponen: list[Komponen]) -> list[Komponen]:
        if not komponen:
            return komponen
        kode = [k.kode for k in komponen]
        for k in kode:
            if not KODE_KOMPONEN.match(k):
                raise ValueError(f"kode komponen '{k}' harus huruf/angka tanpa spasi")
        if len(set(kode)) != len(kode):
            raise ValueError(f"kode komponen ganda: {kode}")
        return komponen


class Kinerja(_Model):
    sasaran: str = ""
    indikator: list[Indikator] = Field(default_factory=list)


class Jabatan(_Model):
    id: str  # stable identifier, e.g. "kasubag-tata-usaha"
    nama: str = ""
    jenis: JenisJabatan | None = None
    unit: str = ""  # bidang / sekretariat it belongs to
    atasan: str | None = None  # id of the atasan jabatan
    tugas: list[str] = Field(default_factory=list)
    fungsi: list[str] = Field(default_factory=list)
    kinerja: list[Kinerja] = Field(default_factory=list)

    def semua_indikator(self) -> list[tuple[Kinerja, Indikator]]:
        return [(k, i) for k in self.kinerja for i in k.indikator]


class BandPredikat(_Model):
    """capaian (percent) strictly above `di_atas` earns this predikat; bands are read from
    the top, and the band with `di_atas` None takes whatever is left."""

    predikat: str
    di_atas: float | None = None


# The 5-band scale of regional LKjIP reports: 91–100+, 76–90, 66–75, 51–65, ≤ 50.
SKALA_PREDIKAT_BAKU: list[BandPredikat] = [
    BandPredikat(predikat="Sangat Tinggi", di_atas=90),
    BandPredikat(predikat="Tinggi", di_atas=75),
    BandPredikat(predikat="Sedang", di_atas=65),
    BandPredikat(predikat="Rendah", di_atas=50),
    BandPredikat(predikat="Sangat Rendah", di_atas=None),
]


def skala_baku() -> list[BandPredikat]:
    return [b.model_copy() for b in SKALA_PREDIKAT_BAKU]


class Dokumen(_Model):
    """One Dinas' IKI set for one year: what the Keputusan's Lampiran holds."""

    instansi: Instansi = Field(default_factory=Instansi)
    skala_predikat: list[BandPredikat] = Field(default_factory=skala_baku)
    jabatan: list[Jabatan] = Field(default_factory=list)

    def cari(self, jabatan_id: str) -> Jabatan | None:
        return next((j for j in self.jabatan if j.id == jabatan_id), None)


# SAKIP evaluation letters (PermenPANRB 88/2021), offered as an alternative scale.
SKALA_PREDIKAT_SAKIP: list[BandPredikat] = [
    BandPredikat(predikat="AA", di_atas=90),
    BandPredikat(predikat="A", di_atas=80),
    BandPredikat(predikat="BB", di_atas=70),
    BandPredikat(predikat="B", di_atas=60),
    BandPredikat(predikat="CC", di_atas=50),
    BandPredikat(predikat="C", di_atas=30),
    BandPredikat(predikat="D", di_atas=None),
]

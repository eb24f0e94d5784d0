"""Workbook → model, plus the sheet and cell every field came from.

Each sheet is read as one 2-D grid of values (python-calamine headless; `used_range.value`
through xlwings in live Excel) and parsed by `baca_grid_jabatan` / `baca_grid_instansi`.
Jabatan sheets are recognised by their table header, not by name or position; other
sheets (Petunjuk, Referensi, a planner's notes) are ignored. A planner's mistake becomes a
`Temuan` with sheet and cell; only an unusable file raises `BerkasTidakValid`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, TypeVar

from pydantic import BaseModel, ValidationError

from iki_xl import layout as L
from iki_xl.core.anggota import POSITIF
from iki_xl.core.findings import Keparahan, Temuan
from iki_xl.core.formula import baca_angka
from iki_xl.core.model import (
    Agregasi,
    BandPredikat,
    Dokumen,
    Indikator,
    Instansi,
    Jabatan,
    JenisFormula,
    JenisJabatan,
    Komponen,
    Level,
    Polaritas,
    RentangTarget,
    triwulan_kosong,
)
from iki_xl.errors import BerkasTidakValid
from iki_xl.io.grid import Grid, adalah_tanggal, angka, isian, kosong, normalisasi, teks
from iki_xl.io.jeda_gc import gc_dijeda

# Stable codes of reading findings (the validation catalogue uses IKI-xnnn of its own).
KODE_TIDAK_DIKENAL = "IKI-X001"  # a dropdown value that is not in the list
KODE_BUKAN_ANGKA = "IKI-X002"  # a number field holding text that is not a number
KODE_KODE_KOMPONEN = "IKI-X003"  # a component code that is invalid or used twice
KODE_TARGET = "IKI-X004"  # a target band that cannot be read
KODE_LUAR_BLOK = "IKI-X005"  # a value outside the place the reader looks for it
KODE_KOLOM_HILANG = "IKI-X006"  # a table column whose header is missing
KODE_ID = "IKI-X007"  # a jabatan sheet without ID, or an ID used twice
KODE_SHEET = "IKI-X008"  # a sheet that could not be read, or a second Instansi sheet
KODE_TANGGAL = "IKI-X009"  # a date where a number or text was expected
KODE_MODEL = "IKI-X010"  # anything else the model refuses (reported, value left out)


class Peta(Mapping[str, tuple[str, str]]):
    """The map jalur → (sheet, "A1") of everything read: a read-only `Mapping`.

    Most entries belong to indicator blocks (about thirty per indicator); those are kept as
    one compact record per indicator (`_RekamBlok`: rows and columns only). A lookup under
    an indicator is answered from its record (`_RekamBlok.cari`) without building entries;
    iteration and `len` build every entry (once). Iteration order is the order the reader
    met the cells in, as a dict filled while reading would have it.
    """

    __slots__ = ("_blok", "_isi", "_penuh", "_sisip")

    def __init__(self, isi: Mapping[str, tuple[str, str]] | None = None) -> None:
        self._isi: dict[str, tuple[str, str]] = dict(isi) if isi else {}
        self._blok: dict[str, _RekamBlok] = {}  # indicator jalur → its record
        self._sisip: list[tuple[int, _RekamBlok]] = []  # (entries of _isi before it, record)
        self._penuh: dict[str, tuple[str, str]] | None = None

    def _tambah_blok(self, rek: _RekamBlok) -> None:
        self._blok[rek.jalur] = rek
        self._sisip.append((len(self._isi), rek))
        self._penuh = None

    def _gabung(self, lain: Peta) -> None:
        """Add another sheet's map (its jalur are distinct from ours)."""
        n = len(self._isi)
        self._isi.update(lain._isi)
        self._blok.update(lain._blok)
        self._sisip.extend((n + i, rek) for i, rek in lain._sisip)
        self._penuh = None

    def _rekam(self, jalur: str) -> _RekamBlok | None:
        if not self._blok:
            return None
        i = jalur.find(".indikator[")
        if i < 0:
            return None
        e = jalur.find("]", i)
        return self._blok.get(jalur[: e + 1]) if e > 0 else None

    def _cari(self, jalur: str) -> tuple[str, str] | None:
        v = self._isi.get(jalur)
        if v is not None:
            return v
        rek = self._rekam(jalur)
        return None if rek is None else rek.cari(jalur)

    def __getitem__(self, jalur: str) -> tuple[str, str]:
        v = self._cari(jalur)
        if v is None:
            raise KeyError(jalur)
        return v

    def get(self, jalur: str, default: Any = None) -> Any:  # type: ignore[override]
        """As `Mapping.get`, without raising and catching a KeyError for a miss."""
        v = self._cari(jalur)
        return default if v is None else v

    def __contains__(self, jalur: object) -> bool:
        if not isinstance(jalur, str):
            return False
        return self._cari(jalur) is not None

    def _semua(self) -> dict[str, tuple[str, str]]:
        if not self._sisip:
            return self._isi
        if self._penuh is None:
            penuh: dict[str, tuple[str, str]] = {}
            isi = list(self._isi.items())
            awal = 0
            for pos, rek in self._sisip:
                if pos > awal:
                    penuh.update(isi[awal:pos])
                    awal = pos
                penuh.update(rek.entri())
            penuh.update(isi[awal:])
            self._penuh = penuh
        return self._penuh

    def __iter__(self) -> Iterator[str]:
        return iter(self._semua())

    def __len__(self) -> int:
        return len(self._semua())

    def __repr__(self) -> str:
        return f"Peta({self._semua()!r})"


# what a row of an indicator block holds besides the first row's fields (see _RekamBlok)
_LANGSUNG, _KOMPONEN, _LEVEL = 0, 1, 2


class _RekamBlok:
    """Where one indicator's cells are: its first row, the column map, and the rows of its
    direct realisation, components and levels, in row order. `entri()` gives its map
    entries, in the order the reader meets them."""

    __slots__ = ("b0", "huruf", "isi", "ix", "jalur", "k0", "peristiwa", "r0", "sheet")

    def __init__(self, p: _Pembaca, jalur: str, ix: dict[str, int], r0: int) -> None:
        self.jalur = jalur
        self.sheet = p.sheet
        self.huruf = p.huruf
        self.b0 = p.b0
        self.k0 = p.k0
        self.ix = ix
        self.r0 = r0
        self.peristiwa: list[tuple[int, int]] = []  # (row, _LANGSUNG | _KOMPONEN | _LEVEL)
        self.isi: dict[str, tuple[str, str]] | None = None

    def _sel(self, r: int, c: int) -> tuple[str, str]:
        h = self.huruf[c] if c < len(self.huruf) else L.huruf_kolom(c + self.k0)
        return (self.sheet, f"{h}{r + self.b0 + 1}")

    def cari(self, jalur: str) -> tuple[str, str] | None:
        """The cell of one jalur under this indicator, as `entri().get(jalur)` but without
        building the entries (tests/io/test_peta.py holds the two equal)."""
        if self.isi is not None:
            return self.isi.get(jalur)
        if not jalur.startswith(self.jalur):
            return None
        akhir = jalur[len(self.jalur) :]
        ix = self.ix
        if not akhir:
            return self._sel(self.r0, ix["no_indikator"])
        kolom = _KOLOM_BARIS_PERTAMA.get(akhir)
        if kolom is not None:
            return self._sel(self.r0, ix[kolom])
        m = _AKHIRAN_BLOK.match(akhir)
        if m is None:
            return None
        apa, nomor, sisa = m.group(1), m.group(2), m.group(3) or ""
        if apa == "realisasi":
            if sisa:
                return None
            baris = [r for r, a in self.peristiwa if a == _LANGSUNG]
            if not baris:
                return None
            q = 0 if nomor is None else int(nomor)
            return self._sel(baris[0], ix[f"realisasi{q}"]) if q < 4 else None
        baris = [r for r, a in self.peristiwa if a == (_KOMPONEN if apa == "komponen" else _LEVEL)]
        if nomor is None:  # the list's head
            return (
                self._sel(baris[0], ix["kode" if apa == "komponen" else "level"])
                if (baris and not sisa)
                else None
            )
        n = int(nomor)
        if n >= len(baris):
            return None
        kolom = (_KOLOM_KOMPONEN if apa == "komponen" else _KOLOM_LEVEL).get(sisa)
        return None if kolom is None else self._sel(baris[n], ix[kolom])

    def entri(self) -> dict[str, tuple[str, str]]:
        if self.isi is not None:
            return self.isi
        j, ix, sheet, b0 = self.jalur, self.ix, self.sheet, self.b0
        huruf, k0 = self.huruf, self.k0

        def sel(r: int, c: int) -> tuple[str, str]:
            h = huruf[c] if c < len(huruf) else L.huruf_kolom(c + k0)
            return (sheet, f"{h}{r + b0 + 1}")

        r0 = self.r0
        d: dict[str, tuple[str, str]] = {j: sel(r0, ix["no_indikator"])}
        for kunci, akhiran, _ in _TEKS_INDIKATOR:
            d[j + akhiran] = sel(r0, ix[kunci])
        for kunci in ("jenis", "polaritas", "agregasi", "baseline", "target"):
            d[f"{j}.{kunci}"] = sel(r0, ix[kunci])
        d[f"{j}.target.bawah"] = sel(r0, ix["target"])
        d[f"{j}.target.atas"] = sel(r0, ix["target_atas"])
        creal = [ix[f"realisasi{q}"] for q in range(4)]
        ck, ckom = ix["kode"], ix["komponen"]
        cn, cb, ca = ix["level"], ix["level_bawah"], ix["level_atas"]
        nk = nl = 0
        for r, apa in self.peristiwa:
            if apa == _LANGSUNG:
                d[f"{j}.realisasi"] = sel(r, creal[0])
                for q in range(4):
                    d[j + _SUF_REAL[q]] = sel(r, creal[q])
            elif apa == _KOMPONEN:
                jk = f"{j}.komponen[{nk}]"
                if nk == 0:
                    d[f"{j}.komponen"] = sel(r, ck)
                d[jk] = sel(r, ck)
                d[f"{jk}.kode"] = sel(r, ck)
                d[f"{jk}.nama"] = sel(r, ckom)
                for q in range(4):
                    d[jk + _SUF_REAL[q]] = sel(r, creal[q])
                nk += 1
            else:
                jl = f"{j}.skala[{nl}]"
                if nl == 0:
                    d[f"{j}.skala"] = sel(r, cn)
                d[jl] = sel(r, cn)
                d[f"{jl}.nama"] = sel(r, cn)
                d[f"{jl}.bawah"] = sel(r, cb)
                d[f"{jl}.atas"] = sel(r, ca)
                nl += 1
        self.isi = d
        return d


@dataclass
class HasilJabatan:
    jabatan: Jabatan
    peta: Peta
    temuan: list[Temuan]
    kosong: bool  # a blank jabatan sheet (the template's, or one just added)


@dataclass
class HasilInstansi:
    instansi: Instansi
    skala_predikat: list[BandPredikat]
    peta: Peta
    temuan: list[Temuan]


@dataclass
class HasilBaca:
    dokumen: Dokumen
    peta: Mapping[str, tuple[str, str]] = field(default_factory=Peta)
    urutan_sheet: dict[str, int] = field(default_factory=dict)
    temuan: list[Temuan] = field(default_factory=list)
    sheet_jabatan: list[str] = field(default_factory=list)  # sheet of jabatan[i]


def _pilihan(enum: Any) -> dict[str, Any]:
    return {L.normal(str(x)): x for x in enum}


_JENIS_JABATAN = _pilihan(JenisJabatan)
_JENIS_FORMULA = _pilihan(JenisFormula)
_POLARITAS = _pilihan(Polaritas)
_AGREGASI = _pilihan(Agregasi)
_KODE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SUF_REAL = tuple(f".realisasi[{q}]" for q in range(4))
_TEKS_INDIKATOR = tuple(
    (kunci, "." + ("nama" if kunci == "indikator" else kunci), "nama" if kunci == "indikator" else kunci)
    for kunci in ("indikator", "formulasi", "penjelasan", "ekspresi", "satuan", "sumber_data",
                  "mendukung")
)  # fmt: skip
# jalur endings under an indicator → their column key (_RekamBlok.cari)
_KOLOM_BARIS_PERTAMA = {
    **{akhiran: kunci for kunci, akhiran, _ in _TEKS_INDIKATOR},
    **{f".{k}": k for k in ("jenis", "polaritas", "agregasi", "baseline", "target")},
    ".target.bawah": "target",
    ".target.atas": "target_atas",
}
_KOLOM_KOMPONEN = {
    "": "kode",
    ".kode": "kode",
    ".nama": "komponen",
    **{f".realisasi[{q}]": f"realisasi{q}" for q in range(4)},
}
_KOLOM_LEVEL = {"": "level", ".nama": "level", ".bawah": "level_bawah", ".atas": "level_atas"}
_AKHIRAN_BLOK = re.compile(r"\.(realisasi|komponen|skala)(?:\[(0|[1-9][0-9]*)\])?(\..*)?\Z", re.S)


def _realisasi(
    p: _Pembaca, baris: list[Any], r: int, kolom: Sequence[int], jalur: str, komponen: int = -1
) -> list[Any]:
    """Four realisation cells, of the indicator itself or of its component number
    `komponen` (their map entries come from the block's record)."""
    hasil: list[Any] = []
    for q, c in enumerate(kolom):
        v = baris[c]
        if v is None or v == "":
            hasil.append(None)
        elif type(v) is float or type(v) is str:
            hasil.append(v)
        else:
            dasar = jalur if komponen < 0 else f"{jalur}.komponen[{komponen}]"
            hasil.append(p.isian(v, "realisasi", r, c, dasar + _SUF_REAL[q]))
    return hasil


class _Pembaca:
    """Collects findings and the jalur → cell map while a sheet is parsed."""

    def __init__(self, sheet: str, asal: tuple[int, int], jabatan: str = "") -> None:
        self.sheet = sheet
        self.b0, self.k0 = asal
        self.jabatan = jabatan
        self.peta = Peta()
        self.isi = self.peta._isi  # entries outside indicator blocks, filled as read
        self.temuan: list[Temuan] = []
        # column letters with the grid's column offset applied (hot path of the map)
        self.huruf = L.HURUF if self.k0 == 0 else [L.huruf_kolom(i + self.k0) for i in range(256)]

    def nomor(self, r: int) -> str:
        """The A1 row number of grid row r."""
        return str(r + self.b0 + 1)

    def sel(self, r: int, c: int) -> str:
        return L.sel(r + self.b0, c + self.k0)

    def catat(self, jalur: str, r: int, c: int) -> None:
        h = self.huruf[c] if c < len(self.huruf) else L.huruf_kolom(c + self.k0)
        self.isi[jalur] = (self.sheet, f"{h}{r + self.b0 + 1}")

    def temu(
        self,
        kode: str,
        pesan: str,
        r: int,
        c: int,
        *,
        jalur: str = "",
        saran: str = "",
        keparahan: Keparahan = Keparahan.PERINGATAN,
    ) -> None:
        self.temuan.append(
            Temuan(
                kode=kode,
                keparahan=keparahan,
                pesan=pesan,
                saran=saran,
                jabatan=self.jabatan,
                jalur=jalur,
                sheet=self.sheet,
                sel=self.sel(r, c),
            )
        )

    # typed cell readers --------------------------------------------------------

    def pilihan(
        self,
        v: Any,
        daftar: dict[str, Any],
        apa: str,
        r: int,
        c: int,
        jalur: str,
        akhiran: str = "",
    ) -> Any:
        """A dropdown value; its jalur is `jalur + akhiran`, joined only for a finding."""
        if kosong(v):
            return None
        # the value as the dropdown writes it is a key itself (keys are normal forms)
        x = daftar.get(v) if type(v) is str else None
        if x is None:
            x = daftar.get(L.normal(teks(v)))
        if x is None:
            boleh = ", ".join(str(d) for d in daftar.values())
            self.temu(
                KODE_TIDAK_DIKENAL,
                f"{apa} '{teks(v)}' tidak dikenal",
                r,
                c,
                jalur=jalur + akhiran,
                saran=f"pilih salah satu: {boleh}",
            )
        return x

    def angka(self, v: Any, apa: str, r: int, c: int, jalur: str) -> float | None:
        x = angka(v)
        if x is None or isinstance(x, float):
            return x
        if adalah_tanggal(v):
            self.temu(KODE_TANGGAL, f"{apa} berisi tanggal, bukan angka", r, c, jalur=jalur)
            return None
        h = baca_angka(x)
        if h.nilai is not None:
            self.temu(
                KODE_BUKAN_ANGKA,
                f"{apa} diketik sebagai teks '{x}', dibaca sebagai angka",
                r,
                c,
                jalur=jalur,
                saran="ketik sebagai angka",
                keparahan=Keparahan.INFO,
            )
            return h.nilai
        self.temu(
            KODE_BUKAN_ANGKA, f"{apa} '{x}' bukan angka", r, c, jalur=jalur, saran="isi angka"
        )
        return None

    def isian(self, v: Any, apa: str, r: int, c: int, jalur: str) -> Any:
        if adalah_tanggal(v):
            self.temu(
                KODE_TANGGAL,
                f"{apa} berisi tanggal ({teks(v)})",
                r,
                c,
                jalur=jalur,
                saran="format sel sebagai angka atau teks, lalu ketik ulang",
            )
        return isian(v)


def _cari_kepala_tabel(grid: Grid) -> tuple[int, dict[str, int], dict[int, _Susunan]] | None:
    """The table's top header row, its column map (shared: read-only) and the cache of the
    layouts derived from it (`_susunan`), found by the header labels."""
    for r, baris in enumerate(grid):
        # cheap filter first: the header row holds the word "Indikator"
        for v in baris:
            if type(v) is str and "ndikator" in v:
                break
        else:
            continue
        bawah = grid[r + 1] if r + 1 < len(grid) else []
        kunci = (tuple(baris), tuple(bawah))
        try:  # every jabatan sheet has the same two header rows: parse them once
            ketemu = _KEPALA[kunci]
        except KeyError:
            kol = _kolom_kepala(baris, bawah)
            ketemu = _KEPALA[kunci] = None if kol is None else (kol, {})
            if len(_KEPALA) > 64:
                _KEPALA.clear()
        except TypeError:  # an unhashable cell value (not from calamine or xlwings)
            kol = _kolom_kepala(baris, bawah)
            ketemu = None if kol is None else (kol, {})
        if ketemu is not None:
            return r, ketemu[0], ketemu[1]
    return None


_KEPALA: dict[tuple[Any, ...], tuple[dict[str, int], dict[int, _Susunan]] | None] = {}


def _kolom_kepala(baris: list[Any], bawah: list[Any]) -> dict[str, int] | None:
    """The column map of a candidate header row (and the row below it), or None when the
    row is not the table header."""
    normal = L.normal
    teks_baris = [normal(v) if type(v) is str and v else "" for v in baris]
    if (
        normal(L.KOLOM["indikator"].judul) not in teks_baris
        or normal(L.KOLOM["sasaran"].judul) not in teks_baris
    ):
        return None
    kunci = L.kunci_judul_normal()
    kol: dict[str, int] = {}
    grup = ""
    for c, t in enumerate(teks_baris):
        if t:
            grup = t
        b = bawah[c] if c < len(bawah) else None
        b = normal(b) if isinstance(b, str) and b else ""
        k = kunci.get((grup, b) if b else (t, ""))
        if k is not None and k not in kol:
            kol[k] = c
    return kol


class _Susunan:
    """Where the table's columns are, as the parser uses them: derived once per table
    header and sheet width, shared by every sheet with the same header."""

    __slots__ = (
        "butuh", "ind", "ix", "kode", "kom", "lain", "luar", "lv", "lva", "lvb", "n_lain",
        "n_luar", "noi", "nok", "real", "sas", "teks",
    )  # fmt: skip

    def __init__(self, kol: dict[str, int], lebar: int) -> None:
        # a missing column points at `lebar`: a padding column that is always empty
        ix = self.ix = {k.kunci: kol.get(k.kunci, lebar) for k in L.KOLOM_TABEL}
        self.butuh = max(ix.values()) + 1  # rows shorter than this are padded with None
        self.nok, self.sas, self.noi, self.ind = (
            ix["no_kinerja"], ix["sasaran"], ix["no_indikator"], ix["indikator"]
        )  # fmt: skip
        self.kode, self.kom = ix["kode"], ix["komponen"]
        self.real = tuple(ix[f"realisasi{q}"] for q in range(4))
        self.lv, self.lvb, self.lva = ix["level"], ix["level_bawah"], ix["level_atas"]
        self.teks = tuple((ix[kunci], medan) for kunci, _, medan in _TEKS_INDIKATOR)
        # columns only an indicator's first row may fill, checked on its later rows
        self.lain = [ix[k] for k in L.KOLOM_INDIKATOR if k not in ("no_indikator", "indikator")]
        self.n_lain = len(self.lain)
        # what a row outside any indicator block must leave empty
        self.luar = [*self.lain, self.kode, self.kom, *self.real, self.lv, self.lvb, self.lva]
        self.n_luar = len(self.luar)


def _susunan(kol: dict[str, int], cache: dict[int, _Susunan], lebar: int) -> _Susunan:
    s = cache.get(lebar)
    if s is None:
        s = cache[lebar] = _Susunan(kol, lebar)
    return s


def _kosong_semua(*nilai: Any) -> bool:
    return all(v is None or v == "" for v in nilai)


def _semua_kosong(nilai: list[Any], n: int) -> bool:
    """Every value blank (None from xlwings, "" from calamine), counted in C."""
    return nilai.count("") + nilai.count(None) == n


_LABEL_KEPALA = {L.normal(lbl): k for k, lbl in L.KEPALA_JABATAN}
_LABEL_DAFTAR = {L.normal(lbl): k for k, lbl in L.DAFTAR_JABATAN}


def baca_grid_jabatan(
    nama_sheet: str,
    grid: Any,
    *,
    awalan: str = "jabatan[0]",
    asal: tuple[int, int] = (0, 0),
) -> HasilJabatan | None:
    """Parse one sheet's grid as a jabatan sheet; None when the sheet is not one.

    `grid` is the sheet's values from A1 (calamine) or xlwings' `used_range.value`; pass
    `asal` = 0-based (row, column) of the grid's first cell when it does not start at A1.
    Every jalur in the returned map and findings starts with `awalan`.
    """
    grid = normalisasi(grid)
    ketemu = _cari_kepala_tabel(grid)
    if ketemu is None:
        return None
    h1, kol, cache_susunan = ketemu
    p = _Pembaca(nama_sheet, asal)
    normal = L.normal

    # ---- header block above the table
    geser_nilai = L.NILAI_KOL - L.LABEL_KOL
    kepala: dict[str, Any] = {}
    for r in range(h1):
        baris = grid[r]
        for c, v in enumerate(baris):
            if isinstance(v, str) and v:
                k = _LABEL_KEPALA.get(normal(v))
                if k is not None and k not in kepala:
                    cv = c + geser_nilai
                    kepala[k] = (baris[cv] if cv < len(baris) else None, r, cv)
                break
    nama = teks(kepala["nama"][0]) if "nama" in kepala else ""
    p.jabatan = nama
    jab: dict[str, Any] = {}
    for k, _ in L.KEPALA_JABATAN:
        if k not in kepala:
            continue
        v, r, c = kepala[k]
        p.catat(f"{awalan}.{k}", r, c)
        if k == "jenis":
            jab[k] = p.pilihan(v, _JENIS_JABATAN, "jenis jabatan", r, c, f"{awalan}.jenis")
        elif k == "atasan":
            jab[k] = teks(v) or None
        else:
            jab[k] = teks(v)
    if "nama" in kepala:
        p.isi[awalan] = p.isi[f"{awalan}.nama"]

    # ---- the table
    for kunci in ("no_kinerja", "no_indikator", "kode", "realisasi0", "target"):
        if kunci not in kol:
            p.temu(
                KODE_KOLOM_HILANG,
                f"kolom '{L.KOLOM[kunci].judul}' tidak ditemukan di tabel",
                h1,
                0,
                saran="kembalikan judul kolom seperti semula",
                keparahan=Keparahan.GALAT,
            )
    lebar = max((len(b) for b in grid), default=0)
    s = _susunan(kol, cache_susunan, lebar)
    butuh, i_nok, i_sas, i_noi, i_ind = s.butuh, s.nok, s.sas, s.noi, s.ind
    p.catat(f"{awalan}.kinerja", h1, i_sas if i_sas < lebar else 0)

    kinerja: list[dict[str, Any]] = []
    ind_aktif: _Blok | None = None
    akhir = len(grid)
    r = h1 + 2
    while r < akhir:
        baris = grid[r]
        if len(baris) < butuh:
            baris = [*baris, *([None] * (butuh - len(baris)))]
        v_nok = baris[i_nok]
        if isinstance(v_nok, str) and normal(v_nok) in _LABEL_DAFTAR:
            break
        v_sas, v_noi, v_ind = baris[i_sas], baris[i_noi], baris[i_ind]
        if not (v_nok is None or v_nok == "") or not (v_sas is None or v_sas == ""):
            if ind_aktif is not None:
                ind_aktif.tutup()
                ind_aktif = None
            k_no = len(kinerja)
            jk = f"{awalan}.kinerja[{k_no}]"
            kinerja.append({"sasaran": teks(v_sas), "indikator": []})
            p.catat(jk, r, i_nok)
            p.catat(f"{jk}.sasaran", r, i_sas)
        if not (v_noi is None or v_noi == "") or not (v_ind is None or v_ind == ""):
            if ind_aktif is not None:
                ind_aktif.tutup()
            if not kinerja:
                kinerja.append({"sasaran": "", "indikator": []})
                p.catat(f"{awalan}.kinerja[0]", r, i_nok)
                p.catat(f"{awalan}.kinerja[0].sasaran", r, i_sas)
            daftar_ind = kinerja[-1]["indikator"]
            ji = f"{awalan}.kinerja[{len(kinerja) - 1}].indikator[{len(daftar_ind)}]"
            ind_aktif = _Blok(p, ji, s, daftar_ind, r, baris)
        elif ind_aktif is not None:
            ind_aktif.baris_lanjut(r, baris)
        elif not _semua_kosong([baris[c] for c in s.luar], s.n_luar):
            p.temu(
                KODE_LUAR_BLOK,
                "isian di baris tanpa indikator diabaikan",
                r,
                0,
                saran="isi No IK dan Indikator Kinerja di baris pertama indikator",
            )
        r += 1
    if ind_aktif is not None:
        ind_aktif.tutup()
    jab["kinerja"] = kinerja

    # ---- lists below the table: a heading row, then one row per line
    for k, _ in L.DAFTAR_JABATAN:
        jab[k] = []
    sekarang: str | None = None
    c_teks = i_sas if i_sas < lebar else L.DAFTAR_TEKS_KOL
    while r < akhir:
        baris = grid[r]
        v = baris[i_nok] if i_nok < len(baris) else None
        if isinstance(v, str) and normal(v) in _LABEL_DAFTAR:
            sekarang = _LABEL_DAFTAR[normal(v)]
            p.catat(f"{awalan}.{sekarang}", r, i_nok)
        elif sekarang is not None:
            t = baris[c_teks] if c_teks < len(baris) else None
            if not (t is None or t == ""):
                p.catat(f"{awalan}.{sekarang}[{len(jab[sekarang])}]", r, c_teks)
                jab[sekarang].append(teks(t))
        r += 1

    kosong_sheet = not any(
        (jab.get("nama"), jab.get("id"), jab.get("unit"), jab.get("jenis"), jab.get("atasan"))
    ) and not (jab["kinerja"] or jab["tugas"] or jab["fungsi"])
    if not jab.get("id"):
        jab["id"] = ""
    try:
        jabatan = Jabatan.model_validate(jab)
    except ValidationError as e:  # pragma: no cover - every field is checked above
        p.temu(KODE_MODEL, f"jabatan tidak dapat dibaca: {e.errors()[0]['msg']}", 0, 0)
        jabatan = Jabatan(id=jab["id"], nama=jab.get("nama", ""))
    return HasilJabatan(jabatan, p.peta, p.temuan, kosong_sheet)


class _Blok:
    """One indicator's block of rows: its first row (read when the block is made), then
    component and level rows (`baris_lanjut`); `tutup` validates it into the list."""

    __slots__ = ("d", "jalur", "kode", "komponen", "p", "rekam", "s", "skala", "tujuan")

    def __init__(
        self, p: _Pembaca, jalur: str, s: _Susunan, tujuan: list[Any], r: int, baris: list[Any]
    ) -> None:
        self.p = p
        self.jalur = j = jalur
        self.s = s
        self.tujuan = tujuan
        self.d: dict[str, Any] = {}
        self.komponen: list[dict[str, Any]] = []
        self.kode: set[str] = set()
        self.skala: list[dict[str, Any]] = []
        ix = s.ix
        self.rekam = _RekamBlok(p, j, ix, r)
        p.peta._tambah_blok(self.rekam)
        d = self.d
        for c, medan in s.teks:
            v = baris[c]
            d[medan] = v if type(v) is str else teks(v)
        c = ix["jenis"]
        d["jenis"] = p.pilihan(baris[c], _JENIS_FORMULA, "jenis formula", r, c, j, ".jenis")
        c = ix["polaritas"]
        pol = p.pilihan(baris[c], _POLARITAS, "polaritas", r, c, j, ".polaritas")
        if pol is not None:
            d["polaritas"] = pol
        c = ix["agregasi"]
        d["agregasi"] = p.pilihan(baris[c], _AGREGASI, "agregasi", r, c, j, ".agregasi")
        c = ix["baseline"]
        v = baris[c]
        d["baseline"] = v if type(v) is float else p.angka(v, "baseline", r, c, f"{j}.baseline")
        self._target(r, baris)
        self._komponen(r, baris, pertama=True)
        self._level(r, baris)

    def _target(self, r: int, baris: list[Any]) -> None:
        p, ix, j = self.p, self.s.ix, self.jalur
        ct, ca = ix["target"], ix["target_atas"]
        v = baris[ct]
        if v is None or v == "":
            target: Any = None
        elif type(v) is float or type(v) is str:
            target = v
        else:
            target = p.isian(v, "target", r, ct, f"{j}.target")
        if kosong(baris[ca]):
            self.d["target"] = target
            return
        atas = p.angka(baris[ca], "target atas", r, ca, f"{j}.target.atas")
        bawah = target if isinstance(target, float) else None
        if isinstance(target, str):
            h = baca_angka(target)
            bawah = h.nilai
        if bawah is None or atas is None:
            p.temu(
                KODE_TARGET,
                "target range perlu dua angka: Target (batas bawah) dan Target Atas",
                r,
                ct,
                jalur=f"{j}.target",
            )
            self.d["target"] = target
            return
        if bawah > atas:
            p.temu(
                KODE_TARGET,
                f"batas bawah target {bawah:g} lebih besar dari batas atas {atas:g}; ditukar",
                r,
                ct,
                jalur=f"{j}.target",
            )
            bawah, atas = atas, bawah
        self.d["target"] = {"bawah": bawah, "atas": atas}

    def _komponen(self, r: int, baris: list[Any], *, pertama: bool) -> None:
        p, s, j = self.p, self.s, self.jalur
        ck = s.kode
        kode = baris[ck]
        if kode is None or kode == "":
            if pertama:
                self.rekam.peristiwa.append((r, _LANGSUNG))
                self.d["realisasi"] = _realisasi(p, baris, r, s.real, j)
            elif not _semua_kosong([baris[c] for c in (s.kom, *s.real)], 5):
                p.temu(
                    KODE_KODE_KOMPONEN,
                    "baris komponen tanpa Kode diabaikan",
                    r,
                    ck,
                    jalur=f"{j}.komponen",
                    saran="isi Kode komponen (A, B, …)",
                )
            return
        self.rekam.peristiwa.append((r, _KOMPONEN))
        kd = teks(kode).strip() if not isinstance(kode, str) else kode
        n = len(self.komponen)
        if kd in self.kode or not _KODE.match(kd):
            lama = kd
            dasar = re.sub(r"[^A-Za-z0-9_]", "_", kd.strip()) or "K"  # as the model's _KODE
            if not re.match(r"[A-Za-z_]", dasar):
                dasar = "K" + dasar
            kd, i = dasar, 2
            while kd in self.kode:
                kd = f"{dasar}_{i}"
                i += 1
            p.temu(
                KODE_KODE_KOMPONEN,
                f"kode komponen '{lama}' tidak valid atau ganda; dibaca sebagai '{kd}'",
                r,
                ck,
                jalur=f"{j}.komponen[{n}].kode",
                saran="kode huruf/angka tanpa spasi, unik dalam satu indikator",
            )
        self.kode.add(kd)
        real = _realisasi(p, baris, r, s.real, j, n)
        nama = baris[s.kom]
        self.komponen.append(
            {"kode": kd, "nama": nama if type(nama) is str else teks(nama), "realisasi": real}
        )

    def _level(self, r: int, baris: list[Any]) -> None:
        s = self.s
        vn, vb, va = baris[s.lv], baris[s.lvb], baris[s.lva]
        if (vn is None or vn == "") and (vb is None or vb == "") and (va is None or va == ""):
            return
        self.rekam.peristiwa.append((r, _LEVEL))
        p = self.p
        bawah: float | None
        atas: float | None
        if type(vb) is float and type(va) is float:  # the common case: nothing to report
            bawah, atas = vb, va
        else:
            jl = f"{self.jalur}.skala[{len(self.skala)}]"
            bawah = vb if type(vb) is float else p.angka(vb, "skor bawah", r, s.lvb, f"{jl}.bawah")
            atas = va if type(va) is float else p.angka(va, "skor atas", r, s.lva, f"{jl}.atas")
        self.skala.append(
            {"nama": vn if type(vn) is str else teks(vn), "bawah": bawah, "atas": atas}
        )

    def baris_lanjut(self, r: int, baris: list[Any]) -> None:
        self._komponen(r, baris, pertama=False)
        self._level(r, baris)
        s = self.s
        if _semua_kosong([baris[c] for c in s.lain], s.n_lain):
            return
        for c in s.lain:
            if not (baris[c] is None or baris[c] == ""):
                self.p.temu(
                    KODE_LUAR_BLOK,
                    "isian ini di luar baris pertama indikator dan diabaikan",
                    r,
                    c,
                    jalur=self.jalur,
                    saran="pindahkan ke baris pertama indikator (baris yang ber-No IK)",
                )

    def tutup(self) -> None:
        d = self.d
        target = d["target"]
        isi = {  # every field of Indikator, in its order
            "nama": d["nama"],
            "jenis": d["jenis"],
            "formulasi": d["formulasi"],
            "penjelasan": d["penjelasan"],
            "komponen": [_terpercaya(Komponen, k) for k in self.komponen],
            "ekspresi": d["ekspresi"],
            "baseline": d["baseline"],
            "skala": [_terpercaya(Level, lv) for lv in self.skala],
            "satuan": d["satuan"],
            "polaritas": d.get("polaritas", POSITIF),
            "target": _terpercaya(RentangTarget, target) if type(target) is dict else target,
            "realisasi": d.get("realisasi") or triwulan_kosong(),
            "agregasi": d["agregasi"],
            "sumber_data": d["sumber_data"],
            "mendukung": d["mendukung"],
        }
        self.tujuan.append(_terpercaya(Indikator, isi))


_M = TypeVar("_M", bound=BaseModel)
_BARU: Final = object.__new__  # (cls.__new__ would be looked up through pydantic's metaclass)
_TETAPKAN: Final = object.__setattr__


def _terpercaya(cls: type[_M], isi: dict[str, Any]) -> _M:
    """What `cls.model_construct(**isi)` makes, for values the reader has checked cell by
    cell: each already of its field's type (text by `teks`, numbers by `angka`/`isian`,
    dropdowns by `pilihan`), component codes made valid and unique, a target band ordered;
    `isi` holds every field, in the model's order. pydantic's validation of 500 indicators
    is ~40 % of parsing a workbook, and its own model_construct, written in Python, costs
    more still. tests/io/test_peta.py (_dokumen_valid) holds every such instance equal to the
    validated one, field types included."""
    obj = _BARU(cls)
    _TETAPKAN(obj, "__dict__", isi)
    _TETAPKAN(obj, "__pydantic_fields_set__", set(isi))
    _TETAPKAN(obj, "__pydantic_extra__", None)
    _TETAPKAN(obj, "__pydantic_private__", None)
    return obj


# ---------------------------------------------------------------- Instansi sheet


def adalah_instansi(grid: Grid) -> bool:
    judul = L.normal(L.JUDUL_INSTANSI)
    for baris in grid[:3]:
        for v in baris[:3]:
            if isinstance(v, str) and L.normal(v) == judul:
                return True
    return False


def baca_grid_instansi(
    nama_sheet: str, grid: Any, *, asal: tuple[int, int] = (0, 0)
) -> HasilInstansi | None:
    """Parse the Instansi sheet's grid; None when it is not the Instansi sheet."""
    grid = normalisasi(grid)
    if not adalah_instansi(grid):
        return None
    p = _Pembaca(nama_sheet, asal)
    lk, nk = L.INSTANSI_LABEL_KOL, L.INSTANSI_NILAI_KOL
    skalar = {L.normal(lbl): (j, fmt) for j, lbl, fmt in L.KEPALA_INSTANSI}
    daftar = {L.normal(lbl): k for k, lbl in L.DAFTAR_INSTANSI}
    label_skala = L.normal(L.LABEL_SKALA)
    judul_skala = L.normal(L.JUDUL_SKALA[0])
    data: dict[str, Any] = {"kepala": {}}
    for k, _ in L.DAFTAR_INSTANSI:
        data[k] = []
    skala: list[BandPredikat] = []
    mode: str | None = None
    ada_skala = False
    lewati_judul = False
    for r, baris in enumerate(grid):
        a = baris[lk] if lk < len(baris) else None
        b = baris[nk] if nk < len(baris) else None
        la = L.normal(a) if isinstance(a, str) else ""
        if mode == "skala":
            # the scale table is the last block: every row below its header is a band
            if lewati_judul:
                lewati_judul = False
                if la == judul_skala:
                    continue
            if _kosong_semua(a, b):
                continue
            n = len(skala)
            p.catat(f"skala_predikat[{n}]", r, lk)
            p.catat(f"skala_predikat[{n}].predikat", r, lk)
            p.catat(f"skala_predikat[{n}].di_atas", r, nk)
            di_atas = p.angka(b, "batas capaian", r, nk, f"skala_predikat[{n}].di_atas")
            skala.append(BandPredikat(predikat=teks(a), di_atas=di_atas))
        elif la in skalar:
            mode = None
            jalur, fmt = skalar[la]
            p.catat(f"instansi.{jalur}", r, nk)
            if fmt == "bulat":
                x = p.angka(b, "tahun", r, nk, f"instansi.{jalur}")
                if x is not None and x != int(x):
                    p.temu(KODE_BUKAN_ANGKA, f"tahun {x:g} bukan bilangan bulat", r, nk)
                    x = None
                nilai: Any = None if x is None else int(x)
            else:
                nilai = teks(b)
            if jalur.startswith("kepala."):
                data["kepala"][jalur.split(".", 1)[1]] = nilai
            else:
                data[jalur] = nilai
        elif la in daftar:
            mode = daftar[la]
            p.catat(f"instansi.{mode}", r, lk)
        elif la == label_skala:
            mode = "skala"
            lewati_judul = True
            ada_skala = True
            p.catat("skala_predikat", r, lk)
        elif mode in daftar.values() and not kosong(b):
            assert mode is not None
            p.catat(f"instansi.{mode}[{len(data[mode])}]", r, nk)
            data[mode].append(teks(b))
    try:
        instansi = Instansi.model_validate(data)
    except ValidationError as e:  # pragma: no cover - every field is checked above
        p.temu(KODE_MODEL, f"profil instansi tidak dapat dibaca: {e.errors()[0]['msg']}", 0, 0)
        instansi = Instansi()
    if not ada_skala:
        skala = Dokumen().skala_predikat
    return HasilInstansi(instansi, skala, p.peta, p.temuan)


# ---------------------------------------------------------------- the workbook


def baca_grids(lembar: Iterable[tuple[str, Any]], sumber: str = "workbook") -> HasilBaca:
    """Parse a workbook given as (sheet name, grid) pairs in workbook order; `lembar` may be
    a generator, so that each grid is parsed as it is loaded and then let go."""
    urutan: dict[str, int] = {}
    temuan: list[Temuan] = []
    peta = Peta()
    instansi: HasilInstansi | None = None
    jabatan: list[tuple[str, HasilJabatan]] = []
    ada_layout_jabatan = False
    for nama, grid in lembar:
        urutan[nama] = len(urutan)
        if instansi is None:
            hi = baca_grid_instansi(nama, grid)
            if hi is not None:
                instansi = hi
                continue
        hj = baca_grid_jabatan(nama, grid, awalan=f"jabatan[{len(jabatan)}]")
        if hj is None:
            if adalah_instansi(normalisasi(grid)):
                temuan.append(
                    Temuan(
                        kode=KODE_SHEET,
                        keparahan=Keparahan.PERINGATAN,
                        pesan="sheet profil instansi kedua diabaikan",
                        sheet=nama,
                        sel="A1",
                    )
                )
            continue
        ada_layout_jabatan = True
        if hj.kosong:
            continue
        jabatan.append((nama, hj))
    if not ada_layout_jabatan:
        raise BerkasTidakValid(f"{sumber}: bukan workbook IKI (tidak ada sheet jabatan)")
    if instansi is not None:
        peta._gabung(instansi.peta)
        temuan.extend(instansi.temuan)
    else:
        temuan.append(
            Temuan(
                kode=KODE_SHEET,
                keparahan=Keparahan.PERINGATAN,
                pesan="sheet Instansi tidak ditemukan; profil instansi dibiarkan kosong",
            )
        )
    daftar: list[Jabatan] = []
    dipakai: set[str] = set()
    for i, (nama, hj) in enumerate(jabatan):
        jab = hj.jabatan
        if not jab.id or jab.id in dipakai:
            dasar = _slug(jab.nama or nama)
            baru, n = dasar, 2
            while baru in dipakai:
                baru = f"{dasar}-{n}"
                n += 1
            sel = hj.peta.get(f"jabatan[{i}].id", (nama, "A1"))[1]
            pesan = (
                f"ID jabatan '{jab.id}' sudah dipakai sheet lain" if jab.id else "ID jabatan kosong"
            )
            temuan.append(
                Temuan(
                    kode=KODE_ID,
                    keparahan=Keparahan.PERINGATAN,
                    pesan=f"{pesan}; dibaca sebagai '{baru}'",
                    saran="isi ID Jabatan yang unik",
                    jabatan=jab.nama,
                    jalur=f"jabatan[{i}].id",
                    sheet=nama,
                    sel=sel,
                )
            )
            jab = jab.model_copy(update={"id": baru})
        dipakai.add(jab.id)
        daftar.append(jab)
        peta._gabung(hj.peta)
        temuan.extend(hj.temuan)
    doc = Dokumen(
        instansi=instansi.instansi if instansi else Instansi(),
        skala_predikat=instansi.skala_predikat if instansi else Dokumen().skala_predikat,
        jabatan=daftar,
    )
    return HasilBaca(doc, peta, urutan, temuan, [n for n, _ in jabatan])


def _slug(teks_: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", teks_.casefold()).strip("-")
    return s[:40] or "jabatan"


def baca_workbook(path: Path | str) -> HasilBaca:
    """Read an IKI workbook (.xlsx/.xlsm) with python-calamine (values only)."""
    from python_calamine import CalamineWorkbook

    path = Path(path)
    if not path.exists():
        raise BerkasTidakValid(f"{path}: berkas tidak ditemukan")
    if path.is_dir():
        raise BerkasTidakValid(f"{path}: ini folder, bukan berkas")
    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception:  # calamine raises several types for zip/xml/format errors
        raise BerkasTidakValid(f"{path}: bukan workbook Excel yang dapat dibaca") from None
    with gc_dijeda():
        return _baca_lembar(path, wb)


def _baca_lembar(path: Path, wb: Any) -> HasilBaca:
    """Every sheet of the open workbook, each parsed as soon as it is loaded (`baca_grids`):
    one grid alive at a time."""
    gagal: list[str] = []

    def lembar() -> Iterator[tuple[str, Any]]:
        for nama in wb.sheet_names:
            try:
                grid = wb.get_sheet_by_name(nama).to_python(skip_empty_area=False)
            except Exception:
                gagal.append(nama)
                grid = []
            yield nama, grid

    try:
        hasil = baca_grids(lembar(), str(path))
    finally:
        wb.close()
    for nama in gagal:
        hasil.temuan.append(
            Temuan(
                kode=KODE_SHEET,
                keparahan=Keparahan.PERINGATAN,
                pesan="sheet ini tidak dapat dibaca dan diabaikan",
                sheet=nama,
                sel="A1",
            )
        )
    return hasil

"""The ONE description of where everything sits in an IKI workbook.

The writer, the reader, the template builder and the macros all take positions, labels,
styles, validation lists and print settings from here. Moving a column is one edit: change
the order of `KOLOM_TABEL`. The reader finds the indicator table by its header labels (not
by position), so a planner who inserts a column of their own does not break it either.

Positions are 0-based (row, column) unless a name says otherwise; `sel()` turns them into
A1 references. See docs/workbook.md for the picture.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from iki_xl.errors import AturanExcel

# ---------------------------------------------------------------- sheets

SHEET_PETUNJUK = "Petunjuk"
SHEET_INSTANSI = "Instansi"
SHEET_REFERENSI = "Referensi"
SHEET_HASIL_VALIDASI = "Hasil Validasi"
SHEET_XLWINGS_CONF = "xlwings.conf"
# The blank jabatan sheet the `add_jabatan` macro copies (template only; hidden).
SHEET_JABATAN_KOSONG = "Jabatan Kosong"
# The visible blank jabatan sheet a document without any jabatan starts with.
SHEET_JABATAN_AWAL = "Jabatan Baru"

NAMA_SHEET_KHUSUS = (
    SHEET_PETUNJUK,
    SHEET_INSTANSI,
    SHEET_REFERENSI,
    SHEET_HASIL_VALIDASI,
    SHEET_XLWINGS_CONF,
    SHEET_JABATAN_KOSONG,
    "History",  # reserved by Excel itself
)

# xlwings settings sheet (template only): keys in column A, values in column B.
XLWINGS_CONF: tuple[tuple[str, str], ...] = (("UDF Modules", "iki_xl.udfs"),)

# ---------------------------------------------------------------- styles

WARNA_ISIAN = "#FFF2CC"  # light yellow: a planner types here
WARNA_HITUNG = "#DDEBF7"  # light blue: computed by the IKI functions, locked
WARNA_JUDUL = "#1F4E78"  # dark blue header rows, white bold text
WARNA_LABEL = "#F2F2F2"  # grey labels of the header block
FONT = "Calibri"
UKURAN_FONT = 10

# Number formats by column kind.
FORMAT_ANGKA = {
    "teks": "@",
    "isian": "General",
    "hasil": "#,##0.00",
    "persen": '#,##0.00" %"',
    "bulat": "0",
}

# ---------------------------------------------------------------- jabatan sheet

JUDUL_JABATAN = "INDIKATOR KINERJA INDIVIDU"  # A1 of every jabatan sheet

Peran = Literal["tanda", "isian", "hitung"]


@dataclass(frozen=True)
class Kolom:
    """One column of the indicator table."""

    kunci: str  # mechanics name, used by writer/reader/macros
    judul: str  # header text the planner sees (bottom header row, or both when no grup)
    lebar: float  # Excel column width in characters
    peran: Peran = "isian"  # tanda: numbering; isian: input; hitung: formula, locked
    grup: str = ""  # group header over several columns ("Realisasi", "Nilai" …)
    format: str = "teks"  # key of FORMAT_ANGKA
    daftar: str = ""  # defined name of the dropdown list, if any
    daftar_ketat: bool = True  # False: the dropdown suggests, other text is allowed

    @property
    def kunci_judul(self) -> tuple[str, str]:
        """How the reader recognises the column: (top header, bottom header)."""
        return (self.grup, self.judul) if self.grup else (self.judul, "")


TW = ("TW I", "TW II", "TW III", "TW IV")

KOLOM_TABEL: tuple[Kolom, ...] = (
    Kolom("no_kinerja", "No", 4.5, "tanda", format="isian"),
    Kolom("sasaran", "Kinerja / Sasaran", 26),
    Kolom("no_indikator", "No IK", 5.5, "tanda"),
    Kolom("indikator", "Indikator Kinerja", 30),
    Kolom("jenis", "Jenis Formula", 12, daftar="DaftarJenisFormula"),
    Kolom("formulasi", "Formulasi Penghitungan", 32),
    Kolom("penjelasan", "Penjelasan", 24),
    Kolom("ekspresi", "Ekspresi (indeks)", 14),
    Kolom("kode", "Kode", 7, grup="Komponen"),
    Kolom("komponen", "Nama Komponen", 24, grup="Komponen"),
    *(Kolom(f"realisasi{i}", tw, 8, grup="Realisasi", format="isian") for i, tw in enumerate(TW)),
    Kolom("satuan", "Satuan", 9, daftar="DaftarSatuan", daftar_ketat=False),
    Kolom("polaritas", "Polaritas", 9, daftar="DaftarPolaritas"),
    Kolom("target", "Target", 9, format="isian"),
    Kolom("target_atas", "Target Atas (range)", 9, format="isian"),
    Kolom("agregasi", "Agregasi Tahunan", 10, daftar="DaftarAgregasi"),
    Kolom("baseline", "Baseline (N−1)", 9, format="isian"),
    *(Kolom(f"nilai{i}", tw, 9, "hitung", grup="Nilai", format="hasil") for i, tw in enumerate(TW)),
    Kolom("tahunan", "Nilai Tahunan", 10, "hitung", format="hasil"),
    Kolom("capaian", "Capaian (%)", 10, "hitung", format="persen"),
    Kolom("predikat", "Predikat", 11, "hitung"),
    Kolom("sumber_data", "Sumber Data", 20),
    Kolom("mendukung", "Mendukung Indikator Atasan", 26),
    Kolom("level", "Level", 10, grup="Skala Status"),
    Kolom("level_bawah", "Skor Bawah", 7, grup="Skala Status", format="isian"),
    Kolom("level_atas", "Skor Atas", 7, grup="Skala Status", format="isian"),
)

KOL: dict[str, int] = {k.kunci: i for i, k in enumerate(KOLOM_TABEL)}
KOLOM: dict[str, Kolom] = {k.kunci: k for k in KOLOM_TABEL}
KOL_REALISASI = tuple(KOL[f"realisasi{i}"] for i in range(4))
KOL_NILAI = tuple(KOL[f"nilai{i}"] for i in range(4))

# Indicator-level fields: on the first row of the indicator's block.
KOLOM_INDIKATOR = (
    "no_indikator",
    "indikator",
    "jenis",
    "formulasi",
    "penjelasan",
    "ekspresi",
    "satuan",
    "polaritas",
    "target",
    "target_atas",
    "agregasi",
    "baseline",
    "sumber_data",
    "mendukung",
)

# Header block, top of the jabatan sheet: (kunci, label). Label in column LABEL_KOL,
# ":" in the next column, the value two columns right of the label.
BARIS_JUDUL = 0  # row of JUDUL_JABATAN
KEPALA_JABATAN: tuple[tuple[str, str], ...] = (
    ("nama", "Jabatan"),
    ("jenis", "Jenis Jabatan"),
    ("unit", "Unit Kerja"),
    ("atasan", "Atasan (ID)"),
    ("id", "ID Jabatan"),
)
KEPALA_BARIS_AWAL = 2  # first header-block row
LABEL_KOL = KOL["sasaran"]
NILAI_KOL = LABEL_KOL + 2
NILAI_KOL_AKHIR = KOL["komponen"]  # header values are merged NILAI_KOL..NILAI_KOL_AKHIR
ATASAN_NAMA_KOL = NILAI_KOL + 1  # the atasan's name, looked up by formula
BARIS_TABEL = KEPALA_BARIS_AWAL + len(KEPALA_JABATAN) + 1  # top header row of the table

# Below the table: variable-length lists. A heading row (label in the "No" column), then
# one row per line: letter in the "No" column, text in the Kinerja column merged right.
DAFTAR_JABATAN: tuple[tuple[str, str], ...] = (("tugas", "Tugas"), ("fungsi", "Fungsi"))
DAFTAR_TEKS_KOL = KOL["sasaran"]
DAFTAR_HURUF_KOL = KOL["no_kinerja"]
DAFTAR_KOL_AKHIR = KOL["komponen"]

# ---------------------------------------------------------------- Instansi sheet

JUDUL_INSTANSI = "PROFIL INSTANSI"
INSTANSI_LABEL_KOL = 0
INSTANSI_NILAI_KOL = 1
INSTANSI_BARIS_AWAL = 2
INSTANSI_LEBAR = (30.0, 90.0)
# (jalur under instansi, label, format key)
KEPALA_INSTANSI: tuple[tuple[str, str, str], ...] = (
    ("pemerintah", "Pemerintah", "teks"),
    ("nama", "Nama Dinas / Perangkat Daerah", "teks"),
    ("alamat", "Alamat", "teks"),
    ("telepon", "Telepon", "teks"),
    ("email", "E-mail", "teks"),
    ("kota", "Ditetapkan di", "teks"),
    ("tahun", "Tahun", "bulat"),
    ("nomor_keputusan", "Nomor Keputusan", "teks"),
    ("tanggal_keputusan", "Tanggal Keputusan", "teks"),
    ("kepala.nama", "Nama Kepala Dinas", "teks"),
    ("kepala.pangkat", "Pangkat / Golongan", "teks"),
    ("kepala.nip", "NIP", "teks"),
)
DAFTAR_INSTANSI: tuple[tuple[str, str], ...] = (
    ("menimbang", "Menimbang"),
    ("mengingat", "Mengingat"),
)
LABEL_SKALA = "Skala Predikat"
JUDUL_SKALA = ("Predikat", "Capaian di atas (%)")
SKALA_BARIS_MIN = 10  # rows of the scale table (spare rows let a planner add a band)

# ---------------------------------------------------------------- Referensi sheet and names

NAMA_SKALA = "SkalaPredikat"
NAMA_TABEL_JABATAN = "TabelJabatan"
NAMA_ID_JABATAN = "DaftarIdJabatan"
# (defined name, header) of the Referensi lists, column by column from A.
DAFTAR_REFERENSI: tuple[tuple[str, str], ...] = (
    ("DaftarJenisJabatan", "Jenis Jabatan"),
    ("DaftarJenisFormula", "Jenis Formula"),
    ("DaftarSatuan", "Satuan"),
    ("DaftarPolaritas", "Polaritas"),
    ("DaftarAgregasi", "Agregasi"),
)
SATUAN_BAKU = ("%", "orang", "dokumen", "kegiatan", "laporan", "indeks", "level", "unit")
REFERENSI_JABATAN_KOL = len(DAFTAR_REFERENSI) + 1  # id, then nama; one empty column between

# ---------------------------------------------------------------- print setup

KERTAS_A4 = 9
# A jabatan sheet prints two pages wide (No … Indikator Kinerja repeated on each): one page
# wide would shrink 33 columns to about 37 %, unreadable on A4.
HALAMAN_LEBAR = 2
MARGIN = {"left": 0.4, "right": 0.4, "top": 0.5, "bottom": 0.5}
KAKI_HALAMAN = "&L&8&A&R&8Halaman &P dari &N"

# ---------------------------------------------------------------- A1 references

_HURUF = [""]


def huruf_kolom(c: int) -> str:
    """0-based column index → letters (0 → A, 26 → AA)."""
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


HURUF: list[str] = [huruf_kolom(i) for i in range(256)]


def sel(baris: int, kolom: int, *, mutlak: bool = False) -> str:
    """0-based (row, column) → A1; mutlak gives $A$1."""
    h = HURUF[kolom] if kolom < len(HURUF) else huruf_kolom(kolom)
    return f"${h}${baris + 1}" if mutlak else f"{h}{baris + 1}"


def rentang(b0: int, k0: int, b1: int, k1: int, *, mutlak: bool = False) -> str:
    return f"{sel(b0, k0, mutlak=mutlak)}:{sel(b1, k1, mutlak=mutlak)}"


def kutip_sheet(nama: str) -> str:
    """A sheet name as it appears in a formula: 'Kepala Dinas'!A1."""
    return "'" + nama.replace("'", "''") + "'"


# ---------------------------------------------------------------- sheet names

PANJANG_NAMA_SHEET = 31
_KARAKTER_TERLARANG = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def periksa_nama_sheet(nama: str) -> None:
    """Raise AturanExcel when `nama` breaks one of Excel's sheet-name rules."""
    if not nama or not nama.strip():
        raise AturanExcel("nama sheet tidak boleh kosong")
    if len(nama) > PANJANG_NAMA_SHEET:
        raise AturanExcel(f"nama sheet '{nama}' lebih dari {PANJANG_NAMA_SHEET} karakter")
    if _KARAKTER_TERLARANG.search(nama):
        raise AturanExcel(f"nama sheet '{nama}' memuat karakter terlarang []:*?/\\")
    if nama.startswith("'") or nama.endswith("'"):
        raise AturanExcel(f"nama sheet '{nama}' diawali atau diakhiri tanda petik")


def _pendekkan(nama: str, batas: int) -> str:
    """Cut at a word boundary when that keeps at least half of the room."""
    if len(nama) <= batas:
        return nama
    potong = nama[:batas]
    spasi = potong.rfind(" ")
    if spasi >= batas // 2:
        potong = potong[:spasi]
    return potong.rstrip(" -.,'")


def nama_sheet_jabatan(nama_jabatan: Iterable[str], terpakai: Iterable[str] = ()) -> list[str]:
    """Sheet names for jabatan names, within Excel's rules and unique case-insensitively.

    Forbidden characters become spaces; long names are cut at a word; clashes with the
    special sheets (Petunjuk, Instansi, …) and with each other get " (2)", " (3)" ….
    """
    dipakai = {n.casefold() for n in (*NAMA_SHEET_KHUSUS, *terpakai)}
    hasil: list[str] = []
    for asli in nama_jabatan:
        dasar = _KARAKTER_TERLARANG.sub(" ", asli)
        dasar = re.sub(r"\s+", " ", dasar).strip().strip("'").strip()
        dasar = _pendekkan(dasar, PANJANG_NAMA_SHEET) or "Jabatan"
        nama, n = dasar, 1
        while nama.casefold() in dipakai:
            n += 1
            akhiran = f" ({n})"
            nama = _pendekkan(dasar, PANJANG_NAMA_SHEET - len(akhiran)).rstrip("'") + akhiran
        periksa_nama_sheet(nama)
        dipakai.add(nama.casefold())
        hasil.append(nama)
    return hasil


# ---------------------------------------------------------------- formulas of a block


def rumus_indikator(b0: int, b1: int, sheet_instansi: str = SHEET_INSTANSI) -> dict[str, str]:
    """The formulas of the computed cells of an indicator whose block spans rows b0..b1.

    Keys are column keys (`nilai0`…`nilai3`, `tahunan`, `capaian`, `predikat`); the
    formulas sit on the block's first row. Macros use this too when they add indicators.
    """
    del sheet_instansi  # the scale is reached through the workbook-level name

    def kol(kunci: str) -> str:
        return rentang(b0, KOL[kunci], b1, KOL[kunci], mutlak=True)

    def satu(kunci: str) -> str:
        return sel(b0, KOL[kunci], mutlak=True)

    skala = f"{kol('level')},{kol('level_bawah')},{kol('level_atas')}"
    hasil = {}
    for i in range(4):
        hasil[f"nilai{i}"] = (
            f"=IKI_NILAI({satu('jenis')},{kol(f'realisasi{i}')},{kol('kode')},"
            f"{satu('ekspresi')},{satu('baseline')},{skala})"
        )
    blok = rentang(b0, KOL["realisasi0"], b1, KOL["realisasi3"], mutlak=True)
    hasil["tahunan"] = (
        f"=IKI_TAHUNAN({satu('jenis')},{satu('agregasi')},{blok},{kol('kode')},"
        f"{satu('ekspresi')},{satu('baseline')},{skala})"
    )
    hasil["capaian"] = (
        f"=IKI_CAPAIAN_INDIKATOR({satu('tahunan')},{satu('target')},{satu('target_atas')},"
        f"{satu('polaritas')},{satu('jenis')},{skala})"
    )
    hasil["predikat"] = f"=IKI_PREDIKAT({satu('capaian')},{NAMA_SKALA})"
    return hasil


def rumus_nama_atasan(baris: int) -> str:
    """The formula beside the atasan id that shows the atasan's name."""
    return f'=IFERROR(VLOOKUP({sel(baris, NILAI_KOL)},{NAMA_TABEL_JABATAN},2,FALSE),"")'


_SPASI = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)  # the same labels and dropdown values recur on every sheet
def normal(teks: str) -> str:
    """How labels are compared: case-folded, spaces collapsed, trailing ':' dropped."""
    return _SPASI.sub(" ", teks).strip().rstrip(":").strip().casefold()


@functools.lru_cache(maxsize=8)
def kunci_judul_normal(kolom: Sequence[Kolom] = KOLOM_TABEL) -> dict[tuple[str, str], str]:
    """(top header, bottom header), normalised → column key. Cached: do not mutate."""
    return {(normal(k.kunci_judul[0]), normal(k.kunci_judul[1])): k.kunci for k in kolom}

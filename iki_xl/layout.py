"""The ONE description of where everything sits in an IKI workbook.

The writer, the reader, the template builder and the macros all take positions, labels,
styles, validation lists and print settings from here. Moving a column is one edit: change
the order of `TABLE`. The reader finds the indicator table by its header labels (not by
position), so a planner who inserts a column of their own does not break it either.

Positions are 0-based (row, column) unless a name says otherwise; `cell_ref()` turns them
into A1 references. See docs/workbook.md for the picture.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from iki_xl.core.numbers import QUARTERS
from iki_xl.errors import ExcelLimit

# ---------------------------------------------------------------- sheets

SHEET_PETUNJUK = "Petunjuk"
SHEET_INSTANSI = "Instansi"
SHEET_REFERENSI = "Referensi"
SHEET_HASIL_VALIDASI = "Hasil Validasi"
SHEET_XLWINGS_CONF = "xlwings.conf"
# The blank jabatan sheet the `add_jabatan` macro copies (template only; hidden).
SHEET_BLANK_JABATAN = "Jabatan Kosong"
# The visible blank jabatan sheet a document without any jabatan starts with.
SHEET_FIRST_JABATAN = "Jabatan Baru"

RESERVED_SHEETS = (
    SHEET_PETUNJUK,
    SHEET_INSTANSI,
    SHEET_REFERENSI,
    SHEET_HASIL_VALIDASI,
    SHEET_XLWINGS_CONF,
    SHEET_BLANK_JABATAN,
    "History",  # reserved by Excel itself
)

# xlwings settings sheet (template only): keys in column A, values in column B.
XLWINGS_CONF: tuple[tuple[str, str], ...] = (("UDF Modules", "iki_xl.udfs"),)

# ---------------------------------------------------------------- styles

COLOR_INPUT = "#FFF2CC"  # light yellow: a planner types here
COLOR_COMPUTED = "#DDEBF7"  # light blue: computed by the IKI functions, locked
COLOR_HEADER = "#1F4E78"  # dark blue header rows, white bold text
COLOR_LABEL = "#F2F2F2"  # grey labels of the header block
FONT = "Calibri"
FONT_SIZE = 10

# Number formats by column kind.
NUMBER_FORMATS = {
    "text": "@",
    "input": "General",
    "result": "#,##0.00",
    "percent": '#,##0.00" %"',
    "integer": "0",
}

# ---------------------------------------------------------------- jabatan sheet

JABATAN_TITLE = "INDIKATOR KINERJA INDIVIDU"  # A1 of every jabatan sheet

Role = Literal["marker", "input", "computed"]


@dataclass(frozen=True)
class Column:
    """One column of the indicator table."""

    key: str  # mechanics name, used by writer/reader/macros
    title: str  # header text the planner sees (bottom header row, or both when no group)
    width: float  # Excel column width in characters
    role: Role = "input"  # marker: numbering; input: typed; computed: formula, locked
    group: str = ""  # group header over several columns ("Realisasi", "Nilai" …)
    format: str = "text"  # key of NUMBER_FORMATS
    dropdown: str = ""  # defined name of the dropdown list, if any
    strict_dropdown: bool = True  # False: the dropdown suggests, other text is allowed

    @property
    def header_key(self) -> tuple[str, str]:
        """How the reader recognises the column: (top header, bottom header)."""
        return (self.group, self.title) if self.group else (self.title, "")


TABLE: tuple[Column, ...] = (
    Column("no_kinerja", "No", 4.5, "marker", format="input"),
    Column("sasaran", "Kinerja / Sasaran", 26),
    Column("no_indikator", "No IK", 5.5, "marker"),
    Column("indikator", "Indikator Kinerja", 30),
    Column("jenis", "Jenis Formula", 12, dropdown="DaftarJenisFormula"),
    Column("formulasi", "Formulasi Penghitungan", 32),
    Column("penjelasan", "Penjelasan", 24),
    Column("ekspresi", "Ekspresi (indeks)", 14),
    Column("kode", "Kode", 7, group="Komponen"),
    Column("komponen", "Nama Komponen", 24, group="Komponen"),
    *(
        Column(f"realisasi{i}", q, 8, group="Realisasi", format="input")
        for i, q in enumerate(QUARTERS)
    ),
    Column("satuan", "Satuan", 9, dropdown="DaftarSatuan", strict_dropdown=False),
    Column("polaritas", "Polaritas", 9, dropdown="DaftarPolaritas"),
    Column("target", "Target", 9, format="input"),
    Column("target_atas", "Target Atas (range)", 9, format="input"),
    Column("agregasi", "Agregasi Tahunan", 10, dropdown="DaftarAgregasi"),
    Column("baseline", "Baseline (N−1)", 9, format="input"),
    *(
        Column(f"nilai{i}", q, 9, "computed", group="Nilai", format="result")
        for i, q in enumerate(QUARTERS)
    ),
    Column("tahunan", "Nilai Tahunan", 10, "computed", format="result"),
    Column("capaian", "Capaian (%)", 10, "computed", format="percent"),
    Column("predikat", "Predikat", 11, "computed"),
    Column("sumber_data", "Sumber Data", 20),
    Column("mendukung", "Mendukung Indikator Atasan", 26),
    Column("level", "Level", 10, group="Skala Status"),
    Column("level_bawah", "Skor Bawah", 7, group="Skala Status", format="input"),
    Column("level_atas", "Skor Atas", 7, group="Skala Status", format="input"),
)

COL: dict[str, int] = {k.key: i for i, k in enumerate(TABLE)}
COLUMNS: dict[str, Column] = {k.key: k for k in TABLE}
REALISASI_COLS = tuple(COL[f"realisasi{i}"] for i in range(4))
NILAI_COLS = tuple(COL[f"nilai{i}"] for i in range(4))

# Indicator-level fields: on the first row of the indicator's block.
FIRST_ROW_KEYS = (
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

# Header block, top of the jabatan sheet: (key, label). Label in HEADER_LABEL_COL, ":" in
# the next column, the value two columns right of the label.
TITLE_ROW = 0  # row of JABATAN_TITLE
JABATAN_HEADER: tuple[tuple[str, str], ...] = (
    ("nama", "Jabatan"),
    ("jenis", "Jenis Jabatan"),
    ("unit", "Unit Kerja"),
    ("atasan", "Atasan (ID)"),
    ("id", "ID Jabatan"),
)
HEADER_FIRST_ROW = 2
HEADER_LABEL_COL = COL["sasaran"]
HEADER_VALUE_COL = HEADER_LABEL_COL + 2
HEADER_VALUE_LAST_COL = COL["komponen"]  # header values are merged over these columns
ATASAN_NAME_COL = HEADER_VALUE_COL + 1  # the atasan's name, looked up by formula
TABLE_HEADER_ROW = HEADER_FIRST_ROW + len(JABATAN_HEADER) + 1  # top header row of the table

# Below the table: variable-length lists. A heading row (label in the "No" column), then
# one row per line: letter in the "No" column, text in the Kinerja column merged right.
JABATAN_LISTS: tuple[tuple[str, str], ...] = (("tugas", "Tugas"), ("fungsi", "Fungsi"))
LIST_TEXT_COL = COL["sasaran"]
LIST_MARKER_COL = COL["no_kinerja"]
LIST_LAST_COL = COL["komponen"]

# ---------------------------------------------------------------- Instansi sheet

INSTANSI_TITLE = "PROFIL INSTANSI"
INSTANSI_LABEL_COL = 0
INSTANSI_VALUE_COL = 1
INSTANSI_FIRST_ROW = 2
INSTANSI_WIDTHS = (30.0, 90.0)
# (jalur under instansi, label, format key)
INSTANSI_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("pemerintah", "Pemerintah", "text"),
    ("nama", "Nama Dinas / Perangkat Daerah", "text"),
    ("alamat", "Alamat", "text"),
    ("telepon", "Telepon", "text"),
    ("email", "E-mail", "text"),
    ("kota", "Ditetapkan di", "text"),
    ("tahun", "Tahun", "integer"),
    ("nomor_keputusan", "Nomor Keputusan", "text"),
    ("tanggal_keputusan", "Tanggal Keputusan", "text"),
    ("kepala.nama", "Nama Kepala Dinas", "text"),
    ("kepala.pangkat", "Pangkat / Golongan", "text"),
    ("kepala.nip", "NIP", "text"),
    # filled only when the figures are examples (the demo): every printed page says CONTOH
    ("contoh", "Keterangan Contoh", "text"),
)
INSTANSI_LISTS: tuple[tuple[str, str], ...] = (
    ("menimbang", "Menimbang"),
    ("mengingat", "Mengingat"),
)
SKALA_LABEL = "Skala Predikat"
SKALA_HEADER = ("Predikat", "Capaian di atas (%)")
SKALA_MIN_ROWS = 10  # rows of the scale table (spare rows let a planner add a band)

# ---------------------------------------------------------------- Referensi sheet and names

NAME_SKALA = "SkalaPredikat"
NAME_JABATAN_TABLE = "TabelJabatan"
NAME_JABATAN_IDS = "DaftarIdJabatan"
# (defined name, header) of the Referensi lists, column by column from A.
REFERENSI_LISTS: tuple[tuple[str, str], ...] = (
    ("DaftarJenisJabatan", "Jenis Jabatan"),
    ("DaftarJenisFormula", "Jenis Formula"),
    ("DaftarSatuan", "Satuan"),
    ("DaftarPolaritas", "Polaritas"),
    ("DaftarAgregasi", "Agregasi"),
)
SATUAN_CHOICES = ("%", "orang", "dokumen", "kegiatan", "laporan", "indeks", "level", "unit")
REFERENSI_JABATAN_COL = len(REFERENSI_LISTS) + 1  # id, then nama; one empty column between

# ---------------------------------------------------------------- print setup

PAPER_A4 = 9
# A jabatan sheet prints two pages wide (No … Indikator Kinerja repeated on each): one page
# wide would shrink 33 columns to about 37 %, unreadable on A4.
PAGES_WIDE = 2
MARGINS = {"left": 0.4, "right": 0.4, "top": 0.5, "bottom": 0.5}
FOOTER = "&L&8&A&R&8Halaman &P dari &N"

# ---------------------------------------------------------------- A1 references


def column_letters(c: int) -> str:
    """0-based column index → letters (0 → A, 26 → AA)."""
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def cell_ref(row: int, column: int, *, absolute: bool = False) -> str:
    """0-based (row, column) → A1; absolute gives $A$1."""
    letters = column_letters(column)
    return f"${letters}${row + 1}" if absolute else f"{letters}{row + 1}"


def range_ref(r0: int, c0: int, r1: int, c1: int, *, absolute: bool = False) -> str:
    return f"{cell_ref(r0, c0, absolute=absolute)}:{cell_ref(r1, c1, absolute=absolute)}"


def quote_sheet(name: str) -> str:
    """A sheet name as it appears in a formula: 'Kepala Dinas'!A1."""
    return "'" + name.replace("'", "''") + "'"


# ---------------------------------------------------------------- sheet names

SHEET_NAME_MAX = 31
_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def check_sheet_name(name: str) -> None:
    """Raise ExcelLimit when `name` breaks one of Excel's sheet-name rules."""
    if not name or not name.strip():
        raise ExcelLimit("nama sheet tidak boleh kosong")
    if len(name) > SHEET_NAME_MAX:
        raise ExcelLimit(f"nama sheet '{name}' lebih dari {SHEET_NAME_MAX} karakter")
    if _FORBIDDEN.search(name):
        raise ExcelLimit(f"nama sheet '{name}' memuat karakter terlarang []:*?/\\")
    if name.startswith("'") or name.endswith("'"):
        raise ExcelLimit(f"nama sheet '{name}' diawali atau diakhiri tanda petik")


def _shorten(name: str, limit: int) -> str:
    """Cut at a word boundary when that keeps at least half of the room."""
    if len(name) <= limit:
        return name
    cut = name[:limit]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" -.,'")


def jabatan_sheet_names(names: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """Sheet names for jabatan names, within Excel's rules and unique case-insensitively.

    Forbidden characters become spaces; long names are cut at a word; clashes with the
    special sheets (Petunjuk, Instansi, …) and with each other get " (2)", " (3)" ….
    """
    used = {n.casefold() for n in (*RESERVED_SHEETS, *taken)}
    result: list[str] = []
    for original in names:
        base = _FORBIDDEN.sub(" ", original)
        base = re.sub(r"\s+", " ", base).strip().strip("'").strip()
        base = _shorten(base, SHEET_NAME_MAX) or "Jabatan"
        name, n = base, 1
        while name.casefold() in used:
            n += 1
            suffix = f" ({n})"
            name = _shorten(base, SHEET_NAME_MAX - len(suffix)).rstrip("'") + suffix
        check_sheet_name(name)
        used.add(name.casefold())
        result.append(name)
    return result


# ---------------------------------------------------------------- formulas of a block


def indikator_formulas(b0: int, b1: int) -> dict[str, str]:
    """The formulas of the computed cells of an indicator whose block spans rows b0..b1.

    Keys are column keys (`nilai0`…`nilai3`, `tahunan`, `capaian`, `predikat`); the
    formulas sit on the block's first row. Macros use this too when they add indicators.
    """

    def col(key: str) -> str:
        return range_ref(b0, COL[key], b1, COL[key], absolute=True)

    def one(key: str) -> str:
        return cell_ref(b0, COL[key], absolute=True)

    skala = f"{col('level')},{col('level_bawah')},{col('level_atas')}"
    formulas = {}
    for i in range(4):
        formulas[f"nilai{i}"] = (
            f"=IKI_NILAI({one('jenis')},{col(f'realisasi{i}')},{col('kode')},"
            f"{one('ekspresi')},{one('baseline')},{skala})"
        )
    block = range_ref(b0, COL["realisasi0"], b1, COL["realisasi3"], absolute=True)
    formulas["tahunan"] = (
        f"=IKI_TAHUNAN({one('jenis')},{one('agregasi')},{block},{col('kode')},"
        f"{one('ekspresi')},{one('baseline')},{skala})"
    )
    formulas["capaian"] = (
        f"=IKI_CAPAIAN_INDIKATOR({one('tahunan')},{one('target')},{one('target_atas')},"
        f"{one('polaritas')},{one('jenis')},{skala})"
    )
    formulas["predikat"] = f"=IKI_PREDIKAT({one('capaian')},{NAME_SKALA})"
    return formulas


def atasan_name_formula(row: int) -> str:
    """The formula beside the atasan id that shows the atasan's name."""
    return f'=IFERROR(VLOOKUP({cell_ref(row, HEADER_VALUE_COL)},{NAME_JABATAN_TABLE},2,FALSE),"")'


_SPACES = re.compile(r"\s+")


def normal_label(text: str) -> str:
    """How labels are compared: case-folded, spaces collapsed, trailing ':' dropped."""
    return _SPACES.sub(" ", text).strip().rstrip(":").strip().casefold()


@functools.cache
def header_keys() -> dict[tuple[str, str], str]:
    """(top header, bottom header), normalised → column key."""
    return {(normal_label(k.header_key[0]), normal_label(k.header_key[1])): k.key for k in TABLE}

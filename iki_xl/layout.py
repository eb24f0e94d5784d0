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

from iki_xl.core.jabatan_names import normal_name, short_forms
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
# capaian cells by the band of the Instansi scale they fall in, top band first; the last
# colour takes every band below
BAND_COLORS = ("#63BE7B", "#C6EFCE", "#FFEB9C", "#FCD5B4", "#FFC7CE")
FONT = "Calibri"
FONT_SIZE = 10

# Number formats by column kind.
NUMBER_FORMATS = {
    "text": "@",
    "input": "General",
    "result": "#,##0.00",
    "percent": '#,##0.00" %"',
    "integer": "0",
    "quarter": '"TW "0;;"-"',  # the last quarter filled: 2 → "TW 2", 0 → "-"
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
    hint: str = ""  # the input message Excel shows on the cell: what to type, an example

    @property
    def header_key(self) -> tuple[str, str]:
        """How the reader recognises the column: (top header, bottom header)."""
        return (self.group, self.title) if self.group else (self.title, "")


_FAKTOR = (("pendukung", "Faktor Pendukung"), ("penghambat", "Faktor Penghambat"),
           ("tindak_lanjut", "Tindak Lanjut"))  # fmt: skip

_QUARTER_HINT = {
    "realisasi": "Realisasi triwulan ini: angka (untuk indikator status: nama level atau skor). "
    "Satu baris per komponen.",
    "target_tw": "Target triwulan ini. Kumulatif: target triwulan itu saja; akhir: nilai yang "
    "dituju di akhir triwulan; rata-rata: target triwulan itu. Kosong: dibandingkan dengan "
    "target tahunan.",
    "pendukung": "Faktor yang mendukung capaian triwulan ini.",
    "penghambat": "Faktor yang menghambat capaian triwulan ini.",
    "tindak_lanjut": "Tindak lanjut / keterangan triwulan ini.",
}
_COMPUTED_HINT = (
    "Dihitung otomatis oleh rumus IKI; jangan diketik. Bila rumus terhapus, tekan Hitung "
    "Ulang pada tab IKI."
)

TABLE: tuple[Column, ...] = (
    Column("no_kinerja", "No", 4.5, "marker", format="input",
           hint="Nomor kinerja (sasaran): 1, 2, 3 … hanya di baris pertama setiap kinerja."),
    Column("sasaran", "Kinerja / Sasaran", 26,
           hint="Kinerja seperti di dokumen, mis. 'Meningkatnya Kesejahteraan Sosial PMKS'."),
    Column("no_indikator", "No IK", 5.5, "marker",
           hint="Nomor indikator, mis. 1.1 — di baris pertama setiap indikator."),
    Column("indikator", "Indikator Kinerja", 30,
           hint="Mis. 'Persentase PMKS yang terpulihkan kembali fungsi sosialnya'."),
    Column("jenis", "Jenis Formula", 12, dropdown="DaftarJenisFormula",
           hint="Pilih: persentase, jumlah, rasio, penurunan, pertumbuhan, indeks, status."),
    Column("formulasi", "Formulasi Penghitungan", 32,
           hint="Seperti di dokumen, mis. '∑ PMKS yg ditangani / ∑ PMKS seluruhnya × 100%'. "
           "Dicetak apa adanya di Lampiran."),
    Column("penjelasan", "Penjelasan", 24, hint="Penjelasan indikator (boleh kosong)."),
    Column("ekspresi", "Ekspresi (indeks)", 14,
           hint="Hanya untuk indeks: rumus atas kode komponen, mis. (Ipar + IDM + Linc) / 3."),
    Column("kode", "Kode", 7, group="Komponen",
           hint="Kode komponen: A = pembilang, B = penyebut; untuk indeks mis. Ipar, IDM, Linc."),
    Column("komponen", "Nama Komponen", 24, group="Komponen",
           hint="Mis. 'Jumlah PMKS yang ditangani'. Satu baris per komponen."),
    *(
        Column(f"realisasi{i}", q, 8, group="Realisasi", format="input", hint=_QUARTER_HINT["realisasi"])
        for i, q in enumerate(QUARTERS)
    ),
    Column("agregasi", "Agregasi Tahunan", 10, dropdown="DaftarAgregasi",
           hint="kumulatif: dijumlahkan; akhir: triwulan terakhir; rata-rata. Kosong: kumulatif "
           "untuk jumlah, akhir untuk lainnya."),
    Column("baseline", "Baseline (N−1)", 9, format="input",
           hint="Nilai tahun lalu (N−1), untuk indikator penurunan/pertumbuhan."),
    Column("level", "Level", 10, group="Skala Status",
           hint="Indikator status: satu level per baris dari yang terendah, mis. Pratama."),
    Column("level_bawah", "Skor Bawah", 7, group="Skala Status", format="input",
           hint="Skor terendah level ini, mis. 500 (Pratama 500–600)."),
    Column("level_atas", "Skor Atas", 7, group="Skala Status", format="input",
           hint="Skor tertinggi level ini, mis. 600."),
    Column("satuan", "Satuan", 9, dropdown="DaftarSatuan", strict_dropdown=False,
           hint="%, orang, dokumen, kegiatan, laporan, indeks, level …"),
    Column("polaritas", "Polaritas", 9, dropdown="DaftarPolaritas",
           hint="positif: makin tinggi makin baik; negatif: makin rendah makin baik; range: "
           "terbaik di dalam rentang Target–Target Atas."),
    Column("target", "Target", 9, format="input",
           hint="Target tahunan sebagai angka, mis. 85 (untuk status: nama level). Untuk "
           "rentang: batas bawah."),
    Column("target_atas", "Target Atas (range)", 9, format="input",
           hint="Hanya untuk target rentang: batas atas, mis. 90."),
    *(
        Column(f"target_tw{i}", q, 8, group="Target Triwulan", format="input", hint=_QUARTER_HINT["target_tw"])
        for i, q in enumerate(QUARTERS)
    ),
    *(
        Column(f"nilai{i}", q, 9, "computed", group="Nilai", format="result", hint=_COMPUTED_HINT)
        for i, q in enumerate(QUARTERS)
    ),
    Column("nilai_sd", "Nilai s.d. TW", 10, "computed", format="result", hint=_COMPUTED_HINT),
    Column("tw_akhir", "s.d. TW", 6, "computed", format="quarter", hint=_COMPUTED_HINT),
    Column("target_sd", "Target s.d. TW", 9, "computed", format="result", hint=_COMPUTED_HINT),
    Column("capaian_sd", "Capaian s.d. TW (%)", 10, "computed", format="percent", hint=_COMPUTED_HINT),
    Column("capaian", "Capaian Tahunan (%)", 10, "computed", format="percent", hint=_COMPUTED_HINT),
    Column("predikat", "Predikat", 12, "computed", hint=_COMPUTED_HINT),
    Column("sumber_data", "Sumber Data", 20,
           hint="Dokumen atau data asal angka, mis. 'Laporan bulanan Bidang Rehabilitasi "
           "Sosial', 'DTKS'."),
    Column("mendukung", "Mendukung Indikator Atasan", 26,
           hint="Nama indikator atasan yang didukung, persis seperti tertulis di IKI atasan."),
    *(
        Column(f"{key}{i}", title, 22, group=f"Faktor {q}", hint=_QUARTER_HINT[key])
        for i, q in enumerate(QUARTERS)
        for key, title in _FAKTOR
    ),
)  # fmt: skip

COL: dict[str, int] = {k.key: i for i, k in enumerate(TABLE)}
COLUMNS: dict[str, Column] = {k.key: k for k in TABLE}
REALISASI_COLS = tuple(COL[f"realisasi{i}"] for i in range(4))
NILAI_COLS = tuple(COL[f"nilai{i}"] for i in range(4))
# The block a UDF reads: every input column of an indicator's rows, from No to Skor Atas.
# The targets stay outside it, so typing a target recomputes only native formulas.
BLOCK_COLS = (COL["no_kinerja"], COL["level_atas"])
# The cells one UDF call per indicator fills as an array: Nilai TW I–IV.
UDF_COLS = (COL["nilai0"], COL["nilai3"])

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
    *(f"target_tw{i}" for i in range(4)),
    "agregasi",
    "baseline",
    "sumber_data",
    "mendukung",
    *(f"{key}{i}" for i in range(4) for key, _ in _FAKTOR),
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


@functools.lru_cache(maxsize=20_000)  # the reader asks millions of times for ~70 columns
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


def _free_form(name: str, used: set[str]) -> str | None:
    """The most readable form of `name` that fits a tab and is not in `used`. Another
    jabatan's tab is avoided by a more abbreviated form, never by dropping more words."""
    fitting = [f.text for f in short_forms(name) if len(f.text) <= SHEET_NAME_MAX]
    if not fitting:  # not even the title fits: the one place a word is cut
        fitting = [_cut(name, SHEET_NAME_MAX)]
    first, *others = fitting
    readable = {f.text for f in short_forms(name) if not f.cut}
    for form in (first, *(f for f in others if f in readable)):
        if form.casefold() not in used:
            return form
    return None


def _cut(name: str, limit: int) -> str:
    return name[:limit].rstrip(" '-.,")


def _numbered(name: str, used: set[str]) -> str:
    """The name's first fitting form with " (2)", " (3)" …: the first number still free."""
    n = 1
    while True:
        n += 1
        suffix = f" ({n})"
        limit = SHEET_NAME_MAX - len(suffix)
        form = next((f.text for f in short_forms(name) if len(f.text) <= limit), None)
        if form is None:
            form = _cut(name, limit)
        if (form + suffix).casefold() not in used:
            return form + suffix


def jabatan_sheet_names(names: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """Readable sheet names for jabatan names: within Excel's rules, at most 31 characters,
    unique case-insensitively (also against the special sheets and `taken`).

    How a name is shortened: `iki_xl.core.jabatan_names`. A jabatan gets " (2)", " (3)" …
    only when its name is the same as an earlier one's, or when every readable form of it
    is already another sheet's name.
    """
    used = {n.casefold() for n in (*RESERVED_SHEETS, *taken)}
    seen: set[str] = set()
    result: list[str] = []
    for original in names:
        full = normal_name(_FORBIDDEN.sub(" ", original)) or "Jabatan"
        name = None if full.casefold() in seen else _free_form(full, used)
        if name is None:
            name = _numbered(full, used)
        check_sheet_name(name)
        seen.add(full.casefold())
        used.add(name.casefold())
        result.append(name)
    return result


# ---------------------------------------------------------------- formulas of a block


def block_range(b0: int, fence: int) -> str:
    """The rows an indicator's UDF reads: from its first row down to and INCLUDING the
    first row after its block (the next kinerja or indicator, or the row after the table).

    Why the fence row: Excel (and LibreOffice) widen a range only for rows inserted inside
    it. A range ending on the block's last row would not grow when the planner adds a
    component below it; a range ending on the next block's first row does, wherever the
    rows are inserted in the block. The UDF stops at the first row after the first that
    starts a kinerja or an indicator, so the fence row (and anything past the block) is
    never read as part of it."""
    c0, c1 = BLOCK_COLS
    return range_ref(b0, c0, fence, c1, absolute=True)


def _capaian(value: str, target: str, upper: str, polaritas: str) -> str:
    """Capaian (%) of `value` against `target`, by polaritas, as the core computes it:
    a band when Target Atas is filled (the nearer bound outside it), 2T − R for negatif."""

    def ratio(t: str) -> str:
        neg = f"(2*{t}-{value})/{t}*100"
        return f'IF({t}=0,"target 0",IF({polaritas}="negatif",{neg},{value}/{t}*100))'

    low, high = f"MIN({target},{upper})", f"MAX({target},{upper})"
    band = (
        f'IF(NOT(ISNUMBER({upper})),"batas atas target bukan angka",'
        f"IF(AND({value}>={low},{value}<={high}),100,"
        f"IF({value}>{high},{ratio(high)},{ratio(low)})))"
    )
    return f'IF({upper}<>"",{band},{ratio(target)})'


def _fenced(b0: int, fence: int) -> str:
    """1 while the range's last row is the fence (a row starting a kinerja or an indicator,
    or the Tugas heading), 0 once that row is deleted and the range ends on the block's own
    last row: then the whole range is the block."""
    no = range_ref(b0, COL["no_kinerja"], fence, COL["no_kinerja"], absolute=True)
    ik = range_ref(b0, COL["no_indikator"], fence, COL["no_indikator"], absolute=True)
    return f'(INDEX({no},ROWS({no}))&INDEX({ik},ROWS({ik}))<>"")'


def _in_block(b0: int, fence: int, key: str) -> str:
    """A column of the block without its fence row: INDEX(…,1):INDEX(…,ROWS(…)−fenced) of
    the fenced range, so it follows the block as rows are inserted or deleted inside it, and
    still covers the block when the next indicator (the fence row) is deleted."""
    fenced = range_ref(b0, COL[key], fence, COL[key], absolute=True)
    return f"INDEX({fenced},1):INDEX({fenced},ROWS({fenced})-{_fenced(b0, fence)})"


def _last_quarter(b0: int, fence: int) -> str:
    """The last quarter (4..1) with any realisation filled in the block; 0 for none."""
    formula = "0"
    for q in range(4):
        formula = f"IF(COUNTA({_in_block(b0, fence, f'realisasi{q}')})>0,{q + 1},{formula})"
    return formula


def _level_rank(b0: int, fence: int, level: str) -> str:
    """The rank (1 = lowest) of a level name, or of a score, on the block's scale."""
    names = _in_block(b0, fence, "level")
    lows, highs = _in_block(b0, fence, "level_bawah"), _in_block(b0, fence, "level_atas")
    by_score = (
        f"IFERROR(IF({level}<=INDEX({highs},MATCH({level},{lows},1)),MATCH({level},{lows},1),"
        f'"di luar skala"),"di luar skala")'
    )
    by_name = f'IFERROR(MATCH({level},{names},0),"level \'"&{level}&"\' tidak ada di skala")'
    rank = f"IF(ISNUMBER({level}),{by_score},{by_name})"
    return f'IF({level}="","",IF(COUNTA({names})=0,"skala status belum diisi",{rank}))'


def indikator_formulas(b0: int, fence: int) -> dict[str, str]:
    """The formulas of the computed cells of an indicator whose first row is b0 and whose
    block ends before row `fence` (see `block_range`); keys are column keys.

    Two IKI function calls: "nilai0", an array over Nilai TW I–IV, and "nilai_sd", the
    value to date. Everything else is native Excel: the last quarter filled, the target to
    date from the quarterly targets, the capaian by polaritas, "belum lengkap" before TW
    IV, the predikat from the Instansi scale — they update while a planner types targets,
    also without Python, and keep their cached values where the IKI functions cannot run.
    Macros use this too."""

    def one(key: str) -> str:
        return cell_ref(b0, COL[key], absolute=True)

    block = block_range(b0, fence)
    jenis, n, value = one("jenis"), one("tw_akhir"), one("nilai_sd")
    target, upper, polaritas = one("target"), one("target_atas"), one("polaritas")
    quarters = range_ref(b0, COL["target_tw0"], b0, COL["target_tw3"], absolute=True)
    to_n = f"INDEX({quarters},1):INDEX({quarters},MAX({n},1))"
    given = f'AND({n}>0,{upper}="",COUNTA({to_n})={n})'
    how = f'IF({one("agregasi")}="",IF({jenis}="jumlah","kumulatif","akhir"),{one("agregasi")})'
    rolled = (
        f'CHOOSE(MATCH({how},{{"kumulatif","akhir","rata-rata"}},0),'
        f"SUM({to_n}),INDEX({quarters},{n}),AVERAGE({to_n}))"
    )
    year = f'IF({target}="","",{target})'
    level = f"IF({given},INDEX({quarters},{n}),{year})"
    target_sd = one("target_sd")
    capaian_sd = (
        f'IF(NOT(ISNUMBER({value})),{value},IF({target_sd}="","target belum diisi",'
        f"IF(NOT(ISNUMBER({target_sd})),{_not_a_number(target_sd)},"
        f"{_capaian(value, target_sd, upper, polaritas)})))"
    )
    capaian = one("capaian")
    bounds = f"INDEX({NAME_SKALA},0,2)"
    band_no = f'1+SUMPRODUCT(({bounds}<>"")*({bounds}>={capaian}))'
    return {
        "nilai0": f"=IKI_NILAI_TW({block})",
        "nilai_sd": f"=IKI_NILAI_SD({block})",
        "tw_akhir": f"={_last_quarter(b0, fence)}",
        "target_sd": (
            f'=IF({jenis}="status",{_level_rank(b0, fence, level)},IF({given},{rolled},{year}))'
        ),
        "capaian_sd": f"={capaian_sd}",
        "capaian": f'=IF({n}<4,IF(ISNUMBER({value}),"belum lengkap",{value}),{one("capaian_sd")})',
        "predikat": (
            f'=IF(ISNUMBER({capaian}),IFERROR(INDEX({NAME_SKALA},{band_no},1)&"",""),'
            f'IF({n}<4,"belum lengkap",""))'
        ),
    }


def _not_a_number(cell: str) -> str:
    """The reason text of a target that is no number: the status rank's own reason, or
    "target bukan angka"."""
    return f'IF(ISNUMBER(SEARCH("skala",{cell})),"target "&{cell},"target bukan angka")'


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

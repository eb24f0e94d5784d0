"""The submission workbook (.xlsx, XlsxWriter): Keputusan, Lampiran, Rekap, Ringkasan.

For one Dinas (`tulis_pengajuan`, also what the ribbon's Konsolidasi calls) all four sheets.
For a Pemda (`tulis_pengajuan_pemda`, `konsolidasi` over many workbooks) the merged Rekap
and Ringkasan with the Dinas as a column, and no Keputusan/Lampiran: each decree is signed
by its own Kepala Dinas and printed from that Dinas' own submission; a Pemda recap is a
monitoring table, and leaving the decrees out keeps memory bounded (a worker returns only
the Rekap rows of a Dinas, never its whole document).

Values only: no formula cells, no links to other files, no VBA. Every text a planner typed
goes through `write_string`, so "=SUM(A1)" or "+62…" arrives as text.

The Lampiran is laid out for print here, not by the spreadsheet: every row gets an
estimated height (word wrap simulated with per-character widths of the font LibreOffice
and Excel use), and page breaks are placed so that each jabatan starts on a new page (as
in the printed documents), a kinerja and its indicators stay together, and a table that
must continue on the next page repeats its header row there.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from iki_xl.core.consolidate import (
    KOLOM_REKAP,
    KOSONG,
    BarisLampiran,
    BarisRekap,
    BlokLampiran,
    KelompokKinerja,
    NaskahKeputusan,
    RataRata,
    RekapDinas,
    Ringkasan,
    blok_lampiran,
    huruf,
    naskah_keputusan,
    rekap_dinas,
    sel_rekap,
)
from iki_xl.core.findings import Keparahan, Temuan
from iki_xl.core.model import Dokumen
from iki_xl.errors import BerkasTidakValid, IkiError
from iki_xl.io.atomic import jalur_sementara
from iki_xl.io.jeda_gc import gc_dijeda
from iki_xl.io.ukuran_teks import UKURAN, tinggi_teks

FONT = "Arial"  # LibreOffice without Arial substitutes a metric-compatible or wider font
SHEET_KEPUTUSAN, SHEET_LAMPIRAN, SHEET_REKAP, SHEET_RINGKASAN = (
    "Keputusan",
    "Lampiran",
    "Rekap",
    "Ringkasan",
)
KOLOM_LAMPIRAN = (
    "KINERJA",
    "INDIKATOR KINERJA",
    "PENJELASAN/FORMULASI PENGHITUNGAN",
    "SUMBER DATA",
)
LEBAR_LAMPIRAN = (30.0, 34.0, 52.0, 22.0)  # Excel character units; fits A4 landscape at 100 %
LEBAR_KEPUTUSAN = (14.0, 2.0, 4.0, 34.0, 34.0)  # label, ':', letter, text, text/signature
BATAS_SEL = 32767  # Excel's limit on the characters of one cell

# ---------------------------------------------------------------- page geometry (points)
A4_PENDEK, A4_PANJANG = 595.3, 841.9
MARGIN = {"left": 0.6, "right": 0.6, "top": 0.6, "bottom": 0.75}  # inches
MARGIN_FOOTER = 0.3
CADANGAN = 0.93  # fill at most this share of a page: estimates are estimates


def lebar_kolom_pt(lebar: float) -> float:
    """Printed width of a column of `lebar` character units (7 px digit, 5 px padding)."""
    return (int(lebar * 7 + 0.5) + 5) * 0.75


def lebar_gabung(lebar: Sequence[float]) -> float:
    """Width in character units of merged columns (each column adds its 5 px padding)."""
    return sum(lebar) + (len(lebar) - 1) * 5 / 7


def tinggi_halaman(lebar_kolom: Sequence[float], *, landscape: bool) -> float:
    """Usable height of one printed page in sheet points, after fit-to-width scaling."""
    lebar_kertas, tinggi_kertas = (A4_PANJANG, A4_PENDEK) if landscape else (A4_PENDEK, A4_PANJANG)
    lebar_cetak = lebar_kertas - (MARGIN["left"] + MARGIN["right"]) * 72
    tinggi_cetak = tinggi_kertas - (MARGIN["top"] + MARGIN["bottom"]) * 72
    skala = min(1.0, lebar_cetak / sum(lebar_kolom_pt(w) for w in lebar_kolom))
    return tinggi_cetak / skala * CADANGAN


# ---------------------------------------------------------------- writing cells safely

Nilai = float | int | str | None


def tulis_sel(ws: Worksheet, r: int, c: int, v: Nilai, fmt: Format | None = None) -> None:
    """A value, never a formula: text always through write_string."""
    if v is None or (isinstance(v, str) and not v):
        ws.write_blank(r, c, None, fmt)
    elif isinstance(v, bool):
        ws.write_string(r, c, str(v), fmt)
    elif isinstance(v, int | float):
        if math.isfinite(v):
            ws.write_number(r, c, v, fmt)
        else:
            ws.write_blank(r, c, None, fmt)
    else:
        ws.write_string(r, c, v[:BATAS_SEL], fmt)


def _gabung(
    ws: Worksheet, r1: int, c1: int, r2: int, c2: int, teks: str, fmt: Format | None
) -> None:
    """A merged range whose value is text, written with write_string."""
    if r1 == r2 and c1 == c2:
        tulis_sel(ws, r1, c1, teks, fmt)
        return
    ws.merge_range(r1, c1, r2, c2, "", fmt)
    tulis_sel(ws, r1, c1, teks, fmt)


class _Gaya:
    """The formats of one workbook, created once."""

    def __init__(self, wb: Workbook) -> None:
        dasar: dict[str, Any] = {"font_name": FONT, "font_size": UKURAN, "valign": "top"}
        self._wb = wb
        self._cache: dict[tuple[tuple[str, Any], ...], Format] = {}
        self.dasar = dasar

    def __call__(self, **opsi: Any) -> Format:
        semua = self.dasar | opsi
        kunci = tuple(sorted(semua.items()))
        if kunci not in self._cache:
            self._cache[kunci] = self._wb.add_format(semua)
        return self._cache[kunci]


def _buku(path: Path) -> Workbook:
    return xlsxwriter.Workbook(
        str(path),
        {
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "default_format_properties": {"font_name": FONT, "font_size": UKURAN},
        },
    )


def _atur_cetak(
    ws: Worksheet, *, landscape: bool, judul_kaki: str = "", lebar_halaman: int = 1
) -> None:
    ws.set_paper(9)  # A4
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.set_margins(**MARGIN)
    ws.fit_to_pages(lebar_halaman, 0)
    kaki = f"&L&8{judul_kaki.replace('&', '&&')}&R&8Halaman &P dari &N"
    ws.set_footer(kaki, {"margin": MARGIN_FOOTER})


# ---------------------------------------------------------------- Keputusan


def _tulis_keputusan(wb: Workbook, gaya: _Gaya, n: NaskahKeputusan) -> Worksheet:
    ws = wb.add_worksheet(SHEET_KEPUTUSAN)
    for i, w in enumerate(LEBAR_KEPUTUSAN):
        ws.set_column(i, i, w)
    ws.hide_gridlines(2)
    _atur_cetak(ws, landscape=False, judul_kaki=n.judul[0].title())
    lebar = LEBAR_KEPUTUSAN
    semua = lebar_gabung(lebar)
    teks_lebar = lebar_gabung(lebar[2:])
    r = 0

    def baris_tengah(teks: str, ukuran: float = 11, tebal: bool = True, garis: int = 0) -> None:
        nonlocal r
        lain = {"bottom": garis} if garis else {}
        fmt = gaya(
            bold=tebal, font_size=ukuran, align="center", valign="vcenter", text_wrap=True, **lain
        )
        _gabung(ws, r, 0, r, 4, teks, fmt)
        ws.set_row(r, tinggi_teks(teks, semua, ukuran, tebal))
        r += 1

    def kosong(tinggi: float = 8) -> None:
        nonlocal r
        ws.set_row(r, tinggi)
        r += 1

    # kop
    ukuran_kop = (13, 15, 10, 10, 11)
    for i, (teks, ukuran) in enumerate(zip(n.kop, ukuran_kop, strict=True)):
        akhir = i == len(n.kop) - 1
        baris_tengah(teks, ukuran, i in (0, 1, 4), 6 if akhir else 0)  # a rule under the kop
    kosong(14)
    for i, teks in enumerate(n.judul):
        baris_tengah(teks, 11, True)
        if i == 1:
            kosong(6)
    kosong(10)
    baris_tengah(n.pejabat, 11, True)
    kosong(10)

    label = gaya(font_size=11)
    isi = gaya(font_size=11, text_wrap=True, align="justify")

    def daftar(judul: str, butir: Sequence[str], penanda: Callable[[int], str]) -> None:
        nonlocal r
        for i, teks in enumerate(butir):
            tulis_sel(ws, r, 0, judul if i == 0 else "", label)
            tulis_sel(ws, r, 1, ":" if i == 0 else "", label)
            tulis_sel(ws, r, 2, penanda(i) if len(butir) > 1 else "", label)
            _gabung(ws, r, 3, r, 4, teks, isi)
            ws.set_row(r, tinggi_teks(teks, lebar_gabung(lebar[3:]), 11) + 2)
            r += 1
        kosong(8)

    daftar("Menimbang", n.menimbang, lambda i: f"{huruf(i)}.")
    daftar("Mengingat", n.mengingat, lambda i: f"{i + 1}.")
    baris_tengah("MEMUTUSKAN:", 11, True)
    kosong(6)
    tulis_sel(ws, r, 0, "Menetapkan", label)
    tulis_sel(ws, r, 1, ":", label)
    _gabung(ws, r, 2, r, 4, n.menetapkan, gaya(font_size=11, bold=True, text_wrap=True))
    ws.set_row(r, tinggi_teks(n.menetapkan, teks_lebar, 11, True) + 2)
    r += 1
    kosong(6)
    for nama, teks in n.diktum:
        tulis_sel(ws, r, 0, nama, label)
        tulis_sel(ws, r, 1, ":", label)
        _gabung(ws, r, 2, r, 4, teks, isi)
        ws.set_row(r, tinggi_teks(teks, teks_lebar, 11) + 2)
        r += 1
    kosong(18)

    # Ditetapkan di / Pada tanggal, then the signature block on the right half
    ttd = gaya(font_size=11, text_wrap=True)
    ttd_tengah = gaya(font_size=11, text_wrap=True, align="center")
    for teks, fmt in (
        (f"Ditetapkan di : {n.ditetapkan_di}", ttd),
        (f"Pada tanggal  : {n.pada_tanggal}", gaya(font_size=11, text_wrap=True, bottom=1)),
    ):
        tulis_sel(ws, r, 4, teks, fmt)
        ws.set_row(r, tinggi_teks(teks, lebar[4], 11))
        r += 1
    kosong(8)
    teks = n.jabatan_penanda + ","
    tulis_sel(ws, r, 4, teks, gaya(font_size=11, bold=True, text_wrap=True, align="center"))
    ws.set_row(r, tinggi_teks(teks, lebar[4], 11, True))
    r += 1
    kosong(64)  # room for the signature and the stamp
    tulis_sel(ws, r, 4, n.nama, gaya(font_size=11, bold=True, underline=1, align="center"))
    r += 1
    tulis_sel(ws, r, 4, n.pangkat, ttd_tengah)
    ws.set_row(r, tinggi_teks(n.pangkat, lebar[4], 11))
    r += 1
    tulis_sel(ws, r, 4, f"NIP. {n.nip}", ttd_tengah)
    ws.print_area(0, 0, r, 4)
    return ws


# ---------------------------------------------------------------- Lampiran

Penulis = Callable[[Worksheet, int], None]


@dataclass
class _Baris:
    tinggi: float
    tulis: Penulis
    jarak: bool = False  # an empty spacer row, left out at the top of a page


@dataclass
class _Satuan:
    """Rows that must be printed on one page. `tabel`: rows of the KINERJA table."""

    baris: list[_Baris]
    tabel: bool = False
    kepala_tabel: bool = False  # starts with the table's header row
    halaman_baru: bool = False  # starts a jabatan: always on a new page

    @property
    def tinggi(self) -> float:
        return sum(b.tinggi for b in self.baris)


class _Lampiran:
    def __init__(self, wb: Workbook, gaya: _Gaya) -> None:
        self.ws = wb.add_worksheet(SHEET_LAMPIRAN)
        self.gaya = gaya
        self.lebar = LEBAR_LAMPIRAN
        self.halaman = tinggi_halaman(LEBAR_LAMPIRAN, landscape=True)
        tepi = {"border": 1, "text_wrap": True}
        self.f_kepala = gaya(
            bold=True, align="center", valign="vcenter", bg_color="#D9D9D9", **tepi
        )
        self.f_sel = gaya(**tepi)
        self.f_rumus = gaya(**tepi)
        self.f_judul = gaya(bold=True, font_size=12, align="center", valign="vcenter")
        self.f_label = gaya(bold=True)
        self.f_isi = gaya(text_wrap=True)
        self.f_isi_tebal = gaya(text_wrap=True, bold=True)
        self.t_kepala = max(
            tinggi_teks(t, w, UKURAN, True) for t, w in zip(KOLOM_LAMPIRAN, self.lebar, strict=True)
        )

    # rows ---------------------------------------------------------
    def _kepala_tabel(self) -> _Baris:
        def tulis(ws: Worksheet, r: int) -> None:
            for c, teks in enumerate(KOLOM_LAMPIRAN):
                tulis_sel(ws, r, c, teks, self.f_kepala)

        return _Baris(self.t_kepala + 4, tulis)

    def _baris_teks(self, label: str, teks: str, penanda: str = "", tebal: bool = False) -> _Baris:
        isi = f"{penanda} {teks}".strip() if penanda else teks
        tinggi = tinggi_teks(isi, lebar_gabung(self.lebar[1:]), UKURAN, tebal)

        def tulis(ws: Worksheet, r: int) -> None:
            tulis_sel(ws, r, 0, label, self.f_label)
            _gabung(ws, r, 1, r, 3, isi, self.f_isi_tebal if tebal else self.f_isi)

        return _Baris(tinggi, tulis)

    def _kelompok(self, k: KelompokKinerja) -> list[list[_Baris]]:
        """The rows of one kinerja, split into chunks that each fit on a page."""
        lebar = self.lebar
        baris: list[BarisLampiran | None] = [*k.baris] or [None]
        tinggi: list[float] = []
        for b in baris:
            if b is None:
                tinggi.append(tinggi_teks("", lebar[1]))
            else:
                tinggi.append(
                    max(
                        tinggi_teks(b.indikator, lebar[1]),
                        tinggi_teks(b.formulasi, lebar[2]),
                        tinggi_teks(b.sumber_data, lebar[3]),
                    )
                )
        muat = self.halaman - self.t_kepala - 8
        potongan: list[list[int]] = [[]]
        jumlah = 0.0
        for i, t in enumerate(tinggi):
            if potongan[-1] and jumlah + t > muat:
                potongan.append([])
                jumlah = 0.0
            potongan[-1].append(i)
            jumlah += t
        hasil = []
        for idx in potongan:
            t_sasaran = tinggi_teks(k.sasaran, lebar[0])
            tinggi_potong = [tinggi[i] for i in idx]
            kurang = t_sasaran - sum(tinggi_potong)
            if kurang > 0:  # the merged kinerja cell needs more room than its indicators
                tinggi_potong[-1] += kurang
            rows: list[_Baris] = []
            for j, (i, t) in enumerate(zip(idx, tinggi_potong, strict=True)):
                rows.append(_Baris(t, self._penulis_indikator(k, baris[i], j == 0, len(idx))))
            hasil.append(rows)
        return hasil

    def _penulis_indikator(self, k: KelompokKinerja, b: Any, pertama: bool, n: int) -> Penulis:
        def tulis(ws: Worksheet, r: int) -> None:
            if pertama:
                _gabung(ws, r, 0, r + n - 1, 0, k.sasaran, self.f_sel)
            if b is None:
                for c in (1, 2, 3):
                    tulis_sel(ws, r, c, None, self.f_sel)
            else:
                tulis_sel(ws, r, 1, b.indikator, self.f_sel)
                tulis_sel(ws, r, 2, b.formulasi, self.f_rumus)
                tulis_sel(ws, r, 3, b.sumber_data, self.f_sel)

        return tulis

    def _satuan_blok(self, blok: BlokLampiran) -> list[_Satuan]:
        lebar_judul = lebar_gabung(self.lebar)

        def judul(ws: Worksheet, r: int) -> None:
            _gabung(ws, r, 0, r, 3, "INDIKATOR KINERJA INDIVIDU", self.f_judul)

        kepala = [
            _Baris(tinggi_teks("X", lebar_judul, 12, True) + 4, judul),
            _Baris(8, lambda ws, r: None),
            self._baris_teks("1. JABATAN :", blok.nama or KOSONG, tebal=True),
        ]
        satuan = [_Satuan(kepala, halaman_baru=True)]

        def daftar(label: str, butir: Sequence[str]) -> None:
            if not butir:
                satuan.append(_Satuan([self._baris_teks(label, "-")]))
                return
            for i, teks in enumerate(butir):
                penanda = f"{huruf(i)}." if len(butir) > 1 else ""
                lbl = label if i == 0 else ""
                satuan.append(_Satuan([self._baris_teks(lbl, teks, penanda)]))

        daftar("2. TUGAS :", blok.tugas)
        daftar("3. FUNGSI :", blok.fungsi)
        jarak = _Baris(10, lambda ws, r: None, jarak=True)
        kelompok = [p for k in blok.kinerja for p in self._kelompok(k)]
        if not kelompok:
            kelompok = [
                [
                    _Baris(
                        tinggi_teks("", 10),
                        self._penulis_indikator(KelompokKinerja("", ()), None, True, 1),
                    )
                ]
            ]
        for i, rows in enumerate(kelompok):
            if i == 0:
                satuan.append(_Satuan([jarak, self._kepala_tabel(), *rows], True, True))
            else:
                satuan.append(_Satuan(rows, tabel=True))
        return satuan

    # layout -------------------------------------------------------
    def tulis(self, naskah: NaskahKeputusan, blok: Sequence[BlokLampiran]) -> Worksheet:
        ws = self.ws
        for i, w in enumerate(LEBAR_LAMPIRAN):
            ws.set_column(i, i, w)
        ws.hide_gridlines(2)
        _atur_cetak(ws, landscape=True, judul_kaki=f"Lampiran {naskah.judul[0].title()}")
        r = 0
        pakai = 0.0
        label = self.gaya(bold=False, align="right")
        for nama, isi in naskah.lampiran:
            teks = isi
            tinggi = tinggi_teks(teks, lebar_gabung(self.lebar[2:]))
            tulis_sel(ws, r, 1, f"{nama} :", label)
            _gabung(ws, r, 2, r, 3, teks, self.f_isi)
            ws.set_row(r, tinggi)
            pakai += tinggi
            r += 1
        ws.set_row(r, 16)
        pakai += 16
        r += 1

        patah: list[int] = []
        dalam_tabel = False
        for nomor, b in enumerate(blok):
            for s in self._satuan_blok(b):
                if s.halaman_baru:  # every jabatan but the first starts a new page
                    baru = nomor > 0
                else:
                    baru = pakai > 0 and pakai + s.tinggi > self.halaman
                if baru:
                    patah.append(r)
                    pakai = 0.0
                    if s.tabel and not s.kepala_tabel and dalam_tabel:
                        k = self._kepala_tabel()
                        k.tulis(ws, r)
                        ws.set_row(r, k.tinggi)
                        pakai += k.tinggi
                        r += 1
                for i, baris in enumerate(s.baris):
                    if baru and i == 0 and baris.jarak:
                        continue
                    baris.tulis(ws, r)
                    ws.set_row(r, baris.tinggi)
                    pakai += baris.tinggi
                    r += 1
                dalam_tabel = s.tabel
        ws.set_h_pagebreaks(patah[:1023])
        ws.print_area(0, 0, max(r - 1, 0), 3)
        return ws


# ---------------------------------------------------------------- Rekap

LEBAR_REKAP = {
    "No": 5,
    "Perangkat Daerah": 26,
    "Bidang/Unit": 22,
    "Jabatan": 30,
    "Jenis Jabatan": 14,
    "Atasan": 26,
    "Kinerja": 34,
    "Indikator Kinerja": 40,
    "Jenis Formula": 12,
    "Satuan": 9,
    "Polaritas": 9,
    "Target": 10,
    "Nilai Tahunan": 11,
    "Capaian (%)": 11,
    "Predikat": 13,
    "Sumber Data": 24,
    "Keterangan": 30,
}
KOLOM_ANGKA = {"Target", "Nilai Tahunan", *(k for k in KOLOM_REKAP if k.startswith("Realisasi"))}


class _Rekap:
    """Writes Rekap rows as they arrive (one Dinas at a time); the table is added at the end."""

    def __init__(self, wb: Workbook, gaya: _Gaya) -> None:
        self.ws = ws = wb.add_worksheet(SHEET_REKAP)
        self.n = 0
        self.lebar = [float(LEBAR_REKAP.get(k, 10)) for k in KOLOM_REKAP]
        for i, w in enumerate(self.lebar):
            ws.set_column(i, i, w)
        self.f_teks = gaya(text_wrap=True)
        self.f_angka = gaya(num_format="#,##0.##")
        self.f_persen = gaya(num_format="0.00")
        self.f_no = gaya(num_format="0", align="center")
        self.f_kepala = gaya(bold=True, text_wrap=True, valign="vcenter", align="center")
        self.i_capaian = KOLOM_REKAP.index("Capaian (%)")
        self.bungkus = [
            i
            for i, k in enumerate(KOLOM_REKAP)
            if k in {"Perangkat Daerah", "Bidang/Unit", "Jabatan", "Atasan", "Kinerja"}
            or k in {"Indikator Kinerja", "Sumber Data", "Keterangan"}
        ]
        ws.freeze_panes(1, 0)
        ws.set_row(0, 30)
        _atur_cetak(ws, landscape=True, judul_kaki="Rekap IKI")
        ws.repeat_rows(0)

    def tambah(self, baris: Iterable[BarisRekap]) -> None:
        ws = self.ws
        for b in baris:
            self.n += 1
            r = self.n
            sel = sel_rekap(self.n, b)
            tinggi = 15.0
            for c, v in enumerate(sel):
                if v is None or v == "":
                    continue  # an empty cell of the table: nothing to write
                if c == 0:
                    fmt = self.f_no
                elif c == self.i_capaian:
                    fmt = self.f_persen
                elif isinstance(v, float):
                    fmt = self.f_angka
                else:
                    fmt = self.f_teks
                tulis_sel(ws, r, c, v, fmt)
                if c in self.bungkus and isinstance(v, str) and len(v) > self.lebar[c]:
                    tinggi = max(tinggi, tinggi_teks(v, self.lebar[c]))
            if tinggi > 15.0:
                ws.set_row(r, min(tinggi, 409))

    def selesai(self) -> None:
        if self.n == 0:  # an Excel table needs a data row
            for c in range(len(KOLOM_REKAP)):
                tulis_sel(self.ws, 1, c, None, self.f_teks)
        akhir = max(self.n, 1)
        self.ws.add_table(
            0,
            0,
            akhir,
            len(KOLOM_REKAP) - 1,
            {
                "name": "RekapIKI",
                "style": "Table Style Medium 2",
                "columns": [{"header": k, "header_format": self.f_kepala} for k in KOLOM_REKAP],
            },
        )


# ---------------------------------------------------------------- Ringkasan


def _tulis_ringkasan(
    wb: Workbook, ws: Worksheet, gaya: _Gaya, rk: Ringkasan, judul: str, *, pemda: bool
) -> None:
    ws.set_column(0, 0, 38)
    ws.set_column(1, 1, 34)
    ws.set_column(2, 12, 13)
    _atur_cetak(ws, landscape=True, judul_kaki="Ringkasan IKI")
    f_judul = gaya(bold=True, font_size=13)
    f_sub = gaya(bold=True, font_size=11)
    f_kepala = gaya(
        bold=True, border=1, text_wrap=True, align="center", valign="vcenter", bg_color="#D9D9D9"
    )
    f_teks = gaya(border=1, text_wrap=True)
    f_angka = gaya(border=1, num_format="0")
    f_persen = gaya(border=1, num_format="0.00")
    f_jumlah = gaya(border=1, bold=True)
    f_jumlah_angka = gaya(border=1, bold=True, num_format="0")
    f_catatan = gaya(italic=True, font_size=9, text_wrap=True)
    r = 0
    tulis_sel(ws, r, 0, "RINGKASAN INDIKATOR KINERJA INDIVIDU", f_judul)
    r += 1
    tulis_sel(ws, r, 0, judul, f_sub)
    r += 2

    def tabel_hitung(
        judul_tabel: str, kolom: list[str], data: dict[str, Any], kolom_nama: str
    ) -> None:
        nonlocal r
        tulis_sel(ws, r, 0, judul_tabel, f_sub)
        r += 1
        kepala = [kolom_nama, *kolom, "Jumlah"]
        for c, k in enumerate(kepala):
            tulis_sel(ws, r, c if c == 0 else c + 1, k, f_kepala)
        ws.merge_range(r, 0, r, 1, "", f_kepala)
        tulis_sel(ws, r, 0, kolom_nama, f_kepala)
        ws.set_row(r, 30)
        r += 1
        total = [0] * len(kolom)
        for d in rk.dinas:
            hitung = data[d]
            ws.merge_range(r, 0, r, 1, "", f_teks)
            tulis_sel(ws, r, 0, d, f_teks)
            for c, k in enumerate(kolom):
                tulis_sel(ws, r, c + 2, float(hitung.get(k, 0)), f_angka)
                total[c] += hitung.get(k, 0)
            tulis_sel(ws, r, len(kolom) + 2, float(sum(hitung.get(k, 0) for k in kolom)), f_angka)
            r += 1
        if pemda:
            ws.merge_range(r, 0, r, 1, "", f_jumlah)
            tulis_sel(ws, r, 0, "Jumlah", f_jumlah)
            for c, t in enumerate(total):
                tulis_sel(ws, r, c + 2, float(t), f_jumlah_angka)
            tulis_sel(ws, r, len(kolom) + 2, float(sum(total)), f_jumlah_angka)
            r += 1
        r += 1

    tabel_hitung(
        "Jumlah jabatan per jenis jabatan", rk.kolom_jenis, rk.jabatan_per_jenis, "Perangkat Daerah"
    )
    tabel_hitung(
        "Jumlah indikator per predikat capaian", rk.kolom_predikat, rk.predikat, "Perangkat Daerah"
    )

    def tabel_rata(
        judul_tabel: str, kolom_kedua: str, baris: Iterable[tuple[str, str | None, RataRata]]
    ) -> tuple[int, int]:
        """A table of average capaian; returns its first and last data row."""
        nonlocal r
        tulis_sel(ws, r, 0, judul_tabel, f_sub)
        r += 1
        kepala = ("Perangkat Daerah", kolom_kedua, "Jumlah indikator", "Indikator dinilai")
        for c, k in enumerate((*kepala, "Rata-rata capaian (%)")):
            tulis_sel(ws, r, c, k, f_kepala)
        ws.set_row(r, 30)
        r += 1
        awal = r
        for d, unit, rata in baris:
            tulis_sel(ws, r, 0, d, f_teks)
            tulis_sel(ws, r, 1, unit, f_teks)
            tulis_sel(ws, r, 2, float(rata.indikator), f_angka)
            tulis_sel(ws, r, 3, float(rata.dinilai), f_angka)
            tulis_sel(ws, r, 4, rata.nilai, f_persen)
            r += 1
        return awal, r - 1

    # average capaian per bidang (and per Dinas at Pemda scale) with a chart
    awal_bidang, akhir_bidang = tabel_rata(
        "Rata-rata capaian per bidang",
        "Bidang/Unit",
        ((d, unit, rata) for (d, unit), rata in rk.per_bidang.items()),
    )
    _gabung(
        ws,
        r,
        0,
        r,
        4,
        "Capaian tiap indikator dibatasi 0–200% sebelum dirata-rata; indikator tanpa capaian "
        "(target atau realisasi belum diisi) tidak ikut dihitung.",
        f_catatan,
    )
    ws.set_row(r, 26)
    r += 2
    seri = (awal_bidang, akhir_bidang, 1)
    if pemda:
        awal, akhir = tabel_rata(
            "Rata-rata capaian per Perangkat Daerah",
            "",
            ((d, None, rk.per_dinas[d]) for d in rk.dinas),
        )
        seri = (awal, akhir, 0)
        r += 1

    # validation summary: counted only when the validator is available
    tulis_sel(ws, r, 0, "Hasil pemeriksaan (validasi)", f_sub)
    r += 1
    if not rk.pemeriksaan_tersedia:
        tulis_sel(ws, r, 0, "Pemeriksaan belum tersedia: temuan tidak dihitung.", f_catatan)
        r += 1
    else:
        for c, k in enumerate(("Perangkat Daerah", "", "Galat", "Peringatan", "Info")):
            tulis_sel(ws, r, c, k, f_kepala)
        r += 1
        for d in rk.dinas:
            p = rk.pemeriksaan.get(d)
            tulis_sel(ws, r, 0, d, f_teks)
            tulis_sel(ws, r, 1, None, f_teks)
            for c, k in enumerate(Keparahan):
                tulis_sel(ws, r, c + 2, None if p is None else float(p.get(str(k), 0)), f_angka)
            r += 1

    awal, akhir, kol_kategori = seri
    if akhir >= awal:
        chart = wb.add_chart({"type": "bar"})
        assert chart is not None
        nama = ws.get_name()
        kategori = f"='{nama}'!${'AB'[kol_kategori]}${awal + 1}:${'AB'[kol_kategori]}${akhir + 1}"
        chart.add_series(
            {
                "name": "Rata-rata capaian (%)",
                "categories": kategori,
                "values": f"='{nama}'!$E${awal + 1}:$E${akhir + 1}",
                "data_labels": {"value": True, "num_format": "0.0"},
                "fill": {"color": "#4472C4"},
            }
        )
        chart.set_title(
            {"name": "Rata-rata capaian per " + ("Perangkat Daerah" if pemda else "bidang")}
        )
        chart.set_legend({"none": True})
        chart.set_x_axis({"name": "Capaian (%)", "min": 0})
        chart.set_y_axis({"reverse": True, "num_font": {"size": 8}})
        n = akhir - awal + 1
        chart.set_size({"width": 640, "height": max(260, 60 + 26 * n)})
        ws.insert_chart(xl_rowcol_to_cell(0, 6), chart)


# ---------------------------------------------------------------- public API


@dataclass
class Pengajuan:
    """What was written: the workbook and, when asked for, its PDF."""

    xlsx: Path
    pdf: Path | None = None


def _judul_dokumen(wb: Workbook, judul: str) -> None:
    wb.set_properties(
        {
            "title": judul,
            "subject": "Indikator Kinerja Individu",
            "comments": "Dibuat dengan iki-xl",
        }
    )


def _cetak(xlsx: Path, pdf: bool) -> Path | None:
    if not pdf:
        return None
    from iki_xl.io.pdf import ke_pdf

    return ke_pdf(xlsx, xlsx.parent)


def tulis_pengajuan(
    doc: Dokumen,
    path: Path | str,
    *,
    temuan: Sequence[Temuan] | None = None,
    pdf: bool = False,
    sumber: str = "",
) -> Pengajuan:
    """The submission of one Dinas: Keputusan, Lampiran, Rekap, Ringkasan.

    `doc` should be completed (`formulasi.lengkapi`). `temuan`: the validation findings, or
    None when validation is not available (the Ringkasan says so). This is the function the
    ribbon's Konsolidasi calls with the workbook's document and an output path.
    """
    path = Path(path)
    naskah = naskah_keputusan(doc.instansi)
    rekap = rekap_dinas(doc, temuan, sumber=sumber)
    rk = Ringkasan()
    rk.tambah(rekap)
    with jalur_sementara(path) as tmp:
        wb = _buku(tmp)
        gaya = _Gaya(wb)
        _judul_dokumen(wb, naskah.judul[0])
        _tulis_keputusan(wb, gaya, naskah)
        _Lampiran(wb, gaya).tulis(naskah, blok_lampiran(doc))
        tabel = _Rekap(wb, gaya)
        tabel.tambah(rekap.baris)
        tabel.selesai()
        ringkasan_ws = wb.add_worksheet(SHEET_RINGKASAN)
        _tulis_ringkasan(wb, ringkasan_ws, gaya, rk, rekap.dinas, pemda=False)
        wb.close()
    return Pengajuan(path, _cetak(path, pdf))


def tulis_pengajuan_pemda(
    rekap: Iterable[RekapDinas],
    path: Path | str,
    *,
    judul: str = "",
    pdf: bool = False,
    saring: Callable[[RekapDinas], bool] | None = None,
) -> tuple[Pengajuan, Ringkasan]:
    """The merged Rekap and Ringkasan of many Dinas, written as the Dinas arrive.

    `rekap` may be a generator (e.g. results of reading workers): each Dinas' rows are
    written at once and only the Ringkasan's counts are kept. `saring` may drop a Dinas
    (returns False) after it has been seen.
    """
    path = Path(path)
    rk = Ringkasan()
    with jalur_sementara(path) as tmp:
        wb = _buku(tmp)
        gaya = _Gaya(wb)
        ringkasan_ws = wb.add_worksheet(SHEET_RINGKASAN)
        tabel = _Rekap(wb, gaya)
        for r in rekap:
            if saring is not None and not saring(r):
                continue
            tabel.tambah(r.baris)
            rk.tambah(r)
            r.baris = []  # the rows are in the sheet now; keep only the counts
        tabel.selesai()
        judul = judul or f"{len(rk.dinas)} Perangkat Daerah"
        _judul_dokumen(wb, f"Rekap IKI {judul}")
        _tulis_ringkasan(wb, ringkasan_ws, gaya, rk, judul, pemda=True)
        ringkasan_ws.activate()
        wb.close()
    return Pengajuan(path, _cetak(path, pdf)), rk


# ---------------------------------------------------------------- reading inputs


def baca_dokumen(path: Path) -> tuple[Dokumen, list[Temuan]]:
    """A completed document and its findings (placed on sheet and cell for a workbook)."""
    from iki_xl.io.laporan import baca_dan_periksa

    hasil = baca_dan_periksa(path)
    return hasil.dokumen, hasil.temuan


def _pekerja_mulai() -> None:
    """A worker does not inherit the parent's tracemalloc (it would only slow it down)."""
    import tracemalloc

    if tracemalloc.is_tracing():
        tracemalloc.stop()


POLA_MASUKAN = ("*.xlsm", "*.xlsx", "*.yaml", "*.yml", "*.json")


def kumpulkan_masukan(masukan: Sequence[Path | str]) -> list[Path]:
    """Files as given; a folder contributes its workbooks and data files, sorted by name.

    Lock files of Excel ("~$…") and our own temporary files (".…") are left out.
    """
    hasil: list[Path] = []
    for m in masukan:
        p = Path(m)
        if p.is_dir():
            isi = {f for pola in POLA_MASUKAN for f in p.glob(pola)}
            hasil.extend(
                sorted(f for f in isi if f.is_file() and not f.name.startswith(("~$", ".")))
            )
        else:
            hasil.append(p)
    return hasil


@dataclass
class HasilMasukan:
    """The outcome of one input at Pemda scale (what the parent keeps: no rows)."""

    sumber: Path
    dinas: str = ""
    jabatan: int = 0
    indikator: int = 0
    pemeriksaan: dict[str, int] | None = None
    contoh_galat: list[str] = field(default_factory=list)
    galat_berkas: str = ""  # unreadable / invalid input: why

    @property
    def dilewati(self) -> bool:
        return bool(self.galat_berkas)

    @property
    def galat(self) -> int:
        return (self.pemeriksaan or {}).get(str(Keparahan.GALAT), 0)


@dataclass
class LaporanKonsolidasi:
    """What `konsolidasi` did, for the CLI's summary."""

    keluaran: Pengajuan | None  # None: nothing written (--strict refused, or no usable input)
    masukan: list[HasilMasukan]
    ditolak: bool = False  # --strict refused to write

    @property
    def dilewati(self) -> list[HasilMasukan]:
        return [m for m in self.masukan if m.dilewati]

    @property
    def galat(self) -> int:
        return sum(m.galat for m in self.masukan)


def _baca_untuk_rekap(path: Path) -> tuple[RekapDinas | None, str]:
    """Worker: read one input, return only its Rekap rows and counts (or why it failed)."""
    from iki_xl.io.laporan import baca_dan_periksa

    try:
        with gc_dijeda():
            h = baca_dan_periksa(path)
            # the Rekap reuses the values the rules computed (one computation per indicator)
            return rekap_dinas(h.dokumen, h.temuan, sumber=path.name, hitungan=h.hitungan), ""
    except IkiError as e:
        return None, str(e)
    except Exception as e:  # one broken input must never abort the others
        return None, f"{path}: tidak dapat dibaca ({e.__class__.__name__}: {e})"


class _Ditolak(Exception):
    """--strict: a galat remains; the temporary output is discarded."""


Kemajuan = Callable[[int, int, str], None]


def konsolidasi(
    masukan: Sequence[Path | str],
    keluaran: Path | str,
    *,
    ketat: bool = False,
    pdf: bool = False,
    pekerja: int = 2,
    kemajuan: Kemajuan | None = None,
) -> LaporanKonsolidasi:
    """Consolidate one or many inputs into one submission workbook.

    One input: the full submission of that Dinas (Keputusan, Lampiran, Rekap, Ringkasan).
    Several (or a folder): the Pemda recap, read by `pekerja` processes; an unreadable input
    is reported and skipped. `ketat` (--strict): nothing is written while any galat remains
    or any input is unusable. `kemajuan(selesai, jumlah, nama)` is called after each input.
    """
    berkas = kumpulkan_masukan(masukan)
    keluaran = Path(keluaran)
    if not berkas:
        raise BerkasTidakValid("tidak ada berkas masukan (.xlsx, .xlsm, .yaml, .json)")
    if len(berkas) == 1 and not Path(masukan[0]).is_dir():
        from iki_xl.io.laporan import baca_dan_periksa

        path = berkas[0]
        diperiksa = baca_dan_periksa(path)
        doc, temuan = diperiksa.dokumen, diperiksa.temuan
        rekap = rekap_dinas(doc, temuan, sumber=path.name, hitungan=diperiksa.hitungan)
        hasil = HasilMasukan(
            path,
            rekap.dinas,
            len(doc.jabatan),
            len(rekap.baris),
            rekap.pemeriksaan,
            rekap.contoh_galat,
        )
        if kemajuan:
            kemajuan(1, 1, path.name)
        if ketat and hasil.galat:
            return LaporanKonsolidasi(None, [hasil], ditolak=True)
        out = tulis_pengajuan(doc, keluaran, temuan=temuan, pdf=pdf, sumber=path.name)
        return LaporanKonsolidasi(out, [hasil])

    daftar: list[HasilMasukan] = []
    nama_dipakai: set[str] = set()

    def hasil_berurutan() -> Iterable[RekapDinas]:
        jumlah = len(berkas)
        with ProcessPoolExecutor(
            max_workers=max(1, min(pekerja, jumlah)), initializer=_pekerja_mulai
        ) as ex:
            for i, (path, (rekap, galat)) in enumerate(
                zip(berkas, ex.map(_baca_untuk_rekap, berkas), strict=True), start=1
            ):
                if rekap is None:
                    daftar.append(HasilMasukan(path, galat_berkas=galat))
                else:
                    if rekap.dinas in nama_dipakai:  # the same Dinas twice: tell them apart
                        label = f"{rekap.dinas} ({path.name})"
                        rekap.baris = [replace(b, dinas=label) for b in rekap.baris]
                        rekap.dinas = label
                    nama_dipakai.add(rekap.dinas)
                    daftar.append(
                        HasilMasukan(
                            path,
                            rekap.dinas,
                            sum(rekap.jabatan_per_jenis.values()),
                            len(rekap.baris),
                            rekap.pemeriksaan,
                            rekap.contoh_galat,
                        )
                    )
                    yield rekap
                if kemajuan:
                    kemajuan(i, jumlah, path.name)

    try:
        with jalur_sementara(keluaran) as tmp:
            _, rk = tulis_pengajuan_pemda(hasil_berurutan(), tmp)
            if ketat and any(m.dilewati or m.galat for m in daftar):
                raise _Ditolak
            if not rk.dinas:
                raise _Ditolak
    except _Ditolak:
        return LaporanKonsolidasi(None, daftar, ditolak=ketat)
    return LaporanKonsolidasi(Pengajuan(keluaran, _cetak(keluaran, pdf)), daftar)

"""Model → workbook: Petunjuk, Instansi, one sheet per jabatan, Referensi.

Written with XlsxWriter, not openpyxl: the computed cells are formulas calling the IKI
functions, and XlsxWriter stores each formula's computed value as its cached result
(openpyxl cannot), so the file reads right in any program before Excel recalculates. All
positions come from `iki_xl.layout`.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from iki_xl import layout as L
from iki_xl.core.formula import Hasil
from iki_xl.core.hitung import hitung_indikator
from iki_xl.core.model import (
    Agregasi,
    BandPredikat,
    Dokumen,
    Indikator,
    Isian,
    Jabatan,
    JenisFormula,
    JenisJabatan,
    Kinerja,
    Polaritas,
    RentangTarget,
)
from iki_xl.errors import AturanExcel
from iki_xl.io.atomic import tulis_atomik
from iki_xl.io.ukuran_teks import jumlah_baris, tinggi_teks, tinggi_untuk

PANJANG_TEKS_MAKS = 32767  # Excel's limit for one cell


class _Lembar(Worksheet):  # type: ignore[misc]
    """A worksheet that stores numbers with full precision (repr), not XlsxWriter's %.16G,
    so every float of the model comes back bit for bit. While the indicator table is
    written, `tinggi` collects the lines each row needs (row → lines)."""

    tinggi: dict[int, int] | None = None

    def _xml_number_element(self, number: float, attributes: Any = ()) -> None:
        attr = "".join(f' {k}="{self._escape_attributes(v)}"' for k, v in attributes)
        self.fh.write(f"<c{attr}><v>{_angka_xml(number)}</v></c>")

    def _xml_formula_element(self, formula: str, result: Any, attributes: Any = ()) -> None:
        # An empty cached result makes LibreOffice recalculate the cell, and without the
        # IKI functions it shows #NAME?. Cache an empty text as a no-break space: blank to
        # the eye (LibreOffice treats a plain space as empty too).
        if result == "":
            result = "\u00a0"
            if not any(k == "t" for k, _ in attributes):
                attributes = [*attributes, ("t", "str")]
        super()._xml_formula_element(formula, result, attributes)


def _angka_xml(x: float) -> str:
    if isinstance(x, int):
        return str(x)
    return repr(float(x))


# ---------------------------------------------------------------- styles


@dataclass
class _Gaya:
    judul: Format
    subjudul: Format
    label: Format
    titik_dua: Format
    kepala: Format
    isian_teks: Format
    isian_angka: Format
    isian_tanda: Format
    lanjut: Format  # continuation cells of a block: unlocked, no fill
    lanjut_angka: Format
    hitung: dict[str, Format]
    hitung_lanjut: Format
    huruf: Format
    petunjuk: Format
    petunjuk_judul: Format
    ref: Format

    def isian(self, format_kolom: str) -> Format:
        return self.isian_teks if format_kolom == "teks" else self.isian_angka


def _gaya(wb: Workbook) -> _Gaya:
    dasar = {"font_name": L.FONT, "font_size": L.UKURAN_FONT, "valign": "top"}
    garis = {"border": 1, "border_color": "#A6A6A6"}

    def f(**kw: Any) -> Format:
        return wb.add_format({**dasar, **kw})

    isian = {**garis, "bg_color": L.WARNA_ISIAN, "locked": False, "text_wrap": True}
    hitung = {**garis, "bg_color": L.WARNA_HITUNG, "locked": True, "text_wrap": True}
    return _Gaya(
        judul=f(bold=True, font_size=14, valign="vcenter"),
        subjudul=f(italic=True, font_color="#595959"),
        label=f(bold=True, bg_color=L.WARNA_LABEL, **garis, text_wrap=True),
        titik_dua=f(bold=True, align="center"),
        kepala=f(
            bold=True,
            font_color="#FFFFFF",
            bg_color=L.WARNA_JUDUL,
            align="center",
            valign="vcenter",
            text_wrap=True,
            border=1,
            border_color="#FFFFFF",
        ),
        isian_teks=f(**isian, num_format=L.FORMAT_ANGKA["teks"]),
        isian_angka=f(**isian, num_format=L.FORMAT_ANGKA["isian"]),
        isian_tanda=f(**isian, align="center", num_format=L.FORMAT_ANGKA["isian"]),
        lanjut=f(**garis, locked=False, text_wrap=True, num_format=L.FORMAT_ANGKA["teks"]),
        lanjut_angka=f(**garis, locked=False, num_format=L.FORMAT_ANGKA["isian"]),
        hitung={
            k: f(
                **hitung,
                num_format=L.FORMAT_ANGKA[k],
                **({"align": "right"} if k != "teks" else {}),
            )
            for k in ("hasil", "persen", "teks")
        },
        hitung_lanjut=f(**garis, bg_color=L.WARNA_HITUNG, locked=True),
        huruf=f(align="right"),
        petunjuk=f(text_wrap=True, valign="top"),
        petunjuk_judul=f(bold=True, font_size=12),
        ref=f(**garis),
    )


# ---------------------------------------------------------------- cell writers


def _teks(ws: Worksheet, r: int, c: int, s: str, fmt: Format | None) -> None:
    """Text always as a string cell, never a formula, even when it starts with '='."""
    if len(s) > PANJANG_TEKS_MAKS:
        raise AturanExcel(
            f"teks di sheet '{ws.name}' sel {L.sel(r, c)} lebih dari {PANJANG_TEKS_MAKS} karakter"
        )
    if s == "":
        ws.write_blank(r, c, None, fmt)
        return
    ws.write_string(r, c, s, fmt)
    tinggi = getattr(ws, "tinggi", None)
    if tinggi is not None and c < len(L.KOLOM_TABEL):
        n = jumlah_baris(s, L.KOLOM_TABEL[c].lebar, L.UKURAN_FONT)
        if n > tinggi.get(r, 1):
            tinggi[r] = n


def _angka(ws: Worksheet, r: int, c: int, x: float | None, fmt: Format | None) -> None:
    if x is None:
        ws.write_blank(r, c, None, fmt)
        return
    if math.isnan(x) or math.isinf(x):
        raise AturanExcel(
            f"nilai tak terhingga di sheet '{ws.name}' sel {L.sel(r, c)} tidak dapat disimpan"
        )
    ws.write_number(r, c, x, fmt)


def _isian(ws: Worksheet, r: int, c: int, v: Isian, fmt: Format | None) -> None:
    if isinstance(v, str):
        _teks(ws, r, c, v, fmt)
    else:
        _angka(ws, r, c, v, fmt)


def _nilai_hasil(h: Hasil) -> float | str:
    return h.nilai if h.nilai is not None else h.alasan


def _huruf(i: int) -> str:
    """a, b, … z, aa, ab …: the lettered lists of the seeds."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(97 + r) + s
    return s + "."


def _tinggi_baris(teks: str, lebar_karakter: float) -> float:
    """Row height (points) for wrapped text, never below the default row."""
    return max(15.0, tinggi_teks(teks, lebar_karakter, L.UKURAN_FONT))


def _lebar(k0: int, k1: int) -> float:
    return sum(L.KOLOM_TABEL[i].lebar for i in range(k0, k1 + 1))


# ---------------------------------------------------------------- jabatan sheet


def _kepala_tabel(ws: Worksheet, g: _Gaya) -> None:
    b1, b2 = L.BARIS_TABEL, L.BARIS_TABEL + 1
    i = 0
    kolom = L.KOLOM_TABEL
    while i < len(kolom):
        k = kolom[i]
        if not k.grup:
            ws.merge_range(b1, i, b2, i, k.judul, g.kepala)
            i += 1
            continue
        j = i
        while j + 1 < len(kolom) and kolom[j + 1].grup == k.grup:
            j += 1
        if j > i:
            ws.merge_range(b1, i, b1, j, k.grup, g.kepala)
        else:
            ws.write_string(b1, i, k.grup, g.kepala)
        for c in range(i, j + 1):
            ws.write_string(b2, c, kolom[c].judul, g.kepala)
        i = j + 1
    ws.set_row(b1, 18)
    ws.set_row(b2, 30)


def _blok_indikator(ind: Indikator) -> tuple[list[Any], int]:
    """Rows of an indicator's block: first the direct-realisasi row (when the indicator has
    no components, or has directly entered values too), then one row per component."""
    langsung = not ind.komponen or any(x is not None for x in ind.realisasi)
    baris: list[Any] = ([None] if langsung else []) + list(ind.komponen)
    return baris, max(len(baris), len(ind.skala), 1)


def _tulis_baris_kosong(ws: Worksheet, r: int, g: _Gaya, *, awal: bool) -> None:
    """Formatting of an empty table row (no values)."""
    for c, k in enumerate(L.KOLOM_TABEL):
        if k.peran == "hitung":
            ws.write_blank(r, c, None, g.hitung_lanjut)
        elif awal or (
            k.kunci not in L.KOLOM_INDIKATOR and k.kunci not in ("no_kinerja", "sasaran")
        ):
            fmt = g.isian_tanda if k.peran == "tanda" else g.isian(k.format)
            ws.write_blank(r, c, None, fmt)
        else:
            ws.write_blank(r, c, None, g.lanjut if k.format == "teks" else g.lanjut_angka)


def _tulis_indikator(
    ws: Worksheet,
    r0: int,
    no_ik: str,
    ind: Indikator,
    skala: Sequence[BandPredikat],
    g: _Gaya,
) -> int:
    """Write one indicator's block from row r0; return the number of rows used."""
    K = L.KOL
    baris, n = _blok_indikator(ind)
    for j in range(n):
        _tulis_baris_kosong(ws, r0 + j, g, awal=j == 0)
    ti = g.isian_teks
    ta = g.isian_angka
    _teks(ws, r0, K["no_indikator"], no_ik, g.isian_tanda)
    _teks(ws, r0, K["indikator"], ind.nama, ti)
    _teks(ws, r0, K["jenis"], str(ind.jenis or ""), ti)
    _teks(ws, r0, K["formulasi"], ind.formulasi, ti)
    _teks(ws, r0, K["penjelasan"], ind.penjelasan, ti)
    _teks(ws, r0, K["ekspresi"], ind.ekspresi, ti)
    _teks(ws, r0, K["satuan"], ind.satuan, ti)
    _teks(ws, r0, K["polaritas"], str(ind.polaritas), ti)
    if isinstance(ind.target, RentangTarget):
        _angka(ws, r0, K["target"], ind.target.bawah, ta)
        _angka(ws, r0, K["target_atas"], ind.target.atas, ta)
    else:
        _isian(ws, r0, K["target"], ind.target, ta)
    _teks(ws, r0, K["agregasi"], str(ind.agregasi or ""), ti)
    _angka(ws, r0, K["baseline"], ind.baseline, ta)
    _teks(ws, r0, K["sumber_data"], ind.sumber_data, ti)
    _teks(ws, r0, K["mendukung"], ind.mendukung, ti)
    for j, b in enumerate(baris):
        r = r0 + j
        if b is None:
            realisasi = ind.realisasi
        else:
            _teks(ws, r, K["kode"], b.kode, ti)
            _teks(ws, r, K["komponen"], b.nama, ti)
            realisasi = b.realisasi
        for q, c in enumerate(L.KOL_REALISASI):
            _isian(ws, r, c, realisasi[q], ta)
    for j, lv in enumerate(ind.skala):
        _teks(ws, r0 + j, K["level"], lv.nama, ti)
        _angka(ws, r0 + j, K["level_bawah"], lv.bawah, ta)
        _angka(ws, r0 + j, K["level_atas"], lv.atas, ta)
    # computed cells: formulas with the core's result as cached value
    h = hitung_indikator(ind, skala)
    rumus = L.rumus_indikator(r0, r0 + n - 1)
    hitung = g.hitung
    for q in range(4):
        ws.write_formula(
            r0, K[f"nilai{q}"], rumus[f"nilai{q}"], hitung["hasil"], _nilai_hasil(h.triwulan[q])
        )
    ws.write_formula(r0, K["tahunan"], rumus["tahunan"], hitung["hasil"], _nilai_hasil(h.tahunan))
    ws.write_formula(r0, K["capaian"], rumus["capaian"], hitung["persen"], _nilai_hasil(h.capaian))
    ws.write_formula(r0, K["predikat"], rumus["predikat"], hitung["teks"], h.predikat)
    return n


def _tulis_kinerja(
    ws: Worksheet, r: int, k_no: int, kin: Kinerja, skala: Sequence[BandPredikat], g: _Gaya
) -> int:
    K = L.KOL
    if not kin.indikator:
        _tulis_baris_kosong(ws, r, g, awal=True)
        n = 1
    else:
        n = 0
        for i, ind in enumerate(kin.indikator):
            n += _tulis_indikator(ws, r + n, f"{k_no}.{i + 1}", ind, skala, g)
    ws.write_number(r, K["no_kinerja"], k_no, g.isian_tanda)
    _teks(ws, r, K["sasaran"], kin.sasaran, g.isian_teks)
    return n


def _tulis_kepala_jabatan(ws: Worksheet, jab: Jabatan, nama_atasan: str, g: _Gaya) -> None:
    akhir = L.NILAI_KOL_AKHIR
    ws.merge_range(L.BARIS_JUDUL, 0, L.BARIS_JUDUL, akhir, L.JUDUL_JABATAN, g.judul)
    ws.set_row(L.BARIS_JUDUL, 22)
    nilai = {
        "nama": jab.nama,
        "jenis": str(jab.jenis or ""),
        "unit": jab.unit,
        "atasan": jab.atasan or "",
        "id": jab.id,
    }
    for i, (kunci, label) in enumerate(L.KEPALA_JABATAN):
        r = L.KEPALA_BARIS_AWAL + i
        ws.write_string(r, L.LABEL_KOL, label, g.label)
        ws.write_string(r, L.LABEL_KOL + 1, ":", g.titik_dua)
        if kunci == "atasan":
            _teks(ws, r, L.NILAI_KOL, nilai[kunci], g.isian_teks)
            ws.merge_range(r, L.ATASAN_NAMA_KOL, r, akhir, "", g.hitung["teks"])
            ws.write_formula(
                r, L.ATASAN_NAMA_KOL, L.rumus_nama_atasan(r), g.hitung["teks"], nama_atasan
            )
        else:
            ws.merge_range(r, L.NILAI_KOL, r, akhir, "", g.isian_teks)
            _teks(ws, r, L.NILAI_KOL, nilai[kunci], g.isian_teks)
            if kunci == "nama" and nilai[kunci]:
                ws.set_row(r, _tinggi_baris(nilai[kunci], _lebar(L.NILAI_KOL, akhir)))
    baris = {k: L.KEPALA_BARIS_AWAL + i for i, (k, _) in enumerate(L.KEPALA_JABATAN)}
    ws.data_validation(
        baris["jenis"], L.NILAI_KOL, baris["jenis"], L.NILAI_KOL,
        {"validate": "list", "source": "=DaftarJenisJabatan"},
    )  # fmt: skip
    ws.data_validation(
        baris["atasan"], L.NILAI_KOL, baris["atasan"], L.NILAI_KOL,
        {"validate": "list", "source": f"={L.NAMA_ID_JABATAN}", "error_type": "warning",
         "error_title": "Atasan", "error_message": "ID jabatan ini tidak ada di daftar jabatan."},
    )  # fmt: skip


def _tulis_daftar(ws: Worksheet, r: int, label: str, isi: Sequence[str], g: _Gaya) -> int:
    """A heading row and one row per line; an empty list still gets one empty line."""
    ws.write_string(r, L.DAFTAR_HURUF_KOL, label, g.petunjuk_judul)
    lebar = _lebar(L.DAFTAR_TEKS_KOL, L.DAFTAR_KOL_AKHIR)
    baris = list(isi) or [""]
    for i, s in enumerate(baris):
        rr = r + 1 + i
        ws.write_string(rr, L.DAFTAR_HURUF_KOL, _huruf(i), g.huruf)
        ws.merge_range(rr, L.DAFTAR_TEKS_KOL, rr, L.DAFTAR_KOL_AKHIR, "", g.isian_teks)
        _teks(ws, rr, L.DAFTAR_TEKS_KOL, s, g.isian_teks)
        ws.set_row(rr, _tinggi_baris(s, lebar))
    return 1 + len(baris)


def _tulis_jabatan(
    ws: Worksheet,
    jab: Jabatan,
    nama_atasan: str,
    skala: Sequence[BandPredikat],
    g: _Gaya,
    *,
    baris_kosong: int = 0,
) -> None:
    for i, k in enumerate(L.KOLOM_TABEL):
        ws.set_column(i, i, k.lebar)
    _tulis_kepala_jabatan(ws, jab, nama_atasan, g)
    _kepala_tabel(ws, g)
    r = L.BARIS_TABEL + 2
    awal = r
    ws.tinggi = {}
    for k_no, kin in enumerate(jab.kinerja, start=1):
        r += _tulis_kinerja(ws, r, k_no, kin, skala, g)
    for baris, n in ws.tinggi.items():
        if n > 1:
            ws.set_row(baris, tinggi_untuk(n, L.UKURAN_FONT))
    ws.tinggi = None
    for _ in range(baris_kosong):
        _tulis_baris_kosong(ws, r, g, awal=True)
        r += 1
    akhir_tabel = max(r, awal + 1)  # validation also covers the empty row after the table
    for c, k in enumerate(L.KOLOM_TABEL):
        if k.daftar:
            opsi: dict[str, Any] = {"validate": "list", "source": f"={k.daftar}"}
            if not k.daftar_ketat:
                opsi["show_error"] = False
            ws.data_validation(awal, c, akhir_tabel, c, opsi)
    r += 1
    for kunci, label in L.DAFTAR_JABATAN:
        isi = jab.tugas if kunci == "tugas" else jab.fungsi
        r += _tulis_daftar(ws, r, label, isi, g) + 1
    ws.freeze_panes(L.BARIS_TABEL + 2, L.KOL["indikator"] + 1)
    ws.set_landscape()
    ws.set_paper(L.KERTAS_A4)
    ws.fit_to_pages(L.HALAMAN_LEBAR, 0)
    ws.repeat_rows(L.BARIS_TABEL, L.BARIS_TABEL + 1)
    ws.repeat_columns(0, L.KOL["indikator"])
    ws.set_margins(**L.MARGIN)
    ws.set_footer(L.KAKI_HALAMAN)
    ws.protect(
        "",
        {
            "insert_rows": True,
            "delete_rows": True,
            "format_rows": True,
            "format_columns": True,
            "format_cells": True,
        },
    )


# ---------------------------------------------------------------- other sheets


def _tulis_instansi(ws: Worksheet, doc: Dokumen, g: _Gaya) -> str:
    """Write the Instansi sheet; return the reference of the predikat scale table."""
    ins = doc.instansi
    ws.set_column(0, 0, L.INSTANSI_LEBAR[0])
    ws.set_column(1, 1, L.INSTANSI_LEBAR[1])
    ws.write_string(0, 0, L.JUDUL_INSTANSI, g.judul)
    ws.set_row(0, 22)
    ws.write_string(1, 0, "Isi sel berwarna kuning. Sel biru dihitung otomatis.", g.subjudul)
    lk, nk = L.INSTANSI_LABEL_KOL, L.INSTANSI_NILAI_KOL
    r = L.INSTANSI_BARIS_AWAL
    for jalur, label, fmt in L.KEPALA_INSTANSI:
        ws.write_string(r, lk, label, g.label)
        obj: Any = ins
        for bagian in jalur.split("."):
            obj = getattr(obj, bagian)
        if fmt == "bulat":
            _angka(ws, r, nk, None if obj is None else float(obj), g.isian_angka)
        else:
            _teks(ws, r, nk, obj, g.isian_teks)
        r += 1
    for kunci, label in L.DAFTAR_INSTANSI:
        r += 1
        ws.write_string(r, lk, label, g.label)
        r += 1
        for i, s in enumerate(getattr(ins, kunci) or [""]):
            ws.write_string(r, lk, _huruf(i) if kunci == "menimbang" else f"{i + 1}.", g.huruf)
            _teks(ws, r, nk, s, g.isian_teks)
            r += 1
    r += 1
    ws.write_string(r, lk, L.LABEL_SKALA, g.label)
    ws.write_string(
        r,
        nk,
        "Dibaca dari atas: predikat diberikan bila capaian (%) lebih dari batasnya; "
        "batas kosong = semua capaian sisanya. Dipakai oleh fungsi IKI_PREDIKAT.",
        g.subjudul,
    )
    r += 1
    ws.write_string(r, lk, L.JUDUL_SKALA[0], g.kepala)
    ws.write_string(r, nk, L.JUDUL_SKALA[1], g.kepala)
    r += 1
    n = max(L.SKALA_BARIS_MIN, len(doc.skala_predikat) + 3)
    for i in range(n):
        band = doc.skala_predikat[i] if i < len(doc.skala_predikat) else None
        _teks(ws, r + i, lk, band.predikat if band else "", g.isian_teks)
        _angka(ws, r + i, nk, band.di_atas if band else None, g.isian_angka)
    nama = f"='{L.SHEET_INSTANSI}'!{L.rentang(r, lk, r + n - 1, nk, mutlak=True)}"
    ws.protect("", {"insert_rows": True, "delete_rows": True, "format_rows": True,
                    "format_columns": True})  # fmt: skip
    ws.set_portrait()
    ws.set_paper(L.KERTAS_A4)
    ws.fit_to_pages(1, 0)
    return nama


def _tulis_referensi(ws: Worksheet, wb: Workbook, doc: Dokumen, g: _Gaya) -> None:
    isi: dict[str, Sequence[str]] = {
        "DaftarJenisJabatan": [str(x) for x in JenisJabatan],
        "DaftarJenisFormula": [str(x) for x in JenisFormula],
        "DaftarSatuan": L.SATUAN_BAKU,
        "DaftarPolaritas": [str(x) for x in Polaritas],
        "DaftarAgregasi": [str(x) for x in Agregasi],
    }
    q = L.kutip_sheet(L.SHEET_REFERENSI)
    for c, (nama, judul) in enumerate(L.DAFTAR_REFERENSI):
        ws.set_column(c, c, 16)
        ws.write_string(0, c, judul, g.kepala)
        for i, s in enumerate(isi[nama]):
            ws.write_string(1 + i, c, s, g.ref)
        wb.define_name(nama, f"={q}!{L.rentang(1, c, len(isi[nama]), c, mutlak=True)}")
    c = L.REFERENSI_JABATAN_KOL
    ws.set_column(c, c, 28)
    ws.set_column(c + 1, c + 1, 60)
    ws.write_string(0, c, "ID Jabatan", g.kepala)
    ws.write_string(0, c + 1, "Nama Jabatan", g.kepala)
    for i, jab in enumerate(doc.jabatan):
        _teks(ws, 1 + i, c, jab.id, g.ref)
        _teks(ws, 1 + i, c + 1, jab.nama, g.ref)
    n = max(len(doc.jabatan), 1)
    wb.define_name(L.NAMA_ID_JABATAN, f"={q}!{L.rentang(1, c, n, c, mutlak=True)}")
    wb.define_name(L.NAMA_TABEL_JABATAN, f"={q}!{L.rentang(1, c, n, c + 1, mutlak=True)}")
    ws.protect("", {"format_columns": True})


PETUNJUK: tuple[tuple[str, str], ...] = (
    ("judul", "PETUNJUK PENGISIAN INDIKATOR KINERJA INDIVIDU (IKI)"),
    ("", ""),
    ("sub", "Isi workbook"),
    (
        "",
        "• Sheet Instansi: profil perangkat daerah, nomor dan tanggal Keputusan, Kepala Dinas, "
        "Menimbang, Mengingat, dan skala predikat capaian.",
    ),
    (
        "",
        "• Satu sheet untuk setiap jabatan: nama, jenis, unit kerja, atasan, lalu tabel "
        "Kinerja / Indikator Kinerja, dan di bawah tabel daftar Tugas dan Fungsi.",
    ),
    (
        "",
        "• Sheet Referensi: daftar pilihan (jenis jabatan, jenis formula, satuan, polaritas, "
        "agregasi) dan daftar jabatan untuk pilihan Atasan.",
    ),
    ("", ""),
    ("sub", "Arti warna"),
    ("kuning", "Kuning: isian. Ketik atau pilih dari daftar (klik sel, lalu panah di kanannya)."),
    (
        "biru",
        "Biru: dihitung otomatis oleh fungsi IKI (Nilai, Nilai Tahunan, Capaian, "
        "Predikat). Sel ini dikunci.",
    ),
    ("", "Sel putih di bawah baris indikator boleh diisi bila menambah komponen atau level."),
    ("", ""),
    ("sub", "Mengisi tabel indikator"),
    (
        "",
        "• No: nomor kinerja (sasaran), hanya di baris pertama setiap kinerja. No IK: nomor "
        "indikator (1.1, 1.2 …), di baris pertama setiap indikator.",
    ),
    (
        "",
        "• Satu baris untuk setiap komponen formula: Kode (A, B, …) dan Nama Komponen, lalu "
        "Realisasi TW I–IV komponen itu. Persentase dan rasio: A = pembilang, B = penyebut. "
        "Jumlah: A, B, … dijumlahkan. Penurunan/pertumbuhan: A = nilai tahun ini, isi juga "
        "Baseline (N−1). Indeks: kode dipakai di kolom Ekspresi, misalnya (Ipar + IDM + Linc) / 3.",
    ),
    (
        "",
        "• Indikator status/level: isi Skala Status (Level, Skor Bawah, Skor Atas) satu "
        "baris per level dari yang terendah; Realisasi dan Target diisi nama level atau skor.",
    ),
    (
        "",
        "• Target: satu angka. Untuk polaritas range isi Target (batas bawah) dan Target "
        "Atas. Polaritas: positif (makin tinggi makin baik), negatif (makin rendah makin "
        "baik), range (terbaik di dalam rentang).",
    ),
    (
        "",
        "• Agregasi Tahunan: kumulatif (realisasi dijumlahkan), akhir (triwulan terakhir yang "
        "terisi), rata-rata. Kosong = kumulatif untuk jumlah, akhir untuk lainnya.",
    ),
    (
        "",
        "• Menambah indikator atau komponen: sisipkan baris (klik kanan nomor baris > "
        "Sisipkan). Menambah tugas/fungsi: sisipkan baris di daftar di bawah tabel.",
    ),
    (
        "",
        '• Bila sel menampilkan teks seperti "target 0", "pembagi 0" atau "realisasi '
        'belum diisi", lengkapi isiannya; itu bukan kesalahan program.',
    ),
    ("", ""),
    ("sub", "Tab IKI pada ribbon"),
    (
        "",
        "Tab IKI menjalankan Validasi (hasilnya di sheet Hasil Validasi), menambah jabatan, "
        "dan menyusun dokumen Keputusan beserta Lampiran.",
    ),
    ("", ""),
    ("sub", "Proteksi"),
    (
        "",
        "Sheet diproteksi tanpa kata sandi agar rumus tidak terhapus. Bila perlu: Tinjau > "
        "Buka Proteksi Lembar.",
    ),
)


LEBAR_PETUNJUK = 72  # characters: fits A4 portrait at 100 % with the fonts LibreOffice substitutes


def _tulis_petunjuk(ws: Worksheet, g: _Gaya, wb: Workbook) -> None:
    ws.set_column(0, 0, LEBAR_PETUNJUK)
    kuning = wb.add_format({"bg_color": L.WARNA_ISIAN, "text_wrap": True, "valign": "top",
                            "font_name": L.FONT, "font_size": L.UKURAN_FONT})  # fmt: skip
    biru = wb.add_format({"bg_color": L.WARNA_HITUNG, "text_wrap": True, "valign": "top",
                          "font_name": L.FONT, "font_size": L.UKURAN_FONT})  # fmt: skip
    for r, (jenis, s) in enumerate(PETUNJUK):
        fmt = {"judul": g.judul, "sub": g.petunjuk_judul, "kuning": kuning, "biru": biru}.get(
            jenis, g.petunjuk
        )
        if s:
            ws.write_string(r, 0, s, fmt)
            if jenis not in ("judul", "sub"):  # wrapped prose: neither reader autofits it
                ws.set_row(r, _tinggi_baris(s, LEBAR_PETUNJUK))
    ws.set_portrait()
    ws.set_paper(L.KERTAS_A4)
    ws.fit_to_pages(1, 0)


# ---------------------------------------------------------------- the workbook


def tulis_workbook_bytes(
    doc: Dokumen, *, untuk_template: bool = False, dibuat: datetime | None = None
) -> bytes:
    """The workbook as .xlsx bytes (the template builder post-processes it into .xlsm).

    `dibuat` fixes the creation time stamped in docProps (a reproducible build needs it);
    by default it is now.
    """
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buf,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    wb.worksheet_class = _Lembar
    properti: dict[str, Any] = {"title": "Indikator Kinerja Individu", "subject": doc.instansi.nama}
    if dibuat is not None:
        properti["created"] = dibuat
    wb.set_properties(properti)
    g = _gaya(wb)
    nama_sheet = L.nama_sheet_jabatan([j.nama or j.id for j in doc.jabatan])
    nama_by_id = {}
    for j in doc.jabatan:
        nama_by_id.setdefault(j.id, j.nama)

    _tulis_petunjuk(wb.add_worksheet(L.SHEET_PETUNJUK), g, wb)
    skala = _tulis_instansi(wb.add_worksheet(L.SHEET_INSTANSI), doc, g)
    wb.define_name(L.NAMA_SKALA, skala)
    for jab, nama in zip(doc.jabatan, nama_sheet, strict=True):
        ws = wb.add_worksheet(nama)
        _tulis_jabatan(ws, jab, nama_by_id.get(jab.atasan or "", ""), doc.skala_predikat, g)
    _tulis_referensi(wb.add_worksheet(L.SHEET_REFERENSI), wb, doc, g)
    if not doc.jabatan:  # a place to start
        _tulis_jabatan(
            wb.add_worksheet(L.SHEET_JABATAN_AWAL),
            Jabatan(id=""),
            "",
            doc.skala_predikat,
            g,
            baris_kosong=10,
        )
    if untuk_template:  # the hidden blank sheet the add_jabatan macro copies
        ws = wb.add_worksheet(L.SHEET_JABATAN_KOSONG)
        _tulis_jabatan(ws, Jabatan(id=""), "", doc.skala_predikat, g, baris_kosong=10)
        ws.hide()
    if untuk_template:
        conf = wb.add_worksheet(L.SHEET_XLWINGS_CONF)
        for i, (k, v) in enumerate(L.XLWINGS_CONF):
            conf.write_string(i, 0, k)
            conf.write_string(i, 1, v)
        conf.hide()
    wb.close()
    return buf.getvalue()


def tulis_workbook(doc: Dokumen, path: Path | str, *, untuk_template: bool = False) -> None:
    """Write the workbook atomically; an `.xlsm` path gets the template's VBA and ribbon."""
    path = Path(path)
    if path.suffix.lower() == ".xlsm":
        from iki_xl.template.xlsm import jadikan_template_xlsm

        data = jadikan_template_xlsm(tulis_workbook_bytes(doc, untuk_template=True))
    else:
        data = tulis_workbook_bytes(doc, untuk_template=untuk_template)
    tulis_atomik(path, data)

"""Ribbon macros: thin glue between live Excel (xlwings) and the core.

Each macro is `def name(book=None)`: from the ribbon (`RunPython "import iki_xl.macros as
m; m.validate()"`) the workbook is `xw.Book.caller()`; from Python or a test, pass a book.

Excel over COM is slow per call, so a macro reads each sheet as ONE grid
(`used_range.options(ndim=2).value`), hands the grids to the reader
(`iki_xl.io.reader.baca_grids`), calls the core, and writes results back in blocks. The
only per-cell calls are the validation marks (one fill and one note per offending cell) and
the formulas `recalculate` restores.

A planner never sees a traceback: every macro ends in a message box in Bahasa Indonesia,
and the status bar and screen updating are restored whatever happens.

Protected sheets: the template protects its sheets without a password (the computed cells
are locked). Where a macro must change a locked cell, a note, or the Referensi list, it
lifts the protection for that moment and puts it back with the same permissions
(`_tanpa_proteksi`, through the sheet's COM object — xlwings has no protection API).
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlwings as xw

from iki_xl import layout as L
from iki_xl.core.findings import Keparahan, Temuan, posisi_sel
from iki_xl.errors import IkiError
from iki_xl.io import laporan
from iki_xl.io.grid import Grid, geser, kosong, normalisasi, sel_grid, teks
from iki_xl.io.reader import HasilBaca, baca_grids
from iki_xl.io.submission import tulis_pengajuan

log = logging.getLogger(__name__)

JUDUL_APLIKASI = "IKI"
PESAN_GALAT = "Terjadi kesalahan: {galat}. Laporkan ke pengembang dengan berkas ini."
AKHIRAN_PENGAJUAN = " - Pengajuan IKI.xlsx"
NAMA_JABATAN_BARU = "Jabatan Baru"

# Marks of the last validation run live in hidden columns of "Hasil Validasi", right of
# the report: one row per marked cell, so the next run restores exactly those cells.
KOL_TANDA = 26  # 0-based column AA
JUDUL_TANDA = ("Tanda Validasi IKI (jangan diubah)", "Sel", "Warna asli", "Warna tanda", "Catatan")
PENANDA_CATATAN = "Validasi IKI:\n"  # first line of every note we add; others are left alone
PANJANG_CATATAN = 2000
PANJANG_ALAMAT = 250  # Excel's Range("A1,B2,…") takes at most 255 characters

# Worksheet.Protect keyword arguments kept when a sheet is unprotected and protected again.
_IZIN_PROTEKSI = (
    "AllowFormattingCells",
    "AllowFormattingColumns",
    "AllowFormattingRows",
    "AllowInsertingColumns",
    "AllowInsertingRows",
    "AllowInsertingHyperlinks",
    "AllowDeletingColumns",
    "AllowDeletingRows",
    "AllowSorting",
    "AllowFiltering",
    "AllowUsingPivotTables",
)


class Batal(IkiError):
    """A macro stops with a message for the planner (missing sheet, unsaved workbook …)."""


# ---------------------------------------------------------------- the public macros


def validate(book: xw.Book | None = None) -> None:
    """Validasi: findings into "Hasil Validasi", offending cells marked, counts in a box."""
    _jalankan("Validasi", _validasi, book)


def recalculate(book: xw.Book | None = None) -> None:
    """Hitung Ulang: restore overwritten IKI formulas, refresh the atasan list, calculate."""
    _jalankan("Hitung Ulang", _hitung_ulang, book)


def add_jabatan(book: xw.Book | None = None) -> None:
    """Tambah Jabatan: copy the blank jabatan sheet, give it an ID, list it as atasan."""
    _jalankan("Tambah Jabatan", _tambah_jabatan, book)


def consolidate(book: xw.Book | None = None) -> None:
    """Konsolidasi: the submission workbook beside this one, opened in Excel."""
    _jalankan("Konsolidasi", _konsolidasi, book)


def help(book: xw.Book | None = None) -> None:  # the ribbon calls m.help()
    """Bantuan: show the Petunjuk sheet."""
    _jalankan("Bantuan", _bantuan, book)


# ---------------------------------------------------------------- running a macro


def _jalankan(judul: str, kerja: Callable[[xw.Book], None], book: xw.Book | None) -> None:
    """Run one macro: never let an exception reach Excel; always restore the status bar."""
    if book is None:
        book = xw.Book.caller()
    app = book.app
    pesan: str | None = None
    try:
        kerja(book)
    except IkiError as e:  # Batal, BerkasTidakValid, AturanExcel: already planner words
        pesan = str(e)
    except Exception as e:
        log.exception("macro %s failed", judul)
        pesan = PESAN_GALAT.format(galat=_ringkas(e))
    finally:
        _pulihkan(app)
    if pesan is not None:
        _kotak(app, pesan, judul, mode="critical")


def _ringkas(e: BaseException) -> str:
    teks_ = " ".join(str(e).split()) or type(e).__name__
    return teks_ if len(teks_) <= 300 else teks_[:297] + "…"


def _pulihkan(app: xw.App) -> None:
    for nama, nilai in (("status_bar", False), ("screen_updating", True)):
        try:
            setattr(app, nama, nilai)
        except Exception:  # a dead Excel cannot take it back; nothing more to do
            log.warning("could not restore app.%s", nama, exc_info=True)


def _kotak(app: xw.App, pesan: str, judul: str, *, mode: str = "info") -> None:
    try:
        app.alert(pesan, title=f"{JUDUL_APLIKASI} – {judul}", buttons="ok", mode=mode)
    except Exception:
        log.warning("could not show the message box: %s", pesan, exc_info=True)


def _status(book: xw.Book, pesan: str) -> None:
    book.app.status_bar = f"{JUDUL_APLIKASI}: {pesan}"


# ---------------------------------------------------------------- reading the workbook


@dataclass
class _Buku:
    """The workbook as the reader sees it: every sheet's grid (from A1), in order."""

    sheets: dict[str, xw.Sheet]
    grids: dict[str, Grid]
    hasil: HasilBaca | None = None
    urutan: list[str] = field(default_factory=list)


def _baca_grid(sheet: xw.Sheet) -> Grid:
    """One sheet's values as one grid starting at A1 (a single COM read of the values)."""
    ur = sheet.used_range
    nilai = ur.options(ndim=2).value
    return geser(normalisasi(nilai), ur.row - 1, ur.column - 1)


def _baca_buku(book: xw.Book, *, model: bool = True) -> _Buku:
    """Read every sheet as one grid and, with `model`, parse them (`baca_grids`)."""
    sheets = {s.name: s for s in book.sheets}
    grids: dict[str, Grid] = {}
    n = len(sheets)
    for i, (nama, sheet) in enumerate(sheets.items(), start=1):
        _status(book, f"membaca sheet {i} dari {n} ({nama}) …")
        grids[nama] = _baca_grid(sheet)
    buku = _Buku(sheets, grids, urutan=list(sheets))
    if model:
        _status(book, "membaca isian …")
        buku.hasil = baca_grids(list(grids.items()), book.name)
    return buku


# ---------------------------------------------------------------- protection


@contextmanager
def _tanpa_proteksi(sheet: xw.Sheet) -> Iterator[None]:
    """Lift a sheet's (password-less) protection for a moment, then restore it as it was."""
    api = sheet.api
    if not api.ProtectContents:
        yield
        return
    p = api.Protection
    izin = {k: bool(getattr(p, k)) for k in _IZIN_PROTEKSI}
    objek, skenario = bool(api.ProtectDrawingObjects), bool(api.ProtectScenarios)
    try:
        api.Unprotect("")
    except Exception:
        raise Batal(
            f"Sheet '{sheet.name}' diproteksi dengan kata sandi. Buka proteksinya dulu "
            "(Review → Unprotect Sheet), lalu jalankan lagi."
        ) from None
    try:
        yield
    finally:
        api.Protect("", DrawingObjects=objek, Contents=True, Scenarios=skenario, **izin)


# ---------------------------------------------------------------- A1 helpers


def _posisi(sel: str) -> tuple[int, int]:
    """0-based (row, column) of "C12"."""
    b, k = posisi_sel(sel)
    return b - 1, k - 1


def _gabung_alamat(sel: Iterable[str]) -> list[str]:
    """Cells as few multi-area addresses ("A1,C3,…") as Excel's 255-character limit allows."""
    hasil: list[str] = []
    kini = ""
    for s in sel:
        if kini and len(kini) + 1 + len(s) > PANJANG_ALAMAT:
            hasil.append(kini)
            kini = ""
        kini = f"{kini},{s}" if kini else s
    if kini:
        hasil.append(kini)
    return hasil


def _hex(warna: Any) -> str:
    """xlwings' colour (RGB tuple or None) as "#RRGGBB" ("" for no fill)."""
    if warna is None:
        return ""
    if isinstance(warna, str):
        return warna.upper()
    r, g, b = warna
    return f"#{int(r):02X}{int(g):02X}{int(b):02X}"


# ---------------------------------------------------------------- validate


@dataclass(frozen=True)
class _Tanda:
    sheet: str
    sel: str
    asli: str  # original fill, "#RRGGBB" or "" (none)
    dipasang: str  # the fill we set
    catatan: bool  # we added the note


def _tanda_tersimpan(grid: Grid) -> list[_Tanda]:
    if L.normal(teks(sel_grid(grid, 0, KOL_TANDA))) != L.normal(JUDUL_TANDA[0]):
        return []
    hasil = []
    for r in range(1, len(grid)):
        sheet, sel = teks(sel_grid(grid, r, KOL_TANDA)), teks(sel_grid(grid, r, KOL_TANDA + 1))
        if not sheet or not sel:
            break
        hasil.append(
            _Tanda(
                sheet,
                sel,
                teks(sel_grid(grid, r, KOL_TANDA + 2)).upper(),
                teks(sel_grid(grid, r, KOL_TANDA + 3)).upper(),
                teks(sel_grid(grid, r, KOL_TANDA + 4)) == "ya",
            )
        )
    return hasil


def _per_sheet(tanda: Iterable[_Tanda]) -> dict[str, list[_Tanda]]:
    hasil: dict[str, list[_Tanda]] = {}
    for t in tanda:
        hasil.setdefault(t.sheet, []).append(t)
    return hasil


def _warnai(sheet: xw.Sheet, per_warna: dict[str, list[str]]) -> None:
    for warna, sel in per_warna.items():
        for alamat in _gabung_alamat(sel):
            sheet.range(alamat).color = warna or None


def _hapus_tanda(buku: _Buku, tanda: list[_Tanda]) -> None:
    """Take last run's marks off: our notes, and the original fill where ours is still on."""
    for nama, daftar in _per_sheet(tanda).items():
        sheet = buku.sheets.get(nama)
        if sheet is None:  # the sheet was deleted or renamed since
            continue
        with _tanpa_proteksi(sheet):
            pulih: dict[str, list[str]] = {}
            for t in daftar:
                rng = sheet.range(t.sel)
                if t.catatan:
                    catatan = rng.note
                    if catatan is not None and catatan.text.startswith(PENANDA_CATATAN):
                        catatan.delete()
                if _hex(rng.color) == t.dipasang:  # the planner has not recoloured it
                    pulih.setdefault(t.asli, []).append(t.sel)
            _warnai(sheet, pulih)


def _pasang_tanda(buku: _Buku, temuan: list[Temuan]) -> list[_Tanda]:
    """Fill each offending cell by its worst severity and add a note (unless it has one)."""
    per_sheet: dict[str, list[tuple[str, Keparahan, str]]] = {}
    for (nama, sel), (kep, isi) in laporan.catatan_sel(temuan).items():
        if nama in buku.sheets:
            per_sheet.setdefault(nama, []).append((sel, kep, isi))
    hasil: list[_Tanda] = []
    for nama, daftar in per_sheet.items():
        sheet = buku.sheets[nama]
        with _tanpa_proteksi(sheet):
            per_warna: dict[str, list[str]] = {}
            for sel, kep, isi in daftar:
                rng = sheet.range(sel)
                asli = _hex(rng.color)
                catatan = rng.note is None
                if catatan:
                    rng.add_note((PENANDA_CATATAN + isi)[:PANJANG_CATATAN])
                warna = laporan.WARNA_KEPARAHAN[kep].upper()
                per_warna.setdefault(warna, []).append(sel)
                hasil.append(_Tanda(nama, sel, asli, warna, catatan))
            _warnai(sheet, per_warna)
    return hasil


def _sheet_laporan(book: xw.Book, buku: _Buku) -> tuple[xw.Sheet, bool]:
    sheet = buku.sheets.get(L.SHEET_HASIL_VALIDASI)
    if sheet is not None:
        return sheet, False
    terakhir = list(buku.sheets.values())[-1]
    sheet = book.sheets.add(L.SHEET_HASIL_VALIDASI, after=terakhir)
    buku.sheets[L.SHEET_HASIL_VALIDASI] = sheet
    return sheet, True


def _validasi(book: xw.Book) -> None:
    book.app.screen_updating = False
    buku = _baca_buku(book)
    assert buku.hasil is not None
    _status(book, "memeriksa aturan …")
    temuan = laporan.periksa_hasil(buku.hasil).temuan

    _status(book, "menghapus tanda validasi sebelumnya …")
    lama = _tanda_tersimpan(buku.grids.get(L.SHEET_HASIL_VALIDASI, []))
    _hapus_tanda(buku, lama)

    _status(book, f"menandai {len(temuan)} temuan …")
    baru = _pasang_tanda(buku, temuan)

    _status(book, "menulis sheet Hasil Validasi …")
    sheet, dibuat = _sheet_laporan(book, buku)
    if dibuat:
        for c, lebar in enumerate(laporan.LEBAR):
            sheet.range((1, c + 1)).column_width = lebar
    else:
        sheet.clear()
    sheet.range((1, 1)).value = laporan.grid_laporan(temuan, urutan_sheet=buku.urutan)
    blok: list[list[Any]] = [list(JUDUL_TANDA)]
    blok += [
        [laporan.teks_aman(t.sheet), t.sel, t.asli, t.dipasang, "ya" if t.catatan else ""]
        for t in baru
    ]
    sheet.range((1, KOL_TANDA + 1)).value = blok
    akhir = L.huruf_kolom(KOL_TANDA + len(JUDUL_TANDA) - 1)
    sheet.range(f"{L.huruf_kolom(KOL_TANDA)}:{akhir}").column_width = 0  # hidden
    sheet.activate()

    jumlah = dict(laporan.hitungan(temuan))
    baris = "\n".join(f"{label}: {n}" for label, n in jumlah.items())
    galat = jumlah[laporan.LABEL_KEPARAHAN[Keparahan.GALAT]]
    if temuan:
        pesan = (
            f"Validasi selesai: {len(temuan)} temuan.\n\n{baris}\n\n"
            "Rinciannya ada di sheet Hasil Validasi; sel yang bermasalah diberi warna "
            "dan catatan."
        )
    else:
        pesan = f"Validasi selesai: tidak ada temuan.\n\n{baris}"
    _kotak(book.app, pesan, "Validasi", mode="critical" if galat else "info")


# ---------------------------------------------------------------- Referensi list


def _daftar_jabatan(buku: _Buku) -> list[tuple[str, str]]:
    """(ID as typed on the sheet, nama) of every jabatan sheet, in workbook order."""
    assert buku.hasil is not None
    hasil: list[tuple[str, str]] = []
    dipakai: set[str] = set()
    for i, jab in enumerate(buku.hasil.dokumen.jabatan):
        tempat = buku.hasil.peta.get(f"jabatan[{i}].id")
        if tempat is None:
            continue
        sheet, sel = tempat
        b, k = _posisi(sel)
        id_ = teks(sel_grid(buku.grids.get(sheet, []), b, k)).strip()
        if id_ and id_ not in dipakai:  # an empty or repeated ID has no place in the list
            dipakai.add(id_)
            hasil.append((id_, jab.nama))
    return hasil


def _segarkan_referensi(
    book: xw.Book, buku: _Buku, tambahan: Iterable[tuple[str, str]] = ()
) -> int:
    """Rewrite Referensi's ID/nama list (one block) and the names that feed the dropdowns."""
    sheet = buku.sheets.get(L.SHEET_REFERENSI)
    if sheet is None:
        raise Batal(
            f"Sheet '{L.SHEET_REFERENSI}' tidak ditemukan; daftar pilihan atasan tidak dapat "
            "diperbarui. Gunakan templat IKI yang lengkap."
        )
    daftar = _daftar_jabatan(buku)
    ada = {i for i, _ in daftar}
    daftar += [(i, n) for i, n in tambahan if i not in ada]
    c = L.REFERENSI_JABATAN_KOL
    grid = buku.grids.get(L.SHEET_REFERENSI, [])
    lama = sum(
        1
        for r in range(1, len(grid))
        if not (kosong(sel_grid(grid, r, c)) and kosong(sel_grid(grid, r, c + 1)))
    )
    blok: list[list[Any]] = [[laporan.teks_aman(i), laporan.teks_aman(n)] for i, n in daftar]
    blok += [[None, None]] * max(0, lama - len(blok))
    with _tanpa_proteksi(sheet):
        if blok:
            sheet.range((2, c + 1)).value = blok
    n = max(len(daftar), 1)
    q = L.kutip_sheet(L.SHEET_REFERENSI)
    book.names.add(L.NAMA_ID_JABATAN, f"={q}!{L.rentang(1, c, n, c, mutlak=True)}")
    book.names.add(L.NAMA_TABEL_JABATAN, f"={q}!{L.rentang(1, c, n, c + 1, mutlak=True)}")
    return len(daftar)


# ---------------------------------------------------------------- recalculate

_INDIKATOR = re.compile(r"^jabatan\[(\d+)\]\.kinerja\[\d+\]\.indikator\[\d+\]$")
_KINERJA = re.compile(r"^jabatan\[(\d+)\]\.kinerja\[\d+\]$")


def _rumus_seharusnya(buku: _Buku) -> dict[str, dict[tuple[int, int], str]]:
    """Per jabatan sheet: the formula every computed cell should hold, by 0-based cell.

    The formulas are the layout's (`rumus_indikator`, `rumus_nama_atasan`), as the writer
    puts them. An indicator's block runs from its first row to the row before the next
    indicator, kinerja or the Tugas heading, trimmed to its last row with anything in it.
    """
    assert buku.hasil is not None
    hasil = buku.hasil
    awal: dict[str, list[int]] = {}
    batas: dict[str, list[int]] = {}
    for jalur, (sheet, sel) in hasil.peta.items():
        b, k = _posisi(sel)
        if _INDIKATOR.match(jalur):
            batas.setdefault(sheet, []).append(b)
            if _kolom_di_tempat(hasil, jalur, k):
                awal.setdefault(sheet, []).append(b)
        elif _KINERJA.match(jalur) or jalur.endswith((".tugas", ".fungsi")):
            batas.setdefault(sheet, []).append(b)
    rumus: dict[str, dict[tuple[int, int], str]] = {}
    for i, sheet in enumerate(hasil.sheet_jabatan):
        grid = buku.grids.get(sheet, [])
        r_sheet: dict[tuple[int, int], str] = {}
        tempat = hasil.peta.get(f"jabatan[{i}].atasan")
        if tempat is not None and tempat[0] == sheet:
            b, k = _posisi(tempat[1])
            if k == L.NILAI_KOL:
                r_sheet[(b, L.ATASAN_NAMA_KOL)] = L.rumus_nama_atasan(b)
        garis = sorted(set(batas.get(sheet, [])))
        for b0 in sorted(awal.get(sheet, [])):
            berikut = [g for g in garis if g > b0]
            b1 = (berikut[0] - 1) if berikut else len(grid) - 1
            while b1 > b0 and not _baris_berisi(grid, b1):
                b1 -= 1
            for kunci, f in L.rumus_indikator(b0, b1).items():
                r_sheet[(b0, L.KOL[kunci])] = f
        rumus[sheet] = r_sheet
    return rumus


def _kolom_di_tempat(hasil: HasilBaca, jalur: str, kol_no: int) -> bool:
    """Whether the indicator's table has the layout's columns (a planner may have inserted
    one: then the layout's formulas would point at the wrong cells, and are left alone)."""
    if kol_no != L.KOL["no_indikator"]:
        return False
    for kunci in ("jenis", "baseline", "sumber_data"):
        tempat = hasil.peta.get(f"{jalur}.{kunci}")
        if tempat is None or _posisi(tempat[1])[1] != L.KOL[kunci]:
            return False
    return True


_KOL_BLOK = tuple(
    i
    for i, k in enumerate(L.KOLOM_TABEL)
    if k.peran != "hitung" and k.kunci not in L.KOLOM_INDIKATOR
)


def _baris_berisi(grid: Grid, b: int) -> bool:
    return any(not kosong(sel_grid(grid, b, c)) for c in _KOL_BLOK)


def _pulihkan_rumus(book: xw.Book, buku: _Buku) -> dict[str, int]:
    """Write back every computed formula a planner overwrote; count per sheet."""
    dipulihkan: dict[str, int] = {}
    for nama, rumus in _rumus_seharusnya(buku).items():
        if not rumus:
            continue
        _status(book, f"memeriksa rumus di sheet {nama} …")
        sheet = buku.sheets[nama]
        ur = sheet.used_range
        b0, k0 = ur.row - 1, ur.column - 1
        sekarang = geser(normalisasi(ur.formula), b0, k0)
        rusak = [
            (pos, f)
            for pos, f in sorted(rumus.items())
            if not teks(sel_grid(sekarang, *pos)).startswith("=")
        ]
        if not rusak:
            continue
        with _tanpa_proteksi(sheet):
            for (b, k), f in rusak:
                sheet.range((b + 1, k + 1)).formula = f
        dipulihkan[nama] = len(rusak)
    return dipulihkan


def _hitung_ulang(book: xw.Book) -> None:
    buku = _baca_buku(book)
    dipulihkan = _pulihkan_rumus(book, buku)
    _status(book, "memperbarui daftar jabatan …")
    _segarkan_referensi(book, buku)
    _status(book, "menghitung ulang …")
    book.app.calculate()
    if dipulihkan:
        rincian = "\n".join(f"• {s}: {n} sel" for s, n in dipulihkan.items())
        _kotak(
            book.app,
            "Hitung ulang selesai. Rumus IKI yang tertimpa isian sudah dikembalikan:\n"
            f"{rincian}\n\nSel biru dihitung otomatis; jangan diketik.",
            "Hitung Ulang",
        )


# ---------------------------------------------------------------- add_jabatan

_BARIS_ID = L.KEPALA_BARIS_AWAL + [k for k, _ in L.KEPALA_JABATAN].index("id")


def _id_baru(dipakai: set[str]) -> str:
    while True:
        baru = f"jabatan-{uuid.uuid4().hex[:8]}"
        if baru not in dipakai:
            return baru


def _tambah_jabatan(book: xw.Book) -> None:
    buku = _baca_buku(book)
    assert buku.hasil is not None
    kosong_ = buku.sheets.get(L.SHEET_JABATAN_KOSONG)
    if kosong_ is None:
        raise Batal(
            f"Sheet jabatan kosong ('{L.SHEET_JABATAN_KOSONG}', tersembunyi) tidak ada di buku "
            "kerja ini, jadi jabatan baru tidak dapat disalin. Gunakan templat IKI "
            "(IKI_template.xlsm) atau salin sheet jabatan yang ada lalu kosongkan isinya."
        )
    nama = L.nama_sheet_jabatan([NAMA_JABATAN_BARU], buku.sheets)[0]
    jabatan_sheets = buku.hasil.sheet_jabatan
    setelah = buku.sheets[jabatan_sheets[-1]] if jabatan_sheets else None
    if setelah is None:
        setelah = buku.sheets.get(L.SHEET_INSTANSI) or list(buku.sheets.values())[-1]
    _status(book, f"menyalin sheet jabatan kosong ke '{nama}' …")
    baru = kosong_.copy(after=setelah, name=nama)
    baru.visible = True
    dipakai = {i for i, _ in _daftar_jabatan(buku)}
    id_ = _id_baru(dipakai)
    baru.range((_BARIS_ID + 1, L.NILAI_KOL + 1)).value = id_  # an unlocked input cell
    buku.sheets[nama] = baru
    _segarkan_referensi(book, buku, [(id_, "")])
    baru.activate()
    nama_sel = (L.KEPALA_BARIS_AWAL + 1, L.NILAI_KOL + 1)
    baru.range(nama_sel).select()
    _status(book, f"sheet '{nama}' ditambahkan (ID {id_})")


# ---------------------------------------------------------------- consolidate


def _jalur_pengajuan(book: xw.Book) -> Path:
    asal = Path(book.fullname)
    if not asal.is_absolute() or not asal.suffix:
        raise Batal(
            "Simpan buku kerja ini dulu (File → Save As): berkas pengajuan ditulis di folder "
            "yang sama dengan buku kerja."
        )
    return asal.with_name(asal.stem + AKHIRAN_PENGAJUAN)


def _konsolidasi(book: xw.Book) -> None:
    tujuan = _jalur_pengajuan(book)
    for b in book.app.books:
        if Path(b.fullname) == tujuan:
            raise Batal(
                f"Berkas '{tujuan.name}' sedang terbuka di Excel. Tutup berkas itu dulu, lalu "
                "jalankan Konsolidasi lagi."
            )
    buku = _baca_buku(book)
    assert buku.hasil is not None
    _status(book, "memeriksa aturan …")
    diperiksa = laporan.periksa_hasil(buku.hasil)
    _status(book, f"menulis {tujuan.name} …")
    try:
        tulis_pengajuan(diperiksa.dokumen, tujuan, temuan=diperiksa.temuan, sumber=book.name)
    except PermissionError:
        raise Batal(
            f"Berkas '{tujuan}' tidak dapat ditulis (sedang dibuka program lain atau folder "
            "hanya-baca)."
        ) from None
    _status(book, f"membuka {tujuan.name} …")
    book.app.books.open(str(tujuan))
    temuan = diperiksa.temuan
    jumlah = laporan.hitungan(temuan)
    ringkas = ", ".join(f"{n} {label.lower()}" for label, n in jumlah)
    pesan = f"Berkas pengajuan sudah ditulis dan dibuka:\n{tujuan}\n\nTemuan validasi: {ringkas}."
    if temuan:
        pesan += (
            "\nTemuan tidak menghalangi draf ini; jalankan Validasi untuk rinciannya sebelum "
            "dikirim ke Bagian Organisasi."
        )
    _kotak(book.app, pesan, "Konsolidasi")


# ---------------------------------------------------------------- help


def _bantuan(book: xw.Book) -> None:
    nama = [s.name for s in book.sheets]
    if L.SHEET_PETUNJUK not in nama:
        raise Batal(
            f"Sheet '{L.SHEET_PETUNJUK}' tidak ada di buku kerja ini. Petunjuk lengkap ada di "
            "berkas docs/excel.md iki-xl."
        )
    sheet = book.sheets[L.SHEET_PETUNJUK]
    sheet.visible = True
    sheet.activate()
    _kotak(
        book.app,
        "Petunjuk pengisian ada di sheet Petunjuk (sudah dibuka).\n\n"
        "Tab IKI: Validasi memeriksa seluruh buku kerja; Hitung Ulang menghitung ulang "
        "rumus IKI; Tambah Jabatan menyalin sheet jabatan kosong; Konsolidasi menulis "
        "berkas pengajuan di samping buku kerja ini.",
        "Bantuan",
    )

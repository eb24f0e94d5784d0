"""The "Hasil Validasi" report: counts by severity, then one row per finding.

`grid_laporan()` gives the whole sheet as one rectangular grid, for the xlwings macro to
write back in one block (a hyperlink is a `=HYPERLINK(…)` formula in the grid).
`tulis_laporan()` writes the same sheet to a separate .xlsx with XlsxWriter (the CLI's
`validate --report OUT.xlsx`); there the link points into the validated workbook.
`catatan_sel()` groups the findings per cell for the macro's fill-and-note marks.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from iki_xl.core.findings import Keparahan, Temuan, hitung_keparahan, urutkan
from iki_xl.core.hitung import HitunganDokumen
from iki_xl.core.model import Dokumen
from iki_xl.io.atomic import jalur_sementara
from iki_xl.io.jeda_gc import gc_dijeda
from iki_xl.io.reader import HasilBaca
from iki_xl.io.ukuran_teks import tinggi_teks
from iki_xl.layout import kutip_sheet

JUDUL = "Hasil Validasi"
SHEET = "Hasil Validasi"
KOLOM = ("Kode", "Keparahan", "Jabatan", "Lokasi", "Pesan", "Saran")
LEBAR = (11, 12, 34, 30, 70, 70)
LABEL_KEPARAHAN = {
    Keparahan.GALAT: "Galat",
    Keparahan.PERINGATAN: "Peringatan",
    Keparahan.INFO: "Info",
}
WARNA_KEPARAHAN = {
    Keparahan.GALAT: "#F8CBAD",  # red-orange
    Keparahan.PERINGATAN: "#FFE699",  # amber
    Keparahan.INFO: "#DDEBF7",  # light blue
}
# Rows of the grid (0-based): title, three count rows, a blank row, the header, findings.
BARIS_HITUNG = 1
BARIS_KEPALA = 5
BARIS_PERTAMA = 6

Sel = str | int


def lokasi(t: Temuan) -> str:
    """Where the finding is, as the planner reads it: Sheet!C12, or the model path."""
    if t.sheet and t.sel:
        return f"{t.sheet}!{t.sel}"
    return t.sheet or t.jalur


def tautan(t: Temuan, berkas: str = "") -> str:
    """Hyperlink target of a finding's cell ('' when it has none): '#'Sheet'!C12', or
    'book.xlsx#'Sheet'!C12' into another workbook."""
    if not (t.sheet and t.sel):
        return ""
    return f"{berkas}#{kutip_sheet(t.sheet)}!{t.sel}"


def teks_aman(s: str) -> str:
    """Text written through xlwings stays text even when it starts with '=', '+', '-' or '@'."""
    return "'" + s if s.startswith(("=", "+", "@")) or (s.startswith("-") and len(s) > 1) else s


def _rumus_tautan(target: str, label: str) -> str:
    def q(s: str) -> str:
        return '"' + s.replace('"', '""') + '"'

    return f"=HYPERLINK({q(target)},{q(label)})"


def hitungan(temuan: Iterable[Temuan]) -> list[tuple[str, int]]:
    jumlah = hitung_keparahan(temuan)
    return [(LABEL_KEPARAHAN[k], jumlah[k]) for k in Keparahan]


def urut_laporan(
    temuan: Iterable[Temuan], urutan_sheet: Mapping[str, int] | Sequence[str] | None = None
) -> list[Temuan]:
    """Sorted by sheet (workbook order when known), row, column; unplaced ones by jalur."""
    if urutan_sheet is not None and not isinstance(urutan_sheet, Mapping):
        urutan_sheet = {s: i for i, s in enumerate(urutan_sheet)}
    ditempatkan = [t for t in temuan if t.sheet]
    lain = sorted((t for t in temuan if not t.sheet), key=lambda t: (_kunci_jalur(t.jalur), t.kode))
    return urutkan(ditempatkan, urutan_sheet) + lain


def _kunci_jalur(jalur: str) -> tuple[object, ...]:
    return tuple(int(x) if x.isdigit() else x for x in re.split(r"\[(\d+)\]", jalur))


def grid_laporan(
    temuan: Iterable[Temuan],
    *,
    berkas: str = "",
    urutan_sheet: Mapping[str, int] | Sequence[str] | None = None,
    judul: str = JUDUL,
) -> list[list[Sel]]:
    """The Hasil Validasi sheet as one rectangular grid of cell values.

    Row 0 the title, rows 1–3 the counts (Galat, Peringatan, Info), row 4 blank, row 5
    the header, then one row per finding sorted by sheet, row, column. The Lokasi column is
    a HYPERLINK formula when the finding has a cell, else the model path as text.
    """
    daftar = urut_laporan(list(temuan), urutan_sheet)
    lebar = len(KOLOM)

    def baris(*isi: Sel) -> list[Sel]:
        return [*isi, *([""] * (lebar - len(isi)))]

    grid: list[list[Sel]] = [baris(judul)]
    grid += [baris(label, n) for label, n in hitungan(daftar)]
    grid.append(baris())
    grid.append(list(KOLOM))
    for t in daftar:
        target = tautan(t, berkas)
        loc = _rumus_tautan(target, lokasi(t)) if target else teks_aman(lokasi(t))
        grid.append(
            [
                t.kode,
                LABEL_KEPARAHAN[t.keparahan],
                teks_aman(t.jabatan),
                loc,
                teks_aman(t.pesan),
                teks_aman(t.saran),
            ]
        )
    return grid


def catatan_sel(temuan: Iterable[Temuan]) -> dict[tuple[str, str], tuple[Keparahan, str]]:
    """Per (sheet, cell): the worst severity and the note text for the macro's marks."""
    urutan = {Keparahan.GALAT: 0, Keparahan.PERINGATAN: 1, Keparahan.INFO: 2}
    hasil: dict[tuple[str, str], tuple[Keparahan, list[str]]] = {}
    for t in temuan:
        if not (t.sheet and t.sel):
            continue
        kunci = (t.sheet, t.sel)
        baris = f"{t.kode} ({LABEL_KEPARAHAN[t.keparahan]}): {t.pesan}"
        if t.saran:
            baris += f"\nSaran: {t.saran}"
        if kunci in hasil:
            kep, isi = hasil[kunci]
            isi.append(baris)
            if urutan[t.keparahan] < urutan[kep]:
                hasil[kunci] = (t.keparahan, isi)
        else:
            hasil[kunci] = (t.keparahan, [baris])
    return {k: (kep, "\n\n".join(isi)) for k, (kep, isi) in hasil.items()}


def tulis_laporan(
    path: Path | str,
    temuan: Iterable[Temuan],
    *,
    sumber: Path | str | None = None,
    urutan_sheet: Mapping[str, int] | Sequence[str] | None = None,
) -> None:
    """Write the Hasil Validasi sheet to its own .xlsx (atomically).

    With `sumber` (the validated workbook) each Lokasi cell links to the offending cell of
    that workbook, by a path relative to the report so the two files can move together.
    """
    import xlsxwriter

    path = Path(path)
    daftar = urut_laporan(list(temuan), urutan_sheet)
    berkas = ""
    if sumber is not None:
        try:
            berkas = os.path.relpath(Path(sumber).resolve(), path.resolve().parent)
        except ValueError:  # another drive on Windows
            berkas = str(Path(sumber).resolve())
        berkas = berkas.replace(os.sep, "/")
    with jalur_sementara(path) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False})
        ws = wb.add_worksheet(SHEET)
        f_judul = wb.add_format({"bold": True, "font_size": 14})
        f_kepala = wb.add_format(
            {"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E78", "border": 1}
        )
        f_teks = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
        f_link = wb.add_format(
            {"font_color": "#0563C1", "underline": 1, "valign": "top", "border": 1}
        )
        f_kep = {
            k: wb.add_format({"bg_color": w, "valign": "top", "border": 1})
            for k, w in WARNA_KEPARAHAN.items()
        }
        ws.write(0, 0, JUDUL, f_judul)
        for i, (k, (label, n)) in enumerate(zip(Keparahan, hitungan(daftar), strict=True)):
            ws.write(BARIS_HITUNG + i, 0, label, f_kep[k])
            ws.write_number(BARIS_HITUNG + i, 1, n)
        for c, (judul, lebar) in enumerate(zip(KOLOM, LEBAR, strict=True)):
            ws.set_column(c, c, lebar)
            ws.write(BARIS_KEPALA, c, judul, f_kepala)
        for r, t in enumerate(daftar, start=BARIS_PERTAMA):
            ws.write_string(r, 0, t.kode, f_teks)
            ws.write_string(r, 1, LABEL_KEPARAHAN[t.keparahan], f_kep[t.keparahan])
            ws.write_string(r, 2, t.jabatan, f_teks)
            target = tautan(t, berkas)
            if target and berkas:
                ws.write_url(r, 3, f"external:{target}", f_link, lokasi(t))
            elif target:
                ws.write_url(r, 3, f"internal:{target[1:]}", f_link, lokasi(t))
            else:
                ws.write_string(r, 3, lokasi(t), f_teks)
            ws.write_string(r, 4, t.pesan, f_teks)
            ws.write_string(r, 5, t.saran, f_teks)
            # wrapped text: neither Excel nor LibreOffice autofits a generated file's rows
            tinggi = (
                tinggi_teks(x, LEBAR[c]) for c, x in ((2, t.jabatan), (4, t.pesan), (5, t.saran))
            )
            ws.set_row(r, max(tinggi))
        ws.freeze_panes(BARIS_PERTAMA, 0)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(BARIS_KEPALA)
        if daftar:
            ws.autofilter(BARIS_KEPALA, 0, BARIS_KEPALA + len(daftar), len(KOLOM) - 1)
        wb.close()


__all__ = [
    "BARIS_KEPALA",
    "BARIS_PERTAMA",
    "KOLOM",
    "catatan_sel",
    "grid_laporan",
    "hitungan",
    "lokasi",
    "periksa_berkas",
    "tautan",
    "tulis_laporan",
    "urut_laporan",
]


@dataclass(frozen=True)
class Diperiksa:
    """An input read and validated: its completed document, its findings placed on their
    sheet and cell and sorted for the report, and the workbook's sheet order."""

    dokumen: Dokumen
    temuan: list[Temuan]
    urutan_sheet: list[str]
    # the indicators' values the rules computed for `dokumen`, for the Rekap to reuse
    hitungan: HitunganDokumen | None = field(default=None, compare=False, repr=False)


def periksa_hasil(hasil: HasilBaca) -> Diperiksa:
    """Validate a parsed workbook (from a file or from live Excel's grids): the reader's own
    findings and the rules', placed through the reader's map and sorted."""
    from iki_xl.core.findings import tempatkan
    from iki_xl.core.formulasi import lengkapi
    from iki_xl.core.rules import periksa

    urutan = sorted(hasil.urutan_sheet, key=lambda s: hasil.urutan_sheet[s])
    with gc_dijeda():
        # the rules see a completed copy either way; handing them the one returned lets the
        # Rekap reuse what they computed (the same indicator objects)
        doc = lengkapi(hasil.dokumen)
        hitungan = HitunganDokumen()
        temuan = tempatkan([*hasil.temuan, *periksa(doc, hitungan=hitungan)], hasil.peta)
        return Diperiksa(doc, urut_laporan(temuan, urutan), urutan, hitungan)


def baca_dan_periksa(path: Path | str) -> Diperiksa:
    """Read a workbook (.xlsx/.xlsm) or a data file (.yaml/.yml/.json) and validate it,
    read-only. Unusable input raises `BerkasTidakValid`."""
    from iki_xl.core.formulasi import lengkapi
    from iki_xl.core.rules import periksa
    from iki_xl.errors import BerkasTidakValid
    from iki_xl.io import interchange

    path = Path(path)
    akhiran = path.suffix.lower()
    if akhiran in {".xlsx", ".xlsm"}:
        from iki_xl.io.reader import baca_workbook

        return periksa_hasil(baca_workbook(path))
    if akhiran not in {".yaml", ".yml", ".json"}:
        raise BerkasTidakValid(
            f"{path}: format tidak dikenal (pakai .xlsx, .xlsm, .yaml, .yml atau .json)"
        )
    with gc_dijeda():
        doc = lengkapi(interchange.muat(path))
        hitungan = HitunganDokumen()
        temuan = urut_laporan(periksa(doc, hitungan=hitungan))
        return Diperiksa(doc, temuan, [], hitungan)


def periksa_berkas(path: Path | str) -> tuple[list[Temuan], list[str]]:
    """The findings of an input and its sheet order (see `baca_dan_periksa`)."""
    hasil = baca_dan_periksa(path)
    return hasil.temuan, hasil.urutan_sheet

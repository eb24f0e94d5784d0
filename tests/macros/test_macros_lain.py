"""Hitung Ulang, Tambah Jabatan, Konsolidasi, Bantuan, the error path, and the ribbon's
RunPython lines, against the fake Excel."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlwings as xw

from iki_xl import layout as L
from iki_xl import macros
from tests.macros.excel_palsu import ExcelPalsu, LembarPalsu, urai_alamat

RIBBON = Path(macros.__file__).parent / "template" / "vba" / "Ribbon.bas"
BARIS_ID = L.KEPALA_BARIS_AWAL + [k for k, _ in L.KEPALA_JABATAN].index("id")


def pos(sel: str) -> tuple[int, int]:
    r0, c0, _, _ = urai_alamat(sel)[0]
    return r0, c0


def daftar_referensi(ex: ExcelPalsu) -> list[tuple[Any, Any]]:
    """(id, nama) rows of Referensi's jabatan list, as far as the defined name reaches."""
    lp = ex.cari(L.SHEET_REFERENSI)
    alamat = ex.nama[L.NAMA_TABEL_JABATAN].split("!")[1]
    r0, c0, r1, _ = urai_alamat(alamat)[0]
    assert c0 == L.REFERENSI_JABATAN_KOL
    return [(lp.nilai.get((r, c0)), lp.nilai.get((r, c0 + 1))) for r in range(r0, r1 + 1)]


def jabatan_pertama(ex: ExcelPalsu) -> LembarPalsu:
    return next(lp for lp in ex.lembar if lp.rumus and lp.terlihat)


# ---------------------------------------------------------------- recalculate


def test_recalculate_restores_overwritten_formulas_and_calculates(excel: Any) -> None:
    ex: ExcelPalsu = excel("sampang")
    lp = jabatan_pertama(ex)
    rumus_asli = dict(lp.rumus)
    baris = min(r for (r, c) in lp.rumus if c == L.KOL["capaian"])
    capaian = (baris, L.KOL["capaian"])
    atasan = next(p for p in lp.rumus if p[1] == L.ATASAN_NAMA_KOL)
    # the planner typed over the capaian and cleared the atasan's name
    del lp.rumus[capaian]
    lp.nilai[capaian] = 95.0
    del lp.rumus[atasan]
    lp.nilai.pop(atasan, None)

    macros.recalculate(ex.book)

    assert lp.rumus == rumus_asli  # exactly the writer's formulas, nothing else touched
    assert ex.dihitung == 1
    assert lp.proteksi  # protection lifted for the write and put back
    assert ex.kotak and lp.nama in ex.kotak[-1]["prompt"] and "2 sel" in ex.kotak[-1]["prompt"]
    assert ex.status_bar is False


def test_recalculate_with_nothing_to_restore_is_silent_and_keeps_formulas(excel: Any) -> None:
    ex: ExcelPalsu = excel("sampang")
    rumus = {lp.nama: dict(lp.rumus) for lp in ex.lembar}
    referensi = daftar_referensi(ex)
    macros.recalculate(ex.book)
    assert {lp.nama: lp.rumus for lp in ex.lembar} == rumus
    assert ex.dihitung == 1
    assert ex.kotak == []
    assert daftar_referensi(ex) == referensi  # the list the writer wrote is already right
    assert ex.panggilan["formula.set"] == 0


def test_recalculate_refreshes_the_atasan_list(excel: Any) -> None:
    ex: ExcelPalsu = excel("sampang")
    lp = jabatan_pertama(ex)
    nama_sel = (L.KEPALA_BARIS_AWAL, L.NILAI_KOL)
    lp.nilai[nama_sel] = "KEPALA DINAS (NAMA BARU)"
    macros.recalculate(ex.book)
    daftar = daftar_referensi(ex)
    id_ = lp.nilai[(BARIS_ID, L.NILAI_KOL)]
    assert (id_, "KEPALA DINAS (NAMA BARU)") in daftar
    assert (
        ex.nama[L.NAMA_ID_JABATAN]
        .split("!")[1]
        .startswith(f"${L.huruf_kolom(L.REFERENSI_JABATAN_KOL)}$2:")
    )
    assert ex.cari(L.SHEET_REFERENSI).proteksi


# ---------------------------------------------------------------- add_jabatan


def test_add_jabatan_twice(excel: Any) -> None:
    ex: ExcelPalsu = excel("sampang")
    kosong_sebelum = ex.cari(L.SHEET_JABATAN_KOSONG).salin("x")
    jabatan = [lp.nama for lp in ex.lembar if lp.rumus and lp.terlihat]
    jumlah = len(daftar_referensi(ex))

    macros.add_jabatan(ex.book)
    macros.add_jabatan(ex.book)

    nama = ex.nama_sheet()
    assert "Jabatan Baru" in nama and "Jabatan Baru (2)" in nama
    # placed after the last jabatan sheet, in order, visible, the second one active
    i = nama.index(jabatan[-1])
    assert nama[i + 1 : i + 3] == ["Jabatan Baru", "Jabatan Baru (2)"]
    baru = [ex.cari("Jabatan Baru"), ex.cari("Jabatan Baru (2)")]
    assert all(lp.terlihat for lp in baru)
    assert ex.aktif == "Jabatan Baru (2)"
    id_ = [lp.nilai[(BARIS_ID, L.NILAI_KOL)] for lp in baru]
    assert id_[0] != id_[1] and all(re.fullmatch(r"jabatan-[0-9a-f]{8}", i) for i in id_)
    # listed for the atasan dropdown: the defined names reach them
    daftar = daftar_referensi(ex)
    assert len(daftar) == jumlah + 2
    assert [i for i, _ in daftar[-2:]] == id_
    # a copy of the blank sheet: same layout and formulas; the blank sheet itself untouched
    kosong = ex.cari(L.SHEET_JABATAN_KOSONG)
    assert not kosong.terlihat
    assert kosong.nilai == kosong_sebelum.nilai
    assert baru[0].rumus == kosong.rumus
    assert baru[0].proteksi
    assert ex.status_bar is False


def test_add_jabatan_without_blank_sheet_explains(excel: Any) -> None:
    ex: ExcelPalsu = excel("sampang")
    ex.lembar.remove(ex.cari(L.SHEET_JABATAN_KOSONG))
    sebelum = ex.nama_sheet()
    macros.add_jabatan(ex.book)
    assert ex.nama_sheet() == sebelum
    assert len(ex.kotak) == 1
    assert L.SHEET_JABATAN_KOSONG in ex.kotak[0]["prompt"]
    assert ex.kotak[0]["mode"] == "critical"
    assert "Terjadi kesalahan" not in ex.kotak[0]["prompt"]


# ---------------------------------------------------------------- consolidate


def test_consolidate_writes_beside_the_workbook_and_opens_it(excel: Any, tmp_path: Path) -> None:
    ex: ExcelPalsu = excel("sampang")
    macros.consolidate(ex.book)
    tujuan = tmp_path / "IKI Sampang - Pengajuan IKI.xlsx"
    assert tujuan.is_file()
    assert ex.dibuka == [str(tujuan)]
    wb = openpyxl.load_workbook(tujuan)
    assert wb.sheetnames[:4] == ["Keputusan", "Lampiran", "Rekap", "Ringkasan"]
    assert len(ex.kotak) == 1 and str(tujuan) in ex.kotak[0]["prompt"]
    assert "galat" in ex.kotak[0]["prompt"] and ex.kotak[0]["mode"] == "info"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["IKI Sampang.xlsx", "IKI Sampang - Pengajuan IKI.xlsx"]
    )  # no temporary file left behind
    assert ex.status_bar is False


def test_consolidate_unsaved_workbook_asks_to_save(excel: Any, tmp_path: Path) -> None:
    ex: ExcelPalsu = excel("sampang")
    ex.fullname = "Book1"
    macros.consolidate(ex.book)
    assert ex.dibuka == []
    assert "Simpan buku kerja ini dulu" in ex.kotak[0]["prompt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["IKI Sampang.xlsx"]


# ---------------------------------------------------------------- help


def test_help_activates_petunjuk(excel: Any) -> None:
    ex: ExcelPalsu = excel("sampang")
    macros.help(ex.book)
    assert ex.aktif == L.SHEET_PETUNJUK
    assert "Petunjuk" in ex.kotak[0]["prompt"] and ex.kotak[0]["mode"] == "info"


# ---------------------------------------------------------------- failures


def test_unexpected_exception_becomes_an_alert(excel: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    ex: ExcelPalsu = excel("sampang")

    def rusak(doc: Any) -> Any:
        raise RuntimeError("mesin aturan rusak")

    monkeypatch.setattr(macros.laporan, "periksa_hasil", rusak)
    macros.validate(ex.book)  # does not raise
    assert len(ex.kotak) == 1
    assert ex.kotak[0]["prompt"] == (
        "Terjadi kesalahan: mesin aturan rusak. Laporkan ke pengembang dengan berkas ini."
    )
    assert ex.kotak[0]["mode"] == "critical"
    assert ex.status and ex.status[-1] is False and ex.status_bar is False
    assert ex.screen_updating is True


def test_password_protected_sheet_is_explained(excel: Any) -> None:
    ex: ExcelPalsu = excel("sampang")
    lp = jabatan_pertama(ex)
    lp.kata_sandi = "rahasia"
    macros.validate(ex.book)
    assert lp.proteksi  # still protected, nothing forced
    assert f"Sheet '{lp.nama}' diproteksi dengan kata sandi" in ex.kotak[-1]["prompt"]
    assert ex.status_bar is False


def test_not_an_iki_workbook(excel: Any) -> None:
    ex: ExcelPalsu = excel("sampang")
    ex.lembar[:] = [LembarPalsu("Sheet1")]
    macros.recalculate(ex.book)
    assert "bukan workbook IKI" in ex.kotak[0]["prompt"]
    assert ex.dihitung == 0


# ---------------------------------------------------------------- the ribbon's calls


def test_every_ribbon_call_exists_and_takes_book_none() -> None:
    teks = RIBBON.read_text(encoding="utf-8")
    nama = re.findall(r'RunPython "import iki_xl\.macros as m; m\.(\w+)\(\)"', teks)
    assert nama == ["validate", "recalculate", "add_jabatan", "consolidate", "help"]
    for n in nama:
        fungsi = getattr(macros, n)
        param = list(inspect.signature(fungsi).parameters.values())
        assert [p.name for p in param] == ["book"]
        assert param[0].default is None


def test_book_none_uses_the_caller(excel: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    ex: ExcelPalsu = excel("sampang")
    monkeypatch.setattr(xw.Book, "caller", classmethod(lambda cls: ex.book))
    macros.help()
    assert ex.aktif == L.SHEET_PETUNJUK

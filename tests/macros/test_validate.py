"""The Validasi macro against a fake Excel: same findings as the headless path, marks on the
right cells and only there, last run's marks cleared, nothing the planner typed changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iki_xl import layout as L
from iki_xl import macros
from iki_xl.io import laporan
from iki_xl.io.laporan import Diperiksa
from tests.macros.conftest import data_contoh
from tests.macros.excel_palsu import ExcelPalsu, LembarPalsu, urai_alamat

HV = L.SHEET_HASIL_VALIDASI


def isian(ex: ExcelPalsu) -> dict[str, tuple[dict[Any, Any], dict[Any, str]]]:
    """Values and formulas of every sheet but the report."""
    return {lp.nama: (dict(lp.nilai), dict(lp.rumus)) for lp in ex.lembar if lp.nama != HV}


def warna(ex: ExcelPalsu) -> dict[str, dict[Any, str]]:
    return {lp.nama: dict(lp.warna) for lp in ex.lembar if lp.nama != HV}


def catatan(ex: ExcelPalsu) -> dict[str, dict[Any, str]]:
    return {lp.nama: dict(lp.catatan) for lp in ex.lembar if lp.nama != HV}


def pos(sel: str) -> tuple[int, int]:
    r0, c0, _, _ = urai_alamat(sel)[0]
    return r0, c0


def sebagai_isi(v: Any) -> Any:
    """A grid value as Excel keeps it: '' is an empty cell, a leading ' is not stored."""
    if v == "":
        return None
    if isinstance(v, str) and v.startswith("'"):
        return v[1:]
    if isinstance(v, int):
        return float(v)
    return v


@pytest.fixture(scope="module")
def sampang(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Sampang validated once; the tests below only look."""
    data = data_contoh("sampang")
    path = tmp_path_factory.mktemp("sampang") / "IKI Sampang.xlsx"
    path.write_bytes(data)
    ex = ExcelPalsu.dari_xlsx(data, str(path))
    sebelum = {
        "isian": isian(ex),
        "warna": warna(ex),
        "proteksi": {lp.nama: lp.proteksi for lp in ex.lembar},
    }
    macros.validate(ex.book)
    temuan, urutan = laporan.periksa_berkas(path)
    return {"ex": ex, "path": path, "sebelum": sebelum, "temuan": temuan, "urutan": urutan}


def test_report_equals_headless_grid(sampang: dict[str, Any]) -> None:
    ex: ExcelPalsu = sampang["ex"]
    harapan = laporan.grid_laporan(sampang["temuan"], urutan_sheet=sampang["urutan"])
    assert len(sampang["temuan"]) > 20  # the example's known defects are there
    # written in one block at A1 of the report sheet
    blok = [(s, a, v) for s, a, v in ex.tulis_blok if s == HV and a == "A1"]
    assert len(blok) == 1
    assert blok[0][2] == harapan
    # and that is what the sheet holds now (formulas for the links)
    lp = ex.cari(HV)
    for r, baris in enumerate(harapan):
        for c, v in enumerate(baris):
            assert lp.isi((r, c)) == sebagai_isi(v), (r, c)
    # links point at the offending cells
    pertama = harapan[laporan.BARIS_PERTAMA]
    t = sampang["temuan"][0]
    assert pertama[3] == f'=HYPERLINK("#\'{t.sheet}\'!{t.sel}","{t.sheet}!{t.sel}")'


def test_report_sheet_created_after_the_last_sheet_and_active(sampang: dict[str, Any]) -> None:
    ex: ExcelPalsu = sampang["ex"]
    assert ex.nama_sheet()[-1] == HV
    assert ex.aktif == HV
    lp = ex.cari(HV)
    assert lp.lebar_kolom[0] == laporan.LEBAR[0]
    # the hidden columns remembering the marks
    assert lp.lebar_kolom[macros.KOL_TANDA] == 0


def test_marks_the_right_cells_with_fill_and_note(sampang: dict[str, Any]) -> None:
    ex: ExcelPalsu = sampang["ex"]
    per_sel = laporan.catatan_sel(sampang["temuan"])
    assert per_sel
    for (sheet, sel), (kep, teks) in per_sel.items():
        lp = ex.cari(sheet)
        assert lp.warna[pos(sel)] == laporan.WARNA_KEPARAHAN[kep].upper(), (sheet, sel)
        assert lp.catatan[pos(sel)] == macros.PENANDA_CATATAN + teks
    # no other cell changed colour, no other note
    sebelum = sampang["sebelum"]["warna"]
    ditandai = {(s, pos(c)) for s, c in per_sel}
    for nama, w in warna(ex).items():
        for p in set(w) | set(sebelum[nama]):
            if (nama, p) not in ditandai:
                assert w.get(p) == sebelum[nama].get(p), (nama, p)
    assert sum(len(c) for c in catatan(ex).values()) == len(per_sel)


def test_validation_changes_no_input_and_restores_protection(sampang: dict[str, Any]) -> None:
    ex: ExcelPalsu = sampang["ex"]
    assert isian(ex) == sampang["sebelum"]["isian"]
    sebelum = sampang["sebelum"]["proteksi"]
    assert {
        n: p for n, p in ((lp.nama, lp.proteksi) for lp in ex.lembar) if n in sebelum
    } == sebelum
    assert any(sebelum.values())  # the jabatan sheets were protected: marks lifted it


def test_alert_gives_counts_and_status_bar_restored(sampang: dict[str, Any]) -> None:
    ex: ExcelPalsu = sampang["ex"]
    assert len(ex.kotak) == 1
    kotak = ex.kotak[0]
    for label, n in laporan.hitungan(sampang["temuan"]):
        assert f"{label}: {n}\n" in kotak["prompt"] + "\n"
    galat = dict(laporan.hitungan(sampang["temuan"]))["Galat"]
    assert kotak["mode"] == ("critical" if galat else "info")
    assert kotak["title"] == "IKI – Validasi"
    assert ex.status[0] is not False and str(ex.status[0]).startswith("IKI: ")
    assert ex.status_bar is False
    assert ex.screen_updating is True


def test_second_run_clears_the_first_runs_marks(excel: Any) -> None:
    ex: ExcelPalsu = excel("sampang")
    asli = warna(ex)
    macros.validate(ex.book)
    temuan1 = {(s, c): k for (s, c), (k, _) in laporan.catatan_sel(_temuan(ex)).items()}
    (s_catatan, c_catatan) = next(iter(temuan1))
    # the planner fixes one typo: that cell's finding goes away
    typo = next(
        (s, c) for (s, c) in temuan1 if "Presentase" in str(ex.cari(s).nilai.get(pos(c), ""))
    )
    lp = ex.cari(typo[0])
    lp.nilai[pos(typo[1])] = lp.nilai[pos(typo[1])].replace("Presentase", "Persentase")
    assert lp.catatan[pos(typo[1])].startswith(macros.PENANDA_CATATAN)
    # a planner's note replaces ours on another flagged cell
    lp_catatan: LembarPalsu = ex.cari(s_catatan)
    lp_catatan.catatan[pos(c_catatan)] = "catatan saya sendiri"

    macros.validate(ex.book)
    temuan2 = laporan.catatan_sel(_temuan(ex))
    assert typo not in temuan2
    assert pos(typo[1]) not in lp.catatan  # our note removed
    assert lp.warna.get(pos(typo[1])) == asli[typo[0]].get(pos(typo[1]))  # original fill back
    assert lp_catatan.catatan[pos(c_catatan)] == "catatan saya sendiri"

    # a third run with nothing changed leaves exactly the same marks
    w2, n2 = warna(ex), catatan(ex)
    macros.validate(ex.book)
    assert warna(ex) == w2
    assert catatan(ex) == n2
    # every mark's colour is the severity's, every unflagged cell has its original fill
    for nama, w in w2.items():
        for p in set(w) | set(asli[nama]):
            kunci = next(((s, c) for (s, c) in temuan2 if s == nama and pos(c) == p), None)
            if kunci is None:
                assert w.get(p) == asli[nama].get(p), (nama, p)
            else:
                assert w[p] == laporan.WARNA_KEPARAHAN[temuan2[kunci][0]].upper()


def _temuan(ex: ExcelPalsu) -> list[Any]:
    """The findings of the workbook as it is now in the fake, through the headless path."""
    from iki_xl.io.reader import baca_grids

    lembar = []
    for lp in ex.lembar:
        _r0, _c0, r1, c1 = lp.kotak_terpakai()
        lembar.append(
            (lp.nama, [[lp.nilai.get((r, c)) for c in range(c1 + 1)] for r in range(r1 + 1)])
        )
    return macros.laporan.periksa_hasil(baca_grids(lembar)).temuan


def test_no_findings_gives_info_box(excel: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    ex: ExcelPalsu = excel("sampang")
    # patched where the macro calls it: inside the compiled modules calls are bound early
    monkeypatch.setattr(
        macros.laporan, "periksa_hasil", lambda h: Diperiksa(h.dokumen, [], list(h.urutan_sheet))
    )
    monkeypatch.setattr(macros, "baca_grids", _tanpa_temuan_baca(macros.baca_grids))
    macros.validate(ex.book)
    assert ex.kotak[-1]["mode"] == "info"
    assert "tidak ada temuan" in ex.kotak[-1]["prompt"]
    assert not any(catatan(ex).values())


def _tanpa_temuan_baca(asli: Any) -> Any:
    def baca(*a: Any, **kw: Any) -> Any:
        h = asli(*a, **kw)
        h.temuan = []
        return h

    return baca


def test_probolinggo_com_calls_are_per_sheet_not_per_cell(excel: Any) -> None:
    ex: ExcelPalsu = excel("probolinggo")
    n_sheet = len(ex.lembar)
    n_sel = sum(len(lp.nilai) + len(lp.rumus) for lp in ex.lembar)
    macros.validate(ex.book)
    p = ex.panggilan
    ditandai = sum(1 for (r, c) in ex.cari(HV).nilai if c == macros.KOL_TANDA and r > 0)
    assert ditandai == len(laporan.catatan_sel(laporan.periksa_berkas(Path(ex.fullname))[0]))
    # grids: one used range and one value read per sheet, the report and the marks' memory
    # written as two blocks
    assert p["used_range"] == n_sheet
    assert p["value.get"] == n_sheet
    assert p["value.set"] == 2
    # marks: per marked cell one fill read, one note read, one note added; fills written in
    # groups by severity
    assert p["color.get"] == ditandai
    assert p["note.get"] == ditandai
    assert p["color.set"] <= ditandai
    total = ex.panggilan_range()
    print(
        f"validate on Probolinggo: {n_sheet} sheets, {n_sel} cells, {ditandai} marked cells, "
        f"{total} range-level calls: {dict(p)}"
    )
    assert total <= 2 * n_sheet + 4 * ditandai + 20
    assert total < n_sel / 5  # reading cell by cell alone would be n_sel calls

"""The workbook as a planner meets it: edits survive, names follow Excel's rules, extra
sheets are ignored, unusable files are one clear error."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from iki_xl import layout as L
from iki_xl.core.model import Dokumen, Jabatan, Kinerja
from iki_xl.errors import AturanExcel, BerkasTidakValid
from iki_xl.io.reader import (
    KODE_KODE_KOMPONEN,
    KODE_TIDAK_DIKENAL,
    baca_grid_jabatan,
    baca_workbook,
)
from iki_xl.io.writer import tulis_workbook, tulis_workbook_bytes
from tests.io.conftest import contoh


def test_suntingan_perencana_bertahan(tmp_path: Path) -> None:
    """Change a target and two realisations with openpyxl: exactly those changes come back."""
    doc = contoh("sampang")
    asli = tmp_path / "asli.xlsx"
    tulis_workbook(doc, asli)
    sebelum = asli.read_bytes()
    peta = baca_workbook(asli).peta
    wb = openpyxl.load_workbook(asli)
    jalur_t = "jabatan[0].kinerja[0].indikator[0].target"
    jalur_a = "jabatan[0].kinerja[0].indikator[0].komponen[0].realisasi[1]"
    jalur_b = "jabatan[1].kinerja[0].indikator[0].komponen[1].realisasi[3]"
    for jalur, nilai in ((jalur_t, 77.5), (jalur_a, 123.0), (jalur_b, "45")):
        sheet, sel = peta[jalur]
        wb[sheet][sel].value = nilai
    diubah = tmp_path / "diubah.xlsx"
    wb.save(diubah)
    baru = baca_workbook(diubah)
    harap = doc.model_copy(deep=True)
    harap.jabatan[0].kinerja[0].indikator[0].target = 77.5
    harap.jabatan[0].kinerja[0].indikator[0].komponen[0].realisasi[1] = 123.0
    harap.jabatan[1].kinerja[0].indikator[0].komponen[1].realisasi[3] = "45"
    assert baru.dokumen == harap
    assert baru.dokumen != doc
    assert baru.temuan == []
    assert asli.read_bytes() == sebelum  # reading never modifies its input


def test_sheet_dikenali_dari_layout_bukan_nama(tmp_path: Path) -> None:
    doc = contoh("sampang", isian=False)
    path = tmp_path / "a.xlsx"
    tulis_workbook(doc, path)
    wb = openpyxl.load_workbook(path)
    pertama = wb.worksheets[2]
    pertama.title = "Nama Lain Sama Sekali"
    wb.move_sheet(pertama, offset=3)
    catatan = wb.create_sheet("Catatan saya", 0)
    catatan["A1"] = "catatan perencana"
    catatan["B5"] = "Indikator Kinerja"
    path2 = tmp_path / "b.xlsx"
    wb.save(path2)
    hasil = baca_workbook(path2)
    assert {j.id for j in hasil.dokumen.jabatan} == {j.id for j in doc.jabatan}
    assert hasil.dokumen.cari(doc.jabatan[0].id) == doc.jabatan[0]
    assert "Catatan saya" not in hasil.sheet_jabatan
    assert hasil.urutan_sheet["Catatan saya"] == 0


def test_nama_sheet_aturan_excel() -> None:
    nama = L.nama_sheet_jabatan(
        [
            "KEPALA DINAS SOSIAL PPPA KABUPATEN SAMPANG",
            "Kasi [Rehab]: Anak/Lansia*?",
            "kepala dinas sosial pppa",
            "Instansi",
            "'Sekretaris'",
            "history",
            "",
        ]
    )
    assert nama[0] == "KEPALA DINAS SOSIAL PPPA"
    assert nama[1] == "Kasi Rehab Anak Lansia"
    assert nama[2] == "kepala dinas sosial pppa (2)"
    assert nama[3] == "Instansi (2)"
    assert nama[4] == "Sekretaris"
    assert nama[5] == "history (2)"
    assert nama[6] == "Jabatan"
    for n in nama:
        assert len(n) <= 31
        L.periksa_nama_sheet(n)
    assert len({n.casefold() for n in nama}) == len(nama)


def test_periksa_nama_sheet_menolak() -> None:
    for salah in ("a" * 32, "a/b", "'a", ""):
        with pytest.raises(AturanExcel):
            L.periksa_nama_sheet(salah)


def test_nama_lengkap_tetap_di_sheet(tmp_path: Path) -> None:
    panjang = "Kepala Seksi Rehabilitasi Sosial Anak dan Lanjut Usia Dinas Sosial"
    doc = Dokumen(jabatan=[Jabatan(id="kasi", nama=panjang)])
    path = tmp_path / "a.xlsx"
    tulis_workbook(doc, path)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[2]
    assert len(ws.title) <= 31
    assert ws["D3"].value == panjang
    assert baca_workbook(path).dokumen == doc


@pytest.mark.parametrize(
    "isi",
    [b"bukan workbook", b"PK\x03\x04rusak" + b"\x00" * 40],
    ids=["teks", "zip-rusak"],
)
def test_berkas_tidak_valid(tmp_path: Path, isi: bytes) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(isi)
    with pytest.raises(BerkasTidakValid) as e:
        baca_workbook(path)
    assert "\n" not in str(e.value)


def test_tanpa_sheet_jabatan(tmp_path: Path) -> None:
    path = tmp_path / "kosong.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "halo"
    wb.save(path)
    with pytest.raises(BerkasTidakValid, match="tidak ada sheet jabatan"):
        baca_workbook(path)
    with pytest.raises(BerkasTidakValid, match="tidak ditemukan"):
        baca_workbook(tmp_path / "tidak-ada.xlsx")


def test_temuan_bukan_pengecualian(tmp_path: Path) -> None:
    """A planner's wrong dropdown text and a text baseline become findings with a cell."""
    doc = contoh("sampang", isian=False)
    path = tmp_path / "a.xlsx"
    tulis_workbook(doc, path)
    peta = baca_workbook(path).peta
    wb = openpyxl.load_workbook(path)
    s1, c1 = peta["jabatan[0].kinerja[0].indikator[0].jenis"]
    s2, c2 = peta["jabatan[0].kinerja[0].indikator[0].baseline"]
    wb[s1][c1].value = "persen"
    wb[s2][c2].value = "12,5"
    wb.save(path)
    hasil = baca_workbook(path)
    ind = hasil.dokumen.jabatan[0].kinerja[0].indikator[0]
    assert ind.jenis is None and ind.baseline == 12.5
    kode = {(t.kode, t.sheet, t.sel) for t in hasil.temuan}
    assert (KODE_TIDAK_DIKENAL, s1, c1) in kode
    assert any(t.sel == c2 and t.sheet == s2 for t in hasil.temuan)


@pytest.mark.parametrize(
    ("ketik", "dibaca"), [("é", "_"), ("B-1", "B_1"), ("1", "K1"), ("A", "A_2")]
)
def test_kode_komponen_diperbaiki_indikator_utuh(tmp_path: Path, ketik: str, dibaca: str) -> None:
    """A component code the model refuses ("é", "B-1", a digit, a second "A") is read as a
    valid one with a finding at its cell; the indicator keeps its components, realisation
    and target (a non-ASCII letter once made the model refuse the whole indicator)."""
    doc = contoh("probolinggo")
    path = tmp_path / "k.xlsx"
    tulis_workbook(doc, path)
    jalur = next(
        f"jabatan[{j}].kinerja[{k}].indikator[{n}]"
        for j, jab in enumerate(doc.jabatan)
        for k, kin in enumerate(jab.kinerja)
        for n, ind in enumerate(kin.indikator)
        if len(ind.komponen) == 2 and ind.target is not None
    )
    asli = baca_workbook(path)
    j, k, n = (int(x) for x in re.findall(r"\d+", jalur))
    sebelum = asli.dokumen.jabatan[j].kinerja[k].indikator[n]
    sheet, sel = asli.peta[f"{jalur}.komponen[1].kode"]
    wb = openpyxl.load_workbook(path)
    wb[sheet][sel].value = ketik
    wb.save(path)
    hasil = baca_workbook(path)
    ind = hasil.dokumen.jabatan[j].kinerja[k].indikator[n]
    assert [c.kode for c in ind.komponen] == [sebelum.komponen[0].kode, dibaca]
    assert [c.realisasi for c in ind.komponen] == [c.realisasi for c in sebelum.komponen]
    assert ind.target == sebelum.target and ind.nama == sebelum.nama
    temuan = [(t.kode, t.sheet, t.sel) for t in hasil.temuan]
    assert temuan == [(KODE_KODE_KOMPONEN, sheet, sel)]


def test_template_conf_dan_sheet_kosong(tmp_path: Path) -> None:
    doc = contoh("sampang", isian=False)
    path = tmp_path / "t.xlsx"
    tulis_workbook(doc, path, untuk_template=True)
    wb = openpyxl.load_workbook(path)
    conf = wb[L.SHEET_XLWINGS_CONF]
    assert conf.sheet_state == "hidden"
    assert (conf["A1"].value, conf["B1"].value) == ("UDF Modules", "iki_xl.udfs")
    assert wb[L.SHEET_JABATAN_KOSONG].sheet_state == "hidden"
    assert baca_workbook(path).dokumen == doc  # the blank sheet is not a jabatan


def test_xlsm_is_a_filled_copy_of_the_template(tmp_path: Path) -> None:
    doc = Dokumen(jabatan=[Jabatan(id="a", nama="Kepala Seksi A", kinerja=[Kinerja(sasaran="S")])])
    path = tmp_path / "a.xlsm"
    tulis_workbook(doc, path)
    with zipfile.ZipFile(path) as z:
        assert "xl/vbaProject.bin" in z.namelist()
        assert "customUI/customUI14.xml" in z.read("_rels/.rels").decode()
        assert b"macroEnabled" in z.read("[Content_Types].xml")
    assert baca_workbook(path).dokumen == doc


def test_grid_xlwings_dengan_asal() -> None:
    """The macros pass used_range.value (None for blanks) that may not start at A1."""
    doc = Dokumen(jabatan=[Jabatan(id="a", nama="A", kinerja=[Kinerja(sasaran="S")])])
    import io

    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_filelike(io.BytesIO(tulis_workbook_bytes(doc)))
    grid = wb.get_sheet_by_name("A").to_python(skip_empty_area=False)
    grid = [[None if v == "" else v for v in r[1:]] for r in grid[1:]]  # starts at B2
    hasil = baca_grid_jabatan("A", grid, awalan="jabatan[7]", asal=(1, 1))
    assert hasil is not None
    assert hasil.jabatan == doc.jabatan[0]
    assert hasil.peta["jabatan[7].kinerja[0].sasaran"] == ("A", "B11")
    assert hasil.peta["jabatan[7].nama"] == ("A", "D3")


def test_tabel_layout_satu_tempat() -> None:
    """Every table column key is unique and the header keys the reader uses are unique."""
    assert len(L.KOL) == len(L.KOLOM_TABEL)
    assert len(L.kunci_judul_normal()) == len(L.KOLOM_TABEL)
    with zipfile.ZipFile(__import__("io").BytesIO(tulis_workbook_bytes(Dokumen()))) as z:
        assert "xl/workbook.xml" in z.namelist()

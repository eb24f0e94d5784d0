"""The submission workbook, read back with independent readers (openpyxl, zipfile)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from iki_xl.core.consolidate import (
    KOLOM_REKAP,
    KOSONG,
    blok_lampiran,
    naskah_keputusan,
    rekap_dinas,
    ringkas,
    teks_formulasi,
)
from iki_xl.core.formulasi import lengkapi
from iki_xl.core.hierarchy import urutan_org
from iki_xl.core.model import Dokumen, Indikator, Instansi, Jabatan, Kinerja
from iki_xl.io.interchange import muat, terapkan_contoh
from iki_xl.io.submission import (
    KOLOM_LAMPIRAN,
    konsolidasi,
    tulis_pengajuan,
    tulis_pengajuan_pemda,
)
from iki_xl.io.ukuran_teks import jumlah_baris
from tests.strategies import dokumen

CONTOH = Path(__file__).resolve().parents[2] / "iki_xl" / "data" / "contoh"


def contoh(nama: str, angka: bool = True) -> Dokumen:
    doc = lengkapi(muat(CONTOH / f"{nama}.yaml"))
    return terapkan_contoh(doc, CONTOH / f"{nama}-contoh.yaml") if angka else doc


def teks_sel(v: object) -> str:
    return "" if v is None else str(v)


def lampiran_terbaca(path: Path) -> list[dict[str, object]]:
    """The Lampiran sheet parsed back into blocks: nama, tugas, fungsi, table rows."""
    ws = openpyxl.load_workbook(path)["Lampiran"]
    blok: list[dict[str, object]] = []
    bagian = ""
    sasaran = ""
    for a, b, c, d in ws.iter_rows(min_col=1, max_col=4, values_only=True):
        a_, b_, c_, d_ = map(teks_sel, (a, b, c, d))
        if a_ == "INDIKATOR KINERJA INDIVIDU":
            blok.append({"nama": "", "tugas": [], "fungsi": [], "baris": [], "sasaran": []})
            bagian = ""
            continue
        if not blok:
            continue
        if (a_, b_, c_, d_) == KOLOM_LAMPIRAN:
            bagian = "tabel"
            continue
        if a_.startswith("1. JABATAN"):
            blok[-1]["nama"] = b_
        elif a_.startswith("2. TUGAS"):
            bagian = "tugas"
        elif a_.startswith("3. FUNGSI"):
            bagian = "fungsi"
        if bagian in ("tugas", "fungsi") and b_:
            blok[-1][bagian].append(re.sub(r"^[a-z]+\. ", "", b_))  # type: ignore[attr-defined]
        elif bagian == "tabel":
            if a_:
                sasaran = a_
                blok[-1]["sasaran"].append(a_)  # type: ignore[attr-defined]
            if b_ or c_ or d_:
                blok[-1]["baris"].append((sasaran, b_, c_, d_))  # type: ignore[attr-defined]
    return blok


@pytest.mark.parametrize(("nama", "jumlah"), [("probolinggo", 15), ("sampang", 7)])
def test_lampiran_has_every_jabatan_in_org_order_with_every_indicator(
    tmp_path: Path, nama: str, jumlah: int
) -> None:
    doc = contoh(nama)
    path = tulis_pengajuan(doc, tmp_path / f"{nama}.xlsx").xlsx
    blok = lampiran_terbaca(path)
    urut = [j for j, _ in urutan_org(doc)]
    assert len(blok) == jumlah == len(urut)
    assert [b["nama"] for b in blok] == [j.nama for j in urut]
    for b, jab in zip(blok, urut, strict=True):
        assert b["tugas"] == (jab.tugas or []), jab.nama
        assert b["fungsi"] == (jab.fungsi or ["-"]), jab.nama
        harapan = []
        for k in jab.kinerja:
            if not k.indikator:
                continue  # printed as a kinerja row with empty cells
            for i in k.indikator:
                harapan.append((k.sasaran, i.nama, teks_formulasi(i), i.sumber_data))
        assert b["baris"] == harapan, jab.nama
        assert [k.sasaran for k in jab.kinerja] == [
            s for s in b["sasaran"] if s in {k.sasaran for k in jab.kinerja}
        ]


def test_formulas_are_rendered_as_fractions_with_times_100(tmp_path: Path) -> None:
    doc = contoh("sampang")
    blok = lampiran_terbaca(tulis_pengajuan(doc, tmp_path / "s.xlsx").xlsx)
    rumus = blok[0]["baris"][0][2]  # type: ignore[index]
    atas, garis, bawah = rumus.split("\n")
    assert atas == "PMKS yg ditangani" and set(garis) == {"―"}
    assert bawah == "PMKS seluruhnya × 100%"
    # no components (status printed with '-'): the formulasi as printed
    assert blok[0]["baris"][2][2] == "-"  # type: ignore[index]


def test_kinerja_cell_is_merged_over_its_indicators(tmp_path: Path) -> None:
    doc = contoh("sampang")
    ws = openpyxl.load_workbook(tulis_pengajuan(doc, tmp_path / "s.xlsx").xlsx)["Lampiran"]
    gabung_a = [m for m in ws.merged_cells.ranges if m.min_col == 1 and m.max_col == 1]
    tinggi = sorted(m.max_row - m.min_row + 1 for m in gabung_a)
    # Bidang Rehabilitasi Sosial: one kinerja over 5 indicators is among them
    assert 5 in tinggi
    jumlah_ganda = sum(1 for j in doc.jabatan for k in j.kinerja if len(k.indikator) > 1)
    assert len(gabung_a) == jumlah_ganda


def panjang() -> Dokumen:
    """Two jabatan, the first with a table far longer than one page."""
    ind = [
        Indikator(nama=f"Persentase hal {i} " * 3, formulasi="Jumlah A\nJumlah B\n× 100%")
        for i in range(12)
    ]
    kinerja = [Kinerja(sasaran=f"Sasaran {k}", indikator=ind) for k in range(3)]
    return lengkapi(
        Dokumen(
            jabatan=[
                Jabatan(id="a", nama="Kepala Dinas", kinerja=kinerja),
                Jabatan(id="b", nama="Sekretaris", atasan="a", kinerja=kinerja[:1]),
            ]
        )
    )


@pytest.mark.parametrize("sumber", ["probolinggo", "panjang"])
def test_print_setup_a4_landscape_fit_width_breaks_and_footer(tmp_path: Path, sumber: str) -> None:
    doc = panjang() if sumber == "panjang" else contoh(sumber)
    path = tulis_pengajuan(doc, tmp_path / "p.xlsx").xlsx
    ws = openpyxl.load_workbook(path)["Lampiran"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1)  # 1 is the default, left out by XlsxWriter
    assert ws.page_setup.fitToHeight == 0
    assert "&P" in ws.oddFooter.right.text
    breaks = [b.id for b in ws.row_breaks.brk]
    awal_blok = [
        r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "INDIKATOR KINERJA INDIVIDU"
    ]
    # every jabatan but the first starts a page (break above its title row)
    for r in awal_blok[1:]:
        assert r - 1 in breaks
    # a page that starts inside a table starts with the table's header row
    dalam_tabel = False
    for r in range(1, ws.max_row + 1):
        nilai = tuple(ws.cell(r, c).value for c in range(1, 5))
        if nilai[0] == "INDIKATOR KINERJA INDIVIDU":
            dalam_tabel = False
        if r - 1 in breaks and dalam_tabel:
            assert nilai == KOLOM_LAMPIRAN, f"row {r}"
        if nilai == KOLOM_LAMPIRAN:
            dalam_tabel = True
    assert len(breaks) >= len(awal_blok) - 1
    n_kepala = sum(
        1
        for r in range(1, ws.max_row + 1)
        if tuple(ws.cell(r, c).value for c in range(1, 5)) == KOLOM_LAMPIRAN
    )
    if sumber == "panjang":  # the long table continues with its header repeated
        assert n_kepala > len(awal_blok)


def test_no_vba_no_external_links_no_formula_cells(tmp_path: Path) -> None:
    doc = contoh("sampang")
    jab = doc.jabatan[0]
    jab.nama = '=HYPERLINK("http://x","klik")'
    jab.kinerja[0].sasaran = "+62 sasaran"
    jab.kinerja[0].indikator[0].nama = "=SUM(A1:A9)"
    jab.kinerja[0].indikator[0].sumber_data = "@sumber"
    jab.kinerja[0].indikator[0].satuan = "-%"
    doc.instansi.telepon = "+62 335 421431"
    doc.instansi.alamat = "=1+1"
    path = tulis_pengajuan(doc, tmp_path / "s.xlsx").xlsx
    with zipfile.ZipFile(path) as z:
        nama = z.namelist()
        assert not [n for n in nama if "vbaProject" in n or "externalLink" in n]
        for n in nama:
            if n.startswith("xl/worksheets/sheet"):
                xml = z.read(n).decode()
                assert "<f>" not in xml and "<f " not in xml, n
        isi = z.read("[Content_Types].xml").decode()
        assert "macroEnabled" not in isi
    wb = openpyxl.load_workbook(path)
    teks = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for sel in row:
                assert sel.data_type != "f", f"{ws.title}!{sel.coordinate}"
                if isinstance(sel.value, str):
                    teks.add(sel.value)
    assert {"=SUM(A1:A9)", "+62 sasaran", "@sumber", "-%", jab.nama} <= teks
    assert any("=1+1" in t for t in teks) and any("+62 335 421431" in t for t in teks)


def test_rekap_is_a_table_with_one_row_per_indicator(tmp_path: Path) -> None:
    doc = contoh("probolinggo")
    path = tulis_pengajuan(doc, tmp_path / "p.xlsx").xlsx
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Keputusan", "Lampiran", "Rekap", "Ringkasan"]
    ws = wb["Rekap"]
    assert list(ws.tables) == ["RekapIKI"]
    tabel = ws.tables["RekapIKI"]
    n_ind = sum(len(j.semua_indikator()) for j in doc.jabatan)
    assert tabel.ref == f"A1:{openpyxl.utils.get_column_letter(len(KOLOM_REKAP))}{n_ind + 1}"
    assert [c.value for c in ws[1]] == list(KOLOM_REKAP)
    baris = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(baris) == n_ind
    kolom = {k: i for i, k in enumerate(KOLOM_REKAP)}
    rekap = rekap_dinas(doc).baris
    for b, r in zip(baris, rekap, strict=True):
        assert b[kolom["Indikator Kinerja"]] == (r.indikator or None)
        assert b[kolom["Perangkat Daerah"]] == "Dinas Sosial Kota Probolinggo"
        if r.capaian is None:
            assert b[kolom["Capaian (%)"]] is None and b[kolom["Keterangan"]]
        else:
            assert b[kolom["Capaian (%)"]] == pytest.approx(r.capaian)
            assert b[kolom["Predikat"]] == r.predikat
    # example figures exist for these: per-quarter values arrive as numbers
    assert any(isinstance(b[kolom["Realisasi TW I"]], float) for b in baris)


def test_ringkasan_counts_and_chart(tmp_path: Path) -> None:
    doc = contoh("sampang")
    path = tulis_pengajuan(doc, tmp_path / "s.xlsx").xlsx
    rk = ringkas([rekap_dinas(doc)])
    wb = openpyxl.load_workbook(path)
    ws = wb["Ringkasan"]
    sel = {(r, c): ws.cell(r, c).value for r in range(1, ws.max_row + 1) for c in range(1, 12)}
    kepala_jenis = next(r for (r, c), v in sel.items() if v == "Jumlah jabatan per jenis jabatan")
    judul = [sel[(kepala_jenis + 1, c)] for c in range(3, 3 + len(rk.kolom_jenis) + 1)]
    assert judul == [*rk.kolom_jenis, "Jumlah"]
    angka = [sel[(kepala_jenis + 2, c)] for c in range(3, 3 + len(rk.kolom_jenis) + 1)]
    assert angka[-1] == len(doc.jabatan) == 7
    assert angka[:-1] == [rk.jabatan_per_jenis[rk.dinas[0]][j] for j in rk.kolom_jenis]
    bidang = {j.unit for j in doc.jabatan}
    assert bidang <= {v for v in sel.values() if isinstance(v, str)}
    with zipfile.ZipFile(path) as z:
        assert any(n.startswith("xl/charts/chart") for n in z.namelist())


def test_keputusan_shows_placeholders_never_invents(tmp_path: Path) -> None:
    doc = Dokumen(
        instansi=Instansi(pemerintah="Kota Contoh"),
        jabatan=[
            Jabatan(
                id="a",
                nama="Kepala",
                kinerja=[Kinerja(sasaran="S", indikator=[Indikator(nama="I")])],
            )
        ],
    )
    n = naskah_keputusan(doc.instansi)
    assert n.nama == n.nip == n.pangkat == n.pada_tanggal == KOSONG
    assert n.menimbang == (KOSONG,) and n.mengingat == (KOSONG,)
    assert f"NOMOR: {KOSONG}" in n.judul and "TAHUN …" in n.judul[3]
    path = tulis_pengajuan(doc, tmp_path / "k.xlsx").xlsx
    ws = openpyxl.load_workbook(path)["Keputusan"]
    teks = [str(v) for row in ws.iter_rows(values_only=True) for v in row if v]
    semua = "\n".join(teks)
    for kata in (
        "PEMERINTAH KOTA CONTOH",
        "Menimbang",
        "Mengingat",
        "MEMUTUSKAN:",
        "Menetapkan",
        "KESATU",
        "KEDUA",
        "KETIGA",
        "KEEMPAT",
        "Ditetapkan di",
        "Pada tanggal",
        f"NIP. {KOSONG}",
    ):
        assert kata in semua, kata
    assert semua.count(KOSONG) >= 8


def test_pemda_merges_rekap_and_ringkasan_with_dinas_column(tmp_path: Path) -> None:
    docs = [contoh("probolinggo"), contoh("sampang")]
    keluar, rk = tulis_pengajuan_pemda((rekap_dinas(d) for d in docs), tmp_path / "pemda.xlsx")
    wb = openpyxl.load_workbook(keluar.xlsx)
    assert wb.sheetnames == ["Ringkasan", "Rekap"]
    dinas = [r[1] for r in wb["Rekap"].iter_rows(min_row=2, values_only=True)]
    assert dinas.count("Dinas Sosial Kota Probolinggo") == 40
    assert len(dinas) == 40 + 22
    assert rk.dinas == ["Dinas Sosial Kota Probolinggo", rekap_dinas(docs[1]).dinas]
    nomor = [r[0] for r in wb["Rekap"].iter_rows(min_row=2, values_only=True)]
    assert nomor == list(range(1, 63))


def test_konsolidasi_skips_a_broken_input_and_strict_refuses(tmp_path: Path) -> None:
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"bukan workbook")
    asli = rusak.read_bytes()
    masukan = [CONTOH / "sampang.yaml", rusak, CONTOH / "probolinggo.yaml"]
    lap = konsolidasi(masukan, tmp_path / "pemda.xlsx")
    assert lap.keluaran is not None and lap.keluaran.xlsx.is_file()
    assert [m.sumber.name for m in lap.dilewati] == ["rusak.xlsx"]
    assert [m.jabatan for m in lap.masukan if not m.dilewati] == [7, 15]
    assert rusak.read_bytes() == asli  # inputs are never modified
    tolak = konsolidasi(masukan, tmp_path / "ketat.xlsx", ketat=True)
    assert tolak.ditolak and tolak.keluaran is None
    assert not (tmp_path / "ketat.xlsx").exists()
    assert not list(tmp_path.glob(".ketat*"))  # no temporary file left behind


def test_one_input_is_the_full_submission_and_strict_refuses_galat(tmp_path: Path) -> None:
    lap = konsolidasi([CONTOH / "sampang.yaml"], tmp_path / "s.xlsx")
    assert lap.keluaran is not None
    assert openpyxl.load_workbook(lap.keluaran.xlsx).sheetnames[:2] == ["Keputusan", "Lampiran"]
    assert lap.galat > 0  # the Sampang example keeps its real defects
    tolak = konsolidasi([CONTOH / "sampang.yaml"], tmp_path / "t.xlsx", ketat=True)
    assert tolak.ditolak and not (tmp_path / "t.xlsx").exists()


def test_row_height_estimate_wraps_words() -> None:
    assert jumlah_baris("", 10) == 1
    assert jumlah_baris("a\nb\nc", 30) == 3
    assert jumlah_baris("kata " * 40, 30) > jumlah_baris("kata " * 40, 60) > 1
    assert jumlah_baris("x" * 100, 20) >= 5  # one long word breaks inside itself


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(doc=dokumen())
def test_any_document_writes_and_reads_back(tmp_path: Path, doc: Dokumen) -> None:
    doc = lengkapi(doc)
    path = tulis_pengajuan(doc, tmp_path / "h.xlsx").xlsx
    wb = openpyxl.load_workbook(path)
    blok = lampiran_terbaca(path)
    assert len(blok) == len(doc.jabatan) == len(blok_lampiran(doc))
    n_ind = sum(len(j.semua_indikator()) for j in doc.jabatan)
    assert wb["Rekap"].max_row == max(n_ind, 1) + 1
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for sel in row:
                assert sel.data_type != "f"

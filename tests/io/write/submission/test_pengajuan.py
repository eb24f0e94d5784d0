"""The submission workbook as a whole, read back with independent readers (openpyxl,
zipfile): values only, any document, and the Pemda's merged Rekap and Ringkasan."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings

from iki_xl.core.formulasi import complete
from iki_xl.core.lampiran import lampiran_blocks
from iki_xl.core.model import Dokumen
from iki_xl.core.rekap import REKAP_COLUMNS, dinas_rekap
from iki_xl.io.write.submission import write_pemda_rekap, write_pengajuan
from tests.io.conftest import contoh
from tests.io.write.submission.read_back import read_lampiran
from tests.strategies import dokumen


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
    path = write_pengajuan(doc, tmp_path / "s.xlsx").xlsx
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        assert not [n for n in names if "vbaProject" in n or "externalLink" in n]
        for n in names:
            if n.startswith("xl/worksheets/sheet"):
                xml = z.read(n).decode()
                assert "<f>" not in xml and "<f " not in xml, n
        assert "macroEnabled" not in z.read("[Content_Types].xml").decode()
    wb = openpyxl.load_workbook(path)
    texts = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate}"
                if isinstance(cell.value, str):
                    texts.add(cell.value)
    assert {"=SUM(A1:A9)", "+62 sasaran", "@sumber", "-%", jab.nama} <= texts
    assert any("=1+1" in t for t in texts) and any("+62 335 421431" in t for t in texts)


def test_pemda_merges_rekap_and_ringkasan_with_dinas_column(tmp_path: Path) -> None:
    docs = [contoh("probolinggo"), contoh("sampang")]
    written, rk = write_pemda_rekap((dinas_rekap(d) for d in docs), tmp_path / "pemda.xlsx")
    wb = openpyxl.load_workbook(written.xlsx)
    assert wb.sheetnames == ["Ringkasan", "Rekap"]
    column = REKAP_COLUMNS.index("Perangkat Daerah")
    dinas = [r[column] for r in wb["Rekap"].iter_rows(min_row=2, values_only=True)]
    assert dinas.count("Dinas Sosial Kota Probolinggo") == 40
    assert len(dinas) == 40 + 22
    assert rk.dinas == ["Dinas Sosial Kota Probolinggo", dinas_rekap(docs[1]).dinas]
    numbers = [r[0] for r in wb["Rekap"].iter_rows(min_row=2, values_only=True)]
    assert numbers == list(range(1, 63))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(doc=dokumen())
def test_any_document_writes_and_reads_back(tmp_path: Path, doc: Dokumen) -> None:
    doc = complete(doc)
    path = write_pengajuan(doc, tmp_path / "h.xlsx").xlsx
    wb = openpyxl.load_workbook(path)
    blocks = read_lampiran(path)
    assert len(blocks) == len(doc.jabatan) == len(lampiran_blocks(doc))
    n_rows = len(dinas_rekap(doc).rows)  # one per indicator, one per jabatan without any
    assert wb["Rekap"].max_row == max(n_rows, 1) + 1
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f"

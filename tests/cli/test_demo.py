"""`make demo`: the main job end to end on the bundled Probolinggo example."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from iki_xl.core.capaian import INCOMPLETE
from iki_xl.core.keputusan import CONTOH_MARK
from iki_xl.io.pdf import find_soffice, page_texts
from iki_xl.io.read.workbook import read_workbook


@pytest.mark.slow
def test_demo_writes_workbook_report_submission(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "iki_xl", "demo", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert "15 jabatan, 40 indikator" in r.stdout
    assert "CONTOH" in r.stdout
    workbook = tmp_path / "IKI_Probolinggo.xlsm"
    with zipfile.ZipFile(workbook) as z:
        assert "xl/vbaProject.bin" in z.namelist()
    doc = read_workbook(workbook).dokumen
    assert len(doc.jabatan) == 15
    assert doc.instansi.nomor_keputusan.startswith("CONTOH")
    assert (tmp_path / "IKI_Probolinggo - Hasil Validasi.xlsx").stat().st_size > 0
    assert (tmp_path / "IKI_Probolinggo - Pengajuan.xlsx").stat().st_size > 0
    if find_soffice() is not None:
        assert (tmp_path / "IKI_Probolinggo - Pengajuan.pdf").read_bytes().startswith(b"%PDF")
    assert "Validasi:" in r.stdout and "galat" in r.stdout
    # the quarterly report of TW II: capaian to date, and no predikat for a year still running
    laporan = tmp_path / "IKI_Probolinggo - Laporan TW II.xlsx"
    grid = CalamineWorkbook.from_path(str(laporan)).get_sheet_by_name("Laporan TW II").to_python()
    header = grid[4]
    body = [line for line in grid[5:] if line[0] != ""]
    assert len(body) == 40
    assert {line[header.index("Predikat")] for line in body} == {INCOMPLETE}
    capaian = [line[header.index("Capaian s.d. TW II (%)")] for line in body]
    assert sum(isinstance(c, float) for c in capaian) >= 30
    assert (tmp_path / "IKI_Probolinggo - Pengajuan.docx").stat().st_size > 0
    _assert_contoh_everywhere(tmp_path, doc.instansi.contoh)


def _assert_contoh_everywhere(out: Path, keterangan: str) -> None:
    """The example figures survive the workbook round trip (Instansi sheet) and every sheet
    that shows them says CONTOH: each jabatan sheet of the planner workbook, and every page
    of the submission (the Rekap and Ringkasan hold the figures)."""
    assert keterangan.startswith("CONTOH")
    planner = openpyxl.load_workbook(out / "IKI_Probolinggo.xlsm")
    jabatan = [ws for ws in planner.worksheets if ws.sheet_state == "visible"][2:-1]
    assert len(jabatan) == 15
    for ws in jabatan:
        assert CONTOH_MARK in (ws.oddHeader.center.text or ""), ws.title
        assert ws["A2"].value == CONTOH_MARK, ws.title
    submission = openpyxl.load_workbook(out / "IKI_Probolinggo - Pengajuan.xlsx")
    for ws in submission.worksheets:
        assert CONTOH_MARK in (ws.oddHeader.center.text or ""), ws.title
    word = docx.Document(str(out / "IKI_Probolinggo - Pengajuan.docx"))
    assert CONTOH_MARK in word.sections[0].header.paragraphs[0].text
    pdf = out / "IKI_Probolinggo - Pengajuan.pdf"
    if pdf.exists():
        pages = page_texts(pdf)
        rekap = [p for p in pages if "Rekap IKI" in p]
        assert rekap and all(CONTOH_MARK in p for p in pages)

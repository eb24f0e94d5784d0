"""`make demo`: the main job end to end on the bundled Probolinggo example."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from iki_xl.io.pdf import find_soffice
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

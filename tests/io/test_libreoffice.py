"""LibreOffice (headless) opens a written workbook and prints it to PDF; page images are
rendered for a human look (they land in the test's tmp dir)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from iki_xl.io.pdf import ke_pdf, ke_png, teks_halaman
from iki_xl.io.writer import tulis_workbook
from tests.io.conftest import contoh


def _perlu(program: str) -> None:
    if shutil.which(program) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{program} is required in CI (.ci/run installs it)")
        pytest.skip(f"{program} not installed")


@pytest.mark.slow
def test_libreoffice_cetak_pdf(tmp_path: Path) -> None:
    _perlu("soffice")
    _perlu("pdftoppm")
    doc = contoh("sampang")
    xlsx = tmp_path / "sampang.xlsx"
    tulis_workbook(doc, xlsx)
    pdf = ke_pdf(xlsx, tmp_path)
    halaman = teks_halaman(pdf)
    semua = "\n".join(halaman)
    assert "PETUNJUK PENGISIAN" in halaman[0]
    assert "PROFIL INSTANSI" in semua
    for jab in doc.jabatan:
        assert jab.nama in semua
    assert "Sangat Tinggi" in semua  # a cached predikat, shown without recalculation
    assert "#NAME?" not in semua and "Err:" not in semua
    for i in (1, 3):
        png = ke_png(pdf, tmp_path / f"halaman-{i}", halaman=i)
        assert png.stat().st_size > 5000

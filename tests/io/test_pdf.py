"""LibreOffice (headless) opens a written workbook and prints it to PDF; page images are
rendered for a human look (they land in the test's tmp dir)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from iki_xl.io.pdf import page_texts, to_pdf, to_png
from iki_xl.io.write.workbook import write_workbook
from tests.io.conftest import contoh


def _require(program: str) -> None:
    if shutil.which(program) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{program} is required in CI (.ci/run installs it)")
        pytest.skip(f"{program} not installed")


@pytest.mark.slow
def test_libreoffice_prints_the_planner_workbook(tmp_path: Path) -> None:
    _require("soffice")
    _require("pdftoppm")
    doc = contoh("sampang")
    xlsx = tmp_path / "sampang.xlsx"
    write_workbook(doc, xlsx)
    pdf = to_pdf(xlsx, tmp_path)
    pages = page_texts(pdf)
    everything = "\n".join(pages)
    assert "PETUNJUK PENGISIAN" in pages[0]
    assert "PROFIL INSTANSI" in everything
    for jab in doc.jabatan:
        assert jab.nama in everything
    assert "Sangat Tinggi" in everything  # a cached predikat, shown without recalculation
    # LibreOffice recalculates array formulas on load, always, and has no IKI functions:
    # exactly the four Nilai TW cells of each indicator (one array) show #NAME?; every
    # other computed cell keeps its cached value
    indikator = sum(len(j.semua_indikator()) for j in doc.jabatan)
    explained = everything.count("#NAME? berarti")  # the Petunjuk tells what #NAME? means
    assert explained == 1
    assert everything.count("#NAME?") - explained == 4 * indikator
    assert "Err:" not in everything
    for i in (1, 3):
        png = to_png(pdf, tmp_path / f"halaman-{i}", page=i)
        assert png.stat().st_size > 5000

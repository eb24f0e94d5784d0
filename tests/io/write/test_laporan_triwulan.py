"""The Laporan Capaian Kinerja Triwulan as written: read back by calamine, printed by
LibreOffice with the header on every page and the chart below its table."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from iki_xl.core.triwulan import triwulan_report
from iki_xl.io.pdf import page_texts, to_pdf
from iki_xl.io.write.laporan_triwulan import write_laporan_triwulan
from tests.io.conftest import contoh
from tests.io.test_pdf import _require


def _write(tmp: Path, *names: str, q: int = 2) -> tuple[Path, object]:
    report = triwulan_report([(contoh(n), None) for n in names], q)
    path = write_laporan_triwulan(report, tmp / "laporan.xlsx", scope="Dinas Contoh")
    return path, report


def test_one_row_per_indicator_values_as_computed(tmp_path: Path) -> None:
    path, report = _write(tmp_path, "probolinggo")
    wb = CalamineWorkbook.from_path(str(path))
    assert wb.sheet_names == ["Laporan TW II", "Capaian per Bidang"]
    grid = wb.get_sheet_by_name("Laporan TW II").to_python()
    assert grid[0][0] == report.title
    header = grid[4]
    assert header[:3] == ["No", "Jabatan", "Indikator Kinerja"]  # no Perangkat Daerah column
    body = grid[5:]
    assert len(body) == len(report.rows)
    capaian = header.index("Capaian s.d. TW II (%)")
    for line, row in zip(body, report.rows, strict=True):
        assert line[2] == row.indikator
        expected = row.capaian if row.capaian is not None else row.keterangan
        assert line[capaian] == (pytest.approx(expected) if row.capaian is not None else expected)
    # values only: no formula anywhere
    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any("<f>" in z.read(n).decode() for n in sheets)
        assert any(n.startswith("xl/charts/chart") for n in z.namelist())


def test_a_pemda_report_names_each_perangkat_daerah(tmp_path: Path) -> None:
    path, report = _write(tmp_path, "probolinggo", "sampang")
    grid = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Laporan TW II").to_python()
    assert grid[4][1] == "Perangkat Daerah"
    assert len({line[1] for line in grid[5:]}) == 2
    bidang = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Capaian per Bidang")
    rows = bidang.to_python()[5:]
    assert len(rows) == len(report.per_bidang())


@pytest.mark.slow
def test_printed_landscape_with_the_header_on_every_page(tmp_path: Path) -> None:
    _require("soffice")
    _require("pdftotext")
    path, report = _write(tmp_path, "probolinggo", "sampang")
    pages = page_texts(to_pdf(path, tmp_path))
    table_pages = [p for p in pages if "Capaian per Bidang" not in p and "Indikator Kinerja" in p]
    assert len(table_pages) >= 2
    for page in table_pages:
        assert "Penghambat" in page and "Tindak Lanjut" in page  # the header row, repeated
    # a wrapped cell's lines interleave with its neighbours' in the text: compare words (a
    # word longer than the column is broken across lines: its start)
    text = "\n".join(pages)
    for row in report.rows:
        for word in re.findall(r"\w+", row.indikator):
            assert word[:12] in text, (word, row.indikator)
    assert "Rata-rata capaian s.d. TW II per bidang" in re.sub(r"\s+", " ", "".join(pages))


@pytest.mark.parametrize("pemda", [True, False])
def test_columns_fit_a4_landscape_at_100_percent(pemda: bool) -> None:
    from iki_xl.io.write.laporan_triwulan import _columns
    from iki_xl.io.write.printed_table import SIZE
    from iki_xl.io.write.submission.pages import A4_LONG, MARGINS, column_width_pt

    printable = A4_LONG - (MARGINS["left"] + MARGINS["right"]) * 72
    assert sum(column_width_pt(w) for _, w, _ in _columns(pemda)) <= printable
    assert SIZE >= 8

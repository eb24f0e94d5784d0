"""The Ringkasan sheet: the counts per jenis jabatan and bidang, and its chart."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from iki_xl.core.rekap import dinas_rekap, summarize
from iki_xl.io.write.submission import write_pengajuan
from tests.io.conftest import contoh


def test_ringkasan_counts_and_chart(tmp_path: Path) -> None:
    doc = contoh("sampang")
    path = write_pengajuan(doc, tmp_path / "s.xlsx").xlsx
    rk = summarize([dinas_rekap(doc)])
    ws = openpyxl.load_workbook(path)["Ringkasan"]
    cells = {(r, c): ws.cell(r, c).value for r in range(1, ws.max_row + 1) for c in range(1, 12)}
    jenis_header = next(r for (r, c), v in cells.items() if v == "Jumlah jabatan per jenis jabatan")
    titles = [cells[(jenis_header + 1, c)] for c in range(3, 3 + len(rk.jenis_columns) + 1)]
    assert titles == [*rk.jenis_columns, "Jumlah"]
    counts = [cells[(jenis_header + 2, c)] for c in range(3, 3 + len(rk.jenis_columns) + 1)]
    assert counts[-1] == len(doc.jabatan) == 7
    assert counts[:-1] == [rk.jabatan_per_jenis[rk.dinas[0]][j] for j in rk.jenis_columns]
    bidang = {j.unit for j in doc.jabatan}
    assert bidang <= {v for v in cells.values() if isinstance(v, str)}
    with zipfile.ZipFile(path) as z:
        assert any(n.startswith("xl/charts/chart") for n in z.namelist())

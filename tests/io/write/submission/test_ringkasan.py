"""The Ringkasan sheet: the counts per jenis jabatan and bidang, and its chart."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import openpyxl
import pytest

from iki_xl.core.rekap import dinas_rekap, summarize
from iki_xl.io.text_height import DEFAULT_SIZE, text_height
from iki_xl.io.write.submission import write_pemda_rekap, write_pengajuan
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


def chart_anchor(path: Path) -> tuple[int, int, int, int]:
    """The chart's (first row, first column, last row, last column), 0-based, as stored."""
    with zipfile.ZipFile(path) as z:
        drawings = [n for n in z.namelist() if n.startswith("xl/drawings/drawing")]
        assert len(drawings) == 1
        xml = z.read(drawings[0]).decode()
    ns = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
    anchor = ET.fromstring(xml)[0]
    where = {}
    for part in ("from", "to"):
        el = anchor.find(f"{ns}{part}")
        assert el is not None
        where[part] = (int(el.findtext(f"{ns}row") or 0), int(el.findtext(f"{ns}col") or 0))
    return (*where["from"], *where["to"])


@pytest.mark.parametrize("pemda", [False, True])
def test_chart_covers_no_filled_cell_and_long_names_wrap(tmp_path: Path, pemda: bool) -> None:
    docs = [contoh("probolinggo"), contoh("sampang")]
    if pemda:
        path = write_pemda_rekap((dinas_rekap(d) for d in docs), tmp_path / "p.xlsx")[0].xlsx
    else:
        path = write_pengajuan(docs[1], tmp_path / "s.xlsx").xlsx
    r0, c0, r1, c1 = chart_anchor(path)
    ws = openpyxl.load_workbook(path)["Ringkasan"]
    filled = [
        (c.row - 1, c.column - 1)
        for row in ws.iter_rows()
        for c in row
        if c.value not in (None, "")
    ]
    inside = [(r, c) for r, c in filled if r0 <= r <= r1 and c0 <= c <= c1]
    assert not inside, inside
    assert r0 > max(r for r, _ in filled)  # under every table
    # the Dinas names wrap inside their cells: each row is as tall as its name needs
    names = {dinas_rekap(d).dinas for d in docs}
    checked = 0
    for cell in (c for row in ws.iter_rows(min_row=5, max_col=1) for c in row):  # the tables
        if cell.value in names:
            checked += 1
            merged = next((m for m in ws.merged_cells.ranges if cell.coordinate in m), None)
            columns = range(1, (merged.max_col if merged else 1) + 1)
            width = sum(
                ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in columns
            )
            needed = text_height(cell.value, width - 0.72 * len(columns), DEFAULT_SIZE)
            height = ws.row_dimensions[cell.row].height or 15  # not stored: the default
            assert height >= needed - 0.01, cell.coordinate
            assert cell.alignment.wrap_text
    assert checked >= (8 if pemda else 4)

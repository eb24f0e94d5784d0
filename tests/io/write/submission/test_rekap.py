"""The Rekap sheet: one Excel table, one row per indicator, values as numbers."""

from __future__ import annotations

import itertools
from pathlib import Path

import openpyxl
import pytest

from iki_xl.core.model import Dokumen, Indikator, Jabatan, Kinerja, RentangTarget
from iki_xl.core.rekap import REKAP, REKAP_COLUMNS, dinas_rekap
from iki_xl.io.write.submission import write_pengajuan
from iki_xl.io.write.submission.pages import A4_LONG, MARGINS
from tests.io.conftest import contoh


def test_rekap_is_a_table_with_one_row_per_indicator(tmp_path: Path) -> None:
    doc = contoh("probolinggo")
    path = write_pengajuan(doc, tmp_path / "p.xlsx").xlsx
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Keputusan", "Lampiran", "Rekap", "Ringkasan"]
    ws = wb["Rekap"]
    assert list(ws.tables) == ["RekapIKI"]
    table = ws.tables["RekapIKI"]
    n_ind = sum(len(j.semua_indikator()) for j in doc.jabatan)
    assert table.ref == f"A1:{openpyxl.utils.get_column_letter(len(REKAP_COLUMNS))}{n_ind + 1}"
    assert [c.value for c in ws[1]] == list(REKAP_COLUMNS)
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == n_ind
    column = {k: i for i, k in enumerate(REKAP_COLUMNS)}
    rekap = dinas_rekap(doc).rows
    for b, r in zip(rows, rekap, strict=True):
        assert b[column["Indikator Kinerja"]] == (r.indikator or None)
        assert b[column["Perangkat Daerah"]] == "Dinas Sosial Kota Probolinggo"
        if r.capaian is None:
            assert b[column["Capaian (%)"]] is None and b[column["Keterangan"]]
        else:
            assert b[column["Capaian (%)"]] == pytest.approx(r.capaian)
            assert b[column["Predikat"]] == r.predikat
    # example figures exist for these: per-quarter values arrive as numbers
    assert any(isinstance(b[column["Realisasi TW I"]], float) for b in rows)


def test_a_target_band_is_printed_in_indonesian_notation(tmp_path: Path) -> None:
    """The one number formatter: thousands with '.', decimals with ','."""
    ind = Indikator(nama="Indeks", target=RentangTarget(bawah=1234.5, atas=2000))
    doc = Dokumen(jabatan=[Jabatan(id="a", nama="A", kinerja=[Kinerja(indikator=[ind])])])
    ws = openpyxl.load_workbook(write_pengajuan(doc, tmp_path / "b.xlsx").xlsx)["Rekap"]
    assert ws.cell(2, REKAP_COLUMNS.index("Target") + 1).value == "1.234,5–2.000"


@pytest.mark.parametrize("nama", ["probolinggo", "sampang"])
def test_rekap_prints_at_100_percent_in_parts_that_fit_a4_landscape(
    tmp_path: Path, nama: str
) -> None:
    """Each printed part (the key columns, then the columns up to the next vertical break)
    fits the A4 landscape width at 100 %; the header row and the key columns repeat."""
    ws = openpyxl.load_workbook(write_pengajuan(contoh(nama), tmp_path / "r.xlsx").xlsx)["Rekap"]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert not ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.scale in (None, 100)
    assert ws.print_title_rows == "$1:$1"
    keys = [k.title for k in REKAP if k.key]
    assert ws.print_title_cols == f"$A:${openpyxl.utils.get_column_letter(len(keys))}"
    width: dict[int, float] = {}  # printed points of each column (openpyxl groups equal ones)
    hidden: set[int] = set()
    for dim in ws.column_dimensions.values():
        for i in range(dim.min - 1, dim.max):
            width[i] = dim.width * 7 * 0.75  # stored width: pixels / 7 (padding included)
            if dim.hidden:
                hidden.add(i)
    assert sorted(width) == list(range(len(REKAP)))
    assert {REKAP[i].title for i in hidden} == {"Perangkat Daerah"}  # one Dinas: in the title
    breaks = [b.id for b in ws.col_breaks.brk]  # a break after column id (1-based)
    assert len(breaks) >= 1
    bounds = [len(keys), *breaks, len(REKAP)]
    key_pt = sum(width[i] for i in range(len(keys)))
    room = A4_LONG - (MARGINS["left"] + MARGINS["right"]) * 72
    for a, b in itertools.pairwise(bounds):
        part = [i for i in range(a, b) if i not in hidden]
        assert part, (a, b)
        assert key_pt + sum(width[i] for i in part) <= room
    fonts = {ws.cell(r, c).font.sz for r in range(1, ws.max_row + 1) for c in range(1, 4)}
    assert fonts == {9}

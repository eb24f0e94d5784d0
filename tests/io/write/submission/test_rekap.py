"""The Rekap sheet: one Excel table, one row per indicator, values as numbers."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from iki_xl.core.model import Dokumen, Indikator, Jabatan, Kinerja, RentangTarget
from iki_xl.core.rekap import REKAP_COLUMNS, dinas_rekap
from iki_xl.io.write.submission import write_pengajuan
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

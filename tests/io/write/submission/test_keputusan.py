"""The Keputusan sheet: every part of the decree, placeholders where the planner has not
filled a field, nothing invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from iki_xl.core.keputusan import PLACEHOLDER, keputusan_text
from iki_xl.core.model import Dokumen, Indikator, Instansi, Jabatan, Kinerja
from iki_xl.io import interchange
from iki_xl.io.read.grid import text
from iki_xl.io.write.submission import write_pengajuan


def test_keputusan_shows_placeholders_never_invents(tmp_path: Path) -> None:
    doc = Dokumen(
        instansi=Instansi(pemerintah="Kota Contoh"),
        jabatan=[
            Jabatan(
                id="a",
                nama="Kepala",
                kinerja=[Kinerja(sasaran="S", indikator=[Indikator(nama="I")])],
            )
        ],
    )
    n = keputusan_text(doc.instansi)
    assert n.nama == n.nip == n.pangkat == n.pada_tanggal == PLACEHOLDER
    assert n.menimbang == (PLACEHOLDER,) and n.mengingat == (PLACEHOLDER,)
    assert f"NOMOR: {PLACEHOLDER}" in n.judul and "TAHUN …" in n.judul[3]
    path = write_pengajuan(doc, tmp_path / "k.xlsx").xlsx
    ws = openpyxl.load_workbook(path)["Keputusan"]
    texts = [str(v) for row in ws.iter_rows(values_only=True) for v in row if v]
    everything = "\n".join(texts)
    for word in (
        "PEMERINTAH KOTA CONTOH",
        "Menimbang",
        "Mengingat",
        "MEMUTUSKAN:",
        "Menetapkan",
        "KESATU",
        "KEDUA",
        "KETIGA",
        "KEEMPAT",
        "Ditetapkan di",
        "Pada tanggal",
        f"NIP. {PLACEHOLDER}",
    ):
        assert word in everything, word
    assert everything.count(PLACEHOLDER) >= 8


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("2024-01-02", "2 Januari 2024"),  # how a program writes a date
        ("2024-12-31T00:00:00", "31 Desember 2024"),  # a date cell read as text
        ("2 Januari 2024", "2 Januari 2024"),
        ("awal Januari 2024", "awal Januari 2024"),  # the planner's own words stay
        ("2024-02-30", "2024-02-30"),  # no such date: as written
    ],
)
def test_dates_print_in_indonesian(written: str, printed: str) -> None:
    n = keputusan_text(Instansi(tanggal_keputusan=written))
    assert n.pada_tanggal == printed
    assert ("TANGGAL", printed) in n.lampiran


def test_a_date_cell_and_a_yaml_date_read_as_indonesian(tmp_path: Path) -> None:
    assert text(dt.date(2024, 1, 2)) == "2 Januari 2024"
    assert text(dt.datetime(2025, 8, 17)) == "17 Agustus 2025"
    path = tmp_path / "d.yaml"
    path.write_text("instansi:\n  tanggal_keputusan: 2024-01-02\n", encoding="utf-8")
    assert interchange.load(path).instansi.tanggal_keputusan == "2 Januari 2024"


def test_signature_block_is_never_split_by_a_page_break(tmp_path: Path) -> None:
    """Whatever the length of Menimbang and Mengingat, no page break falls inside the rows
    from the last diktum to the NIP."""
    for n in range(0, 30, 3):
        doc = Dokumen(instansi=Instansi(mengingat=[f"Peraturan nomor {i} " * 6 for i in range(n)]))
        ws = openpyxl.load_workbook(write_pengajuan(doc, tmp_path / f"k{n}.xlsx").xlsx)["Keputusan"]
        rows = {str(c.value): c.row for row in ws.iter_rows() for c in row if c.value}
        first = rows["KEEMPAT"]
        last = next(r for t, r in rows.items() if t.startswith("NIP."))
        breaks = [b.id for b in ws.row_breaks.brk]  # a break after row id (1-based)
        assert not [b for b in breaks if first <= b < last], (n, breaks, first, last)

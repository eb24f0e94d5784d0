"""The Keputusan sheet: every part of the decree, placeholders where the planner has not
filled a field, nothing invented."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from iki_xl.core.keputusan import PLACEHOLDER, keputusan_text
from iki_xl.core.model import Dokumen, Indikator, Instansi, Jabatan, Kinerja
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

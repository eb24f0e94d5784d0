"""`make demo` / `iki-xl demo`: the main job on the bundled Probolinggo example.

Build the planner's workbook (the template filled with the 15 jabatan, with the example
targets and realisations, labelled CONTOH), validate it as the ribbon's Validasi would,
consolidate it into the submission, print that to PDF when LibreOffice is present, and say
where every file is.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from iki_xl.core.findings import Keparahan, hitung_keparahan
from iki_xl.core.formulasi import lengkapi
from iki_xl.io import interchange
from iki_xl.io.laporan import periksa_berkas, tulis_laporan
from iki_xl.io.pdf import cari_soffice
from iki_xl.io.submission import tulis_pengajuan
from iki_xl.io.writer import tulis_workbook

CONTOH = Path(__file__).parent / "data" / "contoh"


def jalankan_demo(out_dir: Path, console: Console, *, contoh: str = "probolinggo") -> int:
    data, angka = CONTOH / f"{contoh}.yaml", CONTOH / f"{contoh}-contoh.yaml"
    doc = interchange.terapkan_contoh(lengkapi(interchange.muat(data)), angka)
    n_ind = sum(len(j.semua_indikator()) for j in doc.jabatan)
    console.print(
        f"[bold]{doc.instansi.nama} {doc.instansi.pemerintah}[/]: {len(doc.jabatan)} jabatan, "
        f"{n_ind} indikator (dari {data.name}; target dan realisasi dari {angka.name}: "
        "[yellow]CONTOH, angka rekaan[/])"
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"IKI_{contoh.capitalize()}"

    workbook = out_dir / f"{stem}.xlsm"
    with console.status("Menulis workbook (templat + data)…"):
        tulis_workbook(doc, workbook)

    with console.status("Validasi…"):
        temuan, urutan = periksa_berkas(workbook)
        laporan = out_dir / f"{stem} - Hasil Validasi.xlsx"
        tulis_laporan(laporan, temuan, sumber=workbook, urutan_sheet=urutan)
    jumlah = hitung_keparahan(temuan)
    console.print(
        f"Validasi: [red]{jumlah[Keparahan.GALAT]} galat[/], "
        f"[yellow]{jumlah[Keparahan.PERINGATAN]} peringatan[/], {jumlah[Keparahan.INFO]} info"
    )
    contoh_temuan = Table("kode", "tingkat", "lokasi", "pesan", show_lines=False, box=None)
    for t in [t for t in temuan if t.keparahan is Keparahan.GALAT][:5]:
        contoh_temuan.add_row(t.kode, str(t.keparahan), f"{t.sheet}!{t.sel}", t.pesan)
    if contoh_temuan.row_count:
        console.print(contoh_temuan)

    cetak = cari_soffice() is not None
    with console.status("Konsolidasi" + (" dan cetak PDF (LibreOffice)…" if cetak else "…")):
        hasil = tulis_pengajuan(
            doc,
            out_dir / f"{stem} - Pengajuan.xlsx",
            temuan=temuan,
            pdf=cetak,
            sumber=workbook.name,
        )

    berkas = Table("berkas", "isi", title="Berkas keluaran", title_justify="left")
    berkas.add_row(str(workbook), "workbook perencana (makro, pita IKI, fungsi IKI_…)")
    berkas.add_row(str(laporan), "Hasil Validasi: setiap temuan dengan tautan ke selnya")
    berkas.add_row(str(hasil.xlsx), "pengajuan: Keputusan, Lampiran, Rekap, Ringkasan")
    if hasil.pdf is not None:
        berkas.add_row(str(hasil.pdf), "pengajuan dalam PDF")
    else:
        berkas.add_row("(PDF)", "dilewati: LibreOffice (soffice) tidak terpasang")
    console.print(berkas)
    return 0

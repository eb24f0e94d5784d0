"""`make demo` / `iki-xl demo`: the main job on the bundled Probolinggo example.

Build the planner's workbook (the template filled with the 15 jabatan, with the example
targets and realisations, labelled CONTOH), validate it as the ribbon's Validasi would,
consolidate it into the submission (and its Word document), write the Laporan Capaian
Kinerja Triwulan II, print to PDF when LibreOffice is present, and say where every file is.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from iki_xl.app.check import check_file
from iki_xl.app.laporan import write_laporan_docs
from iki_xl.app.new_workbook import write_new_workbook
from iki_xl.core.findings import Severity, count_by_severity
from iki_xl.core.formulasi import complete
from iki_xl.io import interchange
from iki_xl.io.pdf import find_soffice
from iki_xl.io.write.report import write_report
from iki_xl.io.write.submission import write_pengajuan

CONTOH = Path(__file__).resolve().parents[1] / "data" / "contoh"
DEMO_TRIWULAN = 2  # the quarterly report the demo writes: mid-year, the year incomplete


def run_demo(out_dir: Path, console: Console, *, contoh: str = "probolinggo") -> int:
    data, figures = CONTOH / f"{contoh}.yaml", CONTOH / f"{contoh}-contoh.yaml"
    doc = interchange.apply_contoh(complete(interchange.load(data)), figures)
    n_indikator = sum(len(j.semua_indikator()) for j in doc.jabatan)
    console.print(
        f"[bold]{doc.instansi.nama} {doc.instansi.pemerintah}[/]: {len(doc.jabatan)} jabatan, "
        f"{n_indikator} indikator (dari {data.name}; target dan realisasi dari {figures.name}: "
        "[yellow]CONTOH, angka rekaan[/])",
        markup=True,
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"IKI_{contoh.capitalize()}"

    workbook = out_dir / f"{stem}.xlsm"
    with console.status("Menulis workbook (templat + data)…"):
        write_new_workbook(doc, workbook)

    with console.status("Validasi…"):
        checked = check_file(workbook)
        report = out_dir / f"{stem} - Hasil Validasi.xlsx"
        write_report(report, checked.findings, source=workbook, sheet_order=checked.sheet_order)
    counts = count_by_severity(checked.findings)
    console.print(
        f"Validasi: [red]{counts[Severity.GALAT]} galat[/], "
        f"[yellow]{counts[Severity.PERINGATAN]} peringatan[/], {counts[Severity.INFO]} info"
    )
    galat = Table("kode", "tingkat", "lokasi", "pesan", show_lines=False, box=None)
    for f in [f for f in checked.findings if f.severity is Severity.GALAT][:5]:
        galat.add_row(f.code, str(f.severity), f"{f.sheet}!{f.cell}", f.message)
    if galat.row_count:
        console.print(galat)

    printing = find_soffice() is not None
    with console.status("Konsolidasi" + (" dan cetak PDF (LibreOffice)…" if printing else "…")):
        written = write_pengajuan(
            checked.dokumen,
            out_dir / f"{stem} - Pengajuan.xlsx",
            findings=checked.findings,
            pdf=printing,
            docx=True,
            sumber=workbook.name,
        )

    with console.status("Laporan Capaian Kinerja Triwulan II…"):
        laporan = write_laporan_docs(
            [(checked.dokumen, None)],
            out_dir / f"{stem} - Laporan TW II.xlsx",
            DEMO_TRIWULAN,
            pdf=printing,
        )

    files = Table("berkas", "isi", title="Berkas keluaran", title_justify="left")
    files.add_row(str(workbook), "workbook perencana (makro, pita IKI, fungsi IKI_…)")
    files.add_row(str(report), "Hasil Validasi: setiap temuan dengan tautan ke selnya")
    draf = f" (DRAF: masih ada {written.galat} galat)" if written.galat else ""
    files.add_row(str(written.xlsx), f"pengajuan: Keputusan, Lampiran, Rekap, Ringkasan{draf}")
    if written.docx is not None:
        files.add_row(str(written.docx), "Keputusan dan Lampiran dalam Word, untuk disunting")
    if written.pdf is not None:
        files.add_row(str(written.pdf), "pengajuan dalam PDF")
    files.add_row(
        str(laporan.xlsx), "Laporan Capaian Kinerja Triwulan II: capaian s.d. TW II, faktor"
    )
    if laporan.pdf is not None:
        files.add_row(str(laporan.pdf), "laporan triwulan dalam PDF")
    if not printing:
        files.add_row("(PDF)", "dilewati: LibreOffice (soffice) tidak terpasang")
    console.print(files)
    return 0

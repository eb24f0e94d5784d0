"""The command line: `iki-xl …`. Thin: parse arguments, call the app layer, print.

Exit codes for every command: 0 ok, 1 findings/errors in the planner's data, 2 unusable
input (one line on stderr, no traceback).
"""

from __future__ import annotations

import json
import signal
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.text import Text

from iki_xl.app import files
from iki_xl.errors import IkiError, UnusableFile
from iki_xl.io import interchange
from iki_xl.terminal import cut, err, out, print_consolidation, print_losses, print_tree

app = typer.Typer(
    name="iki-xl",
    help="Alat Indikator Kinerja Individu (IKI) untuk Excel: buat, periksa, dan susun lampiran IKI.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    text = "text"
    json = "json"


@app.command()
def show(
    data: Annotated[
        Path,
        typer.Argument(
            help="Berkas data (.yaml/.json) atau workbook (.xlsx/.xlsm)", readable=False
        ),
    ],
    format: Annotated[Format, typer.Option("--format", "-f", help="text atau json")] = Format.text,
) -> None:
    """Tampilkan pohon jabatan beserta indikator dan jenis formulanya.

    Keluar 1 bila ada bagian berkas yang tidak terbaca (disebutkan satu per baris).
    """
    from iki_xl.app.check import load_dokumen_and_losses

    doc, losses = load_dokumen_and_losses(data)
    if format is Format.json:
        sys.stdout.write(interchange.to_json(doc))
    else:
        print_tree(doc)
    print_losses(data, losses)
    if losses:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Cetak JSON Schema format data IKI (YAML/JSON)."""
    sys.stdout.write(json.dumps(interchange.json_schema(), ensure_ascii=False, indent=2) + "\n")


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder keluaran")] = Path("out"),
) -> None:
    """Jalankan contoh lengkap pada data Dinas Sosial Kota Probolinggo."""
    from iki_xl.app.demo import run_demo

    raise typer.Exit(run_demo(out_dir, out))


# ---------------------------------------------------------------- validate, rules


@app.command()
def validate(
    workbook: Annotated[
        Path,
        typer.Argument(
            help="Workbook IKI (.xlsx/.xlsm) atau berkas data (.yaml/.json)", readable=False
        ),
    ],
    format: Annotated[Format, typer.Option("--format", "-f", help="text atau json")] = Format.text,
    report: Annotated[
        Path | None,
        typer.Option("--report", "-r", help="Tulis sheet 'Hasil Validasi' ke berkas .xlsx ini"),
    ] = None,
) -> None:
    """Periksa dokumen IKI: semua temuan beserta sel dan saran perbaikannya.

    Keluar dengan kode 0 bila tidak ada galat, 1 bila ada galat, 2 bila berkas tidak dapat
    dipakai. Berkas masukan tidak diubah.
    """
    from iki_xl.app.check import check_file
    from iki_xl.core.findings import Severity, count_by_severity
    from iki_xl.io.write.report import location, rule_counts, write_report

    if report is not None:
        files.check_output(report, (".xlsx",), "laporan", [workbook])
    checked = check_file(workbook)
    if report is not None:
        write_report(report, checked.findings, source=workbook, sheet_order=checked.sheet_order)
    counts = count_by_severity(checked.findings)
    if format is Format.json:
        rows = [f.to_json() for f in checked.findings]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        from rich.table import Table

        color = {Severity.GALAT: "red", Severity.PERINGATAN: "yellow", Severity.INFO: "cyan"}
        if checked.findings:  # first the counts per rule, worst and most frequent first
            summary = Table(title="Temuan per aturan")
            for title in ("Kode", "Keparahan", "Jumlah", "Aturan"):
                summary.add_column(
                    title, overflow="fold", justify="right" if title == "Jumlah" else "left"
                )
            for code, severity, n, rule in rule_counts(checked.findings):
                summary.add_row(code, f"[{color[severity]}]{severity}[/]", str(n), escape(rule))
            out.print(summary)
        table = Table(title=f"Hasil Validasi — {escape(workbook.name)}", show_lines=True)
        for title in ("Kode", "Keparahan", "Jabatan", "Lokasi", "Pesan", "Saran"):
            table.add_column(title, overflow="fold")
        for f in checked.findings:
            table.add_row(
                f.code,
                f"[{color[f.severity]}]{f.severity}[/]",
                escape(f.jabatan),
                escape(location(f)),
                escape(cut(f.message, 1000)),
                escape(cut(f.saran, 1000)),
                end_section=False,
            )
        if checked.findings:
            out.print(table)
        out.print(
            f"{counts[Severity.GALAT]} galat, {counts[Severity.PERINGATAN]} peringatan, "
            f"{counts[Severity.INFO]} info."
        )
        if report is not None:
            out.print(f"Laporan ditulis ke {escape(str(report))}.")
    raise typer.Exit(1 if counts[Severity.GALAT] else 0)


class RulesFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
def rules(
    format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="text, markdown atau json")
    ] = RulesFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Tulis ke berkas ini")
    ] = None,
) -> None:
    """Daftar aturan validasi: kode, keparahan, temuan, alasan, cara memperbaiki."""
    from iki_xl.core.rules.catalogue import CATALOGUE
    from iki_xl.core.rules.markdown import catalogue_markdown, rules_markdown
    from iki_xl.io.atomic import write_atomic

    if format is RulesFormat.markdown:
        # an existing docs/rules.md keeps its measured section (tests/defects/score.py)
        existing = output.read_text(encoding="utf-8") if output and output.is_file() else ""
        text = rules_markdown(existing) if existing else catalogue_markdown()
    elif format is RulesFormat.json:
        text = json.dumps([r.to_json() for r in CATALOGUE], ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(f"{r.code}  {r.severity:<10}  {r.title}\n" for r in CATALOGUE)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text.encode("utf-8"))


# ---------------------------------------------------------------- new / export (workbook)


@app.command()
def new(
    data: Annotated[Path, typer.Argument(help="Berkas data IKI (.yaml/.json)", readable=False)],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Workbook keluaran (.xlsx; .xlsm untuk templat)")
    ],
) -> None:
    """Buat workbook IKI dari berkas data: sheet Petunjuk, Instansi, satu sheet per jabatan."""
    from iki_xl.app.new_workbook import write_new_workbook
    from iki_xl.core.formulasi import complete
    from iki_xl.core.limits import text_limits

    files.check_output(output, files.WORKBOOK, "keluaran", [data])
    files.check_input(data, files.DATA)
    doc = complete(interchange.load(data))
    for f in text_limits(doc):  # a cell cannot hold it: refuse before writing, never cut
        raise UnusableFile(f"{data}: {f.jalur}: {f.message.split(';')[0]}; perpendek teks ini")
    write_new_workbook(doc, output)
    out.print(
        f"Workbook ditulis ke {escape(str(output))} ({len(doc.jabatan)} jabatan).", soft_wrap=True
    )


@app.command()
def export(
    workbook: Annotated[Path, typer.Argument(help="Workbook IKI (.xlsx/.xlsm)", readable=False)],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Berkas data keluaran (.yaml/.json)")
    ],
) -> None:
    """Ekspor isi workbook IKI ke berkas data YAML/JSON. Keluar 1 bila ada galat pembacaan."""
    from iki_xl.core.findings import Severity, sort_findings
    from iki_xl.io.read.workbook import read_workbook

    files.check_output(output, files.DATA, "keluaran", [workbook])
    files.check_input(workbook, files.WORKBOOK)
    read = read_workbook(workbook)
    interchange.save(read.dokumen, output)
    for f in sort_findings(read.findings, read.sheet_order):
        where = f"{f.sheet}!{f.cell}" if f.sheet else "-"
        err.print(Text(f"{f.severity} {workbook.name} {where}: {cut(f.message)}"), soft_wrap=True)
    out.print(
        f"Data ditulis ke {escape(str(output))} ({len(read.dokumen.jabatan)} jabatan).",
        soft_wrap=True,
    )
    if any(f.severity is Severity.GALAT for f in read.findings):
        raise typer.Exit(1)


# ---------------------------------------------------------------- consolidate


@app.command()
def consolidate(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Workbook IKI (.xlsx/.xlsm), berkas data (.yaml/.json) atau folder", readable=False
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Berkas keluaran .xlsx")],
    strict: Annotated[
        bool, typer.Option("--strict", help="Jangan menulis selama masih ada galat")
    ] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="Cetak juga ke PDF (LibreOffice)")] = False,
    docx: Annotated[
        bool,
        typer.Option("--docx", help="Tulis juga Keputusan dan Lampiran sebagai dokumen Word"),
    ] = False,
    org_order: Annotated[
        bool,
        typer.Option(
            "--org-order",
            help="Urutkan jabatan menurut struktur organisasi (atasan), bukan urutan sheet",
        ),
    ] = False,
    fraction: Annotated[
        bool,
        typer.Option(
            "--fraction",
            help="Tata rumus satu baris 'A / B' sebagai pecahan bersusun (kata tetap seperti ditulis)",
        ),
    ] = False,
) -> None:
    """Susun berkas pengajuan: Keputusan, Lampiran, Rekap dan Ringkasan.

    Satu berkas: pengajuan lengkap satu Perangkat Daerah (dengan --docx juga Keputusan dan
    Lampiran dalam Word, di samping berkas .xlsx). Beberapa berkas atau folder: Rekap dan
    Ringkasan gabungan se-Pemda; berkas yang tidak dapat dibaca dilewati dan dilaporkan.
    Selama masih ada galat setiap halaman bertanda DRAF. Keluar 0 bila ditulis tanpa galat,
    1 bila ditulis sebagai DRAF, bila --strict menolak atau ada berkas yang dilewati, 2 bila
    berkas tidak dapat dipakai.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from iki_xl.app.consolidate import consolidate as run

    files.check_output(output, (".xlsx",), "keluaran", inputs)
    with Progress(
        TextColumn("Membaca"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}", markup=False),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("", total=None)
        report = run(
            inputs,
            output,
            strict=strict,
            pdf=pdf,
            docx=docx,
            org_chart=org_order,
            fraction=fraction,
            progress=lambda i, n, name: bar.update(task, completed=i, total=n, description=name),
        )
    if docx and report.output is not None and report.output.docx is None:
        err.print("--docx hanya untuk pengajuan satu Perangkat Daerah: dokumen Word dilewati.")
    raise typer.Exit(print_consolidation(report))


@app.command()
def laporan(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Workbook IKI (.xlsx/.xlsm), berkas data (.yaml/.json) atau folder", readable=False
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Berkas keluaran .xlsx")],
    triwulan: Annotated[
        int | None,
        typer.Option(
            "--triwulan",
            "-t",
            help="Triwulan: 1, 2, 3 atau 4 (bawaan: triwulan terakhir yang realisasinya diisi)",
        ),
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Cetak juga ke PDF (LibreOffice)")] = False,
) -> None:
    """Laporan Capaian Kinerja Triwulan: target, realisasi dan capaian s.d. triwulan itu,
    predikat (setelah TW IV) dan faktor pendukung/penghambat/tindak lanjut, per indikator;
    rata-rata capaian per bidang beserta grafiknya. Satu Perangkat Daerah atau se-Pemda."""
    from iki_xl.app.laporan import write_laporan
    from iki_xl.core.numbers import QUARTERS

    files.check_output(output, (".xlsx",), "keluaran", inputs)
    written = write_laporan(inputs, output, triwulan, pdf=pdf)
    for why in written.skipped:
        err.print(Text(f"Dilewati: {cut(why, 2000)}"), soft_wrap=True)
    for what in written.incomplete:
        err.print(Text(f"galat tidak lengkap: {cut(what)}"), soft_wrap=True)
    for note in written.notes:
        err.print(Text(f"Peringatan: {cut(note)}"), soft_wrap=True)
    rows = written.report.rows
    judged = sum(r.capaian is not None for r in rows)
    out.print(
        escape(
            f"{written.report.title}: {len(rows)} indikator, {judged} dengan capaian s.d. "
            f"{QUARTERS[written.report.triwulan - 1]}."
        ),
        soft_wrap=True,
    )
    out.print(f"Laporan ditulis ke {escape(str(written.xlsx))}.", soft_wrap=True)
    if written.pdf is not None:
        out.print(f"PDF ditulis ke {escape(str(written.pdf))}.", soft_wrap=True)
    raise typer.Exit(1 if written.skipped or written.incomplete else 0)


@app.command("tahun-baru")
def tahun_baru(
    source: Annotated[
        Path,
        typer.Argument(
            help="Workbook IKI tahun ini (.xlsx/.xlsm) atau berkas data", readable=False
        ),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="IKI tahun baru (.xlsm, .xlsx, .yaml atau .json)"),
    ],
    tahun: Annotated[
        int | None, typer.Option("--tahun", help="Tahun IKI baru (bawaan: tahun berikutnya)")
    ] = None,
) -> None:
    """IKI tahun berikutnya: jabatan, tugas, fungsi, kinerja, indikator dan formulasi tetap;
    nilai tahun ini menjadi baseline (N−1); target, realisasi dan faktor dikosongkan; tahun
    keputusan diganti, nomor dan tanggalnya dikosongkan."""
    from iki_xl.app.new_workbook import write_tahun_baru

    files.check_input(source)
    files.check_output(output, (*files.WORKBOOK, *files.DATA), "keluaran", [source])
    result = write_tahun_baru(source, output, tahun)
    doc = result.dokumen
    out.print(
        escape(
            f"IKI tahun {doc.instansi.tahun} ditulis ke {output} ({len(doc.jabatan)} jabatan); "
            f"baseline diisi dari realisasi tahun lalu untuk {result.baseline_diisi} indikator."
        ),
        soft_wrap=True,
    )
    if result.baseline_kosong:
        err.print(
            f"[yellow]Baseline belum diisi[/] untuk {len(result.baseline_kosong)} indikator:",
            soft_wrap=True,
        )
        for line in result.baseline_kosong:
            err.print(f"  {escape(line)}", soft_wrap=True)


@app.command()
def banding(
    lama: Annotated[
        Path, typer.Argument(help="IKI lama (.xlsx/.xlsm/.yaml/.json)", readable=False)
    ],
    baru: Annotated[
        Path, typer.Argument(help="IKI baru (.xlsx/.xlsm/.yaml/.json)", readable=False)
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Berkas keluaran .xlsx")],
    pdf: Annotated[bool, typer.Option("--pdf", help="Cetak juga ke PDF (LibreOffice)")] = False,
) -> None:
    """Bandingkan dua IKI (mis. tahun lalu dan tahun ini): jabatan baru, dihapus atau
    diganti namanya; indikator baru, dihapus atau diubah redaksinya; sasaran, formulasi,
    satuan dan target yang berubah."""
    from iki_xl.app.banding import write_comparison
    from iki_xl.io.write.banding import summary

    for path in (lama, baru):
        files.check_input(path)
    files.check_output(output, (".xlsx",), "keluaran", [lama, baru])
    written = write_comparison(lama, baru, output, pdf=pdf)
    out.print(escape(f"{written.title}: {summary(written.changes)}"), soft_wrap=True)
    out.print(f"Perbandingan ditulis ke {escape(str(written.xlsx))}.", soft_wrap=True)
    if written.pdf is not None:
        out.print(f"PDF ditulis ke {escape(str(written.pdf))}.", soft_wrap=True)


@app.command()
def doctor(
    workbook: Annotated[
        Path | None,
        typer.Argument(
            help="Templat atau buku kerja .xlsm yang diperiksa (bawaan: "
            "workbooks/IKI_template.xlsm)"
        ),
    ] = None,
) -> None:
    """Periksa instalasi: Python, iki_xl, xlwings (harus sama dengan templat), pandas,
    LibreOffice, dan xlwings yang tertanam di templat.

    Pemeriksaan yang sama dengan tombol "Periksa Instalasi" di Excel. Keluar 0 bila semua
    lulus (peringatan tidak menggagalkan), 1 bila ada yang gagal.
    """
    from iki_xl.app.doctor import Status, exit_code, run_checks

    color = {Status.OK: "green", Status.PERINGATAN: "yellow", Status.GAGAL: "red"}
    checks = run_checks(workbook)
    out.print("Pemeriksaan instalasi iki-xl")
    for c in checks:
        mark = f"{c.status.value.upper():<10}"
        out.print(
            f"  [{color[c.status]}]{mark}[/] {escape(c.label)}: {escape(c.detail)}",
            soft_wrap=True,
        )
        if c.saran:
            out.print(f"  {'':<10} → {escape(c.saran)}", soft_wrap=True)
    failed = sum(c.status is Status.GAGAL for c in checks)
    warned = sum(c.status is Status.PERINGATAN for c in checks)
    out.print(f"Hasil: {failed} gagal, {warned} peringatan.")
    raise typer.Exit(exit_code(checks))


@app.command("build-template")
def build_template(
    output: Annotated[Path, typer.Option("--output", "-o", help="Lokasi berkas templat")] = Path(
        "workbooks/IKI_template.xlsm"
    ),
) -> None:
    """Bangun ulang IKI_template.xlsm dari sumber teks (VBA, ribbon, tata letak)."""
    from iki_xl.template.build import write_template

    path = write_template(output)
    out.print(f"Templat ditulis: {escape(str(path))} ({path.stat().st_size:,} bita)")


class _Stopped(KeyboardInterrupt):
    """SIGTERM (or SIGHUP): unwind like Ctrl-C, so every temporary file is removed."""


_STOPPED_BY: list[int] = []


def _stop(signum: int, _frame: object) -> None:
    _STOPPED_BY.append(signum)
    raise _Stopped(signum)


def main() -> None:
    """Console entry point: a planner's unusable file is one line and exit 2, never a traceback."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)
    try:
        app()
    except SystemExit:
        if _STOPPED_BY:  # typer turns the interrupt into exit 130: say which signal it was
            sys.exit(128 + _STOPPED_BY[0])
        raise
    except IkiError as e:
        err.print(Text(f"Galat: {cut(str(e), 2000)}"), soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("Dibatalkan.")
        sys.exit(128 + _STOPPED_BY[0] if _STOPPED_BY else 130)
